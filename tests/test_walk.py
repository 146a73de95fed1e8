"""Walking directories: symbolic links followed without looping, unreadable directories reported."""

from __future__ import annotations

import inspect
import os
import sys

import pytest
from click.testing import CliRunner

from communique import pipeline
from communique.cli import main
from communique.ingest import describe_skip
from communique.options import Options
from communique.records import Skip
from communique.walk import expand_paths, walk
from fake_nlp import fake_nlp

STORY = "Anna Berg said the ferry talks would resume in spring.\n"


def shown(items) -> list[str]:
    """Files as paths, Skips as their one-line message."""
    return [describe_skip(i) if isinstance(i, Skip) else i for i in items]


def refuse(monkeypatch, *denied) -> None:
    """Listing the `denied` directories fails as it would without permission (chmod does not stop root)."""
    scandir = os.scandir

    def guarded(path="."):
        if os.fspath(path) in map(str, denied):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


def test_a_symbolic_link_to_a_directory_is_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text(STORY, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "linked").symlink_to(elsewhere)
    assert shown(walk(str(root))) == [f"{root}/a.txt", f"{root}/linked/far.txt"]


def test_a_link_back_to_a_directory_above_is_reported_once_and_the_walk_ends(tmp_path):
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "b.txt").write_text(STORY, encoding="utf-8")
    (inner / "up").symlink_to(tmp_path)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert shown(walk(str(tmp_path))) == [
        f"{tmp_path}/a.txt",
        f"{tmp_path}/inner/b.txt",
        f"{tmp_path}/inner/up: symbolic link back to {tmp_path}, which holds it: not followed (a loop)",
    ]


def test_a_second_link_to_a_directory_already_read_is_not_read_again(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "c.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "zz-alias").symlink_to(tmp_path / "real")
    assert shown(walk(str(tmp_path))) == [
        f"{tmp_path}/real/c.txt",
        f"{tmp_path}/zz-alias: the same directory as {tmp_path}/real, already read: not read again",
    ]


def test_an_unreadable_subdirectory_is_reported_and_its_siblings_read(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "secret.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "open.txt").write_text(STORY, encoding="utf-8")
    refuse(monkeypatch, tmp_path / "locked")
    assert shown(walk(str(tmp_path))) == [
        f"{tmp_path}/locked: cannot read this directory: permission denied",
        f"{tmp_path}/open.txt",
    ]


def test_an_unreadable_directory_given_is_reported_as_unreadable_not_as_empty(tmp_path, monkeypatch):
    refuse(monkeypatch, tmp_path)
    assert shown(expand_paths([str(tmp_path)])) == [f"{tmp_path}: cannot read this directory: permission denied"]


def test_a_directory_name_with_a_newline_stays_on_one_message_line(tmp_path, monkeypatch):
    odd = tmp_path / "two\nlines"
    odd.mkdir()
    refuse(monkeypatch, odd)
    assert shown(walk(str(tmp_path))) == [f"{tmp_path}/two\\nlines: cannot read this directory: permission denied"]


def test_nesting_deeper_than_the_recursion_limit_is_walked(tmp_path):
    deep = tmp_path
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text(STORY, encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + 100)  # a walk that recursed once a level would pass it
    try:
        found = shown(walk(str(tmp_path)))
    finally:
        sys.setrecursionlimit(limit)
    assert found == [str(deep / "bottom.txt")]


@pytest.fixture
def fake(monkeypatch):
    """The fake pipeline in this process (the model is not the point here)."""
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())


def test_ingest_reports_a_loop_and_an_unreadable_directory_stores_the_rest_and_exits_1(fake, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "self").symlink_to(folder)
    refuse(monkeypatch, folder / "locked")
    res = CliRunner().invoke(main, ["--db", str(tmp_path / "s.db"), "-q", "ingest", str(folder)],
                             catch_exceptions=False)
    assert res.exit_code == 1
    assert res.stdout == "1 articles read, 1 added, 0 already in store, 2 skipped, 1 statements, 0 events\n"
    assert res.stderr.splitlines() == [
        f"skipped {folder}/locked: cannot read this directory: permission denied",
        f"skipped {folder}/self: symbolic link back to {folder}, which holds it: not followed (a loop)",
    ]
