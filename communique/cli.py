"""The `communique` command line: extract, ingest, query and export."""

from __future__ import annotations

import sys
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import click

from communique import __version__
from communique import options as defaults
from communique.cli_engines import count_written, engine_options, load, open_sink, open_store, ray_outputs
from communique.cli_errors import Main, output_file
from communique.ingest import printable
from communique.options import Options
from communique.records import Skip
from communique.sinks import STORE_BATCH


@dataclass
class Settings:
    """The group's global options, handed to every command."""

    db: str
    model: Optional[str]
    actors_file: Optional[str]
    quiet: bool
    beliefs: bool = False
    kb_file: Optional[str] = None

    def options(self, published: Optional[datetime] = None, **run: Any) -> Options:
        """Run options from the global settings and a command's own flags (named as Options' fields)."""
        return Options(model=self.model, published=_day(published), actors_file=self.actors_file,
                       beliefs=self.beliefs, kb_file=self.kb_file, **run)


@dataclass
class Tally:
    """What an ingest run did, for its summary line."""

    read: int = 0
    added: int = 0
    already: int = 0
    statements: int = 0
    events: int = 0
    skipped: list[Skip] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary."""
        return (f"{self.read} articles read, {self.added} added, {self.already} already in store, "
                f"{len(self.skipped)} skipped, {self.statements} statements, {self.events} events")


DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: Optional[datetime]) -> Optional[date]:
    """click's datetime as a date."""
    return value.date() if value else None


def _run_options(f: Callable) -> Callable:
    """--published, --workers and the per-article limits, shared by extract and ingest."""
    f = click.option("--time-budget", type=click.FloatRange(min=0), default=defaults.DEFAULT_TIME_BUDGET,
                     show_default=True, help="Skip (with a message) an article whose analysis takes longer than "
                     "this many seconds; 0 for no limit.")(f)
    f = click.option("--memory-budget", type=click.IntRange(min=1), default=defaults.DEFAULT_MEMORY_BUDGET,
                     show_default=True, help="Skip (with a message) an article whose analysis would need more "
                     "than this many MB (estimated from its tokens).")(f)
    f = click.option("--max-sentence-words", type=click.IntRange(min=1),
                     default=defaults.DEFAULT_MAX_SENTENCE_WORDS, show_default=True,
                     help="Skip (with a message) an article with a sentence longer than this many words.")(f)
    f = click.option("--max-chars", type=click.IntRange(min=1), default=defaults.DEFAULT_MAX_CHARS,
                     show_default=True, help="Skip (with a message) articles longer than this many characters; "
                     "inputs are never read past the bytes that many characters can take.")(f)
    f = click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Worker processes; each loads the model once.")(f)
    f = click.option("--published", type=DATE, default=None,
                     help="Publication date (YYYY-MM-DD) for every article, used to resolve relative dates.")(f)
    return f


