"""Dictionary patterns against the parse (events/matcher.py), on sentences written for these tests."""

from __future__ import annotations

import pytest


def coded(events):
    """Type, mode, trigger text and actor countries of each event."""
    return [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors]) for e in events]


@pytest.mark.parametrize("text, expected", [
    # "SEND * &AIRCRAFT" (072, military aid) does not take "drone", which only says what kind of strikes they were
    ("The Syrian militia sent drone strikes against the airport on Friday.",
     [("ASSAULT", "drone", "sent drone strikes", ["SYR"])]),
    # "carried ... weapons" is the dictionary's sending of weapons (072); here weapons say how the attacks were made
    ("Syrian government troops carried out chemical weapons attacks on two villages in March.",
     [("ASSAULT", None, "carried out chemical weapons attacks", ["SYR"])]),
])
def test_a_modifier_of_an_event_noun_is_not_the_verbs_object(code, text, expected):
    assert coded(code(text)) == expected


def test_a_modifier_of_another_noun_still_names_what_is_sent(code):
    # "aid convoys" carry aid: "SEND * AID" (070) stands
    assert coded(code("Sudan sent aid convoys to the region on Monday.")) == [("AID", None, "sent", ["SDN"])]
