"""Support given to an armed party is military aid (events/material.py), on sentences written for these tests."""

from __future__ import annotations

import pytest


def coded(events):
    """Type, trigger text, actor texts, recipient texts and negation of each event."""
    return [(e.event_type, e.trigger.text, [a.text for a in e.actors], [r.text for r in e.recipients], e.negated)
            for e in events]


@pytest.mark.parametrize("text, expected", [
    ("Venezuela gave no support to the rebels.",
     [("AID", "gave no support", ["Venezuela"], ["the rebels"], True)]),
    ("Qatar is providing support to the militants in the north.",
     [("AID", "providing support", ["Qatar"], ["the militants in the north"], False)]),
])
def test_support_given_to_an_armed_party_is_military_aid(code, text, expected):
    assert coded(code(text)) == expected


def test_support_given_to_a_politician_stays_support(code):
    assert coded(code("The Ohio senator lent his support to the governor.")) == [
        ("SUPPORT", "lent his support", ["The Ohio senator"], ["the governor"], False)]
