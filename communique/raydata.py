"""The Ray Data runner: the same extraction as `pipeline.run`, in an actor pool on a laptop or a cluster.

Inputs become one Ray Dataset of article rows (files read by the workers, `scheme://` URIs read
by Ray, Parquet tables of articles); a pool of actors, each holding one loaded spaCy pipeline,
turns batches of them into rows of records (`records_io`), and the driver consumes that stream in
input order. Ray Data's streaming executor runs all stages at once with bounded memory: when the
consumer (the store) is slower, upstream stages wait instead of piling up blocks.
"""

from __future__ import annotations

import logging
import os
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from communique.options import Options
from communique.records import Result, Skip
from communique.records_io import ROW_FIELDS, item_to_row, output_to_row, row_to_item, row_to_output

Output = Union[Result, Skip]
PARQUET = (".parquet", ".pq")
# Less than one CPU per actor: a pool of one actor per core still leaves room for the read tasks,
# which would otherwise wait forever for a free CPU on a small (2-core) machine.
CPUS_PER_WORKER = 0.5


class RayMissing(RuntimeError):
    """Ray (or pyarrow) is not installed: `pip install 'communique[ray]'`."""


@dataclass
class RayOptions:
    """Where and how wide to run: the cluster address, the actor pool and its CPU share."""

    address: Optional[str] = None  # None: RAY_ADDRESS if set, else a local Ray on this machine
    workers: Optional[int] = None  # extraction actors; None: one per CPU of the cluster
    cpus_per_worker: float = CPUS_PER_WORKER
    local_cpus: Optional[int] = None  # CPUs a local Ray may use (None: all of this machine's)


def _ray() -> Any:
    """The ray module, or a clear error naming the extra to install."""
    try:
        import pyarrow  # noqa: F401
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayMissing(f"the Ray runner needs Ray Data: pip install 'communique[ray]' ({exc})") from exc
    return ray


