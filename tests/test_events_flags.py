"""Reported obligations (events/flags.py deontic_requests), on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The senator says a president must be ready to start making decisions at once.",
    '"A leader must fight for what they believe in," the senator said.',
    "The minister said any government must respect the courts.",
])
def test_a_norm_for_anyone_of_a_kind_asks_nothing_of_anyone(run, text):
    assert run(text)._.events == []


def test_an_obligation_laid_on_a_named_party_is_a_demand(run):
    events = run("Kenya said Uganda should withdraw its troops from the border.")._.events
    assert [(e.event_type, e.mode, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("REQUEST", "yield", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, trigger", [
    ("Kenya said Uganda needs to withdraw its troops from the border.", "needs to withdraw"),
    # the obligation in the second of two coordinated that-clauses
    ("Kenya said there was no military solution and that Uganda must withdraw its troops.", "must withdraw"),
])
def test_a_reported_need_or_must_in_any_clause_of_the_speech_is_a_demand(run, text, trigger):
    events = run(text)._.events
    assert [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("REQUEST", "yield", trigger, ["KEN"], ["UGA"])]


def test_a_speech_verb_without_a_subject_makes_its_speaker_the_one_who_demands(run):
    events = run("“We will not sit and wait,” Ruto said, adding that Uganda needs to withdraw its troops.")._.events
    assert [(e.event_type, [(a.name, a.country) for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("REQUEST", [("Ruto", "KEN")], ["UGA"])]


@pytest.mark.parametrize("text", [
    "Kenya said Uganda needed to withdraw its troops in 2019.",  # what was necessary then
    "Kenya said the militia needs to be destroyed.",  # done by others, asked of no one named
])
def test_a_past_or_passive_need_asks_nothing(run, text):
    assert [e.event_type for e in run(text)._.events if e.event_type == "REQUEST"] == []
