"""Schema migrations of the SQLite store, applied in order when a store is opened.

`PRAGMA user_version` records the last migration applied, so a store written by an older
version is brought up to date once, in one transaction, the first time it is opened.
"""

from __future__ import annotations

import sqlite3

# Version 1: a sortable `day` on statements and events (when said or happened, else the article's
# publication date, '' when neither is known) and FTS5 indexes over statement contents and article
# text, kept in sync by triggers so every write path updates them in the same transaction.
V1 = [
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

MIGRATIONS = [V1]


def version(db: sqlite3.Connection) -> int:
    """The number of migrations this store has had."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection) -> None:
    """Apply the missing migrations, each in one transaction (another process may be doing the same)."""
    while version(db) < len(MIGRATIONS):
        db.execute("BEGIN IMMEDIATE")
        try:
            current = version(db)  # re-read under the write lock: someone may have just migrated
            if current < len(MIGRATIONS):
                for sql in MIGRATIONS[current]:
                    db.execute(sql)
                db.execute(f"PRAGMA user_version = {current + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
