"""Store migrations and read queries: an old store gains day and full-text indexes; cursors; offices."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from communique.records import Article, Content, Result, Speaker, Statement
from communique.store import SCHEMA, Store
from communique.store.queries import BadCursor, StatementFilter, decode_cursor, encode_cursor, fts_query


def old_store(path) -> None:
    """A store as version 0 wrote it: no day column, no full-text index."""
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO articles (doc, text, text_hash, published, ingested_at) VALUES "
               "('old', 'Ana Ruiz said the reservoir was full.', 'h1', '2026-02-01', 'now')")
    rec = {"type": "statement", "id": "old-1", "doc": "old", "kind": "indirect",
           "content": {"text": "the reservoir was full", "start": 14, "end": 36, "parts": []},
           "speaker": None, "cue": None, "addressee": None, "date": None, "confidence": 0.5}
    db.execute("INSERT INTO statements (id, doc, kind, content_text, said_on, json) VALUES "
               "('old-1', 'old', 'indirect', 'the reservoir was full', NULL, ?)", (json.dumps(rec),))
    for n, name in ((2, "reporters"), (3, "statement")):  # addressees as version 1 wrote them: no kind
        told = {**rec, "id": f"old-{n}", "addressee": {"text": name, "start": 0, "end": 3, "name": name,
                                                        "inherited": False}}
        db.execute("INSERT INTO statements (id, doc, kind, content_text, said_on, json) VALUES "
                   "(?, 'old', 'indirect', 'x', NULL, ?)", (f"old-{n}", json.dumps(told)))
    db.commit()
    db.close()


def test_an_old_store_is_migrated_once_and_searchable(tmp_path):
    path = tmp_path / "old.db"
    old_store(path)
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == 3
        assert store.db.execute("SELECT version FROM schema_version").fetchone()[0] == 3
        assert store.db.execute("SELECT day FROM statements").fetchone()[0] == "2026-02-01"
        kinds = [(json.loads(j)["addressee"] or {}).get("kind") for (j,) in
                 store.db.execute("SELECT json FROM statements ORDER BY id")]
        assert kinds == [None, "listener", "channel"]
        assert [s["id"] for s in store.statement_page(StatementFilter(q="reservoir")).items] == ["old-1"]
        assert [a["id"] for a in store.article_page("ruiz").items] == ["old"]
        assert [s["id"] for s in store.statements(since=date(2026, 2, 1))] == ["old-1", "old-2", "old-3"]
    with Store(path) as store:  # opening again changes nothing
        assert store.db.execute("SELECT COUNT(*) FROM statements_fts").fetchone()[0] == 3


def test_full_text_index_follows_every_write(store_target):
    with Store(store_target) as store:
        text = "Anna Berg said the harbour would close."
        st = Statement("n-1", "n", "indirect", Content("the harbour would close", 15, 38),
                       speaker=Speaker("Anna Berg", 0, 9, name="Anna Berg", role="Mayor"))
        store.add(Result(Article("n", text, published=date(2026, 5, 1)), [st]))
        assert [s["id"] for s in store.statement_page(StatementFilter(q="harbour")).items] == ["n-1"]
        with pytest.raises(RuntimeError), store.atomic():  # a rolled-back write leaves no index rows
            store.add(Result(Article("m", "Olav Dahl said the bridge is shut."), [
                Statement("m-1", "m", "indirect", Content("the bridge is shut", 15, 33))]))
            raise RuntimeError("abort")
        assert store.statement_page(StatementFilter(q="bridge")).items == []
        assert store.article_page("bridge").items == []
        profile = store.actor_profile("anna-berg")
        assert profile["offices"] == [{"title": "Mayor", "first_seen": "2026-05-01", "last_seen": "2026-05-01",
                                       "statements": 1}]


def test_cursors_round_trip_and_foreign_ones_are_refused():
    assert decode_cursor(encode_cursor(["2026-03-01", 7]), (str, int)) == ["2026-03-01", 7]
    for bad in ("???", encode_cursor(["x"]), encode_cursor([1, 2]), encode_cursor({"a": 1})):
        with pytest.raises(BadCursor):
            decode_cursor(bad, (str, int))


def test_typed_queries_become_safe_fts_queries():
    assert fts_query('dam "red line" NEAR(x') == '"dam" AND "red line" AND "NEAR" AND "x"'
    assert fts_query("  ") is None


def _columns(store: Store) -> dict[str, list[str]]:
    """Each table's columns, as the backend reports them."""
    if store.db.kind == "sqlite":
        tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%'")]
        return {t: sorted(r[1] for r in store.db.execute(f"PRAGMA table_info({t})")) for t in tables}
    out: dict[str, list[str]] = {}
    for table, column in store.db.execute("SELECT table_name, column_name FROM information_schema.columns"
                                          " WHERE table_schema = current_schema()"):
        out.setdefault(table, []).append(column)
    return {t: sorted(c) for t, c in out.items()}


def test_both_backends_have_the_same_tables_and_columns(tmp_path, pg_schema):
    with Store(tmp_path / "t.db") as lite, Store(pg_schema) as pg:
        lite_cols, pg_cols = _columns(lite), _columns(pg)
    assert sorted(lite_cols) == sorted(pg_cols)
    assert {"actor_aliases", "actors", "articles", "event_actors", "events", "schema_version", "statements",
            "store_state", "incident_links", "remark_links", "responses"} <= set(pg_cols)  # the link tables too
    # PostgreSQL's only extras: the rowid SQLite has implicitly, and the generated full-text columns.
    extras = {t: sorted(set(pg_cols[t]) - set(lite_cols[t])) for t in pg_cols if set(pg_cols[t]) != set(lite_cols[t])}
    assert extras == {"articles": ["tsv"], "events": ["rowid"], "statements": ["content_tsv", "rowid"]}
    assert all(set(lite_cols[t]) <= set(pg_cols[t]) for t in lite_cols)


