"""The link commands: incidents, remarks, responses, timeline and export, over a store built by ingest."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from communique import pipeline
from communique.cli import main
from communique.options import Options
from fake_nlp import fake_nlp

A = "Anna Berg met Olav Dahl at the harbour office. Olav Dahl said the ferry tolls would rise in April."
B = ("Anna Berg met Olav Dahl on Tuesday. Olav Dahl said the ferry tolls would rise in April and May. "
     "Kari Holm said the report about the ferry tolls was false.")
C = "Anna Berg met Olav Dahl again. Olav Dahl said the bridge would close."


@pytest.fixture
def db(monkeypatch, tmp_path):
    """A store holding three articles (two reports of one meeting a week before a third), via the fake pipeline."""
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())
    for name, text in (("a", A), ("b", B)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "s.db"
    assert cli("ingest", "--published", "2026-03-03", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
               db=path).exit_code == 0
    (tmp_path / "c.txt").write_text(C, encoding="utf-8")
    assert cli("ingest", "--published", "2026-03-20", str(tmp_path / "c.txt"), db=path).exit_code == 0
    return path


def cli(*args, db=None):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_incidents_group_two_reports_and_keep_the_later_meeting_apart(db):
    rows = [json.loads(x) for x in cli("incidents", "--format", "jsonl", db=db).stdout.splitlines()]
    assert [(r["id"], r["articles"], [x["doc"] for x in r["reports"]]) for r in rows] == [
        ("a-e1", 2, ["a", "b"]), ("c-e1", 1, ["c"])]
    assert cli("incidents", "--min-articles", "2", "--format", "jsonl", db=db).stdout.count("\n") == 1
    one = json.loads(cli("incidents", "--id", "b-e1", "--format", "jsonl", db=db).stdout)
    assert one["id"] == "a-e1"  # a member's id finds its incident
    assert one["links"][0]["why"]["participants"] == "same actor anna-berg@NOR; same actor olav-dahl@SWE"


def test_remarks_by_speaker_with_the_fullest_wording(db):
    rows = list(csv.DictReader(io.StringIO(cli("remarks", "--speaker", "dahl", "--format", "csv", db=db).stdout)))
    assert [(r["reports"], r["fullest"]) for r in rows] == [
        ("2", "the ferry tolls would rise in April and May"), ("1", "the bridge would close")]


def test_responses_and_export(db, tmp_path):
    rows = [json.loads(x) for x in cli("responses", "--format", "jsonl", db=db).stdout.splitlines()]
    assert [(r["speaker"], r["relation"], r["answers"]["speaker"]) for r in rows] == [
        ("Kari Holm", "deny", "Olav Dahl")]
    out = tmp_path / "incidents.csv"
    assert cli("export", "--what", "incidents", "-o", str(out), db=db).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,event_type,date,date_precision,actors,recipients,mentions,articles,sources")
    assert lines[1].startswith("a-e1,CONSULT,,,Anna Berg,Olav Dahl,2,2,2,2026-03-03,2026-03-03,false,false")


def test_timeline_and_table_output(db):
    res = cli("timeline", "Kari", db=db)
    assert res.exit_code == 0 and "Timeline of Kari (1)" in res.stdout and "deny" in res.stdout
    assert "Incidents (2)" in cli("incidents", db=db).stdout


def test_relink_links_articles_ingested_without_links(monkeypatch, tmp_path):
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())
    for name, text in (("a", A), ("b", B)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "s.db"
    cli("ingest", "--no-links", "--published", "2026-03-03", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), db=path)
    assert cli("incidents", "--format", "jsonl", db=path).stdout == ""
    assert cli("relink", db=path).stdout == "2 articles linked\n"
    rows = [json.loads(x) for x in cli("incidents", "--format", "jsonl", db=path).stdout.splitlines()]
    assert [(r["id"], r["articles"]) for r in rows] == [("a-e1", 2)]
