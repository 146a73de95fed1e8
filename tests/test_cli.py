"""The command line: help texts, exit statuses, summary line, queries and exports."""

from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from communique import pipeline
from communique.cli import main
from communique.options import Options
from fake_nlp import fake_nlp

ARTICLE_A = (
    "Oslo, March 10 -- Anna Berg said the ferry talks would resume in spring.\n\n"
    "Anna Berg met Olav Dahl at the harbour office. Olav Dahl said no date had been set."
)
ARTICLE_B = "Tromso -- Kari Holm said the bridge would reopen. Olav Dahl said the toll would stay."


@pytest.fixture
def fake(monkeypatch):
    """Run the CLI with the fake pipeline in this process (the model is not the point here)."""
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return tmp_path


def cli(*args: str, db=None):
    runner = CliRunner()
    pre = ["--db", str(db)] if db else []
    return runner.invoke(main, [*pre, *args], catch_exceptions=False)


def _commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        yield f"{prefix}{name}", cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix}{name} ")


def test_every_command_and_option_has_help_text():
    missing = [] if main.help else ["communique"]
    missing += [f"communique {o.name}" for o in main.params if isinstance(o, click.Option) and not o.help]
    for name, cmd in _commands(main):
        if not (cmd.help or "").strip():
            missing.append(name)
        missing += [f"{name} {p.name}" for p in cmd.params if isinstance(p, click.Option) and not p.help]
    assert missing == []
    assert {"extract", "ingest", "statements", "events", "actors", "export"} <= set(main.commands)


def test_extract_reports_a_skipped_file_exits_1_and_still_prints_the_good_one(fake, files):
    (files / "empty.txt").write_text("", encoding="utf-8")
    res = cli("extract", "--format", "jsonl", str(files / "empty.txt"), str(files / "b.txt"))
    assert res.exit_code == 1
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(x["type"], x["id"], x["speaker"]["name"]) for x in lines] == [
        ("statement", "b-1", "Kari Holm"), ("statement", "b-2", "Olav Dahl")]
    assert res.stderr.splitlines()[0].startswith(f"skipped {files / 'empty.txt'}: ")


def test_extract_table_and_clean_exit(fake, files):
    res = cli("extract", str(files / "b.txt"))
    assert res.exit_code == 0
    assert "Statements (2)" in res.stdout and "Kari Holm" in res.stdout and "the bridge would reopen" in res.stdout


def test_ingest_prints_one_exact_summary_line_and_is_idempotent(fake, files, tmp_path):
    db = tmp_path / "s.db"
    (files / "empty.txt").write_text("", encoding="utf-8")
    first = cli("ingest", str(files), db=db)
    assert first.exit_code == 1
    assert first.stdout == "2 articles read, 2 added, 0 already in store, 1 skipped, 4 statements, 1 events\n"
    skip_lines = [x for x in first.stderr.splitlines() if x.startswith("skipped ")]
    assert len(skip_lines) == 2 and skip_lines[0] == skip_lines[1]  # as it happened, then in the summary
    assert skip_lines[0].startswith(f"skipped {files / 'empty.txt'}: ")
    (files / "empty.txt").unlink()
    again = cli("ingest", str(files), db=db)
    assert again.exit_code == 0
    assert again.stdout == "2 articles read, 0 added, 2 already in store, 0 skipped, 0 statements, 0 events\n"
    assert again.stderr == ""


