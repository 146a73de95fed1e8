"""The API over the links: incidents, remark groups, responses and an actor's positions over time.

Items are exactly what the CLI's `incidents`, `remarks`, `responses` and `timeline` commands print as
JSON Lines; lists are pages with the same `limit`/`cursor` envelope as the other endpoints.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Optional

from fastapi import APIRouter, Depends, Path, Query, Request

from communique.serve import lists
from communique.serve.api import _found, _paged, reader
from communique.serve.params import (Cursor, IncidentFilter, Limit, RemarkFilter, ResponseFilter, _iso,
                                     incident_filter, remark_filter, response_filter)

router = APIRouter(prefix="/api", tags=["links"])
GROUP_ID = "An incident or remark id, or the id of any report in it (an event or statement id such as `doc:e1`)."


def _listed(items: list[dict[str, Any]], kind: str, limit: int, cursor: Optional[str]) -> dict[str, Any]:
    """A page of a whole list from the store; a cursor this server did not make is a 422."""
    return _paged(lambda: lists.page(items, kind, limit, cursor))


@router.get("/incidents", summary="List incidents: one happening, many reports")
def list_incidents(request: Request, f: IncidentFilter = Depends(incident_filter), limit: int = Limit,
                   cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """Incidents by date, each with every report (article, event, sentence), counts of mentions, articles
    and sources, first and last reported, the best-evidenced date, and whether any report negates it or
    all only claim it. Filters match any report."""
    return _listed(reader(request).links.incidents(**asdict(f)), "incidents", limit, cursor)


@router.get("/incidents/{incident_id:path}", summary="One incident, its reports and why they were joined")
def get_incident(request: Request, incident_id: str = Path(description=GROUP_ID)) -> dict[str, Any]:
    """The incident with its reports and `links`: each pair of reports that was joined and why (type,
    overlapping dates, which actors matched)."""
    return _found(reader(request).links.incident(incident_id), "incident", incident_id)


@router.get("/remarks", summary="List remarks: one remark quoted many times")
def list_remarks(request: Request, f: RemarkFilter = Depends(remark_filter), limit: int = Limit,
                 cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """Remark groups by the day first said: one speaker's statements that are the same remark (whole,
    partial or paraphrased quotes), with the fullest wording and the wordings that changed."""
    return _listed(reader(request).links.remarks(**asdict(f)), "remarks", limit, cursor)


@router.get("/remarks/{remark_id:path}", summary="One remark, every wording and how they relate")
def get_remark(request: Request, remark_id: str = Path(description=GROUP_ID)) -> dict[str, Any]:
    """The remark group with every report and `links`: how each pair of wordings relates (same, partial,
    paraphrase, changed), its similarity score and the reasons."""
    return _found(reader(request).links.remark(remark_id), "remark", remark_id)


@router.get("/responses", summary="List answers: denials, rejections, confirmations, no-comments")
def list_responses(request: Request, f: ResponseFilter = Depends(response_filter), limit: int = Limit,
                   cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """Answers by date, each beside the claim (`answers`) or incident it answers, with the evidence."""
    return _listed(reader(request).links.responses(**asdict(f)), "responses", limit, cursor)


@router.get("/actors/{actor_id}/positions", summary="An actor's positions over time and the answers to them")
def get_positions(request: Request, actor_id: str,
                  since: Optional[date] = Query(None, description="On or after this day (YYYY-MM-DD)."),
                  until: Optional[date] = Query(None, description="On or before this day (YYYY-MM-DD)."),
                  limit: int = Limit, cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """The actor's demands, offers and agreements, threats, refusals and concessions toward each
    counterpart (`kind` position), the answers it gave to others' claims (`answer`) and the answers its
    own claims drew (`answered`, with the claim in `answers`), by date."""
    store = reader(request)
    profile = _found(store.actor_profile(actor_id), "actor", actor_id)
    rows, _ = lists.actor_positions(store, actor_id, profile["name"], _iso(since), _iso(until))
    return _listed(rows, "positions", limit, cursor)
