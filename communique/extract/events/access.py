"""Keeping a visitor out of a country is a refusal, not coercion.

PLOVER lists "refuse or decline to allow access to international actors such as observers, humanitarian
agencies, and peacekeeping forces" under REJECT, and "allowing the entry of observers" under RETREAT; the
dictionary codes BAR, BAN and PROHIBIT as 17x (COERCE restrict), which fits bans on a country's own people
("barred girls from attending school", "banned the party"). A ban on entering or visiting a country ("barred the
envoy from entering the country", "prohibited him from visiting Ukraine", "banned the rapporteur from the
territory") refuses a visitor access: REJECT, mode yield (the refusal of RETREAT's entry). Leaving and returning
stay COERCE: they restrict movement, often of citizens.
"""

from __future__ import annotations

from spacy.tokens import Token

from communique.extract.events import arguments as args

BARRING = {"bar", "ban", "prohibit", "forbid", "block"}
ENTERING = {"enter", "visit", "travel", "come"}
# Nouns that stand for a country as a place one enters.
LANDS = {"country", "territory"}


def refused_entry(verb: Token) -> bool:
    """ "barred the envoy from entering the country": a barring verb whose "from" names entry into a land."""
    if verb.lemma_.lower() not in BARRING:
        return False
    for place in (p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ in ("pobj", "pcomp")):
        if _land(place):
            return True
        if place.tag_ == "VBG" and place.lemma_.lower() in ENTERING and any(_land(t) for t in _destinations(place)):
            return True
    return False


def _destinations(verb: Token) -> list[Token]:
    """Where an entering verb goes: its object, or the object of its "to" or "into"."""
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        p for w in ("to", "into") for p in args.prep_objects(verb, w)]


def _land(tok: Token) -> bool:
    """A country named ("Afghanistan") or as a place ("the country", "its territory")."""
    return tok.ent_type_ == "GPE" or (tok.pos_ == "NOUN" and tok.lemma_.lower() in LANDS)
