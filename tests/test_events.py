"""PLOVER event coding on hand-written sentences, with the real English model."""

from __future__ import annotations

from datetime import date

import pytest

from communique.records import Content, Speaker, Statement
from eventhelp import only

PUB = date(2026, 3, 12)  # a Thursday


def countries(refs):
    """Countries of actor references, in order."""
    return [r.country for r in refs]


# --- each type, more than one phrasing -------------------------------------------------------

@pytest.mark.parametrize("text, etype, trigger", [
    ("Norway and Chile agreed on Monday to extend their fishing accord.", "AGREE", "agreed"),
    ("Brazil and France held talks in Brasilia on Tuesday.", "CONSULT", "held talks"),
    ("The Japanese and Philippine leaders spoke by phone on Monday.", "CONSULT", "spoke by phone"),
    ("A phone call between the Polish and Czech prime ministers took place on Monday.", "CONSULT", "phone call"),
    ("The Italian foreign minister visited Egypt on Wednesday.", "CONSULT", "visited"),
    ("Portugal praised Angola for its handling of the vote.", "SUPPORT", "praised"),
    ("Peru and Ecuador signed an agreement on border trade.", "SUPPORT", "signed an agreement"),
    ("The Tunisian president pardoned forty protesters on Tuesday.", "CONCEDE", "pardoned"),
    ("The Sudanese government lifted the curfew in Khartoum.", "RETREAT", "lifted the curfew"),
    ("Jordanian and Iraqi police cooperated closely in the investigation.", "COOPERATE", "cooperated"),
    ("Danish officials shared intelligence with Sweden about the smuggling network.", "COOPERATE", "shared intelligence"),
    ("Japan donated rice to flood victims in Bangladesh.", "AID", "donated"),
    ("Canada provided aid to Haiti after the storm.", "AID", "provided aid"),
    ("Armenian forces withdrew from the disputed village on Sunday.", "RETREAT", "withdrew"),
    ("The Malian junta released twelve opposition politicians.", "RETREAT", "released"),
    ("Ghana demanded an apology from Togo.", "REQUEST", "demanded"),
    ("The Chilean senate called for an inquiry into the shooting.", "REQUEST", "called for"),
    ("Greece accused Turkey of violating its airspace.", "ACCUSE", "accused"),
    ("Spanish prosecutors opened an investigation into the contracts.", "ACCUSE", "opened an investigation"),
    ("Serbia rejected the Croatian proposal.", "REJECT", "rejected"),
    ("The Hungarian minister refused to meet the envoy.", "REJECT", "refused"),
    ("Iran threatened to close the strait.", "THREATEN", "threatened"),
    ("The Somali militia vowed to attack the capital.", "THREATEN", "vowed"),
    ("Thousands of Chilean students demonstrated in Santiago on Friday.", "PROTEST", "demonstrated"),
    ("Nigerian nurses staged a strike over unpaid wages.", "PROTEST", "staged a strike"),
    ("Sanctions were imposed on Belarus by the European Union.", "SANCTION", "Sanctions were imposed"),
    ("Estonia expelled two Russian diplomats on Monday.", "SANCTION", "expelled"),
    ("Pakistan deployed troops along the border.", "MOBILIZE", "deployed"),
    ("Britain mobilised reservists on Tuesday.", "MOBILIZE", "mobilised"),
    ("Turkish police arrested 40 protesters in Ankara.", "COERCE", "arrested"),
    ("The Egyptian authorities imposed a curfew in the city.", "COERCE", "imposed a curfew"),
    ("Syrian forces shelled the town on Sunday.", "ASSAULT", "shelled"),
    ("Gunmen opened fire on a bus near the border.", "ASSAULT", "opened fire"),
])
def test_each_type_in_several_phrasings(code, text, etype, trigger):
    event = only(code(text), etype)
    assert event.trigger.text == trigger
    assert text[event.trigger.start:event.trigger.end] == trigger
    assert not (event.negated or event.future or event.hypothetical)


# --- actors, recipients, passives and nominalisations ----------------------------------------

@pytest.mark.parametrize("text, etype, trigger", [
    ("The Kenyan government promised to release the detained journalists.", "RETREAT", "release"),
    ("Chad offered to mediate between the two sides.", "CONSULT", "mediate"),
])
def test_a_promised_act_is_coded_as_that_act_in_the_future(code, text, etype, trigger):
    events = code(text)
    assert [(e.event_type, e.trigger.text, e.future) for e in events] == [(etype, trigger, True)]


def test_passive_sanction_has_agent_as_actor_and_subject_target_as_recipient(code):
    event = only(code("Sanctions were imposed on Iran by the EU on Monday."), "SANCTION")
    assert [(a.text, a.country, a.sector) for a in event.actors] == [("the EU", "EU", "IGO")]
    assert [(r.text, r.country) for r in event.recipients] == [("Iran", "IRN")]
    assert (event.date.text, event.date.value, event.date.precision) == ("Monday", "2026-03-09", "day")


