"""Time expressions in a sentence, the verb tense that directs them, and the date of a cue or event.

`resolve` (in datecalc) turns one expression into a value; this module finds the expressions
with spaCy (DATE/TIME entities plus a Matcher for what the small model misses), reads the tense
from the governing verb, and attaches an expression to the verb it modifies.
"""

from __future__ import annotations

from typing import Optional, Union

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from communique.extract.dates.calc import MONTHS, WEEKDAYS, is_duration, normalise, resolve
from communique.records import DateRef
from communique.extract import docutil

__all__ = ["resolve", "tense_of", "time_expressions", "date_of"]

FUTURE_AUX = {"will", "'ll", "ll", "shall", "wo", "sha"}
CONDITIONAL_AUX = {"would", "'d"}
# Verbs and adjectives whose infinitive complement lies ahead ("plans to meet", "is due to arrive").
INTENT_GOVERNORS = {"plan", "expect", "intend", "aim", "hope", "agree", "promise", "pledge", "vow",
                    "decide", "threaten", "prepare", "schedule", "set", "due", "poise", "want",
                    "seek", "offer", "propose", "likely", "slate", "go"}
REPORTED_DEPS = {"ccomp", "parataxis", "conj", "advcl"}
_LEADING_PREPS = {"on", "in", "by", "since", "until", "till", "from", "during", "as", "of"}
_MONTH_FORMS = [*MONTHS, *(m[:3] for m in MONTHS), *(m[:3] + "." for m in MONTHS), "sept", "sept."]
_CLOCK_GLUE = {"at", "on", ","}
_DAY_PARTS = ["morning", "afternoon", "evening", "night"]

# The Matcher of the last vocabulary seen, with that vocabulary. One only: a Matcher holds its Vocab, and a
# pipeline loaded afresh (pipeline._recycle) has a new one, so more slots would keep retired vocabularies alive.
_MATCHER: list[tuple[Vocab, Matcher]] = []


def _patterns() -> list[list[dict]]:
    """Matcher patterns for expressions the small model often misses."""
    rel = {"LOWER": {"IN": ["last", "next", "this", "early", "late", "coming"]}, "OP": "?"}
    day_num = {"SHAPE": {"IN": ["d", "dd"]}}
    return [
        [rel, {"LOWER": {"IN": list(WEEKDAYS)}}, {"LOWER": {"IN": _DAY_PARTS}, "OP": "?"}],
        [{"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow"]}}],
        [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": "today"}],
        [{"LOWER": "last"}, {"LOWER": "night"}],
        [{"LOWER": "this"}, {"LOWER": {"IN": _DAY_PARTS[:3]}}],
        [{"LOWER": {"IN": ["over", "at", "during"]}}, {"LOWER": "the"}, {"LOWER": "weekend"}],
        [{"LOWER": {"IN": ["this", "last", "next", "coming"]}}, {"LOWER": "weekend"}],
        [{"LOWER": "this"}, {"LOWER": "past"}, {"LOWER": "weekend"}],
        [{"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
         {"LOWER": {"IN": ["last", "this", "next"]}}, {"LOWER": {"IN": ["week", "month", "year"]}}],
        [{"LOWER": {"IN": _MONTH_FORMS}}, day_num],
        [day_num, {"LOWER": {"IN": _MONTH_FORMS}}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["day", "days", "week", "weeks", "month", "months",
                                               "year", "years"]}}, {"LOWER": "ago"}],
    ]


def _anchor_words() -> frozenset[str]:
    """A word every match must have: for each pattern, the words its last required word-form token allows."""
    words: set[str] = set()
    for pattern in _patterns():
        required = [t["LOWER"] for t in pattern if "LOWER" in t and t.get("OP", "1") in ("1", "+")]
        last = required[-1]
        words.update(last["IN"] if isinstance(last, dict) else [last])
    return frozenset(words)


_ANCHORS = _anchor_words()


def _matcher(vocab: Vocab) -> Matcher:
    """The Matcher for this vocabulary, built again only when the vocabulary changes."""
    if not _MATCHER or _MATCHER[0][0] is not vocab:
        matcher = Matcher(vocab)
        matcher.add("TIME_EXPR", _patterns())
        _MATCHER[:] = [(vocab, matcher)]
    return _MATCHER[0][1]


