"""What the event coder looks back at (events/recall.py): each lookup gives what a scan of everything would."""

from __future__ import annotations

import random

import pytest

from communique.extract.events.recall import Claims, Recall, Speakers, Timeline, date_anaphors
from communique.records import ActorRef, Content, DateRef, Event, Span, Speaker, Statement


def _statement(n: int, start: int, end: int, parts=()) -> Statement:
    return Statement(id=f"d:s{n}", doc="d", kind="direct", content=Content("x", start, end, list(parts)))


def test_claims_give_the_first_statement_in_order_that_holds_an_offset():
    statements = [_statement(1, 100, 200), _statement(2, 10, 400, parts=[(10, 60), (300, 400)]), _statement(3, 150, 160)]
    claims = Claims(statements)
    assert [getattr(claims.holding(c), "id", None) for c in (5, 10, 59, 60, 150, 199, 200, 350, 400)] == [
        None, "d:s2", "d:s2", None, "d:s1", "d:s1", None, "d:s2", None]


def test_claims_agree_with_a_scan_of_every_statement():
    rng = random.Random(7)
    statements = []
    for n in range(300):
        start = rng.randrange(0, 20_000)
        if rng.random() < 0.3:
            mid = start + rng.randrange(1, 300)
            parts = [(start, mid), (mid + rng.randrange(1, 50), mid + rng.randrange(60, 900))]
            statements.append(_statement(n, parts[0][0], parts[1][1], parts))
        else:
            statements.append(_statement(n, start, start + rng.randrange(1, 2_000)))
    claims = Claims(statements)

    def scan(char):
        for st in statements:
            if any(a <= char < b for a, b in st.content.parts or [(st.content.start, st.content.end)]):
                return st
        return None

    for char in range(0, 22_000, 37):
        assert claims.holding(char) is scan(char)


def test_speakers_give_the_first_that_holds_a_mention_or_has_its_surname():
    sp = [Speaker("Ines Tavares", 0, 12, name="Ines Tavares"), Speaker("the envoy Olav Dahl", 50, 69, name="Olav Dahl"),
          Speaker("Dahl", 300, 304, name="Olav Dahl")]
    index = Speakers(sp)
    assert index.first_for(60, 69, None) is sp[1]
    assert index.first_for(300, 304, "Dahl") is sp[1]  # the surname: the first speaker with it, not the nearest
    assert index.first_for(500, 510, "Tavares") is sp[0]
    assert index.first_for(500, 510, "Ines Tavares") is None  # a full name is matched by the mention, not the surname
    assert index.first_for(13, 20, None) is None


def test_timeline_keeps_arrival_order_at_one_start():
    ref = [ActorRef("a", 10, 11), ActorRef("b", 5, 6), ActorRef("c", 10, 12), ActorRef("d", 40, 41)]
    line = Timeline(ref)
    assert [(s, n, r.text) for s, n, r in line.between(5, 10)] == [(5, 1, "b"), (10, 0, "a"), (10, 2, "c")]
    assert line.between(11, 39) == []


def test_recall_finds_the_latest_by_name_and_the_last_person_within_reach():
    speakers = [Speaker("Lea Novak", 100, 109, name="Lea Novak", country="CZE"),
                Speaker("the minister", 900, 912, name="minister")]
    recall = Recall(speakers)
    recall.see([ActorRef("Marek Holm", 400, 410, name="Marek Holm", country="SVK"),
                ActorRef("Lea Novak", 100, 109, name="Lea Novak", country="AUT")])
    assert recall.named("Lea Novak").country == "CZE"  # at one offset the speaker comes before the actor
    assert recall.named("Novak").country == "CZE"
    assert recall.named("Karin Holm").name == "Marek Holm"  # a surname alone is enough, as the scan had it
    assert recall.named("Dahl") is None
    assert recall.last_person(700, 600).name == "Marek Holm"
    assert recall.last_person(1_001, 600) is None  # Holm is too far back; "minister" is no full name
    assert recall.last_person(650, 600, "f").name == "Lea Novak"  # "she" is no Marek
    assert recall.last_person(650, 600, "m").name == "Marek Holm"
    recall.place([ActorRef("Norway", 950, 956, country="NOR"), ActorRef("Oslo police", 990, 1_020, country="NOR")])
    assert [r.text for r in recall.placed_before(1_000, 1_500)] == ["Norway", "Lea Novak"]


def test_recall_agrees_with_a_scan_of_everything_seen():
    rng = random.Random(3)
    names = ["Lea Novak", "Marek Novak", "Ines Tavares", "Olav Dahl", "Dahl", "minister", None]
    speakers = [Speaker("s", s, s + 5, name=rng.choice(names[:-1]), country=rng.choice(["CZE", None]))
                for s in sorted(rng.sample(range(0, 5_000, 3), 40))]
    recall, seen = Recall(speakers), []
    for at in range(0, 5_000, 50):
        known = [(sp.start, sp) for sp in speakers] + [(r.start, r) for r in seen]
        for name in names[:-2]:  # the scans _adopt_article made
            last = name.split()[-1]
            want = next((k for _, k in sorted(known, key=lambda x: -x[0]) if k.name and k.country
                         and (k.name == name or k.name.split()[-1] == last)), None)
            assert recall.named(name) is want
        want = next((k for start, k in sorted(known, key=lambda x: -x[0])
                     if start < at and " " in (k.name or "") and at - start < 600), None)
        assert recall.last_person(at, 600) is want
        new = [ActorRef("r", s, s + 4, name=rng.choice(names[:-1]), country="SVK")
               for s in rng.sample(range(max(0, at - 300), at + 300), 2)]
        recall.see(new)
        seen += new


