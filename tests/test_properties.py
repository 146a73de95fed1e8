"""Properties of the whole pipeline (file -> ingest -> spaCy and our components -> records) on generated text.

Run with a fixed seed and 500 examples by default (the `ci` profile, see conftest.py);
`make fuzz` runs the `long` profile with more examples and fresh randomness.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
from hypothesis import event, example, given, note, settings

from communique.ingest import read_paths
from communique.options import Options
from communique.pipeline import process_chunk
from communique.records import Article, Result
from strategies import article

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "communique" / "data" / "jsonl.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
OPTIONS = Options()
# Quotation marks as the contract counts them (the README lists them).
QUOTE_MARKS = set("\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019'")
OTHER = Article(id="other", text="Dawit Alemu said on Monday that the talks had failed.\n")


def spans(record: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every object with text, start and end in a record, with where it is ("speaker", "actors[0]")."""
    if isinstance(record, dict):
        if {"text", "start", "end"} <= record.keys():
            yield path, record
        for key, value in record.items():
            yield from spans(value, f"{path}.{key}" if path else key)
    elif isinstance(record, list):
        for k, value in enumerate(record):
            yield from spans(value, f"{path}[{k}]")


def offset_errors(text: str, record: dict) -> list[str]:
    """What is wrong with a record's offsets: out of the text, or not the field's text."""
    errors = []
    for where, span in spans(record):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            errors.append(f"{where}: [{start}, {end}) outside the text ({len(text)} characters)")
            continue
        parts = span.get("parts") or []
        expected = joined(text, parts) if parts else text[start:end]
        if span["text"] != expected:
            errors.append(f"{where}: {span['text']!r} != text[{start}:{end}] {text[start:end]!r}")
        if parts and (parts[0][0] != start or parts[-1][1] != end
                      or any(a[1] > b[0] or a[0] > a[1] for a, b in zip(parts, parts[1:] + [[end, end]]))):
            errors.append(f"{where}: parts {parts} are not ordered pieces of [{start}, {end})")
    return errors


def joined(text: str, parts: list[list[int]]) -> str:
    """A split quote's text as the contract defines it: the pieces, with a gap of at most three quote marks
    and spaces kept as its spaces, and any other gap as one space."""
    out = text[parts[0][0]:parts[0][1]]
    for (_, prev_end), (start, end) in zip(parts, parts[1:]):
        gap = text[prev_end:start]
        quotes_only = len(gap) <= 3 and "\n" not in gap and all(c in QUOTE_MARKS or c.isspace() for c in gap)
        out += ("".join(c for c in gap if c.isspace()) if quotes_only else " ") + text[start:end]
    return out


def read_back(tmp_path_factory, text: str) -> Article:
    """`text` written as a JSON Lines record and read back by ingest, as a run would."""
    path = tmp_path_factory.mktemp("prop") / "feed.jsonl"
    path.write_text(json.dumps({"id": "prop", "text": text}) + "\n", encoding="utf-8")
    [art] = list(read_paths([str(path)], OPTIONS))
    assert isinstance(art, Article), art
    return art


def analyse(nlp, *articles: Article) -> list[list[dict]]:
    """The records of each article, analysed in one batch; a failure of the pipeline fails the test."""
    outs = process_chunk(nlp, list(articles), OPTIONS)
    for out in outs:
        assert isinstance(out, Result), f"the pipeline failed on this text: {out.reason}"
    return [records(out) for out in outs]


def records(result: Result) -> list[dict]:
    """A result's records as the JSON Lines output writes them."""
    rows = [s.to_dict() for s in result.statements] + [e.to_dict() for e in result.events]
    return [json.loads(json.dumps(r, ensure_ascii=False)) for r in rows]


def contract_errors(text: str, recs: list[dict]) -> list[str]:
    """Every way the records break the contract: schema, offsets, ids, claims."""
    errors = []
    for rec in recs:
        invalid = jsonschema.exceptions.best_match(VALIDATOR.iter_errors(rec))
        if invalid is not None:
            where = "/".join(map(str, invalid.absolute_path))
            errors.append(f"{rec['id']}: schema: {where}: {invalid.message}")
        errors += [f"{rec['id']}: {e}" for e in offset_errors(text, rec)]
    ids = [r["id"] for r in recs]
    if len(ids) != len(set(ids)) or not all(r["doc"] == "prop" and r["id"].startswith("prop:") for r in recs):
        errors.append(f"ids not unique or not the article's: {ids}")
    statement_ids = {r["id"] for r in recs if r["type"] == "statement"}
    errors += [f"{r['id']}: claimed by unknown {r['claimed_by']}" for r in recs
               if r["type"] == "event" and r["claimed_by"] and r["claimed_by"] not in statement_ids]
    return errors


@pytest.mark.slow
@pytest.mark.timeout(900)  # 500 examples take about a minute; a failure's shrinking takes longer
@given(text=article())
@example(text="\u201cWe will not sign,\u201d Katrin Solberg said.")
@example(text="\u201cAn opening quote that never closes, Solberg said \u2014 and then nothing")
@example(text="Katrin Solberg said" + ", Dawit Alemu said the border would stay closed" * 40)
@example(text="\u200b\u200d\ufeff\u202e" + "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631" + " \U0001F642\n")
def test_every_record_points_at_its_own_text_and_follows_the_contract(tmp_path_factory, nlp, text):
    art = read_back(tmp_path_factory, text)
    [recs] = analyse(nlp, art)
    note(f"records: {recs}")
    errors = contract_errors(art.text, recs)
    for name, signature in KNOWN.items():  # counted in the statistics, reproduced by test_known_extractor_bugs
        if any(signature(e) for e in errors):
            event(f"known extractor bug: {name}")
    assert [e for e in errors if not any(sig(e) for sig in KNOWN.values())] == []


@pytest.mark.slow
@pytest.mark.timeout(600)
@settings(max_examples=max(50, settings.default.max_examples // 5))
@given(text=article())
def test_the_same_article_gives_the_same_records_alone_and_after_another(nlp, text):
    art = Article(id="prop", text=text.replace("\r\n", "\n").replace("\r", "\n"))
    alone, _, after = analyse(nlp, art, OTHER, Article(id="prop", text=art.text))
    assert alone == after


# Bugs the properties found in the extractor (communique/extract/), for its maintainers to fix. Each has an exact
# reproducer below, marked strict so that the fix shows up as a failure here, and a signature: while it is open,
# the property test counts matching errors in its statistics (pytest --hypothesis-show-statistics) and fails on
# any other error. When one is fixed, remove its entry from both places.
KNOWN: dict = {}
KNOWN_BUGS: list = []
# Bugs found here and fixed since, kept as regression tests.
FIXED_BUGS = [
    pytest.param(  # the space token between two sentences was the speaker of the second (issue 8 fixed it)
        "Katrin Solberg said: \u00abtalks would resume next week.\u201d\u00bb  Katrin Solberg said that talks "
        "would resume next week.",
        id="blank-speaker",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text", FIXED_BUGS)
def test_fixed_extractor_bugs_stay_fixed(nlp, text):
    [recs] = analyse(nlp, Article(id="prop", text=text))
    assert contract_errors(text, recs) == []
    assert all(rec["speaker"]["text"].strip() for rec in recs if rec["type"] == "statement" and rec["speaker"])


@pytest.mark.slow
@pytest.mark.parametrize("text", KNOWN_BUGS)
def test_known_extractor_bugs(nlp, text):
    [recs] = analyse(nlp, Article(id="prop", text=text))
    assert contract_errors(text, recs) == []
