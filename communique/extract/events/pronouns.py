"""Whom a pronoun among an event's arguments stands for, within its sentence: the speaker of reported speech
("X said he had met Y"), the subject of the clause for "its", the main clause's party for a pronoun in a
subordinate clause."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from communique.extract.actors.referents import neuter
from communique.extract.events import arguments as args
from communique.extract.events import frames as plover
from communique.extract.events.flags import verb_chain


def antecedent(head: Token, reported: bool = True):
    """For "X said he had met Y": X's mention stands in for the pronoun; so does the subject of the clause for
    "X used its veto", and the main clause's subject or the possessor for a pronoun in a subordinate clause
    ("X ignores queries because they have banned ...", "X's announcement that they will ..."), though "it" there
    stands only for one state or body (_it_in_clause). Inside a direct quote (`reported` false) only "we" can be
    the one who says it."""
    low = head.lower_
    if low in ("its", "their") and head.dep_ == "poss":
        found = _clause_subject(head.head)
        if found is None or (low == "its" and not neuter(found)):
            return None  # "Ana Ruiz criticised its budget": "its" is no person
        return args.actor_ref(found)
    if low not in ("he", "she", "they", "we", "it"):
        return None
    verb = head.head
    if low == "it" and verb.dep_ in ("advcl", "acl", "conj") and verb.head.i != verb.i:
        found = _it_in_clause(head, verb)
        if found is not None:
            return args.actor_ref(found)
    elif low == "they" and verb.dep_ in ("advcl", "acl") and verb.head.i != verb.i:
        found = _possessor(verb.head) if verb.dep_ == "acl" else _clause_subject(verb.head)
        if found is not None:
            return args.actor_ref(found)
    if not reported and low != "we":  # '"They attacked," the minister said': not the minister
        return None
    for tok in verb_chain(verb)[1:]:
        if tok.lemma_.lower() in plover.SPEECH_VERBS | {"announce"}:
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in ("he", "she", "they", "we", "it")]
            if subj:
                nearer = _nearer_body(head, subj[0].i) if low == "it" and not neuter(subj[0]) else None
                return args.actor_ref(nearer or subj[0])  # "Officials said the state ... and that it would"
    return None


NOUN_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr", "appos", "conj")


def _nearer_body(it: Token, after: int = -1) -> Optional[Token]:
    """The nearest state or body named before "it" in its sentence and after token `after`: what "it" stands for
    rather than a person or a plural who speaks ("Officials said the state had armed rebels and that it ...")."""
    for tok in reversed(it.doc[max(it.sent.start, after + 1):it.i]):
        if tok.dep_ in NOUN_DEPS and neuter(tok) and args.is_actor(tok):
            return tok
    return None


def _clause_subject(tok: Token) -> Optional[Token]:
    """The named actor subject of the clause holding `tok` (not a pronoun)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    for subj in args.subjects(tok) if tok.pos_ in ("VERB", "AUX") else ():
        if subj.lower_ not in args.PRONOUNS and subj.pos_ != "PRON" and args.is_actor(subj):
            return subj
    return None


def _possessor(noun: Token) -> Optional[Token]:
    """The named actor owning a noun ("the Taliban's announcement")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and args.is_actor(child):
            return child
    return None


def _it_in_clause(it: Token, clause: Token) -> Optional[Token]:
    """ "it" in a clause hanging off the main one: the main clause's subject (or the owner of the noun the clause
    describes) when that is one state or body ("Kenya shut the border after it was attacked"), else the nearest
    such party the main clause names before the pronoun ("Officials shut the embassy after it was attacked").
    The object of a participle or of a second verb without a subject of its own is never that understood subject:
    "Officials blamed the state, accusing it of ..." is the state."""
    main = clause.head
    understood = it.dep_ not in SUBJECT_DEPS and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    if clause.dep_ == "conj" and not understood:
        return None
    owner = _possessor(main) if clause.dep_ == "acl" else _clause_subject(main) if clause.dep_ == "advcl" else None
    if owner is not None and not understood and neuter(owner):
        return owner
    party = next((t for t in _parties(main, clause) if t.i < it.i and neuter(t)), None)
    return party or (None if understood else owner)


SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _parties(verb: Token, clause: Token) -> list[Token]:
    """Who the main verb acts on, outside the subordinate clause: its objects with their "of" phrases ("the
    ambassador of Uganda"), then the objects of its other prepositions."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    out = [t for o in objects for t in (o, *args.prep_objects(o, "of"))]
    return out + [p for c in verb.children if c.dep_ == "prep" and c.i != clause.i
                  for p in c.children if p.dep_ == "pobj"]


def neuter_speaker(speaker, doc: Doc) -> bool:
    """The speaker of a claim is one state or body, which "its" in the claim may stand for ("the ministry said
    its forces ..."); a person or a group of people is not ("the minister said its forces ...")."""
    if speaker is None:
        return False
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and neuter(span.root)