@pytest.mark.parametrize("text, etype, recipient", [
    ("Washington imposed tariffs on Chinese goods last year.", "SANCTION", ["CHN"]),
    ("The European Union lifted the embargo on Iranian oil.", "RETREAT", ["IRN"]),
])
def test_the_country_whose_goods_a_measure_targets_is_its_recipient(code, text, etype, recipient):
    event = only(code(text), etype)
    assert countries(event.recipients) == recipient


def test_reciprocal_talks_have_both_parties_as_actors(code):
    event = only(code("Brazil and France held talks in Brasilia on Tuesday."), "CONSULT")
    assert countries(event.actors) == ["BRA", "FRA"]
    assert event.recipients == []
    assert (event.location.name, event.location.country) == ("Brasilia", "BRA")
    assert event.date.value == "2026-03-10"


def test_nominal_talks_between_two_countries(code):
    event = only(code("The talks between Chile and Peru ended without a deal."), "CONSULT")
    assert event.trigger.text == "talks"
    assert countries(event.actors) == ["CHL", "PER"]


def test_phone_call_mode(code):
    event = only(code("The Dutch prime minister spoke with Ghana's president by phone."), "CONSULT")
    assert event.mode == "phone"
    assert countries(event.actors) == ["NLD"]
    assert countries(event.recipients) == ["GHA"]


def test_visit_mode_and_recipient(code):
    event = only(code("The Italian foreign minister visited Egypt on Wednesday."), "CONSULT")
    assert event.mode == "visit"
    assert [(a.country, a.sector) for a in event.actors] == [("ITA", "GOV")]
    assert countries(event.recipients) == ["EGY"]


def test_accuse_recipient_and_mode(code):
    event = only(code("Greece accused Turkey of violating its airspace."), "ACCUSE")
    assert event.mode == "disapprove"  # CAMEO 112 "accuse" in the 2021 table; allege is for its subcodes
    assert countries(event.actors) == ["GRC"]
    assert countries(event.recipients) == ["TUR"]


def test_threat_mode_comes_from_the_threatened_action(code):
    event = only(code("Azerbaijan threatened to break relations with Armenia."), "THREATEN")
    assert event.mode == "relations"
    assert countries(event.recipients) == ["ARM"]
    assert [e.event_type for e in code("Azerbaijan threatened to break relations with Armenia.")] == ["THREATEN"]


def test_refusal_mode_and_no_separate_meeting(code):
    events = code("The Hungarian minister refused to meet the envoy.")
    assert [(e.event_type, e.mode) for e in events] == [("REJECT", "meet")]


def test_assault_modes(code):
    assert only(code("Israeli jets carried out an airstrike on Gaza."), "ASSAULT").mode == "heavy-weapons"  # 195
    assert only(code("Gunmen opened fire on a bus near the border."), "ASSAULT").mode == "firearms"


def test_protest_hunger_strike_mode(code):
    event = only(code("Kurdish prisoners began a hunger strike on Monday."), "PROTEST")
    assert (event.trigger.text, event.mode) == ("began a hunger strike", "hunger")


def test_contexts_from_the_clause(code):
    event = only(code("Chadian troops attacked rebel positions near the border."), "ASSAULT")
    assert event.contexts == ["military", "territory"]
    event = only(code("Voters in Benin protested against the postponed election."), "PROTEST")
    assert "election" in event.contexts


def test_nationality_pair_gives_two_actors(code):
    event = only(code("Senior Hungarian and Romanian officials agreed on Wednesday to share data."), "AGREE")
    assert countries(event.actors) == ["HUN", "ROU"]


def test_location_in_phrase(code):
    event = only(code("Thousands of Chilean students demonstrated in Santiago on Friday."), "PROTEST")
    loc = event.location
    assert (loc.text, loc.name, loc.country) == ("Santiago", "Santiago", "CHL")
    assert event.date.value == "2026-03-06"


# --- flags ------------------------------------------------------------------------------------

def test_negated_meeting(code):
    event = only(code("The Peruvian president did not meet the Bolivian delegation."), "CONSULT")
    assert (event.negated, event.future, event.hypothetical) == (True, False, False)


def test_never_signed_is_negated(code):
    event = only(code("Ecuador never signed the agreement."), "SUPPORT")
    assert event.negated is True


def test_future_meeting(code):
    event = only(code("The Kenyan president will meet his Ugandan counterpart next week."), "CONSULT")
    assert (event.negated, event.future, event.hypothetical) == (False, True, False)
    assert event.date.value == "2026-03-16/2026-03-22"


def test_plans_to_visit_is_future(code):
    event = only(code("The Polish president plans to visit Lithuania in May."), "CONSULT")
    assert event.future is True


def test_expected_to_sign_is_future(code):
    event = only(code("Colombia is expected to sign the accord on Friday."), "SUPPORT")
    assert event.future is True


def test_agreed_talks_are_one_future_meeting(code):
    # the guide's convention: a planned meeting is CONSULT with future, the promise is not coded again
    events = code("Serbia and Croatia agreed to hold talks next week.")
    assert [e.event_type for e in events] == ["CONSULT"]
    consult = events[0]
    assert consult.future is True
    assert countries(consult.actors) == ["SRB", "HRV"]
    assert consult.date.value == "2026-03-16/2026-03-22"


