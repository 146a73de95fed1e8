"""The article text cut into segments at every stored offset, each segment knowing which fields cover it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

PALETTE_SIZE = 10  # speaker colours (CSS classes sp-0 .. sp-9); later speakers reuse them
STATEMENT_FIELDS = ("speaker", "cue", "addressee", "date")


@dataclass
class Mark:
    """One highlighted field: a record id, which field, where, and the speaker colour (-1: an event)."""

    rid: str
    field: str
    start: int
    end: int
    colour: int = -1


@dataclass
class Segment:
    """A run of text covered by the same marks (none for plain text)."""

    start: int
    end: int
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def fields(self) -> list[str]:
        """The distinct field names covering this segment."""
        return sorted({m.field for m in self.marks})

    @property
    def colour(self) -> Optional[int]:
        """The colour of the statement covering it (the innermost one when several do)."""
        coloured = [m for m in self.marks if m.colour >= 0]
        return min(coloured, key=lambda m: m.end - m.start).colour if coloured else None

    @property
    def rids(self) -> list[str]:
        """The ids of the records covering this segment, each once."""
        return list(dict.fromkeys(m.rid for m in self.marks))

    @property
    def anchor(self) -> str:
        """`rid:field` for every mark, as the page's data attribute lists them."""
        return " ".join(f"{m.rid}:{m.field}" for m in self.marks)


def speaker_key(st: dict[str, Any]) -> str:
    """Who a statement's colour follows: the resolved actor, else the name, else the mention."""
    sp = st.get("speaker") or {}
    return sp.get("actor_id") or sp.get("name") or sp.get("text") or "(unresolved)"


def colours(statements: list[dict[str, Any]]) -> dict[str, int]:
    """A colour number per speaker, in order of first appearance."""
    out: dict[str, int] = {}
    for st in statements:
        out.setdefault(speaker_key(st), len(out) % PALETTE_SIZE)
    return out


def marks(statements: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[Mark]:
    """Every field to highlight: each statement's content (each part of a split quote) and its speaker,
    cue, addressee and date mentions; each event's trigger."""
    palette = colours(statements)
    out: list[Mark] = []
    for st in statements:
        colour = palette[speaker_key(st)]
        content = st["content"]
        for start, end in content.get("parts") or [(content["start"], content["end"])]:
            out.append(Mark(st["id"], "content", start, end, colour))
        for name in STATEMENT_FIELDS:
            span = st.get(name)
            if span and span.get("end", 0) > span.get("start", 0):
                out.append(Mark(st["id"], name, span["start"], span["end"], colour))
    for ev in events:
        out.append(Mark(ev["id"], "trigger", ev["trigger"]["start"], ev["trigger"]["end"]))
    return out


def segments(text: str, all_marks: list[Mark]) -> list[Segment]:
    """The text cut at every mark boundary, in order; marks outside the text are dropped."""
    n = len(text)
    valid = [m for m in all_marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        out.append(Segment(a, b, text[a:b], list(active)))
    return out


def anchors(segs: list[Segment]) -> dict[int, list[str]]:
    """Segment index -> ids of the records whose main field (content or trigger) begins there,
    so that `#record-id` links land on it."""
    seen: dict[str, int] = {}
    for i, seg in enumerate(segs):
        for m in seg.marks:
            if m.field in ("content", "trigger") and m.rid not in seen:
                seen[m.rid] = i
    out: dict[int, list[str]] = {}
    for rid, i in seen.items():
        out.setdefault(i, []).append(rid)
    return out


def title(rec: dict[str, Any]) -> str:
    """A one-line summary of a record, shown when the pointer rests on its text."""
    if rec.get("type") == "event":
        actors = ", ".join(a.get("name") or a["text"] for a in rec["actors"]) or "?"
        recipients = ", ".join(a.get("name") or a["text"] for a in rec["recipients"])
        return f"{rec['event_type']} event: {actors} \u2192 {recipients or '?'} ({rec['trigger']['text']})"
    sp = rec.get("speaker") or {}
    cue = (rec.get("cue") or {}).get("text") or ""
    return f"{rec['kind']} statement by {sp.get('name') or sp.get('text') or 'an unresolved speaker'} {cue}".strip()
