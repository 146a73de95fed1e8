"""The store's schema and its migrations, for SQLite and PostgreSQL, applied in order when a store is opened.

The `schema_version` table records the last migration applied (SQLite stores written before it
existed kept the number in `PRAGMA user_version`, which is still kept in step). Each migration
runs in one write transaction and re-reads the version first, so several processes opening an
old store at once migrate it exactly once. Both backends have the same tables and columns; only
full-text search differs (FTS5 tables and triggers against generated tsvector columns).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from communique.store.backend import StoreUnavailable, _redact

# Version 0 of an SQLite store (store.py creates it; kept as it was so old files stay readable).
SQLITE_BASE = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL UNIQUE, title TEXT, published TEXT, source TEXT,
    url TEXT, path TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL UNIQUE, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES articles(doc), kind TEXT NOT NULL,
    content_text TEXT, content_start INTEGER, content_end INTEGER, parts TEXT,
    speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_name TEXT, speaker_role TEXT,
    speaker_country TEXT, speaker_sector TEXT, actor_id TEXT,
    cue_text TEXT, cue_start INTEGER, cue_end INTEGER, cue_lemma TEXT,
    addressee_text TEXT, addressee_start INTEGER, addressee_end INTEGER, addressee_name TEXT,
    date_text TEXT, date_start INTEGER, date_end INTEGER, date_value TEXT, date_precision TEXT,
    said_on TEXT, confidence REAL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES articles(doc), event_type TEXT NOT NULL, mode TEXT,
    contexts TEXT, date_text TEXT, date_start INTEGER, date_end INTEGER, date_value TEXT,
    date_precision TEXT, happened_on TEXT, location_text TEXT, location_start INTEGER,
    location_end INTEGER, location_name TEXT, location_country TEXT, trigger_text TEXT,
    trigger_start INTEGER, trigger_end INTEGER, negated INTEGER, future INTEGER, hypothetical INTEGER,
    claimed_by TEXT, confidence REAL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id), role TEXT NOT NULL, position INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, name TEXT, country TEXT, sector TEXT, actor_id TEXT);
CREATE TABLE IF NOT EXISTS actors (
    actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT, role TEXT);
CREATE TABLE IF NOT EXISTS actor_aliases (
    alias TEXT NOT NULL COLLATE NOCASE, actor_id TEXT NOT NULL REFERENCES actors(actor_id),
    PRIMARY KEY (alias, actor_id));
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc);
CREATE INDEX IF NOT EXISTS statements_actor ON statements(actor_id);
CREATE INDEX IF NOT EXISTS statements_said_on ON statements(said_on);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type);
CREATE INDEX IF NOT EXISTS events_happened_on ON events(happened_on);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(country);
CREATE INDEX IF NOT EXISTS aliases_actor ON actor_aliases(actor_id);
"""
SQLITE_SCHEMA = SQLITE_BASE + INDEXES + "CREATE INDEX IF NOT EXISTS actors_name ON actors(name COLLATE NOCASE);\n"

# Version 1 on SQLite: a sortable `day` on statements and events (when said or happened, else the
# article's publication date, '' when neither is known) and FTS5 indexes over statement contents
# and article text, kept in sync by triggers so every write path updates them in the same transaction.
SQLITE_V1 = [
    "ALTER TABLE statements ADD COLUMN day TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN day TEXT NOT NULL DEFAULT ''",
    "UPDATE statements SET day = COALESCE(said_on, (SELECT published FROM articles a WHERE a.doc = statements.doc),"
    " '')",
    "UPDATE events SET day = COALESCE(happened_on, (SELECT published FROM articles a WHERE a.doc = events.doc), '')",
    "CREATE INDEX statements_day ON statements(day)",
    "CREATE INDEX events_day ON events(day)",
    "CREATE INDEX event_actors_role ON event_actors(actor_id, role)",
    # Statement ids are TEXT keys (their rowids may change on VACUUM), so this index keeps its own copy.
    "CREATE VIRTUAL TABLE statements_fts USING fts5(id UNINDEXED, content, tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO statements_fts (id, content) SELECT id, COALESCE(content_text, '') FROM statements",
    "CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN"
    " INSERT INTO statements_fts (id, content) VALUES (new.id, COALESCE(new.content_text, '')); END",
    "CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN"
    " DELETE FROM statements_fts WHERE id = old.id; END",
    "CREATE TRIGGER statements_fts_update AFTER UPDATE OF content_text ON statements BEGIN"
    " UPDATE statements_fts SET content = COALESCE(new.content_text, '') WHERE id = old.id; END",
    # Articles have an INTEGER PRIMARY KEY, so the index can point at their rows instead of copying text.
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    " INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
    " INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text); END",
]

