"""Material aid in words: what is handed over, and support given to an armed party.

What a noun of amount or a container holds is what is handed over: "shipped thousands of shells", "containers that
can hold artillery shells" hand over shells (conventions.yaml `objects`, CAMEO 072).

Support given to an armed party is military aid: PLOVER SUPPORT is "political, diplomatic, and non-material support
... a verbal act"; AID is material, "military
and police assistance including arms and personnel". Support handed to militants, rebels, a militia or an army
("accused India of providing support to militants", "gave no support to the rebels", "extended backing to the
militia") arms, funds or shelters them: CAMEO 072, extend military aid. Support given to a candidate, a policy or a
government ("lent his support to Trump", "provides support for Erdogan") stays SUPPORT.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import force

if TYPE_CHECKING:
    from communique.extract.events.lexicon import Lexicon
    from communique.extract.events.triggers import Candidate

SUPPORT_NOUNS = {"support", "backing"}
GIVING = {"provide", "give", "extend", "lend", "offer", "send", "supply"}


def armed_support(cand: "Candidate", lex: "Lexicon") -> bool:
    """The candidate gives support (a verb of giving with "support" or "backing") to an armed party."""
    verb = cand.anchor
    if cand.etype != "SUPPORT" or verb.pos_ != "VERB" or verb.lemma_.lower() not in GIVING:
        return False
    nouns = [t for t in cand.tokens if t.lemma_.lower() in SUPPORT_NOUNS]
    if not nouns:
        return False
    given_to = [t for head in (verb, *nouns) for t in _receivers(head)]
    return any(force.armed(t, lex) for t in given_to)


def _receivers(head: Token) -> list[Token]:
    """Whom something is given: an indirect object, or the object of "to" or "for" (the parser labels "to" after
    an object a dative too)."""
    out = []
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "for"):
            out += [p for p in child.children if p.dep_ == "pobj"]
        elif child.dep_ == "dative":
            out.append(child)
    return out


# Nouns of amount or of a container: what is handed over is what they hold ("thousands of shells", "a shipment of
# drones", "containers that can hold artillery shells").
CONTAINERS = {"thousand", "hundred", "million", "dozen", "ton", "tonne", "container", "shipment", "consignment",
              "batch", "cargo", "load", "truckload", "planeload", "crate", "box", "lot", "number", "quantity",
              "amount", "stockpile", "total", "supply", "round", "kind", "type"}
HOLDING = {"hold", "carry", "contain"}


def contents(obj: Token, depth: int = 0) -> list[Token]:
    """What a noun of amount or container holds: its "of" object, or the object of its relative clause of holding
    ("containers that can hold shells"), and theirs in turn."""
    if depth > 3 or not (obj.lemma_.lower() in CONTAINERS or obj.like_num):
        return []
    inner = [p for p in args.prep_objects(obj, "of") if p.pos_ in ("NOUN", "NUM")]
    inner += [o for c in obj.children if c.dep_ == "relcl" and c.lemma_.lower() in HOLDING
              for o in c.children if o.dep_ == "dobj"]
    return inner + [t for i in inner for t in contents(i, depth + 1)]