def test_reingest_analyses_nothing_and_names_a_copy_stored_under_another_id(fake, files, tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    assert cli("ingest", str(files), db=db).exit_code == 0
    analysed: list[str] = []
    analyse = pipeline._extract_batch

    def counting(nlp, articles, options):
        analysed.extend(a.id for a in articles)
        return analyse(nlp, articles, options)

    monkeypatch.setattr(pipeline, "_extract_batch", counting)
    (files / "b-2.txt").write_text(ARTICLE_B, encoding="utf-8")  # a renamed copy of b
    again = cli("ingest", str(files), db=db)
    assert again.exit_code == 0
    assert again.stdout == "3 articles read, 0 added, 3 already in store, 0 skipped, 0 statements, 0 events\n"
    assert again.stderr == f"already in store: {files / 'b-2.txt'} (b-2) has the same text as stored article b\n"
    assert analysed == []
    assert cli("-q", "ingest", str(files), db=db).stderr == ""


def test_a_copy_within_one_run_is_analysed_once_stored_once_and_named(fake, files, tmp_path):
    (files / "c.txt").write_text(ARTICLE_B, encoding="utf-8")  # b's text, new to the store as well
    res = cli("ingest", str(files), db=tmp_path / "s.db")
    assert res.exit_code == 0
    assert res.stdout == "3 articles read, 2 added, 1 already in store, 0 skipped, 4 statements, 1 events\n"
    assert res.stderr == f"already in store: {files / 'c.txt'} (c) has the same text as stored article b\n"


def test_a_copy_whose_file_name_holds_a_newline_is_named_on_one_line(fake, files, tmp_path):
    db = tmp_path / "s.db"
    cli("ingest", str(files / "a.txt"), db=db)
    (files / "two\nlines.txt").write_text(ARTICLE_A, encoding="utf-8")
    res = cli("ingest", str(files / "two\nlines.txt"), db=db)
    assert res.stderr == f"already in store: {files}/two\\nlines.txt (two\\nlines) has the same text as stored article a\n"


def test_quiet_ingest_keeps_only_the_summary_and_final_skip_list(fake, files, tmp_path):
    (files / "empty.txt").write_text("", encoding="utf-8")
    res = cli("-q", "ingest", str(files), db=tmp_path / "q.db")
    assert res.exit_code == 1
    assert len(res.stderr.splitlines()) == 1


def test_statements_by_speaker_in_jsonl_and_csv(fake, files, tmp_path):
    db = tmp_path / "s.db"
    cli("ingest", str(files), db=db)
    res = cli("statements", "--speaker", "dahl", "--format", "jsonl", db=db)
    assert res.exit_code == 0
    got = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(s["id"], s["content"]["text"]) for s in got] == [
        ("a-2", "no date had been set"), ("b-2", "the toll would stay")]
    assert got[0]["speaker"]["actor_id"] == got[1]["speaker"]["actor_id"]
    rows = list(csv.DictReader(io.StringIO(cli("statements", "--speaker", "Kari", "--format", "csv", db=db).stdout)))
    assert [(r["speaker_name"], r["content"], r["content_start"]) for r in rows] == [
        ("Kari Holm", "the bridge would reopen", "25")]
    assert ARTICLE_B[25:48] == "the bridge would reopen"


def test_export_events_csv_has_polecat_columns(fake, files, tmp_path):
    db = tmp_path / "s.db"
    cli("ingest", "--published", "2026-03-10", str(files), db=db)
    out = tmp_path / "events.csv"
    res = cli("export", "--what", "events", "--format", "csv", "-o", str(out), db=db)
    assert res.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "Event ID,Event Date,Event Type,Event Mode,Contexts,Actor Name,Actor Country,Actor Sector,"
        "Recipient Name,Recipient Country,Recipient Sector,Placename,Country,Event Text,Story ID,"
        "Claimed By,Negated,Future,Hypothetical"
    )
    assert lines[1] == (
        "a-e1,2026-03-10,CONSULT,meet,,Anna Berg,NOR,GOV,Olav Dahl,SWE,GOV,,,"
        "Anna Berg met Olav Dahl at the harbour office.,a,,false,false,false"
    )