# Version 2 on SQLite: addressees carry a kind (listener, outlet or channel). Older records get the channel kind when
# their name is a channel noun ("statement", "briefing"), else listener: the distinction an outlet adds was not
# made then.
_CHANNEL_NAMES = ", ".join(f"'{w}'" for w in sorted(
    "statement interview interviews briefing conference remarks speech post tweet letter comments comment "
    "communique op-ed article broadcast address message video podcast platform posting account website meeting "
    "session hearing summit gaggle".split()))
ADDRESSEE_KINDS = [
    "UPDATE statements SET json = json_set(json, '$.addressee.kind', CASE WHEN"
    f" lower(json_extract(json, '$.addressee.name')) IN ({_CHANNEL_NAMES}) THEN 'channel' ELSE 'listener' END)"
    " WHERE json_extract(json, '$.addressee.name') IS NOT NULL AND json_extract(json, '$.addressee.kind') IS NULL",
]

# Version 1 on PostgreSQL: the same tables and columns as SQLite's version 1. `rowid` is an
# identity column where SQLite has its implicit rowid; full text is a generated tsvector column
# under the `communique` configuration (simple words, accents removed like FTS5's remove_diacritics).
PG_V1 = [
    "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'communique'"
    " AND cfgnamespace = current_schema()::regnamespace) THEN"
    " CREATE TEXT SEARCH CONFIGURATION communique (COPY = simple);"
    " ALTER TEXT SEARCH CONFIGURATION communique ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;"
    " END IF; END $$",
    "CREATE TABLE articles (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, doc TEXT NOT NULL UNIQUE,"
    " title TEXT, published TEXT, source TEXT, url TEXT, path TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL UNIQUE,"
    " ingested_at TEXT NOT NULL,"
    # A tsvector holds at most 1 MB: article search covers the first 200,000 characters.
    " tsv tsvector GENERATED ALWAYS AS (to_tsvector('communique', left(coalesce(title, '') || ' ' || text, 200000)))"
    " STORED)",
    "CREATE TABLE statements (rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,"
    " id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES articles(doc), kind TEXT NOT NULL,"
    " content_text TEXT, content_start INTEGER, content_end INTEGER, parts TEXT,"
    " speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_name TEXT, speaker_role TEXT,"
    " speaker_country TEXT, speaker_sector TEXT, actor_id TEXT,"
    " cue_text TEXT, cue_start INTEGER, cue_end INTEGER, cue_lemma TEXT,"
    " addressee_text TEXT, addressee_start INTEGER, addressee_end INTEGER, addressee_name TEXT,"
    " date_text TEXT, date_start INTEGER, date_end INTEGER, date_value TEXT, date_precision TEXT,"
    " said_on TEXT, confidence DOUBLE PRECISION, json TEXT NOT NULL, day TEXT NOT NULL DEFAULT '',"
    " content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('communique', coalesce(content_text, ''))) STORED)",
    "CREATE TABLE events (rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE,"
    " id TEXT PRIMARY KEY, doc TEXT NOT NULL REFERENCES articles(doc), event_type TEXT NOT NULL, mode TEXT,"
    " contexts TEXT, date_text TEXT, date_start INTEGER, date_end INTEGER, date_value TEXT,"
    " date_precision TEXT, happened_on TEXT, location_text TEXT, location_start INTEGER,"
    " location_end INTEGER, location_name TEXT, location_country TEXT, trigger_text TEXT,"
    " trigger_start INTEGER, trigger_end INTEGER, negated INTEGER, future INTEGER, hypothetical INTEGER,"
    " claimed_by TEXT, confidence DOUBLE PRECISION, json TEXT NOT NULL, day TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE event_actors (event_id TEXT NOT NULL REFERENCES events(id), role TEXT NOT NULL,"
    " position INTEGER NOT NULL, text TEXT, start INTEGER, \"end\" INTEGER, name TEXT, country TEXT, sector TEXT,"
    " actor_id TEXT)",
    "CREATE TABLE actors (actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT,"
    " role TEXT)",
    # SQLite's alias column is COLLATE NOCASE; here the same rule is a unique index on lower(alias).
    "CREATE TABLE actor_aliases (alias TEXT NOT NULL, actor_id TEXT NOT NULL REFERENCES actors(actor_id))",
    "CREATE UNIQUE INDEX aliases_key ON actor_aliases (lower(alias), actor_id)",
    *[s.strip() for s in INDEXES.split(";") if s.strip()],
    "CREATE INDEX actors_name ON actors (lower(name))",
    "CREATE INDEX statements_day ON statements(day, rowid)",
    "CREATE INDEX events_day ON events(day, rowid)",
    "CREATE INDEX event_actors_role ON event_actors(actor_id, role)",
    "CREATE INDEX statements_fts ON statements USING gin (content_tsv)",
    "CREATE INDEX articles_fts ON articles USING gin (tsv)",
]

