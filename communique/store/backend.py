"""The two store backends, SQLite (a file) and PostgreSQL (a server), behind one connection-like object.

Everything else in the store writes SQL in the subset both engines share (`?` placeholders, `ON
CONFLICT`, `IS DISTINCT FROM`, row values, `string_agg`, a `rowid` column) and calls `db.execute`
as on an sqlite3 connection. What truly differs lives here and in schema.py: connecting,
placeholders, the write lock, and full-text search (FTS5 against tsvector).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Optional, Sequence

Params = Sequence[Any]
WRITE_LOCK = 0x636F6D6D  # PostgreSQL advisory lock taken by every write transaction ("comm")


class StoreUnavailable(RuntimeError):
    """The store cannot be opened: a server that does not answer or refuses us, a file we cannot create."""


def integrity_errors() -> tuple[type, ...]:
    """The exceptions a broken constraint raises, on either backend."""
    errors: tuple[type, ...] = (sqlite3.IntegrityError,)
    try:
        import psycopg

        errors += (psycopg.errors.IntegrityError,)
    except ImportError:
        pass
    return errors


def is_postgres(target: str) -> bool:
    """Whether a --db value names a PostgreSQL database rather than an SQLite file."""
    return target.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def open_db(target: str, threads: bool = False) -> "Db":
    """The database `target` names: a postgresql:// URL, else an SQLite file path."""
    from communique.store.schema import check_sqlite_file  # schema.py imports this module

    try:
        if is_postgres(target):
            return PostgresDb(target)
        check_sqlite_file(target)  # before SqliteDb switches the file to WAL mode, a write
        return SqliteDb(target, threads)
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"cannot open the store {target}: {exc}") from exc


class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row (and dict(row) works)."""

    names: tuple[str, ...] = ()

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        """The column names."""
        return list(self.names)


class Rows:
    """Rows already fetched, with the cursor methods the store uses."""

    def __init__(self, rows: list[Any]):
        self.rows = rows
        self.rowcount = len(rows)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def fetchone(self) -> Optional[Any]:
        """The next row or None."""
        return self.rows.pop(0) if self.rows else None

    def fetchall(self) -> list[Any]:
        """The remaining rows."""
        rows, self.rows = self.rows, []
        return rows


class Db:
    """What the store modules use of a connection: execute, executemany, executescript, transactions."""

    kind = ""

    def execute(self, sql: str, params: Params = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: list[Params]) -> None:
        raise NotImplementedError

    def executescript(self, script: str) -> None:
        raise NotImplementedError

    @property
    def in_transaction(self) -> bool:
        raise NotImplementedError

    def transaction(self) -> Any:
        """A write transaction holding the store's write lock (a context manager)."""
        raise NotImplementedError

    def table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def match(self, alias: str, index: str, terms: list[str], any_term: bool = False) -> tuple[str, list[Any]]:
        """A full-text condition on table `alias` (statements: content; articles: title and text)
        requiring every term (or any, with `any_term`); each term is a word or a phrase."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _StringAgg:
    """string_agg(value, separator) for SQLite versions older than 3.44, which lack it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.sep = ","

    def step(self, value: Any, sep: str) -> None:
        if value is not None:
            self.parts.append(str(value))
            self.sep = sep

    def finalize(self) -> Optional[str]:
        return self.sep.join(self.parts) if self.parts else None


class SqliteDb(Db):
    """One SQLite connection in WAL mode; writers wait for each other (busy timeout) instead of failing."""

    kind = "sqlite"

    def __init__(self, path: str, threads: bool = False):
        # Autocommit mode: transactions are opened explicitly by transaction(). The 30-second busy timeout is
        # set by connect, before the switch to WAL, which on a new file also waits for the other processes.
        self.con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=not threads)
        self.con.row_factory = sqlite3.Row
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=NORMAL")
        if sqlite3.sqlite_version_info < (3, 44):
            self.con.create_aggregate("string_agg", 2, _StringAgg)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> Any:
        """Anything else is the sqlite3 connection's (SQLite-only tools such as bench_links trace statements)."""
        if name == "con":  # not connected (yet): no recursion
            raise AttributeError(name)
        return getattr(self.con, name)

    def execute(self, sql: str, params: Params = ()) -> Any:
        return self.con.execute(sql, params)

    def executemany(self, sql: str, rows: list[Params]) -> None:
        self.con.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        self.con.executescript(script)

    @property
    def in_transaction(self) -> bool:
        return self.con.in_transaction

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the database's write lock now, not at the first write."""
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def table_exists(self, name: str) -> bool:
        return self.con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def match(self, alias: str, index: str, terms: list[str], any_term: bool = False) -> tuple[str, list[Any]]:
        """FTS5 indexes: statements_fts keeps statement ids, articles_fts points at article rowids."""
        query = (" OR " if any_term else " AND ").join('"' + t + '"' for t in terms)
        if index == "statements":
            return f"{alias}.id IN (SELECT id FROM statements_fts WHERE statements_fts MATCH ?)", [query]
        return f"{alias}.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [query]

    def close(self) -> None:
        self.con.close()


