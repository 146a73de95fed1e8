"""Read queries of the store: filtered, keyset-paginated lists, search, actor pages and overview counts.

All SQL for reading lives here (and in store.py); callers get plain dicts, records exactly as the
JSON Lines contract has them.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from typing import Any, Optional

Row = dict[str, Any]
ARTICLE_COLUMNS = "id, doc, title, published, source, url, path, text, text_hash, ingested_at"
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


class BadCursor(ValueError):
    """A pagination cursor that this store did not hand out."""


@dataclass
class StatementFilter:
    """What `statements` selects: the CLI's filters plus full text, article and exact actor id."""

    speaker: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    q: Optional[str] = None
    doc: Optional[str] = None
    actor_id: Optional[str] = None


@dataclass
class EventFilter:
    """What `events` selects: the CLI's filters plus article and exact actor id (optionally in one role)."""

    type: Optional[str] = None
    actor: Optional[str] = None
    country: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    doc: Optional[str] = None
    actor_id: Optional[str] = None
    role: Optional[str] = None  # "actor" or "recipient", with actor_id


@dataclass
class Page:
    """One page of a list and the cursor of the next one (None on the last page)."""

    items: list[Row] = field(default_factory=list)
    next_cursor: Optional[str] = None


def encode_cursor(key: list[Any]) -> str:
    """An opaque cursor for a sort key."""
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: Optional[str], shape: tuple[type, ...]) -> Optional[list[Any]]:
    """The sort key inside a cursor, checked against the expected types."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise BadCursor("cursor is not one this server handed out") from None
    if not isinstance(key, list) or len(key) != len(shape) or not all(isinstance(k, t) for k, t in zip(key, shape)):
        raise BadCursor("cursor is not one this server handed out")
    return key


def fts_terms(text: str) -> list[str]:
    """What a person typed as search terms: each "quoted phrase" and each word, only word characters kept."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if phrase and words:
            terms.append(" ".join(words))
        else:
            terms += words
    return terms


def fts_query(text: str) -> Optional[str]:
    """The FTS5 form of the terms (all required), or None when there are none."""
    return " AND ".join(f'"{t}"' for t in fts_terms(text)) or None


def _page(rows: list[Any], limit: int, key: Any) -> Page:
    """Records of up to `limit` rows (one extra was fetched to know whether more follow)."""
    more = len(rows) > limit
    rows = rows[:limit]
    return Page([json.loads(r["json"]) for r in rows], encode_cursor(key(rows[-1])) if more and rows else None)


def like_pattern(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, with the pattern characters taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _dates(where: list[str], args: list[Any], since: Optional[str], until: Optional[str], col: str) -> None:
    """Inclusive since/until on a `day` column ('' means no date known, which only unbounded lists keep)."""
    if since:
        where.append(f"{col} >= ?")
        args.append(since)
    if until:
        where.append(f"{col} != '' AND {col} <= ?")
        args.append(until)


def _text_match(db: Any, where: list[str], q: Optional[str], index: str, alias: str) -> list[Any]:
    """A full-text condition on statements or articles; a query with no words matches nothing."""
    if q is None or not q.strip():
        return []
    terms = fts_terms(q)
    if not terms:
        where.append("1 = 0")
        return []
    cond, args = db.match(alias, index, terms)
    where.append(cond)
    return args


def statement_conditions(db: Any, f: StatementFilter) -> tuple[list[str], list[Any]]:
    """WHERE conditions and arguments for a statement filter (table alias s)."""
    where: list[str] = []
    args: list[Any] = []
    if f.speaker:
        like = like_pattern(f.speaker)
        where.append(f"({contains('s.speaker_name')} OR {contains('s.speaker_text')} OR s.actor_id IN"
                     f" (SELECT actor_id FROM actor_aliases WHERE {contains('alias')}))")
        args += [like, like, like]
    if f.doc:
        where.append("s.doc = ?")
        args.append(f.doc)
    if f.actor_id:
        where.append("s.actor_id = ?")
        args.append(f.actor_id)
    _dates(where, args, f.since, f.until, "s.day")
    args += _text_match(db, where, f.q, "statements", "s")
    return where, args


def event_conditions(f: EventFilter) -> tuple[list[str], list[Any]]:
    """WHERE conditions and arguments for an event filter (table alias e)."""
    where: list[str] = []
    args: list[Any] = []
    if f.type:
        where.append("e.event_type = ?")
        args.append(f.type.upper())
    if f.actor:
        like = like_pattern(f.actor)
        where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE {contains('name')} OR {contains('text')}"
                     f" OR actor_id IN (SELECT actor_id FROM actor_aliases WHERE {contains('alias')}))")
        args += [like, like, like]
    if f.country:
        where.append("(e.location_country = ? OR e.id IN (SELECT event_id FROM event_actors WHERE country = ?))")
        args += [f.country.upper(), f.country.upper()]
    if f.doc:
        where.append("e.doc = ?")
        args.append(f.doc)
    if f.actor_id:
        role = " AND role = ?" if f.role else ""
        where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?{role})")
        args += [f.actor_id] + ([f.role] if f.role else [])
    _dates(where, args, f.since, f.until, "e.day")
    return where, args


