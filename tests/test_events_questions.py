"""A question is not a request (events/questions.py), on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The senator asks at the school, \"Any questions I can answer?\"",
    "The reporter was trying to ask the governor a question after the speech.",
    "She asked me where he is.",
    "The governor refused to share the polling when asked in 2008.",
])
def test_asking_that_names_no_act_or_thing_is_a_question(code, text):
    assert "REQUEST" not in [e.event_type for e in code(text)]


@pytest.mark.parametrize("text", [
    "The minister asked the court to delay the hearing.",
    "The senator asked that the vote be delayed.",
    "Russia asked Ukraine's permission to inspect the site.",
])
def test_asking_for_an_act_or_a_thing_is_a_request(code, text):
    assert [e.event_type for e in code(text)] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "The French candidate told reporters in an interview when asked which U.S. candidate she would back.",
    "When asked whom she supported, the voter smiled.",
])
def test_what_a_question_asks_about_is_not_reported(code, text):
    assert code(text) == []


def test_asking_parties_for_a_thing_hung_on_the_object_is_a_request(code):
    events = code("The party has asked coal companies, insurance companies and even banks like Chase for donations.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("REQUEST", "asked")]
