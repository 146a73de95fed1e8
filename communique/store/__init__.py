"""The store: articles, their statements and events, and actors kept across articles.

An SQLite file by default, or a PostgreSQL database for teams (`--db postgresql://...`); the
differences live in backend.py and schema.py, never here."""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from communique.store import queries as q
from communique.store.actors import ActorRegistry
from communique.store.queries import EventFilter, Page, StatementFilter
from communique.store.backend import Db, is_postgres, open_db
from communique.store.schema import SQLITE_SCHEMA, migrate
from communique.records import Event, Result, Statement

SCHEMA = SQLITE_SCHEMA  # version 0 of an SQLite store (older tests and tools build one from it)

DateLike = Union[date, str, None]


def text_hash(text: str) -> str:
    """sha256 of the text with line endings normalised, so a CRLF copy is the same article."""
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def first_day(value: Optional[str]) -> Optional[str]:
    """The first day of an ISO date or interval value ("2026-03-07/2026-03-08" -> "2026-03-07")."""
    if not value:
        return None
    head = value.split("/")[0].strip()
    if len(head) == 7:  # 2026-03
        head += "-01"
    elif len(head) == 4 and head.isdigit():  # 2026
        head += "-01-01"
    elif "W" in head and head.count("-") == 1:  # 2026-W11: its Monday
        head += "-1"
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        return None


