"""How the command line fails (cli_errors.py): a file that is not a store, a store from a newer Communiqué,
outputs that cannot be written; each is one `Error:` line and exit status 1, never a traceback. And what a
real terminal receives: no control sequence from an article or a file name."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import sqlite3
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique import pipeline
from communique.cli import main
from communique.options import Options
from communique.records import Article, Content, Result, Speaker, Statement
from communique.store import Store
from communique.store.schema import LATEST
from fake_nlp import fake_nlp

TESTS = Path(__file__).resolve().parent
STORY = "Anna Berg said the ferry would run again.\n\nAnna Berg met Olav Dahl at the quay.\n"


@pytest.fixture
def fake(monkeypatch):
    """The fake pipeline in this process (the model is not the point here)."""
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())


def cli(*args: str):
    """The command line in this process; an exception that escapes it fails the test (no traceback hidden)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def assert_one_line(res, message: str) -> None:
    """Exit status 1, nothing on stdout, and exactly `Error: message` on stderr."""
    assert (res.exit_code, res.stdout, res.stderr) == (1, "", f"Error: {message}\n")


def _store(path: Path) -> None:
    """A small real store."""
    with Store(path) as store:
        store.add(Result(Article("a", "Anna Berg said the ferry would run again."), [
            Statement("a-1", "a", "indirect", Content("the ferry would run again", 15, 40),
                      speaker=Speaker("Anna Berg", 0, 9, name="Anna Berg"))]))


# --- stores that are not (or not yet) ours ------------------------------------------------------------------