# Version 3 (both): actors and aliases carry the number of the write that last changed them, and
# store_state counts those writes, so each process can read only what others changed since it looked.
ACTOR_VERSIONS = [
    "ALTER TABLE actors ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actor_aliases ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX actors_version ON actors(version)",
    "CREATE INDEX aliases_version ON actor_aliases(version)",
    "CREATE TABLE store_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT INTO store_state (key, value) VALUES ('actors', 0)",
]

MIGRATIONS: list[dict[str, list[str]]] = [
    {"sqlite": SQLITE_V1, "postgres": PG_V1},
    # PostgreSQL stores are newer than version 2: every record they hold already has its addressee kind.
    {"sqlite": ADDRESSEE_KINDS, "postgres": []},
    {"sqlite": ACTOR_VERSIONS, "postgres": ACTOR_VERSIONS},
]
LATEST = len(MIGRATIONS)


def version(db: Any) -> int:
    """The number of migrations this store has had."""
    if db.table_exists("schema_version"):
        row = db.execute("SELECT version FROM schema_version").fetchone()
        if row is not None:
            return row[0]
    if db.kind == "sqlite":
        return db.execute("PRAGMA user_version").fetchone()[0]
    return 0


def check_sqlite_file(path: str) -> None:
    """Refuse, before anything writes to it, a file that is not a Communiqué store (another program's
    database, random bytes) or a store from a newer Communiqué; a missing, empty or table-less file is new."""
    file = Path(path)
    if not file.is_file() or file.stat().st_size == 0:
        return
    try:  # read-only (and waiting out a writer, as the store's connection does): the file must not change
        con = sqlite3.connect(file.absolute().as_uri() + "?mode=ro", uri=True, timeout=30)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                " AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")}
            columns = {r[1] for r in con.execute("PRAGMA table_info(articles)")}
            number = con.execute("PRAGMA user_version").fetchone()[0]
            if "schema_version" in tables:
                number = max([number, *(r[0] for r in con.execute("SELECT version FROM schema_version"))])
        finally:
            con.close()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise StoreUnavailable(f"{path} is not a Communiqué store: {exc}") from None
        raise  # locked, unreadable...: open_db reports it as it reports any other
    if tables and not {"doc", "text", "text_hash"} <= columns:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreUnavailable(f"{path} is not a Communiqué store: an SQLite database with other tables ({shown})")
    _check_version(number, path)


def _check_version(number: Any, where: str) -> None:
    """A store written by a newer Communiqué is refused: migrating it back or misreading it could lose data."""
    if isinstance(number, int) and number > LATEST:
        raise StoreUnavailable(f"{where} is a store of a newer Communiqué (schema version {number}; this one reads "
                               f"up to {LATEST}): upgrade Communiqué to open it")


def migrate(db: Any) -> None:
    """Create the store if it is new and apply the missing migrations, each in one write transaction."""
    _check_version(version(db), _redact(db.url) if db.kind == "postgres" else "the store")
    if db.kind == "sqlite":
        db.executescript(SQLITE_SCHEMA)
    while version(db) < LATEST:
        with db.transaction():
            current = version(db)  # re-read under the write lock: someone may have just migrated
            if current >= LATEST:
                break
            for sql in MIGRATIONS[current][db.kind]:
                db.execute(sql)
            _set_version(db, current + 1)


def _set_version(db: Any, number: int) -> None:
    """Record the version (and keep SQLite's user_version in step for older readers)."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    db.execute("DELETE FROM schema_version")
    db.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
    if db.kind == "sqlite":
        db.execute(f"PRAGMA user_version = {int(number)}")