class Store:
    """A store of articles, statements, events and actors: an SQLite file or a PostgreSQL database."""

    def __init__(self, path: Union[str, Path], threads: bool = False, links: bool = True):
        """Open (creating or migrating) the store at a file path or postgresql:// URL; `threads` lets
        other threads use an SQLite connection, which the caller then serialises; `links` links each added
        article to incidents, remarks and answers."""
        self.path = str(path)
        self.db: Db = open_db(self.path, threads)
        migrate(self.db)
        self._rows: dict[str, list[dict[str, Any]]] = {}
        # Renaming an actor or filling in its facts rewrites stored records: the queued ones must be stored first.
        self.actors_registry = ActorRegistry(self.db, before_rewrite=self._flush_rows)
        from communique.store.links import LinkStore  # imports this module, so not at the top

        self.links = LinkStore(self)  # its tables always exist; `links` only decides linking at ingest
        self.linking = links

    @property
    def postgres(self) -> bool:
        """Whether this store is a PostgreSQL database."""
        return is_postgres(self.path)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[Db]:
        """One transaction holding the write lock: everything inside is written whole or not at all
        (nested calls join it). It starts by reading the actors other writers added meanwhile."""
        if self.db.in_transaction:
            yield self.db
            return
        try:
            with self.db.transaction():
                self.actors_registry.refresh()
                yield self.db
        except BaseException:
            self._rows = {}
            self.actors_registry.reload()  # forget actors created by the rolled-back transaction
            raise

    # --- writing -----------------------------------------------------------------------------------

    def add(self, result: Result) -> bool:
        """Write one article and its records in one transaction; False if its text is already stored.

        The records are updated in place: actor ids, names completed from known actors, and ids
        renamed when the article id had to take a suffix.
        """
        art = result.article
        digest = text_hash(art.text)
        with self.atomic():
            doc = self._insert_article(art, digest)
            if doc is None:
                return False
            if doc != art.id:
                _rename(result, art.id, doc)
            published = _iso(art.published)
            self.actors_registry.resolve_all([st.speaker for st in result.statements if st.speaker is not None]
                                             + [ref for ev in result.events for ref in [*ev.actors, *ev.recipients]])
            for st in result.statements:
                self._insert_statement(st, published)
            for ev in result.events:
                self._insert_event(ev, published)
            self._flush_rows()  # linking reads this article's rows back
            if self.linking:
                self.links.add(result)
        return True

    def _insert_article(self, art: Any, digest: str) -> Optional[str]:
        """Insert the article row under its id (or the first free `id-N`); None if its text is stored.

        The unique constraints decide, not a look-up before the insert: of two writers racing with
        the same text, exactly one gets the row."""
        row = (art.title, _iso(art.published), art.source, art.url, art.path, art.text, digest,
               datetime.now(timezone.utc).isoformat(timespec="seconds"))
        n = 1
        while True:
            doc = art.id if n == 1 else f"{art.id}-{n}"
            got = self.db.execute(
                "INSERT INTO articles (doc, title, published, source, url, path, text, text_hash, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id", (doc, *row)).fetchall()
            if got:
                return doc
            if self.db.execute("SELECT 1 FROM articles WHERE text_hash = ?", (digest,)).fetchone():
                return None  # the conflict was the text: already stored
            n += 1  # the conflict was the id: another text uses it

    def add_batch(self, results: list[Result]) -> list[bool]:
        """Write several articles in one transaction (one commit for all); which ones were new.

        Each article is still whole or absent. If the batch fails, its articles are written one
        transaction each, so only the one that fails is lost (and its error raised)."""
        try:
            with self.atomic():
                return [self.add(r) for r in results]
        except Exception:  # noqa: BLE001 - retried one by one below, where the culprit raises
            if len(results) == 1:
                raise
        added, error = [], None
        for r in results:
            try:
                added.append(self.add(r))
            except Exception as exc:  # noqa: BLE001 - the others still go in; the first error is raised
                added.append(False)
                error = error or exc
        if error is not None:
            raise error
        return added

    def _insert_statement(self, st: Statement, published: Optional[str]) -> None:
        """One statements row, with the full record as JSON; `day` falls back to the publication date."""
        sp, cue, ad, dt = st.speaker, st.cue, st.addressee, st.date
        row = {
            "id": st.id, "doc": st.doc, "kind": st.kind,
            "content_text": st.content.text, "content_start": st.content.start, "content_end": st.content.end,
            "parts": json.dumps([list(p) for p in st.content.parts]),
            "speaker_text": sp and sp.text, "speaker_start": sp and sp.start, "speaker_end": sp and sp.end,
            "speaker_name": sp and sp.name, "speaker_role": sp and sp.role, "speaker_country": sp and sp.country,
            "speaker_sector": sp and sp.sector, "actor_id": sp and sp.actor_id,
            "cue_text": cue and cue.text, "cue_start": cue and cue.start, "cue_end": cue and cue.end,
            "cue_lemma": cue and cue.lemma,
            "addressee_text": ad and ad.text, "addressee_start": ad and ad.start, "addressee_end": ad and ad.end,
            "addressee_name": ad and ad.name,
            **_date_columns(dt), "said_on": first_day(dt and dt.value),
            "day": first_day(dt and dt.value) or published or "",
            "confidence": st.confidence, "json": json.dumps(st.to_dict(), ensure_ascii=False),
        }
        self._insert("statements", row)

    def _insert_event(self, ev: Event, published: Optional[str]) -> None:
        """One events row plus one event_actors row per actor and recipient."""
        loc = ev.location
        row = {
            "id": ev.id, "doc": ev.doc, "event_type": ev.event_type, "mode": ev.mode,
            "contexts": json.dumps(ev.contexts), **_date_columns(ev.date),
            "happened_on": first_day(ev.date and ev.date.value),
            "day": first_day(ev.date and ev.date.value) or published or "",
            "location_text": loc and loc.text, "location_start": loc and loc.start, "location_end": loc and loc.end,
            "location_name": loc and loc.name, "location_country": loc and loc.country,
            "trigger_text": ev.trigger.text, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "negated": int(ev.negated), "future": int(ev.future), "hypothetical": int(ev.hypothetical),
            "claimed_by": ev.claimed_by, "confidence": ev.confidence,
            "json": json.dumps(ev.to_dict(), ensure_ascii=False),
        }
        self._insert("events", row)
        for role, refs in (("actor", ev.actors), ("recipient", ev.recipients)):
            for pos, ref in enumerate(refs):
                self._insert("event_actors", {
                    "event_id": ev.id, "role": role, "position": pos, "text": ref.text, "start": ref.start,
                    '"end"': ref.end, "name": ref.name, "country": ref.country, "sector": ref.sector,
                    "actor_id": ref.actor_id,
                })

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        """Queue a dict as one row of `table`; `_flush_rows` writes the queue (one executemany a table)."""
        self._rows.setdefault(table, []).append(row)

    def _flush_rows(self) -> None:
        """Write the queued rows, table by table, in the order queued (a pipelined batch on PostgreSQL)."""
        rows, self._rows = self._rows, {}
        for table, batch in rows.items():
            cols = ", ".join(batch[0])
            marks = ", ".join("?" for _ in batch[0])
            self.db.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", [tuple(r.values()) for r in batch])

    # --- queries (SQL in queries.py) --------------------------------------------------------

    def statements(self, speaker: Optional[str] = None, since: DateLike = None,
                   until: DateLike = None) -> list[dict[str, Any]]:
        """Statements as contract dicts, filtered by speaker (name, alias or mention) and when said."""
        f = StatementFilter(speaker=speaker, since=_iso(since), until=_iso(until))
        return q.statements_page(self.db, f, limit=None).items

    def events(self, type: Optional[str] = None, actor: Optional[str] = None,  # noqa: A002 - CLI name
               country: Optional[str] = None, since: DateLike = None,
               until: DateLike = None) -> list[dict[str, Any]]:
        """Events as contract dicts, filtered by PLOVER type, actor or recipient, country and date."""
        f = EventFilter(type=type, actor=actor, country=country, since=_iso(since), until=_iso(until))
        return q.events_page(self.db, f, limit=None).items

    def actors(self) -> list[dict[str, Any]]:
        """Every known actor with its aliases and how many statements and events name it."""
        return q.actors_page(self.db, limit=None).items

    def statement_page(self, f: StatementFilter, limit: Optional[int] = q.DEFAULT_LIMIT,
                       cursor: Optional[str] = None) -> Page:
        """One page of statements matching `f` (limit None: all of them)."""
        return q.statements_page(self.db, f, limit, cursor)

    def event_page(self, f: EventFilter, limit: Optional[int] = q.DEFAULT_LIMIT, cursor: Optional[str] = None) -> Page:
        """One page of events matching `f` (limit None: all of them)."""
        return q.events_page(self.db, f, limit, cursor)

    def article_page(self, text: Optional[str] = None, limit: int = q.DEFAULT_LIMIT,
                     cursor: Optional[str] = None) -> Page:
        """One page of articles (newest first, no text); `text` is a full-text query."""
        return q.articles_page(self.db, text, limit, cursor)

    def actor_page(self, name: Optional[str] = None, limit: int = q.DEFAULT_LIMIT, cursor: Optional[str] = None) -> Page:
        """One page of actors by name; `name` matches names and aliases."""
        return q.actors_page(self.db, name, limit, cursor)

    def article_detail(self, doc: str) -> Optional[dict[str, Any]]:
        """An article with its text, statements and events, or None."""
        return q.article_detail(self.db, doc)

    def article_detail_for_text(self, text: str) -> Optional[dict[str, Any]]:
        """The stored article with this text (line endings aside), or None."""
        doc = self.doc_for_text(text)
        return q.article_detail(self.db, doc) if doc else None

    def doc_for_text(self, text: str) -> Optional[str]:
        """The id of the stored article with this text (line endings aside), or None."""
        return q.doc_by_text_hash(self.db, text_hash(text))

    def actor_profile(self, actor_id: str) -> Optional[dict[str, Any]]:
        """An actor's profile: name, role, country, sector, aliases, offices, counts; or None."""
        return q.actor_profile(self.db, actor_id)

    def timeline(self, actor_id: str, limit: int = q.DEFAULT_LIMIT, cursor: Optional[str] = None) -> Page:
        """An actor's statements and events in date order."""
        return q.timeline_page(self.db, actor_id, limit, cursor)

    def said_about(self, actor_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """Statements by others that name the actor."""
        return q.said_about(self.db, actor_id, limit)

    def article_texts(self, docs: list[str]) -> dict[str, str]:
        """The texts of the named articles, by id."""
        return q.article_texts(self.db, docs)

    def overview(self) -> dict[str, Any]:
        """Totals, records by day, top speakers and event types by country pair."""
        return {"counts": self.counts(), **q.overview(self.db)}

    def counts(self) -> dict[str, int]:
        """Number of rows in each main table."""
        tables = ("articles", "statements", "events", "actors")
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    def article(self, doc: str) -> Optional[dict[str, Any]]:
        """One article row (text, publication date, ...) by its id, or None."""
        row = self.db.execute(f"SELECT {q.ARTICLE_COLUMNS} FROM articles WHERE doc = ?", (doc,)).fetchone()
        return dict(row) if row else None


def _date_columns(dt: Any) -> dict[str, Any]:
    """The date_* columns of a DateRef (all None without one)."""
    return {
        "date_text": dt and dt.text, "date_start": dt and dt.start, "date_end": dt and dt.end,
        "date_value": dt and dt.value, "date_precision": dt and dt.precision,
    }


def _iso(value: DateLike) -> Optional[str]:
    """A date or datetime as YYYY-MM-DD; strings pass through."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rename(result: Result, old: str, new: str) -> None:
    """Give the article and every record the new id (record ids keep their counters)."""
    def swap(rid: Optional[str]) -> Optional[str]:
        if rid and rid.startswith(old) and not rid[len(old):len(old) + 1].isalnum():
            return new + rid[len(old):]
        return rid

    result.article.id = new
    for st in result.statements:
        st.id, st.doc = swap(st.id), new
    for ev in result.events:
        ev.id, ev.doc, ev.claimed_by = swap(ev.id), new, swap(ev.claimed_by)

