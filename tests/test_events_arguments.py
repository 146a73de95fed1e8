"""Event arguments from the parse (events/arguments.py), on parses built by hand where the model's slip matters."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from communique.extract.events.arguments import is_actor, subjects

WORDS = ["Donald", "Trump", "spoke", ".", "Trump", "at", "first", "imposed", "duties", "on", "Chile", "."]
POS = ["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "ADP", "ADV", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"]
STARTS = [True, False, False, False, True, False, False, False, False, False, False, False]


def _doc(persons: list[str]) -> Doc:
    """'Donald Trump spoke. Trump at first imposed duties on Chile.' with the model's slip: the second "Trump" read
    as the root noun, "imposed" hung under it."""
    heads = [1, 2, 2, 2, 4, 6, 7, 4, 7, 8, 9, 4]
    deps = ["compound", "nsubj", "ROOT", "punct", "ROOT", "advmod", "advmod", "ccomp", "dobj", "prep", "pobj",
            "punct"]
    return Doc(spacy.blank("en").vocab, words=WORDS, pos=POS, heads=heads, deps=deps, sent_starts=STARTS,
               ents=persons)


def test_a_name_the_model_read_as_the_root_noun_is_the_subject_of_the_verb_under_it():
    doc = _doc(["B-PERSON", "I-PERSON"] + ["O"] * 10)
    assert [t.text for t in subjects(doc[7])] == ["Trump"]
    assert is_actor(doc[4]) is True


def test_a_root_noun_that_is_no_ones_name_is_no_subject():
    doc = _doc(["O"] * 12)
    assert subjects(doc[7]) == []


def _coordinated(stop: str) -> Doc:
    """'Ottawa raised duties <stop> then eased them .' with the model's slip: "eased" an unlabelled dependent of
    "raised"."""
    words = ["Ottawa", "raised", "duties", stop, "then", "eased", "them", "."]
    tags = ["NNP", "VBD", "NNS", ",", "RB", "VBD", "PRP", "."]
    pos = ["PROPN", "VERB", "NOUN", "PUNCT", "ADV", "VERB", "PRON", "PUNCT"]
    heads = [1, 1, 1, 1, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advmod", "dep", "dobj", "punct"]
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_a_verb_left_unlabelled_after_an_earlier_one_shares_its_subject():
    doc = _coordinated(",")
    assert [t.text for t in subjects(doc[5])] == ["Ottawa"]


def test_an_unlabelled_verb_past_a_full_stop_does_not_take_the_earlier_subject():
    doc = _coordinated(".")  # two sentences the segmenter ran together
    assert subjects(doc[5]) == []


def test_a_gerund_of_an_actor_noun_is_an_act_not_a_party(code):
    # "spying" has the lemma "spy"; the charge is no recipient
    events = code("Kenya accused Uganda of spying.")
    assert [(e.event_type, [(a.text, a.country) for a in e.actors], [(r.text, r.country) for r in e.recipients])
            for e in events] == [("ACCUSE", [("Kenya", "KEN")], [("Uganda", "UGA")])]


def test_a_finite_verb_the_parser_joins_to_an_infinitive_takes_the_finite_clause_subject(code):
    events = code("Ruto said the plan aims to end the fighting and urged Uganda to join the talks.")
    assert [(e.event_type, e.trigger.text, [a.text for a in e.actors], [r.text for r in e.recipients])
            for e in events if e.event_type == "REQUEST"] == [("REQUEST", "urged", ["Ruto"], ["Uganda"])]
