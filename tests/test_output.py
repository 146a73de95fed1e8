"""Output formats: CSV cells a spreadsheet would run as formulas are neutralised, reversibly."""

from __future__ import annotations

import csv
import io
import json

import pytest

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
