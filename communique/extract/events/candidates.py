"""Trigger candidates of a sentence: verb, adjective and noun triggers (triggers.py, noun_triggers.py), with the
verbs and nouns that only describe background set aside, and event nouns kept only where no verb trigger already
covers them."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from communique.extract import docutil
from communique.extract.events import flags, frames, idioms, material, senses
from communique.extract.events import arguments as args
from communique.extract.events.lexicon import Lexicon, load
from communique.extract.events.noun_triggers import SPEECH_ACTS, noun_candidate, place_of_harm
from communique.extract.events.triggers import Candidate, adjective_candidate, lemma, verb_candidate

# Clauses that only describe background (relative clauses, modifiers).
BACKGROUND_DEPS = {"amod", "pcomp", "csubj", "compound", "npadvmod"}
# Material acts that a charge or credit reports ("accused India of providing support to militants", "praised the
# bloc for activating its force"); the words and political moves charged in US political news ("accused the
# committee of sabotaging the campaign", "of harassing his peers", "thanked them for supporting him") are mostly
# no event, or not the one their verb's dictionary code names.
CHARGED_TYPES = {"AID", "MOBILIZE", "ASSAULT"}


def find_candidates(sent: Span, lex: Optional[Lexicon] = None) -> list[Candidate]:
    """All triggers in a sentence, nominal ones only where no verb trigger already covers them."""
    lex = lex or load()
    tokens = [sent.doc[i] for i in docutil.between(trigger_tokens(sent.doc, lex), sent.start, sent.end)]
    verbs = [c for c in (adjective_candidate(lex, t) or idioms.verb_candidate(lex, t) or verb_candidate(lex, t)
                         for t in tokens) if c is not None]
    # a verb whose sense codes nothing leaves its nouns free; a verb in the background ("the troops that carried
    # out the raid", "hopes to settle the dispute during talks") keeps them in the background with it
    kept: list[Candidate] = []
    background: list[Candidate] = []
    for cand in verbs:
        (background if _background(cand) else kept).append(cand)
    verbs = [c for c in (senses.check(c, lex) for c in kept) if c is not None]
    covered = {t.i for c in verbs + background for t in c.tokens}
    anchors = {c.anchor.i for c in verbs + background}
    meetings = {c.anchor.i for c in verbs + background if c.etype == "CONSULT"}
    nouns = []
    for tok in tokens:
        if tok.i in covered:
            continue
        cand = noun_candidate(lex, tok)
        if cand is not None and (not _under_anchor(tok, anchors) or _protest_of_harm(cand)
                                 or _meeting_as_setting(cand, meetings) or _owned_act(cand)):
            nouns.append(cand)
    # "in coordination with X": the partnership is an event beside the act it accompanies
    nouns += [c for c in (idioms.partnership(lex, t) for t in tokens if t.i not in covered) if c is not None]
    # "attacked the city, killing three": a participle elaborating an event of the same type is that event
    by_anchor = {c.anchor.i: c for c in verbs}
    verbs = [c for c in verbs if not (c.anchor.dep_ == "advcl" and c.anchor.tag_ == "VBG"
                                      and getattr(by_anchor.get(c.anchor.head.i), "etype", None) == c.etype)]
    # "talks would resume": the event noun carries the event, its verb of happening adds none
    noun_heads = {c.anchor.i for c in nouns}
    verbs = [c for c in verbs if not any(s.i in noun_heads for s in c.anchor.children if s.dep_ == "nsubj")]
    nouns = [c for c in (senses.check(c, lex) for c in nouns if not _background(c)) if c is not None]
    return verbs + nouns


def trigger_tokens(doc: Doc, lex: Lexicon) -> list[int]:
    """Tokens whose lemma or form is a trigger word (most words trigger nothing), found once per document."""
    words = lex.trigger_words()
    tag = hash(words)  # a frozenset's hash: another lexicon's words get lists of their own
    key = f"{docutil.CACHE_PREFIX}triggers_{tag}"
    found = doc.user_data.get(key)
    if found is None:
        lemmas = docutil.tokens_where(doc, f"trigger_lemmas_{tag}", {"LEMMA": lambda s: s.lower() in words})
        forms = docutil.tokens_where(doc, f"trigger_forms_{tag}", {"LOWER": lambda s: s in words})
        found = doc.user_data[key] = sorted(set(lemmas).union(forms))
    return found


def _protest_of_harm(cand: Candidate) -> bool:
    """ "18 people were killed in a violent protest": the protest is an event of its own beside the killing."""
    return cand.etype == "PROTEST" and cand.noun is not None and place_of_harm(cand.noun)


# Of AGREE's nouns, only the spoken pledge or offer is a speech act, not a deal.
OFFERS = {"offer", "pledge", "promise"}


def _owned_act(cand: Candidate) -> bool:
    """ "rejected Kenya's request", "welcomed Iran's offer": a speech act owned by a named party is an event of its
    own beside the verb that answers it (an owner named by a pronoun is most often the verb's own subject). Other
    acts so named ("Russia's invasion", "Korea's nuclear threat", "Britain's proposed deal") are mostly background
    or a danger, not an act of the sentence."""
    noun = cand.noun
    if noun is None or noun.i != cand.anchor.i or (cand.etype not in SPEECH_ACTS and lemma(noun) not in OFFERS):
        return False
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)


def _meeting_as_setting(cand: Candidate, meetings: set[int]) -> bool:
    """ "agreed at a virtual summit", "clashed during talks": a meeting in which another act took place is an
    event of its own (under a meeting verb, "met at a summit", it is the same one)."""
    tok = cand.anchor
    return cand.etype == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") and \
        not _under_anchor(tok, meetings)


def _under_anchor(tok: Token, anchors: set[int]) -> bool:
    """True when the noun's nearest governing verb is already an event trigger."""
    head = tok.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.i in anchors and tok.dep_ not in ("nsubj",)


def _background(cand: Candidate) -> bool:
    """Triggers in relative clauses or modifiers, in conditions, or without a political actor."""
    anchor = cand.anchor
    if anchor.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in anchor.children):
        return True
    if anchor.pos_ == "VERB" and flags.in_case(anchor):
        return True
    if cand.noun is None and anchor.dep_ in BACKGROUND_DEPS and not (args.gerund_act(anchor) or (
            args.charged_act(anchor) and (cand.etype in CHARGED_TYPES or material.armed_support(cand, load())))):
        return True
    if cand.noun is None and anchor.dep_ == "acl" and anchor.tag_ == "VBG":
        # "a declaration demanding that ...": a verbal act reported through its document; other participles
        # describe ("troops guarding the border")
        return cand.etype not in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")
    if cand.noun is None and _purpose(anchor):
        return True
    if cand.noun is None or anchor.pos_ == "VERB":  # a verb, or a light verb carrying an event noun
        return not senses.has_political_actor(cand)
    return False


def _purpose(verb: Token) -> bool:
    """ "trips to investigate", "needs money to provide", "was assigned to spread": a to-infinitive that is a
    purpose or an ordinary verb's complement reports no event; frames ("agreed to", "urged X to") do."""
    if not args.to_infinitive(verb):
        return False
    verb = args.first_conjunct(verb)
    head = verb.head
    return verb.dep_ not in ("xcomp", "ccomp") or lemma(head) not in FRAME_HEADS


FRAME_HEADS = frames.ABSORBING_FRAMES | frames.INTENT_FRAMES | {
    "commit", "vow", "pledge", "promise", "offer", "try", "attempt", "begin", "start", "continue", "resume",
    "threaten", "fail", "need", "have", "move", "able", "unable", "seek", "ready", "willing", "prepared", "set",
    "agree", "decide", "refuse", "decline", "urge", "call", "force", "allow", "order", "invite", "help"}
