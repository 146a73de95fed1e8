"""The dashboard: server-rendered pages over the store (Jinja2, autoescaped; a little plain JS)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from communique.serve import charts, downloads, highlight, linkviews, lists, views
from communique.store import Store
from communique.store.queries import BadCursor, EventFilter, StatementFilter

router = APIRouter(include_in_schema=False)
TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
TEMPLATES.filters["seg"] = lambda s: quote(str(s), safe="")
TEMPLATES.globals.update(article_url=views.article_url, actor_url=views.actor_url)
PAGE = 50
SEARCH_FIELDS = {"statements": ("speaker", "since", "until", "q", "doc"),
                 "events": ("type", "actor", "country", "since", "until", "doc")}


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from a template."""
    html = TEMPLATES.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, reason: str) -> HTMLResponse:
    """An error as a page."""
    return render(request, "error.html", status=status, status_code=status, reason=reason)


def _store(request: Request) -> Store:
    """This thread's store connection."""
    return request.app.state.stores.reader()


def _cursor(fetch: Any) -> Any:
    """Run a paginated query; a bad cursor in the URL is a 400 page."""
    try:
        return fetch()
    except BadCursor as exc:
        raise HTTPException(400, f"cursor: {exc}") from None


def _next_url(request: Request, cursor: Optional[str], name: str = "cursor") -> Optional[str]:
    """This page's URL with the next cursor (in parameter `name`), or None on the last page."""
    if not cursor:
        return None
    params = {k: v for k, v in request.query_params.items() if k != name}
    return f"{request.url.path}?{urlencode({**params, name: cursor})}"


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    """Totals, a chart of records by day, top speakers, event types by country pair."""
    data = _store(request).overview()
    top = max((s["statements"] for s in data["top_speakers"]), default=1)
    return render(request, "overview.html", data=data, chart=charts.day_bars(data["by_day"]), top=top)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: Optional[str] = None, cursor: Optional[str] = None) -> HTMLResponse:
    """Articles, newest first; `q` searches their text."""
    page = _cursor(lambda: _store(request).article_page(q, PAGE, cursor))
    return render(request, "articles.html", page=page, q=q or "", next_url=_next_url(request, page.next_cursor))


@router.get("/articles/{doc:path}", response_class=HTMLResponse)
def article_page(request: Request, doc: str) -> HTMLResponse:
    """The text with every statement field and event trigger highlighted at its offsets."""
    art = _store(request).article_detail(doc)
    if art is None:
        raise HTTPException(404, f"no article {doc!r} in this store")
    segs = highlight.segments(art["text"], highlight.marks(art["statements"], art["events"]))
    palette = highlight.colours(art["statements"])
    legend = {}
    for st in art["statements"]:
        legend.setdefault(highlight.speaker_key(st), (views.who(st.get("speaker")), palette[highlight.speaker_key(st)]))
    texts = {doc: art["text"]}
    records = {r["id"]: r for r in art["statements"] + art["events"]}
    return render(request, "article.html", art=art, segments=segs, anchors=highlight.anchors(segs),
                  legend=list(legend.values()), records=records,
                  titles={rid: highlight.title(r) for rid, r in records.items()},
                  statements=[views.row(s, texts) for s in art["statements"]],
                  events=[views.row(e, texts) for e in art["events"]])


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, name: Optional[str] = None, cursor: Optional[str] = None) -> HTMLResponse:
    """Actors by name, with counts."""
    page = _cursor(lambda: _store(request).actor_page(name, PAGE, cursor))
    return render(request, "actors.html", page=page, name=name or "", next_url=_next_url(request, page.next_cursor))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, cursor: Optional[str] = None,
               pcursor: Optional[str] = None) -> HTMLResponse:
    """Who the actor is, their positions beside the answers to them, what they said and did, and what others
    said about them or did to them."""
    store = _store(request)
    profile = store.actor_profile(actor_id)
    if profile is None:
        raise HTTPException(404, f"no actor {actor_id!r} in this store")
    timeline = _cursor(lambda: store.timeline(actor_id, PAGE, cursor))
    done_to = store.event_page(EventFilter(actor_id=actor_id, role="recipient"), 20).items
    rows, answers = lists.actor_positions(store, actor_id, profile["name"])
    positions = _cursor(lambda: lists.page(linkviews.position_views(rows, answers), "positions", PAGE, pcursor))
    return render(request, "actor.html", actor=profile, timeline=views.rows(timeline.items, store),
                  next_url=_next_url(request, timeline.next_cursor), positions=positions.items,
                  positions_next=_next_url(request, positions.next_cursor, "pcursor"),
                  said_about=views.rows(store.said_about(actor_id, 20), store),
                  done_to=views.rows([e for e in done_to if not _acts_in(e, actor_id)], store))


def _acts_in(event: dict[str, Any], actor_id: str) -> bool:
    """True when the actor is also among the event's actors (then it is not only done to them)."""
    return any(a.get("actor_id") == actor_id for a in event["actors"])


def search_form(request: Request) -> tuple[str, dict[str, str], list[str]]:
    """Which records, the filled-in filters, and a message for each unusable one."""
    what = request.query_params.get("what", "statements")
    if what not in SEARCH_FIELDS:
        what = "statements"
    params = {k: request.query_params.get(k, "").strip() for k in SEARCH_FIELDS[what]}
    errors = []
    for k in ("since", "until"):
        if params[k]:
            try:
                date.fromisoformat(params[k])
            except ValueError:
                errors.append(f"{k}: {params[k]!r} is not a date (YYYY-MM-DD)")
                params[k] = ""
    return what, {k: v for k, v in params.items() if v}, errors


def _filter(what: str, params: dict[str, str]) -> Any:
    """The store filter for the form."""
    return StatementFilter(**params) if what == "statements" else EventFilter(**params)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, cursor: Optional[str] = None) -> HTMLResponse:
    """Statements or events by speaker/actor, country, type, dates and text; the URL is the query."""
    what, params, errors = search_form(request)
    store = _store(request)
    f = _filter(what, params)
    fetch = store.statement_page if what == "statements" else store.event_page
    page = _cursor(lambda: fetch(f, PAGE, cursor))
    query = urlencode({"what": what, **params})
    articles = store.article_page(params["q"], 10).items if params.get("q") else []
    return render(request, "search.html", what=what, params=params, errors=errors, rows=views.rows(page.items, store),
                  next_url=_next_url(request, page.next_cursor), query=query, articles=articles)


@router.get("/search/download")
def search_download(request: Request, format: str = "csv") -> StreamingResponse:  # noqa: A002
    """Every record the search matches (not only the page shown), as CSV or JSON Lines."""
    what, params, errors = search_form(request)
    if errors:
        raise HTTPException(400, "; ".join(errors))
    if format not in ("csv", "jsonl"):
        raise HTTPException(400, "format: csv or jsonl")
    store = _store(request)
    f = _filter(what, params)
    records = (store.statement_page if what == "statements" else store.event_page)(f, None).items
    if format == "jsonl":
        body, media = downloads.jsonl_lines(records), "application/x-ndjson"
    elif what == "statements":
        body, media = downloads.statement_csv(records), "text/csv"
    else:
        # Fetched here, not while streaming: the connection belongs to this thread.
        arts = {d: store.article(d) for d in {r["doc"] for r in records}}
        body, media = downloads.event_csv(records, arts.get), "text/csv"
    name = f"communique-{what}.{format}"
    return StreamingResponse(body, media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