def _event(n: int, kind: str, start: int, day=None, countries=()) -> Event:
    return Event(id=f"d:e{n}", doc="d", event_type=kind, trigger=Span("t", start, start + 1),
                 actors=[ActorRef("x", start, start + 1, country=c) for c in countries],
                 date=DateRef("Tuesday", start, start + 7, value=day) if day else None)


def test_an_undated_definite_event_takes_the_date_of_the_nearest_earlier_one_of_its_type():
    events = [_event(1, "CONSULT", 0, "2026-03-03", ["PRT"]), _event(2, "CONSULT", 10, "2026-03-05", ["MAR"]),
              _event(3, "ASSAULT", 20, "2026-03-06"), _event(4, "CONSULT", 30, countries=["PRT"]),
              _event(5, "CONSULT", 40), _event(6, "CONSULT", 50, countries=["ESP"])]
    date_anaphors(events, {id(events[3]), id(events[4]), id(events[5])})
    assert [(e.date.value, e.date.inherited) if e.date else None for e in events] == [
        ("2026-03-03", False), ("2026-03-05", False), ("2026-03-06", False),
        ("2026-03-03", True),  # Portugal's talks, not Morocco's later ones
        ("2026-03-03", True),  # no country of its own: the latest talks, which now carry a date
        ("2026-03-03", True)]  # Spain's: the talks just before name no country, so they may be Spain's


def _scanned(events, anaphors):
    """The scan date_anaphors replaced: back through every earlier event."""
    for k, event in enumerate(events):
        if id(event) not in anaphors:
            continue
        mine = {a.country for a in event.actors if a.country}
        for before in reversed(events[:k]):
            theirs = {a.country for a in before.actors + before.recipients if a.country}
            if before.event_type == event.event_type and before.date is not None and (
                    not mine or not theirs or mine & theirs):
                event.date = DateRef(**{**before.date.__dict__, "inherited": True})
                break


def test_date_anaphors_agree_with_a_scan_of_every_earlier_event():
    rng = random.Random(11)
    for _ in range(20):
        plan = [(rng.choice(["CONSULT", "ASSAULT"]), rng.choice(["2026-03-01", "2026-03-02", None, None]),
                 rng.sample(["PRT", "MAR", "ESP"], rng.randrange(0, 3))) for _ in range(60)]
        ours = [_event(n, kind, n * 10, day, c) for n, (kind, day, c) in enumerate(plan)]
        scan = [_event(n, kind, n * 10, day, c) for n, (kind, day, c) in enumerate(plan)]
        picks = [n for n, (_, day, _) in enumerate(plan) if day is None and rng.random() < 0.7]
        date_anaphors(ours, {id(ours[n]) for n in picks})
        _scanned(scan, {id(scan[n]) for n in picks})
        assert [e.date for e in ours] == [e.date for e in scan]


def test_speakers_agree_with_a_scan_of_every_speaker():
    rng = random.Random(5)
    names = ["Lea Novak", "Marek Novak", "Ines Tavares", "Dahl", "the envoy"]
    speakers = [Speaker("s", s, s + rng.randrange(1, 40), name=rng.choice(names)) for s in rng.sample(range(3_000), 80)]
    index = Speakers(speakers)
    for start in range(0, 3_000, 7):
        end = start + rng.randrange(1, 10)
        name = rng.choice(names + [None])
        want = next((sp for sp in speakers if sp.start <= start and end <= sp.end
                     or name is not None and " " not in name and sp.name.split()[-1] == name), None)
        assert index.first_for(start, end, name) is want


def test_the_diplomats_speaking_as_we_are_the_group_named_before(run):
    events = run("Senior diplomats from the African Union arrived in Accra on Monday. \u201cWe demand that both "
                  "sides stop the shelling at once,\u201d the diplomats said.")._.events
    assert [(e.event_type, e.trigger.text, [(a.text, a.country) for a in e.actors]) for e in events] == [
        ("CONSULT", "arrived", [("Senior diplomats from the African Union", "AU")]),
        ("REQUEST", "demand", [("We", "AU")])]


def test_the_ministers_are_the_ministers_named_before(code):
    events = code("Ministers from Brazil met in Lima on Monday. Later the ministers condemned the coup.")
    assert [(e.event_type, [(a.text, a.country) for a in e.actors]) for e in events] == [
        ("CONSULT", [("Ministers from Brazil", "BRA")]), ("ACCUSE", [("the ministers", "BRA")])]


def test_a_surname_is_looked_up_as_the_full_name_the_article_gives(run):
    # undated, the knowledge base alone would take "Cruz" for Cuba's prime minister in office today
    doc = run("Ted Cruz spoke in Iowa on Monday. Cruz criticized the plan in Texas and Ohio on Tuesday.")
    assert [(e.event_type, [(a.text, a.name, a.country, a.kb_id) for a in e.actors]) for e in doc._.events] == [
        ("ACCUSE", [("Cruz", "Ted Cruz", "USA", None)])]


@pytest.mark.parametrize("text, pronoun", [
    ("Maria Santos, a Brazilian senator, met Peruvian envoys on Monday. Argentine President Tomas Ruiz met the "
     "Chilean president on Tuesday. She also criticized the new tariffs.", ("She", "Maria Santos", "BRA")),
    ("Tomas Ruiz, the Argentine foreign minister, met Peruvian envoys on Monday. Brazilian President Maria Santos "
     "met the Chilean president on Tuesday. He also criticized the new tariffs.", ("He", "Tomas Ruiz", "ARG")),
])
def test_a_bare_he_or_she_is_the_last_person_of_that_gender(code, text, pronoun):
    events = [e for e in code(text) if e.event_type == "ACCUSE"]
    assert [[(a.text, a.name, a.country) for a in e.actors] for e in events] == [[pronoun]]

