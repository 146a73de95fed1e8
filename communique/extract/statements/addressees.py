"""Who a statement was made to, or through which outlet or channel, read from the cue's parse."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from communique.extract.statements.cues import ADDRESSEE_OBJECT
from communique.records import Addressee
from communique.extract import docutil

# Nouns that name a channel rather than a listener ("in a statement", "in an interview with X").
CHANNELS = frozenset(
    "statement interview interviews briefing conference remarks speech post tweet letter "
    "communique communiqué op-ed article broadcast address message video podcast platform posting account "
    "website meeting session hearing summit gaggle".split()
)
CHANNEL_PREPS = ("in", "on", "during", "at", "via", "through")
LISTENER_PREPS = ("to",)
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december weekend".split()
)


def find_addressee(cue: Token) -> Optional[Addressee]:
    """The addressee or outlet attached to a cue verb, or None; an outlet inside a channel ("in an interview
    with the BBC", "on the social media platform X") is preferred to the channel ("in a statement")."""
    return _attached(cue) or _asked_by(cue)


def _asked_by(cue: Token) -> Optional[Addressee]:
    """"Asked by VOA whether ..., X said": the one who asked is the addressee."""
    for child in cue.children:
        if child.dep_ == "advcl" and child.lemma_.lower() == "ask" and child.tag_ == "VBN":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                    return _make(obj)
    return None


def _attached(cue: Token) -> Optional[Addressee]:
    """The object or prepositional phrase of the cue that names a listener or outlet."""
    for child in cue.children:
        if child.dep_ in ("dobj", "dative", "iobj") and cue.lemma_ in ADDRESSEE_OBJECT:
            if child.pos_ in ("NOUN", "PROPN", "PRON") and child.lower_ not in ("that", "it"):
                return _make(child)
    best = None
    for prep in (c for c in cue.children if c.dep_ in ("prep", "agent")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if prep.lower_ in LISTENER_PREPS and obj.pos_ in ("NOUN", "PROPN"):
            return _make(obj)
        if prep.lower_ in CHANNEL_PREPS and (obj.lemma_.lower() in CHANNELS or _is_outlet(obj)):
            outlet = _outlet_inside(obj)
            candidate = _make(outlet) if outlet is not None else _make(obj)
            if outlet is not None:
                return candidate
            best = best or candidate
    return best


def _is_outlet(token: Token) -> bool:
    """Whether a prepositional object names a broadcaster or publication ("on Fox News")."""
    if token.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL") or token.lower_ in TIME_WORDS:
        return False  # "said on Thursday", "in Geneva": a time or a place, not an outlet
    return token.ent_type_ in ("ORG", "WORK_OF_ART") or (token.pos_ == "PROPN" and token.is_title)


def _outlet_inside(channel: Token) -> Optional[Token]:
    """The outlet named inside a channel phrase: 'an interview with the BBC' -> BBC."""
    if channel.lemma_.lower() not in CHANNELS:
        return channel
    for child in channel.children:  # "the social media platform X", "a U.N. Security Council meeting"
        named = child.pos_ == "PROPN" or (child.pos_ == "NOUN" and child.text[:1].isupper())
        if child.dep_ in ("appos", "compound", "npadvmod") and named and (
                child.i > channel.i or child.ent_type_ == "ORG"):
            return child
    for prep in (c for c in channel.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "on", "by")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
            return _outlet_inside(obj) if obj.lemma_.lower() in CHANNELS else obj
    return None


def _make(head: Token) -> Addressee:
    """An addressee record from the head token of its phrase."""
    doc = head.doc
    left = min(t.i for t in head.subtree if t.dep_ not in ("relcl", "prep") or t.i < head.i)
    right = head.i
    for t in head.rights:
        if t.dep_ in ("appos", "compound", "nummod", "flat"):
            right = max(right, t.right_edge.i)
    span = doc[left : right + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    text, end = span.text, span.end_char
    if text.endswith(".") and "." not in text[:-1]:
        text, end = text[:-1], end - 1  # "on the social media platform X." ends the sentence, not the name
    return Addressee(text, span.start_char, end, _normalise(span).rstrip(".") if text != span.text else _normalise(span))


def _normalise(span: Span) -> str:
    """The name a reader would file the addressee under: the outlet's name or the bare noun."""
    ents = [e for e in docutil.ents_in(span) if e.label_ in ("ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART", "FAC")]
    if ents:
        return ents[-1].text.removeprefix("the ").removeprefix("The ")
    propn = [t for t in span if t.pos_ == "PROPN"]
    if propn:
        run = []
        for t in span:
            if t.pos_ == "PROPN":
                run.append(t.text)
            elif run:
                break
        return " ".join(run)
    if span.root.lemma_.lower() in CHANNELS:
        return span.root.lemma_.lower()
    return span.root.text if span.root.text[:1].isupper() and not span.root.is_sent_start else span.root.text.lower()