def connect(ropts: RayOptions) -> float:
    """Join the cluster at `address` (or RAY_ADDRESS), else start Ray here; returns the seconds it took."""
    ray = _ray()
    _quiet()
    _driver_prints_to_stderr()
    started = time.perf_counter()
    if not ray.is_initialized():
        address = ropts.address or os.environ.get("RAY_ADDRESS") or None
        if address:
            ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
        else:
            ray.init(num_cpus=ropts.local_cpus, include_dashboard=False, logging_level=logging.ERROR,
                     log_to_driver=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # the store assigns actor ids in input order, as locally
    ctx.enable_progress_bars = False  # the CLI draws its own
    ctx.print_on_execution_start = False
    return time.perf_counter() - started


def _quiet() -> None:
    """Keep Ray Data's progress and planning chatter off the terminal: the CLI reports for itself."""
    for name in ("ray", "ray.data", "ray.data._internal"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module=r"ray\.data\..*")


def _driver_prints_to_stderr() -> None:
    """Send what Ray prints in this process on behalf of other processes to stderr, never stdout.

    `log_to_driver=False` stops worker output only: a driver thread of Ray's
    (`ray._private.worker.listen_error_messages`) still prints the raylet's errors, such as "A worker died or
    was killed", with `print_to_stdstream` on stdout, where they would mix with the command's data (JSON Lines,
    the summary) in a pipe. Those errors matter to the user, so they go to stderr rather than away."""
    from ray._private import worker

    printer = getattr(worker, "print_to_stdstream", None)  # looked up by name at each call: patching it suffices
    if printer is None or getattr(printer, "to_stderr", False):
        return

    def to_stderr(data: dict[str, Any], ignore_prefix: bool) -> None:
        """Ray's printer, with every batch of lines marked as stderr's."""
        printer({**data, "is_err": True}, ignore_prefix)

    to_stderr.to_stderr = True  # type: ignore[attr-defined]
    worker.print_to_stdstream = to_stderr


def pool_size(ropts: RayOptions) -> int:
    """The number of extraction actors: as asked, else one per CPU Ray knows of."""
    if ropts.workers:
        return ropts.workers
    return max(1, int(_ray().cluster_resources().get("CPU", 1)))


# --- inputs ------------------------------------------------------------------------------------


def _table(rows: list[dict[str, Any]]) -> Any:
    """Rows as an Arrow table with the fixed schema (so empty or all-null blocks still agree)."""
    from communique.sinks import table

    return table(rows)


def read_uri_bytes(batch: Any, options: Options) -> Any:
    """A block of (bytes, path) rows, as `read_binary_files` gives them, as article rows."""
    from communique.ingest import read_bytes

    pairs = zip(batch.column("bytes").to_pylist(), batch.column("path").to_pylist())
    return _table([item_to_row(r) for data, path in pairs for r in read_bytes(data, path, options)])


def read_parquet_articles(batch: Any, options: Options) -> Any:
    """A block of a Parquet table of articles (id, text, title, published, source, url) as article rows."""
    from communique.ingest import article_from_object

    rows = []
    for obj in batch.to_pylist():
        path = str(obj.pop("path", "parquet"))
        where = f"{path} ({obj.get('id')})" if obj.get("id") not in (None, "") else path
        item = article_from_object(obj, where, Path(path).stem, options)
        if not isinstance(item, Skip):
            item.path = path
        rows.append(item_to_row(item))
    return _table(rows)


def input_dataset(paths: Iterable[str], options: Options) -> Any:
    """One Dataset of input rows for all inputs, in the order the local reader takes them.

    Plain files stay paths ("file" rows) that the extraction actors read themselves, about one
    batch of them per block: a block is the unit an actor takes and hands back, so small blocks
    keep every actor busy and let results stream back as they are done."""
    from communique.ingest import expand_paths

    ray = _ray()
    parts: list[Any] = []
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        """Close the run of file and skip rows gathered so far as one part (keeping input order)."""
        if rows:
            size = options.batch_size  # one block per batch, as the local runner's chunks
            parts.append(ray.data.from_arrow([_table(rows[i:i + size]) for i in range(0, len(rows), size)]))
            rows.clear()

    for path in expand_paths(paths):
        if isinstance(path, Skip):
            rows.append(item_to_row(path))
        elif path == "-":
            raise ValueError("the Ray runner cannot read standard input; give files, directories or URIs")
        elif "://" in path or path.lower().rstrip("/").endswith(PARQUET):
            flush()
            source = _special_source(path, options)
            parts.append(source.repartition(target_num_rows_per_block=options.batch_size))
        else:
            rows.append({**dict.fromkeys(ROW_FIELDS), "kind": "file", "path": path})
    flush()
    if not parts:
        return ray.data.from_arrow(_table([]))
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def _special_source(path: str, options: Options) -> Any:
    """A Parquet table of articles, or files behind a URI (s3://, gs://, file://) read by Ray itself."""
    ray = _ray()
    if path.lower().rstrip("/").endswith(PARQUET):
        ds = ray.data.read_parquet(path, include_paths=True)
        return ds.map_batches(read_parquet_articles, fn_kwargs={"options": options}, batch_format="pyarrow")
    ds = ray.data.read_binary_files(path, include_paths=True,
                                    file_extensions=["txt", "text", "html", "htm", "jsonl", "ndjson"])
    return ds.map_batches(read_uri_bytes, fn_kwargs={"options": options}, batch_format="pyarrow")


# --- extraction --------------------------------------------------------------------------------


class Extractor:
    """One actor of the pool: loads the spaCy pipeline when it starts, then extracts batch after batch."""

    def __init__(self, options: Options):
        from communique.pipeline import get_nlp

        self.options = options
        get_nlp(options)

    def __call__(self, batch: Any) -> Any:
        from communique.pipeline import chunks, get_nlp, process_chunk

        from communique.ingest import read_file

        items: list[Any] = []
        for row in batch.to_pylist():
            items += read_file(row["path"], self.options) if row["kind"] == "file" else [row_to_item(row)]
        outputs: list[Output] = []
        for chunk in chunks(items, self.options.batch_size):
            # asked for each chunk, not kept: the process's pipeline is loaded afresh when its vocab is full
            outputs += process_chunk(get_nlp(self.options), chunk, self.options)
        return _table([output_to_row(o) for o in outputs])


def extracted(ds: Any, options: Options, ropts: RayOptions) -> Any:
    """The dataset of output rows: `Extractor` over `ds` in a pool of actors."""
    ray = _ray()
    return ds.map_batches(
        # batch_size=None: one call per input block (about one batch of articles each, see input_dataset);
        # a larger batch_size makes Ray bundle blocks, so one actor may take all the work of a small run.
        Extractor, fn_constructor_args=(options,), batch_format="pyarrow", batch_size=None,
        compute=ray.data.ActorPoolStrategy(size=pool_size(ropts)), num_cpus=ropts.cpus_per_worker)


def run_ray(paths: Iterable[str], options: Options, ropts: RayOptions) -> Iterator[Output]:
    """Extract statements and events from the inputs with Ray; outputs come back in input order."""
    connect(ropts)
    ds = extracted(input_dataset(paths, options), options, ropts)
    # Rows stream back as they are done; a slow consumer holds back the stages above (backpressure).
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=2):
        for row in batch.to_pylist():
            yield row_to_output(row)
