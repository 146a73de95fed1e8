"""What the server holds: its settings, one read connection per thread and one serialised writer."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Optional

from communique.options import Options
from communique.store import Store

DEFAULT_MAX_BODY = 16 * 1024 * 1024  # bytes in one POST; larger requests get 413


@dataclass
class ServeConfig:
    """Settings of one server: the store, the write token, run options and the request size limit."""

    db: str
    token: Optional[str] = None  # writes are off without one
    options: Options = field(default_factory=Options)
    max_body: int = DEFAULT_MAX_BODY


class Stores:
    """Store connections: each request thread reads through its own; writes share one, under a lock."""

    def __init__(self, path: str):
        self.path = path
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._open_lock = threading.Lock()
        self._writer: Optional[Store] = None

    def reader(self) -> Store:
        """This thread's connection (WAL: readers see only committed, whole articles)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._open()
        return store

    def writer(self) -> Store:
        """The one writing connection; callers hold `write_lock` while they use it."""
        if self._writer is None:
            self._writer = self._open()
        return self._writer

    def _open(self) -> Store:
        """A new connection, remembered so that close() can end it from any thread."""
        store = Store(self.path, threads=True)
        with self._open_lock:
            self._opened.append(store)
        return store

    def close(self) -> None:
        """Close every connection opened so far."""
        with self._open_lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self._writer = None
        self._local = threading.local()
