"""`communique eval plover`: score the event coder on PLOVER gold sentences, and count false events.

The gold file (PLOVER_GSR_CAMEO.json, CC BY-SA 4.0) is read from wherever the user keeps it;
nothing of it is copied here. Scoring follows issue 4:
- event type: the gold type is among the types coded for the sentence;
- actor (recipient) country: among sentences with the right type, a coded actor (recipient) of
  that type has a country among the gold source (target) codes; gold "IGO" matches any IGO code;
- extra events: coded events beyond one per sentence;
- false events: events coded on event-free sentences of our own writing.
Negated events are not counted as coded (the text says they did not happen); future and
hypothetical ones are, since PLOVER codes promises and threats by what they announce.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import click

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NO_EVENT_FILE = Path(__file__).with_name("no_event_sentences.txt")
GOLD_NAME = "PLOVER_GSR_CAMEO.json"


@dataclass
class GoldSentence:
    """One hand-coded sentence."""

    id: str
    text: str
    event_type: str
    sources: list[str]
    targets: list[str]


@dataclass
class Scores:
    """Running totals of one evaluation."""

    sentences: int = 0
    type_hits: int = 0
    actor_n: int = 0
    actor_hits: int = 0
    recipient_n: int = 0
    recipient_hits: int = 0
    extra: int = 0
    confusion: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    free_sentences: int = 0
    false_events: int = 0
    false_sentences: list[str] = field(default_factory=list)


def _codes(value) -> list[str]:
    """Actor codes from a gold source/target field (list of dicts, string, "" or null)."""
    if isinstance(value, list):
        return [str(v.get("code")) for v in value if isinstance(v, dict) and v.get("code")]
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def load_gold(path: Path) -> list[GoldSentence]:
    """Gold sentences from the JSON file, or from the file of that name in a folder."""
    if path.is_dir():
        path = path / GOLD_NAME
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise click.ClickException(f"{path}: not JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(records, list):
        raise click.ClickException(f"{path}: expected a JSON array of records")
    out = []
    for rec in records:
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        etype = OLD_LABELS.get(rec["event"], rec["event"])
        out.append(GoldSentence(str(rec.get("id")), rec["text"], etype,
                                _codes(rec.get("source")), _codes(rec.get("target"))))
    if not out:
        raise click.ClickException(f"{path}: no coded sentences found")
    return out


def load_no_event(path: Path = NO_EVENT_FILE) -> list[str]:
    """Event-free sentences, one a line ('#' starts a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _matches(gold: list[str], coded: set[str], sectors: set[str]) -> bool:
    """A coded country (or IGO/NGO sector) is among the gold codes."""
    from communique.countries import is_igo

    for code in gold:
        if code in coded:
            return True
        if code == "IGO" and (any(is_igo(c) for c in coded) or "IGO" in sectors):
            return True
        if code == "NGO" and ("NGO" in coded or "NGO" in sectors):
            return True
    return False


def _coded(doc) -> list:
    """Events that count as coded: all but the negated."""
    return [e for e in (doc._.events or []) if not e.negated]


def score_sentence(scores: Scores, gold: GoldSentence, events: list) -> None:
    """Add one gold sentence's outcome to the totals."""
    scores.sentences += 1
    types = [e.event_type for e in events]
    scores.extra += max(0, len(events) - 1)
    if gold.event_type not in types:
        top = max(events, key=lambda e: e.confidence).event_type if events else "none"
        scores.confusion[(gold.event_type, top)] += 1
        scores.errors.append(f"[type] gold {gold.event_type}, coded {types or 'none'}: {gold.text}")
        return
    scores.type_hits += 1
    scores.confusion[(gold.event_type, gold.event_type)] += 1
    hits = [e for e in events if e.event_type == gold.event_type]
    for field_name, gold_codes in (("actors", gold.sources), ("recipients", gold.targets)):
        if not gold_codes:
            continue
        refs = [r for e in hits for r in getattr(e, field_name)]
        ok = _matches(gold_codes, {r.country for r in refs if r.country},
                      {r.sector for r in refs if r.sector})
        if field_name == "actors":
            scores.actor_n, scores.actor_hits = scores.actor_n + 1, scores.actor_hits + ok
        else:
            scores.recipient_n, scores.recipient_hits = scores.recipient_n + 1, scores.recipient_hits + ok
        if not ok:
            got = [(r.text, r.country) for r in refs]
            scores.errors.append(f"[{field_name}] gold {gold_codes}, coded {got}: {gold.text}")


def evaluate(gold: list[GoldSentence], free: list[str], model: Optional[str] = None) -> Scores:
    """Run the pipeline over gold and event-free sentences and score them."""
    from communique.nlp import make_doc

    nlp = _pipeline(model)
    scores = Scores()
    for item in gold:
        doc = nlp(make_doc(nlp, item.text, item.id))
        score_sentence(scores, item, _coded(doc))
    for n, text in enumerate(free, 1):
        doc = nlp(make_doc(nlp, text, f"free{n}"))
        events = _coded(doc)
        scores.free_sentences += 1
        scores.false_events += len(events)
        if events:
            scores.false_sentences.append(f"[false] {[e.event_type for e in events]}: {text}")
    return scores


def _pipeline(model: Optional[str]):
    """The full pipeline when it loads, else the base model with the event coder alone."""
    import communique.extract.events.component  # noqa: F401  (registers the factory)
    from communique import nlp as nlp_mod

    try:
        nlp = nlp_mod.load(model)
    except (ImportError, ValueError):
        nlp = nlp_mod.load_base(model)
    if "communique_events" not in nlp.pipe_names:
        nlp.add_pipe("communique_events")
    return nlp


def _rate(hits: int, n: int) -> str:
    """A share with its counts."""
    return f"{hits / n:.3f} ({hits}/{n})" if n else "n/a (0/0)"


def report(scores: Scores, errors: bool) -> None:
    """Print the figures, the confusion table and (optionally) every miss."""
    if errors:
        for line in scores.errors + scores.false_sentences:
            click.echo(line)
        click.echo("")
    n = scores.sentences
    click.echo(f"gold sentences:           {n}")
    click.echo(f"event-type accuracy:      {_rate(scores.type_hits, n)}")
    click.echo(f"actor-country accuracy:   {_rate(scores.actor_hits, scores.actor_n)}")
    click.echo(f"recipient-country acc.:   {_rate(scores.recipient_hits, scores.recipient_n)}")
    click.echo(f"extra events / sentence:  {scores.extra / n:.2f}" if n else "extra events: n/a")
    per20 = 20 * scores.false_events / scores.free_sentences if scores.free_sentences else 0.0
    click.echo(f"false events:             {scores.false_events} on {scores.free_sentences} "
               f"event-free sentences ({per20:.2f} per 20)")
    click.echo("")
    click.echo("confusion (gold -> top coded type, count):")
    golds = sorted({g for g, _ in scores.confusion})
    for g in golds:
        row = sorted(((c, k) for (gg, k), c in scores.confusion.items() if gg == g), reverse=True)
        click.echo(f"  {g:<10} " + ", ".join(f"{k} {c}" for c, k in row))


@click.command("plover")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--errors", is_flag=True, help="List every miss and false event with its sentence.")
@click.option("--model", help="spaCy model package (default: the installed small English model).")
def plover_command(path: Path, errors: bool, model: Optional[str]) -> None:
    """Score PLOVER event coding on the gold JSON at PATH (the file or its folder)."""
    gold = load_gold(path)
    scores = evaluate(gold, load_no_event(), model)
    report(scores, errors)
