"""Verbs of force read for their sense (events/force.py), on sentences written for the project."""

from __future__ import annotations


def test_deaths_in_an_accident_or_disaster_are_no_attack(code):
    assert code("Five people were killed in the crash, the Afghan official said.") == []
    assert code("Twelve villagers died in the floods, the Nepali government said.") == []
    events = code("Five soldiers were killed in the ambush, the Malian army said.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "killed")]



def test_an_attack_its_modifier_calls_verbal_is_criticism(code):
    events = code("The Peruvian president continued his verbal assault on the opposition leader.")
    assert [(e.event_type, e.mode) for e in events] == [("ACCUSE", "disapprove")]
    events = code("Rebels launched an assault on the town of Goma.")
    assert [e.event_type for e in events] == ["ASSAULT"]