def contains(column: str) -> str:
    """`column` contains the next parameter, a `like_pattern`, ignoring case (the same on both backends)."""
    return f"lower({column}) LIKE lower(?) ESCAPE '\\'"


def _where(conds: list[str]) -> str:
    """A WHERE clause joining conditions with AND, or nothing."""
    return " WHERE " + " AND ".join(conds) if conds else ""


def _keyset(where: list[str], args: list[Any], cols: str, key: Optional[list[Any]], op: str = ">") -> None:
    """Rows after the cursor's sort key (row values compare column by column)."""
    if key is not None:
        where.append(f"({cols}) {op} ({', '.join('?' for _ in key)})")
        args += key


def statements_page(db: Any, f: StatementFilter, limit: Optional[int] = DEFAULT_LIMIT,
                    cursor: Optional[str] = None) -> Page:
    """Statements in date order (then as stored); `limit=None` returns them all."""
    where, args = statement_conditions(db, f)
    _keyset(where, args, "s.day, s.rowid", decode_cursor(cursor, (str, int)))
    sql = f"SELECT s.day, s.rowid AS rid, s.json FROM statements s{_where(where)} ORDER BY s.day, s.rowid"
    if limit is None:
        return Page([json.loads(r["json"]) for r in db.execute(sql, args)])
    rows = db.execute(sql + " LIMIT ?", [*args, limit + 1]).fetchall()
    return _page(rows, limit, lambda r: [r["day"], r["rid"]])


def events_page(db: Any, f: EventFilter, limit: Optional[int] = DEFAULT_LIMIT,
                cursor: Optional[str] = None) -> Page:
    """Events in date order (then as stored); `limit=None` returns them all."""
    where, args = event_conditions(f)
    _keyset(where, args, "e.day, e.rowid", decode_cursor(cursor, (str, int)))
    sql = f"SELECT e.day, e.rowid AS rid, e.json FROM events e{_where(where)} ORDER BY e.day, e.rowid"
    if limit is None:
        return Page([json.loads(r["json"]) for r in db.execute(sql, args)])
    rows = db.execute(sql + " LIMIT ?", [*args, limit + 1]).fetchall()
    return _page(rows, limit, lambda r: [r["day"], r["rid"]])


def articles_page(db: Any, q: Optional[str] = None, limit: int = DEFAULT_LIMIT,
                  cursor: Optional[str] = None) -> Page:
    """Articles, newest stored first, without their text; `q` searches title and text."""
    where: list[str] = []
    args = _text_match(db, where, q, "articles", "a")
    _keyset(where, args, "a.id", decode_cursor(cursor, (int,)), op="<")
    rows = db.execute(
        "SELECT a.id, a.doc, a.title, a.published, a.source, a.url, a.ingested_at,"
        " (SELECT COUNT(*) FROM statements s WHERE s.doc = a.doc) AS statements,"
        " (SELECT COUNT(*) FROM events e WHERE e.doc = a.doc) AS events"
        f" FROM articles a{_where(where)} ORDER BY a.id DESC LIMIT ?", [*args, limit + 1]).fetchall()
    more = len(rows) > limit
    items = [_article_summary(r) for r in rows[:limit]]
    return Page(items, encode_cursor([rows[limit - 1]["id"]]) if more else None)


