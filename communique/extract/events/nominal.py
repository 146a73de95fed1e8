"""Who takes part in an event named by a noun, when the noun itself has no possessor or "by" phrase.

A noun does not carry its actor the way a verb's subject does, but English says it in a few regular ways:
- a participle of carrying out with an agent: "an offensive launched by Puntland forces" (not "a meeting
  requested by five states": asking for a meeting is not holding it);
- an attack "from" someone: "came under attack from loyalists";
- the members of a gathering: "a meeting of the Security Council", "a summit of African leaders";
- whoever the sentence says was there: "X raised it during talks with Y", "X led two days of talks",
  "during a visit to Z, X told reporters", "X said after wrapping up meetings with Y" — a gathering in an
  adjunct or object of X's verb is X's gathering;
- whoever claims it: "X claimed the killing of ...", "X claimed responsibility for the bombing";
- whoever announces it as their own measure: "X announced an aid package", "X unveiled new sanctions".
The last two hold for gatherings (meetings, talks, visits), not for harm (people who "died in the attack" are
its victims, not its actors) nor for agreements (who "blocks" or "welcomes" an agreement is not a party to it).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events.lexicon import load
from communique.extract.events.triggers import lemma

GATHERINGS = ("CONSULT",)  # not agreements: "threatened to block the agreement with Y" is no party to it
MAX_HOPS = 4


def agents(noun: Token, etype: str) -> list[Token]:
    """Actor heads for an event noun that has none of its own, nearest evidence first."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and _carries_out(child):
            found = [p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if found:
                return found
    claimer = claiming_verb(noun) or announcing_verb(noun)
    if claimer is not None:  # "X claimed the killing of ...", "X claimed responsibility for the bombing",
        return [s for s in args.subjects(claimer) if args.is_actor(s)]  # "X announced an aid package"
    if etype in ("ASSAULT", "AID"):  # "came under attack from loyalists", "transfers of shells from X to Y"
        return args.prep_objects(noun, "from")
    if etype not in GATHERINGS:
        return []
    members = [p for p in args.prep_objects(noun, "of") if args.is_actor(p)]
    if members:
        return members
    verb = _governing_verb(noun)
    if verb is None:
        return []
    return [s for s in args.subjects(verb) if args.is_actor(s)]


def partners(noun: Token, etype: str) -> list[Token]:
    """ "told Trump in phone conversations": whom the verb holding a meeting noun is addressed to."""
    verb = _governing_verb(noun) if etype in GATHERINGS and noun.dep_ == "pobj" else None
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != noun.i and args.is_actor(c)]


def _carries_out(verb: Token) -> bool:
    """A verb of holding or carrying out an event ("launched", "held", "staged"), not of facing one."""
    lem = lemma(verb)
    return lem in load().light_verbs and lem != "face"


def _controller(verb: Token) -> Token:
    """ "X said after wrapping up meetings with Y": a gerund after a preposition is done by the verb's subject."""
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        return verb.head.head
    return verb


def _governing_verb(noun: Token):
    """The verb whose object or adjunct the noun is, through "of" and noun-attached prepositions."""
    tok = noun
    for _ in range(MAX_HOPS):
        if tok.dep_ == "dobj":
            return _controller(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ != "pobj" or tok.head.dep_ not in ("prep", "agent"):
            return None
        prep = tok.head
        if prep.head.pos_ in ("VERB", "AUX") and prep.lower_ != "of":
            return _controller(prep.head)
        tok = prep.head
    return None


def claiming_verb(noun: Token) -> Optional[Token]:
    """The verb "claim" whose object is the event, directly or as what responsibility is claimed for."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        noun, head = head.head, head.head.head
    if noun.dep_ == "dobj" and head.lemma_.lower() == "claim" and head.pos_ == "VERB":
        return head
    return None


# Verbs by which an actor makes its own measure known: the measure named by their object is the actor's.
ANNOUNCING = {"announce", "unveil", "declare", "proclaim"}  # "declared a ceasefire", "proclaimed martial law"


def announcing_verb(noun: Token) -> Optional[Token]:
    """ "Japan announced an aid package": the verb announcing the event, when an actor is its subject."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ANNOUNCING and any(
            args.is_actor(s) for s in args.subjects(head)) and not any(
            c.lower_ in ("should", "must") for c in head.children):
        return head  # "should declare a state of emergency" is a demand (flags.deontic_requests), nothing declared
    return None