def test_a_new_postgresql_store_opened_by_four_processes_at_once_is_created_once(pg_schema):
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(4) as pool:
        opened = pool.map(open_and_count, [pg_schema] * 4)
    assert opened == [{"articles": 0, "statements": 0, "events": 0, "actors": 0}] * 4
    with Store(pg_schema) as store:
        assert store.db.execute("SELECT version FROM schema_version").fetchall() == [(3,)]


def open_and_count(target: str) -> dict:
    """Open (creating) the store in a process of its own; its counts, or the error that stopped it."""
    try:
        with Store(target) as store:
            return store.counts()
    except Exception as exc:  # noqa: BLE001 - the test compares it
        return {"error": f"{type(exc).__name__}: {exc}"}


def test_a_postgresql_store_of_version_2_is_migrated_once_even_when_opened_four_times_at_once(pg_schema):
    import threading

    with Store(pg_schema) as store:
        st = Statement("v-1", "v", "indirect", Content("the dam is safe", 15, 30),
                       speaker=Speaker("Ana Ruiz", 0, 8, name="Ana Ruiz"))
        store.add(Result(Article("v", "Ana Ruiz said the dam is safe."), [st]))
        for sql in ("ALTER TABLE actors DROP COLUMN version", "ALTER TABLE actor_aliases DROP COLUMN version",
                    "DROP TABLE store_state", "UPDATE schema_version SET version = 2"):
            store.db.execute(sql)
    opened, errors = [], []

    def open_store():
        try:
            opened.append(Store(pg_schema))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(opened) == 4
    store = opened[0]
    assert store.db.execute("SELECT version FROM schema_version").fetchall() == [(3,)]
    assert [a["actor_id"] for a in store.actors()] == ["ana-ruiz"]
    later = Statement("w-1", "w", "indirect", Content("talks resume", 12, 24), speaker=Speaker("Ruiz", 0, 4, name="Ruiz"))
    store.add(Result(Article("w", "Ruiz said talks resume."), [later]))
    assert later.speaker.actor_id == "ana-ruiz"
    assert [s["id"] for s in store.statement_page(StatementFilter(q="dam")).items] == ["v-1"]


# --- what a user types is matched as text: LIKE wildcards and full-text syntax ------------------------------

NAMES = {"pct": "Liga 50% Norte", "und": "Grupo_Sur", "bs": "Orden \\ Paz", "plain": "Ana Ruiz"}
SAYS = {"pct": "the port stays shut", "und": "talks and fees resume", "bs": "the quay is open", "plain": "no comment"}


def _typed_store(target) -> Store:
    """Four speakers (and event actors), three with a LIKE wildcard or the escape character in their names."""
    from communique.records import ActorRef, Event, Span

    store = Store(target)
    for key, name in NAMES.items():
        text = f"{name} said {SAYS[key]}. {name} threatened Oslo."
        st = Statement(f"s-{key}", key, "indirect", Content(SAYS[key], len(name) + 6, len(name) + 6 + len(SAYS[key])),
                       speaker=Speaker(name, 0, len(name), name=name))
        verb, oslo, second = text.index("threatened"), text.index("Oslo"), text.index(name, len(name))
        ev = Event(f"e-{key}", key, "THREATEN", Span("threatened", verb, verb + 10),
                   actors=[ActorRef(name, second, second + len(name), name=name)],
                   recipients=[ActorRef("Oslo", oslo, oslo + 4, name="Oslo")])
        store.add(Result(Article(key, text, published=date(2026, 4, 1)), [st], [ev]))
    return store


@pytest.mark.parametrize("typed, keys", [("%", ["pct"]), ("_", ["und"]), ("\\", ["bs"]), ("50%", ["pct"]),
                                         ("o_s", ["und"]), ("0% n", ["pct"]), ("n \\ p", ["bs"]), ("r%z", []),
                                         ("RUIZ", ["plain"])])
def test_like_wildcards_and_the_escape_character_in_names_are_matched_literally(store_target, typed, keys):
    with _typed_store(store_target) as store:
        assert [s["id"] for s in store.statements(speaker=typed)] == [f"s-{k}" for k in keys]
        assert [e["id"] for e in store.events(actor=typed)] == [f"e-{k}" for k in keys]
        assert [a["name"] for a in store.actor_page(typed).items] == [NAMES[k] for k in keys]
        assert [r["speaker"] for r in store.links.remarks(speaker=typed)] == [NAMES[k] for k in keys]
        assert [i["actors"] for i in store.links.incidents(actor=typed)] == [[NAMES[k]] for k in keys]
        assert [r["actor"] for r in store.links.timeline(typed)] == [NAMES[k] for k in keys]


@pytest.mark.parametrize("typed, keys", [('"', []), ("*", []), ("AND(", ["und"]), ("port*", ["pct"]),
                                         ('"port stays', ["pct"]), ("' OR 1=1 --", []), ("NEAR(port, 2)", []),
                                         ("___", []), ("\\", []), ("-port", ["pct"]), ("quay:open^", ["bs"]),
                                         ('"the" "is open"', ["bs"])])
def test_full_text_search_takes_query_syntax_as_words(store_target, typed, keys):
    with _typed_store(store_target) as store:
        assert [s["id"] for s in store.statement_page(StatementFilter(q=typed)).items] == [f"s-{k}" for k in keys]
        assert sorted(a["id"] for a in store.article_page(typed).items) == sorted(keys)
