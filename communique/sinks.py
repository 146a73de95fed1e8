"""Where an ingest run's results go: the store, in batched transactions, or Parquet files for `load`.

Both take results one at a time and hand back, as batches are written, each result with whether it
was added, so the caller can count and report; a text the store already held comes back as a Known
(naming the stored article) with False. The store sink also marks, before any analysis, the articles
whose text it already holds, so a re-ingest costs a hash look-up per article rather than a parse.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from communique.records import Article, Known, Result, Skip
from communique.records_io import ROW_FIELDS, output_to_row, row_to_output

Written = list[tuple[Union[Result, Known], bool]]
Item = Union[Article, Skip, Known]
STORE_BATCH = 32  # articles per transaction at most: one commit (and one lock) for many articles
STORE_WAIT = 0.5  # seconds a result waits at most for its batch to fill (a killed run loses little)
PARQUET_ROWS = 10_000  # rows per Parquet file
PARQUET_GROUP = 500  # rows per row group: what `load` holds in memory at once


class StoreSink:
    """Results written to the store, up to `batch` articles per transaction, none waiting over `wait` s."""

    def __init__(self, store: Any, batch: int = STORE_BATCH, wait: float = STORE_WAIT):
        self.store = store
        self.batch = batch
        self.wait = wait
        self.pending: list[Result] = []
        self.since = 0.0

    def mark_stored(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items, each article whose text the store already holds turned into a Known: it needs no analysis.

        Only a shortcut: of two runs racing with one text, both may analyse it; the store still takes it once."""
        for item in items:
            doc = self.store.doc_for_text(item.text) if isinstance(item, Article) else None
            yield Known(item, doc) if doc else item

    def put(self, result: Union[Result, Known]) -> Written:
        """Queue one result; write the batch when it is full or its first result has waited long enough."""
        if isinstance(result, Known):
            return [(result, False)]
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append(result)
        if len(self.pending) >= self.batch or time.monotonic() - self.since >= self.wait:
            return self.flush()
        return []

    def flush(self) -> Written:
        """Write what is queued."""
        done, self.pending = self.pending, []
        if not done:
            return []
        return [(r, True) if added else (self._known(r), False) for r, added in zip(done, self.store.add_batch(done))]

    def _known(self, result: Result) -> Union[Result, Known]:
        """A result the store refused as already held, as a Known naming the stored article."""
        doc = self.store.doc_for_text(result.article.text)
        return Known(result.article, doc) if doc else result


class ParquetSink:
    """Results written as Parquet files `part-NNNNN.parquet` in a directory, for `communique load`."""

    def __init__(self, out_dir: str, rows_per_file: int = PARQUET_ROWS):
        pq = _pyarrow()[1]
        self.pq = pq
        self.dir = Path(out_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        existing = sorted(self.dir.glob("part-*.parquet"))  # a second run adds files, never overwrites
        self.next_part = int(existing[-1].stem.split("-")[1]) + 1 if existing else 0
        self.rows_per_file = rows_per_file
        self.writer: Optional[Any] = None
        self.path = self.dir  # the file being written, for messages
        self.rows_in_file = 0
        self.pending: list[Result] = []

    def mark_stored(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items as they are: Parquet files are loaded into a store later (`load` skips stored texts)."""
        return iter(items)

    def put(self, result: Result) -> Written:
        """Queue one result; write a row group when enough are queued."""
        self.pending.append(result)
        return self.flush() if len(self.pending) >= PARQUET_GROUP else []

    def flush(self) -> Written:
        """Write the queued results as one row group (starting a new file when the current one is full)."""
        done, self.pending = self.pending, []
        if not done:
            return []
        if self.writer is not None and self.rows_in_file >= self.rows_per_file:
            self.close_file()
        try:
            if self.writer is None:
                self.path = self.dir / f"part-{self.next_part:05d}.parquet"
                self.next_part += 1
                self.writer = self.pq.ParquetWriter(str(self.path), schema(), compression="zstd")
            self.writer.write_table(table([output_to_row(r) for r in done]))
        except OSError as exc:
            raise _naming(exc, self.path) from exc
        self.rows_in_file += len(done)
        return [(r, True) for r in done]

    def close_file(self) -> None:
        """Finish the current file (its footer makes it readable)."""
        writer, self.writer, self.rows_in_file = self.writer, None, 0
        if writer is not None:
            try:
                writer.close()
            except OSError as exc:
                raise _naming(exc, self.path) from exc

    def close(self) -> Written:
        """Write what is queued and finish the file."""
        done = self.flush()
        self.close_file()
        return done


def _naming(exc: OSError, path: Path) -> OSError:
    """The error with the file it happened on (pyarrow's name none, so a message could not say which)."""
    return exc if exc.filename else OSError(exc.errno, exc.strerror or " ".join(str(exc).split()), str(path))


def _pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or a clear error naming the extra that brings them."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RuntimeError("Parquet files need pyarrow: pip install 'communique[ray]'") from exc
    return pa, pq


def schema() -> Any:
    """The Arrow schema of record rows (see records_io): every column a nullable string."""
    pa = _pyarrow()[0]
    return pa.schema([(name, pa.string()) for name in ROW_FIELDS])


def table(rows: list[dict[str, Any]]) -> Any:
    """Rows as an Arrow table with the record-row schema."""
    return _pyarrow()[0].Table.from_pylist(rows, schema=schema())


def parquet_files(paths: tuple[str, ...]) -> Iterator[Path]:
    """The Parquet files named, or found (sorted) in the directories named."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.parquet") if not p.name.startswith("."))
        else:
            yield path


def read_parquet(path: Path) -> Iterator[list[Result]]:
    """The results in one Parquet file of record rows, a row group at a time; ValueError if it is not one."""
    pq = _pyarrow()[1]
    try:
        file = pq.ParquetFile(str(path))
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise ValueError(f"not a Parquet file ({type(exc).__name__})") from None
    missing = [c for c in ("kind", "id", "text", "statements", "events") if c not in file.schema_arrow.names]
    if missing:
        raise ValueError(f"not a file of Communiqué records: no column {', '.join(missing)}")
    for batch in file.iter_batches(batch_size=PARQUET_GROUP):
        yield [out for out in map(row_to_output, batch.to_pylist()) if isinstance(out, Result)]
