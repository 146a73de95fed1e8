"""Links in the store: written at ingest, the same groups whatever the order, re-ingest or a killed run."""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.evaluate.links_gold import load_articles
from communique.options import Options
from communique.pipeline import run
from communique.store import Store
from conftest import stored_articles

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "links"


@pytest.fixture(scope="module")
def results(nlp):
    """The links corpus, analysed once by the real pipeline."""
    return list(run(load_articles(CORPUS), Options(), nlp=nlp))


def _links(db_path) -> dict:
    """Every group and answer in a store, as plain sets of record ids."""
    con = sqlite3.connect(db_path)
    try:
        def groups(sql):
            out: dict[str, set] = {}
            for member, group in con.execute(sql):
                out.setdefault(group, set()).add(member)
            return {frozenset(v) for v in out.values()}
        answers = set(con.execute("SELECT r.statement_id, r.relation, h.target FROM responses r"
                                  " JOIN responses h ON h.statement_id = r.head"))
        return {"incidents": groups("SELECT event_id, incident FROM link_events"),
                "remarks": groups("SELECT statement_id, remark FROM link_statements"), "responses": answers}
    finally:
        con.close()


def _ingest(results, path, order):
    with Store(path) as store:
        for i in order:
            store.add(copy.deepcopy(results[i]))
    return _links(path)


def test_any_order_and_a_second_ingest_give_the_same_groups(results, tmp_path):
    n = len(results)
    reference = _ingest(results, tmp_path / "forward.db", range(n))
    assert len([g for g in reference["incidents"] if len(g) > 1]) == 8
    assert len([g for g in reference["remarks"] if len(g) > 1]) == 11
    assert len(reference["responses"]) == 17
    assert _ingest(results, tmp_path / "backward.db", reversed(range(n))) == reference
    for seed in (1, 2, 3):
        order = list(range(n))
        random.Random(seed).shuffle(order)
        assert _ingest(results, tmp_path / f"shuffled{seed}.db", order) == reference
    with Store(tmp_path / "forward.db") as store:
        assert not any(store.add(copy.deepcopy(r)) for r in results)
    assert _links(tmp_path / "forward.db") == reference


def test_an_incident_keeps_every_report_and_the_reasons(results, store_target):
    with Store(store_target) as store:
        for r in copy.deepcopy(results):
            store.add(r)
        sanctions = store.links.incidents(type="SANCTION", min_articles=2)
        assert len(sanctions) == 1  # "has sanctioned 16 officials since 2021" is another incident
        inc = store.links.incident(sanctions[0]["id"])
    assert (inc["articles"], inc["sources"], inc["first_reported"], inc["last_reported"]) == (
        3, 3, "2026-03-23", "2026-03-24")
    assert inc["date"] == {"value": "2026-03-23", "precision": "day", "reports": 3}
    assert [r["doc"] for r in inc["reports"]] == [
        "mp-0323-myanmar-sanctions", "cl-0324-myanmar-sanctions", "hw-0324-myanmar-sanctions"]
    assert inc["reports"][0]["sentence"] == (
        "Australia imposed sanctions on three Myanmar generals on Monday over air strikes on villages in "
        "Sagaing region.")
    assert len(inc["links"]) == 3 and all(link["why"]["type"] == "SANCTION" for link in inc["links"])
    assert not inc["negated"] and not inc["claimed_only"]


def test_a_changed_quote_and_the_answers_to_a_claim(results, store_target):
    with Store(store_target) as store:
        for r in copy.deepcopy(results):
            store.add(r)
        changed = store.links.remarks(changed=True)
        answers = store.links.responses(actor="Ortiz")
    assert [(r["speaker"], r["reports_count"], r["changes"]) for r in changed] == [
        ("Ragnar Eiriksson", 3, ["twelve / eleven"])]
    assert [(a["relation"], a["speaker"], a["answers"]["speaker"]) for a in answers] == [
        ("decline", "Mariela Ortiz", "Andrés Quintero"), ("confirm", "Mariela Ortiz", "Andrés Quintero"),
        ("confirm", "Mariela Ortiz", "Andrés Quintero")]


def test_ingest_without_links_writes_no_groups(results, tmp_path):
    with Store(tmp_path / "s.db", links=False) as store:
        store.add(copy.deepcopy(results[0]))
        assert store.counts()["events"] == len(results[0].events) > 0
        assert store.links.incidents() == []


@pytest.mark.slow
def test_a_killed_linking_ingest_completes_to_the_same_groups(tmp_path):
    src = tmp_path / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as out:
        for a in load_articles(CORPUS):
            out.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "source": a.source,
                                  "published": a.published.isoformat()}) + "\n")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def cli(db, *args):
        return [sys.executable, "-m", "communique", "--db", str(db), "-q", *args]

    clean = subprocess.run(cli(tmp_path / "clean.db", "ingest", str(src)), capture_output=True, text=True,
                           env=env, timeout=300)
    assert clean.returncode == 0, clean.stderr
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(cli(killed, "ingest", str(src)), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and stored_articles(killed) < 3:
        time.sleep(0.005)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert 3 <= stored_articles(killed) < 23
    rerun = subprocess.run(cli(killed, "ingest", str(src)), capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _links(killed) == _links(tmp_path / "clean.db")


