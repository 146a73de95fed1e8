"""The Ray Data runner gives the local runner's records, skips and summary on the same inputs (real model)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time

import click
import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.store import Store
from conftest import ROOT

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow

FEED = [
    {"id": "harbour", "published": "2026-05-04", "title": "Harbour",
     "text": "The port will reopen on Monday, Harbour Minister Lena Voss told reporters in Bergen."},
    "this line is not JSON",
    {"id": "toll", "text": "Olav Dahl, the transport minister, said the toll would stay until June."},
]


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray of 2 CPUs for the module (the runner joins it instead of starting its own)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def inputs(tmp_path):
    """The bundled samples, a JSON Lines feed with one bad line, an empty directory and a missing file."""
    shutil.copytree(ROOT / "samples", tmp_path / "samples", ignore=shutil.ignore_patterns("*.md"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) if isinstance(r, dict) else r for r in FEED) + "\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return [str(tmp_path / "samples"), str(feed), str(tmp_path / "empty"), str(tmp_path / "missing.txt")]


def ingest(db, *args):
    return CliRunner().invoke(main, ["-q", "--db", str(db), "ingest", *args], catch_exceptions=False)


def own_lines(stderr: str) -> list[str]:
    """The command's stderr without the lines Ray prints there for its raylet (they may come at any moment)."""
    return [line for line in click.unstyle(stderr).splitlines() if not line.startswith("(raylet) ")]


def dump(db) -> dict:
    """Everything a user can read back from a store: statements, events, actors, articles."""
    with Store(db) as store:
        articles = [store.article(a["id"]) for a in store.article_page(limit=100).items]
        for a in articles:
            a.pop("ingested_at")
        return {"statements": store.statements(), "events": store.events(), "actors": store.actors(),
                "articles": articles}


def test_ray_runner_stores_exactly_what_the_local_runner_stores(tmp_path, inputs, local_ray):
    local = ingest(tmp_path / "local.db", *inputs)
    on_ray = ingest(tmp_path / "ray.db", "--engine", "ray", "--workers", "2", *inputs)
    assert local.exit_code == on_ray.exit_code == 1  # one bad line, one empty directory, one missing file
    assert on_ray.stdout == local.stdout
    assert local.stdout.startswith("10 articles read, 10 added, 0 already in store, 3 skipped, ")
    assert own_lines(on_ray.stderr)[-3:] == local.stderr.splitlines()[-3:] == [
        f"skipped {inputs[1]}:2: malformed JSON (Expecting value)",
        f"skipped {inputs[2]}: no .txt, .text, .html, .htm, .jsonl or .ndjson files in this directory",
        f"skipped {inputs[3]}: no such file or directory",
    ]
    expected = dump(tmp_path / "local.db")
    assert len(expected["statements"]) > 100 and len(expected["events"]) > 50
    assert dump(tmp_path / "ray.db") == expected


def test_parquet_articles_and_parquet_output_round_trip(tmp_path, inputs, local_ray):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r for r in FEED if isinstance(r, dict)] + [{"id": "blank", "text": "  "}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "feed.parquet")
    from_jsonl = ingest(tmp_path / "a.db", inputs[1])
    to_parquet = ingest(tmp_path / "unused.db", "--engine", "ray", str(tmp_path / "feed.parquet"),
                        "--out", str(tmp_path / "records"))
    assert to_parquet.exit_code == 1
    assert own_lines(to_parquet.stderr)[-1] == f"skipped {tmp_path / 'feed.parquet'} (blank): missing or empty 'text'"
    loaded = CliRunner().invoke(main, ["--db", str(tmp_path / "b.db"), "load", str(tmp_path / "records")])
    assert loaded.exit_code == 0
    a, b = dump(tmp_path / "a.db"), dump(tmp_path / "b.db")
    for art in a["articles"] + b["articles"]:
        art.pop("path")  # the file each came from differs; everything else must not
        art.pop("id")
    assert b == a
    assert [s["speaker"]["name"] for s in b["statements"]] == ["Olav Dahl", "Lena Voss"]  # undated first


def test_ray_runner_into_a_postgresql_store_matches_the_local_runner_into_sqlite(tmp_path, inputs, local_ray,
                                                                                pg_schema):
    local = ingest(tmp_path / "local.db", inputs[1])
    on_ray = ingest(pg_schema, "--engine", "ray", inputs[1])
    assert on_ray.stdout == local.stdout
    assert local.stdout.startswith("2 articles read, 2 added, 0 already in store, 1 skipped, ")
    assert dump(pg_schema) == dump(tmp_path / "local.db")


DIED = "(raylet) A worker died or was killed while executing a task by an unexpected system error."


def test_a_worker_dying_is_reported_on_stderr_and_stdout_keeps_only_the_summary(tmp_path, inputs, local_ray):
    """Ray's driver thread printed the raylet's report of a dead worker on stdout, into a pipe's data (a CI flake)."""
    local = ingest(tmp_path / "local.db", inputs[1])

    @ray.remote(max_retries=0)
    def crash():
        os._exit(1)

    # One isolation for the command and the crash after it: the report comes late, as Ray's often do,
    # while this process's stdout is still the one a user pipes into another program.
    with CliRunner().isolation() as (out, err, _):
        with pytest.raises(SystemExit) as ended:
            main.main(["-q", "--db", str(tmp_path / "ray.db"), "ingest", "--engine", "ray", inputs[1]],
                      prog_name="communique")
        with pytest.raises(ray.exceptions.WorkerCrashedError):
            ray.get(crash.remote())
        deadline = time.monotonic() + 60
        while DIED not in click.unstyle((out.getvalue() + err.getvalue()).decode()):
            assert time.monotonic() < deadline, "Ray never reported the dead worker"
            time.sleep(0.1)
            sys.stdout.flush()  # Ray's thread prints without flushing
            sys.stderr.flush()
    assert ended.value.code == 1  # the feed's bad line
    assert local.stdout.startswith("2 articles read, 2 added, 0 already in store, 1 skipped, ")
    assert out.getvalue().decode() == local.stdout
    stderr = click.unstyle(err.getvalue().decode())
    assert own_lines(stderr) == local.stderr.splitlines() == [f"skipped {inputs[1]}:2: malformed JSON (Expecting value)"]
    assert any(line.startswith(DIED) and "Worker exit type: SYSTEM_ERROR" in line for line in stderr.splitlines())
