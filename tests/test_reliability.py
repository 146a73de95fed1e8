"""Hostile inputs, hangs and unsafe exports, kept as regression tests (README "Reliability").

The probes run the real command line in a child process under a timeout, so a hang fails the
test instead of stalling the suite; the kill -9 probes are in test_kill.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique import pipeline
from communique.cli import main
from communique.options import Options
from communique.output import FORMULA_STARTS, unneutralise
from fake_nlp import fake_nlp

GOOD = "Katrin Solberg said on Tuesday that the ferry talks would resume next week.\n"
OTHER = "Dawit Alemu told reporters that the dam would be finished in July.\n"


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "communique", "--db", str(db), "-q", *args]


def _docs(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [d for (d,) in con.execute("SELECT doc FROM articles ORDER BY doc")]
    finally:
        con.close()


def _skips(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("skipped "))


@pytest.fixture
def hostile(tmp_path):
    """A folder of hostile inputs beside two good articles; returns (paths, expected skip lines)."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "waiting.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "inner.txt")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a 50 MB file (sparse: no disk is spent on it)
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "\udc80x", "text": GOOD}),
        "[" * 5000 + "]" * 5000,
        json.dumps({"id": "a\u0007b", "text": GOOD}),
        json.dumps({"id": "nul", "text": "Text with a \x00 in it."}),
        json.dumps({"id": "ok", "text": "Ines Tavares said the port would reopen on Friday."}),
        json.dumps({"id": "long", "text": "word " * 1_300_000}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = ["/dev/zero", "/dev/urandom", str(fifo), str(folder), str(huge), str(feed), str(good)]
    expected = sorted([
        "skipped /dev/zero: not a regular file: a character device",
        "skipped /dev/urandom: not a regular file: a character device",
        f"skipped {fifo}: not a regular file: a FIFO (named pipe)",
        f"skipped {folder / 'inner.txt'}: not a regular file: a FIFO (named pipe)",
        f"skipped {huge}: input is 52,428,800 bytes, more than 1,000,000 characters can take (--max-chars)",
        f"skipped {feed}:1: 'id' has a lone surrogate (U+DC80 at character 0)",
        f"skipped {feed}:2: JSON nested more than 64 levels deep",
        f"skipped {feed}:3: 'id' has a control character (U+0007 at character 1)",
        f"skipped {feed}:4: 'text' has a NUL character (binary data)",
        f"skipped {feed}:6: line is 6,500,026 bytes, over the 6,065,536-byte line limit for 1,000,000 characters "
        "(--max-chars)",
    ])
    return paths, expected


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_hostile_inputs_are_skipped_one_line_each_and_the_good_ones_stored(tmp_path, hostile):
    paths, expected = hostile
    db = tmp_path / "s.db"
    res = subprocess.run(_cli(db, "ingest", *paths), capture_output=True, text=True, timeout=150)
    assert res.returncode == 1
    assert _skips(res.stderr) == expected
    assert res.stderr.count("Traceback") == 0
    assert res.stdout.startswith("3 articles read, 3 added, 0 already in store, 10 skipped,")
    assert _docs(db) == ["good", "ok", "other"]


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_endless_stdin_is_cut_at_the_byte_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        res = subprocess.run(_cli(tmp_path / "s.db", "ingest", "-"), stdin=zero, capture_output=True, text=True,
                             timeout=45)
    assert res.returncode == 1
    assert _skips(res.stderr) == ["skipped stdin: input is over 4,000,000 bytes, more than 1,000,000 characters "
                                  "can take (--max-chars)"]


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_an_endless_json_lines_line_on_stdin_stops_the_reading_but_keeps_the_first_record(tmp_path):
    db = tmp_path / "s.db"
    first = json.dumps({"id": "first", "text": GOOD})
    script = f"import sys; sys.stdout.write({first!r} + '\\n'); sys.stdout.flush()\n" \
             "while True: sys.stdout.write('a' * 65536)"
    feeder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        res = subprocess.run(_cli(db, "ingest", "--max-chars", "1000", "-"), stdin=feeder.stdout,
                             capture_output=True, text=True, timeout=45)
    finally:
        feeder.stdout.close()
        feeder.kill()
        feeder.wait()
    assert res.returncode == 1
    [line] = _skips(res.stderr)
    assert line.startswith("skipped stdin:2: line is over ") and line.endswith(
        " bytes, over the 71,536-byte line limit for 1,000 characters (--max-chars); the rest of the input was "
        "not read")
    assert _docs(db) == ["first"]


@pytest.mark.timeout(30)
def test_a_socket_is_skipped_without_being_read(fake):
    folder = tempfile.mkdtemp(prefix="cq", dir="/tmp")  # a socket path must be short
    path = os.path.join(folder, "sock.txt")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(path)
        server.listen(1)
        res = CliRunner().invoke(main, ["extract", path], catch_exceptions=False)
    finally:
        server.close()
        os.unlink(path)
        os.rmdir(folder)
    assert res.exit_code == 1
    assert res.stderr == f"skipped {path}: not a regular file: a socket\n"


@pytest.fixture
def fake(monkeypatch):
    """The fake pipeline in this process (the model is not the point of the CSV and limit checks)."""
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())


