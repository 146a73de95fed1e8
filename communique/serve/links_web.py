"""Dashboard pages over the links: incidents, remarks and responses, listed, filtered, downloaded and shown
side by side."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from communique import output_links
from communique.serve import downloads, linkviews, lists
from communique.serve.params import RELATIONS, IncidentFilter, RemarkFilter, ResponseFilter
from communique.serve.web import PAGE, _cursor, _next_url, _store, render

router = APIRouter(include_in_schema=False)
TEXT, DATE, COUNT, FLAG = "text", "date", "count", "flag"
# Each list: its form fields and kinds, the store filter, and the CSV layout of the CLI's --format csv.
LISTS: dict[str, dict[str, Any]] = {
    "incidents": {"fields": {"type": TEXT, "actor": TEXT, "since": DATE, "until": DATE, "min_articles": COUNT},
                  "filter": IncidentFilter, "row": output_links.incident_row,
                  "columns": output_links.INCIDENT_COLUMNS},
    "remarks": {"fields": {"speaker": TEXT, "since": DATE, "until": DATE, "min_reports": COUNT, "changed": FLAG},
                "filter": RemarkFilter, "row": output_links.remark_row, "columns": output_links.REMARK_COLUMNS},
    "responses": {"fields": {"actor": TEXT, "relation": RELATIONS, "since": DATE, "until": DATE, "untargeted": FLAG},
                  "filter": ResponseFilter, "row": output_links.response_row,
                  "columns": output_links.RESPONSE_COLUMNS},
}


def link_form(request: Request, kind: str) -> tuple[Any, dict[str, str], list[str]]:
    """The store filter from a list's form, the fields as typed (for the form and the URL), and a message
    for each value that cannot be used (that filter is dropped, not the page)."""
    values: dict[str, Any] = {}
    shown: dict[str, str] = {}
    errors: list[str] = []
    for name, field in LISTS[kind]["fields"].items():
        raw = request.query_params.get(name, "").strip()
        if not raw:
            continue
        value, problem = _value(raw, field)
        if problem:
            errors.append(f"{name}: {raw!r} {problem}")
            continue
        values[name] = value
        shown[name] = raw
    return LISTS[kind]["filter"](**values), shown, errors


def _value(raw: str, field: Any) -> tuple[Any, Optional[str]]:
    """A form value as the filter takes it, or the reason it cannot be used."""
    if field == DATE:
        try:
            return date.fromisoformat(raw).isoformat(), None
        except ValueError:
            return None, "is not a date (YYYY-MM-DD)"
    if field == COUNT:
        return (int(raw), None) if raw.isdigit() and int(raw) >= 1 else (None, "is not a whole number of 1 or more")
    if field == FLAG:
        return raw.lower() not in ("0", "false", "off", "no"), None
    if isinstance(field, tuple):
        return (raw, None) if raw in field else (None, f"is not one of {', '.join(field)}")
    return raw, None


def _fetch(request: Request, kind: str, f: Any) -> list[dict[str, Any]]:
    """Every item of a list that the filter selects."""
    return getattr(_store(request).links, kind)(**vars(f))


def _list_page(request: Request, kind: str, view: Optional[Callable[[Any], Any]] = None) -> HTMLResponse:
    """A list page: the filter form, a page of items, downloads of all of them."""
    f, shown, errors = link_form(request, kind)
    items = _fetch(request, kind, f)
    page = _cursor(lambda: lists.page(items, kind, PAGE, request.query_params.get("cursor")))
    return render(request, f"{kind}.html", params=shown, errors=errors, total=len(items), query=urlencode(shown),
                  items=[view(i) for i in page.items] if view else page.items, relations=RELATIONS,
                  next_url=_next_url(request, page.next_cursor))


def _download(request: Request, kind: str, format: str) -> StreamingResponse:  # noqa: A002
    """Every item a list's filters select, as CSV (the CLI's columns) or JSON Lines (the API's items)."""
    f, _, errors = link_form(request, kind)
    if errors:
        raise HTTPException(400, "; ".join(errors))
    if format not in ("csv", "jsonl"):
        raise HTTPException(400, "format: csv or jsonl")
    items = _fetch(request, kind, f)
    if format == "jsonl":
        body, media = downloads.jsonl_lines(items), "application/x-ndjson"
    else:
        body, media = downloads.csv_lines(map(LISTS[kind]["row"], items), LISTS[kind]["columns"]), "text/csv"
    return StreamingResponse(body, media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="communique-{kind}.{format}"'})


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(request: Request) -> HTMLResponse:
    """Incidents by date: type, who and to whom, how often and by how many sources reported."""
    return _list_page(request, "incidents")


@router.get("/incidents/download")
def incidents_download(request: Request, format: str = "csv") -> StreamingResponse:  # noqa: A002
    """Every incident the filters select."""
    return _download(request, "incidents", format)


@router.get("/incidents/{incident_id:path}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str) -> HTMLResponse:
    """All reports of one incident side by side, each linking to its sentence, and why they were joined."""
    inc = _store(request).links.incident(incident_id)
    if inc is None:
        raise HTTPException(404, f"no incident {incident_id!r} in this store")
    return render(request, "incident.html", inc=linkviews.incident_view(inc, incident_id))


@router.get("/remarks", response_class=HTMLResponse)
def remarks_page(request: Request) -> HTMLResponse:
    """Remarks by the day first said: speaker, fullest wording, how often quoted, changed wordings."""
    return _list_page(request, "remarks")


@router.get("/remarks/download")
def remarks_download(request: Request, format: str = "csv") -> StreamingResponse:  # noqa: A002
    """Every remark the filters select."""
    return _download(request, "remarks", format)


@router.get("/remarks/{remark_id:path}", response_class=HTMLResponse)
def remark_page(request: Request, remark_id: str) -> HTMLResponse:
    """Every wording of one remark side by side, the changed words marked, and how the wordings relate."""
    rem = _store(request).links.remark(remark_id)
    if rem is None:
        raise HTTPException(404, f"no remark {remark_id!r} in this store")
    return render(request, "remark.html", rem=linkviews.remark_view(rem, remark_id))


@router.get("/responses", response_class=HTMLResponse)
def responses_page(request: Request) -> HTMLResponse:
    """Answers by date, each beside the claim or incident it answers."""
    return _list_page(request, "responses", linkviews.response_view)


@router.get("/responses/download")
def responses_download(request: Request, format: str = "csv") -> StreamingResponse:  # noqa: A002
    """Every answer the filters select."""
    return _download(request, "responses", format)
