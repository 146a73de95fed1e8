"""Store write rate: articles (and rows) per second into SQLite and PostgreSQL, batched or not, 1 to P writers.

The articles are copies of the bundled samples' real extraction results (see serve_bench.py), written
through the store's own path (`StoreSink` -> `Store.add_batch`: actors resolved, full-text indexed).
Each measurement starts from an empty store (a new SQLite file, or a new PostgreSQL schema). With
several writers, each process writes its own share of distinct articles at the same time.

    python benchmarks/store_bench.py --articles 2000 --pg postgresql:///communique?host=/tmp/...
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from serve_bench import copy_of, sample_results  # noqa: E402

ROWS = ("articles", "statements", "events", "event_actors")


def write_share(target: str, base: list, ks: range, batch: int, queue) -> None:
    """One writer: copies `ks` of every sample article, through a StoreSink of `batch` articles."""
    from communique.sinks import StoreSink
    from communique.store import Store

    todo = [copy_of(r, k) for k in ks for r in base]  # copied before the clock starts
    with Store(target) as store:
        sink = StoreSink(store, batch=batch, wait=3600)
        started = time.time()
        added = 0
        for result in todo:
            added += sum(ok for _, ok in sink.put(result))
        added += sum(ok for _, ok in sink.flush())
        queue.put((added, started, time.time()))


def measure(target: str, base: list, copies: int, batch: int, writers: int) -> dict:
    """Write `copies` copies of the samples with `writers` processes; articles and rows per second."""
    from communique.store import Store

    Store(target).close()  # the schema exists before the clock starts
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    shares = [range(w, copies, writers) for w in range(writers)]
    procs = [ctx.Process(target=write_share, args=(target, base, ks, batch, queue)) for ks in shares]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    # From the first writer's first write to the last writer's last commit (process start-up excluded).
    seconds = max(end for _, _, end in results) - min(start for _, start, _ in results)
    with Store(target) as store:
        rows = sum(store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ROWS)
        articles = store.counts()["articles"]
    assert articles == sum(a for a, _, _ in results) == copies * len(base), (articles, results)
    return {"writers": writers, "batch": batch, "articles": articles, "rows": rows, "seconds": seconds,
            "articles_per_s": articles / seconds, "rows_per_s": rows / seconds}


def pg_schema_url(url: str) -> tuple[str, str]:
    """A new schema in the database at `url`, and the URL that writes into it."""
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    return schema, f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema},public"


def drop_schema(url: str, schema: str) -> None:
    """Remove a benchmark schema."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="Articles per measurement (rounded to copies).")
    parser.add_argument("--pg", help="PostgreSQL URL to measure (a schema is created and dropped per run).")
    parser.add_argument("--batches", default="1,32", help="Articles per transaction to compare.")
    parser.add_argument("--writers", default="1,4", help="Writer processes to compare.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON lines.")
    args = parser.parse_args()
    base = sample_results()
    copies = max(1, args.articles // len(base))
    rows = []
    for backend in ["sqlite"] + (["postgres"] if args.pg else []):
        for batch in map(int, args.batches.split(",")):
            for writers in map(int, args.writers.split(",")):
                if backend == "sqlite":
                    with tempfile.TemporaryDirectory() as tmp:
                        fig = measure(str(Path(tmp) / "bench.db"), base, copies, batch, writers)
                else:
                    schema, url = pg_schema_url(args.pg)
                    try:
                        fig = measure(url, base, copies, batch, writers)
                    finally:
                        drop_schema(args.pg, schema)
                fig["backend"] = backend
                rows.append(fig)
                if args.json:
                    print(json.dumps(fig), flush=True)
                else:
                    print(f"{backend:<9} batch {batch:>3}  writers {writers}  {fig['articles']:>6} articles "
                          f"{fig['rows']:>8} rows  {fig['seconds']:7.1f} s  {fig['articles_per_s']:8.1f} articles/s "
                          f"{fig['rows_per_s']:9.0f} rows/s", flush=True)


if __name__ == "__main__":
    main()
