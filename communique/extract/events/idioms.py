"""Constructions that code an event the dictionary's verb patterns miss (conventions.yaml `idioms`):

- a response promised to any hostile act is a threat: "would respond resolutely to any provocation";
- acting "in coordination with" a named party is cooperating with it: "launched the operation in coordination
  with the Somali government" (the act itself is coded as well);
- crediting a party with an act praises it: "credited Norway for a constructive role";
- undoing a stop on aid resumes it: "lifted the freeze on military aid to Jordan";
- a demand with a penalty for refusing it threatens: "urged Russia to accept the ceasefire or face sanctions".
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import frames
from communique.extract.events.lexicon import Lexicon
from communique.extract.events.triggers import Candidate, _cand, lemma, noun_code

# Acts whose stop, undone, resumes them.
RESUMABLE = {"AID", "COOPERATE"}
# Clauses that only describe (relative clauses, modifiers): an act done in one is background.
DESCRIBING = {"relcl", "acl", "amod", "compound", "csubj"}


def verb_candidate(lex: Lexicon, tok: Token) -> Optional[Candidate]:
    """A threat of response or an act of crediting headed by the verb, or None."""
    if tok.pos_ != "VERB":
        return None
    responses, credits = lex.idioms.get("responses"), lex.idioms.get("credits")
    if responses is not None and lemma(tok) in responses.heads:
        return _response(tok, responses)
    reversals = lex.idioms.get("reversals")
    if reversals is not None and lemma(tok) in reversals.heads and (found := _reversal(lex, tok, reversals)):
        return found
    if credits is not None and lemma(tok) in credits.heads:
        return _credit(tok, credits)
    if credits is not None and lemma(tok) in credits.lists["givers"] and _credit_given(tok):
        return _cand(tok, [tok], credits.code)
    return None


def _response(verb: Token, idiom) -> Optional[Candidate]:
    """ "will retaliate against any attack": the response to a hostile act that has not come yet."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "against")):
        for act in (p for p in prep.children if p.dep_ == "pobj" and lemma(p) in idiom.lists["acts"]):
            if any(c.dep_ in ("det", "amod") and c.lower_ in idiom.lists["determiners"] for c in act.children):
                cand = _cand(verb, [verb, prep, act], idiom.code)
                cand.said = True  # the warning is made when it is said, whatever its modal
                cand.recipient_heads = args.owners(act) + args.prep_objects(act, "from")
                return cand
    return None


def _reversal(lex: Lexicon, verb: Token, idiom) -> Optional[Candidate]:
    """ "lifted the freeze on military aid": the aid or cooperation whose stop is undone is resumed."""
    for measure in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                    and lemma(c) in idiom.lists["measures"]):
        for act in (p for w in ("on", "of") for p in args.prep_objects(measure, w)):
            code = noun_code(lex, act)
            if code is not None and code.etype in RESUMABLE:
                cand = _cand(verb, [verb, measure], code)
                cand.source = f"{idiom.code.source} ({code.source})"
                cand.recipient_heads = args.prep_objects(act, "to") + args.prep_objects(measure, "to")
                return cand
    return None


def _credit(verb: Token, idiom) -> Optional[Candidate]:
    """ "credited Kenya with ending the war": a party credited for what it did."""
    credited = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and args.is_actor(c)]
    if not credited or not any(c.dep_ == "prep" and c.lower_ in idiom.lists["preps"] for c in verb.children):
        return None
    return _cand(verb, [verb], idiom.code)


def _credit_given(verb: Token) -> bool:
    """ "gave the president credit for the deal": credit with no money in the clause is recognition."""
    if not any(c.dep_ == "dobj" and lemma(c) == "credit" for c in verb.children):
        return False
    return not any(t.ent_type_ == "MONEY" or t.like_num for t in verb.subtree)


def partnership(lex: Lexicon, noun: Token) -> Optional[Candidate]:
    """ "in coordination with the Iraqi government": the acting clause's subject cooperates with the party."""
    idiom = lex.idioms.get("partnerships")
    if idiom is None or noun.pos_ != "NOUN" or lemma(noun) not in idiom.heads:
        return None
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = prep.head
    partners = [p for p in args.prep_objects(noun, "with") if args.is_actor(p)]
    actors = [s for s in args.subjects(verb) if args.is_actor(s)]
    if not partners or not actors or verb.dep_ in DESCRIBING:
        return None
    with_ = next(c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with")
    cand = _cand(noun, [prep, noun, with_], idiom.code, noun=noun)
    cand.actor_heads, cand.recipient_heads = actors, partners
    return cand


def ultimatums(lex: Lexicon, cands: list[Candidate]) -> list[Candidate]:
    """The demands among `cands` that name a penalty for refusing ("... or face sanctions"): each penalty becomes
    a THREATEN candidate of the one who demands, and a candidate coding the penalty itself is dropped."""
    idiom = lex.idioms.get("ultimatums")
    if idiom is None:
        return cands
    out = list(cands)
    for req in (c for c in cands if c.etype == "REQUEST"):
        for verb, penalty in _penalties(lex, req, idiom):
            out = [c for c in out if c.anchor.i != verb.i]
            code = noun_code(lex, penalty)
            mode = frames.THREAT_MODES.get(code.etype) if code is not None else None
            cand = Candidate(verb, [verb, penalty], "THREATEN", mode, source=idiom.code.source,
                             contexts=idiom.code.contexts, own_subject=False, by_speaker=req.by_speaker, said=True)
            cand.actor_heads = req.actor_heads or (args.subjects(req.anchor) if req.own_subject else [])
            cand.recipient_heads = req.recipient_heads or args.subjects(verb)
            out.append(cand)
    return out


def _penalties(lex: Lexicon, req: Candidate, idiom) -> list[tuple[Token, Token]]:
    """ "to accept X or face [sanctions]": the verbs joined by "or" to a demanded act, with their penalties."""
    acts = [req.anchor] + [c for c in req.anchor.children if c.dep_ in ("xcomp", "ccomp")]
    found = []
    for act in acts:
        if not any(c.dep_ == "cc" and c.lower_ == "or" for c in act.children):
            continue
        for verb in (c for c in act.children if c.dep_ == "conj" and lemma(c) in idiom.heads):
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                penalty = _penalty(lex, obj, idiom)
                if penalty is not None:
                    found.append((verb, penalty))
    return found


def _penalty(lex: Lexicon, obj: Token, idiom) -> Optional[Token]:
    """The object itself, or what "the possibility/threat of" it names, if it is a penalty or a conflict event."""
    for inner in args.prep_objects(obj, "of"):
        if lemma(obj) in ("possibility", "prospect", "threat", "risk"):
            obj = inner
    if lemma(obj) in idiom.lists["penalties"]:
        return obj
    code = noun_code(lex, obj)
    return obj if code is not None and code.etype in frames.MATERIAL_CONFLICT else None