def test_an_agreement_to_an_agreement_is_one_promise(code):
    events = code("Norway and Chile agreed on Monday to extend their fishing accord.")
    assert [(e.event_type, e.trigger.text, e.future) for e in events] == [("AGREE", "agreed", False)]


def test_conditional_sanctions_are_hypothetical(code):
    event = only(code("Canada could impose sanctions if the vote is rigged."), "SANCTION")
    assert event.hypothetical is True
    assert [e.event_type for e in code("Canada could impose sanctions if the vote is rigged.")] == ["SANCTION"]


def test_an_act_in_case_of_another_is_conditional_and_the_condition_no_event(code):
    events = code("Chile will impose sanctions in case Peru closes the border.")
    assert [(e.event_type, e.hypothetical) for e in events] == [("SANCTION", True)]
    events = code("The ministers discussed new sanctions on Peru in case the truce is not agreed.")
    assert [(e.event_type, e.hypothetical) for e in events] == [("CONSULT", False)]
    events = code("In his latest case, Chilean rights groups condemned the arrest of the editor.")
    assert [(e.event_type, e.hypothetical) for e in events] == [("ACCUSE", False)]


def test_question_is_hypothetical(code):
    event = only(code("Will Japan impose sanctions on the regime?"), "SANCTION")
    assert event.hypothetical is True


def test_denied_crossing_is_negated(code):
    events = code("Moscow denied that its troops had attacked the village.")
    assert only(events, "ASSAULT").negated is True


def test_refusal_of_cooperation_is_a_rejection(code):
    event = only(code("Syria says it will not accept any more refugees."), "REJECT")
    assert (event.negated, event.future) == (False, False)


def test_announced_future_aid_is_future_aid(code):
    events = code("Norway will give Malawi a grant of ten million dollars, the ministry said.")
    assert [(e.event_type, e.future) for e in events] == [("AID", True)]
    assert countries(events[0].actors) == ["NOR"] and countries(events[0].recipients) == ["MWI"]


def test_reported_obligation_is_a_demand(code):
    event = only(code("Russia said on Tuesday that Sudan must return the helicopter."), "REQUEST")
    assert countries(event.actors) == ["RUS"]
    assert countries(event.recipients) == ["SDN"]


# --- no false events --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Analysts say sanctions rarely change the behaviour of governments.",
    "A peaceful protest movement has existed in the city for years.",
    "The president said the economy was growing.",
    "The embassy released a statement on Monday.",
    "The talks format has a rotating chair.",
])
def test_no_event(code, text):
    assert code(text) == []


# --- ids, spans, claims -----------------------------------------------------------------------

def test_ids_are_stable_and_numbered(code):
    text = "Peru expelled a Chilean diplomat. Chile recalled its ambassador from Lima."
    first = code(text, doc_id="art1")
    assert [e.id for e in first] == ["art1:e1", "art1:e2"]
    assert [e.to_dict() for e in code(text, doc_id="art1")] == [e.to_dict() for e in first]
    assert first[0].to_dict()["type"] == "event"


def test_trigger_spans_on_doc(nlp_events):
    from communique.nlp import make_doc

    doc = nlp_events(make_doc(nlp_events, "Estonia expelled two Russian diplomats.", "d", PUB))
    assert [(s.text, s.label_) for s in doc.spans["events"]] == [("expelled", "SANCTION")]


def test_pronoun_takes_the_speaker(code):
    event = only(code("The Greek prime minister said he had met the Turkish president."), "CONSULT")
    assert countries(event.actors) == ["GRC"]
    assert event.actors[0].text == "he"
    assert countries(event.recipients) == ["TUR"]


def test_event_inside_statement_is_claimed(nlp_events):
    from communique.nlp import make_doc

    text = "Malawi's foreign minister said Zambia had closed the border on Monday."
    doc = make_doc(nlp_events, text, "c1", PUB)
    start = text.index("Zambia")
    end = text.index(" on Monday") + len(" on Monday")
    doc._.statements = [Statement(
        id="c1:s1", doc="c1", kind="indirect",
        content=Content(text=text[start:end], start=start, end=end, parts=[(start, end)]),
        speaker=Speaker(text="Malawi's foreign minister", start=0, end=25, country="MWI"),
    )]
    for name, proc in nlp_events.pipeline:
        doc = proc(doc)
    event = only(doc._.events, "COERCE")
    assert (event.trigger.text, event.mode, event.claimed_by) == ("closed the border", "restrict", "c1:s1")
    assert countries(event.actors) == ["ZMB"]


def test_event_outside_statement_is_unclaimed(code):
    assert only(code("Estonia expelled two Russian diplomats."), "SANCTION").claimed_by is None


def test_min_confidence_filters():
    import communique.extract.events.component  # noqa: F401
    from communique.nlp import load_base, make_doc

    nlp = load_base()
    nlp.add_pipe("communique_events", config={"min_confidence": 0.99})
    doc = nlp(make_doc(nlp, "Estonia expelled two Russian diplomats.", "m", PUB))
    assert doc._.events == []


def test_a_month_after_a_light_verb_is_not_a_march(code):
    events = code("The last round of talks, held in Kinshasa on March 3, broke up after a single day.")
    assert "PROTEST" not in [e.event_type for e in events]


