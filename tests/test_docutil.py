"""Per-document lookups (extract/docutil.py): entities by position, found by bisection as a scan would find them."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from communique.extract import docutil


def _doc():
    nlp = spacy.blank("en")
    doc = nlp("The Interior Ministry of Kenya met the Supreme Court in Nairobi on Monday , and the ministry said so .")
    doc.ents = [Span(doc, 1, 3, "ORG"), Span(doc, 4, 5, "GPE"), Span(doc, 7, 9, "ORG"), Span(doc, 10, 11, "GPE"),
                Span(doc, 12, 13, "DATE")]
    return doc


def test_entities_within_and_starting_in_a_range_of_tokens():
    doc = _doc()
    assert [e.text for e in docutil.ents_within(doc, 0, 11)] == ["Interior Ministry", "Kenya", "Supreme Court",
                                                                 "Nairobi"]
    assert [e.text for e in docutil.ents_within(doc, 2, 9)] == ["Kenya", "Supreme Court"]  # wholly inside only
    assert [e.text for e in docutil.ents_starting(doc, 2, 8)] == ["Kenya", "Supreme Court"]
    assert docutil.ents_in(doc[4:12]) == docutil.ents_within(doc, 4, 12)


def test_the_last_entity_filed_under_a_word_that_ends_before_an_offset():
    doc = _doc()
    words = docutil.ents_keyed(doc, "test_words", lambda e: [t.lower_ for t in e] if e.label_ == "ORG" else [])
    assert sorted(words) == ["court", "interior", "ministry", "supreme"]
    the_ministry = doc.text.index("the ministry")
    assert docutil.last_ending_by(words.get("ministry"), the_ministry).text == "Interior Ministry"
    assert docutil.last_ending_by(words.get("court"), doc.text.index("Supreme")) is None
    assert docutil.last_ending_by(words.get("kenya"), the_ministry) is None
    docutil.release(doc)
    assert [k for k in doc.user_data if str(k).startswith("communique_")] == []


# --- token lookups that replaced scans over every token: each must list what the scan found --------------------

# Written for these tests: cues, trigger words, modal demands and time words in several sentences and paragraphs.
PARSED = (
    "The Harbour Ministry said on Monday that the ferry talks must resume next week, according to two officials.\n\n"
    "Councillor Ines Roca accused the port authority of delays. Her claim that the cranes were idle was denied "
    "by the operator, which should answer by May 4, she added. Teodor Vass believes the strike will end tonight.\n"
    "Unions in Varna protested three days ago and threatened to walk out again last night."
)


def _parsed(nlp_base):
    return nlp_base(PARSED)


def test_token_starts_are_the_offsets_of_every_token(nlp_base):
    doc = _parsed(nlp_base)
    assert docutil.token_starts(doc) == [t.idx for t in doc]


def test_tokens_where_lists_what_a_scan_of_every_token_finds(nlp_base):
    doc = _parsed(nlp_base)
    said = {"say", "accuse", "add"}
    verbs = docutil.tokens_where(doc, "test_verbs", {"POS": "VERB".__eq__, "LEMMA": said.__contains__})
    assert verbs == [t.i for t in doc if t.pos_ == "VERB" and t.lemma_ in said]
    assert [doc[i].text for i in verbs] == ["said", "accused", "added"]
    nouns = docutil.tokens_where(doc, "test_nouns", {"POS": "NOUN".__eq__})
    assert nouns == [t.i for t in doc if t.pos_ == "NOUN"]
    nothing = docutil.tokens_where(doc, "test_none", {"ENT_TYPE": "LAW".__eq__})
    assert nothing == []
    sent = list(doc.sents)[1]
    assert docutil.between(nouns, sent.start, sent.end) == [t.i for t in sent if t.pos_ == "NOUN"]
    docutil.release(doc)
    assert [k for k in doc.user_data if str(k).startswith("communique_")] == []


def test_trigger_and_cue_tokens_hold_every_token_the_scans_tested(nlp_base):
    from communique.extract.events.lexicon import load
    from communique.extract.events.candidates import trigger_tokens
    from communique.extract.statements.component import _cue_tokens
    from communique.extract.statements.cues import NOUN_CUES, is_according_to, is_cue

    doc = _parsed(nlp_base)
    words = load().trigger_words()
    assert trigger_tokens(doc, load()) == [t.i for t in doc if t.lemma_.lower() in words or t.lower_ in words]
    for beliefs in (False, True):
        scanned = [t.i for t in doc if is_according_to(t) or t.pos_ == "NOUN" and t.lemma_.lower() in NOUN_CUES
                   or is_cue(t, beliefs)]
        assert set(scanned) <= set(_cue_tokens(doc, beliefs))
    assert "believes" not in [doc[i].text for i in _cue_tokens(doc, False)]
    assert "believes" in [doc[i].text for i in _cue_tokens(doc, True)]


def test_a_sentence_the_time_matcher_matches_has_an_anchor_word(nlp_base):
    from communique.extract.dates.find import _ANCHORS, _matcher

    doc = nlp_base("He left late last Monday morning. It ends today. We met earlier this month. Talks end Sept. 9 "
                   "or 12 March. They came this past weekend, this evening and over the weekend. "
                   "It broke two weeks ago. It rained last night. Nothing here at all.")
    anchors = docutil.tokens_where(doc, "time_anchors", {"LOWER": _ANCHORS.__contains__})
    matched = 0
    for sent in doc.sents:
        if _matcher(doc.vocab)(sent):
            matched += 1
            assert docutil.between(anchors, sent.start, sent.end), sent.text
    assert matched == 7


def test_a_line_break_starts_a_sentence_whatever_whitespace_follows(nlp):
    doc = nlp("Headline here\nBody text said \"yes.\"\n\n  Another para.\r\nLast line")
    assert [s.text for s in doc.sents] == ["Headline here\n", "Body text said \"yes.\"\n\n  ", "Another para.\r\n",
                                           "Last line"]
    starts = [t.i for t in doc if t.is_sent_start]
    assert starts == [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text_with_ws]


def test_people_are_the_person_names_and_the_surnames_of_full_names():
    doc = spacy.blank("en")("Marco Rubio met Lula . Rubio 's visit ended .")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "PERSON"), Span(doc, 5, 6, "LAW")]
    assert docutil.people(doc) == {"Marco Rubio", "Rubio", "Lula"}


def test_a_surname_the_recogniser_took_for_a_law_is_still_an_actor():
    from spacy.tokens import Doc

    from communique.extract.events.arguments import is_actor

    words = ["Marco", "Rubio", "met", "Lula", ".", "Rubio", "'s", "visit", "ended", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "O",
                                                                   "B-LAW", "O", "O", "O", "O"])
    assert is_actor(doc[5]) is True
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=["O", "O", "O", "B-PERSON", "O",
                                                                   "B-LAW", "O", "O", "O", "O"])
    assert is_actor(doc[5]) is False