FORMULAS = (
    'Anna Berg said =HYPERLINK("http://example/x","open") now.\n\n'
    "Kari Holm said +1 vote for the motion.\n\n"
    "Olav Dahl said -2 percent was the figure.\n\n"
    "Lena Moe said @SUM(A1:A9) would add up.\n\n"
    "Nils Aas said \tcmd was typed.\n\n"
    "Ruth Lund said 'quoted' was the word.\n\n"
    "@Per Berg met Olav Dahl in the port.\n"
)
FORMULA_CONTENTS = ['=HYPERLINK("http://example/x","open") now', "+1 vote for the motion",
                    "-2 percent was the figure", "@SUM(A1:A9) would add up", "\tcmd was typed",
                    "'quoted' was the word"]


def _csv_commands() -> list[list[str]]:
    """Every command that can write CSV, with the arguments that make it do so."""
    out = []
    for name, cmd in main.commands.items():
        fmt = next((p for p in cmd.params if p.name == "fmt"), None)
        if fmt is None or "csv" not in fmt.type.choices:
            continue
        if name == "export":
            out += [["export", "--what", what, "--format", "csv"]
                    for what in ("statements", "events", "incidents", "responses")]
        elif name == "timeline":
            out.append([name, "Berg", "--format", "csv"])
        else:
            out.append([name, "--format", "csv"])
    return out


# Commands whose output may hold only the header on this story (no answers, no positions in it).
MAY_BE_EMPTY = {"responses --format csv", "export --what responses --format csv", "timeline Berg --format csv"}


def _invoke(db: str, *args: str):
    res = CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)
    return res


