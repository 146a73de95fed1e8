"""Scoring extracted events and statements against hand-made gold on real stories (gold/voa).

Events: a coded event matches a gold event of the same PLOVER type whose sentence holds its trigger; pairs are
one to one, and pairs whose triggers overlap are made first. Coded events that match an optional gold event are neither credited nor charged. Negated, future and
hypothetical events count like the others (the guide annotates them, with their flags).
Statements: a prediction matches a gold statement when their contents' word characters overlap with F1 >= 0.5
(as for PolNeAR), or when the prediction covers at least half of the gold content (one predicted statement may
cover a run of quoted sentences that the guide splits); speaker, addressee and date are then compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from communique.evaluate.polnear import f1, word_chars

MATCH_F1 = 0.5
COVER = 0.5


@dataclass
class EventTotals:
    """Running counts of the event evaluation."""

    gold: int = 0
    predicted: int = 0
    optional: int = 0  # predictions matching only an optional gold event
    hits: int = 0
    actor_n: int = 0
    actor_ok: int = 0
    recipient_n: int = 0
    recipient_ok: int = 0
    flags_n: int = 0
    flags_ok: int = 0
    by_type: Counter = field(default_factory=Counter)  # (type, "gold"|"pred"|"hit") -> n
    errors: list[str] = field(default_factory=list)


@dataclass
class StatementTotals:
    """Running counts of the statement evaluation."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold statements matched
    correct_preds: int = 0  # predictions matching some gold or optional statement
    speaker_ok: int = 0
    addressee_n: int = 0
    addressee_ok: int = 0
    date_n: int = 0
    date_ok: int = 0
    date_spurious: int = 0
    errors: list[str] = field(default_factory=list)


def _fold(name: Optional[str]) -> str:
    """A name without accents, case, titles and punctuation, for comparison."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace("’", "'").replace("'s ", " "))
    return " ".join(w for w in text.split() if w not in ("the", "u", "s", "of"))


def same_name(gold: Optional[str], pred: Optional[str]) -> bool:
    """Gold and predicted names agree: equal, or one's words all in the other's (surname, fuller form)."""
    g, p = _fold(gold), _fold(pred)
    if not g or not p:
        return False
    gw, pw = set(g.split()), set(p.split())
    return g == p or gw <= pw or pw <= gw


def _country_ok(gold_code: Optional[str], refs: list) -> bool:
    """A predicted actor (or recipient) carries the gold country code."""
    return any(r.country == gold_code for r in refs)


def _type_line(kind: str, sentence: str, what: str) -> str:
    """One --errors line."""
    return f"[{kind}] {what}: {sentence}"


def score_events(text: str, gold: dict, events: list, totals: EventTotals, story: str) -> None:
    """Add one story's event outcome to the totals."""
    golds = gold["events"]
    used = [False] * len(golds)
    totals.gold += len(golds)
    for g in golds:
        totals.by_type[(g["event_type"], "gold")] += 1
    # pairs whose triggers overlap first, so that a second event of the same type in the sentence does not take
    # the gold event its own trigger names
    by_trigger = {}
    for n, ev in enumerate(events):
        k = next((k for k, g in enumerate(golds) if not used[k] and g["event_type"] == ev.event_type
                  and g.get("trigger") and g["trigger"][0] < ev.trigger.end and ev.trigger.start < g["trigger"][1]),
                 None)
        if k is not None:
            used[k] = True
            by_trigger[n] = k
    for n, ev in enumerate(events):
        totals.by_type[(ev.event_type, "pred")] += 1
        at = ev.trigger.start
        hit = by_trigger.get(n)
        if hit is None:
            hit = next((k for k, g in enumerate(golds) if not used[k] and g["event_type"] == ev.event_type
                        and g["sentence"][0] <= at < g["sentence"][1]), None)
        if hit is None:
            if any(o["event_type"] == ev.event_type and o["sentence"][0] <= at < o["sentence"][1]
                   for o in gold["optional_events"]):
                totals.optional += 1
                continue
            totals.predicted += 1
            totals.errors.append(_type_line("false", _sentence_at(text, gold, at),
                                            f"{story} {ev.event_type} {ev.trigger.text!r} ({ev.coded_by})"))
            continue
        used[hit] = True
        totals.predicted += 1
        totals.hits += 1
        totals.by_type[(ev.event_type, "hit")] += 1
        _score_args(golds[hit], ev, totals, text, story)
    for k, g in enumerate(golds):
        if not used[k]:
            trig = text[g["trigger"][0]:g["trigger"][1]] if g.get("trigger") else "?"
            totals.errors.append(_type_line("miss", g["sentence_text"], f"{story} {g['event_type']} {trig!r}"))


def _score_args(g: dict, ev, totals: EventTotals, text: str, story: str) -> None:
    """Actor and recipient countries and flags of a matched event."""
    if g.get("actor_country"):
        totals.actor_n += 1
        totals.actor_ok += _country_scored("actor", g, ev.actors, ev, totals, story)
    if g.get("recipient_country"):
        totals.recipient_n += 1
        totals.recipient_ok += _country_scored("recipient", g, ev.recipients, ev, totals, story)
    totals.flags_n += 1
    totals.flags_ok += all(bool(g.get(f)) == bool(getattr(ev, f)) for f in ("negated", "future", "hypothetical"))


