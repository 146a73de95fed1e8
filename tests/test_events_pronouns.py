"""Whom a pronoun among an event's arguments stands for (events/pronouns.py), on sentences written for the
project."""

from __future__ import annotations

import pytest

from eventhelp import mentions, only


@pytest.mark.parametrize("text, etype, actors, recipients", [
    # the object of a participle after the main clause is the main verb's object, never its plural subject
    ("Kenyan officials praised the Ugandan government, accusing it of arming the rebels.", "ACCUSE",
     [("Kenyan officials", "KEN")], [("it", "UGA")]),
    # a person as object: the body named in its "of" phrase
    ("Kenyan officials summoned the ambassador of Uganda, accusing it of arming the rebels.", "ACCUSE",
     [("Kenyan officials", "KEN")], [("it", "UGA")]),
    # a second verb sharing the subject: its object is not that subject either
    ("Kenyan officials summoned the envoy of Uganda and accused it of hiding weapons.", "ACCUSE",
     [("Kenyan officials", "KEN")], [("it", "UGA")]),
    # a body the actor list does not know still takes "it"
    ("The protesters attacked the Ugandan embassy, accusing it of hiding weapons.", "ACCUSE",
     [("The protesters", None)], [("it", "UGA")]),
])
def test_it_after_a_main_clause_is_the_main_verbs_object(code, text, etype, actors, recipients):
    event = only(code(text), etype)
    assert mentions(event.actors) == actors
    assert mentions(event.recipients) == recipients


def test_it_as_subject_of_a_clause_is_a_singular_body_before_a_plural_subject(code):
    event = only(code("Kenyan officials closed the Ugandan embassy after it received threats."), "THREATEN")
    assert mentions(event.recipients) == [("it", "UGA")]


def test_it_as_subject_of_a_clause_is_the_main_subject_when_that_is_a_state(code):
    event = only(code("Kenya closed its border after it was attacked by rebels."), "ASSAULT")
    assert mentions(event.recipients) == [("it", "KEN")]


def test_it_with_no_body_before_it_takes_no_one(code):
    # "it" cannot be the envoy (a person) nor the ministers who do the accusing
    text = "The Kenyan ministers expelled the Ugandan envoy on Monday, accusing it of hiding weapons."
    event = only(code(text), "ACCUSE")
    assert mentions(event.actors) == [("The Kenyan ministers", "KEN")]
    assert mentions(event.recipients) == [("it", None)]


@pytest.mark.parametrize("text, owner", [
    # a body that makes the claim is what "its" in it stands for
    ("The Kenyan defence ministry said its attack on the camp killed ten fighters.",
     ("Kenyan defence ministry", "KEN")),
    # a person who makes it is not
    ("Ana Ruiz said its attack on the camp killed ten fighters.", (None, None)),
])
def test_its_takes_a_body_that_speaks_never_a_person(run, text, owner):
    event = only(run(text)._.events, "ASSAULT")
    assert [(a.text, a.name, a.country) for a in event.actors] == [("its", *owner)]


@pytest.mark.parametrize("text, recipient", [
    ("Peru summoned its ambassador.", ("its ambassador", "PER")),
    # the minister has no ambassador of "its" own: whose the ambassador is, the sentence does not say
    ("The Peruvian foreign minister summoned its ambassador.", ("its ambassador", None)),
])
def test_its_owner_is_a_state_or_body_subject_never_a_person(code, text, recipient):
    event = only(code(text), "CONSULT")
    assert mentions(event.recipients) == [recipient]



@pytest.mark.parametrize("text, actor", [
    # the reported state before "it" is what it stands for, not the officials who report it
    ("Kenyan officials said the Ugandan government had armed the rebels and that it had closed the border.",
     ("it", None, "UGA")),
    # with no state or body before it, "it" is still the speakers' side
    ("Kenyan officials said it had closed the border.", ("it", "Kenyan officials", "KEN")),
])
def test_it_in_reported_speech_is_a_body_named_before_it_rather_than_the_speakers(run, text, actor):
    event = only(run(text)._.events, "COERCE")
    assert [(a.text, a.name, a.country) for a in event.actors] == [actor]