def test_event_actor_takes_the_statement_speakers_resolution(run):
    doc = run("Foreign Minister Ana Ruiz of Chile arrived on Monday. She urged Peru to reopen the border.", PUB)
    request = only(doc._.events, "REQUEST")
    assert (request.actors[0].text, request.actors[0].name, request.actors[0].country) == ("She", "Ana Ruiz", "CHL")
    assert request.claimed_by is None  # the request is the speech act itself, told by the article


def test_a_surname_takes_the_full_name_of_an_earlier_speaker(run):
    doc = run("Foreign Minister Ana Ruiz of Chile said the border would reopen. "
              "The Peruvian president met Ruiz in Lima on Tuesday.", PUB)
    meeting = only(doc._.events, "CONSULT")
    assert [(r.text, r.name, r.country) for r in meeting.recipients] == [("Ruiz", "Ana Ruiz", "CHL")]
    assert [a.country for a in meeting.actors] == ["PER"]


def test_noun_trigger_takes_the_location_and_date_of_its_verb(run):
    doc = run("The minister said talks would resume in Bergen on Monday.", PUB)
    talks = only(doc._.events, "CONSULT")
    assert (talks.trigger.text, talks.location.name, talks.location.country) == ("talks", "Bergen", "NOR")
    assert (talks.date.value, talks.future, talks.claimed_by) == ("2026-03-16", True, "t:s1")


def test_members_meeting_and_a_whether_clause(run):
    doc = run("He added that members would meet on Saturday to decide whether to back the minister.", PUB)
    meeting = only(doc._.events, "CONSULT")
    assert ([a.text for a in meeting.actors], meeting.date.value, meeting.future) == (["members"], "2026-03-14", True)
    assert [e.event_type for e in doc._.events] == ["CONSULT"]  # "whether to back": alternatives, no event


def test_a_demand_is_made_of_the_subject_of_its_that_clause(code):
    demand = only(code("Chile demanded that Peru withdraw its ambassador."), "REQUEST")
    assert [(r.text, r.country) for r in demand.recipients] == [("Peru", "PER")]
    assert (demand.mode, [a.country for a in demand.actors]) == ("yield", ["CHL"])


def test_a_surname_and_a_bare_pronoun_take_what_the_article_said_before(run):
    doc = run("Chilean Foreign Minister Ana Ruiz said on Monday that talks would go on. "
              "Later Ruiz criticized Peru over the border closure. "
              "She also urged Bolivia to reopen its consulate.", PUB)
    accuse, request = only(doc._.events, "ACCUSE"), only(doc._.events, "REQUEST")
    assert [(a.text, a.name, a.country) for a in accuse.actors] == [("Ruiz", "Ana Ruiz", "CHL")]
    assert [(a.text, a.name, a.country) for a in request.actors] == [("She", "Ana Ruiz", "CHL")]


def test_unnamed_domestic_actors_take_the_events_place_or_the_articles_country(code):
    police = only(code("Police in Lagos arrested twelve protesters on Monday."), "COERCE")
    assert [(a.text, a.country) for a in police.actors] == [("Police in Lagos", "NGA")]
    events = code("Kenya's interior ministry said on Monday that Kenya would reopen the road. Kenyan officials "
                  "met on Tuesday. The militants attacked a bus near the town of Garissa in Kenya on Sunday. "
                  "Later the militants attacked a police post.")
    last = [e for e in events if e.event_type == "ASSAULT"][-1]
    assert [(a.text, a.country) for a in last.actors] == [("the militants", "KEN")]


def test_armed_groups_and_civilians_they_target_take_the_events_place(code):
    events = code("Nigeria's army said on Monday that Nigeria would send more troops north. Nigerian officials met "
                  "on Tuesday. Gunmen attacked villagers near Kaduna on Sunday. The army later attacked the "
                  "criminal groups.")
    first, second = [e for e in events if e.event_type == "ASSAULT"]
    assert [(r.text, r.country) for r in first.recipients] == [("villagers", "NGA")]
    assert [(r.text, r.country) for r in second.recipients] == [("the criminal groups", "NGA")]


def test_own_evidence_beats_the_articles_country(code):
    events = code("Kenya said the talks in Nairobi had ended. Kenyan and Somali officials disagreed. "
                  "Kenya's president spoke. Ugandan soldiers attacked the camp.")
    assault = only(events, "ASSAULT")
    assert [a.country for a in assault.actors] == ["UGA"]


def test_a_person_nothing_else_places_takes_the_articles_country_unless_acting_abroad(code):
    events = code("Zambia's interior ministry said on Monday that Zambia would hold the vote in May. Zambian "
                  "officials met on Tuesday. Opposition leader Mwila Chanda accused the ministry of delaying the "
                  "count. In Geneva, Piet Larsen condemned the delay.")
    accused, condemned = [e for e in events if e.event_type == "ACCUSE"]
    assert [(a.name, a.country) for a in accused.actors] == [("Mwila Chanda", "ZMB")]
    assert [(a.name, a.country) for a in condemned.actors] == [("Piet Larsen", None)]


