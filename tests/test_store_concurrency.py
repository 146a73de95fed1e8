"""Several processes ingesting into one store at once: every article exactly once, whole, and no actor twice.

Each process is a real `communique load` run over the same Parquet record files in a different
order, so they race on the same articles and create the same actors at the same moments. The
count defaults to 400 articles for CI; COMMUNIQUE_CONCURRENCY_ARTICLES=2000 is the full run the
README reports. Then real `communique ingest` runs (the spaCy model, extraction, linking) over
short original stories: 2 and 4 at once, over the same files or over files of their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from communique.records import Article, Content, Event, ActorRef, Result, Span, Speaker, Statement
from communique.sinks import ParquetSink
from communique.store import Store
from conftest import ROOT

ARTICLES = int(os.environ.get("COMMUNIQUE_CONCURRENCY_ARTICLES", "400"))
FILES = 8
FIRST = ["Anna", "Olav", "Kari", "Ines", "Tomas", "Lea", "Marek", "Sina", "Pavel", "Ruth"]
LAST = ["Berg", "Dahl", "Holm", "Tavares", "Novak", "Lund", "Moen", "Strand", "Kral", "Voss"]


def person(k: int) -> str:
    """One of 100 people; consecutive articles share most of them."""
    return f"{FIRST[k % 10]} {LAST[(k // 10) % 10]}"


def story(i: int) -> Result:
    """Article i: three statements by three people and one meeting, with ids and offsets of its own."""
    doc = f"story-{i:05d}"
    parts, statements = [], []
    for j in range(3):
        who = person(i * 7 + j * 13)
        start = sum(len(p) + 1 for p in parts)
        content = f"harbour fees for round {i}-{j} would change"
        parts.append(f"{who} said {content}.")
        statements.append(Statement(f"{doc}:s{j + 1}", doc, "indirect",
                                    Content(content, start + len(who) + 6, start + len(who) + 6 + len(content)),
                                    speaker=Speaker(who, start, start + len(who), name=who)))
    a, b = person(i * 3), person(i * 3 + 41)
    start = sum(len(p) + 1 for p in parts)
    parts.append(f"{a} met {b}.")
    event = Event(f"{doc}:e1", doc, "CONSULT", Span("met", start + len(a) + 1, start + len(a) + 4), mode="meet",
                  actors=[ActorRef(a, start, start + len(a), name=a, country="NOR")],
                  recipients=[ActorRef(b, start + len(a) + 5, start + len(a) + 5 + len(b), name=b)])
    return Result(Article(doc, " ".join(parts), path=f"{doc}.txt"), statements, [event])


@pytest.fixture(scope="module")
def record_files(tmp_path_factory):
    """The articles as Parquet record files, FILES of them."""
    out = tmp_path_factory.mktemp("records")
    per = -(-ARTICLES // FILES)
    for f in range(FILES):
        sink = ParquetSink(str(out / f"f{f}"))
        for i in range(f * per, min(ARTICLES, (f + 1) * per)):
            sink.put(story(i))
        sink.close()
    return sorted(str(p) for p in out.rglob("*.parquet"))


def run_concurrently(target: str, files: list[str], processes: int) -> list[subprocess.CompletedProcess]:
    """`processes` load runs at once, each over all files starting at a different one."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COMMUNIQUE_DB", None)
    procs = []
    for k in range(processes):
        order = files[k * len(files) // processes:] + files[:k * len(files) // processes]
        procs.append(subprocess.Popen([sys.executable, "-m", "communique", "--db", target, "-q", "load", *order],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
    done = []
    for p in procs:
        out, err = p.communicate(timeout=900)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


def check_store(target: str, runs: list[subprocess.CompletedProcess]) -> None:
    """Every article once with exactly its records; no actor twice; the runs' counts add up."""
    assert [r.returncode for r in runs] == [0] * len(runs), [r.stderr[-2000:] for r in runs]
    added = already = 0
    for r in runs:
        words = r.stdout.split()
        assert words[1:3] == ["articles", "read,"] and int(words[0]) == ARTICLES
        added += int(words[3])
        already += int(words[5])
    assert (added, already) == (ARTICLES, ARTICLES * (len(runs) - 1))
    expected = [story(i) for i in range(ARTICLES)]
    with Store(target) as store:
        assert store.counts() == {"articles": ARTICLES, "statements": 3 * ARTICLES, "events": ARTICLES,
                                  "actors": 100}
        stored = {(r["doc"], r["id"], r["content"]["start"]) for r in store.statements()}
        assert stored == {(s.doc, s.id, s.content.start) for r in expected for s in r.statements}
        names = store.db.execute("SELECT name, COUNT(*) FROM actors GROUP BY name HAVING COUNT(*) > 1").fetchall()
        assert names == []
        # Every mention of a person points at that person's one actor row.
        pairs = store.db.execute("SELECT DISTINCT speaker_name, actor_id FROM statements").fetchall()
        assert len(pairs) == len({p[0] for p in pairs}) == 100
        assert store.db.execute("SELECT COUNT(*) FROM event_actors").fetchone()[0] == 2 * ARTICLES


@pytest.mark.slow
def test_four_processes_ingest_into_one_postgresql_store(record_files, pg_schema):
    Store(pg_schema).close()  # created once; the four runs then race on the data, not on the schema
    started = time.perf_counter()
    runs = run_concurrently(pg_schema, record_files, 4)
    print(f"4 processes, {ARTICLES} articles: {time.perf_counter() - started:.1f} s")
    check_store(pg_schema, runs)


@pytest.mark.slow
def test_two_processes_ingest_into_one_sqlite_store(record_files, tmp_path):
    target = str(tmp_path / "shared.db")
    runs = run_concurrently(target, record_files, 2)
    check_store(target, runs)


# --- `communique ingest`, 2 and 4 processes at once -------------------------------------------------------------

STORIES = 12
CAST = [("Harbour Minister", "Anna Berg"), ("Fisheries Minister", "Olav Dahl"), ("Mayor", "Kari Holm"),
        ("Trade Minister", "Ines Varga"), ("Transport Minister", "Tomas Novak"), ("Port Director", "Lea Lund"),
        ("Finance Minister", "Marek Moen"), ("Labour Minister", "Sina Strand")]
PORTS = ["Tromsvik", "Nordhamn", "Vestvik", "Kalvhamn"]


def harbour_story(k: int) -> str:
    """Story k: two of the eight officials speak (one quoted by surname), one meets a third; every story
    names three of them, so processes reading different stories still create the same actors at once."""
    (role_a, a), (role_b, b), (_, c) = CAST[k % 8], CAST[(k + 3) % 8], CAST[(k + 5) % 8]
    port = PORTS[k % 4]
    return (f"{port} port fees under review, week {k + 1}\n\n"
            f"{role_a} {a} said on Monday that fees at the {port} port would rise by {k + 2} percent in May.\n"
            f"\u201cWe cannot keep the quays open on last year's money,\u201d {a.split()[1]} told reporters.\n"
            f"{role_b} {b} said the rise would hurt the small boats most.\n"
            f"{a} met {c} in {port} on Tuesday to discuss the fees.\n")


@pytest.fixture(scope="module")
def story_files(tmp_path_factory):
    """The stories as plain-text files."""
    out = tmp_path_factory.mktemp("stories")
    for k in range(STORIES):
        (out / f"harbour-{k:02d}.txt").write_text(harbour_story(k), encoding="utf-8")
    return sorted(str(p) for p in out.glob("*.txt"))


def ingest_concurrently(target: str, inputs: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """One `communique ingest` process per list of files, all started at once."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COMMUNIQUE_DB", None)
    procs = [subprocess.Popen([sys.executable, "-m", "communique", "--db", target, "-q", "ingest", *files],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for files in inputs]
    outputs = [p.communicate(timeout=600) for p in procs]
    return [subprocess.CompletedProcess(p.args, p.returncode, *out) for p, out in zip(procs, outputs)]


def check_ingested(target: str, inputs: list[list[str]], same: bool) -> None:
    """The runs over `inputs` end cleanly and their counts add up; the store holds each story once, each official once."""
    runs = ingest_concurrently(target, inputs)
    for r, files in zip(runs, inputs):
        assert (r.returncode, "Traceback" in r.stderr) == (0, False), r.stderr[-2000:]
        assert r.stdout.split()[:3] == [str(len(files)), "articles", "read,"]
    added = sum(int(r.stdout.split()[3]) for r in runs)
    already = sum(int(r.stdout.split()[5]) for r in runs)
    assert (added, already) == (STORIES, STORIES * (len(runs) - 1) if same else 0)
    with Store(target) as store:
        assert store.counts() == {"articles": STORIES, "statements": 3 * STORIES, "events": STORIES, "actors": 8}
        docs = store.db.execute("SELECT doc, COUNT(DISTINCT text_hash) FROM articles GROUP BY doc ORDER BY doc")
        assert [tuple(r) for r in docs] == [(f"harbour-{k:02d}", 1) for k in range(STORIES)]
        actors = store.db.execute("SELECT actor_id, name, role FROM actors ORDER BY actor_id").fetchall()
        assert [tuple(r) for r in actors] == sorted((n.lower().replace(" ", "-"), n, role) for role, n in CAST)
        # Every mention points at its official's one row: no process created a second "anna-berg-2".
        refs = store.db.execute("SELECT speaker_name, actor_id FROM statements UNION"
                                " SELECT name, actor_id FROM event_actors").fetchall()
        assert sorted(tuple(r) for r in refs) == sorted((n, n.lower().replace(" ", "-")) for _, n in CAST)


def split(files: list[str], processes: int, same: bool) -> list[list[str]]:
    """Each process's files: all of them from a different starting point, or every n-th one."""
    if same:
        return [files[k * len(files) // processes:] + files[:k * len(files) // processes] for k in range(processes)]
    return [files[k::processes] for k in range(processes)]


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 4])
@pytest.mark.parametrize("same", [True, False], ids=["same-files", "own-files"])
def test_concurrent_ingests_into_one_sqlite_store_store_each_story_once(story_files, tmp_path, processes, same):
    check_ingested(str(tmp_path / "shared.db"), split(story_files, processes, same), same)


@pytest.mark.slow
@pytest.mark.parametrize("same", [True, False], ids=["same-files", "own-files"])
def test_four_concurrent_ingests_into_one_postgresql_store_store_each_story_once(story_files, pg_schema, same):
    check_ingested(pg_schema, split(story_files, 4, same), same)
