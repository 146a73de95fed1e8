"""`communique eval events DIR` and `communique eval statements DIR`: the pipeline on real stories against gold.

DIR holds gold files (gold/voa/dev); the stories' text is read from a JSON Lines file beside the checkout
(../shared/data/voa/stories.jsonl by default), never from the repository.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator, Optional

import click

from communique.evaluate import gold as gold_mod
from communique.evaluate.story_score import EventTotals, StatementTotals, score_events, score_statements

DEFAULT_STORIES = Path("../shared/data/voa/stories.jsonl")
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def analysed(gold_dir: Path, stories: Path, model: Optional[str]) -> Iterator[tuple[str, str, dict, object]]:
    """(story id, text, gold, parsed Doc) for each gold file, through the same pipeline as ingest."""
    from communique.nlp import load
    from communique.pieces import analyse

    try:
        texts = gold_mod.read_stories(stories)
        pairs = list(gold_mod.load_dir(gold_dir, texts))
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(f"cannot read the gold or stories: {exc}") from None
    if not pairs:
        raise click.ClickException(f"{gold_dir}: no gold files")
    nlp = load(model)
    items = [(s["text"], str(s["id"]), date.fromisoformat(g["published"])) for s, g in pairs]
    for (story, gold), doc in zip(pairs, analyse(nlp, items)):
        yield str(story["id"]), story["text"], gold, doc


def _rate(hits: int, n: int) -> str:
    """A share with its counts."""
    return f"{hits / n:.3f} ({hits}/{n})" if n else "n/a (0/0)"


def event_report(t: EventTotals) -> list[str]:
    """The event figures and the per-type table."""
    p = t.hits / t.predicted if t.predicted else 0.0
    r = t.hits / t.gold if t.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    lines = [f"events: gold {t.gold}, coded {t.predicted} (+{t.optional} matching optional gold), matched {t.hits}",
             f"precision {p:.3f}   recall {r:.3f}   F1 {f:.3f}",
             f"actor country on found events:      {_rate(t.actor_ok, t.actor_n)}",
             f"recipient country on found events:  {_rate(t.recipient_ok, t.recipient_n)}",
             f"negated/future/hypothetical right:  {_rate(t.flags_ok, t.flags_n)}",
             "", f"{'type':<10} {'gold':>5} {'coded':>6} {'match':>6} {'P':>6} {'R':>6}"]
    for etype in TYPES:
        g, c, h = (t.by_type[(etype, k)] for k in ("gold", "pred", "hit"))
        if g or c:
            lines.append(f"{etype:<10} {g:>5} {c:>6} {h:>6} {h / c if c else 0:>6.2f} {h / g if g else 0:>6.2f}")
    return lines


def statement_report(t: StatementTotals) -> list[str]:
    """The statement figures."""
    p = t.correct_preds / t.predicted if t.predicted else 0.0
    r = t.found / t.gold if t.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [f"statements: gold {t.gold}, extracted {t.predicted}, found {t.found}",
            f"content precision {p:.3f}   recall {r:.3f}   F1 {f:.3f}",
            f"speaker accuracy (found):            {_rate(t.speaker_ok, t.found)}",
            f"addressee accuracy (either side has one): {_rate(t.addressee_ok, t.addressee_n)}",
            f"date accuracy (dates the text gives): {_rate(t.date_ok, t.date_n)}",
            f"dates where the gold has none:       {t.date_spurious}"]


_OPTIONS = [
    click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path)),
    click.option("--stories", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_STORIES,
                 show_default=True, help="JSON Lines file holding the stories' text."),
    click.option("--errors", is_flag=True, help="List every miss and false hit with its sentence."),
    click.option("--model", help="spaCy model package (default: the installed small English model)."),
]


def _with_options(func):
    """Apply the shared options."""
    for option in reversed(_OPTIONS):
        func = option(func)
    return func


def _score(gold_dir: Path, stories: Path, errors: bool, model: Optional[str], totals, score, records, report) -> None:
    """Run the pipeline over the gold's stories, score each, print the errors (if asked) and the figures."""
    for sid, text, gold, doc in analysed(gold_dir, stories, model):
        score(text, gold, records(doc), totals, sid)
    if errors:
        for line in sorted(totals.errors):
            click.echo(line)
        click.echo("")
    for line in report(totals):
        click.echo(line)


@click.command("events")
@_with_options
def events_command(gold_dir: Path, stories: Path, errors: bool, model: Optional[str]) -> None:
    """Score PLOVER event coding on hand-annotated real stories (GOLD_DIR, e.g. gold/voa/dev)."""
    _score(gold_dir, stories, errors, model, EventTotals(), score_events, lambda doc: doc._.events or [],
           event_report)


@click.command("statements")
@_with_options
def statements_command(gold_dir: Path, stories: Path, errors: bool, model: Optional[str]) -> None:
    """Score statements, speakers, addressees and dates on hand-annotated real stories (GOLD_DIR)."""
    _score(gold_dir, stories, errors, model, StatementTotals(), score_statements,
           lambda doc: doc._.statements or [], statement_report)


@click.command("event-free")
@click.argument("sample", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--polnear", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data/polnear"), show_default=True, help="PolNeAR root holding data/dev/text.")
@click.option("--errors", is_flag=True, help="List each coded event with its sentence.")
@click.option("--model", help="spaCy model package (default: the installed small English model).")
def event_free_command(sample: Path, polnear: Path, errors: bool, model: Optional[str]) -> None:
    """Count events coded on sentences judged event-free (SAMPLE: file, start, end a line; text read from PolNeAR)."""
    from communique.nlp import load, make_doc

    rows = [ln.split("\t") for ln in sample.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    nlp, false = load(model), []
    for name, start, end in rows:
        path = polnear / "data" / "dev" / "text" / name
        try:
            text = path.read_text(encoding="utf-8")[int(start):int(end)]
        except OSError as exc:
            raise click.ClickException(f"{path}: cannot read: {exc}") from None
        events = nlp(make_doc(nlp, text, name))._.events or []
        false += [f"[false] {e.event_type} {e.trigger.text!r}: {text}" for e in events]
    if errors:
        for line in false:
            click.echo(line)
    n = len(rows)
    click.echo(f"false events: {len(false)} on {n} event-free sentences ({20 * len(false) / n:.2f} per 20)")