def _format_option(choices: tuple[str, ...], default: str = "table") -> Callable:
    """--format with the given choices."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format: " + ", ".join(choices) + ".")


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False), envvar="COMMUNIQUE_DB", default="communique.db",
              show_default=True, help="The store: an SQLite file, or a postgresql://user@host/dbname URL (env COMMUNIQUE_DB).")
@click.option("--model", default=None, help="spaCy model package or path (default: en_core_web_sm if installed).")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Actor file (YAML or CSV) adding or correcting actors and aliases.")
@click.option("--kb", "kb_file", type=click.Path(exists=True, dir_okay=False), envvar="COMMUNIQUE_KB", default=None,
              help="Actors imported with `actors import`, used over the shipped knowledge base (env COMMUNIQUE_KB).")
@click.option("--beliefs", is_flag=True,
              help="Also attribute beliefs and knowledge ('X believes', 'X expects') as indirect statements.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-file messages while running.")
@click.version_option(__version__, help="Show the version and exit.")
@click.pass_context
def main(ctx: click.Context, db: str, model: Optional[str], actors_file: Optional[str], kb_file: Optional[str],
         beliefs: bool, quiet: bool) -> None:
    """Communiqué: who said and did what, to whom, and when, from news articles."""
    ctx.obj = Settings(db=db, model=model, actors_file=actors_file, quiet=quiet, beliefs=beliefs, kb_file=kb_file)


def _results(paths: tuple[str, ...], options: Options, mark: Optional[Callable] = None) -> Iterator[Any]:
    """Read and analyse the inputs, after `mark` (if given) turned the ones not to analyse into Known
    records; a model that cannot be loaded is a clean error, not a traceback."""
    from communique.ingest import read_paths
    from communique.pipeline import ModelError, WorkerError, run

    _check_model(options.model)
    items = read_paths(paths, options)
    try:
        # The model loads with the first article to analyse (workers load their own; the parent none).
        yield from run(mark(items) if mark else items, options)
    except (WorkerError, ModelError) as exc:
        raise click.ClickException(str(exc)) from exc


def _check_model(model: Optional[str]) -> None:
    """Fail early (before any worker starts) when the model named is not installed."""
    import spacy.util

    from communique.nlp import default_model

    try:
        name = model or default_model()
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    if not spacy.util.is_package(name) and not Path(name).exists():
        raise click.ClickException(f"cannot load the model {name!r}: not an installed package or a directory")


def _skip_line(skip: Skip) -> str:
    """`skipped <path>: <reason>`."""
    from communique.ingest import describe_skip

    return f"skipped {describe_skip(skip)}"


@main.command()
@click.argument("articles", nargs=-1, required=True)
@_run_options
@_format_option(("table", "jsonl"))
@click.pass_obj
def extract(settings: Settings, articles: tuple[str, ...], fmt: str, **run: Any) -> None:
    """Print the statements and events in ARTICLE files (.txt, .html, .jsonl, directories, or - for stdin)
    without touching the store."""
    from communique.output import print_events, print_statements, write_jsonl

    options = settings.options(**run)
    statements: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    skipped = 0
    for out in _results(articles, options):
        if isinstance(out, Skip):
            skipped += 1
            click.echo(_skip_line(out), err=True)
            continue
        sts = [s.to_dict() for s in out.statements]
        evs = [e.to_dict() for e in out.events]
        if fmt == "jsonl":
            write_jsonl(sts + evs, sys.stdout)
            sys.stdout.flush()
        else:
            statements += sts
            events += evs
    if fmt == "table":
        print_statements(statements, sys.stdout)
        if events:
            print_events(events, sys.stdout)
    sys.exit(1 if skipped else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_run_options
@click.option("--no-links", is_flag=True,
              help="Do not group incidents and remarks or find responses for these articles.")
@engine_options
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], no_links: bool, engine: str, ray_address: Optional[str],
           out_dir: Optional[str], **run: Any) -> None:
    """Add the articles in PATHS (files, directories, or - for stdin) to the store, skipping texts already
    there, link them to incidents, remarks and responses already stored, and print a one-line summary."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from communique.workers import sigterm_unwinds

    settings: Settings = ctx.obj
    options = settings.options(**run)
    tally = Tally()
    err = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                        console=err, disable=settings.quiet or not sys.stderr.isatty(), transient=True)
    if engine == "ray":
        _check_model(options.model)
        asked = ctx.get_parameter_source("workers") != click.core.ParameterSource.DEFAULT
        outputs = ray_outputs(paths, options, ray_address, options.workers if asked else None)
    else:  # texts the store already holds are found before analysis (`sink` is bound by the `with` below)
        outputs = _results(paths, options, lambda items: sink.mark_stored(items))
    # The local runner commits article by article (a killed run loses only the article in flight); the
    # Ray runner, built for volume, writes up to STORE_BATCH articles per transaction.
    batch = STORE_BATCH if engine == "ray" else 1
    # SIGTERM unwinds the block (the workers killed first, then the store closed) and the summary still prints.
    with sigterm_unwinds() as term, open_sink(settings.db, out_dir, batch, links=not no_links) as sink, progress, \
            closing(outputs):
        task = progress.add_task("ingesting", total=None)
        for out in outputs:
            with term.hold():  # a SIGTERM waits until this result is stored and counted
                if isinstance(out, Skip):
                    tally.skipped.append(out)
                    if not settings.quiet:
                        click.echo(_skip_line(out), err=True)
                else:
                    tally.read += 1
                    count_written(tally, sink.put(out), settings.quiet)
                progress.update(task, description=f"{tally.read} articles, {tally.statements} statements")
        with term.hold():
            count_written(tally, sink.flush(), settings.quiet)
    lost = tally.read - tally.added - tally.already  # queued for a batch write when a SIGTERM came
    stopped = "; stopped by SIGTERM" + (f", {lost} read but not stored" if lost else "") if term.status else ""
    click.echo(tally.line() + stopped)
    for skip in tally.skipped:
        click.echo(_skip_line(skip), err=True)
    sys.exit(term.status or (1 if tally.skipped else 0))


