"""`communique eval ledes ZIP`: does the first sentence of a labelled story carry the story's PLOVER type?

NGEC's synthetic stories (../shared/data/ngec, MIT) carry one document-level PLOVER type each. Their first
sentence (the lede) usually reports that event, so the share of ledes in which the coder finds the story's type
is a recall check on thousands of varied sentences that no rule was written for. The labels are weak (a story
of type CONCEDE may open on background), so compare figures between versions rather than read them as accuracy.
The sample is stratified by type and fixed by a seed; the stories are read from the zip, never copied.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

import click

DEFAULT_ZIP = Path("../shared/data/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip")


def read_stories(path: Path) -> list[dict]:
    """Rows (text, label) of the zipped CSV at `path`."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        with archive.open(name) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    return [{"text": r["text"], "label": r["label"]} for r in rows if r.get("text") and r.get("label")]


def sample(rows: list[dict], per_type: int, seed: int) -> list[dict]:
    """Up to `per_type` stories of each label, drawn with `seed`, labels in alphabetical order."""
    by_label: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_label[row["label"]].append(row)
    rng = random.Random(seed)
    return [r for label in sorted(by_label) for r in rng.sample(by_label[label], min(per_type, len(by_label[label])))]


def score(stories: list[dict], nlp) -> tuple[Counter, Counter, int]:
    """(hits by label, stories by label, types other than the label coded in the ledes)."""
    from communique.pieces import analyse

    hits, totals, other = Counter(), Counter(), 0
    items = [(s["text"], f"lede{k}", None) for k, s in enumerate(stories)]
    for story, doc in zip(stories, analyse(nlp, items)):
        lede = next(iter(doc.sents), None)
        types = set() if lede is None else {
            e.event_type for e in doc._.events or [] if lede.start_char <= e.trigger.start < lede.end_char}
        totals[story["label"]] += 1
        hits[story["label"]] += story["label"] in types
        other += len(types - {story["label"]})
    return hits, totals, other


@click.command("ledes")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_ZIP)
@click.option("--per-type", type=click.IntRange(min=1), default=40, show_default=True,
              help="Stories drawn for each PLOVER type.")
@click.option("--seed", type=int, default=5, show_default=True, help="Seed of the draw.")
@click.option("--model", help="spaCy model package (default: the installed small English model).")
def ledes_command(archive: Path, per_type: int, seed: int, model: Optional[str]) -> None:
    """Share of labelled stories (ARCHIVE: NGEC's synthetic stories zip) whose first sentence is coded with
    the story's type, by type."""
    from communique.nlp import load

    try:
        stories = sample(read_stories(archive), per_type, seed)
    except (OSError, KeyError, zipfile.BadZipFile, StopIteration) as exc:
        raise click.ClickException(f"{archive}: cannot read the stories: {exc}") from None
    if not stories:
        raise click.ClickException(f"{archive}: no labelled stories")
    hits, totals, other = score(stories, load(model))
    n = sum(totals.values())
    click.echo(f"ledes with the story's type: {sum(hits.values()) / n:.3f} ({sum(hits.values())}/{n});"
               f" other types coded per lede: {other / n:.2f}")
    click.echo(" ".join(f"{label} {hits[label]}/{totals[label]}" for label in sorted(totals)))