def test_export_statements_jsonl_matches_the_contract(fake, files, tmp_path):
    db = tmp_path / "s.db"
    cli("ingest", str(files / "b.txt"), db=db)
    res = cli("export", "--what", "statements", "--format", "jsonl", db=db)
    first = json.loads(res.stdout.splitlines()[0])
    assert list(first) == ["type", "id", "doc", "kind", "content", "speaker", "cue", "addressee", "date",
                           "confidence"]


def test_events_and_actors_commands(fake, files, tmp_path):
    db = tmp_path / "s.db"
    cli("ingest", str(files), db=db)
    res = cli("events", "--type", "consult", "--country", "SWE", "--format", "jsonl", db=db)
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["a-e1"]
    assert cli("events", "--type", "ASSAULT", "--format", "jsonl", db=db).stdout == ""
    rows = list(csv.DictReader(io.StringIO(cli("actors", "--format", "csv", db=db).stdout)))
    assert [(r["name"], r["statements"], r["events"]) for r in rows] == [
        ("Anna Berg", "1", "1"), ("Kari Holm", "1", "0"), ("Olav Dahl", "2", "1")]


def test_a_percent_sign_in_speaker_or_actor_matches_only_a_literal_percent_sign(fake, files, tmp_path):
    from communique.records import ActorRef, Article, Content, Event, Result, Span, Speaker, Statement
    from communique.store import Store

    db = tmp_path / "s.db"
    cli("ingest", str(files), db=db)
    with Store(db) as store:
        name = "Liga 50% Norte"
        store.add(Result(Article("p", f"{name} said fees rise. {name} met Anna Berg."), [
            Statement("p-1", "p", "indirect", Content("fees rise", 20, 29), speaker=Speaker(name, 0, 14, name=name))],
            [Event("p-e1", "p", "CONSULT", Span("met", 46, 49), actors=[ActorRef(name, 31, 45, name=name)])]))
    res = cli("statements", "--speaker", "%", "--format", "jsonl", db=db)
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["p-1"]
    assert cli("statements", "--speaker", "_", "--format", "jsonl", db=db).stdout == ""
    res = cli("events", "--actor", "%", "--format", "jsonl", db=db)
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["p-e1"]
    assert len(cli("statements", "--format", "jsonl", db=db).stdout.splitlines()) == 5


def test_queries_without_a_store_say_so(tmp_path):
    res = cli("statements", db=tmp_path / "none.db")
    assert res.exit_code == 1
    assert "no store at" in res.stderr and not (tmp_path / "none.db").exists()


