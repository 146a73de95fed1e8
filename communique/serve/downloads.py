"""CSV and JSON Lines downloads of what a dashboard view shows, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator

from communique import output

# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell that a spreadsheet will show as text: formula-like strings get a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text (header first), a chunk per row, every cell neutralised."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else csv_safe(v) for k, v in row.items()})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def jsonl_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One record a line, exactly as stored."""
    for rec in records:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def statement_csv(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Statements in the CLI's CSV columns."""
    return csv_lines(map(output.statement_row, records), output.STATEMENT_COLUMNS)


def event_csv(records: Iterable[dict[str, Any]], article: Any) -> Iterator[str]:
    """Events in POLECAT's CSV layout; `article(doc)` gives the article for the event's sentence."""
    return csv_lines((output.polecat_row(ev, article(ev["doc"])) for ev in records), output.POLECAT_COLUMNS)