def _trim(span: Span) -> Optional[Span]:
    """Drop a leading preposition ("on April 1" -> "April 1") and trailing punctuation."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _LEADING_PREPS and not _weekend_prep(span, start):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].tag_ == "POS"):
        end -= 1
    return span.doc[start:end] if end > start else None


def _weekend_prep(span: Span, i: int) -> bool:
    """True for the "over"/"at"/"during" of "over the weekend", which a reader quotes."""
    doc = span.doc
    return doc[i].lower_ in {"over", "at", "during"} and i + 2 < len(doc) \
        and doc[i + 2].lower_ == "weekend"


def time_expressions(span: Union[Span, Doc]) -> list[Span]:
    """Time expressions in `span`, in text order, without durations or ages."""
    if isinstance(span, Doc):
        span = span[:]
    doc = span.doc
    # Statements and events ask for the same sentences again and again: find them once.
    cache = doc.user_data.setdefault("communique_time_expressions", {})
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = _time_expressions(span)
    return cache[key]


def _time_expressions(span: Span) -> list[Span]:
    """Time expressions in `span`, uncached."""
    doc = span.doc
    found = [e for e in docutil.ents_within(doc, span.start, span.end) if e.label_ in ("DATE", "TIME")]
    anchors = docutil.tokens_where(doc, "time_anchors", {"LOWER": _ANCHORS.__contains__})
    if docutil.between(anchors, span.start, span.end):  # a span without one cannot match: skip the Matcher
        for _, start, end in _matcher(doc.vocab)(doc[span.start:span.end]):
            found.append(doc[span.start + start:span.start + end])
    out = []
    for cand in filter_spans(found):
        cand = _trim(cand)
        if cand is None or is_duration(normalise(cand.text)) or _is_age(cand):
            continue
        out.append(cand)
    return _merge_clock_times(sorted(out, key=lambda s: s.start))


def _merge_clock_times(exprs: list[Span]) -> list[Span]:
    """Join a bare clock time to the day beside it ("10 a.m. Wednesday", "Friday at noon")."""
    merged: list[Span] = []
    for expr in exprs:
        prev = merged[-1] if merged else None
        if prev is not None and (not normalise(prev.text) or not normalise(expr.text)):
            gap = prev.doc[prev.end:expr.start]
            if all(t.lower_ in _CLOCK_GLUE for t in gap):
                merged[-1] = prev.doc[prev.start:expr.end]
                continue
        merged.append(expr)
    return merged


def _is_age(span: Span) -> bool:
    """True for "45-year-old" and "aged 45" style entities."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return "old" in span.text.lower().split("-") or (nxt is not None and nxt.lower_ == "old")


def _is_verb(tok: Token) -> bool:
    """A clause-heading verb (not an auxiliary)."""
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))


def _governing_verb(tok: Token) -> Optional[Token]:
    """The nearest verb at or above `tok` in the parse, if any."""
    while True:
        if _is_verb(tok):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head


def _is_reported(verb: Token) -> bool:
    """True when the clause of `verb` is embedded under another verb (reported speech)."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in REPORTED_DEPS and _is_verb(verb.head)


def tense_of(verb: Token) -> str:
    """"past", "present" or "future" for the verb (or the verb governing a noun)."""
    if verb.lemma_ == "accord":  # "according to" reports something already said
        return "past"
    if not _is_verb(verb):
        gov = _governing_verb(verb)
        return tense_of(gov) if gov is not None else "past"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if words & CONDITIONAL_AUX:
        return "future" if _is_reported(verb) else "present"
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        gov = verb.head
        if gov.lemma_ in INTENT_GOVERNORS and (gov.lemma_ != "go" or gov.tag_ == "VBG"):
            return "future"
        return tense_of(gov)
    if verb.tag_ == "VBD" or any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # reduced relative: "a statement released Thursday"
    return "present"


def _passable(tok: Token) -> bool:
    """Participles modifying a noun ("a statement released Thursday") do not end the climb."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG")


def _hops(expr: Span, head: Token) -> Optional[int]:
    """Steps from the expression up to `head`, or None when another verb intervenes."""
    tok, hops = expr.root, 0
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return None
        tok, hops = tok.head, hops + 1
        if tok.i != head.i and _is_verb(tok) and not _passable(tok):
            return None
    return hops


def _nearest(exprs: list[Span], head: Token) -> Optional[Span]:
    """The expression attached most closely to `head`."""
    scored = []
    for expr in exprs:
        if expr.start <= head.i < expr.end:
            continue
        hops = _hops(expr, head)
        if hops is not None:
            scored.append((hops, abs(expr.start - head.i), expr))
    return min(scored, key=lambda s: s[:2])[2] if scored else None


def _noun_verbs(noun: Token) -> list[Token]:
    """The verb governing a noun trigger, then its infinitive complements ("talks are set to resume")."""
    verb = _governing_verb(noun)
    chain = []
    while verb is not None:
        chain.append(verb)
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and _is_verb(c)), None)
    return chain


def date_of(head: Token, scope: Span, published) -> Optional[DateRef]:
    """The time expression modifying `head` within `scope`, resolved by `head`'s tense."""
    exprs = time_expressions(scope)
    if not exprs:
        return None
    anchor, expr = head, _nearest(exprs, head)
    if expr is None and not _is_verb(head):
        for anchor in _noun_verbs(head):
            expr = _nearest(exprs, anchor)
            if expr is not None:
                break
    if expr is None:
        return None
    value, precision = resolve(expr.text, published, tense_of(anchor))
    return DateRef(text=expr.text, start=expr.start_char, end=expr.end_char,
                   value=value, precision=precision)
