"""Click commands: `communique eval polnear` and `communique bench`."""

from __future__ import annotations

import json
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Optional

import click

from communique.cli_errors import output_file
from communique.ingest import printable
from communique.records import Skip


def _model(ctx: click.Context, model: Optional[str]) -> Optional[str]:
    """The command's --model, else one set on the parent group (if it keeps options there)."""
    return model or getattr(ctx.obj, "model", None)


@click.group("eval")
def eval_group() -> None:
    """Measure extraction quality against annotated corpora."""


@eval_group.command("polnear")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True, help="PolNeAR split: dev or train.")
@click.option("--errors", is_flag=True, help="List misses, false hits and wrong sources with their sentences.")
@click.option("--limit", type=click.IntRange(min=1), help="Evaluate only the first N articles.")
@click.option("--model", help="spaCy model package (default: the installed small English model).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes to run the extractor in.")
@click.option("--beliefs", is_flag=True, help="Also extract attributed beliefs and knowledge (as --beliefs does).")
@click.option("--jsonl-out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the predicted statements as JSON Lines to this file.")
@click.pass_context
def polnear_command(ctx: click.Context, root: Path, split: str, errors: bool, limit: Optional[int],
                    model: Optional[str], workers: int, beliefs: bool, jsonl_out: Optional[Path]) -> None:
    """Score the extractor on a PolNeAR split at ROOT (the folder holding data/ and metadata)."""
    from communique.evaluate.report import Totals, print_report
    from communique.evaluate.runner import EvalConfig, evaluate

    cfg = EvalConfig(split, _model(ctx, model), limit, workers, errors, keep_statements=jsonl_out is not None,
                     beliefs=beliefs or bool(getattr(ctx.obj, "beliefs", False)))
    totals, skipped, clock = Totals(), 0, {}
    with ExitStack() as files:
        out = files.enter_context(output_file(str(jsonl_out))) if jsonl_out else None
        try:
            for item in evaluate(root, cfg, on_start=lambda: clock.setdefault("start", time.perf_counter())):
                if isinstance(item, Skip):
                    skipped += 1
                    click.echo(printable(f"{item.path}: skipped: {item.reason}"), err=True)
                    continue
                totals.add(item)
                for line in (part for error in item.errors for part in error.split("\n")):
                    click.echo(printable(line))  # corpus sentences, shown as text
                for statement in item.statements:
                    out.write(json.dumps(statement, ensure_ascii=False) + "\n")
        except (FileNotFoundError, ValueError) as exc:
            raise click.ClickException(str(exc)) from None
    seconds = time.perf_counter() - clock.get("start", time.perf_counter())
    click.echo(f"PolNeAR {split}: {root}" + (f"   ({skipped} skipped)" if skipped else ""))
    print_report(totals, seconds, click.echo)
    if skipped:
        sys.exit(1)


@click.command("bench")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Use only the first N distinct texts.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Processes for the multi-worker phase.")
@click.option("--model", help="spaCy model package (default: the installed small English model).")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Texts per nlp.pipe batch.")
@click.option("--memory-check", is_flag=True, help="Also compare peak RSS over the first 100 texts and over all.")
@click.option("--ray", "with_ray", is_flag=True,
              help="Also run the Ray Data runner with --workers actors on a local Ray (needs the ray extra).")
@click.option("--rounds", type=click.IntRange(min=1), default=1, show_default=True,
              help="Pairs of bare spaCy and pipeline runs, alternating; the median of their ratios is reported.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def bench_command(ctx: click.Context, corpus: Path, limit: Optional[int], workers: int, model: Optional[str],
                  batch_size: int, memory_check: bool, with_ray: bool, rounds: int, as_json: bool) -> None:
    """Throughput of bare spaCy, the pipeline, and the pipeline with N workers on the same texts.

    CORPUS is a PolNeAR root (train and dev texts) or any directory of .txt files.
    """
    from communique.bench import BenchConfig, benchmark, format_report

    cfg = BenchConfig(corpus, limit, workers, _model(ctx, model), batch_size, memory_check, with_ray, rounds)
    try:
        figures = benchmark(cfg)
    except (RuntimeError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(figures))
    else:
        for line in format_report(figures):
            click.echo(line)


from communique.evaluate.plover import plover_command  # noqa: E402  (its own module; registered here)

eval_group.add_command(plover_command)
from communique.evaluate.stories import event_free_command, events_command, statements_command  # noqa: E402

eval_group.add_command(events_command)
eval_group.add_command(statements_command)
eval_group.add_command(event_free_command)
from communique.evaluate.links import links_command  # noqa: E402

eval_group.add_command(links_command)
from communique.evaluate.ledes import ledes_command  # noqa: E402

eval_group.add_command(ledes_command)