def test_a_country_named_only_as_a_topic_is_not_the_articles_country(code):
    events = code("The Iran deal divided the Senate again on Monday. Critics of the Iran deal said the Iran sanctions "
                  "bill was too weak. Senator Dana Whitfield accused the Iranian leadership of lying.")
    accused = only(events, "ACCUSE")
    assert [(a.name, a.country) for a in accused.actors] == [("Dana Whitfield", None)]


@pytest.mark.parametrize("text, etype, actor", [
    ("Lawyers for Chile and Peru argued before the International Court of Justice on Monday. Peru's president and "
     "Peruvian officials spoke in Lima. The court rejected Peru's request to delay the hearing.",
     "REJECT", ("The court", "UN")),
    ("Chile's Foreign Ministry said on Monday that Peru had closed the border. Peru's president spoke in Lima. "
     "Peruvian officials met in Cusco. The ministry then expelled two Peruvian diplomats.",
     "SANCTION", ("The ministry", "CHL")),
])
def test_a_definite_description_is_the_earlier_name_with_its_head_not_the_articles_country(code, text, etype,
                                                                                            actor):
    event = only(code(text), etype)
    assert [(a.text, a.country) for a in event.actors] == [actor]


def test_a_persons_loyalists_belong_to_the_persons_country(code):
    events = code("Bashar al-Assad fled in December. Assad loyalists later attacked a checkpoint near Latakia.")
    assert [(e.event_type, e.trigger.text, [(a.text, a.country) for a in e.actors]) for e in events] == [
        ("ASSAULT", "attacked", [("Assad loyalists", "SYR")])]


def test_every_act_called_for_belongs_to_the_request(code):
    events = code("Norway called for the rebels to lay down their arms and establish a dialogue with the government.")
    assert [(e.event_type, e.trigger.text, e.recipients[0].text) for e in events] == [
        ("REQUEST", "called for", "the rebels")]


def test_a_call_on_someone_to_act_is_a_request_and_a_call_alone_is_not(code):
    events = code("The council ignored Ghana's call on the rebels to end the siege.")
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors], [r.text for r in e.recipients])
            for e in events] == [("REQUEST", "call", ["GHA"], ["the rebels"])]
    assert code("The president made a call on Monday.") == []


def test_a_phone_conversation_is_a_consultation_by_phone(code):
    events = code("The Peruvian president held a phone conversation with Lula on Monday.")
    assert [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors]) for e in events] == [
        ("CONSULT", "phone", "held a phone conversation", ["PER"])]
    assert code("The conversation was friendly.") == []


