"""Formatting records for people (rich tables) and for programs (JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
import re
from typing import Any, Callable, Iterable, Optional, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.ingest import printable

Record = dict[str, Any]
ArticleLookup = Callable[[str], Optional[Record]]  # doc id -> {"published": ..., "text": ...}

STATEMENT_COLUMNS = [
    "id", "doc", "kind", "speaker", "speaker_name", "speaker_role", "speaker_country", "speaker_sector",
    "actor_id", "cue", "cue_lemma", "addressee", "addressee_name", "date_text", "date_value",
    "date_precision", "content", "content_start", "content_end", "confidence",
]
# POLECAT's published column layout (several actors in one cell, joined with ';'), plus our flags.
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Actor Name", "Actor Country",
    "Actor Sector", "Recipient Name", "Recipient Country", "Recipient Sector", "Placename", "Country",
    "Event Text", "Story ID", "Claimed By", "Negated", "Future", "Hypothetical",
]
ACTOR_COLUMNS = ["actor_id", "name", "kind", "country", "sector", "role", "statements", "events", "aliases"]
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")
# A spreadsheet runs a cell that begins with one of these as a formula (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Line breaks and tabs in a table cell are shown as spaces; every other control character is escaped.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\u2028\u2029]")
# Characters json.dumps(ensure_ascii=False) leaves raw that a terminal may act on (C1 controls such as CSI,
# DEL) or that splitlines() takes for line ends; \u escapes keep the JSON value exact.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def write_jsonl(records: Iterable[Record], out: TextIO) -> None:
    """One JSON object a line."""
    for rec in records:
        line = json.dumps(rec, ensure_ascii=False)
        out.write(_JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", line) + "\n")


def write_csv(rows: Iterable[Record], columns: list[str], out: TextIO) -> None:
    """CSV with a header row; missing values are empty cells, formula-like text cells are neutralised."""
    write = csv_writer(out, columns)
    for row in rows:
        write(row)


def csv_writer(out: TextIO, columns: list[str]) -> Callable[[Record], None]:
    """Write the header to `out` and return a function that writes one row safely (every CSV goes through it)."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    # The csv module leaves a lone \r unquoted with a \n line end; a reader (or a spreadsheet) would then
    # start a new row there, and a formula could begin it. Rows holding one are written fully quoted.
    quoted = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n",
                            quoting=csv.QUOTE_ALL)
    writer.writeheader()

    def write(row: Record) -> None:
        cells = {k: "" if v is None else neutralise(v) for k, v in row.items()}
        has_cr = any(isinstance(v, str) and "\r" in v for v in cells.values())
        (quoted if has_cr else writer).writerow(cells)

    return write


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with ' (numbers stay as they are).

    A cell that already begins with ' gets one more, so dropping one leading ' from every cell
    that has one (`unneutralise`) always gives back the exact text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS + ("'",)):
        return "'" + value
    return value


def unneutralise(cell: str) -> str:
    """The text written to a CSV cell by `write_csv`: one leading ' removed, if there is one."""
    return cell[1:] if cell.startswith("'") else cell


def _get(d: Optional[Record], key: str) -> Any:
    """d[key], or None when d itself is None."""
    return d.get(key) if d else None


def statement_row(st: Record) -> Record:
    """A statement flattened to STATEMENT_COLUMNS."""
    sp, cue, ad, dt, ct = st.get("speaker"), st.get("cue"), st.get("addressee"), st.get("date"), st["content"]
    return {
        "id": st["id"], "doc": st["doc"], "kind": st["kind"],
        "speaker": _get(sp, "text"), "speaker_name": _get(sp, "name"), "speaker_role": _get(sp, "role"),
        "speaker_country": _get(sp, "country"), "speaker_sector": _get(sp, "sector"),
        "actor_id": _get(sp, "actor_id"), "cue": _get(cue, "text"), "cue_lemma": _get(cue, "lemma"),
        "addressee": _get(ad, "text"), "addressee_name": _get(ad, "name"),
        "date_text": _get(dt, "text"), "date_value": _get(dt, "value"), "date_precision": _get(dt, "precision"),
        "content": ct["text"], "content_start": ct["start"], "content_end": ct["end"],
        "confidence": st.get("confidence"),
    }


