"""The store, on SQLite and on PostgreSQL: idempotent writes, whole articles only, actors kept across
articles, queries."""

from __future__ import annotations

from datetime import date

import pytest

from communique.records import (
    ActorRef, Article, Content, DateRef, Event, Result, Span, Speaker, Statement,
)
from communique.store import Store, first_day, text_hash
from communique.store.backend import integrity_errors
from communique.store.actors import _actor_key as key


@pytest.fixture
def store(store_target):
    with Store(store_target) as s:
        yield s


def said(doc: str, n: int, text: str, speaker: str, name: str, start: int = 0, **kw) -> Statement:
    """An indirect statement whose speaker mention starts the sentence."""
    return Statement(
        id=f"{doc}-{n}", doc=doc, kind="indirect",
        content=Content("talks would resume", start + len(speaker) + 6, start + len(speaker) + 24),
        speaker=Speaker(speaker, start, start + len(speaker), name=name, **kw.pop("speaker_kw", {})), **kw,
    )


def result(doc: str, text: str, statements=(), events=(), published=None) -> Result:
    return Result(Article(id=doc, text=text, published=published, path=f"{doc}.txt"), list(statements), list(events))


def test_same_text_twice_adds_nothing_even_with_crlf_line_endings(store):
    text = "Anna Berg said talks would resume.\nShe spoke in Oslo."
    assert store.add(result("a", text, [said("a", 1, text, "Anna Berg", "Anna Berg")])) is True
    assert store.add(result("a", text, [said("a", 1, text, "Anna Berg", "Anna Berg")])) is False
    assert store.add(result("copy", text.replace("\n", "\r\n"))) is False
    assert store.counts() == {"articles": 1, "statements": 1, "events": 0, "actors": 1}
    assert text_hash("x\r\ny") == text_hash("x\ny")


def test_an_id_used_by_another_text_gets_a_suffix_and_its_records_follow(store):
    store.add(result("story", "Anna Berg said talks would resume.", [said("story", 1, "", "Anna Berg", "Anna Berg")]))
    second = result("story", "Olav Dahl said talks would resume.", [said("story", 1, "", "Olav Dahl", "Olav Dahl")])
    assert store.add(second) is True
    assert second.article.id == "story-2"
    rows = store.db.execute("SELECT id, doc FROM statements ORDER BY rowid").fetchall()
    assert [tuple(r) for r in rows] == [("story-1", "story"), ("story-2-1", "story-2")]
    assert store.article("story-2")["text"] == "Olav Dahl said talks would resume."


def test_speaker_and_date_filters_fall_back_to_publication_date(store):
    dated = said("a", 1, "", "Anna Berg", "Anna Berg", date=DateRef("on Friday", 40, 49, "2026-03-06", "day"))
    weekend = said("a", 2, "", "Anna Berg", "Anna Berg", date=DateRef("over the weekend", 60, 76,
                                                                        "2026-03-07/2026-03-08", "weekend"))
    store.add(result("a", "text of a", [dated, weekend], published=date(2026, 3, 10)))
    undated = said("b", 1, "", "Olav Dahl", "Olav Dahl")  # no date of its own: published 2026-04-02
    store.add(result("b", "text of b", [undated], published=date(2026, 4, 2)))

    def ids(**kw):
        return [s["id"] for s in store.statements(**kw)]

    assert ids() == ["a-1", "a-2", "b-1"]
    assert ids(speaker="berg") == ["a-1", "a-2"]
    assert ids(since=date(2026, 3, 7)) == ["a-2", "b-1"]  # the weekend counts from its first day
    assert ids(until=date(2026, 3, 6)) == ["a-1"]
    assert ids(since=date(2026, 4, 1), until=date(2026, 4, 30)) == ["b-1"]
    assert ids(speaker="dahl", until=date(2026, 3, 31)) == []
    said_on = store.db.execute("SELECT said_on FROM statements ORDER BY rowid").fetchall()
    assert [r[0] for r in said_on] == ["2026-03-06", "2026-03-07", None]


def test_actor_named_in_full_once_resolves_a_bare_surname_in_a_later_article(store):
    first_text = "French President Emmanuel Macron said talks would resume."
    first = Statement(
        id="p-1", doc="p", kind="indirect", content=Content("talks would resume", 38, 56),
        speaker=Speaker("French President Emmanuel Macron", 0, 32, name="Emmanuel Macron", role="President",
                        country="FRA", sector="GOV"),
    )
    store.add(result("p", first_text, [first]))
    later = Statement(
        id="q-1", doc="q", kind="indirect", content=Content("the deal was close", 12, 30),
        speaker=Speaker("Macron", 0, 6, name="Macron"),
    )
    store.add(result("q", "Macron said the deal was close.", [later]))
    assert later.speaker.actor_id == first.speaker.actor_id == key("Emmanuel Macron", "FRA")
    assert (later.speaker.name, later.speaker.country, later.speaker.role) == ("Emmanuel Macron", "FRA", "President")
    assert [s["id"] for s in store.statements(speaker="Emmanuel Macron")] == ["p-1", "q-1"]
    (actor,) = store.actors()
    assert (actor["name"], actor["kind"], actor["country"], actor["aliases"], actor["statements"]) == (
        "Emmanuel Macron", "person", "FRA", ["Macron"], 2)


