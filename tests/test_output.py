"""Output formats: CSV cells a spreadsheet would run as formulas are neutralised, reversibly; tables show control
characters and markup from articles as text."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest

from communique import output, output_links
from communique.output import neutralise, unneutralise, write_csv, write_jsonl

CELLS = ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tTab", "\rReturn", "'quoted", "''", "plain", "", "a=b", " =x"]


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tTab", "'\tTab"),
    ("\rReturn", "'\rReturn"), ("'quoted", "''quoted"), ("plain", "plain"), ("a=b", "a=b"), (" =x", " =x"),
    (-2, -2), (0.5, 0.5), (None, None),
])
def test_formula_like_text_cells_get_a_quote_and_numbers_do_not(value, written):
    assert neutralise(value) == written


def test_csv_round_trips_to_the_exact_text_after_removing_the_prefix():
    out = io.StringIO()
    write_csv(({"cell": c, "n": -k} for k, c in enumerate(CELLS)), ["cell", "n"], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [unneutralise(r["cell"]) for r in rows] == CELLS
    assert not any(r["cell"].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)
    assert [r["n"] for r in rows] == [str(-k) for k in range(len(CELLS))]


def test_a_carriage_return_inside_a_cell_cannot_start_a_row():
    out = io.StringIO()
    write_csv([{"cell": "harmless\r=HYPERLINK(\"http://x\")", "n": 1}, {"cell": "next", "n": 2}], ["cell", "n"], out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows == [["cell", "n"], ["harmless\r=HYPERLINK(\"http://x\")", "1"], ["next", "2"]]


def test_jsonl_keeps_the_text_exact():
    out = io.StringIO()
    write_jsonl([{"content": c} for c in CELLS], out)
    assert [json.loads(x)["content"] for x in out.getvalue().splitlines()] == CELLS


# --- tables a terminal shows: control characters escaped, rich markup inert --------------------------------

# What an article may carry: clear screen, set the window title (OSC ... BEL), a C1 CSI, DEL, rich markup, a tab
# and a line break.
HOSTILE = "\x1b[2J\x1b]0;t\x07[b]x[/b]\x9b1m\x7f\ty\nz"
SHOWN = "\\x1b[2J\\x1b]0;t\\x07[b]x[/b]\\x9b1m\\x7f y z"


def _cells(print_table, rows, *args) -> list[list[str]]:
    """The cells of each row a table printer draws (on a console wide enough that no cell folds)."""
    out = io.StringIO()
    print_table(rows, out, *args)
    text = out.getvalue()
    return [[c.strip() for c in line.split("\u2502")[1:-1]] for line in text.splitlines() if line.startswith("\u2502")]


@pytest.fixture
def wide(monkeypatch):
    """Tables on a 1,000-column console, so each row is one line."""
    from rich.console import Console

    for module in (output, output_links):
        monkeypatch.setattr(module, "_console", lambda out: Console(file=out, width=1000))


@pytest.mark.parametrize("value, shown", [
    (HOSTILE, SHOWN), ("[bold]red[/bold] [/]", "[bold]red[/bold] [/]"), ("a\r\nb\u2028c", "a  b c"),
    ("\x00\x08\x1c\x85", "\\x00\\x08\\x1c\\x85"), ("Ra\u00fal \u6771\u4eac", "Ra\u00fal \u6771\u4eac"), (None, ""),
    (3, "3"),
])
def test_a_table_cell_escapes_control_characters_and_keeps_markup_as_text(value, shown):
    assert output.cell(value).plain == shown
    assert output.cell(value).spans == []


def test_the_statements_table_shows_an_articles_escape_sequences_as_text(wide):
    st = {"kind": "direct", "speaker": {"name": HOSTILE, "country": "NOR"}, "cue": {"text": HOSTILE},
          "addressee": {"name": HOSTILE}, "date": {"text": HOSTILE, "value": None}, "content": {"text": HOSTILE}}
    out = io.StringIO()
    output.print_statements([st], out, title=HOSTILE)
    text = out.getvalue()
    assert [c for c in text if unicodedata.category(c) == "Cc"] == ["\n"] * len(text.splitlines())
    assert text.splitlines()[0].strip() == SHOWN + " (1)"
    assert _cells(output.print_statements, [st]) == [
        [SHOWN + " [NOR]", SHOWN, SHOWN, SHOWN + " (unresolved)", "direct", SHOWN]]


def test_the_events_and_actors_tables_escape_every_field(wide):
    ref = {"name": None, "text": HOSTILE}
    ev = {"event_type": HOSTILE, "mode": HOSTILE, "actors": [ref, {"name": "Oslo", "text": "x"}], "recipients": [ref],
          "date": {"value": HOSTILE}, "trigger": {"text": HOSTILE}, "negated": True, "claimed_by": HOSTILE}
    assert _cells(output.print_events, [ev]) == [
        [SHOWN, SHOWN, SHOWN + "; Oslo", SHOWN, SHOWN, SHOWN, "negated", SHOWN]]
    actor = {c: HOSTILE for c in output.ACTOR_COLUMNS} | {"statements": 2, "events": 0, "aliases": [HOSTILE, "b"]}
    assert _cells(output.print_actors, [actor]) == [[SHOWN] * 6 + ["2", "0", SHOWN + ";b"]]


def test_the_link_tables_escape_every_field(wide):
    inc = {"id": HOSTILE, "event_type": HOSTILE, "date": {"value": HOSTILE}, "actors": [HOSTILE],
           "recipients": [HOSTILE, "b"], "articles": 2, "sources": 1, "first_reported": HOSTILE,
           "last_reported": "2026-03-02", "negated": False, "claimed_only": True}
    assert _cells(output_links.print_incidents, [inc]) == [
        [SHOWN] * 4 + [SHOWN + "; b", "2", "1", SHOWN + " .. 2026-03-02", "claimed only"]]
    rem = {"id": HOSTILE, "speaker": HOSTILE, "first_said": HOSTILE, "reports_count": 3, "sources": 2,
           "fullest": HOSTILE, "changes": [HOSTILE]}
    assert _cells(output_links.print_remarks, [rem]) == [[SHOWN] * 3 + ["3", "2", SHOWN, SHOWN]]
    resp = {"said": HOSTILE, "speaker": HOSTILE, "relation": HOSTILE, "text": HOSTILE,
            "answers": {"text": HOSTILE, "speaker": HOSTILE}}
    assert _cells(output_links.print_responses, [resp]) == [[SHOWN] * 6]
    row = {"date": HOSTILE, "kind": HOSTILE, "position": HOSTILE, "flags": [HOSTILE], "counterpart": HOSTILE,
           "text": HOSTILE, "answers": HOSTILE}
    assert _cells(output_links.print_timeline, [row], HOSTILE) == [
        [SHOWN, SHOWN, f"{SHOWN} ({SHOWN})", SHOWN, SHOWN, SHOWN]]


def test_json_lines_escape_c1_controls_del_and_line_separators_and_stay_exact():
    out = io.StringIO()
    write_jsonl([{"content": HOSTILE + "\u2028\u2029\u0085"}], out)
    assert out.getvalue() == ('{"content": "\\u001b[2J\\u001b]0;t\\u0007[b]x[/b]\\u009b1m\\u007f\\ty\\nz'
                              '\\u2028\\u2029\\u0085"}\n')
    assert json.loads(out.getvalue())["content"] == HOSTILE + "\u2028\u2029\u0085"
