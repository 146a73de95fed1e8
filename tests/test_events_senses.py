"""Senses and actors decide: sentences written for the project in the shapes the issue reported as miscoded."""

from __future__ import annotations

import pytest

from eventhelp import kinds


def test_ending_a_war_is_no_attack_and_showing_readiness_is_no_protest(code):
    events = code("Lisbon said it would welcome talks on bringing an end to the war, demonstrating a readiness "
                  "to compromise.")
    assert [e.event_type for e in events if e.event_type in ("ASSAULT", "PROTEST")] == []


def test_words_backed_up_by_steps_support_nothing(code):
    assert code("Promises must be backed up by steps, the Moldovan foreign minister said.") == []


def test_a_verbal_attack_on_a_newspaper_is_an_accusation(code):
    events = code("The prime minister attacked the newspaper in a post on Sunday.")
    assert [(e.event_type, e.mode, e.trigger.text) for e in events] == [("ACCUSE", "disapprove", "attacked")]
    assert [a.text for a in events[0].actors] == ["The prime minister"]


def test_slamming_a_decision_is_criticism(code):
    events = code("Hungary slammed the decision of the European Commission.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ACCUSE", "slammed")]
    assert [a.country for a in events[0].actors] == ["HUN"]


def test_forces_attacking_a_town_is_an_assault(code):
    events = code("Sudanese forces attacked the town with artillery on Monday.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "attacked")]
    assert [a.country for a in events[0].actors] == ["SDN"]


def test_a_tariff_war_is_no_assault(code):
    assert [e.event_type for e in code("The tariff war between the two blocs has hurt farmers.")] == []


def test_a_planned_meeting_is_a_future_consult_with_each_leaders_own_country(code):
    events = code("Brazilian President Ana Souza will meet Peruvian President Luis Quispe in Lima next week.")
    assert kinds(events) == [("CONSULT", "meet", False, True)]
    assert [(a.text, a.country) for a in events[0].actors] == [("Brazilian President Ana Souza", "BRA")]
    assert [(r.text, r.country) for r in events[0].recipients] == [("Peruvian President Luis Quispe", "PER")]


def test_no_longer_recognising_a_president_is_no_support_or_promise(code):
    events = code("Leaders of four countries said they will no longer recognize the president.")
    assert [e.event_type for e in events if e.event_type in ("AGREE", "SUPPORT") and not e.negated] == []


def test_a_reporters_question_is_no_request(code):
    assert code("Asked by a reporter whether he would resign, the minister said no.") == []
    assert [e.event_type for e in code("A journalist asked the minister about the budget.")] == []


def test_declining_to_comment_is_no_rejection(code):
    assert code("The Danish embassy declined to comment on the report.") == []


def test_a_noun_inside_a_name_is_no_trigger(code):
    assert code("The Government of National Accord controls the capital.") == []


def test_not_political_subjects_do_not_act(code):
    assert code("The market attacked the lows of the year.") == []
    assert code("Exports rallied in the spring.") == []


def test_dismissing_findings_as_propaganda_is_an_accusation(code):
    events = code("The Bolivian minister dismissed the panel's findings as propaganda.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ACCUSE", "dismissed")]


def test_rejecting_a_proposal_is_a_rejection(code):
    events = code("Chile rejected the Argentine proposal on Tuesday.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("REJECT", "rejected")]
    assert [a.country for a in events[0].actors] == ["CHL"]


def test_voiced_concern_about_a_build_up_is_an_accusation(code):
    events = code("Japan remains concerned about the military build-up near its islands.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ACCUSE", "concerned")]


def test_leaving_a_bloc_is_a_sanction_and_leaving_a_village_a_retreat(code):
    assert [(e.event_type, e.mode) for e in code("Three states withdrew from the regional bloc in January.")] == [
        ("SANCTION", "withdraw")]
    assert [(e.event_type, e.mode) for e in code("Armenian forces withdrew from the village.")] == [
        ("RETREAT", "withdraw")]


def test_a_purpose_clause_reports_no_event(code):
    events = code("The envoy made several trips to the capital to investigate the killings.")
    assert [e.trigger.text for e in events if e.event_type == "ACCUSE"] == []


def test_an_elaborating_participle_is_the_same_attack(code):
    events = code("Rebel fighters attacked the convoy, killing four soldiers.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "attacked")]


def test_an_event_in_a_relative_clause_is_reported(code):
    events = code("The court heard a journalist who criticized the Zambian president.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ACCUSE", "criticized")]
    assert [r.text for r in events[0].recipients] == ["the Zambian president"]


