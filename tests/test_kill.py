"""A real ingest process killed (kill -9) at several points leaves only whole articles; the next run completes the set.

A killed or terminated ingest with worker processes leaves none of them behind, nor its output pipes open."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import stored_articles

ARTICLES = 30
FIRST = ["Katrin", "Olav", "Ines", "Tomas", "Lea", "Marek", "Sina", "Pavel", "Ruth", "Anders"]
LAST = ["Solberg", "Dahl", "Tavares", "Novak", "Holm", "Kral", "Berg", "Lund", "Moen", "Strand"]
ROLES = ["Foreign Minister", "Defence Minister", "Trade Minister", "President", "Prime Minister"]
PEOPLE = ["Norwegian", "Swedish", "Portuguese", "Czech", "Danish"]


def _article(i: int) -> str:
    """An original wire-style story with several attributed statements, different for each i."""
    paras = []
    for j in range(8):
        k = (i * 3 + j) % 10
        first, last = FIRST[k], LAST[(k + i) % 10]
        role, nat = ROLES[(i + j) % 5], PEOPLE[(i + 2 * j) % 5]
        paras.append(
            f"{nat} {role} {first} {last} said on Tuesday that talks on harbour fees number {i}-{j} "
            f"would continue next week. \"We have made progress on the toll question, and we expect "
            f"a text by the end of the month,\" {last} told reporters in the capital after a meeting "
            f"that ran late into the evening. Officials said a draft on section {j} was circulating."
        )
    return f"BERGEN (Wire) -- Story {i}.\n\n" + "\n\n".join(paras) + "\n"


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "communique", "--db", str(db), "-q", *args]


def _stored(db: Path) -> dict[str, list[tuple]]:
    """Statements per stored article: (id, kind, content start, content end)."""
    con = sqlite3.connect(db)
    try:
        out: dict[str, list[tuple]] = {doc: [] for (doc,) in con.execute("SELECT doc FROM articles")}
        for doc, js in con.execute("SELECT doc, json FROM statements ORDER BY rowid"):
            s = json.loads(js)
            out.setdefault(doc, []).append((s["id"], s["kind"], s["content"]["start"], s["content"]["end"]))
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The articles on disk."""
    src = tmp_path_factory.mktemp("articles")
    for i in range(ARTICLES):
        (src / f"story{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def corpus(folder):
    """The articles on disk and what a clean run finds in each: (folder, statements per article)."""
    src = folder
    clean = subprocess.run(_cli(src / "unused.db", "extract", "--format", "jsonl", str(src)),
                           capture_output=True, text=True, env=ENV, timeout=120)
    assert clean.returncode == 0, clean.stderr
    expected: dict[str, list[tuple]] = defaultdict(list)
    for line in clean.stdout.splitlines():
        rec = json.loads(line)
        if rec["type"] == "statement":
            expected[rec["doc"]].append((rec["id"], rec["kind"], rec["content"]["start"], rec["content"]["end"]))
    assert len(expected) == ARTICLES and all(len(v) >= 8 for v in expected.values())
    return src, dict(expected)


ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


@pytest.mark.slow
@pytest.mark.timeout(240)
@pytest.mark.parametrize("kill_after", [1, 12, 24])  # articles stored when the kill -9 comes
def test_killed_ingest_keeps_whole_articles_and_a_rerun_completes(tmp_path, corpus, kill_after):
    src, expected = corpus
    db = tmp_path / "kill.db"
    proc = subprocess.Popen(_cli(db, "ingest", "--max-chars", "100000", str(src)), env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored_articles(db) < kill_after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    proc.stderr.close()

    partial = _stored(db)
    assert kill_after <= len(partial) < ARTICLES
    for doc, statements in partial.items():
        assert statements == expected[doc], f"{doc} is half-written"
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()

    rerun = subprocess.run(_cli(db, "ingest", str(src)), capture_output=True, text=True, env=ENV, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    added = ARTICLES - len(partial)
    total = sum(len(expected[d]) for d in expected if d not in partial)
    assert rerun.stdout.startswith(
        f"{ARTICLES} articles read, {added} added, {len(partial)} already in store, 0 skipped, {total} statements,"
    )
    assert _stored(db) == expected


def _family(pid: int) -> dict[int, str]:
    """Every process descended from `pid`, with its command line (parents read from /proc/PID/stat)."""
    children: dict[int, list[int]] = defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        children[ppid].append(int(stat.parent.name))
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child in children[todo.pop()]:
            found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """Whether `pid` is still running (a zombie waiting for init to reap it is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.slow
@pytest.mark.timeout(180)
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_ingest_with_two_workers_leaves_no_process_and_no_pipe_open(tmp_path, folder, sig):
    db = tmp_path / "workers.db"
    proc = subprocess.Popen(_cli(db, "ingest", "--workers", "2", str(folder)), env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored_articles(db) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    family = _family(proc.pid)
    kinds = sorted("tracker" if "resource_tracker" in c else "worker" if "spawn_main" in c else c
                   for c in family.values())
    assert kinds == ["tracker", "worker", "worker"]

    proc.send_signal(sig)
    killed = time.monotonic()
    out, err = proc.communicate(timeout=5)  # both pipes reach end-of-file: nothing else holds them
    while any(map(_alive, family)) and time.monotonic() - killed < 5:
        time.sleep(0.05)
    assert [pid for pid in family if _alive(pid)] == []
    stored = stored_articles(db)
    assert 1 <= stored < ARTICLES
    if sig == signal.SIGTERM:  # unwound: the summary line, the status of a terminated process
        assert proc.returncode == 143, err
        assert re.fullmatch(rf"{stored} articles read, {stored} added, 0 already in store, 0 skipped, \d+ statements, "
                            r"\d+ events; stopped by SIGTERM\n", out.decode()), out
        assert b"Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL and out == b""
