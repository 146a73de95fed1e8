"""The pipeline's own tokenizer and sentence rules (communique/nlp.py)."""

from __future__ import annotations

from communique.pieces import analyse


def sentences(nlp, text):
    """Sentence texts of `text` through the same path as ingest."""
    return [s.text for s in next(analyse(nlp, [(text, "t", None)])).sents]


def test_the_platform_x_ends_its_sentence(nlp):
    text = "The minister wrote on X. Rebels shelled the port at dawn. She later posted on X. The army denied it."
    assert sentences(nlp, text) == ["The minister wrote on X.", "Rebels shelled the port at dawn.",
                                    "She later posted on X.", "The army denied it."]


def test_an_event_after_a_post_on_x_keeps_its_own_actor(nlp):
    doc = next(analyse(nlp, [("The minister wrote on X. Rebels shelled the port at dawn.", "t", None)]))
    assert [(e.event_type, e.trigger.text, [a.text for a in e.actors]) for e in doc._.events] == [
        ("ASSAULT", "shelled", ["Rebels"])]


def test_an_initial_after_a_name_stays_in_the_name(nlp):
    assert sentences(nlp, "Malcolm X. Little spoke in Detroit.") == ["Malcolm X. Little spoke in Detroit."]


def test_a_wire_dateline_is_not_read_into_the_first_sentence(nlp):
    text = ("LIMA (Reuters) \u2014 Peruvian police arrested nine protesters on Monday.\n"
            "QUITO - Ecuador's foreign minister met the Peruvian ambassador on Friday.")
    doc = next(analyse(nlp, [(text, "t", None)]))
    assert [s.text.strip() for s in doc.sents] == [
        "LIMA (Reuters) \u2014", "Peruvian police arrested nine protesters on Monday.", "QUITO -",
        "Ecuador's foreign minister met the Peruvian ambassador on Friday."]
    assert [(e.event_type, [(a.text, a.country) for a in e.actors]) for e in doc._.events] == [
        ("COERCE", [("Peruvian police", "PER")]), ("CONSULT", [("Ecuador's foreign minister", "ECU")])]


def test_capitals_without_a_dash_or_a_dash_after_ordinary_words_are_no_dateline(nlp):
    assert sentences(nlp, "NATO - the alliance - met in Brussels.") == ["NATO - the alliance - met in Brussels."]
    assert sentences(nlp, "Peru - Chile talks resumed.") == ["Peru - Chile talks resumed."]
