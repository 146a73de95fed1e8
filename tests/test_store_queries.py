"""Store migrations and read queries: an old store gains day and full-text indexes; cursors; offices."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from communique.records import Article, Content, Result, Speaker, Statement
from communique.store import SCHEMA, Store
from communique.store_queries import BadCursor, StatementFilter, decode_cursor, encode_cursor, fts_query


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
    db.commit()
    db.close()


def test_an_old_store_is_migrated_once_and_searchable(tmp_path):
    path = tmp_path / "old.db"
    old_store(path)
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert store.db.execute("SELECT version FROM schema_version").fetchone()[0] == 2
        assert store.db.execute("SELECT day FROM statements").fetchone()[0] == "2026-02-01"
        assert [s["id"] for s in store.statement_page(StatementFilter(q="reservoir")).items] == ["old-1"]
        assert [a["id"] for a in store.article_page("ruiz").items] == ["old"]
        assert [s["id"] for s in store.statements(since=date(2026, 2, 1))] == ["old-1"]
    with Store(path) as store:  # opening again changes nothing
        assert store.db.execute("SELECT COUNT(*) FROM statements_fts").fetchone()[0] == 1


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