_POOLS: dict[str, Any] = {}
_POOLS_LOCK = threading.Lock()
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\?")


def _to_psycopg(sql: str) -> str:
    """`?` placeholders (outside string literals) as psycopg's `%s`; every literal `%` doubled, as psycopg
    reads `%` everywhere, string literals included."""
    return _PLACEHOLDER.sub(lambda m: "%s" if m.group() == "?" else m.group(), sql.replace("%", "%%"))


def _pool(url: str) -> Any:
    """The process's connection pool for `url` (psycopg_pool), made on first use."""
    from psycopg_pool import ConnectionPool

    url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with _POOLS_LOCK:
        pool = _POOLS.get(url)
        if pool is None:
            pool = ConnectionPool(url, min_size=1, max_size=16, open=True, timeout=60,
                                  kwargs={"autocommit": True}, name="communique")
            _POOLS[url] = pool
        return pool


def _check_server(url: str) -> None:
    """Fail at once, with the server's own reason, rather than after the pool's minute of retrying."""
    import psycopg

    url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with _POOLS_LOCK:
        if url in _POOLS:
            return
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split())
        raise StoreUnavailable(f"cannot open the store {_redact(url)}: {reason}") from None


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def close_pool(url: str) -> None:
    """Close this process's pool for `url` (its connections end); a later Store opens a new one."""
    with _POOLS_LOCK:
        pool = _POOLS.pop(url.replace("postgresql+psycopg://", "postgresql://", 1), None)
    if pool is not None:
        pool.close()


def _row_factory(cursor: Any) -> Any:
    """psycopg rows as `Row`s (by position and by name)."""
    names = tuple(c.name for c in cursor.description or ())
    cls = type("Row", (Row,), {"names": names})
    return lambda values: cls(values)


class PostgresDb(Db):
    """A PostgreSQL database through a psycopg 3 connection pool, safe to share between threads.

    Outside a transaction each statement borrows a pooled connection (autocommit) and returns it
    with all rows fetched; `transaction()` binds one connection to the calling thread until commit."""

    kind = "postgres"

    def __init__(self, url: str):
        self.url = url
        _check_server(url)
        self.pool = _pool(url)
        self.local = threading.local()

    def _bound(self) -> Optional[Any]:
        """The connection of this thread's open transaction, if any."""
        return getattr(self.local, "con", None)

    def execute(self, sql: str, params: Params = ()) -> Any:
        con = self._bound()
        if con is not None:
            return self._run(con, sql, params)
        with self.pool.connection() as con:
            return self._run(con, sql, params)

    @staticmethod
    def _run(con: Any, sql: str, params: Params) -> Rows:
        """Execute and fetch every row, so the connection is free again."""
        cur = con.cursor(row_factory=_row_factory)
        if params:
            cur.execute(_to_psycopg(sql), tuple(params))
        else:
            cur.execute(sql)  # no parameters: psycopg sends the text as it is
        rows = Rows(cur.fetchall() if cur.description else [])
        rows.rowcount = cur.rowcount
        return rows

    def executemany(self, sql: str, rows: list[Params]) -> None:
        con = self._bound()
        if con is None:
            with self.transaction():
                return self.executemany(sql, rows)
        with con.cursor() as cur:
            cur.executemany(_to_psycopg(sql), [tuple(r) for r in rows])

    def executescript(self, script: str) -> None:
        con = self._bound()
        if con is None:
            # Under the write lock: processes opening a new store at once run the same CREATE ... IF NOT EXISTS,
            # which PostgreSQL does not serialise (the loser fails on a duplicate catalog row).
            with self.transaction():
                return self.executescript(script)
        con.execute(script.encode())  # bytes: no placeholder parsing; several statements at once

    @property
    def in_transaction(self) -> bool:
        return self._bound() is not None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One pooled connection for this thread, in a transaction holding the store's write lock.

        Writers take the lock in the same order (first thing), so they queue instead of deadlocking,
        and each sees every actor committed before it (see ActorRegistry.refresh)."""
        with self.pool.connection() as con:
            self.local.con = con
            try:
                with con.transaction():
                    con.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                    yield
            finally:
                self.local.con = None

    def table_exists(self, name: str) -> bool:
        # In the schema the store writes to (the first on the search path), not anywhere on the path. A query
        # on pg_class, not to_regclass: that looks in the session's catalog cache, which can still say "no such
        # table" after another process created it while this one waited for the write lock (a new store
        # opened by several processes at once was then migrated twice).
        return self.execute("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relname = ? AND relnamespace ="
                            " (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()))",
                            (name,)).fetchone()[0]

    def match(self, alias: str, index: str, terms: list[str], any_term: bool = False) -> tuple[str, list[Any]]:
        """Generated tsvector columns with GIN indexes; a phrase must match in order, as in FTS5."""
        column = "content_tsv" if index == "statements" else "tsv"
        query = (" || " if any_term else " && ").join("phraseto_tsquery('communique', ?)" for _ in terms)
        return f"{alias}.{column} @@ ({query})", list(terms)

    def close(self) -> None:
        """Nothing to do: connections belong to the process's pool."""
