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
    for args in COMMANDS[:3]:
        assert_one_line(cli("--db", str(db), *args), f"{db} is a store of a newer Communiqué (schema version "
                                                     f"{LATEST + 1}; this one reads up to {LATEST}): upgrade Communiqué to open it")
    assert db.read_bytes() == before


def test_a_postgresql_store_from_a_newer_communique_is_one_line(pg_schema):
    with Store(pg_schema) as store:
        store.db.execute("UPDATE schema_version SET version = ?", (LATEST + 7,))
    res = cli("--db", pg_schema, "statements")
    assert_one_line(res, f"{pg_schema} is a store of a newer Communiqué (schema version {LATEST + 7}; this one "
                         f"reads up to {LATEST}): upgrade Communiqué to open it")
