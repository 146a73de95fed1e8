"""Event nouns as triggers (events/noun_triggers.py) on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventhelp import flagged


def test_an_announced_suspension_of_relations_is_a_sanction(code):
    assert flagged(code("The Malian junta announced the suspension of diplomatic relations with Ukraine.")) == [
        ("SANCTION", "suspension", ["MLI"], ["UKR"], False, False, False)]


@pytest.mark.parametrize("text", [
    "Her standing is nearly identical to the former Chilean president's 34 percent support.",
    "On average, the governor's approval rating is three points higher than the Peruvian senator's support.",
    "While the analyst admires the Chilean senator's appeal as a forceful persona, he prefers the governor.",
])
def test_support_in_a_poll_and_appeal_as_attraction_are_no_events(code, text):
    assert code(text) == []


def test_an_appeal_for_something_is_a_request(code):
    assert flagged(code("The Kenyan president's appeal for calm went unheeded on Friday.")) == [
        ("REQUEST", "appeal", ["KEN"], [], False, False, False)]