def test_how_a_party_is_asked_to_act_belongs_to_the_request(code):
    events = code("Norway called for the rebels to reciprocate by agreeing to a ceasefire.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("REQUEST", "called for")]


def test_the_three_nations_are_the_three_countries_named_before_not_their_bloc(code):
    events = code("In May, Chad, Sudan and Libya withdrew from the African Union. The three desert nations later "
                  "accused the bloc of ignoring their complaints.")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert [(a.text, a.country) for e in accuse for a in e.actors] == [
        ("The three desert nations", "LBY"), ("The three desert nations", "SDN"), ("The three desert nations", "TCD")]


def test_coercion_a_speaker_says_their_side_will_carry_out_is_a_threat(run):
    events = run("\u201cWe will impose new sanctions on Moscow unless the ports reopen,\u201d the Finnish foreign "
                 "minister said.")._.events
    assert [(e.event_type, e.mode, e.trigger.text, e.future, e.hypothetical, [a.country for a in e.actors],
             [r.country for r in e.recipients]) for e in events] == [
        ("THREATEN", "relations", "impose new sanctions", False, False, ["FIN"], ["RUS"])]


def test_a_decision_announced_or_coercion_by_someone_else_is_no_threat(run):
    kinds = [(e.event_type, e.future) for e in run(
        "The Finnish government announced it would impose sanctions on Moscow.")._.events]
    assert kinds == [("SANCTION", True)]
    kinds = [(e.event_type, e.future) for e in run(
        "The Finnish foreign minister said Sweden would impose sanctions on Moscow.")._.events]
    assert kinds == [("SANCTION", True)]


def test_a_speaker_resolved_from_he_acting_at_home_takes_the_articles_country(run):
    doc = run("Zimbabwe's opposition met in Harare on Monday. Zimbabwe's courts were closed and Zimbabwe's police "
              "were on the streets. Tendai Moyo, a politician, said that he would mobilize protests to push the "
              "president out of office.")
    threats = [e for e in doc._.events if e.event_type == "THREATEN"]
    assert [(a.text, a.name, a.country) for e in threats for a in e.actors] == [("he", "Tendai Moyo", "ZWE")]


def test_a_quoted_should_demands_of_the_party_named_and_we_must_demands_nothing(run):
    events = run("The envoy spoke for an hour. \u201cThe Security Council should condemn the attacks. "
                 "It has waited too long,\u201d the Peruvian ambassador said.")._.events
    assert [(e.event_type, e.trigger.text, [a.country for a in e.actors], [r.text for r in e.recipients])
            for e in events] == [("REQUEST", "should condemn", ["PER"], ["The Security Council"])]
    assert run("\u201cWe must act now,\u201d the Peruvian ambassador said.")._.events == []


def test_no_on_the_object_of_a_light_verb_negates_the_event(code):
    assert [(e.event_type, e.negated) for e in code("Brazil imposed no new sanctions on Chile on Monday.")] == [
        ("SANCTION", True)]
    assert [(e.event_type, e.negated) for e in code("Brazil held no talks with Chile.")] == [("CONSULT", True)]


def test_a_verb_without_subject_takes_the_parties_it_is_between(code):
    events = code("Aid was cut, following the Oval Office clash between Russian President Vladimir Putin and "
                  "French President Emmanuel Macron on Friday.")
    clash = [e for e in events if e.trigger.text == "clash"]
    assert [(e.event_type, [a.country for a in e.actors]) for e in clash] == [("ACCUSE", ["RUS", "FRA"])]


def test_a_leaders_administration_belongs_to_the_leaders_country_not_the_articles(code):
    events = code("China faces risks, because the Trump administration could impose restrictions on Chinese firms.")
    assert [(e.event_type, [(a.text, a.country) for a in e.actors]) for e in events] == [
        ("COERCE", [("the Trump administration", "USA")])]


def test_releasing_a_programme_or_a_plan_frees_no_one(code):
    assert code("In 2017, China released an AI development program.") == []
    assert [(e.event_type, e.trigger.text) for e in code("China released three political prisoners on Monday.")] == [
        ("RETREAT", "released")]


def test_being_unable_to_act_is_not_acting(code):
    events = code("Chile was unable to send troops to the border.")
    assert [(e.event_type, e.negated) for e in events] == [("MOBILIZE", True)]


def test_advice_and_praise_from_analysts_are_no_political_acts(code):
    assert code("Experts stressed that Africans should get their blood-sugar level tested.") == []
    assert code("Security analysts are praising ECOWAS for activating its standby force.") == []
    events = code("Kenyan officials urged Somalia to withdraw its troops.")
    assert [(e.event_type, [a.country for a in e.actors]) for e in events] == [("REQUEST", ["KEN"])]


def test_should_before_its_subject_is_a_condition_not_a_demand(run):
    assert run("The senator said Cruz would struggle in November, should he win the nomination.")._.events == []


def test_a_us_state_in_a_title_places_its_holder_in_the_usa_not_on_jersey(code):
    events = code("New Jersey Gov. Chris Christie endorsed the plan on Monday.")
    assert [(e.event_type, [(a.name, a.country) for a in e.actors]) for e in events] == [
        ("SUPPORT", [("Chris Christie", "USA")])]


def test_a_race_or_an_election_called_for_someone_is_no_appeal(code):
    assert code("The crowd roared when Texas was called for Ted Cruz.") == []
    assert code("Elections were called for June by the president.") == []


def test_downgrading_ties_reduces_relations_and_ngos_are_actors(code):
    events = code("Andorra is downgrading diplomatic ties with Peru.")
    assert [(e.event_type, e.mode, [r.country for r in e.recipients]) for e in events] == [
        ("SANCTION", "withdraw", ["PER"])]
    events = code("The council announced that three human rights NGOs were banned on May 17.")
    assert [(e.event_type, [r.text for r in e.recipients]) for e in events] == [
        ("COERCE", ["three human rights NGOs"])]


def test_joint_drills_conducted_or_staged_are_military_cooperation(code):
    events = code("Last week, the Netherlands conducted joint military drills with the Bolivian Navy.")
    assert [(e.event_type, e.trigger.text, [r.country for r in e.recipients]) for e in events] == [
        ("COOPERATE", "conducted joint military drills", ["BOL"])]


def test_a_threat_made_in_a_television_programme_is_still_a_threat(code):
    events = code("The Peruvian president threatened further action against Chile in a television program.")
    assert [(e.event_type, [a.country for a in e.actors]) for e in events] == [("THREATEN", ["PER"])]


@pytest.mark.parametrize("text, etype, recipients", [
    ("Chile rejected Peru's request to delay the hearing.", "REJECT", ["PER"]),
    ("Ghana rejected the allegations made by Togo.", "REJECT", ["TGO"]),
    ("The Malian government condemned the attack by Burkinabe soldiers.", "ACCUSE", ["BFA"]),
])
def test_the_owner_of_what_is_acted_on_is_the_recipient(code, text, etype, recipients):
    assert countries(only(code(text), etype).recipients) == recipients


def test_a_definite_description_of_any_body_is_the_earlier_name_with_its_head(code):
    events = code("The U.N. Security Council met on Monday. Kenya urged the council to act on the famine.")
    assert [(r.text, r.country) for r in only(events, "REQUEST").recipients] == [("the council", "UN")]


def test_a_surname_the_tagger_missed_is_the_person_it_tagged_in_full(code):
    events = code("Zambia's interior ministry said on Monday that Zambia would hold the vote in May. Zambian "
                  "officials met on Tuesday. Opposition leader Mwila Chanda spoke in Lusaka. Chanda accused the "
                  "ministry of delaying the count.")
    assert [(a.text, a.country) for a in only(events, "ACCUSE").actors] == [("Chanda", "ZMB")]


def test_fighters_of_a_people_without_a_state_do_not_take_the_country_where_they_fight(code):
    events = code("Chechen fighters attacked a Ukrainian checkpoint near Bakhmut on Monday.")
    assert [(a.text, a.country) for a in only(events, "ASSAULT").actors] == [("Chechen fighters", None)]


def test_he_is_the_last_person_named_not_the_country_named_after_him(code):
    events = code("U.S. Secretary of State Marco Rubio met Saudi officials in Riyadh. This marks Rubio's second "
                  "visit to Saudi Arabia. He is scheduled to travel to Canada on Wednesday for meetings with G7 "
                  "ministers.")
    travel = [e for e in events if e.trigger.text == "travel"][0]
    assert [(a.text, a.name, a.country) for a in travel.actors] == [("He", "Marco Rubio", "USA")]


def test_a_group_named_by_a_cut_name_and_the_owner_of_what_concerns_it(code):
    events = code("Top diplomats from the Group of Seven leading democracies met in Quebec on Friday. The group "
                  "remains concerned about Iran's nuclear programme.")
    accuse = only(events, "ACCUSE")
    assert (accuse.trigger.text, [(a.text, a.country) for a in accuse.actors], countries(accuse.recipients)) == (
        "concerned", [("The group", "G7")], ["IRN"])


@pytest.mark.parametrize("text, trigger, recipient", [
    ("The Bahamas suspended relations with Cuba on Monday.", "suspended relations", "CUB"),
    ("The Bahamas has temporarily suspended its relationship with Cuba.", "suspended its relationship", "CUB"),
    ("Belize severed relations with Guatemala.", "severed relations", "GTM"),
])
def test_suspending_or_severing_relations_reduces_them(code, text, trigger, recipient):
    event = only(code(text), "SANCTION")
    assert (event.trigger.text, event.mode, countries(event.recipients)) == (trigger, "withdraw", [recipient])


def test_a_series_of_raids_is_raids(code):
    event = only(code("North Korea has conducted a series of raids against villages near the border."), "ASSAULT")
    assert (event.trigger.text, countries(event.actors)) == ("conducted a series of raids", ["PRK"])


def test_reaffirmed_support_and_reiterated_willingness_are_the_stance_they_restate(code):
    events = code("The G7 countries affirmed their unwavering support for Ukraine.")
    assert [(e.event_type, e.trigger.text, countries(e.actors), countries(e.recipients)) for e in events] == [
        ("SUPPORT", "affirmed their unwavering support", ["G7"], ["UKR"])]
    events = code("Chile reiterated its willingness to resume talks with Bolivia.")
    assert [(e.event_type, e.trigger.text, countries(e.actors)) for e in one_of(events, "AGREE")] == [
        ("AGREE", "reiterated its willingness", ["CHL"])]
    assert code("The Chilean minister affirmed that the border was open.") == []


def one_of(events, etype):
    """The events of a type."""
    return [e for e in events if e.event_type == etype]


def test_holding_a_session_is_meeting(code):
    event = only(code("On Friday, G7 foreign ministers held a session focused on China."), "CONSULT")
    assert (event.trigger.text, countries(event.actors)) == ("held a session", ["G7"])


@pytest.mark.parametrize("text, etype, mode, trigger", [
    ("The rebel group declared a nationwide ceasefire on Monday.", "RETREAT", "ceasefire", "ceasefire"),
    ("The Malian government declared a state of emergency in the capital.", "COERCE", "martial-law", "state"),
    ("The Malian president imposed martial law on Tuesday.", "COERCE", "martial-law", "imposed martial law"),
    ("Kenya declared war on Somalia.", "ASSAULT", None, "war"),
])
def test_what_is_declared_is_done(code, text, etype, mode, trigger):
    event = only(code(text), etype)
    assert (event.mode, event.trigger.text) == (mode, trigger)


def test_a_state_of_emergency_demanded_is_not_declared(run):
    doc = run("A Nigerian activist said authorities should declare a state of emergency over the kidnappings.")
    assert [(e.event_type, e.trigger.text) for e in doc._.events] == [("REQUEST", "should declare")]


def test_voters_backing_a_candidate_are_no_political_act(code):
    assert code("Hispanic voters back the former secretary of state by nine points.") == []


def test_support_received_or_criticism_faced_is_the_givers(code):
    event = only(code("The Kenyan president received support from Uganda on Monday."), "SUPPORT")
    assert (countries(event.actors), countries(event.recipients)) == (["UGA"], ["KEN"])
    event = only(code("The Chilean minister faced sharp criticism from Peru over the decision."), "ACCUSE")
    assert (countries(event.actors), countries(event.recipients)) == (["PER"], ["CHL"])


@pytest.mark.parametrize("text, mode, recipients", [
    ("The Iranian president promised to retaliate against Israel.", "violence", ["ISR"]),
    ("The Chinese government vowed to punish Taiwan for the visit.", "restrict", ["TWN"]),
    ("The rebels vowed on Tuesday to renew their attacks on the capital.", "violence", []),
])
def test_a_vow_of_force_is_a_threat_made_when_vowed(code, text, mode, recipients):
    event = only(code(text), "THREATEN")
    assert (event.mode, countries(event.recipients), event.future) == (mode, recipients, False)


def test_a_vow_to_protest_or_cooperate_stays_that_act(code):
    assert [e.event_type for e in code("Kenyan teachers vowed to continue their protests.")] == ["PROTEST"]


@pytest.mark.parametrize("text, trigger, actor", [
    ("Russia massed troops near the Ukrainian border.", "massed troops", "RUS"),
    ("ECOWAS activated its regional standby force on Tuesday.", "activated its regional standby force", "ECOWAS"),
    ("Satellite images showed a Russian buildup of troops near the border.", "buildup", "RUS"),
])
def test_massing_or_activating_forces_is_mobilizing_them(code, text, trigger, actor):
    event = only(code(text), "MOBILIZE")
    assert (event.mode, event.trigger.text, countries(event.actors)) == ("troops", trigger, [actor])


def test_the_international_community_is_an_actor(code):
    event = only(code("The international community condemned the coup in Niger."), "ACCUSE")
    assert [a.text for a in event.actors] == ["The international community"]


@pytest.mark.parametrize("text, etype, trigger", [
    ("Iraq's intelligence service eliminated the deputy commander of the group on Friday.", "ASSAULT",
     "eliminated the deputy commander"),
    ("The European Union extended sanctions on Russia for six months.", "SANCTION", "extended sanctions"),
    ("The Canadian government is keeping new tariffs in place on Mexico.", "SANCTION", "keeping new tariffs"),
])
def test_eliminating_fighters_is_force_and_extending_sanctions_imposes_them(code, text, etype, trigger):
    assert only(code(text), etype).trigger.text == trigger


def test_eliminating_jobs_is_no_event(code):
    assert code("The company eliminated thousands of jobs.") == []


@pytest.mark.parametrize("text, etype, trigger", [
    ("Soldiers raped women in the village, the Sudanese monitors said.", "ASSAULT", "raped"),
    ("The Kenyan opposition lambasted the government over the budget.", "ACCUSE", "lambasted"),
    ("The rebels waged war on the Malian state.", "ASSAULT", "waged war"),
])
def test_verbs_the_model_lemmatises_wrongly_are_coded(code, text, etype, trigger):
    assert only(code(text), etype).trigger.text == trigger


def test_migrants_slated_for_deportation_are_not_criticised(code):
    assert [e.event_type for e in code("The migrants slated for deportation arrived on Monday.")] == []


def test_alarm_felt_in_the_passive_is_the_feelers_disapproval(code):
    event = only(code("The Kenyan government was alarmed by the Ugandan troop movements."), "ACCUSE")
    assert (event.trigger.text, countries(event.actors), countries(event.recipients)) == (
        "alarmed", ["KEN"], ["UGA"])


def test_saying_a_government_failed_its_citizens_blames_it(run):
    doc = run("The Burundian opposition says that the government has failed its citizens.")
    assert [(e.event_type, [r.text for r in e.recipients]) for e in doc._.events] == [
        ("ACCUSE", ["the government"])]


@pytest.mark.parametrize("text, etype, trigger", [
    ("The rebels declared a cease-fire on Saturday.", "RETREAT", "cease-fire"),
    ("Kosovo on Monday accepted a Serbian demand for talks on the border.", "CONCEDE",
     "accepted a Serbian demand"),
])
def test_a_hyphenated_ceasefire_and_an_accepted_demand(code, text, etype, trigger):
    assert only(code(text), etype).trigger.text == trigger


def test_what_one_party_urges_another_to_do_is_never_an_act_of_its_own(code):
    assert code("The plan urged regional counterparts to coordinate their patrols.") == []
    events = code("The Ghanaian minister urged his counterparts to coordinate their patrols.")
    assert [(e.event_type, e.mode, [a.country for a in e.actors], [r.text for r in e.recipients]) for e in events] == [
        ("REQUEST", "change", ["GHA"], ["his counterparts"])]


def test_a_counterpart_is_a_party_to_a_meeting(code):
    events = code("The Kenyan president spoke with his Ugandan counterpart on Monday.")
    assert [(e.event_type, [(r.text, r.country) for r in e.recipients]) for e in events] == [
        ("CONSULT", [("his Ugandan counterpart", "UGA")])]


def test_a_permission_withheld_is_a_refusal_not_the_others_act(code):
    events = code("Peru's president said he will not allow Bolivia's leader to visit Lima.")
    assert [(e.event_type, [a.country for a in e.actors], [r.text for r in e.recipients][:1]) for e in events] == [
        ("REJECT", ["PER"], ["Bolivia's leader"])]
    events = code("Chile refused to let the Argentine convoys enter Santiago.")
    assert [(e.event_type, e.trigger.text) for e in events] == [("REJECT", "refused")]
    assert code("Journalists are not allowed to enter the northern region.") == []


def test_an_obligation_on_any_holder_of_an_office_is_no_demand(code):
    assert code("The Chilean senator said a president must be ready to make decisions at once.") == []
    events = code("The Chilean senator said the president must resign.")
    assert [(e.event_type, [a.country for a in e.actors]) for e in events] == [("REQUEST", ["CHL"])]
