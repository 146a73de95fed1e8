"""Verb, noun and adjective triggers (events/triggers.py) on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventhelp import flagged


@pytest.mark.parametrize("text, expected", [
    ("Portugal and Spain will provide Moldova with air defence systems.",
     ("AID", "provide", ["PRT", "ESP"], ["MDA"], True, False, False)),
    ("Italy sent light arms to the Lebanese army last month.",
     ("AID", "sent light arms", ["ITA"], ["LBN"], False, False, False)),
])
def test_arms_handed_to_another_party_are_military_aid(code, text, expected):
    assert flagged(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Turkey supplies armed drones to Azerbaijan.",
     ("AID", "supplies armed drones", ["TUR"], ["AZE"], False, False, False)),
    ("Serbia quietly shipped thousands of mortar shells to Ukraine last year.",
     ("AID", "shipped thousands of mortar shells", ["SRB"], ["UKR"], False, False, False)),
    ("Iran has shipped 40 containers to Venezuela that held artillery shells.",
     ("AID", "shipped", ["IRN"], ["VEN"], False, False, False)),
])
def test_weapons_and_what_holds_them_handed_over_are_military_aid(code, text, expected):
    assert flagged(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Satellite images show expanding naval cooperation between Iran and Pakistan.",
     ("COOPERATE", "cooperation", ["IRN", "PAK"], [], False, False, False)),
    ("Inspectors described transfers of munitions from Belarus to Russia.",
     ("AID", "transfers", ["BLR"], ["RUS"], False, False, False)),
])
def test_cooperation_and_transfers_named_by_nouns_with_their_parties(code, text, expected):
    assert flagged(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The report listed the junta's sweeping curbs on the press.",
     ("COERCE", "curbs", [None], [], False, False, False)),
    ("Analysts studied Seoul's restrictions on chip exports.",
     ("SANCTION", "restrictions", ["KOR"], [], False, False, False)),
])
def test_restrictions_named_by_nouns_coerce_or_sanction_by_what_they_restrict(code, text, expected):
    assert [c for c in flagged(code(text)) if c[0] == expected[0]] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Poland ramped up border enforcement last week.",
     ("MOBILIZE", "ramped up border enforcement", ["POL"], [], False, False, False)),
    ("Japan has boosted its naval presence near the islands.",
     ("MOBILIZE", "boosted its naval presence", ["JPN"], [], False, False, False)),
])
def test_raising_police_or_military_presence_mobilizes(code, text, expected):
    assert flagged(code(text)) == [expected]


def test_raising_border_security_as_a_policy_is_no_event(code):
    assert flagged(code("The senator wants to increase border security.")) == []


def test_keeping_journalists_from_acting_coerces(code):
    assert flagged(code("Belarusian police prevented journalists from filming the trial.")) == [
        ("COERCE", "prevented journalists", ["BLR"], [], False, False, False)]


def test_cooperation_one_side_wishes_for_is_no_event(code):
    assert flagged(code("The trip is aimed at boosting cooperation with Vietnam.")) == []


def test_aid_restored_is_aid_given(code):
    assert flagged(code("Sweden restored development aid to Bolivia on Monday.")) == [
        ("AID", "restored development aid", ["SWE"], ["BOL"], False, False, False)]


@pytest.mark.parametrize("text, expected", [
    ("The European Union lifted sanctions on the Belarusian airline.",  # the act, not 0351's intent (AGREE)
     ("RETREAT", "lifted sanctions", ["EU"], ["BLR"], False, False, False)),
    ("Ottawa postponed its retaliatory tariffs on American goods.",
     ("RETREAT", "postponed its retaliatory tariffs", ["CAN"], ["USA"], False, False, False)),
    ("Washington will suspend the duties on Kenyan coffee next week.",
     ("RETREAT", "suspend the duties", ["USA"], ["KEN"], True, False, False)),
])
def test_sanctions_and_tariffs_eased_or_put_off_are_a_retreat(code, text, expected):
    assert flagged(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Russia faces new sanctions from the European Union.",
     ("SANCTION", "faces new sanctions", ["EU"], ["RUS"], False, False, False)),
    ("Iran could face fresh sanctions over its nuclear programme.",
     ("SANCTION", "face fresh sanctions", [], ["IRN"], False, True, False)),
])
def test_who_faces_a_measure_is_its_recipient_not_its_actor(code, text, expected):
    assert flagged(code(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    # "VIOLATE * &CEASEFIRE" (196): the set's members "cease fire" and "cease-fire" are several tokens each
    ("The militia violated the cease fire on Tuesday.",
     [("ASSAULT", "violated the cease fire", [None], [], False, False, False)]),
    ("Rebels violated the cease-fire in Idlib on Sunday.",
     [("ASSAULT", "violated the cease-fire", ["SYR"], [], False, False, False)]),
    ("The militia violated a fire cease order on Tuesday.", []),  # the member's words must stand in its order
])
def test_synonym_set_members_of_several_words_match_in_a_row(code, text, expected):
    assert flagged(code(text)) == expected


def sourced(events):
    """Type, trigger text, actor countries and dictionary line of each event."""
    return [(e.event_type, e.trigger.text, [a.country for a in e.actors], e.coded_by) for e in events]


@pytest.mark.parametrize("text, expected", [
    # "+CARRY_OUT" is a verb of the PERPETUATE block, whose "- * ATTACK" (190) and "- * RAID" (190) code it; the
    # patterns of "carry" (SEND: "- * &WEAPON", military aid) do not
    ("Syrian government troops carried out chemical weapons attacks on two villages in March.",
     [("ASSAULT", "carried out chemical weapons attacks", ["SYR"], "CAMEO.2.0.txt:2602")]),
    ("Chadian troops carried the raid out at night.",  # the particle after the object
     [("ASSAULT", "carried the raid", ["TCD"], "CAMEO.2.0.txt:2603")]),
    # "in" before the verb is no particle: "give" keeps its own "- * &CURRENCY" (071), not "+GIVE_IN" (yield)
    ("It was the year in which Norway gave gifts of cash to the clinics in Gaza.",
     [("AID", "gave gifts of cash", ["NOR"], "CAMEO.2.0.txt:6246")]),
])
def test_a_phrasal_verb_takes_its_own_blocks_patterns(code, text, expected):
    assert sourced(code(text)) == expected


@pytest.mark.parametrize("text", [
    "The Zambian senator is biding her time before the budget vote.",  # "biding" is bide's, not bid's (a demand)
    "The governor bided his time while the courts decided.",
    "The minister was killing time in the hotel lobby.",
])
def test_a_verb_whose_object_is_time_itself_is_no_event(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "Ethiopian troops attacked the town a second time on Sunday.",
    "Ethiopian troops attacked the town time and again.",
])
def test_time_that_counts_acts_leaves_them_events(code, text):
    assert sourced(code(text)) == [("ASSAULT", "attacked", ["ETH"], "CAMEO.2.0.txt:9009")]


def test_forms_of_bide_are_not_read_as_bid(nlp_events):
    from communique.extract.events.triggers import lemma

    doc = nlp_events("The senator was biding her time; she bided it and bides it still.")
    assert [lemma(t) for t in doc if t.lower_.startswith("bid")] == ["bide", "bide", "bide"]


@pytest.mark.parametrize("text", [
    "The senator offered his thoughts on the war.",
    "The governor offered analysis on television.",
])
def test_offering_words_or_views_is_saying_not_offering(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Egypt offered humanitarian aid to Sudan.",
     ("AID", "offered humanitarian aid", ["EGY"], "conventions.yaml noun: aid")),
    ("Japan's main opposition party demanded a formal review of the trade barriers.",
     ("REQUEST", "demanded", ["JPN"], "CAMEO.2.0.txt:7102")),  # a review demanded is an act wanted
])
def test_offering_aid_or_demanding_a_review_stays_an_event(code, text, expected):
    assert sourced(code(text)) == [expected]


def test_a_light_verb_with_an_attack_is_an_attack_not_anothers_verbal_sense(code):
    # "LEAD * ATTACK" (113, criticism) of the block that holds "conduct" does not make the attack words
    assert sourced(code("The Malian army conducted an attack on the rebel camp.")) == [
        ("ASSAULT", "conducted an attack", ["MLI"], "conventions.yaml noun: attack")]


def test_praising_someones_message_is_still_support(code):
    assert [(e.event_type, e.trigger.text) for e in code("She applauds his message on trade.")] == [
        ("SUPPORT", "applauds")]


def test_a_date_after_a_call_is_no_call_on_anyone(code):
    assert [e.event_type for e in code("Kenya's president said Tanzania's president had called him on Sunday.")] == []
    assert [(e.event_type, e.trigger.text) for e in code("Kenya called on Tanzania on Sunday to open the border.")] \
        == [("REQUEST", "called on")]