def test_db_comes_from_the_environment(fake, files, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_DB", str(tmp_path / "env.db"))
    assert cli("ingest", str(files / "b.txt")).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_bad_usage_exits_2():
    assert cli("statements", "--since", "yesterday").exit_code == 2
    assert cli("extract").exit_code == 2


# --- with the real model ---------------------------------------------------------------------------

DIRECT = (
    '"We will sign the ferry accord," Norwegian Foreign Minister Katrin Solberg told reporters in Bergen '
    "on Tuesday.\n"
)


@pytest.mark.slow
def test_extract_jsonl_gives_the_contract_fields_with_the_published_date(tmp_path):
    (tmp_path / "ferry.txt").write_text(DIRECT, encoding="utf-8")
    res = cli("extract", "--published", "2026-03-12", "--format", "jsonl", str(tmp_path / "ferry.txt"))
    assert res.exit_code == 0, res.stderr
    statements = [json.loads(x) for x in res.stdout.splitlines() if json.loads(x)["type"] == "statement"]
    assert statements == [{
        "type": "statement", "id": "ferry:s1", "doc": "ferry", "kind": "direct",
        "content": {"text": "We will sign the ferry accord", "start": 1, "end": 30, "parts": []},
        "speaker": {"text": "Norwegian Foreign Minister Katrin Solberg", "start": 33, "end": 74,
                    "name": "Katrin Solberg", "role": "Foreign Minister", "country": "NOR", "sector": "GOV",
                    "actor_id": "katrin-solberg@NOR", "kb_id": None},
        "cue": {"text": "told", "start": 75, "end": 79, "lemma": "tell"},
        "addressee": {"text": "reporters", "start": 80, "end": 89, "name": "reporters", "inherited": False,
                      "kind": "listener"},
        "date": {"text": "Tuesday", "start": 103, "end": 110, "value": "2026-03-10", "precision": "day",
                 "inherited": False},
        "confidence": 0.9,
    }]


@pytest.mark.slow
def test_a_surname_in_a_later_article_resolves_to_the_stored_actor(tmp_path):
    (tmp_path / "one.txt").write_text(DIRECT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        '"The accord is good for both ports," Solberg said in a statement on Friday.\n', encoding="utf-8")
    db = tmp_path / "s.db"
    assert cli("ingest", "--published", "2026-03-12", str(tmp_path / "one.txt"), db=db).exit_code == 0
    assert cli("ingest", "--published", "2026-03-14", str(tmp_path / "two.txt"), db=db).exit_code == 0
    res = cli("statements", "--speaker", "Katrin Solberg", "--format", "jsonl", db=db)
    got = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(s["doc"], s["speaker"]["text"], s["speaker"]["name"], s["speaker"]["actor_id"]) for s in got] == [
        ("one", "Norwegian Foreign Minister Katrin Solberg", "Katrin Solberg", "katrin-solberg@NOR"),
        ("two", "Solberg", "Katrin Solberg", "katrin-solberg@NOR"),
    ]
    later = cli("statements", "--since", "2026-03-11", "--format", "jsonl", db=db)
    assert [json.loads(x)["doc"] for x in later.stdout.splitlines()] == ["two"]


ACTOR_FILE = """\
- name: Ingrid Solberg
  aliases: [Solberg]
  country: NOR
  sector: GOV
  offices:
    - {title: Prime Minister, country: NOR, from: 2025-10-01, until: null}
- name: Erik Dahl
  offices:
    - {title: Prime Minister, country: NOR, from: 2021-10-14, until: 2025-09-30}
"""


@pytest.mark.parametrize("published, holder", [("2026-03-12", "Ingrid Solberg"), ("2024-03-12", "Erik Dahl")])
def test_actor_file_names_the_office_holder_on_the_publication_date(tmp_path, published, holder):
    actors = tmp_path / "actors.yaml"
    actors.write_text(ACTOR_FILE, encoding="utf-8")
    story = tmp_path / "pm.txt"
    story.write_text("The Norwegian prime minister said on Tuesday that the quota talks would resume.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["--actors", str(actors), "extract", str(story), "--published", published,
                                    "--format", "jsonl"], catch_exceptions=False)
    assert res.exit_code == 0
    first = json.loads(res.stdout.splitlines()[0])
    assert (first["speaker"]["text"], first["speaker"]["name"], first["speaker"]["country"]) == (
        "The Norwegian prime minister", holder, "NOR")


def test_anonymous_sources_are_not_merged_across_articles(tmp_path):
    (tmp_path / "one.txt").write_text("A senior official said the border would reopen.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("A senior official said the border would stay shut.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert cli("ingest", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), db=db).exit_code == 0
    rows = [json.loads(x) for x in cli("statements", "--format", "jsonl", db=db).stdout.splitlines()]
    assert [(r["speaker"]["name"], r["speaker"]["actor_id"]) for r in rows] == [
        ("senior official", None), ("senior official", None)]


def test_a_postgresql_store_that_cannot_be_reached_is_one_clear_line(tmp_path):
    url = f"postgresql://bob:secret@/news?host={tmp_path}"  # no server listens there
    r = CliRunner().invoke(main, ["--db", url, "statements"])
    assert r.exit_code == 1
    assert r.output.startswith(f"Error: cannot open the store postgresql://bob:***@/news?host={tmp_path}: ")
    assert "secret" not in r.output and "Traceback" not in r.output
