"""A rally is a protest only when it protests (events/rallies.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventhelp import acted


@pytest.mark.parametrize("text", [
    "The ruling party held a rally in Harare to celebrate its victory.",
    "Kenya's ruling party held an election rally in Nakuru.",
    "Senator Maria Lopez held a rally in Toledo on Friday.",
    "Senator Maria Lopez rallied in Toledo on Friday.",
    "Hundreds of supporters attended a rally for Maria Lopez in Toledo.",
    "The Zambian candidate's rally in Ndola drew thousands on Saturday.",
])
def test_a_campaigners_rally_for_supporters_is_no_protest(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "At a rally in Toledo last week, Maria Lopez showed the crowd a video.",  # one person acting at it
    "The senator was rallying for a young teacher who is running for Congress.",
    "His rallies draw thousands of voters.",
])
def test_a_rally_where_a_politician_acts_is_theirs(code, text):
    assert code(text) == []


def test_a_rally_named_after_a_person_the_article_names_is_theirs(code):
    events = code("Senator Maria Lopez toured Ohio this week. At a Lopez rally in Dayton, volunteers handed out flags.")
    assert [e.event_type for e in events] == ["CONSULT"]


@pytest.mark.parametrize("text, expected", [
    ("Protesters held a rally to protest the war.", ("PROTEST", "held a rally", ["Protesters"])),
    ("The party held a rally against the new fuel tax in Lusaka.", ("PROTEST", "held a rally", ["The party"])),
    ("Opposition leader Amina Okello held a rally in Kampala on Sunday.",
     ("PROTEST", "held a rally", ["Opposition leader Amina Okello"])),
    ("Teachers held a rally outside the ministry over unpaid wages.", ("PROTEST", "held a rally", ["Teachers"])),
])
def test_a_rally_that_protests_stays_a_protest(code, text, expected):
    assert acted(code(text)) == [expected]