def test_forces_sent_to_a_front_are_mobilised_and_to_an_ally_are_cooperation(code):
    assert [(e.event_type, e.mode) for e in code("Colombia sent 5,000 troops to the northern border.")] == [
        ("MOBILIZE", "troops")]
    assert [e.event_type for e in code("Norway sent troops to Latvia.")] == ["COOPERATE"]


def test_dismissing_a_report_and_statements_as_lies_is_an_accusation(code):
    events = code("The Chilean minister dismissed the inspectors' report and the statements by the envoy as lies.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ACCUSE", "dismissed")]
    assert [a.country for a in events[0].actors] == ["CHL"]


def test_rejecting_a_report_is_an_event_though_releasing_one_is_not(code):
    assert [(e.event_type, e.trigger.text) for e in code("Peru rejected the report on Monday.")] == [
        ("REJECT", "rejected")]
    assert code("Peru released the report on Monday.") == []


def test_a_meeting_after_which_a_leader_left_is_the_leaders_meeting(code):
    events = code("The Kenyan president returned home after meeting the Ethiopian prime minister.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("CONSULT", "meeting")]
    assert [(a.text, a.country) for a in events[0].actors] == [("The Kenyan president", "KEN")]
    assert [r.country for r in events[0].recipients] == ["ETH"]



def test_a_trip_within_the_travellers_own_country_visits_no_one(code):
    assert code("The Kenyan president flew to Mombasa on Monday.") == []
    events = code("The Kenyan president flew to Addis Ababa on Monday.")
    assert [(e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("CONSULT", ["KEN"], ["ETH"])]


def test_brushing_aside_fears_or_speculation_rejects_nothing(code):
    assert code("The Colombian minister rebuffed fears that the tariffs would cause a recession.") == []
    assert code("The Kremlin dismissed speculation about a new offensive.") == []
    assert [(e.event_type, e.trigger.text) for e in code("The Kremlin dismissed the proposal on Monday.")] == [
        ("REJECT", "dismissed")]


def test_rebutting_or_refuting_a_claim_rejects_it(code):
    events = code("Rebutting the accusation, the Iranian spokesman said Tehran had no part in the raid.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("REJECT", "Rebutting", ["IRN"])]
    events = code("The Cuban foreign ministry refuted the claims made by Washington.")
    assert [(e.event_type, [r.country for r in e.recipients]) for e in events] == [("REJECT", ["USA"])]


def test_agreeing_with_a_proposal_endorses_it_and_agreeing_to_a_truce_commits(code):
    events = code("The Chilean foreign minister said she agrees with the Brazilian proposal.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("SUPPORT", "agrees", ["CHL"])]
    assert [(e.event_type, e.trigger.text) for e in code("Peru agreed to a truce on Monday.")] == [
        ("AGREE", "agreed to a truce")]
    assert [(e.event_type, e.trigger.text) for e in code("Peru agreed with Chile on a truce.")] == [
        ("AGREE", "agreed")]


def test_presidents_clashing_is_criticism_and_soldiers_clashing_is_fighting(code):
    events = code("The US president clashed with the Ukrainian president in the Oval Office.")
    assert [(e.event_type, e.mode, e.contexts, [r.country for r in e.recipients]) for e in events] == [
        ("ACCUSE", "disapprove", [], ["UKR"])]
    events = code("Congolese soldiers clashed with M23 rebels near Goma.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "clashed")]


def test_a_clash_between_two_named_leaders_is_one_of_words(code):
    events = code("A clash between Ruto and Museveni in Kampala last week ended the talks.")
    assert [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("ACCUSE", "disapprove", "clash", ["KEN", "UGA"])]


def test_gratitude_or_pride_towards_a_party_is_praise(code):
    events = code("The Kenyan president said he was grateful to Ethiopia for its help.")
    assert [(e.event_type, e.trigger.text, [r.country for r in e.recipients]) for e in events] == [
        ("SUPPORT", "grateful", ["ETH"])]
    assert code("The Kenyan president was proud.") == []


def test_a_candidate_capturing_a_state_seizes_nothing_and_a_ruler_or_rebels_do(code):
    assert code("Ted Cruz has captured Texas and Oklahoma.") == []
    events = code("Russian President Vladimir Putin seized Crimea in 2014.")
    assert [(e.event_type, e.mode, [a.country for a in e.actors]) for e in events] == [("COERCE", "seize", ["RUS"])]
    assert [e.event_type for e in code("Rebels captured the town of Goma.")] == ["COERCE"]


def test_a_warning_of_sanctions_threatens_and_a_warning_of_famine_does_not(code):
    events = code("The EU warned of new sanctions against Minsk.")
    assert [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("THREATEN", "relations", "warned of new sanctions", ["EU"])]
    assert code("The UN warned of a famine in Sudan.") == []


def test_fighting_for_a_cause_is_no_combat_and_troops_fighting_for_a_town_are(code):
    assert code("Ukrainians are fighting for their freedom, the Polish president said.") == []
    events = code("Russian troops are fighting for control of the town.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("ASSAULT", "fighting", ["RUS"])]


def test_seizing_on_an_issue_takes_nothing_and_seizing_a_port_on_a_day_does(code):
    assert code("The network immediately seized on the controversy set off by the senator.") == []
    assert code("An issue seized upon by the opposition took on urgency.") == []
    events = code("Israeli troops seized the port on Monday.")
    assert [(e.event_type, e.mode, e.trigger.text) for e in events] == [("COERCE", "seize", "seized")]


def test_rallying_behind_someone_is_endorsing_them(code):
    events = code("Local party leaders have rallied behind the governor.")
    assert [(e.event_type, e.trigger.text, [r.text for r in e.recipients]) for e in events] == [
        ("SUPPORT", "rallied behind", ["the governor"])]


def test_conceding_a_point_is_an_admission_and_conceding_territory_is_yielding(code):
    assert code("In his final address, the president conceded he had fallen short.") == []
    events = code("The Colombian government conceded the disputed islands to Nicaragua.")
    assert [(e.event_type, [r.country for r in e.recipients]) for e in events] == [("CONCEDE", ["NIC"])]


def test_striking_a_tone_is_no_strike(code):
    assert code("The senator needs to strike a tone that approximates her earlier speech.") == []


def test_beginning_to_attack_is_one_event_coded_by_the_attack(code):
    events = code("Chadian militants began to attack the town at dawn.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "attack")]
    events = code("The senator has begun to attack the governor in her campaign appearances.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ACCUSE", "attack")]


def test_attacks_from_rivals_are_their_words(code):
    events = code("The senator fielded the most attacks from his rivals for the nomination.")
    assert [(e.event_type, [a.text for a in e.actors]) for e in events] == [("ACCUSE", ["his rivals"])]


@pytest.mark.parametrize("text", [
    '"I fought so hard to defeat the pension bill," the Chilean senator said.',
    '"She should stay in the race until she wins everything she is fighting for," the Peruvian senator said.',
])
def test_fighting_to_defeat_a_bill_or_for_what_one_wants_is_no_combat(code, text):
    assert [e.event_type for e in code(text) if e.event_type == "ASSAULT"] == []


def test_troops_fighting_to_retake_a_town_are_in_combat(code):
    events = code("Sudanese army troops fought to retake the town on Sunday.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("ASSAULT", "fought", ["SDN"])]


def test_fighting_ones_way_back_and_suing_in_court_are_no_force(code):
    assert code("The governor has fought his way back to respectability.") == []
    events = code("The Kenyan senator sued the governor in the district court for defamation.")
    assert [(e.event_type, e.mode) for e in events] == [("ACCUSE", "allege")]


def test_workers_striking_stop_work_and_jets_striking_attack(code):
    events = code("Teachers struck for a third day on Tuesday.")
    assert [(e.event_type, e.mode) for e in events] == [("PROTEST", "strike")]
    events = code("Israeli jets struck Gaza on Monday.")
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_a_quoted_question_asked_is_no_request_and_asking_someone_to_act_is(code):
    assert code('"But why?" the Chilean reporter asked him.') == []
    assert [e.event_type for e in code("Kenya asked Uganda to reopen the border.")] == ["REQUEST"]


def test_poll_shares_of_backing_are_no_support(code):
    assert code("Male troops backed the senator, 57 percent to 22 percent, in the survey.") == []


def test_a_proposition_answered_in_the_passive_is_an_event_without_a_named_actor(code):
    events = code("Chile's two appeals against the ruling were rejected on Monday.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("REQUEST", "appeals", ["CHL"]), ("REJECT", "rejected", [])]
    assert code("The blood samples were rejected on Monday.") == []


@pytest.mark.parametrize("text, etype", [
    ("Residents of Quito are protesting the government's new policy on fuel.", "PROTEST"),
    ("Thousands of farmers protested the new tax in Lima on Monday.", "PROTEST"),
    ("The Chilean foreign ministry protested the decision on Monday.", "ACCUSE"),
])
def test_a_crowd_protesting_a_policy_protests_and_a_state_objects(code, text, etype):
    assert [e.event_type for e in code(text)] == [etype]


@pytest.mark.parametrize("text", [
    "The Peruvian judge regrets her remarks about the candidate.",
    '"I regret making those comments," the Bolivian minister said.',
])
def test_regretting_ones_own_words_criticises_no_one(code, text):
    assert code(text) == []


def test_regretting_another_partys_decision_is_criticism(code):
    events = code("The Chinese foreign ministry said it regrets Lithuania's decision.")
    assert [(e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients]) for e in events] == [
        ("ACCUSE", ["CHN"], ["LTU"])]


def test_asking_questions_requests_nothing(code):
    assert code("The Chilean senator asked several questions during the hearing.") == []


def test_records_released_free_no_one(code):
    assert code("The Colombian senator released her tax records on Monday.") == []


@pytest.mark.parametrize("text", [
    "The Chilean senator campaigned in Valparaiso on Wednesday.",
    '"We may pass it in pieces, as opposed to one big bill," the Peruvian president said.',
])
def test_electioneering_and_as_opposed_to_demand_and_criticise_nothing(code, text):
    assert code(text) == []


def test_campaigning_for_a_cause_is_a_demand(code):
    events = code("Kenyan activists campaigned for the release of the jailed journalists.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("REQUEST", "campaigned for the release", ["KEN"])]


@pytest.mark.parametrize("text", [
    "We asked our followers which candidate won the Chilean debate.",
    "The Peruvian spokesman, who declined to be identified, said the talks had failed.",
    "The Peruvian senator released a web ad on Monday.",
    "The Chilean party is offering a positive vision for the country.",
])
def test_polling_followers_staying_anonymous_and_releasing_ads_are_no_events(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    '"That would be good," the Kenyan senator shot back.',
    "The governor shot back that the reporter had not read the bill.",
    "The White House fought hard to defend the tax.",
    "Republicans did not want to fight to confirm the judges.",
])
def test_a_retort_or_striving_for_a_cause_is_no_combat(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, trigger", [
    ("Soldiers shot back at the gunmen.", "shot"),
    ("Government troops fought to retake the town.", "fought"),
])
def test_forces_returning_fire_or_fighting_for_a_town_are_in_combat(code, text, trigger):
    assert kinds(code(text)) == [("ASSAULT", trigger, False, False)]



@pytest.mark.parametrize("text", [
    "Senator Maria Lopez was battling with Governor Ana Ruiz for second place in Ohio.",
    "We have fought the battle and he was a tough opponent.",
])
def test_a_political_contest_is_no_combat(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, actors, recipients", [
    ("Somali forces fought al-Shabab militants near Kismayo on Tuesday.", ["SOM"], ["SOM"]),
    ("Ukraine has been fighting Russia since 2022.", ["UKR"], ["RUS"]),
])
def test_fighting_by_forces_or_between_states_is_combat(code, text, actors, recipients):
    assert [(e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in code(text)] == [("ASSAULT", actors, recipients)]


@pytest.mark.parametrize("text", [
    "He captured his party's presidential nomination in May.",
    "She has been capturing wins in South Carolina and Alabama.",
    "Within 12 days, he has captured the hearts of moderates in Iowa.",
])
def test_winning_a_prize_or_hearts_is_no_seizure(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text, mode", [
    ("Rebels captured the town of Kidal on Sunday.", "seize"),
    ("Police captured two suspects in Nairobi.", "arrest"),
])
def test_capturing_a_town_or_people_is_coercion(code, text, mode):
    assert [(e.event_type, e.mode, e.trigger.text) for e in code(text)] == [("COERCE", mode, "captured")]


def test_taking_over_an_office_is_no_seizure_and_an_army_taking_over_is(code):
    assert code("The new governor took over in exceedingly hard times.") == []
    assert [(e.event_type, e.trigger.text) for e in code("The army took over on Tuesday.")] == [
        ("COERCE", "took over")]


@pytest.mark.parametrize("text", [
    "Journalists are killing journalism.",
    "But even had I known, it would not have killed my enthusiasm.",
])
def test_killing_a_thing_ends_it_and_slays_no_one(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "Guards turned their guns on the prisoners, killing 15.",
    "The militants killed dozens in the village.",
    "Gunmen killed him at his home.",
    "The militia has been killing lots of civilians in the north.",
])
def test_killing_people_counted_or_named_is_an_assault(code, text):
    assert [e.event_type for e in code(text)] == ["ASSAULT"]
