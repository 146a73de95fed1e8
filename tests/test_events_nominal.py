"""Actors of events named by nouns, and pronoun actors, on sentences written for the project."""

from __future__ import annotations

from datetime import date

import pytest

from eventhelp import mentions, only


@pytest.mark.parametrize("text, trigger, actors", [
    # a participle of carrying out, with its agent
    ("An offensive launched by Kenyan troops last week drove the fighters from two towns.", "offensive",
     [("Kenyan troops", "KEN")]),
    # an attack "from" someone
    ("The convoy came under attack from Ethiopian rebels near the border.", "attack",
     [("Ethiopian rebels", "ETH")]),
])
def test_an_attack_noun_takes_its_agent(code, text, trigger, actors):
    event = only(code(text), "ASSAULT")
    assert event.trigger.text == trigger
    assert mentions(event.actors) == actors
    assert event.recipients == []


@pytest.mark.parametrize("text, trigger, actors", [
    ("The Somali army claimed the killing of twelve fighters near Kismayo.", "killing",
     [("The Somali army", "SOM")]),
    # a claimed attack is reported though it has no actor of its own
    ("A separatist group in Mali claimed responsibility for the bombing of the bridge.", "bombing",
     [("A separatist group in Mali", "MLI")]),
])
def test_who_claims_an_attack_is_its_actor(code, text, trigger, actors):
    event = only(code(text), "ASSAULT")
    assert (event.trigger.text, mentions(event.actors)) == (trigger, actors)


def test_the_victims_of_an_attack_are_not_its_actors(code):
    event = only(code("Two soldiers died in the attack on the base."), "ASSAULT")
    assert event.actors == []


@pytest.mark.parametrize("text, trigger, actors, recipients", [
    # talks in an adjunct of the subject's verb
    ("The Chilean president raised the dispute during talks with Argentine officials last week.", "talks",
     [("The Chilean president", "CHL")], [("Argentine officials", "ARG")]),
    # talks as the object of the subject's verb, through "of"
    ("The Peruvian foreign minister led two days of talks with Bolivian envoys in La Paz.", "talks",
     [("The Peruvian foreign minister", "PER")], [("Bolivian envoys in La Paz", "BOL")]),
    # a visit in a fronted adjunct
    ("During a visit to Lima for a trade meeting, the Japanese prime minister told reporters the deal was close.",
     "visit", [("the Japanese prime minister", "JPN")], [("Lima", "PER")]),
    # a gerund after a preposition is done by the verb's subject
    ("The Peruvian minister said after wrapping up meetings with Bolivian envoys that the border would reopen.",
     "meetings", [("The Peruvian minister", "PER")], [("Bolivian envoys", "BOL")]),
    # the members of a gathering
    ("Reporters waited ahead of a summit of the Arab League.", "summit", [("the Arab League", "LAS")], []),
])
def test_a_gathering_takes_who_the_sentence_puts_there(code, text, trigger, actors, recipients):
    event = only(code(text), "CONSULT")
    assert event.trigger.text == trigger
    assert mentions(event.actors) == actors
    assert mentions(event.recipients) == recipients


def test_a_pronoun_in_a_because_clause_is_the_main_subject(code):
    event = only(code("Serbian officials ignore the petitions because they have imposed a ban on the group."),
                 "COERCE")
    assert mentions(event.actors) == [("they", "SRB")]


def test_its_owner_is_the_clause_subject(code):
    event = only(code("Norway withdrew its troops from the mission."), "RETREAT")
    assert mentions(event.actors) == [("Norway", "NOR")]
    assert mentions(event.recipients) == [("its troops", "NOR"), ("the mission", None)]


def test_a_country_the_tagger_calls_a_person_still_owns_its_junta(run):
    doc = run("Mali's junta announced that it will expel the French ambassador.")
    event = only(doc._.events, "SANCTION")
    assert [(a.text, a.country) for a in event.actors] == [("it", "MLI")]
    assert (event.future, mentions(event.recipients)) == (True, [("the French ambassador", "FRA")])


def test_they_in_a_direct_quote_is_not_the_speaker(run):
    event = only(run('"They attacked the port," the Ukrainian minister said.')._.events, "ASSAULT")
    assert mentions(event.actors) == [("They", None)]


def test_they_in_reported_speech_is_the_speaker(run):
    event = only(run("The Ukrainian minister said they had attacked the port.")._.events, "ASSAULT")
    assert mentions(event.actors) == [("they", "UKR")]