def test_a_surname_stored_first_takes_the_full_name_when_it_appears_later(store):
    bare = said("a", 1, "", "Halvorsen", "Halvorsen")
    store.add(result("a", "a", [bare]))
    full = said("b", 1, "", "Defence Minister Ingrid Halvorsen", "Ingrid Halvorsen")
    store.add(result("b", "b", [full]))
    assert full.speaker.actor_id == bare.speaker.actor_id == "halvorsen"
    assert [s["speaker"]["name"] for s in store.statements(speaker="Ingrid")] == ["Ingrid Halvorsen"] * 2
    (actor,) = store.actors()
    assert (actor["name"], actor["aliases"], actor["statements"]) == ("Ingrid Halvorsen", ["Halvorsen"], 2)


def test_near_miss_spelling_matches_but_a_shared_surname_stays_apart(store):
    store.add(result("a", "a", [said("a", 1, "", "Ingrid Halvorsen", "Ingrid Halvorsen"),
                                said("a", 2, "", "Petra Moen", "Petra Moen"),
                                said("a", 3, "", "Jonas Moen", "Jonas Moen")]))
    typo = said("b", 1, "", "Ingrid Halvorsén", "Ingrid Halvorsén")
    ambiguous = said("b", 2, "", "Moen", "Moen")
    store.add(result("b", "b", [typo, ambiguous]))
    assert typo.speaker.actor_id == key("Ingrid Halvorsen", None) == "ingrid-halvorsen"
    assert ambiguous.speaker.actor_id == "moen"  # two known Moens: a new actor, not a guess
    assert store.counts()["actors"] == 4


@pytest.mark.parametrize("surname_first", [True, False])
def test_an_article_gives_its_mentions_the_same_actor_whatever_order_it_names_them_in(store, surname_first):
    mentions = [said("a", 1, "", "Voss", "Voss"),
                said("a", 2, "", "Lena Voss", "Lena Voss"),
                said("a", 3, "", "Norwegian minister Lena Voss", "Lena Voss", speaker_kw={"country": "NOR"})]
    if not surname_first:
        mentions.reverse()
    store.add(result("a", "an article", mentions))
    # The actor is made from the mention that says most, and every mention gets what the article taught.
    assert sorted((s.id, s.speaker.actor_id, s.speaker.name, s.speaker.country) for s in mentions) == [
        ("a-1", "lena-voss@NOR", "Lena Voss", "NOR"), ("a-2", "lena-voss@NOR", "Lena Voss", "NOR"),
        ("a-3", "lena-voss@NOR", "Lena Voss", "NOR")]
    assert [(r["speaker"]["name"], r["speaker"]["country"]) for r in store.statements()] == [("Lena Voss", "NOR")] * 3
    (actor,) = store.actors()
    assert (actor["actor_id"], actor["aliases"], actor["statements"]) == ("lena-voss@NOR", ["Voss"], 3)


def test_what_a_later_article_teaches_of_an_actor_reaches_the_records_stored_before_it(store):
    meeting = Event(id="a-e1", doc="a", event_type="CONSULT", mode="meet", trigger=Span("met", 10, 13),
                    actors=[ActorRef("Lena Voss", 0, 9, name="Lena Voss")],
                    recipients=[ActorRef("Olav Dahl", 14, 23, name="Olav Dahl", country="SWE")])
    store.add(result("a", "Lena Voss met Olav Dahl.", [said("a", 1, "", "Lena Voss", "Lena Voss")], [meeting]))
    assert [e["id"] for e in store.events(country="NOR")] == []
    store.add(result("b", "b", [said("b", 1, "", "Fisheries Minister Lena Voss", "Lena Voss", speaker_kw={
        "country": "NOR", "sector": "GOV", "role": "Fisheries Minister"})]))
    # As if the first article had come second: its statement and its event know her country, sector and role now.
    assert [(s["id"], s["speaker"]["actor_id"], s["speaker"]["country"], s["speaker"]["sector"], s["speaker"]["role"])
            for s in store.statements()] == [("a-1", "lena-voss", "NOR", "GOV", "Fisheries Minister"),
                                              ("b-1", "lena-voss", "NOR", "GOV", "Fisheries Minister")]
    assert [e["id"] for e in store.events(country="NOR")] == ["a-e1"]
    (ev,) = store.events()
    assert [(r["name"], r["country"], r["sector"]) for r in ev["actors"] + ev["recipients"]] == [
        ("Lena Voss", "NOR", "GOV"), ("Olav Dahl", "SWE", None)]
    columns = store.db.execute("SELECT speaker_country, speaker_sector, speaker_role FROM statements ORDER BY id")
    assert [tuple(r) for r in columns] == [("NOR", "GOV", "Fisheries Minister")] * 2