def test_every_csv_output_prefixes_formula_cells_and_round_trips(fake, tmp_path):
    story = tmp_path / "formulas.txt"
    story.write_text(FORMULAS, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert _invoke(db, "ingest", str(story)).exit_code == 0
    commands = _csv_commands()
    assert sorted(c[0] for c in commands) == ["actors", "events", "export", "export", "export", "export",
                                              "incidents", "remarks", "responses", "statements", "timeline"]
    tables = {}
    for args in commands:
        res = _invoke(db, *args)
        assert res.exit_code == 0, args
        rows = list(csv.DictReader(io.StringIO(res.stdout)))
        assert rows or " ".join(args) in MAY_BE_EMPTY, args
        assert [c for row in rows for c in row.values() if c.startswith(FORMULA_STARTS)] == [], args
        tables[" ".join(args)] = rows
    jsonl = [json.loads(x) for x in _invoke(db, "statements", "--format", "jsonl").stdout.splitlines()]
    assert [s["content"]["text"] for s in jsonl] == FORMULA_CONTENTS  # JSON Lines stays exact
    for key in ("statements --format csv", "export --what statements --format csv"):
        cells = [row["content"] for row in tables[key]]
        assert cells == ["'" + text for text in FORMULA_CONTENTS]
        assert [unneutralise(c) for c in cells] == FORMULA_CONTENTS
    for key in ("events --format csv", "export --what events --format csv"):
        [row] = tables[key]
        assert row["Event Text"] == "'@Per Berg met Olav Dahl in the port."
        assert unneutralise(row["Event Text"]) == "@Per Berg met Olav Dahl in the port."
        assert unneutralise(row["Actor Name"]) == row["Actor Name"] == "Per Berg"


# --- terminal safety ------------------------------------------------------------------------------------

NAME, PLACE = "Ana\x1b[2JRuiz", "Oslo\x9b1m[b]"
SAID = "the port \x1b]0;owned\x07 [bold]stays[/bold] shut\x7f"


def _hostile_store(db: str) -> None:
    """A store whose speaker, actor, trigger and content texts carry escape sequences and rich markup."""
    from communique.records import ActorRef, Article, Content, Event, Result, Span, Speaker, Statement
    from communique.store import Store

    text = f"{NAME} said {SAID}. {NAME} met\x1b[5m {PLACE}."
    said, second, met, place = text.index(SAID), text.index(NAME, 1), text.index("met"), text.index(PLACE)
    st = Statement("h-1", "h", "indirect", Content(SAID, said, said + len(SAID)),
                   speaker=Speaker(NAME, 0, len(NAME), name=NAME))
    ev = Event("h-e1", "h", "CONSULT", Span("met\x1b[5m", met, met + 7),
               actors=[ActorRef(NAME, second, second + len(NAME), name=NAME)],
               recipients=[ActorRef(PLACE, place, place + len(PLACE), name=PLACE)])
    with Store(db) as store:
        store.add(Result(Article("h", text), [st], [ev]))


def _table_commands() -> list[list[str]]:
    """Every store command that can print a table, with the arguments that make it do so (extract: below)."""
    out = []
    for name, cmd in main.commands.items():
        fmt = next((p for p in cmd.params if p.name == "fmt"), None)
        if fmt is not None and "table" in fmt.type.choices and name != "extract":
            out.append([name, NAME] if name == "timeline" else [name])
    return out


def test_every_table_shows_escape_sequences_and_markup_from_the_store_as_text(tmp_path):
    db = str(tmp_path / "s.db")
    _hostile_store(db)
    commands = _table_commands()
    assert sorted(c[0] for c in commands) == ["actors", "events", "incidents", "remarks", "responses", "statements",
                                              "timeline"]
    shown = {}
    for args in commands:
        res = _invoke(db, *args, "--format", "table")
        assert res.exit_code == 0, args
        assert [c for c in res.stdout if ord(c) < 32 or 127 <= ord(c) < 160] == ["\n"] * res.stdout.count("\n"), args
        shown[args[0]] = " ".join(res.stdout.split())
    for command, texts in {"statements": ["Ana\\x1b[2JRuiz", "the port \\x1b]0;owned\\x07 [bold]stays[/bold]"],
                           "events": ["Ana\\x1b[2JRuiz", "Oslo\\x9b1m[b]", "met\\x1b[5m"],
                           "actors": ["Ana\\x1b[2JRuiz", "Oslo\\x9b1m[b]"], "incidents": ["Oslo\\x9b1m[b]"],
                           "remarks": ["Ana\\x1b[2JRuiz", "[bold]stays[/bold]"],
                           "timeline": ["Timeline of Ana\\x1b[2JRuiz (0)"]}.items():
        assert all(t in shown[command] for t in texts), (command, shown[command])


def test_extract_prints_an_articles_escape_sequences_as_text(fake, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(f"Anna Berg said {SAID}.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(story)], catch_exceptions=False)
    assert res.exit_code == 0
    assert "\x1b" not in res.stdout and "\x9b" not in res.stdout and "\x07" not in res.stdout
    [row] = [line for line in res.stdout.splitlines() if "Anna Berg" in line]
    assert row.split("\u2502")[-2].strip() == "the port \\x1b]0;owned\\x07 [bold]stays[/bold] shut\\x7f"


# --- resource limits -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_files_of_only_quotation_marks_are_analysed_in_seconds(tmp_path):
    # 25 KB of one mark took 25 s, 400 KB many minutes and 1.4 GB: spaCy's tokenizer peeled the marks off
    # one at a time and the model spent a token on each; now a run of marks is one token (about 3 s in all)
    for name, size in (("25k.txt", 25 * 1024), ("400k.txt", 400 * 1024)):
        (tmp_path / name).write_text('"' * size, encoding="utf-8")
    res = subprocess.run(_cli(tmp_path / "m.db", "extract", "--format", "jsonl", str(tmp_path / "25k.txt"),
                              str(tmp_path / "400k.txt")), capture_output=True, text=True, timeout=60)
    assert (res.returncode, res.stdout, res.stderr) == (0, "", "")


def test_one_sentence_of_200000_words_is_skipped_and_the_rest_analysed(fake, tmp_path):
    (tmp_path / "runaway.txt").write_text("a " * 200_000, encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Anna Berg said the port would reopen.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(tmp_path)], catch_exceptions=False)
    assert res.exit_code == 1
    assert res.stderr == (f"skipped {tmp_path / 'runaway.txt'}: a sentence of 200,000 words (no sentence end), "
                          "over the 10,000-word limit (--max-sentence-words)\n")
    assert [json.loads(x)["content"]["text"] for x in res.stdout.splitlines()] == ["the port would reopen"]


@pytest.mark.timeout(120)
def test_a_50_mb_article_let_past_the_character_cap_is_skipped_by_the_memory_budget(fake, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Anna Berg said the port would reopen. " * 1_400_000, encoding="utf-8")
    assert big.stat().st_size == 53_200_000
    res = CliRunner().invoke(main, ["extract", "--max-chars", "60000000", str(big)], catch_exceptions=False)
    assert res.exit_code == 1
    assert res.stderr == (f"skipped {big}: analysis would need about 21,875 MB, over the 1,024 MB memory budget "
                          "(--memory-budget)\n")


def test_an_article_over_its_time_budget_is_skipped_and_the_others_analysed(fake, tmp_path):
    (tmp_path / "a.txt").write_text("Anna Berg said the port would reopen.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kari Holm said SLOW things take time.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Olav Dahl said the toll would stay.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--time-budget", "0.5", "--format", "jsonl", str(tmp_path)],
                             catch_exceptions=False)
    assert res.exit_code == 1
    assert res.stderr == f"skipped {tmp_path / 'b.txt'}: analysis took longer than the 0.5 s time budget (--time-budget)\n"
    assert [json.loads(x)["doc"] for x in res.stdout.splitlines()] == ["a", "c"]
