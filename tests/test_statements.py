"""The statement component: each attribution construction, with exact speakers, cues, addressees and dates."""

from datetime import date

import pytest
import spacy

PUB = date(2026, 3, 12)  # a Thursday


@pytest.fixture
def statements(run):
    def _statements(text, published=PUB):
        return run(text, published)._.statements

    return _statements


def only(statements):
    assert len(statements) == 1, [s.content.text for s in statements]
    return statements[0]


def test_component_registers_and_runs_alone(nlp_base):
    import communique.extract.statements.component  # noqa: F401
    from communique.nlp import load_base

    nlp = load_base()
    nlp.add_pipe("communique_statements")
    doc = nlp("The minister said the border was calm.")
    assert [s.content.text for s in doc._.statements] == ["the border was calm"]
    assert [span.text for span in doc.spans["statements"]] == ["the border was calm"]


def test_direct_quote_cue_after_with_offsets(statements):
    text = '"We want a deal," Minister Ana Ruiz said.'
    s = only(statements(text))
    assert (s.kind, s.content.text, s.content.start, s.content.end) == ("direct", "We want a deal", 1, 15)
    assert (s.speaker.text, s.speaker.name, s.speaker.start, s.speaker.end) == ("Minister Ana Ruiz", "Ana Ruiz", 18, 35)
    assert (s.cue.text, s.cue.lemma, s.cue.start) == ("said", "say", 36)
    assert s.id == "t:s1" and s.doc == "t"


def test_direct_quote_cue_before_with_colon(statements):
    s = only(statements('Ana Ruiz told reporters: "Nobody will leave."'))
    assert (s.kind, s.content.text, s.speaker.name, s.cue.lemma) == ("direct", "Nobody will leave.", "Ana Ruiz", "tell")
    assert (s.addressee.text, s.addressee.name) == ("reporters", "reporters")


def test_split_quote_is_one_statement_in_two_parts(statements):
    text = 'Ana Ruiz arrived late. "We want a deal," she said, "but not at any price."'
    s = only(statements(text))
    assert s.kind == "direct"
    assert [text[a:b] for a, b in s.content.parts] == ["We want a deal", "but not at any price."]
    assert (s.speaker.text, s.speaker.name) == ("she", "Ana Ruiz")


def test_continuation_in_next_sentence_belongs_to_previous_speaker(statements):
    text = '"We are close to an agreement," Lopez said. "The last issues are technical."'
    s = only(statements(text))
    assert [text[a:b] for a, b in s.content.parts] == ["We are close to an agreement", "The last issues are technical."]
    assert s.speaker.name == "Lopez"


def test_multi_paragraph_quote_with_reopened_marks(statements):
    text = ('Marta Diaz, the mayor, spoke after the vote.\n\n'
            '\u201cWe will rebuild the bridge,\u201d Diaz said. \u201cThe money is there.\n\n'
            '\u201cThe work starts in May.\u201d')
    s = only(statements(text))
    assert s.content.text == "We will rebuild the bridge The money is there. The work starts in May."
    assert len(s.content.parts) == 3
    assert s.speaker.name == "Marta Diaz"


def test_indirect_with_and_without_that(statements):
    with_that = only(statements("The minister said that the border was calm."))
    without = only(statements("The minister said the border was calm."))
    assert with_that.content.text == without.content.text == "the border was calm"
    assert with_that.kind == without.kind == "indirect"


def test_content_first_then_speaker_and_date(statements):
    s = only(statements("Iceland will cut its quota, the country's fisheries minister said on Thursday."))
    assert s.content.text == "Iceland will cut its quota"
    assert s.speaker.text == "the country's fisheries minister"
    assert (s.date.text, s.date.value, s.date.precision) == ("Thursday", "2026-03-12", "day")


def test_told_outlet_and_past_weekday(statements):
    s = only(statements("Defence Minister Tomas Varga told the Interfax news agency on Friday that troops would stay."))
    assert (s.speaker.name, s.speaker.role, s.speaker.sector) == ("Tomas Varga", "Defence Minister", "GOV")
    assert (s.addressee.text, s.addressee.name, s.addressee.kind) == ("the Interfax news agency", "Interfax", "listener")
    assert (s.date.value, s.date.precision) == ("2026-03-06", "day")
    assert s.content.text == "troops would stay"


