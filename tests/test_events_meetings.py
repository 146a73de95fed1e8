"""Meeting and travel senses (events/meetings.py): meeting a thing meets no one, and a visit goes somewhere."""

from __future__ import annotations

import pytest

from eventhelp import kinds


def test_migrants_flown_somewhere_make_no_visit_and_a_minister_does(code):
    assert code("Forty migrants were flown to Texas on Tuesday.") == []
    assert code("The first detainees arrived at Guantanamo Bay in February.") == []
    events = code("The Indian foreign minister flew to Tokyo on Tuesday.")
    assert [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("CONSULT", "visit", "flew", ["IND"])]


def test_a_capital_the_recogniser_took_for_a_person_is_still_a_destination(code):
    events = code("Nigeria's vice president travelled to Accra for talks.")  # the small model tags Accra PERSON
    assert [(e.event_type, e.mode, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("CONSULT", "visit", ["NGA"], ["GHA"])]


def test_dealing_with_an_issue_is_handling_it_and_dealing_with_a_party_is_not(code):
    assert code("The Zimbabwean minister said the courts would deal fairly with this issue.") == []
    events = code("Chile dealt with Peru over the border dispute.")
    assert [(e.trigger.text, [r.country for r in e.recipients]) for e in events] == [("dealt", ["PER"])]


def test_a_place_arrived_in_is_no_visitor(code):
    events = code("After arriving in the U.S., the man was detained at the station for almost a year.")
    assert [e.event_type for e in events] == ["COERCE"]


def test_meeting_with_a_thing_is_no_meeting(code):
    assert code("The Peruvian minister met with fierce resistance from farmers.") == []
    assert code("The Chilean president spoke with great warmth about the treaty.") == []
    events = code("The Chilean president spoke with the Bolivian envoy on Monday.")
    assert [(e.event_type, [r.country for r in e.recipients]) for e in events] == [("CONSULT", ["BOL"])]


@pytest.mark.parametrize("text", [
    "The governor encountered fierce resistance in the state senate.",
    "The ministry met the deadline for the budget on Friday.",
    "The coastal province will host the regional football tournament next year.",
])
def test_a_meeting_verb_whose_object_is_a_thing_meets_no_one(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The Kenyan foreign minister met the Somali ambassador on Tuesday.", [("CONSULT", "met", False, False)]),
    ("Ghana will host the summit of West African leaders in May.", [("CONSULT", "host the summit", False, True)]),
    ("The defence chiefs discussed maritime security on Monday.", [("CONSULT", "discussed", False, False)]),
])
def test_meeting_a_party_hosting_a_gathering_or_discussing_a_topic_is_still_a_meeting(code, text, expected):
    assert kinds(code(text)) == expected


def test_meeting_face_to_face_is_meeting_the_other_side(code):
    assert kinds(code("The Sudanese and Ethiopian delegations did not meet face to face on Tuesday.")) == [
        ("CONSULT", "meet", True, False)]


@pytest.mark.parametrize("text", [
    "The former ambassador discussed the scandals on Fox News on Tuesday.",
    "Maria Lopez would discuss her immigration history in a few weeks.",
])
def test_one_person_discussing_a_topic_consults_no_one(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, triggers", [
    ("The Kenyan foreign minister discussed the ceasefire during his visit to Cairo.", ["discussed"]),
    ("Kenya and Uganda discussed the border on Monday.", ["discussed"]),
    ("Ireland's prime minister is due to meet the Thai president and discuss the refugee crisis.",
     ["meet", "discuss"]),
])
def test_discussing_with_a_partner_or_at_a_meeting_is_consulting(code, text, triggers):
    events = code(text)
    assert [(e.event_type, e.trigger.text) for e in events] == [("CONSULT", t) for t in triggers]
