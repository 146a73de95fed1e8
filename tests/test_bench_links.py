"""Linking benchmark helpers: synthetic copies keep every link row, probes leave the store as it was."""

from __future__ import annotations

from datetime import date

from communique.bench_links import COPY_DAYS, grow, probe
from communique.records import ActorRef, Article, Content, DateRef, Event, Result, Span, Speaker, Statement
from communique.store import Store

TEXT = "Anna Berg met Olav Dahl on Tuesday. Olav Dahl said the ferry tolls would rise in April."


def _result(doc: str) -> Result:
    art = Article(id=doc, text=TEXT + f" ({doc})", published=date(2026, 3, 4), source="Wire")
    start = TEXT.index("the ferry")
    st = Statement(id=f"{doc}:s1", doc=doc, kind="indirect",
                   content=Content("the ferry tolls would rise in April", start, start + 35),
                   speaker=Speaker("Olav Dahl", 36, 45, name="Olav Dahl", country="SWE", sector="GOV"))
    ev = Event(id=f"{doc}:e1", doc=doc, event_type="CONSULT", trigger=Span("met", 10, 13),
               actors=[ActorRef("Anna Berg", 0, 9, name="Anna Berg", country="NOR", sector="GOV")],
               recipients=[ActorRef("Olav Dahl", 14, 23, name="Olav Dahl", country="SWE", sector="GOV")],
               date=DateRef("Tuesday", 27, 34, "2026-03-03", "day"))
    return Result(art, [st], [ev])


def test_grow_copies_articles_records_and_links_later_in_time(tmp_path):
    with Store(tmp_path / "s.db") as store:
        for doc in ("a", "b"):
            store.add(_result(doc))
        assert grow(store, 2, 6) == 2
        db = store.db
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 6
        groups = dict(db.execute("SELECT event_id, incident FROM link_events").fetchall())
        assert groups == {"a:e1": "a:e1", "b:e1": "a:e1", "a:e1#1": "a:e1#1", "b:e1#1": "a:e1#1",
                          "a:e1#2": "a:e1#2", "b:e1#2": "a:e1#2"}
        days = dict(db.execute("SELECT event_id, lo FROM link_events").fetchall())
        assert days["a:e1#2"] - days["a:e1"] == 2 * COPY_DAYS
        assert db.execute("SELECT COUNT(*) FROM link_keys WHERE statement_id = 'b:s1#2'").fetchone()[0] == \
            db.execute("SELECT COUNT(*) FROM link_keys WHERE statement_id = 'b:s1'").fetchone()[0]


def test_probe_times_each_article_and_rolls_back(tmp_path):
    with Store(tmp_path / "s.db") as store:
        for doc in ("a", "b"):
            store.add(_result(doc))
        timings = probe(store, [_result("c")], COPY_DAYS)
        assert len(timings) == 1 and timings[0] > 0
        assert store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
        assert store.db.execute("SELECT COUNT(*) FROM link_events").fetchone()[0] == 2
