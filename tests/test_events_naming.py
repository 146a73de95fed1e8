"""Names that judge what they name (events/naming.py): sentences written for the project."""

from __future__ import annotations

import pytest


def coded(doc):
    """(type, trigger, actor countries, recipient texts) of each event."""
    return [(e.event_type, e.trigger.text, [a.country for a in e.actors], [r.text for r in e.recipients])
            for e in doc._.events]


@pytest.mark.parametrize("text, expected", [
    ("The Ukrainian president called Russia's strikes on Kyiv a war crime.",
     [("ACCUSE", "called", ["UKR"], ["Russia"])]),
    ("The Kenyan opposition branded the president a dictator.",
     [("ACCUSE", "branded", ["KEN"], ["the president"])]),
    ("The Venezuelan president called his rival a traitor.",
     [("ACCUSE", "called", ["VEN"], ["his rival"])]),
])
def test_calling_a_party_or_its_act_a_judging_name_accuses_it(run, text, expected):
    assert coded(run(text)) == expected


def test_calling_claims_baseless_rejects_their_owner(run):
    doc = run("Afghanistan's foreign ministry called Pakistan's assertions baseless.")
    assert [(e.event_type, [r.text for r in e.recipients]) for e in doc._.events] == [("REJECT", ["Pakistan"])]


def test_calling_an_act_by_a_neutral_name_or_calling_it_a_crime_again_is_no_new_event(run):
    assert coded(run("The Chilean minister called the meeting a first step.")) == []
    doc = run("The Chilean envoy said Peru had jailed its critics, calling it a crime.")
    assert [e.event_type for e in doc._.events if e.trigger.text == "calling"] == []


def test_calling_someone_out_is_criticism(run):
    doc = run("Senator Ana Ruiz of Chile called out her rival for alienating voters.")
    assert [(e.event_type, e.trigger.text) for e in doc._.events] == [("ACCUSE", "called out")]


def test_calling_a_meeting_is_still_convening_it(run):
    doc = run("Kenya called a meeting with a delegation from Uganda.")
    assert [(e.event_type, e.trigger.text) for e in doc._.events] == [("AGREE", "called a meeting")]
