"""Records as rows and back: what Ray blocks and Parquet files carry must rebuild the very same records."""

from __future__ import annotations

from datetime import date

from communique.records import (
    ActorRef, Addressee, Article, Content, Cue, DateRef, Event, Location, Result, Skip, Span, Speaker, Statement,
)
from communique.records_io import item_to_row, output_to_row, row_to_item, row_to_output

TEXT = 'Oslo -- "We will not sign," Foreign Minister Anna Berg told reporters on Friday. Berg met Olav Dahl.'


def full_result() -> Result:
    """A result using every kind of field: split quotes, every optional part, nested lists, flags."""
    st = Statement(
        id="a:s1", doc="a", kind="direct", content=Content("We will not sign", 9, 25, parts=[(9, 14), (15, 25)]),
        speaker=Speaker("Foreign Minister Anna Berg", 28, 54, name="Anna Berg", role="Foreign Minister",
                        country="NOR", sector="GOV", actor_id="anna-berg"),
        cue=Cue("told", 55, 59, "tell"), addressee=Addressee("reporters", 60, 69, "reporters"),
        date=DateRef("on Friday", 70, 79, "2026-03-06", "day"), confidence=0.75)
    ev = Event(
        id="a:e1", doc="a", event_type="CONSULT", trigger=Span("met", 86, 89), mode="meet", contexts=["diplomatic"],
        actors=[ActorRef("Berg", 81, 85, name="Anna Berg", country="NOR", sector="GOV", actor_id="anna-berg")],
        recipients=[ActorRef("Olav Dahl", 90, 99, name="Olav Dahl")], date=None,
        location=Location("Oslo", 0, 4, "Oslo", "NOR"), negated=False, future=True, hypothetical=False,
        claimed_by="a:s1", confidence=0.6, coded_by="meet (CAMEO 040)")
    article = Article("a", TEXT, title="Talks", published=date(2026, 3, 7), source="Wire", url="https://x.test/a",
                      path="feed.jsonl")
    return Result(article, [st], [ev])


def test_a_result_survives_the_row_form_exactly():
    result = full_result()
    row = output_to_row(result)
    assert row["kind"] == "result" and row["published"] == "2026-03-07"
    back = row_to_output(row)
    assert back == result
    assert back.statements[0].content.parts == [(9, 14), (15, 25)]  # tuples again, not lists
    assert back.statements[0].to_dict() == result.statements[0].to_dict()


def test_to_dict_gives_what_dataclasses_asdict_gives():
    from dataclasses import asdict

    result = full_result()
    st, ev = result.statements[0], result.events[0]
    expected = {"type": "statement", **asdict(st)}
    expected["content"]["parts"] = [[9, 14], [15, 25]]
    assert st.to_dict() == expected
    assert ev.to_dict() == {"type": "event", **asdict(ev)}
    assert st.to_dict()["speaker"] is not st.to_dict()["speaker"]  # fresh dicts: callers may change them


def test_articles_and_skips_survive_the_row_form():
    article = Article("b", "Text.", published=None, path="b.txt")
    assert row_to_item(item_to_row(article)) == article
    skip = Skip("feed.jsonl:3", "malformed JSON (Expecting value)")
    assert row_to_item(item_to_row(skip)) == skip
    assert row_to_output(output_to_row(skip)) == skip
    assert set(item_to_row(article)) == set(output_to_row(full_result()))  # one schema for every row


def test_a_result_without_records_has_empty_lists():
    empty = Result(Article("c", "Nothing said here."))
    assert row_to_output(output_to_row(empty)) == empty
