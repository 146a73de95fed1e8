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