def test_interview_with_broadcaster_and_appositive_speaker(statements):
    s = only(statements("Anna Berg, the ministry's spokeswoman, said in an interview with the BBC that the border was calm."))
    assert (s.speaker.text, s.speaker.name) == ("Anna Berg, the ministry's spokeswoman", "Anna Berg")
    assert (s.addressee.name, s.addressee.kind) == ("BBC", "outlet")


def test_on_a_network_and_in_a_statement(statements):
    tv = only(statements("Senator Paul Okafor said on Fox News that he would oppose the bill."))
    assert (tv.addressee.text, tv.addressee.kind, tv.speaker.sector) == ("Fox News", "outlet", "LEG")
    st = only(statements("The European Commission said in a statement that it welcomed the talks."))
    assert (st.addressee.text, st.addressee.name, st.addressee.kind) == ("a statement", "statement", "channel")
    post = only(statements("\u201cTalks will resume in May,\u201d the minister wrote in a post on the social media"
                           " platform X."))
    assert (post.addressee.text, post.addressee.name, post.addressee.kind) == ("X", "X", "channel")
    assert (st.speaker.name, st.speaker.country, st.speaker.sector) == ("European Commission", "EU", "IGO")


def test_according_to_has_no_addressee(statements):
    s = only(statements("According to the White House, the president will travel to Tokyo next week."))
    assert (s.cue.text, s.cue.lemma) == ("According to", "according to")
    assert (s.speaker.name, s.speaker.country) == ("White House", "USA")
    assert s.content.text == "the president will travel to Tokyo next week"
    assert s.addressee is None and s.date is None


def test_denial_with_object_content(statements):
    s = only(statements("The Kremlin denied reports that troops had crossed the border."))
    assert (s.cue.lemma, s.content.text, s.speaker.country) == ("deny", "reports that troops had crossed the border", "RUS")


def test_mixed_quote(statements):
    text = 'A senior official said the deal was "all but done."'
    s = only(statements(text))
    assert s.kind == "mixed"
    assert s.content.text == "the deal was all but done"
    assert s.speaker.name == "senior official"


def test_pronouns_follow_gender_not_recency(statements):
    text = ('Foreign Minister Elena Marsh met Viktor Hale on Monday. "The meeting was useful," said Hale. '
            "She told reporters that talks would continue.")
    first, second = statements(text)
    assert (first.speaker.name, second.speaker.name) == ("Viktor Hale", "Elena Marsh")
    assert second.speaker.text == "She"


def test_he_resolves_to_previous_male_speaker(statements):
    found = statements("Senator Paul Okafor said he would oppose the bill. He added that his party was divided.")
    assert [(s.speaker.text, s.speaker.name, s.cue.lemma) for s in found] == [
        ("Senator Paul Okafor", "Paul Okafor", "say"), ("He", "Paul Okafor", "add")]


def test_plural_they(statements):
    found = statements("The rebels said they had captured the town. They warned that further attacks would follow.")
    assert [(s.speaker.text, s.speaker.name) for s in found] == [("The rebels", "rebels"), ("They", "rebels")]


def test_role_description_resolves_to_named_person(statements):
    text = ("The presidential spokeswoman, Irina Volk, said the visit was cancelled. "
            "The spokeswoman also insisted that relations remained good.")
    found = statements(text)
    assert [(s.speaker.text, s.speaker.name, s.cue.lemma) for s in found] == [
        ("The presidential spokeswoman, Irina Volk", "Irina Volk", "say"),
        ("The spokeswoman", "Irina Volk", "insist")]


def test_unresolvable_pronoun_is_reported_as_such(statements):
    s = only(statements('He said: "Nobody will leave."'))
    assert (s.speaker.text, s.speaker.name) == ("He", None)
    assert s.confidence < 0.9


def test_future_tense_statement_date_and_published_unknown(statements):
    s = only(statements("The minister said on Friday that she will resign.", published=None))
    assert (s.date.text, s.date.value, s.date.precision) == ("Friday", None, None)


def test_no_time_expression_gives_no_date(statements):
    assert only(statements("The minister said the border was calm.")).date is None