def _country_scored(side: str, g: dict, refs: list, ev, totals: EventTotals, story: str) -> bool:
    """Whether a side (actor, recipient) of a matched event carries the gold country; an --errors line if not."""
    gold_code = g[f"{side}_country"]
    ok = _country_ok(gold_code, refs)
    if not ok:
        got = [(r.text, r.country) for r in refs]
        line = f"{story} {ev.event_type} gold {gold_code}, coded {got}"
        totals.errors.append(_type_line(side, g["sentence_text"], line))
    return ok


def _sentence_at(text: str, gold: dict, at: int) -> str:
    """The gold sentence holding an offset, else the text around it."""
    for item in gold["events"] + gold["optional_events"]:
        if item["sentence"][0] <= at < item["sentence"][1]:
            return item["sentence_text"]
    start = max(text.rfind(". ", 0, at) + 2, 0)
    end = text.find(". ", at)
    return text[start:end + 1 if end >= 0 else len(text)]


def interval(value: Optional[str]) -> Optional[tuple[str, str]]:
    """An ISO date, month, year or interval as its first and last day, so that "2026-03" and
    "2026-03-01/2026-03-31" (the gold's way of writing a month) compare equal."""
    if not value:
        return None
    first, _, last = value.partition("/")
    return _bound(first, start=True), _bound(last or first, start=False)


def _bound(text: str, start: bool) -> str:
    """The first or last day of an ISO date, month or year."""
    import calendar

    parts = text.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01" if start else f"{parts[0]}-12-31"
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return f"{text}-01" if start else f"{text}-{calendar.monthrange(year, month)[1]:02d}"
    return text


def _parts(st) -> list[tuple[int, int]]:
    """A predicted statement's content pieces."""
    return [tuple(p) for p in st.content.parts] or [(st.content.start, st.content.end)]


def _overlap(text: str, gold_parts, pred_parts) -> tuple[float, float]:
    """(content F1, share of the gold's word characters the prediction covers)."""
    g, p = word_chars(text, gold_parts), word_chars(text, pred_parts)
    cover = len(g & p) / len(g) if g else 0.0
    return f1(g, p), cover


def score_statements(text: str, gold: dict, statements: list, totals: StatementTotals, story: str) -> None:
    """Add one story's statement outcome to the totals."""
    golds = gold["statements"]
    totals.gold += len(golds)
    totals.predicted += len(statements)
    pred_ok = [False] * len(statements)
    for g in golds:
        best, best_score = None, 0.0
        for k, st in enumerate(statements):
            score, cover = _overlap(text, g["content"], _parts(st))
            if (score >= MATCH_F1 or cover >= COVER) and max(score, cover) > best_score:
                best, best_score = k, max(score, cover)
        if best is None:
            totals.errors.append(f"[miss] {story} {g['speaker']}: {g['content_text'][:150]}")
            continue
        pred_ok[best] = True
        totals.found += 1
        _score_statement_fields(g, statements[best], totals, story)
    for k, st in enumerate(statements):
        if pred_ok[k]:
            continue
        if any(max(_overlap(text, o["content"], _parts(st))) >= MATCH_F1 for o in gold["optional_statements"]):
            totals.predicted -= 1  # optional: neither credited nor charged
            continue
        totals.errors.append(f"[false] {story} {st.speaker.name if st.speaker else None}: {st.content.text[:150]}")
    totals.correct_preds += sum(pred_ok)


def _score_statement_fields(g: dict, st, totals: StatementTotals, story: str) -> None:
    """Speaker, addressee and date of a matched statement."""
    speaker = st.speaker
    names = [speaker.name, speaker.text] if speaker is not None else []
    ok = any(same_name(g["speaker"], n) for n in names if n)
    totals.speaker_ok += ok
    if not ok:
        totals.errors.append(f"[speaker] {story} gold {g['speaker']!r}, got {names}: {g['content_text'][:100]}")
    # The guide's addressee is who was told or the outlet spoken to; a channel ("in a statement", "posting on
    # X") is none, so a predicted channel counts as no addressee.
    listener = st.addressee is not None and getattr(st.addressee, "kind", "listener") != "channel"
    pred_addr = st.addressee.name if listener else None
    # The guide gives a follow-up sentence of a quote run no cue and no addressee by convention (there is no
    # addressee_alternatives field as there is for dates): its empty addressee is no judgment, so not scored.
    if g.get("addressee") or (pred_addr and g.get("cue")):
        totals.addressee_n += 1
        good = same_name(g.get("addressee"), pred_addr)
        totals.addressee_ok += good
        if not good:
            totals.errors.append(f"[addressee] {story} gold {g.get('addressee')!r}, got {pred_addr!r}: "
                                 f"{g['content_text'][:100]}")
    accepted = [d for d in [g.get("date"), *(g.get("date_alternatives") or [])] if d]
    value = st.date.value if st.date is not None else None
    if accepted:
        totals.date_n += 1
        good = interval(value) in [interval(a) for a in accepted]
        totals.date_ok += good
        if not good:
            totals.errors.append(f"[date] {story} gold {accepted}, got {value!r}: {g['content_text'][:100]}")
    elif value:
        totals.date_spurious += 1
        how = "inherited" if getattr(st.date, "inherited", False) else "own"
        totals.errors.append(f"[date+] {story} gold none, got {value!r} ({how}): {g['content_text'][:100]}")
