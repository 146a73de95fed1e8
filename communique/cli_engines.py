"""The ingest engines (local processes or Ray), where results go (store or Parquet), and `communique load`."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

import click

from communique.cli_errors import os_error_line
from communique.ingest import printable
from communique.options import Options
from communique.records import Known, Result, Skip


def count_written(tally: Any, written: list[tuple[Result | Known, bool]], quiet: bool = True) -> None:
    """Count results as the store (or Parquet sink) took them: added, or already there (said, unless
    `quiet`, when the stored article has another id than this one)."""
    for result, added in written:
        if added:
            tally.added += 1
            tally.statements += len(result.statements)
            tally.events += len(result.events)
        else:
            tally.already += 1
            if not quiet and isinstance(result, Known) and result.doc != result.article.id:
                click.echo(same_text(result), err=True)


def same_text(known: Known) -> str:
    """`already in store: <file> (<id>) has the same text as stored article <id>`, on one line."""
    from communique.ingest import printable

    art = known.article
    return (f"already in store: {printable(art.path or art.id)} ({printable(art.id)}) has the same text as "
            f"stored article {printable(known.doc)}")


def open_store(db: str, links: bool = True) -> Any:
    """The store at `db` (linking new articles unless `links` is off), or a clean error when it cannot be opened."""
    from communique.store import Store
    from communique.store.backend import StoreUnavailable

    try:
        return Store(db, links=links)
    except StoreUnavailable as exc:
        raise click.ClickException(str(exc)) from None


def engine_options(f: Callable) -> Callable:
    """--engine, --ray-address and --out for `ingest`."""
    f = click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
                     help="Write the extracted records as Parquet files in this directory instead of the store "
                          "(import them with `communique load`).")(f)
    f = click.option("--ray-address", envvar="RAY_ADDRESS", default=None,
                     help="Ray cluster to run on (ray://host:10001, or auto; env RAY_ADDRESS); "
                          "default: a local Ray on this machine.")(f)
    f = click.option("--engine", type=click.Choice(("local", "ray")), default="local", show_default=True,
                     help="local: this process or --workers processes; ray: a Ray Data actor pool "
                          "(--workers actors, default one per CPU of the cluster).")(f)
    return f


def ray_outputs(paths: tuple[str, ...], options: Options, address: Optional[str],
                workers: Optional[int]) -> Iterator[Result | Skip]:
    """Results from the Ray runner, with clean errors when Ray is missing or unreachable."""
    from communique.raydata import RayMissing, RayOptions, connect, run_ray

    ropts = RayOptions(address=address, workers=workers)
    try:
        connect(ropts)
    except RayMissing as exc:
        raise click.ClickException(str(exc)) from exc
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise click.ClickException(f"cannot start or reach Ray ({address or 'local'}): {exc}") from exc
    try:
        yield from run_ray(paths, options, ropts)
    except ValueError as exc:  # stdin asked for
        raise click.UsageError(str(exc)) from exc


@contextmanager
def open_sink(db: str, out_dir: Optional[str], batch: int = 1, links: bool = True) -> Iterator[Any]:
    """The store at `db`, `batch` articles per transaction, or with `out_dir` Parquet files there."""
    from communique.sinks import ParquetSink, StoreSink

    if out_dir:
        try:
            sink = ParquetSink(out_dir)
        except RuntimeError as exc:  # pyarrow missing
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            raise click.ClickException(os_error_line(exc, out_dir)) from None
        try:
            yield sink
        finally:
            sink.close_file()
        return
    with open_store(db, links) as store:
        yield StoreSink(store, batch=batch)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.pass_obj
def load(settings: Any, paths: tuple[str, ...]) -> None:
    """Add the records in Parquet files written by `ingest --out` (files or directories) to the store,
    skipping texts already there, and print a one-line summary."""
    from communique.cli import Tally
    from communique.sinks import StoreSink, parquet_files, read_parquet

    tally = Tally()
    problems: list[str] = []
    with open_store(settings.db) as store:
        sink = StoreSink(store)
        for path in parquet_files(paths):
            try:
                for results in read_parquet(path):
                    for result in results:
                        tally.read += 1
                        count_written(tally, sink.put(result), settings.quiet)
            except (ValueError, OSError) as exc:
                problems.append(printable(f"skipped {path}: {exc}"))
                if not settings.quiet:
                    click.echo(problems[-1], err=True)
            count_written(tally, sink.flush(), settings.quiet)
    click.echo(tally.line().replace(f", {len(tally.skipped)} skipped", f", {len(problems)} files skipped"))
    for line in problems:
        click.echo(line, err=True)
    sys.exit(1 if problems else 0)
