"""Who a statement was made to, or through which outlet or channel, read from the cue's parse.

Each addressee has a kind: a listener ("told reporters", "urged Russia", "called on China", "disclosed the
decision to TOLOnews"), an outlet ("in an interview with the BBC", "told a meeting of the Security Council",
"said on Fox News") or a channel, the medium alone ("in a statement", "at a briefing", "in a post on X").
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from communique.extract.statements.cues import ADDRESSEE_OBJECT
from communique.records import Addressee
from communique.extract import docutil

# Nouns that name a channel rather than a listener ("in a statement", "in an interview with X").
CHANNELS = frozenset(
    "statement interview interviews briefing conference remarks speech post tweet letter comments comment "
    "communique communiqué op-ed article broadcast address message video podcast platform posting account "
    "website meeting session hearing summit gaggle".split()
)
# Channels whose named medium is still no listener: "a post on X", "the social media platform X".
MEDIA = frozenset("post tweet posting platform account website video podcast message".split())
# Social media platforms: posting on one addresses nobody in particular.
PLATFORMS = frozenset("x twitter facebook instagram telegram tiktok youtube weibo wechat threads bluesky "
                      "truth social linkedin".split())
CHANNEL_PREPS = ("in", "on", "during", "at", "via", "through")
# Verbs that pass something on to someone: "disclosed the decision to TOLOnews" (not "demanded an end to it").
PASS_ON = frozenset("disclose reveal explain describe announce report convey send deliver present submit relay "
                    "express confirm leak".split())
LISTENER_PREPS = ("to",)
# Verbs whose own clause carries the occasion of a cue beside it: "Speaking at a council meeting, X said".
OCCASION_VERBS = frozenset("speak address write post appear".split())
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december weekend".split()
)


def find_addressee(cue: Token, speaker: Optional[Token] = None) -> Optional[Addressee]:
    """The addressee or outlet attached to a cue verb, or None; an outlet inside a channel ("in an interview
    with the BBC", "on the social media platform X") is preferred to the channel ("in a statement"). A cue
    coordinated with or hanging from another verb shares its listener or occasion ("addressed the girls and
    said ...", "X, in an interview with Y, declined ... but said", "Speaking at a council meeting, X said")."""
    found = _attached(cue) or _asked_by(cue)
    if found is None or found.kind == "channel":
        for other, listeners in _related(cue, speaker):
            shared = _attached(other)
            if shared is not None and (shared.kind == "outlet" or listeners and shared.kind == "listener"):
                return shared
    return found


def _related(cue: Token, speaker: Optional[Token]) -> list[tuple[Token, bool]]:
    """Words whose listener or occasion a cue shares, each with whether its listener counts too: a verb of
    speaking it is coordinated with or hangs from as a participle ("addressed the girls and said"), any verb
    there for an outlet, a participle of speaking hanging from it, the speaker's own phrases."""
    from communique.extract.statements.cues import SPEECH

    out = []
    if cue.dep_ in ("conj", "advcl") and cue.head.pos_ in ("VERB", "AUX") and cue.head.i < cue.i:
        out.append((cue.head, cue.head.lemma_.lower() in SPEECH))
    out += [(c, True) for c in cue.children if c.dep_ == "advcl" and c.lemma_.lower() in OCCASION_VERBS]
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")] + ([speaker] if speaker else [])
    return out + [(s, False) for s in subjects]


def _asked_by(cue: Token) -> Optional[Addressee]:
    """"Asked by VOA whether ..., X said": the one who asked is the addressee."""
    for child in cue.children:
        if child.dep_ == "advcl" and child.lemma_.lower() == "ask" and child.tag_ == "VBN":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                    return _make(obj, "listener")
    return None


def _attached(cue: Token) -> Optional[Addressee]:
    """The object or prepositional phrase of a verb (or of a subject) that names a listener or outlet."""
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ in ("dobj", "dative", "iobj") and (lemma in ADDRESSEE_OBJECT or lemma == "address"):
            if child.pos_ in ("NOUN", "PROPN", "PRON") and child.lower_ not in ("that", "it"):
                if child.lemma_.lower() in CHANNELS:  # "told a meeting of the Security Council"
                    inside = _outlet_inside(child)
                    return _make(inside, "outlet") if inside is not None else _make(child, "channel")
                return _make(child, "listener")
    best = None
    for prep in (c for c in cue.children if c.dep_ in ("prep", "agent")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if (prep.lower_ in LISTENER_PREPS or lemma == "call" and prep.lower_ == "on") and _can_listen(obj):
            return _make(obj, "listener")  # "said to reporters", "called on China to ..." (not "agreed to a deal")
        if prep.lower_ in CHANNEL_PREPS and (obj.lemma_.lower() in CHANNELS or _is_outlet(obj)):
            outlet = _outlet_inside(obj)
            if outlet is not None:
                medium = obj.lemma_.lower() in MEDIA or outlet.lower_ in PLATFORMS
                return _make(outlet, "channel" if medium else "outlet")
            best = best or _make(obj, "channel")
    if best is None and lemma in PASS_ON:
        for obj in (c for c in cue.children if c.dep_ == "dobj"):  # "disclosed the decision to TOLOnews"
            for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in LISTENER_PREPS):
                target = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if target is not None and target.pos_ in ("NOUN", "PROPN"):
                    return _make(target, "listener")
    return best


AUDIENCES = frozenset("media press audience crowd public people delegates members supporters voters nation "
                      "council court parliament assembly committee".split())


def _can_listen(token: Token) -> bool:
    """Whether a noun can be told something: a name, or a word for people or a body ("reporters")."""
    from communique.sectors import sector_of

    if token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
        return True
    return token.pos_ == "NOUN" and (token.lemma_.lower() in AUDIENCES or sector_of(token.lemma_.lower()) is not None)


def _is_outlet(token: Token) -> bool:
    """Whether a prepositional object names a broadcaster or publication ("on Fox News")."""
    if token.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL") or token.lower_ in TIME_WORDS:
        return False  # "said on Thursday", "in Geneva": a time or a place, not an outlet
    return token.ent_type_ in ("ORG", "WORK_OF_ART") or (token.pos_ == "PROPN" and token.is_title)


def _outlet_inside(channel: Token) -> Optional[Token]:
    """The outlet named inside a channel phrase: 'an interview with the BBC' -> BBC, 'a meeting of the
    Security Council' -> Security Council."""
    if channel.lemma_.lower() not in CHANNELS:
        return channel
    for child in channel.children:  # "the social media platform X", "a U.N. Security Council meeting"
        named = child.pos_ == "PROPN" or (child.pos_ == "NOUN" and child.text[:1].isupper())
        if child.dep_ in ("appos", "compound", "npadvmod") and named and (
                child.i > channel.i or child.ent_type_ == "ORG"):
            return child
    for prep in (c for c in channel.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "on", "by", "of")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and (obj.pos_ == "PROPN" or obj.pos_ == "NOUN" and prep.lower_ != "of"):
            return _outlet_inside(obj) if obj.lemma_.lower() in CHANNELS else obj
    return None


BODIES = frozenset("council court parliament assembly committee commission congress senate tribunal".split())


def _named_earlier(span: Span) -> Optional[str]:
    """The organisation named earlier in the article that a common noun points back to: "the council" or
    "council members" after "the U.N. Security Council"."""
    root = span.root
    word = root.lower_ if root.lower_ in BODIES else next(
        (c.lower_ for c in root.children if c.dep_ == "compound" and c.lower_ in BODIES), None)
    if word is None or root.lower_ not in BODIES | {"members", "member"}:
        return None
    bodies = docutil.ents_keyed(span.doc, "org_last_word", lambda e: [e[-1].lower_] if e.label_ == "ORG" else [])
    ent = docutil.last_ending_by(bodies.get(word), span.start_char)
    return ent.text.removeprefix("the ").removeprefix("The ") if ent is not None else None


def _make(head: Token, kind: str) -> Addressee:
    """An addressee record from the head token of its phrase."""
    doc = head.doc
    left = min(t.i for t in head.subtree if t.dep_ not in ("relcl", "prep") or t.i < head.i)
    right = head.i
    for t in head.rights:
        if t.dep_ in ("appos", "compound", "nummod", "flat") or t.dep_ == "prep" and t.lower_ == "of" and any(
                c.dep_ == "pobj" and c.pos_ == "PROPN" for c in t.children) and head.pos_ == "PROPN":
            right = max(right, t.right_edge.i)  # "the International Court of Justice"
    span = doc[left : right + 1]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    text, end = span.text, span.end_char
    if text.endswith(".") and "." not in text[:-1]:
        text, end = text[:-1], end - 1  # "on the social media platform X." ends the sentence, not the name
    name = _normalise(span).rstrip(".") if text != span.text else _normalise(span)
    return Addressee(text, span.start_char, end, name, kind=kind)


def _normalise(span: Span) -> str:
    """The name a reader would file the addressee under: the outlet's name, the body named earlier that a
    common noun stands for ("the council", "council members" -> "U.N. Security Council"), or the bare noun."""
    root = span.root
    if root.pos_ == "PROPN" and not root.ent_type_:  # "Afghan broadcaster TOLOnews": the name, not the nationality
        run = [root]
        while run[0].i > span.start and span.doc[run[0].i - 1].pos_ == "PROPN" and not span.doc[run[0].i - 1].ent_type_:
            run.insert(0, span.doc[run[0].i - 1])
        return span.doc[run[0].i : root.i + 1].text
    if root.pos_ == "NOUN":
        named = _named_earlier(span)
        if named is not None:
            return named
    ents = [e for e in docutil.ents_in(span) if e.label_ in ("ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART", "FAC")]
    ents.sort(key=lambda e: (e.label_ in ("ORG", "PERSON", "WORK_OF_ART", "FAC"), e.start))  # a body before a place
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
