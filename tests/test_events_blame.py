"""Accusations made by attributing a wrong (events/blame.py): sentences written for the project."""

from __future__ import annotations


def accusations(doc):
    """(trigger, mode, actor countries, recipient texts) of each ACCUSE event."""
    return [(e.trigger.text, e.mode, [a.country for a in e.actors], [r.text for r in e.recipients])
            for e in doc._.events if e.event_type == "ACCUSE"]


def test_calling_a_leader_the_aggressor_accuses_him(run):
    doc = run("\u201cPutin is the aggressor,\u201d the Polish foreign minister said.")
    assert accusations(doc) == [("aggressor", "allege", ["POL"], ["Putin"])]


def test_saying_a_party_committed_abuses_accuses_it(run):
    doc = run("The Chilean envoy said the junta had committed grave human rights abuses.")
    assert accusations(doc) == [("abuses", "allege", ["CHL"], ["the junta"])]


def test_a_denied_wrong_or_ones_own_is_no_accusation(run):
    assert accusations(run("The Polish foreign minister said Russia had not committed any abuses.")) == []
    assert accusations(run("\u201cOur soldiers committed no crimes,\u201d the Russian envoy said.")) == []
    assert accusations(run("\u201cWe committed crimes in that war,\u201d the Russian envoy said.")) == []


def test_a_wrong_in_the_narration_accuses_no_one(run):
    assert accusations(run("The court in Lima heard about the minister's corruption on Monday.")) == []


def test_acting_on_an_allegation_accuses_its_target(run):
    doc = run("Peru expelled the Chilean ambassador for allegedly spying on its navy.")
    assert accusations(doc) == [("allegedly spying", "allege", ["PER"], ["the Chilean ambassador"])]
    assert accusations(run("The man was arrested for allegedly stealing a car.")) == []


def test_saying_another_party_failed_to_act_blames_it_and_ones_own_failure_does_not(run):
    doc = run("\u201cThe Kabul authorities have failed to address the threat,\u201d the Pakistani envoy said.")
    assert accusations(doc) == [("failed", "disapprove", ["PAK"], ["The Kabul authorities"])]
    assert accusations(run("The talks failed to produce a deal, the Pakistani envoy said.")) == []
    assert accusations(run("\u201cWe failed to stop them,\u201d the Pakistani envoy said.")) == []


def test_failing_a_test_is_no_failure_to_act(run):
    assert accusations(run("\u201cIt was a test that the governor failed,\u201d the senator said.")) == []


def test_a_failure_both_sides_share_blames_no_one(run):
    doc = run("Peruvians and Chileans failed to reach agreement on the border on Sunday, sources on both sides said.")
    assert accusations(doc) == []


def test_putting_another_party_behind_an_attack_accuses_it(run):
    doc = run("Pakistani officials said the attack was planned and directed by militants in Afghanistan.")
    assert accusations(doc) == [("planned", "allege", ["PAK"], ["militants in Afghanistan"])]
    doc = run("The Nigerian army said the bandits were behind the raid on the school.")
    assert accusations(doc) == [("were behind", "allege", ["NGA"], ["the bandits"])]


def test_an_attack_denied_or_told_by_the_narrator_accuses_no_one(run):
    assert accusations(run("The Nigerian army said the bandits were not behind the raid on the school.")) == []
    assert accusations(run("The attack on the convoy was planned by militants in Afghanistan.")) == []


def test_calling_another_partys_act_illegal_or_dangerous_criticises_it(run):
    doc = run("\u201cRussia's strikes on the port are illegal,\u201d the Ukrainian foreign minister said.")
    assert accusations(doc) == [("illegal", "disapprove", ["UKR"], ["Russia"])]
    doc = run("The Chilean government warned on Friday that expanding military cooperation between Peru and "
              "Bolivia is dangerous.")
    assert accusations(doc) == [("dangerous", "disapprove", ["CHL"], ["Peru", "Bolivia"])]


def test_no_criticism_in_a_denial_a_question_or_an_impersonal_warning(run):
    assert accusations(run("\u201cOur response was not illegal,\u201d the Russian envoy said.")) == []
    assert accusations(run("\u201cIt is dangerous to travel there,\u201d the French embassy said.")) == []
    assert accusations(run("Voters were asked if the Peruvian strikes were illegal.")) == []


def test_saying_a_partys_act_was_a_crime_accuses_the_party(run):
    doc = run("\u201cRussia's strikes on the port were a violation of international law,\u201d the Ukrainian minister "
              "said.")
    assert accusations(doc) == [("violation", "allege", ["UKR"], ["Russia"])]


def test_saying_another_party_spreads_lies_accuses_it(run):
    doc = run("\u201cMoscow has been spreading disinformation about the vote,\u201d the Moldovan president said.")
    assert accusations(doc) == [("disinformation", "disapprove", ["MDA"], ["Moscow"])]
    assert accusations(run("The Serbian president said the answer lies in dialogue.")) == []