def test_actor_rows_the_cache_never_saw_are_reused_or_stepped_around_not_a_crash(store):
    # Rows written without a stamp in store_state (by hand, or by an older Communiqué): no cache can know them.
    store.db.execute("INSERT INTO actors (actor_id, name, kind) VALUES ('anna-berg', 'Anna Berg', 'person')")
    store.db.execute("INSERT INTO actors (actor_id, name, kind) VALUES ('olav-dahl', 'Knut Lie', 'person')")
    anna, olav = said("a", 1, "", "Anna Berg", "Anna Berg"), said("a", 2, "", "Olav Dahl", "Olav Dahl")
    assert store.add(result("a", "an article", [anna, olav])) is True
    assert (anna.speaker.actor_id, olav.speaker.actor_id) == ("anna-berg", "olav-dahl-2")
    assert sorted((a["actor_id"], a["name"], a["statements"]) for a in store.actors()) == [
        ("anna-berg", "Anna Berg", 1), ("olav-dahl", "Knut Lie", 0), ("olav-dahl-2", "Olav Dahl", 1)]


def test_a_failure_mid_article_leaves_nothing_of_it(store):
    ok = said("a", 1, "", "Anna Berg", "Anna Berg")
    clash = said("a", 1, "", "Olav Dahl", "Olav Dahl")  # same id: the second insert fails
    with pytest.raises(integrity_errors()):
        store.add(result("a", "an article", [ok, clash]))
    assert store.counts() == {"articles": 0, "statements": 0, "events": 0, "actors": 0}
    # The rolled-back actors are forgotten too: the same article goes in cleanly afterwards.
    assert store.add(result("a", "an article", [said("a", 1, "", "Anna Berg", "Anna Berg")])) is True
    assert [a["actor_id"] for a in store.actors()] == ["anna-berg"]


def test_event_queries_by_type_actor_country_and_date(store):
    text = "Anna Berg met Olav Dahl in Bergen."
    ev = Event(
        id="e-e1", doc="e", event_type="CONSULT", mode="meet", trigger=Span("met", 10, 13),
        actors=[ActorRef("Anna Berg", 0, 9, name="Anna Berg", country="NOR", sector="GOV")],
        recipients=[ActorRef("Olav Dahl", 14, 23, name="Olav Dahl", country="SWE", sector="GOV")],
        date=DateRef("Tuesday", 0, 0, "2026-03-10", "day"),
    )
    store.add(result("e", text, events=[ev], published=date(2026, 3, 11)))

    def ids(**kw):
        return [e["id"] for e in store.events(**kw)]

    assert ids(type="consult") == ["e-e1"]
    assert ids(type="ACCUSE") == []
    assert ids(actor="dahl") == ["e-e1"]  # recipients count as actors for the filter
    assert ids(country="SWE") == ids(country="nor") == ["e-e1"]
    assert ids(country="FRA") == []
    assert ids(since=date(2026, 3, 11)) == []
    assert ids(until=date(2026, 3, 10)) == ["e-e1"]
    got = store.events()[0]
    assert got["actors"][0]["actor_id"] == key("Anna Berg", "NOR")
    assert got["recipients"][0]["actor_id"] == key("Olav Dahl", "SWE")
    roles = store.db.execute("SELECT role, name FROM event_actors ORDER BY role").fetchall()
    assert [tuple(r) for r in roles] == [("actor", "Anna Berg"), ("recipient", "Olav Dahl")]


def test_first_day_of_date_values():
    assert first_day("2026-03-12") == "2026-03-12"
    assert first_day("2026-03-07/2026-03-08") == "2026-03-07"
    assert first_day("2026-03") == "2026-03-01"
    assert first_day("2026") == "2026-01-01"
    assert first_day("2026-W11") == "2026-03-09"
    assert first_day(None) is None and first_day("soon") is None


def test_an_sqlite_store_is_in_wal_mode_and_waits_half_a_minute_for_another_writer(tmp_path):
    with Store(str(tmp_path / "w.db")) as store:
        pragmas = [store.db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("journal_mode", "busy_timeout")]
    assert pragmas == ["wal", 30000]
