"""CSV and JSON Lines downloads of what a dashboard view shows, safe to open in a spreadsheet."""

from __future__ import annotations

import io
import json
from typing import Any, Iterable, Iterator

from communique import output

# One rule for the command line and the dashboard (README, "Reliability").
FORMULA_STARTS = output.FORMULA_STARTS
csv_safe = output.neutralise


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text (header first), a chunk per row, every cell neutralised."""
    buf = io.StringIO()
    write = output.csv_writer(buf, columns)
    for row in rows:
        write(row)
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