def _article_summary(r: Any) -> Row:
    """An article row as the API shows it in lists."""
    return {"id": r["doc"], "title": r["title"], "published": r["published"], "source": r["source"],
            "url": r["url"], "ingested_at": r["ingested_at"], "statements": r["statements"], "events": r["events"]}


def article_detail(db: Any, doc: str) -> Optional[Row]:
    """An article with its text and every statement and event, in text order."""
    r = db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE doc = ?", (doc,)).fetchone()
    if r is None:
        return None
    out = {"id": r["doc"], "title": r["title"], "published": r["published"], "source": r["source"],
           "url": r["url"], "ingested_at": r["ingested_at"], "text": r["text"]}
    out["statements"] = [json.loads(x[0]) for x in db.execute(
        "SELECT json FROM statements WHERE doc = ? ORDER BY rowid", (doc,))]
    out["events"] = [json.loads(x[0]) for x in db.execute("SELECT json FROM events WHERE doc = ? ORDER BY rowid", (doc,))]
    return out


_ACTOR_COLUMNS = (
    "SELECT a.actor_id, a.name, a.kind, a.country, a.sector, a.role,"
    " (SELECT COUNT(*) FROM statements s WHERE s.actor_id = a.actor_id) AS statements,"
    " (SELECT COUNT(DISTINCT event_id) FROM event_actors x WHERE x.actor_id = a.actor_id) AS events,"
    " (SELECT string_agg(alias, ';') FROM actor_aliases l WHERE l.actor_id = a.actor_id) AS aliases,"
    " lower(a.name) AS sort_name FROM actors a"
)


def _actor(r: Any) -> Row:
    """An actors row with its aliases as a sorted list."""
    d = dict(r)
    d.pop("sort_name", None)
    d["aliases"] = sorted(d["aliases"].split(";")) if d["aliases"] else []
    return d


def actors_page(db: Any, name: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT,
                cursor: Optional[str] = None) -> Page:
    """Actors by name with aliases and counts; `name` matches a name or alias anywhere."""
    where: list[str] = []
    args: list[Any] = []
    if name:
        where.append(f"({contains('a.name')} OR a.actor_id IN"
                     f" (SELECT actor_id FROM actor_aliases WHERE {contains('alias')}))")
        args += [like_pattern(name), like_pattern(name)]
    _keyset(where, args, "lower(a.name), a.actor_id", decode_cursor(cursor, (str, str)))
    sql = f"{_ACTOR_COLUMNS}{_where(where)} ORDER BY sort_name, a.actor_id"
    if limit is None:
        return Page([_actor(r) for r in db.execute(sql, args)])
    rows = db.execute(sql + " LIMIT ?", [*args, limit + 1]).fetchall()
    more = len(rows) > limit
    last = rows[limit - 1] if more else None
    return Page([_actor(r) for r in rows[:limit]], encode_cursor([last["sort_name"], last["actor_id"]]) if last else None)


def actor_profile(db: Any, actor_id: str) -> Optional[Row]:
    """Who an actor is: the actors row, aliases, the offices seen in statements, and counts."""
    r = db.execute(f"{_ACTOR_COLUMNS} WHERE a.actor_id = ?", (actor_id,)).fetchone()
    if r is None:
        return None
    out = _actor(r)
    out["offices"] = [
        {"title": o[0], "first_seen": o[1] or None, "last_seen": o[2] or None, "statements": o[3]}
        for o in db.execute(
            "SELECT speaker_role, MIN(NULLIF(day, '')), MAX(NULLIF(day, '')), COUNT(*) FROM statements"
            " WHERE actor_id = ? AND speaker_role IS NOT NULL GROUP BY speaker_role ORDER BY 2, 1", (actor_id,))
    ]
    role_counts = dict(db.execute(
        "SELECT role, COUNT(DISTINCT event_id) FROM event_actors WHERE actor_id = ? GROUP BY role", (actor_id,)))
    out["counts"] = {
        "statements": out["statements"],
        "events_as_actor": role_counts.get("actor", 0),
        "events_as_recipient": role_counts.get("recipient", 0),
        "articles": db.execute(
            "SELECT COUNT(*) FROM (SELECT doc FROM statements WHERE actor_id = ? UNION SELECT e.doc FROM events e"
            " JOIN event_actors x ON x.event_id = e.id WHERE x.actor_id = ?) AS t", (actor_id, actor_id)).fetchone()[0],
    }
    return out