def test_wide_cue_vocabulary(statements):
    cues = ["warned", "insisted", "confirmed", "stressed", "claimed", "acknowledged", "announced", "noted", "argued"]
    for verb in cues:
        s = only(statements(f"The ambassador {verb} that the embassy would stay open."))
        assert s.content.text == "the embassy would stay open", verb


def test_cue_vocabulary_size():
    from communique.extract.statements.cues import SPEECH

    assert len(SPEECH) >= 40


def test_to_dict_follows_contract(statements):
    d = only(statements('"We want a deal," Minister Ana Ruiz said on Monday.')).to_dict()
    assert d["type"] == "statement" and d["kind"] == "direct"
    assert d["content"] == {"text": "We want a deal", "start": 1, "end": 15, "parts": []}
    assert set(d["speaker"]) == {"text", "start", "end", "name", "role", "country", "sector", "actor_id", "kb_id"}
    assert d["date"] == {"text": "Monday", "start": 44, "end": 50, "value": "2026-03-09", "precision": "day",
                         "inherited": False}


def test_blank_pipeline_without_parser_finds_nothing_and_does_not_crash():
    import communique.extract.statements.component  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("communique_statements")
    assert nlp('"Hello," she said.')._.statements == []


def test_parenthetical_attribution_splits_the_content(statements):
    text = "Acts of protest, the mayor said, are acts of patriotism."
    s = only(statements(text))
    assert (s.kind, s.content.text, s.speaker.text) == ("indirect", "Acts of protest are acts of patriotism", "the mayor")
    assert [text[a:b] for a, b in s.content.parts] == ["Acts of protest", "are acts of patriotism"]


def test_trailing_attribution_takes_the_whole_clause_before_it(statements):
    text = "The police had asked for an escort, but the council refused the request, the source added."
    s = only(statements(text))
    assert s.content.text == "The police had asked for an escort, but the council refused the request"
    assert (s.speaker.text, s.cue.lemma) == ("the source", "add")


def test_transcript_speaker_labels(statements):
    text = "HOST: Will the talks resume this week?\n\nNDIAYE: We expect them to resume on Friday.\n\nNote: this story was updated."
    found = statements(text)
    assert [(s.kind, s.speaker.text, s.cue.text, s.content.text) for s in found] == [
        ("direct", "HOST", ":", "Will the talks resume this week?"),
        ("direct", "NDIAYE", ":", "We expect them to resume on Friday."),
    ]


def test_beliefs_are_attributed_only_when_asked(nlp_base):
    import communique.extract.statements.component  # noqa: F401
    from communique.nlp import load_base

    text = "The minister believes the talks will fail."
    assert only_content(nlp_base, text, beliefs=False) == []
    nlp = load_base()
    nlp.add_pipe("communique_statements", config={"beliefs": True})
    assert [(s.cue.lemma, s.content.text) for s in nlp(text)._.statements] == [("believe", "the talks will fail")]


def only_content(nlp_base, text, beliefs):
    from communique.extract.statements.component import extract

    return [s.content.text for s in extract(nlp_base(text), beliefs)]


def test_relative_pronoun_speaker_is_the_noun_it_describes(statements):
    s = only(statements("It was a spokesman who said the embassy would stay open."))
    assert (s.speaker.text, s.content.text) == ("a spokesman", "the embassy would stay open")


def test_speech_reported_inside_a_quote_belongs_to_the_quote(statements):
    text = '"I told them the plan would fail," Okafor said.'
    s = only(statements(text))
    assert (s.kind, s.speaker.name, s.content.text) == ("direct", "Okafor", "I told them the plan would fail")


def test_a_name_inside_an_appositive_description_is_not_the_speaker(statements):
    s = only(statements("Councillor Dara Quinn met Tomas Lind on Monday. Lind, a Quinn ally, said the vote was fair."))
    assert (s.speaker.text, s.speaker.name) == ("Lind, a Quinn ally", "Tomas Lind")


def test_evidence_verbs_attribute_only_with_a_reported_clause(statements):
    s = only(statements("A new survey by the ministry shows that most farmers back the plan."))
    assert (s.speaker.text, s.cue.lemma, s.content.text) == (
        "A new survey by the ministry", "show", "most farmers back the plan")
    assert statements("The council found it hard to agree on a date.") == []


