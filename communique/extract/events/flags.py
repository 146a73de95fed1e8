"""Whether a coded event happened: negation, future or intention, hypothesis; and frame verbs.

Older coders' commonest false codings come from these, so the rules look at the whole verb
chain: auxiliaries, the verb that governs a to-complement ("plans to visit", "refused to meet"),
conditional clauses, and denials ("denied that troops had crossed").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span, Token

from communique.extract import docutil
from communique.extract.events import arguments as args
from communique.extract.events import frames as plover
from communique.records import DateRef

try:
    from communique.extract.dates import find as _dates
except ImportError:  # pragma: no cover - only while dates.py is missing
    _dates = None

if TYPE_CHECKING:
    from communique.extract.events.triggers import Candidate

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "can"}
CONDITION_MARKS = {"if", "unless", "whether"}
NEGATORS = {"not", "n't", "never", "no"}
DENIAL_VERBS = {"deny", "dismiss", "reject"}
FAILURE_VERBS = {"fail", "unable"}  # "failed to reach", "was unable to send"
# Verbs announcing a commitment by their subject (the complement is a promise).
COMMITMENT = {"promise", "pledge", "offer", "vow", "commit", "willing", "ready", "prepared"}
DEONTIC_AUX = {"must", "should"}
# Promising verbs whose coded complement stands for them (the guide: a planned meeting is CONSULT, future).
PROMISES = {"agree", "promise", "pledge", "offer", "commit", "plan", "intend", "decide", "prepare"}
# Vows whose conflictual complement is a threat; protests and withdrawals vowed stay those acts (future).
VOWS = {"vow", "swear", "promise", "pledge"}
VOWED_FORCE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
# Verbs of arguing a position: "X argues the border should ..." states a view, it does not demand.
ASSERTIONS = {"argue", "claim", "believe", "think", "feel", "know", "predict", "estimate", "suggest"}


@dataclass
class Flags:
    """Reality of an event as the text presents it."""

    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    refusal: bool = False  # negated and not past: "will not accept" is a rejection
    announced: bool = False  # a future action announced in reported speech or as a commitment


def _lemma(tok: Token) -> str:
    """Lower-case lemma."""
    return tok.lemma_.lower()


def _auxes(verb: Token) -> set[str]:
    """Auxiliary words of a verb."""
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _negated(tok: Token) -> bool:
    """A negation attached to the token (or "no" determiner on an event noun)."""
    return any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod")) or _no_longer(c)
               for c in tok.children)


def _no_longer(tok: Token) -> bool:
    """ "no longer", "no more": a negation the parser attaches as an adverb with its own determiner."""
    return tok.lower_ in ("longer", "more") and tok.dep_ == "advmod" and any(c.lower_ == "no" for c in tok.children)


def verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs governing it through complements, innermost first."""
    chain = [verb]
    while verb.dep_ in ("xcomp", "ccomp", "acomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
        chain.append(verb)
    return chain


def flags_of(cand: "Candidate") -> Flags:
    """Negated, future and hypothetical flags for a candidate's clause."""
    anchor = cand.anchor
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else _governor(anchor)
    out = Flags()
    if cand.noun is not None and _negated(cand.noun):
        out.negated = True
    # "committed no crimes", "imposed no new sanctions": the pattern's own object carries the negation
    if any(t.i != anchor.i and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
           for t in cand.tokens):
        out.negated = True
    if verb is None:
        return out
    chain = verb_chain(verb)
    out.negated = out.negated or _negated(verb)
    for inner, outer in zip(chain, chain[1:]):
        lem = _lemma(outer)
        if inner.dep_ == "ccomp" and lem in DENIAL_VERBS:
            out.negated = True
        if inner.dep_ == "xcomp" and lem in FAILURE_VERBS:
            out.negated = True
        if inner.dep_ in ("xcomp", "acomp") and lem in plover.INTENT_FRAMES | COMMITMENT:
            out.future = True
            out.announced = out.announced or lem in COMMITMENT
        if inner.dep_ == "conj":
            continue
        if inner.dep_ != "ccomp":
            continue
        break
    aux = _auxes(verb)
    if aux & FUTURE_AUX or (_dates is not None and _dates.tense_of(verb) == "future"):
        out.future = True
    if aux & HYPOTHETICAL_AUX or _conditional(verb) or _question(verb):
        out.hypothetical = True
    if "would" in aux and not _reported(verb):
        out.hypothetical = True
    if aux & (FUTURE_AUX | {"would"}) and _reported(verb):
        out.announced = True
    if cand.said:
        out.future = out.hypothetical = False
    past = _dates is not None and _dates.tense_of(verb) == "past"
    out.refusal = out.negated and (out.future or (not past and verb.tag_ in ("VBP", "VBZ", "VB")))
    return out


def _governor(tok: Token) -> Optional[Token]:
    """The nearest verb above a token."""
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _reported(verb: Token) -> bool:
    """True when the clause is the complement of a speech verb ("said they would boycott")."""
    speech = plover.SPEECH_VERBS | {"announce"}
    if verb.dep_ == "ccomp" and _lemma(verb.head) in speech:
        return True
    # "X will do Y, officials said": the speech verb hangs below the main clause
    return verb.dep_ == "ROOT" and any(
        c.dep_ in ("parataxis", "ccomp") and _lemma(c) in speech and c.i > verb.i for c in verb.children)


def _conditional(verb: Token) -> bool:
    """The clause sits in an if/unless clause, or would-clause has one attached."""
    if _auxes(verb) & (FUTURE_AUX | HYPOTHETICAL_AUX | {"would"}) and any(
            c.dep_ in ("conj", "advcl") and c.pos_ == "VERB" and in_case(c) for c in verb.children):
        return True  # "will impose sanctions in case Peru closes the border" ("discussed X in case Y" happened)
    tok = verb
    while tok.head.i != tok.i:
        if any(c.lower_ == "whether" for c in tok.children):  # "to decide whether to back"
            return True
        if tok.dep_ == "advcl" and any(c.lower_ in CONDITION_MARKS for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj", "ccomp"):
            break
        tok = tok.head
    return False


def in_case(verb: Token) -> bool:
    """ "in case such a ceasefire is not agreed": a condition the parser reads as a conjoined clause."""
    start = verb.left_edge.i
    doc = verb.doc
    if any(c.dep_ == "prep" and c.lower_ == "in" and doc[c.i + 1].lower_ == "case" and not list(doc[c.i + 1].children)
           for c in verb.children if c.i < verb.i):
        return True  # the parser may also hang a bare "in case" on the clause's own verb ("in his latest case" no)
    return start >= 2 and doc[start - 2].lower_ == "in" and doc[start - 1].lower_ == "case"


def _question(verb: Token) -> bool:
    """The sentence is a question."""
    return verb.sent.text.rstrip().endswith("?")


def resolve_frames(cands: list["Candidate"]) -> list["Candidate"]:
    """Fold complements of threats, refusals and demands into them; retype prepared attacks."""
    by_anchor = {c.anchor.i: c for c in cands}
    # "agreed to meet", "pledged to release": the complement is the event (future), the promise its frame
    promised = {c.anchor.head.i: c for c in cands
                if c.anchor.dep_ == "xcomp" and _lemma(c.anchor.head) in PROMISES and c.etype != "AGREE"}
    kept_frames = {c.anchor.head.i for c in cands if c.anchor.dep_ == "xcomp" and c.etype == "AGREE"
                   and c.anchor.head.i in by_anchor}
    out = []
    for cand in cands:
        if cand.anchor.i in promised and cand.noun is None:
            continue
        if cand.anchor.dep_ == "xcomp" and cand.anchor.head.i in kept_frames and cand.etype == "AGREE":
            continue  # "agreed to extend their accord": one promise, coded at its frame
        comp = cand.anchor
        while comp.dep_ == "conj" and comp.head.i != comp.i or args.gerund_act(comp):
            comp = comp.head if comp.dep_ == "conj" else comp.head.head  # "urged X to hold ... and cooperate",
            # "called for Russia to reciprocate by agreeing to ...": the same request
        head = comp.head
        frame = by_anchor.get(head.i) if comp.dep_ in ("xcomp", "ccomp") else None
        if comp.dep_ == "advcl" and head.i in by_anchor and any(  # "called for X to lift ..., and establish ..."
                t.head.i == comp.i and t.dep_ == "mark" for t in by_anchor[head.i].tokens):
            frame = by_anchor[head.i]
        if frame is not None and _lemma(head) in plover.ABSORBING_FRAMES and frame is not cand:
            frame.absorbed.append(cand.anchor)
            if _lemma(head) in ("vow", "swear") and cand.etype in plover.COOPERATIVE:
                frame.etype = "AGREE"  # a vow to cooperate is a promise, not a threat
            if frame.mode is None:
                table = plover.THREAT_MODES if frame.etype == "THREATEN" else plover.REQUEST_MODES
                frame.mode = table.get(cand.etype)
            continue
        if frame is None and comp.dep_ == "xcomp" and _lemma(head) in plover.ABSORBING_FRAMES and any(
                c.dep_ in ("dobj", "dative") for c in head.children):
            continue  # "urged security counterparts to coordinate efforts": what one party asks of another is
            # the request's content, not an act of its own, even where the request itself was left uncoded
        if _lemma(head) in VOWS and cand.etype in VOWED_FORCE and (comp.dep_ == "xcomp" or (
                comp.dep_ == "advcl" and args.to_infinitive(comp))):
            # "vowed to renew attacks", "promised to retaliate": conflictual intent is a threat (CAMEO 13), made
            # when it is vowed
            cand.mode = plover.THREAT_MODES.get(cand.etype)
            cand.absorbed.append(cand.anchor)  # its objects stay the recipients
            cand.etype, cand.anchor, cand.tokens = "THREATEN", head, [head, *cand.tokens]
        prep = next((v for v in verb_chain(cand.anchor)[1:] if _lemma(v) == "prepare"), None)
        if prep is not None and cand.etype == "ASSAULT":
            cand.etype, cand.mode = "MOBILIZE", "weapons"  # readying force short of using it
            cand.anchor, cand.tokens = prep, [prep, *cand.tokens]
        out.append(cand)
    return out


def deontic_requests(sent: Span, cands: list["Candidate"], quoted=None) -> list["Candidate"]:
    """"X said Y must do Z", and '"Y must do Z," X said': a demand by X on Y (the PLOVER reading of reported
    obligation). `quoted(token)` tells whether a token is inside a direct quote, whose speaker makes the demand."""
    from communique.extract.events.triggers import Candidate

    known = {c.anchor.i: c for c in cands}
    out = []
    for verb, aux, head in _obligations(sent):
        clause = args.first_conjunct(head)  # "... that there is no solution and that both sides need to ..."
        direct = clause.dep_ == "ROOT" and quoted is not None and quoted(head)
        if not direct and (clause.dep_ != "ccomp" or _lemma(clause.head) not in plover.SPEECH_VERBS - ASSERTIONS):
            continue
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        if not any(args.is_actor(s) for s in subj):
            continue  # "the border should be extended": an opinion about things, not a demand on anyone
        if any(a.i < s.i for a in aux for s in subj):
            continue  # "should he win the nomination, ...": a condition, not an obligation
        if any(s.lower_ in ("i", "we") for s in subj):
            continue  # "we must act": a resolve, not a demand on anyone
        if all(_generic(s) for s in subj):
            inner = known.pop(verb.i, None)
            if inner is not None:
                cands.remove(inner)  # "a leader must fight for ...": no one fights either
            continue  # "a president must be ready": a norm for whoever holds a role, asked of no one
        if direct and any(s.lower_ in ("you", "they", "he", "she", "it") for s in subj):
            continue  # inside a quote, whom a pronoun stands for is the quote's to say, not ours to guess
        inner = known.pop(verb.i, None)
        if inner is not None:
            cands.remove(inner)
        mode = plover.REQUEST_MODES.get(inner.etype) if inner is not None else None
        demanders = [] if direct else [c for c in clause.head.children if c.dep_ == "nsubj"]
        # "..., Rubio said, adding that both sides need to ...": a speech verb with no subject is the speaker's
        cand = Candidate(verb, [aux[0], verb], "REQUEST", mode, recipient_heads=subj, actor_heads=demanders,
                         own_subject=False, by_speaker=not demanders)
        cand.absorbed.append(verb)
        out.append(cand)
    return out


def _obligations(sent: Span) -> list[tuple[Token, list[Token], Token]]:
    """(verb, modal words, clause head) of each obligation in the sentence: "Y must do" and "Y should do" (the
    verb heads its clause), "Y needs to do" (the semi-modal "need" heads it)."""
    doc = sent.doc
    out = []
    modals = docutil.tokens_where(doc, "deontic_aux", {"LOWER": DEONTIC_AUX.__contains__, "DEP": "aux".__eq__})
    for verb in sorted({doc[i].head for i in docutil.between(modals, sent.start, sent.end)}, key=lambda t: t.i):
        out.append((verb, [c for c in verb.children if c.dep_ == "aux" and c.lower_ in DEONTIC_AUX], verb))
    needs = docutil.tokens_where(doc, "semi_modal", {"LEMMA": SEMI_MODALS.__contains__, "POS": "VERB".__eq__})
    for need in (doc[i] for i in docutil.between(needs, sent.start, sent.end) if doc[i].tag_ in PRESENT):
        # not a passive: "IS needs to be destroyed" is done by others and asks no one named
        out += [(x, [need], need) for x in need.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
                and args.to_infinitive(x) and not any(a.dep_ == "auxpass" for a in x.children)]
    return out


SEMI_MODALS = {"need"}
PRESENT = {"VBZ", "VBP"}  # "Hillary needed to split the primaries" weighs what was necessary; it asks nothing


def _generic(subj: Token) -> bool:
    """A subject that names anyone of a kind ("a leader", "any government", "every member"), not a party."""
    return subj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in subj.children)


GENERIC_DETS = {"a", "an", "any", "every", "each", "no"}


# Verbs of letting: the dictionary's ALLOW block (080, yielding; PLOVER CONCEDE).
PERMITTING = {"allow", "permit", "let"}


def refused_permission(sent: Span, cands: list["Candidate"]) -> list["Candidate"]:
    """ "will not allow X's leader to visit", "refused to let the convoys enter": what a party will not let
    another do is not that other's act. A withheld permission is the refusal of a concession (REJECT, when it
    is present or future, by the rule for negated cooperative acts); under a refusing verb the refusal is
    already coded, and in the passive no one is named to refuse."""
    from communique.extract.events.triggers import Candidate

    out = []
    doc = sent.doc
    found = docutil.tokens_where(doc, "permitting", {"LEMMA": PERMITTING.__contains__, "POS": "VERB".__eq__})
    for verb in (doc[i] for i in docutil.between(found, sent.start, sent.end)):
        comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
        refused = verb.dep_ == "xcomp" and _lemma(verb.head) in plover.REFUSAL_FRAMES
        if not comps or not (refused or _negated(verb)):
            continue
        inside = {t.i for c in comps for t in (c, *c.conjuncts)}
        cands[:] = [c for c in cands if c.anchor.i not in inside]
        if refused or any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "women are not allowed to travel": a restriction by a party the clause does not name
        others = [c for c in verb.children if c.dep_ == "dobj"] + [
            s for c in comps for s in c.children if s.dep_ == "nsubj"]
        out.append(Candidate(verb, [verb], "CONCEDE", recipient_heads=others, source="flags.py: permission withheld",
                             absorbed=list(comps)))
    return out


def date_of(cand: "Candidate", sent: Span) -> Optional[DateRef]:
    """The event's time expression, resolved against the publication date."""
    if _dates is None:
        return None
    doc = sent.doc
    return _dates.date_of(cand.anchor, sent, getattr(doc._, "published", None))
