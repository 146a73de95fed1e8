"""The write API: POST articles (one JSON object, JSON Lines, or plain text), extracted and stored whole."""

from __future__ import annotations

import hmac
import json
import sys
from dataclasses import replace
from datetime import date
from typing import Any, Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

# The same line reader and checks as `communique ingest` for JSON Lines (required text, ISO dates, ...),
# so the API accepts exactly what ingest accepts.
from communique.ingest import _jsonl_records, _Unreadable
from communique.records import Article, Result, Skip
from communique.store import text_hash

router = APIRouter(prefix="/api", tags=["write"])

JSON_TYPES = {"application/json"}
JSONL_TYPES = {"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines"}
TEXT_TYPES = {"text/plain"}
BODY_DOC = {
    "required": True,
    "content": {
        "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
            "id": {"type": "string"}, "text": {"type": "string"}, "title": {"type": "string"},
            "published": {"type": "string", "format": "date"}, "source": {"type": "string"},
            "url": {"type": "string"}}}},
        "application/x-ndjson": {"schema": {"type": "string", "description": "One such object a line."}},
        "text/plain": {"schema": {"type": "string", "description": "The article text."}},
    },
}


def check_token(request: Request) -> None:
    """403 when the server has no token (writes off), 401 when the request lacks the right bearer token."""
    token = request.app.state.config.token
    if not token:
        raise HTTPException(403, "writes are off: start the server with --token or COMMUNIQUE_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes (declared or streamed)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body is {int(declared):,} bytes, over the {limit:,}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body is over the {limit:,}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def body_lines(body: bytes, content_type: str, doc_id: Optional[str]) -> list[bytes]:
    """The body as JSON Lines, whatever form it came in; ids default to one derived from the text."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in JSON_TYPES:
        try:
            obj = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise HTTPException(422, f"malformed JSON ({getattr(exc, 'msg', type(exc).__name__)})") from None
        lines = [json.dumps(obj, ensure_ascii=False).encode("utf-8")]
    elif kind in JSONL_TYPES:
        lines = body.split(b"\n")
    elif kind in TEXT_TYPES:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise HTTPException(422, "the text is not valid UTF-8") from None
        lines = [json.dumps({"id": doc_id, "text": text}, ensure_ascii=False).encode("utf-8")]
    else:
        raise HTTPException(415, "send application/json (one article), application/x-ndjson (one a line) "
                                 "or text/plain (the text)")
    return [_with_id(line) for line in lines]


def _with_id(line: bytes) -> bytes:
    """A record without an id gets `post-` plus a hash of its text, so posting it again finds it."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return line  # the ingest reader reports it
    if isinstance(obj, dict) and obj.get("id") in (None, "") and isinstance(obj.get("text"), str):
        obj["id"] = "post-" + text_hash(obj["text"])[:12]
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return line


def parse_articles(lines: list[bytes], max_chars: int) -> list[Article]:
    """Articles from the lines, or an HTTPException naming the first bad line (422) or long article (413)."""
    if not any(line.strip() for line in lines):
        raise HTTPException(422, "the request body is empty")
    try:
        records = list(_jsonl_records(lines, "line", "post", sys.maxsize))
    except _Unreadable as exc:
        raise HTTPException(422, f"no article: {exc}") from None
    for rec in records:
        if isinstance(rec, Skip):
            raise HTTPException(422, f"{rec.path.replace(':', ' ', 1)}: {rec.reason}")
        if len(rec.text) > max_chars:
            raise HTTPException(413, f"article {rec.id!r} is {len(rec.text):,} characters, "
                                     f"over the {max_chars:,} cap (--max-chars)")
    # The reader names its source "line"; messages about a posted article should name the article.
    return [replace(rec, path=None) for rec in records if isinstance(rec, Article)]


def store_articles(state: Any, articles: list[Article]) -> tuple[int, dict[str, Any]]:
    """Extract and store every article in one transaction; returns the status and the stored records."""
    from communique.pipeline import get_nlp, run

    options = state.config.options
    with state.stores.write_lock:
        outputs = list(run(articles, options, nlp=get_nlp(options)))
        failed = [o for o in outputs if isinstance(o, Skip)]
        if failed:
            raise HTTPException(422, f"{failed[0].path}: {failed[0].reason}")
        store = state.stores.writer()
        with store.atomic():  # which first reads the actors other processes (an ingest run) added
            added = [store.add(result) for result in outputs if isinstance(result, Result)]
        stored = [store.article_detail_for_text(a.text) for a in articles]
    items = [{"id": d["id"], "added": new, "title": d["title"], "published": d["published"],
              "statements": d["statements"], "events": d["events"]} for d, new in zip(stored, added)]
    return (201 if any(added) else 200), {"articles": items}


@router.post("/articles", summary="Add articles (bearer token required)", status_code=201,
             openapi_extra={"requestBody": BODY_DOC},
             responses={200: {"description": "Every article was already stored; nothing was written."},
                        401: {"description": "Missing or wrong bearer token."},
                        403: {"description": "Writes are off (the server has no token)."},
                        413: {"description": "The body or an article is over the size limit."},
                        415: {"description": "Unsupported content type."},
                        422: {"description": "Bad input; the detail names the line and the reason."}})
async def post_articles(
    request: Request,
    published: Optional[date] = Query(None, description="Publication date for every article (like --published)."),
    id: Optional[str] = Query(None, description="Article id for a text/plain body."),  # noqa: A002
) -> JSONResponse:
    """Extract statements and events from one article (JSON object), several (JSON Lines) or a plain text,
    and store them. All articles of a request are written in one transaction, or none is; an article whose
    text is already stored is not written again (`added: false`). Returns the stored records."""
    check_token(request)
    config = request.app.state.config
    body = await read_body(request, config.max_body)
    articles = parse_articles(body_lines(body, request.headers.get("content-type", ""), id), config.options.max_chars)
    day = published or config.options.published
    if day is not None:
        articles = [replace(a, published=day) for a in articles]
    status, payload = await run_in_threadpool(store_articles, request.app.state, articles)
    return JSONResponse(payload, status_code=status)