def test_intentions_are_beliefs_with_an_infinitive_content(nlp_base):
    from communique.extract.statements.component import extract

    doc = nlp_base("The finance minister wants to cut fuel taxes before the winter.")
    assert extract(doc, beliefs=False) == []
    assert [(s.cue.lemma, s.content.text) for s in extract(doc, beliefs=True)] == [
        ("want", "to cut fuel taxes before the winter")]


def test_passive_cues_take_the_agent_as_source_never_the_passive_subject(statements):
    s = only(statements("The registration issue was first reported by the Daily Ledger."))
    assert (s.speaker.text, s.content.text) == ("the Daily Ledger", "The registration issue")
    assert statements("The minister was asked about the talks.") == []


def test_subordinate_clauses_and_bare_objects_are_not_statements(statements):
    assert statements("When farmers ask for help, too many of their calls go unanswered.") == []
    assert statements("The donor announced plans on Monday.") == []


def test_indefinite_descriptions_introduce_someone_new(statements):
    text = ("Ambassador Lena Ortiz, the ministry's diplomat in Lima, said the talks were over. "
            "A Western diplomat said the talks would go on.")
    first, second = statements(text)
    assert first.speaker.name == "Lena Ortiz"
    assert (second.speaker.name, second.speaker.actor_id) == ("Western diplomat", None)


def test_definite_description_points_back_to_an_earlier_anonymous_speaker(statements):
    text = ("A senior Egyptian official said Cairo had no plans for military action. "
            "The official acknowledged that patience was wearing thin.")
    first, second = statements(text)
    assert (second.speaker.text, second.speaker.name, second.speaker.country) == (
        "The official", "senior Egyptian official", "EGY")


def test_quote_verbs_count_beside_a_quotation(statements):
    s = only(statements('Marta Diaz spoke last. "We will not give up," she continued.'))
    assert (s.kind, s.cue.lemma, s.speaker.name) == ("direct", "continue", "Marta Diaz")


def test_quotes_signed_with_a_dash(statements):
    text = "\u201cWe are not afraid. We will march again.\u201d \u2015Ana Ruiz, a student in Lima"
    s = only(statements(text))
    assert (s.kind, s.cue.text, s.speaker.text, s.speaker.name, s.speaker.country) == (
        "direct", "\u2015", "Ana Ruiz, a student in Lima", "Ana Ruiz", "PER")
    assert s.content.text == "We are not afraid. We will march again."


def test_a_quoted_phrase_or_title_is_never_the_speaker(statements):
    text = ("Several economists describe the three ports as the \u201cSalt Corridor,\u201d noting their rising "
            "freight charges.")
    assert [(s.speaker.text, s.cue.lemma) for s in statements(text)] == [
        ("Several economists", "describe"), ("Several economists", "note")]
    text = ("Mayor Ines Doria, in an interview with the \u201cMorning Ledger\u201d show, declined to give figures "
            "but said, \u201cThe budget is sound.\u201d")
    s = only(statements(text))
    assert (s.speaker.text, s.speaker.name, s.content.text) == ("Mayor Ines Doria", "Ines Doria", "The budget is sound.")


def test_a_subject_inside_the_quotation_gives_way_to_the_name_before_the_cue(statements):
    text = ("\u201cThe harvest was poor. So this is a hard winter for the valley,\u201d Councillor Amos Reed, "
            "told the Gazette.")
    s = only(statements(text))
    assert (s.speaker.text, s.speaker.name, s.addressee.name) == ("Councillor Amos Reed", "Amos Reed", "Gazette")
    text = ("\u201cWe are not going to redraw the map,\u201d Lena Brandt said, adding that the talks would "
            "resume soon.")
    assert [(s.speaker.name, s.cue.lemma) for s in statements(text)] == [("Lena Brandt", "say"), ("Lena Brandt", "add")]


def test_only_the_day_of_the_speaking_dates_a_statement(statements):
    # Thursday 12 March 2026: a possessive day names what was spoken of, "ahead of" another time.
    s = only(statements("Farmers' unions welcomed Tuesday's decision to lower the fuel tax."))
    assert s.date is None
    s = only(statements("Speaking ahead of Wednesday's vote, Senator Ruth Adeyemi said the bill was flawed."))
    assert s.date is None
    s = only(statements("The envoy dismissed the report at Monday's meeting."))
    assert (s.date.text, s.date.value) == ("Monday", "2026-03-09")


