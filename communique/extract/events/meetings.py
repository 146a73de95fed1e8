"""Meeting and travel senses: a meeting verb that meets a thing meets no one, and a visit goes to a place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import places

if TYPE_CHECKING:
    from communique.extract.events.lexicon import Lexicon
    from communique.extract.events.triggers import Candidate


def _alone(verb: Token) -> bool:
    """One person is the subject, and nothing in the clause names a partner or an occasion of meeting ("with X",
    "in a call", "during his visit"): a person discussing a topic states views, consulting no one."""
    subjects = args.subjects(verb)
    if len(subjects) != 1 or subjects[0].conjuncts or args.described(args.mention_span(subjects[0])).kind != "person":
        return False
    clause = verb.head if verb.dep_ == "conj" else verb  # "due to meet the president and discuss the crisis"
    return not any(t.lower_ in ("with", "between", "among", "together") or t.lemma_.lower() in OCCASIONS
                   for t in clause.subtree if t.i != verb.i)


# Occasions of meeting: discussing at one of them is consulting ("discussed trade during his visit", "met the
# president and discussed the crisis").
OCCASIONS = {"visit", "trip", "call", "meeting", "talk", "talks", "summit", "conversation", "session", "conference",
             "dinner", "lunch", "breakfast", "tour", "sideline", "sidelines", "meet", "host", "receive", "welcome"}


def _with_no_party(verb: Token) -> bool:
    """The verb has a "with" phrase, and it names no party ("with resistance", "with the issue")."""
    partners = args.prep_objects(verb, "with")
    return bool(partners) and not any(args.is_actor(p) for p in partners)


def _with_a_thing(verb: Token) -> bool:
    """ "met with resistance", "spoke with gusto": a "with" phrase naming no party, and no other party named."""
    return _with_no_party(verb) and not any(
        args.is_actor(c) for c in verb.children if c.dep_ in ("dobj", "dative"))


# Verbs whose object may be a thing: the place visited ("toured the capital"), the topic talked over ("discussed
# maritime security").
THINGS_MET = {"visit", "tour", "travel", "fly", "arrive", "return", "discuss", "negotiate", "debate", "talk",
                "consult", "confer", "review", "examine"}
NAMED = {*places.PLACE_ENTS, "ORG", "NORP", "PERSON"}  # places, bodies, peoples, persons


def _bare_verb(cand: "Candidate", lem: str, lex: "Lexicon") -> bool:
    """The candidate is coded by its verb alone, no pattern naming what the verb acts on."""
    code = lex.verbs.get(lem)
    return code is not None and cand.source == code.source and len(cand.tokens) == 1


def _meets_a_thing(verb: Token, lex: "Lexicon") -> bool:
    """The verb's object is neither a party, a place nor a gathering: the meeting verb meets a thing."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and not _doubled(c)]
    return bool(objs) and not any(
        args.is_actor(o) or o.ent_type_ in NAMED or o.pos_ in ("PROPN", "PRON") or lemma_of(o) in lex.nouns
        for o in (args.core_head(obj) for obj in objs))


def _doubled(noun: Token) -> bool:
    """ "face to face", "one on one": a noun repeated through a preposition is a manner, not an object."""
    doc = noun.doc
    return noun.i + 2 < len(doc) and doc[noun.i + 1].pos_ == "ADP" and doc[noun.i + 2].lower_ == noun.lower_


def _handles_a_thing(verb: Token) -> bool:
    """ "deal with the issue": the verb's "with" names no party, and nothing else makes it a bargain."""
    return _with_no_party(verb) and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def _private_travellers(verb: Token) -> bool:
    """No traveller is named, or everyone who travels is a private person (a passenger, migrant, detainee): a
    visit is made by officials or states, and the place it goes to is not its actor."""
    travellers = args.subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
    travellers = [t for t in travellers if args.is_actor(t)]
    return not travellers or all(args.core_head(t).lemma_.lower() in PRIVATE_PEOPLE for t in travellers)


# People who travel on their own account or are moved by others.
PRIVATE_PEOPLE = {"person", "people", "man", "woman", "girl", "boy", "child", "family", "passenger", "hostage",
                  "migrant", "citizen", "student", "worker", "pilgrim", "parent", "detainee", "prisoner",
                  "refugee", "civilian", "victim", "resident", "villager", "tourist", "traveler", "traveller",
                  "deportee", "asylum-seeker", "fan", "athlete", "player"}


def lemma_of(tok: Token) -> str:
    """The lower-case lemma."""
    return tok.lemma_.lower()


def is_phone_call(noun: Token) -> bool:
    """A "call" is a phone call when it says so or links two parties."""
    mods = {c.lower_ for c in noun.children}
    return bool(mods & {"phone", "telephone", "between", "with", "video"})


def has_destination(verb: Token) -> bool:
    """The verb names a place it goes to or arrives in ("arrived in Riyadh", "travelled to Kyiv")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "into", "at")):
        # a country or capital the recogniser took for a person counts too ("travelled to Accra")
        if any(p.ent_type_ in places.PLACE_ENTS or (p.pos_ == "PROPN" and places.country_of_place(p.text))
               for p in prep.children if p.dep_ == "pobj"):
            return True
    return False