def _open_store(settings: Settings) -> Any:
    """The existing store, or a clear error when there is none yet."""
    from communique.store.backend import is_postgres

    if not is_postgres(settings.db) and not Path(settings.db).exists():
        raise click.ClickException(f"no store at {settings.db}: run `communique ingest PATH...` first")
    return open_store(settings.db)


@main.command()
@click.option("--speaker", default=None, help="Speaker name, alias or mention (case-insensitive substring).")
@click.option("--since", type=DATE, default=None, help="Only statements made on or after this date (YYYY-MM-DD).")
@click.option("--until", type=DATE, default=None, help="Only statements made on or before this date (YYYY-MM-DD).")
@_format_option(("table", "jsonl", "csv"))
@click.pass_obj
def statements(settings: Settings, speaker: Optional[str], since: Optional[datetime], until: Optional[datetime],
               fmt: str) -> None:
    """List stored statements; dates filter on when a statement was made, else its article's date."""
    from communique import output

    with _open_store(settings) as store:
        rows = store.statements(speaker=speaker, since=_day(since), until=_day(until))
    _write_rows(rows, fmt, output.statement_row, output.STATEMENT_COLUMNS, output.print_statements)


@main.command()
@click.option("--type", "event_type", default=None, help="PLOVER event type, e.g. CONSULT or ACCUSE.")
@click.option("--actor", default=None, help="Actor or recipient name, alias or mention (substring).")
@click.option("--country", default=None, help="ISO 3166 alpha-3 code of an actor, recipient or location.")
@click.option("--since", type=DATE, default=None, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", type=DATE, default=None, help="Only events on or before this date (YYYY-MM-DD).")
@_format_option(("table", "jsonl", "csv"))
@click.pass_obj
def events(settings: Settings, event_type: Optional[str], actor: Optional[str], country: Optional[str],
           since: Optional[datetime], until: Optional[datetime], fmt: str) -> None:
    """List stored events; csv uses POLECAT's column layout."""
    with _open_store(settings) as store:
        rows = store.events(type=event_type, actor=actor, country=country, since=_day(since), until=_day(until))
        _write_events(store, rows, fmt, sys.stdout)


def _write_rows(rows: list[dict[str, Any]], fmt: str, to_row: Any, columns: Any, print_table: Any) -> None:
    """Query results to stdout as jsonl, csv (one flat row each) or a table."""
    from communique import output

    if fmt == "jsonl":
        output.write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        output.write_csv(map(to_row, rows), columns, sys.stdout)
    else:
        print_table(rows, sys.stdout)


def _write_events(store: Any, rows: list[dict[str, Any]], fmt: str, out: Any) -> None:
    """Events as jsonl, POLECAT csv, or a table."""
    from communique import output

    if fmt == "jsonl":
        output.write_jsonl(rows, out)
    elif fmt == "csv":
        cache: dict[str, Any] = {}
        polecat = (output.polecat_row(ev, cache.setdefault(ev["doc"], store.article(ev["doc"]))) for ev in rows)
        output.write_csv(polecat, output.POLECAT_COLUMNS, out)
    else:
        output.print_events(rows, out)


@main.group(invoke_without_command=True)
@_format_option(("table", "jsonl", "csv"))
@click.pass_context
def actors(ctx: click.Context, fmt: str) -> None:
    """List the actors the store knows, with aliases and how often each speaks or acts; `actors import` and
    `actors stats` manage the actor knowledge base."""
    from communique import output

    if ctx.invoked_subcommand is not None:
        return
    with _open_store(ctx.obj) as store:
        rows = store.actors()
    _write_rows(rows, fmt, output.actor_row, output.ACTOR_COLUMNS, output.print_actors)


@actors.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path), default=Path("communique-kb.json"),
              show_default=True, help="The extra knowledge-base file to create or update (use it with --kb).")