def test_addressees_shared_with_the_verb_beside_the_cue(statements):
    found = statements("Governor Ada Nwosu addressed the students and said their exams would go ahead.")
    said = next(s for s in found if s.cue.lemma == "say")
    assert (said.content.text, said.addressee.name, said.addressee.kind) == (
        "their exams would go ahead", "students", "listener")
    s = only(statements("Mayor Ines Doria, in an interview with the Harbour Gazette, declined to give figures "
                        "but said the budget was sound."))
    assert (s.addressee.name, s.addressee.kind) == ("Harbour Gazette", "outlet")
    s = only(statements("Speaking at a Security Council meeting on Monday, the envoy said the truce was holding."))
    assert (s.addressee.name, s.addressee.kind) == ("Security Council", "outlet")


def test_listeners_of_a_request_a_disclosure_and_a_meeting(statements):
    s = only(statements("The ministers called on Serbia to reopen the crossing."))
    assert (s.addressee.name, s.addressee.kind) == ("Serbia", "listener")
    s = only(statements("The spokesman disclosed the decision to local broadcaster RadioNord late Tuesday."))
    assert (s.addressee.name, s.addressee.kind) == ("RadioNord", "listener")
    s = only(statements("\u201cThe wells are dry,\u201d Dr. Lena Okoro told a meeting of the Regional Health Board."))
    assert (s.addressee.name, s.addressee.kind) == ("Regional Health Board", "outlet")
    s = only(statements("The rebels have not agreed to the truce, but the envoy said talks would resume."))
    assert s.addressee is None
    text = ("The Harbour Council met on Monday. \u201cThe pier must close,\u201d the engineer told council members.")
    assert only(statements(text)).addressee.name == "Harbour Council"


def test_requests_and_rejections_are_statements(statements):
    s = only(statements("Judge Amara Lind requested more time to examine the evidence."))
    assert (s.speaker.name, s.cue.lemma, s.content.text) == ("Amara Lind", "request", "more time to examine the evidence")
    s = only(statements("The ministry rejected the claim that its troops had crossed the river."))
    assert (s.cue.lemma, s.content.text) == ("reject", "the claim that its troops had crossed the river")


def test_a_plural_possessive_apostrophe_stays_in_the_content(run):
    doc = run("The envoy warned that the council could sanction the rebels’ backers if the fighting continued.")
    assert [s.content.text for s in doc._.statements] == [
        "the council could sanction the rebels’ backers if the fighting continued"]


@pytest.mark.parametrize("first, country", [
    ("The Kenyan foreign ministry met Ugandan officials on Monday.", "KEN"),
    # "its" does not point back to a person: the spokesman's country is not hers
    ("Ana Ruiz, the Peruvian foreign minister, met Chilean officials on Monday.", None),
])
def test_its_spokesman_belongs_to_a_body_named_before_never_a_person(statements, first, country):
    s = statements(first + " Its spokesman said the talks went well.")[-1]
    assert (s.speaker.text, s.speaker.role, s.speaker.country) == ("Its spokesman", "spokesman", country)


@pytest.mark.parametrize("text, name", [
    ("Senator Jane Roe (R-Tenn.) said the farm bill would pass.", "Jane Roe"),
    ("Rep. John Doe, D-Calif., said the farm bill would pass.", "John Doe"),
    ("The farm bill will pass, said Rep. Ann Bell, R-Texas.", "Ann Bell"),
])
def test_a_party_and_state_after_a_speakers_name_place_them_in_the_united_states(statements, text, name):
    s = only(statements(text))
    assert (s.speaker.name, s.speaker.country, s.speaker.sector) == (name, "USA", "LEG")


@pytest.mark.parametrize("text, speaker", [
    ("Senator Jane Roe (R-Tenn.) said the farm bill would pass.", "Senator Jane Roe (R-Tenn.)"),
    # the model may read the abbreviation's period as a word of its own
    ("Sen. Ana Bell (I-Vt.) said the farm bill would pass.", "Sen. Ana Bell (I-Vt.)"),
])
def test_a_speakers_bracket_closes_inside_the_mention(statements, text, speaker):
    s = only(statements(text))
    assert (s.speaker.text, text[s.speaker.start:s.speaker.end]) == (speaker, speaker)
