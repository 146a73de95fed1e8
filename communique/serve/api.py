"""The read API: JSON over the store, keyset-paginated, records exactly as the JSON Lines contract."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from communique.serve.params import Cursor, Limit, event_filter, statement_filter
from communique.store import Store
from communique.store.queries import BadCursor, EventFilter, Page, StatementFilter

router = APIRouter(prefix="/api", tags=["read"])


def reader(request: Request) -> Store:
    """This thread's store connection."""
    return request.app.state.stores.reader()


def _page(page: Page) -> dict[str, Any]:
    """The envelope of every list: items and the cursor of the next page (null on the last)."""
    return {"items": page.items, "next_cursor": page.next_cursor}


def _paged(fetch: Any) -> dict[str, Any]:
    """Run a paginated query; a cursor this server did not make is a 422."""
    try:
        return _page(fetch())
    except BadCursor as exc:
        raise HTTPException(422, f"cursor: {exc}") from None


def _found(value: Optional[dict[str, Any]], what: str, key: str) -> dict[str, Any]:
    """The value, or a 404 naming what was not found."""
    if value is None:
        raise HTTPException(404, f"no {what} {key!r} in this store")
    return value


@router.get("/articles", summary="List articles, newest first")
def list_articles(request: Request, q: Optional[str] = Query(None, description="Full-text search in title and text."),
                  limit: int = Limit, cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """Articles without their text, with how many statements and events each has."""
    return _paged(lambda: reader(request).article_page(q, limit, cursor))


@router.get("/articles/{doc:path}", summary="One article with its statements and events")
def get_article(request: Request, doc: str = Path(description="The article id.")) -> dict[str, Any]:
    """The article's text and metadata, every statement and event, offsets into `text`."""
    return _found(reader(request).article_detail(doc), "article", doc)


@router.get("/statements", summary="List statements")
def list_statements(request: Request, f: StatementFilter = Depends(statement_filter), limit: int = Limit,
                    cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """Statements in date order (when said, else the article's publication date)."""
    return _paged(lambda: reader(request).statement_page(f, limit, cursor))


@router.get("/events", summary="List events")
def list_events(request: Request, f: EventFilter = Depends(event_filter), limit: int = Limit,
                cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """PLOVER events in date order (when they happened, else the article's publication date)."""
    return _paged(lambda: reader(request).event_page(f, limit, cursor))


@router.get("/actors", summary="List actors")
def list_actors(request: Request, name: Optional[str] = Query(None, description="Name or alias (substring)."),
                limit: int = Limit, cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """Actors by name, with aliases and how many statements and events name each."""
    return _paged(lambda: reader(request).actor_page(name, limit, cursor))


@router.get("/actors/{actor_id}", summary="One actor's profile")
def get_actor(request: Request, actor_id: str) -> dict[str, Any]:
    """Name, kind, role, country, sector, aliases, offices seen in statements, and counts."""
    return _found(reader(request).actor_profile(actor_id), "actor", actor_id)


@router.get("/actors/{actor_id}/timeline", summary="What an actor said and did, by date")
def get_timeline(request: Request, actor_id: str, limit: int = Limit, cursor: Optional[str] = Cursor) -> dict[str, Any]:
    """The actor's statements and the events they took part in (as actor or recipient), in date order."""
    store = reader(request)
    _found(store.actor_profile(actor_id), "actor", actor_id)
    return _paged(lambda: store.timeline(actor_id, limit, cursor))


@router.get("/actors/{actor_id}/said-about", summary="What others said about an actor")
def get_said_about(request: Request, actor_id: str,
                   limit: int = Query(20, ge=1, le=200, description="Statements to return.")) -> dict[str, Any]:
    """Statements by other speakers whose content names the actor (by name or alias), latest first."""
    store = reader(request)
    _found(store.actor_profile(actor_id), "actor", actor_id)
    return {"items": store.said_about(actor_id, limit), "next_cursor": None}


@router.get("/overview", summary="Counts for the overview")
def get_overview(request: Request) -> dict[str, Any]:
    """Totals, statements and events by day, top speakers, event types by country pair."""
    return reader(request).overview()
