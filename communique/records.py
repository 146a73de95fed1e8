"""Typed records passed between stages: ingest -> extract -> store -> serve."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Any, Optional


@lru_cache(maxsize=None)
def _names(cls: type) -> tuple[str, ...]:
    """The field names of a record class."""
    return tuple(f.name for f in fields(cls))


def plain(value: Any) -> Any:
    """What dataclasses.asdict gives, without its deep copies of every leaf (the store's hot path)."""
    if hasattr(type(value), "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@dataclass
class Article:
    """One article as read from disk, before any analysis."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[date] = None
    source: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = None  # file it came from, for messages


@dataclass
class Skip:
    """An input that could not be read; `reason` is a one-line message."""

    path: str
    reason: str


@dataclass
class Known:
    """An article whose text the store already holds, as article `doc`: it is not analysed again."""

    article: Article
    doc: str


@dataclass
class DateRef:
    """A time expression and its resolved value.

    `value` is an ISO date ("2026-03-12") or an ISO interval ("2026-03-07/2026-03-08");
    it is None when no publication date is known or the text cannot be resolved.
    `precision` is one of day, weekend, week, month, year (None when unresolved).
    """

    text: str
    start: int
    end: int
    value: Optional[str] = None
    precision: Optional[str] = None
    inherited: bool = False  # taken from the statement that opened the same remarks (text/offsets are its)


@dataclass
class Content:
    """What was said; start/end span all parts, `parts` lists the pieces when split."""

    text: str
    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Speaker:
    """The mention in the sentence (text/start/end) and who it resolves to."""

    text: str
    start: int
    end: int
    name: Optional[str] = None
    role: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    actor_id: Optional[str] = None
    kb_id: Optional[str] = None  # the knowledge-base entry the speaker resolved to


@dataclass
class Cue:
    """The words that introduce the statement ("said", "according to")."""

    text: str
    start: int
    end: int
    lemma: str


@dataclass
class Addressee:
    """Who was told, or the outlet or channel ("reporters", "RUV", "statement")."""

    text: str
    start: int
    end: int
    name: str
    inherited: bool = False  # taken from the statement that opened the same remarks (text/offsets are its)
    kind: str = "listener"  # listener ("told reporters"), outlet ("an interview with the BBC") or channel
    # (the medium only: "in a statement", "at a briefing", "on the social media platform X")


@dataclass
class Statement:
    """One attributed statement: direct, indirect or mixed."""

    id: str
    doc: str
    kind: str
    content: Content
    speaker: Optional[Speaker] = None
    cue: Optional[Cue] = None
    addressee: Optional[Addressee] = None
    date: Optional[DateRef] = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict following the output contract."""
        d = {"type": "statement", **plain(self)}
        d["content"]["parts"] = [list(p) for p in self.content.parts]
        return d


@dataclass
class ActorRef:
    """An actor or recipient mention in an event, normalised to country and sector."""

    text: str
    start: int
    end: int
    name: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    actor_id: Optional[str] = None
    kb_id: Optional[str] = None  # the knowledge-base entry the mention resolved to


@dataclass
class Location:
    """Where an event took place."""

    text: str
    start: int
    end: int
    name: str
    country: Optional[str] = None


@dataclass
class Span:
    """A plain evidence span."""

    text: str
    start: int
    end: int


@dataclass
class Event:
    """One PLOVER event, with its evidence and the statement that claims it."""

    id: str
    doc: str
    event_type: str
    trigger: Span
    mode: Optional[str] = None
    contexts: list[str] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    date: Optional[DateRef] = None
    location: Optional[Location] = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    claimed_by: Optional[str] = None
    confidence: float = 0.5
    coded_by: Optional[str] = None  # the dictionary line or written convention behind the trigger

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict following the output contract."""
        return {"type": "event", **plain(self)}


@dataclass
class Result:
    """Everything extracted from one article."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
