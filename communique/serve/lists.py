"""Pages over the link queries, and an actor's positions for exactly one actor id.

The store answers link queries with whole lists (groups are read whole so that their summaries are
always current); the API and dashboard cut those lists into pages here, with cursors shaped like the
other endpoints' ones.
"""

from __future__ import annotations

from typing import Any, Optional

from communique.store import Store
from communique.store.queries import BadCursor, EventFilter, Page, decode_cursor, encode_cursor

Row = dict[str, Any]


def page(items: list[Row], kind: str, limit: int, cursor: Optional[str]) -> Page:
    """Up to `limit` items after the cursor's, and the cursor of the next page (None on the last)."""
    start = _resume(items, kind, cursor)
    chunk = items[start:start + limit]
    end = start + len(chunk)
    more = bool(chunk) and end < len(items)
    return Page(chunk, encode_cursor([kind, end, chunk[-1]["id"]]) if more else None)


def _resume(items: list[Row], kind: str, cursor: Optional[str]) -> int:
    """Where the page after the cursor starts.

    The cursor names the last item shown and its position. Articles added between two requests move
    positions, so the page continues after that item wherever it now is; only when it is gone (its
    group merged into another since) does the position decide.
    """
    key = decode_cursor(cursor, (str, int, str))
    if key is None:
        return 0
    tag, end, last = key
    if tag != kind or end < 1:
        raise BadCursor("cursor is not one this server handed out")
    if end <= len(items) and items[end - 1]["id"] == last:
        return end
    for i, item in enumerate(items):
        if item["id"] == last:
            return i + 1
    return min(end, len(items))


def actor_positions(store: Store, actor_id: str, name: str, since: Optional[str] = None,
                    until: Optional[str] = None) -> tuple[list[Row], dict[str, Row]]:
    """The timeline rows (positions, answers given and drawn) of exactly this actor, and the answers among
    them by id (with the statement each answers).

    The store's timeline takes a name, as the CLI does, and so also holds actors whose name contains
    this one's ("Anna Berg" in "Anna Bergman"). Those rows are dropped here by actor id, and an answer
    between two such actors is labelled from this actor's side.
    """
    rows = store.links.timeline(name, since=since, until=until)
    answers = {r["id"]: r for r in store.links.responses(actor=name)}
    if store.links.actor_ids(name) == [actor_id]:
        return rows, answers
    own_events: Optional[set[str]] = None
    out = []
    for row in rows:
        if row["kind"] == "position":
            if own_events is None:
                done = store.event_page(EventFilter(actor_id=actor_id, role="actor"), None).items
                own_events = {e["id"] for e in done}
            if row["id"] in own_events:
                out.append(row)
            continue
        resp = answers.get(row["id"])
        if resp is None:
            continue
        if resp["actor_id"] == actor_id:
            out.append({**row, "kind": "answer"})
        elif (resp["answers"] or {}).get("actor_id") == actor_id:
            out.append({**row, "kind": "answered"})
    # The store's order (date, kind, id), kept after relabelling.
    return sorted(out, key=lambda r: (r["date"] or "", r["kind"], r["id"])), answers