def test_the_meeting_after_a_dated_meeting_is_that_meeting_and_takes_its_date(run):
    doc = run("The Peruvian foreign minister met his Bolivian counterpart in Lima on Monday. After the meeting, "
              "the Peruvian minister told reporters that the border would reopen.", published=date(2026, 3, 12))
    met, meeting = [e for e in doc._.events if e.event_type == "CONSULT"]
    assert (met.trigger.text, met.date.value, met.date.inherited) == ("met", "2026-03-09", False)
    assert (meeting.trigger.text, mentions(meeting.actors)) == ("meeting", [("the Peruvian minister", "PER")])
    assert (meeting.date.text, meeting.date.value, meeting.date.inherited) == ("Monday", "2026-03-09", True)


def test_we_takes_the_country_the_article_gives_its_speaker_later(run):
    doc = run("\u201cWe reject the claims made in Lima,\u201d foreign ministry spokesperson Ana Ruiz said on Tuesday. "
              "Later, Chilean foreign ministry spokesperson Ana Ruiz said that Peru had closed the border.")
    event = only(doc._.events, "REJECT")
    assert [(a.text, a.name, a.country) for a in event.actors] == [("We", "Ana Ruiz", "CHL")]


@pytest.mark.parametrize("text, country", [
    ("Rights groups, including the Kenyan Human Rights Commission, accused the police of abuses.", "KEN"),
    ("Rights groups, including Kenyan and Ugandan lawyers, accused the police of abuses.", None),  # two countries
])
def test_a_group_takes_the_country_its_named_members_share(code, text, country):
    event = only(code(text), "ACCUSE")
    assert mentions(event.actors) == [("Rights groups", country)]
    assert [r.text for r in event.recipients] == ["the police"]  # "of abuses" is the charge, not who


def test_the_two_leaders_are_the_two_parties_just_named(code):
    events = code("Chile's president met Peru's president in Lima on Monday. The two leaders agreed to reopen the "
                  "border.")
    later = [e for e in events if e.trigger.start > 60]
    assert [[(a.text, a.country) for a in e.actors] for e in later] == [
        [("The two leaders", "PER"), ("The two leaders", "CHL")]]


def test_both_sides_of_one_country_get_that_country_and_no_one_sides_name(code):
    events = code("Sudan's army and the Rapid Support Forces fought near Khartoum. Both sides accused the other of "
                  "shelling the city.")
    accused = only(events, "ACCUSE")
    assert [(a.text, a.name, a.country) for a in accused.actors] == [("Both sides", None, "SDN")]


def test_a_countrys_civil_war_is_the_conflict_named_not_a_report_of_fighting(code):
    assert code("Millions fled Sudan's civil war, the agency said.") == []
    events = code("Millions fled Russia's war on Ukraine, the agency said.")
    assert [(e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients]) for e in events] == [
        ("ASSAULT", ["RUS"], ["UKR"])]


def test_the_markets_demand_is_no_demand_on_anyone(code):
    assert code("Japanese exporters rose on strong Chinese demand.") == []
    events = code("Moscow rejected the demands of the protesters.")
    assert [(e.event_type, [r.text for r in e.recipients]) for e in events] == [("REJECT", ["the protesters"])]


def test_concessions_made_are_conceded(code):
    events = code("The Zambian government made substantial concessions to the opposition on Monday.")
    assert [(e.event_type, e.trigger.text, [r.text for r in e.recipients]) for e in events] == [
        ("CONCEDE", "made substantial concessions", ["the opposition"])]


def test_a_measure_an_actor_announces_is_the_actors(code):
    events = code("Japan announced a $5 billion aid package for Ukraine on Monday.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("AID", "aid package", ["JPN"])]
    events = code("The EU announced new sanctions on Russia on Monday.")
    assert [(e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients]) for e in events] == [
        ("SANCTION", ["EU"], ["RUS"])]


def test_people_killed_in_a_protest_make_the_protest_an_event(code):
    events = code("At least 18 people were killed on Monday in a violent protest in Hong Kong.")
    assert sorted((e.event_type, e.trigger.text) for e in events) == [("ASSAULT", "killed"), ("PROTEST", "protest")]
    assert [(e.event_type, e.trigger.text) for e in code("Two people died during protests in Nairobi.")] == [
        ("PROTEST", "protests")]


