"""Whom a pronoun among an event's arguments stands for, within its sentence: the speaker of reported speech
("X said he had met Y"), the subject of the clause for "its", the main clause's party for a pronoun in a
subordinate clause."""

from __future__ import annotations

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import frames as plover
from communique.extract.events.flags import verb_chain


def antecedent(head: Token, reported: bool = True):
    """For "X said he had met Y": X's mention stands in for the pronoun; so does the subject of the clause for
    "X used its veto", and the main clause's subject or the possessor for a pronoun in a subordinate clause
    ("X ignores queries because they have banned ...", "X's announcement that they will ..."). Inside a direct
    quote (`reported` false) only "we" can be the one who says it."""
    low = head.lower_
    if low in ("its", "their") and head.dep_ == "poss":
        return _clause_subject(head.head)
    if low not in ("he", "she", "they", "we", "it"):
        return None
    verb = head.head
    if low in ("they", "it") and verb.dep_ in ("advcl", "acl") and verb.head.i != verb.i:
        found = _possessor(verb.head) if verb.dep_ == "acl" else _clause_subject(verb.head)
        if found is not None:
            return found
    if not reported and low != "we":  # '"They attacked," the minister said': not the minister
        return None
    for tok in verb_chain(verb)[1:]:
        if tok.lemma_.lower() in plover.SPEECH_VERBS | {"announce"}:
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in ("he", "she", "they", "we", "it")]
            if subj:
                return args.actor_ref(subj[0])
    return None


def _clause_subject(tok: Token):
    """The named actor subject of the clause holding `tok` (not a pronoun)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    for subj in args.subjects(tok) if tok.pos_ in ("VERB", "AUX") else ():
        if subj.lower_ not in args.PRONOUNS and subj.pos_ != "PRON" and args.is_actor(subj):
            return args.actor_ref(subj)
    return None


def _possessor(noun: Token):
    """The named actor owning a noun ("the Taliban's announcement")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and args.is_actor(child):
            return args.actor_ref(child)
    return None