def _foreign(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Files a user may point --db at by mistake, with the reason each is refused."""
    noise = tmp_path / "noise.db"
    noise.write_bytes(bytes(range(256)) * 16)
    recipes = tmp_path / "recipes.db"
    cms = tmp_path / "cms.db"
    for path, sql in ((recipes, "CREATE TABLE recipes (name TEXT); CREATE TABLE steps (n INTEGER)"),
                      (cms, "CREATE TABLE articles (id INTEGER, body TEXT)")):
        con = sqlite3.connect(path)
        con.executescript(sql + "; INSERT INTO " + ("recipes VALUES ('soup')" if path == recipes else
                                                     "articles VALUES (1, 'x')"))
        con.close()
    return {"noise": (noise, "file is not a database"),
            "recipes": (recipes, "an SQLite database with other tables (recipes, steps)"),
            "cms": (cms, "an SQLite database with other tables (articles)")}


COMMANDS = [["statements"], ["events", "--format", "csv"], ["actors"], ["incidents"], ["remarks"], ["responses"],
            ["timeline", "Berg"], ["relink"], ["export", "--what", "events"], ["serve"]]


def test_a_file_that_is_not_a_store_is_refused_in_one_line_and_left_unchanged(fake, tmp_path, monkeypatch):
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("serve started on a file that is not a store"))
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for path, reason in _foreign(tmp_path).values():
        before = path.read_bytes()
        for args in [*COMMANDS, ["ingest", str(story)], ["load", str(tmp_path)]]:
            res = cli("--db", str(path), *args)
            assert_one_line(res, f"{path} is not a Communiqué store: {reason}")
        assert path.read_bytes() == before  # no table created, not even switched to WAL mode
        assert sorted(p.name for p in tmp_path.glob(path.name + "*")) == [path.name]


def test_an_empty_file_is_a_new_store(fake, tmp_path):
    story, db = tmp_path / "story.txt", tmp_path / "empty.db"
    story.write_text(STORY, encoding="utf-8")
    db.touch()
    res = cli("--db", str(db), "ingest", str(story))
    assert res.exit_code == 0 and res.stdout.startswith("1 articles read, 1 added")


def test_a_store_from_a_newer_communique_is_refused_and_left_unchanged(tmp_path):
    db = tmp_path / "s.db"
    _store(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE schema_version SET version = ?", (LATEST + 1,))
    con.commit()
    con.close()
    before = db.read_bytes()
    message = (f"{db} is a store of a newer Communiqué (schema version {LATEST + 1}; this one reads up to {LATEST}):"
               " upgrade Communiqué to open it")
    for args in COMMANDS[:3]:
        assert_one_line(cli("--db", str(db), *args), message)
    assert db.read_bytes() == before


def test_a_postgresql_store_from_a_newer_communique_is_one_line(pg_schema):
    with Store(pg_schema) as store:
        store.db.execute("UPDATE schema_version SET version = ?", (LATEST + 7,))
    res = cli("--db", pg_schema, "statements")
    assert_one_line(res, f"{pg_schema} is a store of a newer Communiqué (schema version {LATEST + 7}; this one "
                         f"reads up to {LATEST}): upgrade Communiqué to open it")


# --- outputs that cannot be written -------------------------------------------------------------------------

@pytest.mark.parametrize("where, reason", [("missing/out.csv", "No such file or directory"), (".", "Is a directory"),
                                           ("/dev/full", "No space left on device")])
def test_export_into_a_missing_directory_a_directory_or_a_full_device_is_one_line(tmp_path, where, reason):
    db = tmp_path / "s.db"
    _store(db)
    target = where if where.startswith("/") else str(tmp_path / where)
    for what in ("statements", "incidents"):
        res = cli("--db", str(db), "export", "--what", what, "-o", target)
        assert_one_line(res, f"cannot write {target}: {reason}")


def test_ingest_out_under_a_file_is_one_line(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    target = str(tmp_path / "story.txt" / "parquet")
    assert_one_line(cli("ingest", "--out", target, str(tmp_path / "story.txt")),
                    f"cannot write {target}: Not a directory")


def test_eval_jsonl_out_into_a_missing_directory_is_one_line(tmp_path):
    target = str(tmp_path / "missing" / "pred.jsonl")
    assert_one_line(cli("eval", "polnear", str(tmp_path), "--jsonl-out", target),
                    f"cannot write {target}: No such file or directory")


# The fake pipeline in a child process: output to a real device, and limits a child can have.
FAKE_CLI = ("import sys; sys.path.insert(0, sys.argv.pop(1)); from fake_nlp import fake_nlp;"
            " from communique import pipeline; from communique.options import Options;"
            " pipeline._NLP[pipeline.pipeline_key(Options())] = fake_nlp();"
            " from communique.cli import main; main(sys.argv[1:])")


def _child(*args: str, stdout=subprocess.PIPE, max_file_bytes: int = 0) -> subprocess.CompletedProcess:
    """`communique ARGS` with the fake pipeline in a child process, files capped at `max_file_bytes` if set."""
    def cap():
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    return subprocess.run([sys.executable, "-c", FAKE_CLI, str(TESTS), *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=120, preexec_fn=cap if max_file_bytes else None)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("args", [["statements"], ["statements", "--format", "jsonl"], ["export", "--what", "events"],
                                  ["incidents", "--format", "csv"]])
def test_standard_output_on_a_full_device_is_one_line(tmp_path, args):
    db = tmp_path / "s.db"
    _store(db)
    with open("/dev/full", "w") as full:
        res = _child("--db", str(db), *args, stdout=full)
    assert (res.returncode, res.stderr) == (1, "Error: cannot write to standard output: No space left on device\n")


def _stories(folder: Path, n: int = 40) -> Path:
    """`n` short stories in `folder`."""
    folder.mkdir()
    for i in range(n):
        (folder / f"s{i:02d}.txt").write_text(f"Anna Berg said pier {i} would open.\n\nKari Holm met Olav Dahl.\n",
                                             encoding="utf-8")
    return folder


def test_parquet_output_on_a_full_disk_names_the_file_in_one_line(tmp_path):
    out = tmp_path / "parquet"
    res = _child("-q", "ingest", "--out", str(out), str(_stories(tmp_path / "in")), max_file_bytes=2000)
    assert res.returncode == 1 and res.stdout == ""
    assert re.fullmatch(rf"Error: {re.escape(str(out))}/part-00000\.parquet: [^\n]*File too large\n", res.stderr)


def test_a_store_on_a_full_disk_is_one_line_and_keeps_whole_articles(tmp_path):
    db, stories = tmp_path / "s.db", _stories(tmp_path / "in")
    first = _child("-q", "--db", str(db), "ingest", *sorted(str(p) for p in stories.iterdir())[:10])
    assert first.returncode == 0
    # The journal (WAL) grows by every article written; capped at 500 kB it fills after a few of the other 30.
    res = _child("-q", "--db", str(db), "ingest", str(stories), max_file_bytes=500_000)
    assert res.returncode == 1 and res.stdout == ""
    assert re.fullmatch(rf"Error: the store {re.escape(str(db))} failed: [^\n]+\n", res.stderr)
    con = sqlite3.connect(db)
    stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 10 < stored < 40
    assert con.execute("SELECT COUNT(*) FROM statements").fetchone()[0] == stored  # each article whole
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


# --- what a real terminal receives --------------------------------------------------------------------------

def _on_a_terminal(*args: str) -> tuple[int, bytes]:
    """Run `communique ARGS` with stdout and stderr on a pseudo-terminal 200 columns wide; its bytes."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}  # the terminal's size decides
    proc = subprocess.Popen([sys.executable, "-m", "communique", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=env)
    os.close(slave)
    out = b""
    while select.select([master], [], [], 60)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=60), out


SGR = re.compile(rb"\x1b\[[0-9;]*m")  # rich's own styles (bold headers) are the only sequences allowed


def test_a_terminal_gets_the_articles_escape_sequences_as_text(tmp_path):
    db = tmp_path / "s.db"
    said = "the \x1b[2J\x1b]0;owned\x07 ferry [bold]runs[/bold] \x9b31m today"
    with Store(db) as store:
        store.add(Result(Article("e", f"Anna Berg said {said}."), [
            Statement("e-1", "e", "indirect", Content(said, 15, 15 + len(said)),
                      speaker=Speaker("Anna Berg", 0, 9, name="Anna Berg"))]))
    status, out = _on_a_terminal("--db", str(db), "statements")
    assert status == 0
    assert b"\x1b" not in SGR.sub(b"", out) and b"\xc2\x9b" not in out and b"\x07" not in out
    assert "the \\x1b[2J\\x1b]0;owned\\x07 ferry [bold]runs[/bold] \\x9b31m today".encode() in out


def test_a_terminal_gets_a_file_name_with_an_escape_sequence_as_text(tmp_path):
    db = tmp_path / "news\x1b]0;owned\x07.db"
    status, out = _on_a_terminal("--db", str(db), "statements")
    assert (status, out) == (1, f"Error: no store at {tmp_path}/news\\x1b]0;owned\\x07.db: run `communique ingest "
                                f"PATH...` first\r\n".encode())


def test_a_skipped_parquet_file_is_named_with_its_control_characters_escaped(tmp_path):
    bad = tmp_path / "part\x1b]0;owned\x07.parquet"  # OSC: click strips CSI sequences off a pipe, not these
    bad.write_bytes(b"not parquet at all")
    res = cli("--db", str(tmp_path / "s.db"), "load", str(bad))
    assert res.exit_code == 1
    assert res.stdout == "0 articles read, 0 added, 0 already in store, 1 files skipped, 0 statements, 0 events\n"
    line, again = res.stderr.splitlines()  # as it happened, then after the summary
    assert line == again and line.startswith(f"skipped {tmp_path}/part\\x1b]0;owned\\x07.parquet: ")
    assert "\x1b" not in res.stderr
