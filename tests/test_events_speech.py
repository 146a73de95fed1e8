"""Whose speech act an event is (events/speech.py), on sentences written for these tests."""

from __future__ import annotations


def coded(events):
    """Type, trigger text, actor texts, recipient countries and flags of each event."""
    return [(e.event_type, e.trigger.text, [a.text for a in e.actors], [r.country for r in e.recipients],
             e.future, e.hypothetical, e.negated) for e in events]


def test_force_the_speakers_own_country_would_use_is_a_threat(run):
    doc = run("The Bolivian defence minister warned that his country would invade Paraguay.")
    assert coded(doc._.events) == [("THREATEN", "invade", ["his country"], ["PRY"], False, False, False)]


def test_force_another_country_would_use_is_no_threat_of_the_speaker(run):
    doc = run("The Bolivian defence minister warned that Peru would invade Paraguay.")
    assert coded(doc._.events) == [("COERCE", "invade", ["Peru"], ["PRY"], True, False, False)]
