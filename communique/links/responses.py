"""Responses: a statement that denies, rejects, confirms or declines to comment on an earlier one.

`relation` reads the cue, negation and stock formulas ("neither confirm nor deny", "declined to
comment", "the claim is false"); `score` weighs one candidate claim by the article they share, who
each names, the words they share and the days between them. Both are pure functions of the
records, so the chosen claim does not depend on the order articles arrive in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Optional

from communique.links.features import sentence_span

_RUN = re.compile(r"\w+")

RELATIONS = ("deny", "reject", "confirm", "decline")
CUES = {
    "deny": "deny refute rebut contradict",
    "reject": "reject dismiss rebuff repudiate",
    "confirm": "confirm acknowledge admit concede verify",
}
CUE_RELATION = {lemma: rel for rel, lemmas in CUES.items() for lemma in lemmas.split()}
DECLINE = re.compile(
    r"neither confirm nor deny|no comment|(?:declin|refus)\w* to (?:comment|confirm|deny|discuss|say|elaborate)"
    r"|(?:would|could|did|will|has|have|had|does|do)(?: not|n't)(?: yet| immediately)? (?:comment|confirm|deny|discuss"
    r"|elaborate)"
    r"|not (?:immediately )?(?:respond|reply)\w* to (?:a )?requests? for comment|not available for comment"
    r"|\bneither\b[^.;]{0,60}?\b(?:has|have|had|would|could|did) (?:confirm|deny|comment)",
    re.I)
_FALSE = r"(?:false|untrue|baseless|groundless|unfounded|fabricated|fake|nonsense|lies|a lie)"
DENY_WORDS = re.compile(rf"\b(?:(?:is|was|are|were|be)\s+(?:\w+ly\s+)?{_FALSE}\b|{_FALSE}\s+(?:allegations?|claims?"
                        r"|accusations?|charges?|reports?)\b|no such\b|not true\b|no truth\b|no basis\b)", re.I)
OWN_VERB = re.compile(r"^\W*(?:we|i)\s+(?:\w+ly\s+)?(reject|deny|dismiss|refute)", re.I)
CLAIM_NOUNS = re.compile(r"\b(?:claims?|reports?|accounts?|allegations?|accusations?|charges?|figures?)\b", re.I)
SHORT_CONTENT = 15  # words: a longer content with "false" in it is a claim of its own, not an answer
CONTINUES_CHARS = 300  # a quote by the same speaker this close after a response carries it on
WINDOW_DAYS = 30  # an answer is looked for among claims this many days before it
MIN_SCORE = 0.5
# Event nouns in an answer ("dismissed the sanctions") point at the incident it answers.
NOUN_TYPES = {
    "sanction": "SANCTION", "sanctions": "SANCTION", "measures": "SANCTION", "embargo": "SANCTION",
    "accusation": "ACCUSE", "accusations": "ACCUSE", "allegation": "ACCUSE", "allegations": "ACCUSE",
    "charge": "ACCUSE", "charges": "ACCUSE", "threat": "THREATEN", "threats": "THREATEN",
    "ultimatum": "THREATEN", "attack": "ASSAULT", "attacks": "ASSAULT", "strike": "ASSAULT",
    "strikes": "ASSAULT", "demand": "REQUEST", "demands": "REQUEST", "request": "REQUEST",
    "meeting": "CONSULT", "talks": "CONSULT", "call": "CONSULT", "visit": "CONSULT",
}


def relation(st: dict[str, Any], text: str) -> Optional[tuple[str, str]]:
    """(relation, evidence) when the statement answers something: by formula, cue or short denial.

    A refusal to comment counts in the content or between the speaker and the cue ("the ministry
    declined to comment"), not elsewhere in the sentence, where it is someone else's."""
    content = st["content"]["text"]
    cue = st.get("cue") or {}
    for part in (content, _cue_region(st, text)):
        m = DECLINE.search(part)
        if m:
            return "decline", m.group()
    lemma = (cue.get("lemma") or "").lower()
    if lemma in CUE_RELATION:
        return CUE_RELATION[lemma], f"cue '{cue.get('text')}'"
    if lemma == "dispute" and CLAIM_NOUNS.search(content):
        return "deny", f"cue '{cue.get('text')}'"
    m = OWN_VERB.search(content)
    if m and len(content.split()) <= SHORT_CONTENT * 2:
        return CUE_RELATION[m.group(1).lower()], f"'{m.group().strip()}'"
    m = DENY_WORDS.search(content)
    if m and len(content.split()) <= SHORT_CONTENT:
        return "deny", f"'{m.group()}'"
    return None


def _cue_region(st: dict[str, Any], text: str) -> str:
    """The text from the speaker mention through the cue (or a little around the cue)."""
    cue, sp = st.get("cue"), st.get("speaker")
    if not cue or not text:
        return ""
    if sp and sp.get("start") is not None and sp["start"] < cue["start"]:
        return text[sp["start"]:cue["end"] + 12]
    return text[max(0, cue["start"] - 30):cue["end"] + 12]


def framed_by(st: dict[str, Any], events: list[dict[str, Any]], text: str) -> Optional[tuple[str, str]]:
    """('reject', evidence) when the sentence right before the statement's says its speaker rejected something."""
    return EventIndex(events, text).framed_by(st)


class EventIndex:
    """An article's events by where their triggers end, for `framed_by` and `targeted`: the events that can
    frame or provoke a statement lie just before it, and a scan of every event for each statement made a long
    article's linking time grow with the square of its length."""

    def __init__(self, events: list[dict[str, Any]], text: str):
        self.events, self.text = events, text
        self.rejects = self._ends(k for k, ev in enumerate(events)
                                  if ev["event_type"] == "REJECT" and not ev.get("negated"))
        self.answerable = self._ends(k for k, ev in enumerate(events)
                                     if ANSWERABLE.get(ev["event_type"]) and not ev.get("negated"))

    def _ends(self, picked) -> tuple[list[int], list[int]]:
        """(trigger ends, event positions) of the picked events, by trigger end."""
        pairs = sorted((self.events[k]["trigger"]["end"], k) for k in picked)
        return [end for end, _ in pairs], [k for _, k in pairs]

    def framed_by(self, st: dict[str, Any]) -> Optional[tuple[str, str]]:
        """framed_by(st, events, text): the first event (in the article's order) that qualifies."""
        text, sp = self.text, st.get("speaker") or {}
        start = st["content"]["start"] if not st.get("cue") else min(st["content"]["start"], st["cue"]["start"])
        own = sentence_span(text, start, start)[0]
        ends, order = self.rejects
        hits = []
        # only whitespace may lie between the event's sentence and the statement's: walking back from the
        # statement, the sentence ends only move back (monotone in the trigger's end), so stop at the first gap
        for n in range(bisect_right(ends, start) - 1, -1, -1):
            ev = self.events[order[n]]
            if text[sentence_span(text, ev["trigger"]["start"], ev["trigger"]["end"])[1]:own].strip():
                break
            if any(_same_actor(sp, a) for a in ev.get("actors") or []):
                hits.append(order[n])
        if not hits:
            return None
        ev = self.events[min(hits)]
        return "reject", f"follows '{ev['trigger']['text']}' ({ev['id']})"

    def targeted(self, st: dict[str, Any]) -> Optional[tuple[str, str]]:
        """targeted(st, events): the first event (in the article's order) whose target answers."""
        if st["kind"] == "indirect" and not st.get("cue") or not NEGATION.search(st["content"]["text"]):
            return None
        start = st["content"]["start"]
        ends, order = self.answerable
        near = sorted(order[bisect_left(ends, start - TARGET_CHARS) : bisect_right(ends, start)])
        return _targeted(st, [self.events[k] for k in near])


ANSWERABLE = {"ACCUSE": "deny", "THREATEN": "reject", "SANCTION": "reject"}
TARGET_CHARS = 600  # an answer by the target follows the accusation, threat or sanction within a few sentences
NEGATION = re.compile(r"\b(?:not|no|never|nothing|neither|nor|none)\b|n't\b", re.I)


def targeted(st: dict[str, Any], events: list[dict[str, Any]]) -> Optional[tuple[str, str]]:
    """A negative statement by the target of an accusation, threat, sanction or demand told earlier in
    the article answers it: ('deny' or 'reject', evidence)."""
    if st["kind"] == "indirect" and not st.get("cue") or not NEGATION.search(st["content"]["text"]):
        return None
    return _targeted(st, events)


def _targeted(st: dict[str, Any], events: list[dict[str, Any]]) -> Optional[tuple[str, str]]:
    """targeted() over the events given, in their order."""
    sp = st.get("speaker") or {}
    for ev in events:
        rel = ANSWERABLE.get(ev["event_type"])
        gap = st["content"]["start"] - ev["trigger"]["end"]
        if rel is None or ev.get("negated") or not 0 <= gap <= TARGET_CHARS:
            continue
        if any(_same_actor(sp, r) for r in ev.get("recipients") or []) and \
                not any(_same_actor(sp, a) for a in ev.get("actors") or []):
            return rel, f"negative answer by the target of '{ev['trigger']['text']}' ({ev['id']})"
    return None


def _same_actor(sp: dict[str, Any], ref: dict[str, Any]) -> bool:
    """Speaker and event actor are one: same id, or same country when either is a country or body."""
    if sp.get("actor_id") and sp.get("actor_id") == ref.get("actor_id"):
        return True
    return bool(sp.get("country")) and sp.get("country") == ref.get("country")


def continues(prev: Optional[dict[str, Any]], st: dict[str, Any]) -> bool:
    """Whether `st` is the same speaker going on right after `prev` in one article."""
    if prev is None or prev["doc"] != st["doc"]:
        return False
    a, b = prev.get("speaker") or {}, st.get("speaker") or {}
    same = (a.get("actor_id") and a.get("actor_id") == b.get("actor_id")) or (
        not a.get("actor_id") and not b.get("actor_id") and a.get("text") and
        (a.get("text") or "").lower() == (b.get("text") or "").lower())
    return bool(same) and 0 <= st["content"]["start"] - prev["content"]["end"] <= CONTINUES_CHARS


def event_nouns(sentence_words: list[str]) -> list[str]:
    """PLOVER types of the event nouns an answer names ("the sanctions" -> SANCTION), in order."""
    seen: list[str] = []
    for w in sentence_words:
        t = NOUN_TYPES.get(w)
        if t and t not in seen:
            seen.append(t)
    return seen


def may_answer(r: dict[str, Any], c: dict[str, Any]) -> bool:
    """Whether claim `c` can be what response `r` answers: another speaker, not later, not itself an answer."""
    if c["id"] == r["id"] or c.get("relation") or c["day"] is None or r["day"] is None:
        return False
    if r["speaker"] and r["speaker"] == c["speaker"]:
        return False
    if not r["speaker"] and r["speaker_text"] and r["speaker_text"] == c["speaker_text"]:
        return False
    if r["day"] - c["day"] > WINDOW_DAYS or c["day"] > r["day"]:
        return False
    if c["doc"] == r["doc"]:
        return c["pos"] < r["pos"] or c["day"] < r["day"]
    return True


def score(r: dict[str, Any], c: dict[str, Any]) -> tuple[float, list[str]]:
    """How well claim `c` fits as what response `r` answers, with the reasons."""
    s, why = 0.0, []
    if c["doc"] == r["doc"]:
        near = 1 - min(abs(r["pos"] - c["pos"]), 2000) / 2000
        s += 0.35 + 0.1 * near
        why.append("same article")
    if c["speaker"] and c["speaker"] in r["names"] or _named(c.get("surname"), r["sentence"]):
        s += 0.25
        why.append(f"names {c['speaker_name']}")
    elif c["country"] and c["country"] in r["countries"]:
        s += 0.15
        why.append(f"names {c['country']}")
    if r["speaker"] and r["speaker"] in c["names"] or _named(r.get("surname"), c["sentence"]):
        s += 0.25
        why.append(f"claim names {r['speaker_name']}")
    elif r["country"] and r["country"] in c["countries"]:
        s += 0.2
        why.append(f"claim names {r['country']}")
    shared = sorted({w for w in r["topic"] if len(w) >= 4 and not w.isdigit()} & set(c["words"]))
    if shared:
        s += min(0.3, 0.1 * len(shared))
        why.append(f"shares {', '.join(shared[:4])}")
    days = r["day"] - c["day"]
    s -= 0.01 * days
    if days:
        why.append(f"{days} days before")
    hints = len(why) - bool(days) - (c["doc"] == r["doc"])
    if hints < (1 if c["doc"] == r["doc"] else 2):
        return 0.0, why  # being near is not enough; across articles, one weak hint is not enough either
    return round(s, 3), why


def _named(name: Optional[str], text: str) -> bool:
    """Whether a surname stands in the text as a word."""
    return bool(name) and re.search(r"\b" + re.escape(name) + r"\b", text or "") is not None


class HintIndex:
    """An article's statements by what `score` counts as a hint (names, countries, words), so an answer is scored
    only against the claims of its article that share one: without a hint a claim scores 0, and scoring every
    claim of a long article for each answer made its linking time grow with the square of its length."""

    def __init__(self, claims: list[dict[str, Any]]):
        self.claims = claims
        self.keys: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []  # claims whose surname has no word to be looked up by
        for k, c in enumerate(claims):
            for key in self._filed(c):
                self.keys.setdefault(key, []).append(k)
            if c.get("surname") and not _RUN.findall(c["surname"]):
                self.always.append(k)

    @staticmethod
    def _filed(c: dict[str, Any]) -> set[tuple[str, str]]:
        """The keys a claim is found by: its speaker, surname, country, whom and what it names, its words."""
        keys = {("named", x) for x in c["names"]} | {("country named", x) for x in c["countries"]}
        keys |= {("run", x) for x in _RUN.findall(c["sentence"] or "")} | {("word", w) for w in c["words"]}
        if c["speaker"]:
            keys.add(("speaker", c["speaker"]))
        if c["country"]:
            keys.add(("country", c["country"]))
        runs = _RUN.findall(c.get("surname") or "")
        if runs:
            keys.add(("surname", runs[-1]))  # a surname found as a word holds its last word as a word
        return keys

    def for_answer(self, r: dict[str, Any]) -> list[dict[str, Any]]:
        """The claims that may share a hint with answer `r` (a superset of those that do), in their order."""
        probe = {("speaker", x) for x in r["names"]} | {("country", x) for x in r["countries"]}
        probe |= {("surname", x) for x in _RUN.findall(r["sentence"] or "")}
        probe |= {("word", w) for w in r["topic"] if len(w) >= 4 and not w.isdigit()}
        if r["speaker"]:
            probe.add(("named", r["speaker"]))
        if r["country"]:
            probe.add(("country named", r["country"]))
        runs = _RUN.findall(r.get("surname") or "")
        if runs:
            probe.add(("run", runs[-1]))
        found = set(self.always) | {k for key in probe for k in self.keys.get(key, ())}
        if r.get("surname") and not runs:
            found = set(range(len(self.claims)))
        return [self.claims[k] for k in sorted(found)]


def best(r: dict[str, Any], candidates: list[dict[str, Any]]) -> Optional[tuple[dict[str, Any], float, list[str]]]:
    """The best-scoring claim at or above MIN_SCORE; ties go to the later claim, then the smaller id."""
    scored = [(score(r, c), c) for c in candidates if may_answer(r, c)]
    scored = [(sw[0], sw[1], c) for sw, c in scored if sw[0] >= MIN_SCORE]
    if not scored:
        return None
    s, why, c = min(scored, key=lambda t: (-t[0], -t[2]["day"], t[2]["id"]))
    return c, s, why
