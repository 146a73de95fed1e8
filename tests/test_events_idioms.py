"""Constructions the dictionary's patterns miss (events/idioms.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventhelp import flagged


@pytest.mark.parametrize("text, expected", [
    ("Manila would respond firmly to any provocation by Beijing.",
     [("THREATEN", "respond firmly to any provocation", ["PHL"], ["CHN"], False, False, False)]),
    ("Armenia will retaliate against any further incursion.",
     [("THREATEN", "retaliate against any further incursion", ["ARM"], [], False, False, False)]),
])
def test_a_response_promised_to_any_hostile_act_is_a_threat_made_now(code, text, expected):
    assert flagged(code(text)) == expected


def test_responding_to_any_question_threatens_no_one(code):
    assert code("The Chilean minister will respond to any questions on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    ("The Ghanaian president credited Togo for its role in the talks.",
     [("SUPPORT", "credited", ["GHA"], ["TGO"], False, False, False)]),
    ("Lithuania credited Poland with securing the corridor.",
     [("SUPPORT", "credited", ["LTU"], ["POL"], False, False, False)]),
])
def test_crediting_a_party_with_an_act_praises_it(code, text, expected):
    assert flagged(code(text)) == expected


def test_crediting_a_law_or_a_source_praises_no_party(code):
    assert code("Several studies credited the new law with lowering prices.") == []


def test_acting_in_coordination_with_a_party_is_cooperation_beside_the_act(code):
    events = code("Nigerien troops raided the camp in coordination with the Malian army.")
    assert flagged(events) == [
        ("ASSAULT", "raided", ["NER"], [], False, False, False),
        ("COOPERATE", "in coordination with", ["NER"], ["MLI"], False, False, False)]


def test_a_partnership_with_no_party_named_is_no_event(code):
    assert [e.event_type for e in code("Nigerien troops raided the camp in coordination with local elders' wishes.")
            ] == ["ASSAULT"]


def test_lifting_a_freeze_on_aid_resumes_the_aid(code):
    assert flagged(code("The Canadian government lifted its freeze on humanitarian aid to Haiti.")) == [
        ("AID", "lifted its freeze", ["CAN"], ["HTI"], False, False, False)]


def test_lifting_a_ban_on_anything_else_stays_an_eased_restriction(code):
    assert [e.event_type for e in code("The Tunisian government lifted the ban on opposition rallies.")] == [
        "CONCEDE"]


def test_credit_given_for_an_act_is_praise_and_credit_in_money_a_loan(code):
    assert flagged(code("The Ghanaian opposition gave Nigeria credit for the deal.")) == [
        ("SUPPORT", "gave", ["GHA"], ["NGA"], False, False, False)]
    assert flagged(code("China gave Pakistan $2 billion in credit.")) == [
        ("AID", "gave", ["CHN"], ["PAK"], False, False, False)]


@pytest.mark.parametrize("text, expected", [
    ("Washington urged Caracas to hold fair elections or face severe consequences.",
     [("REQUEST", "urged", ["USA"], ["VEN"], False, False, False),
      ("THREATEN", "face severe consequences", ["USA"], ["VEN"], False, False, False)]),
    # the penalty named through "the prospect of" gives the threat its mode; no sanction is coded as imposed
    ("The ministers urged Belgrade on Monday to recognise the vote or face the prospect of new sanctions.",
     [("REQUEST", "urged", [None], ["SRB"], False, False, False),
      ("THREATEN", "face", [None], ["SRB"], False, False, False)]),
    ("The envoy urged Bamako to hold elections or explain the delay.",  # an alternative, not a penalty
     [("REQUEST", "urged", [None], ["MLI"], False, False, False)]),
])
def test_a_demand_with_a_penalty_for_refusing_is_also_a_threat(code, text, expected):
    assert flagged(code(text)) == expected


def test_the_mode_of_an_ultimatum_comes_from_its_penalty(code):
    threat = next(e for e in code("The ministers urged Belgrade to recognise the vote or face new sanctions.")
                  if e.event_type == "THREATEN")
    assert (threat.trigger.text, threat.mode) == ("face new sanctions", "relations")
