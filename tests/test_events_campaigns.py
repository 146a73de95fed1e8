"""Campaigning for office is no demand (events/campaigns.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventhelp import acted


@pytest.mark.parametrize("text", [
    "Senator Maria Lopez campaigned in Toledo on Friday.",
    "The governor campaigned for Maria Lopez in Ohio.",
    "She is campaigning to lead the country.",
    "The senator will campaign for Democratic candidates in the fall.",
    "Senator Maria Lopez launched her presidential campaign in Toledo.",
    "Senator Maria Lopez kicked off her campaign in Toledo on Monday.",
])
def test_a_campaign_for_office_asks_nothing(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The party campaigned against the new dam in Sarawak.", ("REQUEST", "campaigned", ["The party"])),
    ("The union launched a campaign to free the detained workers.",
     ("REQUEST", "launched a campaign", ["The union"])),
])
def test_a_campaign_for_or_against_a_cause_is_a_request(code, text, expected):
    assert acted(code(text)) == [expected]