def test_a_meeting_that_brings_people_together_took_place_and_its_unrecognised_name_is_its_actor(code):
    events = code("The G7 talks in Charlevoix brought together ministers from Britain and Canada.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("CONSULT", "talks", ["G7"])]
    events = code("The Kenyan talks in Nairobi collapsed on Tuesday.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("CONSULT", "talks", ["KEN"])]


def test_the_transfer_of_aid_or_arms_is_aid_and_assistance_sought_is_not(code):
    events = code("Fiji announced the transfer of humanitarian aid to Tonga on Monday.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("AID", "transfer", ["FJI"], ["TON"])]
    events = code("Laos is seeking military assistance from Vietnam.")  # asked for: the request is the event
    assert [(e.event_type, e.trigger.text, [r.country for r in e.recipients]) for e in events] == [
        ("REQUEST", "seeking military assistance", ["VNM"])]


def test_a_measure_evaded_or_breached_is_not_imposed_again(code):
    assert code("North Korea evaded U.N. sanctions by shipping coal to China.") == []
    events = code("Russian forces violated the ceasefire on Monday.")  # the dictionary's breach of a truce
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "violated the ceasefire")]


def test_a_drug_war_is_a_policy_not_fighting(code):
    assert code("The two countries launched a drug war on cartels.") == []


def test_a_meeting_in_which_another_act_took_place_is_an_event_of_its_own(code):
    events = code("Leaders of Chile and Peru agreed at a virtual summit to open the border.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("CONSULT", "summit"),
                                                                ("SUPPORT", "open the border")]
    events = code("Leaders of Chile and Peru met at a summit in Lima.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("CONSULT", "met")]


def test_a_meeting_in_which_one_told_another_something_has_the_other_as_recipient(code):
    events = code("The Mexican president told the Canadian prime minister in a phone conversation that the border "
                  "was open.")
    assert [(e.event_type, e.mode, [r.country for r in e.recipients]) for e in events] == [
        ("CONSULT", "phone", ["CAN"])]


def test_recent_or_dated_events_talked_about_are_still_reported(code):
    events = code("The envoy said recent agreements between Chile and Bolivia are a positive sign.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("AGREE", "agreements", ["CHL", "BOL"])]
    events = code("Tuesday's attack on the train marked a dramatic escalation in the insurgency.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("ASSAULT", "attack")]  # a day is no person


def test_a_deal_between_two_parties_signed_in_the_passive_is_theirs(code):
    events = code("A deal between Fiji and Tonga was signed in Port Vila on Monday.")
    assert [(e.event_type, [a.country for a in e.actors], e.future) for e in events] == [
        ("AGREE", ["FJI", "TON"], False)]


@pytest.mark.parametrize("text, answer, etype, owner", [
    ("The court rejected Chile's request to postpone the hearing.", "REJECT", "REQUEST", [("Chile", "CHL")]),
    ("Kabul dismissed Islamabad's allegation that the raid was planned in Kunar.", "REJECT", "ACCUSE",
     [("Islamabad", "PAK")]),
])
def test_a_speech_act_owned_by_a_named_party_is_its_event(code, text, answer, etype, owner):
    events = code(text)
    assert only(events, answer)
    assert mentions(only(events, etype).actors) == owner


def test_an_owned_act_that_is_not_speech_stays_with_the_verb(code):
    events = code("The Danish minister condemned Russia's invasion of Ukraine.")
    assert [e.event_type for e in events] == ["ACCUSE"]


@pytest.mark.parametrize("text, etype, owner", [
    ("Chile's request for a delay was rejected by the tribunal.", "REQUEST", [("Chile", "CHL")]),
    ("The Security Council's calls for a truce in Darfur have gone unanswered.", "REQUEST",
     [("The Security Council", "UN")]),
])
def test_a_speech_act_answered_was_made(code, text, etype, owner):
    assert mentions(only(code(text), etype).actors) == owner


def test_a_speech_act_only_talked_about_is_no_event(code):
    assert code("Chile's demand for a delay remains unclear.") == []


@pytest.mark.parametrize("text, actor", [
    ("The Kenyan president said his government would expel the envoys.", ("his government", "KEN")),
    ("\u201cOur forces will expel the envoys,\u201d the Ghanaian defence minister said.", ("Our forces", "GHA")),
])
def test_the_speakers_own_side_takes_the_speakers_country(run, text, actor):
    event = run(text)._.events[0]
    assert [(a.text, a.country) for a in event.actors] == [actor]


@pytest.mark.parametrize("text, trigger", [
    ("The Congolese government's use of tear gas against the marchers drew protests.", "use"),
    ("The insurgents carried out the beheading of two local administrators near Kalat.",
     "carried out the beheading"),
    ("NATO warplanes launched a dozen sorties against rebel positions on Tuesday.", "launched a dozen sorties"),
])
def test_nouns_of_violence_are_attacks(code, text, trigger):
    assert only(code(text), "ASSAULT").trigger.text == trigger


def test_the_execution_of_a_plan_is_no_attack(code):
    assert code("The execution of the plan was delayed by the ministry.") == []


def test_a_visit_with_its_destination_is_a_trip_of_the_clauses_subject(code):
    event = only(code("The Nigerien foreign minister opened his tour with a visit to Chad."), "CONSULT")
    assert (event.mode, mentions(event.actors), mentions(event.recipients)) == (
        "visit", [("The Nigerien foreign minister", "NER")], [("Chad", "TCD")])
    assert code("A visit would be useful, the minister said.") == []
