"""Calling something by a name that judges it: "X called Russia's strikes a war crime", "branded the president a
dictator", "described the patrol as a provocation" criticise (PLOVER ACCUSE, CAMEO 111/112), and "called the
allegations baseless" rejects them (PLOVER REJECT, as "rejected the allegations").

The naming verb is then no event of its own: "called Russia's strikes ..." is not a call for a strike, which the
dictionary's CALL + STRIKE pattern would code. The judging words are in data/conventions.yaml (`naming`) beside
the wrongs (`wrongs`) and the condemning adjectives (`condemning_adjectives`).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from communique.extract import docutil
from communique.extract.events import arguments as args
from communique.extract.events import speech
from communique.extract.events.lexicon import Lexicon
from communique.extract.events.triggers import Candidate, lemma

PURE_NAMING = {"call", "label", "brand", "term", "dub", "describe"}
NAMING_VERBS = PURE_NAMING | {"denounce", "condemn", "decry", "deride"}
INDEFINITE = {"a", "an"}
IMPERSONAL = {"it", "this", "that", "these", "those"}  # "calling it a crime": the act named just before


def judged(sent: Span, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """The candidates with each naming verb's own candidates replaced by the judgement its name makes."""
    out = list(cands)
    verbs = docutil.tokens_where(sent.doc, "naming_verbs", {"LEMMA": lambda s: s.lower() in NAMING_VERBS})
    for verb in (sent.doc[i] for i in docutil.between(verbs, sent.start, sent.end)):
        if verb.pos_ != "VERB":
            continue
        named = _named(verb)
        word = _predicate(verb, named, lex) if named is not None else None
        if word is None:
            continue
        judgement = _judgement(verb, named, word, lex)
        if judgement is not None or lemma(verb) in PURE_NAMING:  # "called the meeting a first step": no meeting
            out = [c for c in out if c.anchor.i != verb.i] + ([judgement] if judgement is not None else [])
    return out


def _named(verb: Token) -> Optional[Token]:
    """What the verb names: its object ("called [Pakistan's assertions] [baseless]" parses both as oprd)."""
    named = [c for c in verb.children if c.dep_ in ("dobj", "dative")] or [
        c for c in verb.children if c.dep_ == "oprd"][:1]
    return named[0] if named else None


def _judgement(verb: Token, thing: Token, word: Token, lex: Lexicon) -> Optional[Candidate]:
    """The ACCUSE or REJECT a name makes, or None when the name judges nothing."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    key = lemma(word) if word.pos_ != "ADJ" else word.lower_
    if key in lex.denials and not args.is_actor(thing):
        code = lex.denials[key]
    else:
        code = _judging(key, lex)
    if code is None:
        return None
    targets = [thing] if args.is_actor(thing) else args.owners(thing) + [
        c for c in thing.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
    targets = [t for t in targets if t.lower_ not in speech.FIRST_PERSON and t.lower_ not in IMPERSONAL]
    if not targets:
        return None
    return Candidate(verb, [verb], code.etype, code.mode, source=code.source, contexts=code.contexts,
                     recipient_heads=targets)


def _predicate(verb: Token, thing: Token, lex: Lexicon) -> Optional[Token]:
    """The name given: "a war crime" (oprd), "as a provocation", "baseless"; or, where the parser hung it
    elsewhere, an indefinite noun after the thing named ("called Russia's strikes on Kyiv a war crime")."""
    for child in (*verb.children, *thing.children):
        if child.head == verb and child.dep_ in ("oprd", "attr", "acomp", "xcomp") and child.i > thing.i:
            return child
        if child.dep_ == "prep" and child.lower_ == "as":  # "described X as a provocation"
            return next((p for p in child.children if p.dep_ in ("pobj", "amod", "acomp")), None)
    for tok in (t for t in verb.subtree if t.i > thing.i):
        if tok.is_punct or tok.pos_ in ("VERB", "CCONJ"):
            break
        if tok.pos_ == "NOUN" and tok.head.i != thing.i and _judging(lemma(tok), lex) and any(
                d.dep_ == "det" and d.lower_ in INDEFINITE for d in tok.children):
            return tok  # only a judging word: "called a meeting for a vote" names nothing
    return None


def _judging(word: str, lex: Lexicon):
    """The code of a name that condemns (a judging noun, a wrong, a condemning adjective), or None."""
    return lex.judging.get(word) or lex.wrongs.get(word) or lex.condemning.get(word)
