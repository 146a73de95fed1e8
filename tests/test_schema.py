"""The JSON Lines contract as a JSON Schema: published in the README, met by what the store gives back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from communique.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "communique" / "data" / "jsonl.schema.json"


def test_the_readme_publishes_the_schema_file_as_it_is():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<summary>communique/data/jsonl\.schema\.json</summary>\n\n```json\n(.*?)\n```", readme, re.S)
    assert block is not None
    assert block.group(1) + "\n" == SCHEMA_FILE.read_text(encoding="utf-8")


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    span = {"text": "said", "start": 3, "end": 7}
    statement = {"type": "statement", "id": "a:s1", "doc": "a", "kind": "direct",
                 "content": {"text": "Go", "start": 0, "end": 2, "parts": []}, "speaker": None, "cue": {
                     **span, "lemma": "say"}, "addressee": None, "date": None, "confidence": 0.5}
    assert validator.is_valid(statement)
    for broken in ({**statement, "kind": "rumour"}, {**statement, "confidence": 2},
                   {**statement, "cue": {**span, "text": " ", "lemma": "say"}},
                   {**statement, "extra": 1}, {k: v for k, v in statement.items() if k != "speaker"}):
        assert not validator.is_valid(broken)


@pytest.mark.slow
def test_what_the_store_gives_back_follows_the_contract(tmp_path):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "-q", "ingest", str(ROOT / "samples")]).exit_code == 0
    for args in (["statements", "--format", "jsonl"], ["events", "--format", "jsonl"],
                 ["export", "--what", "statements", "--format", "jsonl"],
                 ["export", "--what", "events", "--format", "jsonl"]):
        lines = runner.invoke(main, ["--db", db, *args], catch_exceptions=False).stdout.splitlines()
        assert len(lines) > 20, args
        errors = [f"{rec['id']}: {e.message}" for rec in map(json.loads, lines) for e in validator.iter_errors(rec)]
        assert errors == [], args
