"""Which trigger candidates of a sentence are kept (events/candidates.py), on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    ("Kabul accused Tehran of supplying missiles to the insurgents.",
     [("ACCUSE", ["Kabul"], ["Tehran"]), ("AID", ["Tehran"], ["the insurgents"])]),
    ("Mali was accused of deploying troops near the frontier.",
     [("ACCUSE", [], ["Mali"]), ("MOBILIZE", ["Mali"], ["troops"])]),  # the dictionary's deploy: troops sent
])
def test_a_material_act_charged_to_a_party_is_coded_as_that_party_s_act(code, text, expected):
    assert [(e.event_type, [a.text for a in e.actors], [r.text for r in e.recipients])
            for e in code(text)] == expected


def test_words_charged_to_a_party_are_no_event_of_their_own(code):
    assert [e.event_type for e in code("The senator accused the committee of sabotaging the campaign.")] == [
        "ACCUSE"]