def polecat_row(ev: Record, article: Optional[Record]) -> Record:
    """An event in POLECAT's column layout; the date falls back to the article's publication date."""
    def names(refs: list[Record], key: str) -> str:
        return ";".join(str(r.get(key) or (r.get("text") if key == "name" else "") or "") for r in refs)

    dt, loc = ev.get("date"), ev.get("location")
    value = _get(dt, "value")
    when = value.split("/")[0] if value else _get(article, "published")
    text = _get(article, "text")
    trig = ev["trigger"]
    return {
        "Event ID": ev["id"], "Event Date": when, "Event Type": ev["event_type"], "Event Mode": ev.get("mode"),
        "Contexts": ";".join(ev.get("contexts") or []),
        "Actor Name": names(ev["actors"], "name"), "Actor Country": names(ev["actors"], "country"),
        "Actor Sector": names(ev["actors"], "sector"), "Recipient Name": names(ev["recipients"], "name"),
        "Recipient Country": names(ev["recipients"], "country"),
        "Recipient Sector": names(ev["recipients"], "sector"),
        "Placename": _get(loc, "name"), "Country": _get(loc, "country"),
        "Event Text": sentence_around(text, trig["start"], trig["end"]) if text else trig["text"],
        "Story ID": ev["doc"], "Claimed By": ev.get("claimed_by"),
        "Negated": _flag(ev.get("negated")), "Future": _flag(ev.get("future")),
        "Hypothetical": _flag(ev.get("hypothetical")),
    }


def actor_row(actor: Record) -> Record:
    """An actor with its aliases joined by ';'."""
    return {**actor, "aliases": ";".join(actor.get("aliases") or [])}


def _flag(value: Any) -> str:
    """Booleans as lower-case true/false."""
    return "true" if value else "false"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding [start, end): from the previous sentence end to the next."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    return " ".join(text[left:right].split())


def _short(text: Optional[str], width: int = 80) -> str:
    """Text cut to `width` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _console(out: TextIO) -> Console:
    """A rich console writing to `out`, wide enough for tables when not a terminal."""
    return Console(file=out, width=None if out.isatty() else 160)


def cell(value: Any) -> Text:
    """A value as a table cell a terminal cannot act on: breaks and tabs as spaces, other control characters
    escaped (an article's ESC sequences would clear the screen or retitle the window), rich markup inert."""
    return Text(printable(_BREAKS.sub(" ", "" if value is None else str(value))))


def new_table(title: str, columns: Iterable[str]) -> Table:
    """A table with a plain-text title (it may hold a name a user typed) and folding columns."""
    table = Table(title=cell(title))
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def add_row(table: Table, *values: Any) -> None:
    """One row, every value shown as plain, escaped text (see `cell`)."""
    table.add_row(*(cell(v) for v in values))


def print_statements(statements: list[Record], out: TextIO, title: str = "Statements") -> None:
    """A table of statements: speaker, cue, addressee, date, kind, content."""
    table = new_table(f"{title} ({len(statements)})", ("speaker", "cue", "addressee", "date", "kind", "content"))
    for st in statements:
        sp, dt = st.get("speaker"), st.get("date")
        speaker = _get(sp, "name") or _get(sp, "text") or "(unresolved)"
        if _get(sp, "country"):
            speaker += f" [{sp['country']}]"
        date_cell = (_get(dt, "value") or f"{dt['text']} (unresolved)") if dt else ""
        add_row(table, speaker, _get(st.get("cue"), "text"), _get(st.get("addressee"), "name"), date_cell,
                st["kind"], _short(st["content"]["text"]))
    _console(out).print(table)


def print_events(events: list[Record], out: TextIO, title: str = "Events") -> None:
    """A table of events: type, mode, actors, recipients, date, trigger, flags."""
    table = new_table(f"{title} ({len(events)})",
                      ("type", "mode", "actors", "recipients", "date", "trigger", "flags", "claimed by"))
    for ev in events:
        flags = ",".join(f for f in ("negated", "future", "hypothetical") if ev.get(f))
        add_row(table, ev["event_type"], ev.get("mode"), "; ".join(a.get("name") or a["text"] for a in ev["actors"]),
                "; ".join(a.get("name") or a["text"] for a in ev["recipients"]), _get(ev.get("date"), "value"),
                ev["trigger"]["text"], flags, ev.get("claimed_by"))
    _console(out).print(table)


def print_actors(actors: list[Record], out: TextIO) -> None:
    """A table of actors with their counts."""
    table = new_table(f"Actors ({len(actors)})", ACTOR_COLUMNS)
    for a in actors:
        row = actor_row(a)
        add_row(table, *(row.get(c) for c in ACTOR_COLUMNS))
    _console(out).print(table)