def timeline_page(db: Any, actor_id: str, limit: int = DEFAULT_LIMIT,
                  cursor: Optional[str] = None) -> Page:
    """What an actor said (statements) and did or had done to them (events), in date order."""
    key = decode_cursor(cursor, (str, int, int))
    after, args = "", [actor_id, actor_id]
    if key is not None:
        after = " WHERE (day, k, rid) > (?, ?, ?)"
        args += key
    rows = db.execute(
        "SELECT * FROM (SELECT s.day, 0 AS k, s.rowid AS rid, s.json FROM statements s WHERE s.actor_id = ?"
        " UNION ALL SELECT e.day, 1 AS k, e.rowid AS rid, e.json FROM events e WHERE e.id IN"
        f" (SELECT event_id FROM event_actors WHERE actor_id = ?)) AS t{after} ORDER BY day, k, rid LIMIT ?",
        [*args, limit + 1]).fetchall()
    return _page(rows, limit, lambda r: [r["day"], r["k"], r["rid"]])


def said_about(db: Any, actor_id: str, limit: int = 20) -> list[Row]:
    """Statements by others whose content names the actor (by name or alias), latest first."""
    names = [r[0] for r in db.execute(
        "SELECT name FROM actors WHERE actor_id = ? UNION SELECT alias FROM actor_aliases WHERE actor_id = ?",
        (actor_id, actor_id))]
    phrases = [" ".join(t) for t in (fts_terms('"' + n.replace('"', " ") + '"') for n in names) if t]
    if not phrases:
        return []
    match, args = db.match("s", "statements", phrases, any_term=True)
    rows = db.execute(f"SELECT s.json FROM statements s WHERE {match} AND s.actor_id IS DISTINCT FROM ?"
                      " ORDER BY s.day DESC, s.rowid DESC LIMIT ?", (*args, actor_id, limit))
    return [json.loads(r[0]) for r in rows]


def overview(db: Any, top: int = 10) -> Row:
    """Counts for the overview page: totals, records by day, top speakers, event types by country pair."""
    by_day: dict[str, dict[str, int]] = {}
    for table in ("statements", "events"):
        for day, n in db.execute(f"SELECT day, COUNT(*) FROM {table} WHERE day != '' GROUP BY day"):
            by_day.setdefault(day, {"statements": 0, "events": 0})[table] = n
    speakers = db.execute(
        "SELECT s.actor_id, a.name, COUNT(*) AS n FROM statements s JOIN actors a ON a.actor_id = s.actor_id"
        " GROUP BY s.actor_id, a.name ORDER BY n DESC, a.name LIMIT ?", (top,))
    pairs = db.execute(
        "SELECT x.country AS source, y.country AS target, e.event_type, COUNT(DISTINCT e.id) AS n FROM events e"
        " JOIN event_actors x ON x.event_id = e.id AND x.role = 'actor' AND x.country IS NOT NULL"
        " JOIN event_actors y ON y.event_id = e.id AND y.role = 'recipient' AND y.country IS NOT NULL"
        " WHERE x.country != y.country GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?", (top * 3,))
    types = db.execute("SELECT event_type, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
    return {
        "by_day": [{"day": d, **c} for d, c in sorted(by_day.items())],
        "top_speakers": [{"actor_id": r[0], "name": r[1], "statements": r[2]} for r in speakers],
        "country_pairs": [{"source": r[0], "target": r[1], "event_type": r[2], "events": r[3]} for r in pairs],
        "event_types": [{"event_type": r[0], "events": r[1]} for r in types],
    }


def doc_by_text_hash(db: Any, digest: str) -> Optional[str]:
    """The id of the stored article with this text hash."""
    r = db.execute("SELECT doc FROM articles WHERE text_hash = ?", (digest,)).fetchone()
    return r[0] if r else None


def article_texts(db: Any, docs: list[str]) -> dict[str, str]:
    """The text of each named article (unknown ids are left out)."""
    docs = sorted(set(docs))
    out: dict[str, str] = {}
    for i in range(0, len(docs), 500):  # stay under SQLite's limit on bound parameters
        chunk = docs[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(db.execute(f"SELECT doc, text FROM articles WHERE doc IN ({marks})", chunk).fetchall())
    return out
