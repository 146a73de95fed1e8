"""Query parameters shared by the API and the dashboard, turned into the store's filter objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, Optional, get_args

from fastapi import Query

from communique.store.queries import DEFAULT_LIMIT, MAX_LIMIT, EventFilter, StatementFilter

Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Records per page (1 to {MAX_LIMIT}).")
Cursor = Query(None, description="The `next_cursor` of the previous page.")


def _iso(value: Optional[date]) -> Optional[str]:
    """A date as YYYY-MM-DD."""
    return value.isoformat() if value else None


def _clean(value: Optional[str]) -> Optional[str]:
    """None for a missing or blank form field, else the trimmed text."""
    return value.strip() or None if value is not None else None


def statement_filter(
    speaker: Optional[str] = Query(None, description="Speaker name, alias or mention (case-insensitive substring)."),
    since: Optional[date] = Query(None, description="Made on or after this day (YYYY-MM-DD); else the article's date."),
    until: Optional[date] = Query(None, description="Made on or before this day (YYYY-MM-DD)."),
    q: Optional[str] = Query(None, description='Full-text search in the content: words and "quoted phrases".'),
    doc: Optional[str] = Query(None, description="Only this article."),
    actor_id: Optional[str] = Query(None, description="Only this speaker (exact actor_id)."),
) -> StatementFilter:
    """The statement filters, as the CLI's `statements` command has them plus text, article and actor id."""
    return StatementFilter(speaker=_clean(speaker), since=_iso(since), until=_iso(until), q=_clean(q),
                           doc=_clean(doc), actor_id=_clean(actor_id))


def event_filter(
    type: Optional[str] = Query(None, description="PLOVER event type, e.g. CONSULT or ACCUSE."),  # noqa: A002
    actor: Optional[str] = Query(None, description="Actor or recipient name, alias or mention (substring)."),
    country: Optional[str] = Query(None, description="ISO 3166 alpha-3 code of an actor, recipient or location."),
    since: Optional[date] = Query(None, description="On or after this day (YYYY-MM-DD); else the article's date."),
    until: Optional[date] = Query(None, description="On or before this day (YYYY-MM-DD)."),
    doc: Optional[str] = Query(None, description="Only this article."),
    actor_id: Optional[str] = Query(None, description="Only events with this actor or recipient (exact actor_id)."),
) -> EventFilter:
    """The event filters, as the CLI's `events` command has them plus article and actor id."""
    return EventFilter(type=_clean(type), actor=_clean(actor), country=_clean(country), since=_iso(since),
                       until=_iso(until), doc=_clean(doc), actor_id=_clean(actor_id))


# --- links: the filters of the CLI's incidents, remarks, responses and timeline commands -------------

Relation = Literal["deny", "reject", "confirm", "decline"]
RELATIONS = get_args(Relation)


@dataclass
class IncidentFilter:
    """What `incidents` selects (store.links.incidents keywords)."""

    type: Optional[str] = None
    actor: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    min_articles: int = 1


@dataclass
class RemarkFilter:
    """What `remarks` selects (store.links.remarks keywords)."""

    speaker: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    min_reports: int = 1
    changed: bool = False


@dataclass
class ResponseFilter:
    """What `responses` selects (store.links.responses keywords)."""

    actor: Optional[str] = None
    relation: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    untargeted: bool = False


Since = Query(None, description="On or after this day (YYYY-MM-DD).")
Until = Query(None, description="On or before this day (YYYY-MM-DD).")


def incident_filter(
    type: Optional[str] = Query(None, description="PLOVER event type of the incident, e.g. SANCTION."),  # noqa: A002
    actor: Optional[str] = Query(None, description="Actor or recipient name or alias (substring) in any report."),
    since: Optional[date] = Query(None, description="A report dated (else published) on or after this day."),
    until: Optional[date] = Query(None, description="A report dated (else published) on or before this day."),
    min_articles: int = Query(1, ge=1, description="Only incidents reported by at least this many articles."),
) -> IncidentFilter:
    """The filters of the CLI's `incidents` command."""
    return IncidentFilter(type=_clean(type), actor=_clean(actor), since=_iso(since), until=_iso(until),
                          min_articles=min_articles)


def remark_filter(
    speaker: Optional[str] = Query(None, description="Speaker name or alias (case-insensitive substring)."),
    since: Optional[date] = Query(None, description="A wording said on or after this day (YYYY-MM-DD)."),
    until: Optional[date] = Query(None, description="A wording said on or before this day (YYYY-MM-DD)."),
    min_reports: int = Query(1, ge=1, description="Only remarks quoted at least this many times."),
    changed: bool = Query(False, description="Only remarks whose quoted wordings disagree between reports."),
) -> RemarkFilter:
    """The filters of the CLI's `remarks` command."""
    return RemarkFilter(speaker=_clean(speaker), since=_iso(since), until=_iso(until), min_reports=min_reports,
                        changed=changed)


def response_filter(
    actor: Optional[str] = Query(None, description="Name or alias of the one who answers or of the one answered."),
    relation: Optional[Relation] = Query(None, description="Only answers of this kind."),
    since: Optional[date] = Since,
    until: Optional[date] = Until,
    untargeted: bool = Query(False, description="Also answers whose claim or incident was not found."),
) -> ResponseFilter:
    """The filters of the CLI's `responses` command."""
    return ResponseFilter(actor=_clean(actor), relation=relation, since=_iso(since), until=_iso(until),
                          untargeted=untargeted)