def import_actors(source: Path, into: Path) -> None:
    """Merge SOURCE into an extra knowledge-base file: a Wikidata SPARQL JSON export (.json; see
    communique/extract/actors/kbimport.py for the query) or an actor file (.yaml, .yml, .csv)."""
    from communique.actorfile import ActorFileError
    from communique.extract.actors.kbimport import import_file

    try:
        imported, total = import_file(source, into)
    except (ValueError, KeyError, OSError, ActorFileError) as exc:
        raise click.ClickException(f"{source}: cannot import: {exc}") from None
    click.echo(printable(f"{len(imported.actors)} actors read from {source} ({imported.skipped} rows skipped); "
                         f"{into} now holds {total}. Use it with: communique --kb {into} ..."))


@actors.command("stats")
@click.option("--on", "on_day", type=DATE, default=None, help="Count office holders on this day (default: today).")
@click.pass_obj
def actors_stats(settings: Settings, on_day: Optional[datetime]) -> None:
    """Coverage of the actor knowledge base (shipped, plus --kb): actors, aliases, offices by source,
    countries with a known office holder."""
    from communique.extract.actors.kb import load

    day = _day(on_day) or date.today()
    figures = load(settings.kb_file or "").stats(day)
    for name, value in figures.items():
        shown = ", ".join(f"{k} {v}" for k, v in value.items()) if isinstance(value, dict) else value
        click.echo(printable(f"{name.replace('_', ' ')}: {shown}"))  # the --kb file's own notes among them
    click.echo(f"(office holders counted on {day.isoformat()})")


@main.command()
@click.option("--what", type=click.Choice(("events", "statements", "incidents", "responses")), required=True,
              help="Which records to export.")
@_format_option(("csv", "jsonl"), default="csv")
@click.option("-o", "--output", "out_path", default="-", show_default=True,
              help="Output file; - writes to standard output.")
@click.pass_obj
def export(settings: Settings, what: str, fmt: str, out_path: str) -> None:
    """Write every stored event (in POLECAT's CSV layout), statement, incident or response to a file."""
    from communique import output
    from communique.cli_links import export_links

    with _open_store(settings) as store, output_file(out_path) as out:
        if what in ("incidents", "responses"):
            export_links(store, what, fmt, out)
        elif what == "events":
            _write_events(store, store.events(), fmt, out)
        elif fmt == "jsonl":
            output.write_jsonl(store.statements(), out)
        else:
            output.write_csv(map(output.statement_row, store.statements()), output.STATEMENT_COLUMNS, out)


from communique.evaluate.commands import bench_command, eval_group  # noqa: E402

main.add_command(eval_group)
main.add_command(bench_command)
main.add_command(load)

from communique.cli_serve import serve  # noqa: E402  (its own module)

main.add_command(serve)

from communique.cli_links import COMMANDS as _LINK_COMMANDS  # noqa: E402  (their own module)

for _command in _LINK_COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
