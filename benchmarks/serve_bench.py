"""Serving speed at scale: fill a store with about N statements, serve it, time pages and API calls.

The store is filled through the store's own write path (`Store.add`, full-text index included) with
copies of the bundled samples' real extraction results: each copy is a new article (its text gets a
trailing marker, so offsets stay valid) with its own publication date. Then `communique serve` runs on
127.0.0.1 and each URL is requested a bounded number of times over one keep-alive connection.

    python benchmarks/serve_bench.py --statements 100000
"""

from __future__ import annotations

import argparse
import copy
import os
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def sample_results() -> list:
    """The samples through the real pipeline, once."""
    from communique.ingest import read_paths
    from communique.options import Options
    from communique.pipeline import run
    from communique.records import Result

    options = Options()
    return [r for r in run(read_paths([str(ROOT / "samples")], options), options) if isinstance(r, Result)]


def copy_of(result, k: int):
    """Copy k of a result: new article id, unique text, a publication date spread over two years."""
    from communique.store import _rename

    r = copy.deepcopy(result)
    old = r.article.id
    _rename(r, old, f"{old}-c{k}")
    r.article.text += f"\n\n[copy {k}]"
    r.article.published = date(2025, 1, 1) + timedelta(days=k % 730)
    r.article.path = None
    return r


def fill(db: Path, target: int) -> dict:
    """Write copies of the sample results until the store holds `target` statements."""
    from communique.store import Store

    base = sample_results()
    per_copy = sum(len(r.statements) for r in base)
    started = time.perf_counter()
    with Store(db) as store:
        k = 0
        while store.counts()["statements"] < target:
            with store.atomic():  # one transaction per copy of the samples
                for r in base:
                    store.add(copy_of(r, k))
            k += 1
        counts = store.counts()
    print(f"filled {db} in {time.perf_counter() - started:.0f} s ({per_copy} statements per copy): {counts}",
          flush=True)
    return counts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int) -> subprocess.Popen:
    """`communique serve` on 127.0.0.1, waited for."""
    proc = subprocess.Popen([sys.executable, "-m", "communique", "-q", "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=5)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


def timings(client: httpx.Client, url: str, runs: int) -> tuple[float, float, int]:
    """Median and 95th percentile in ms of `runs` requests (after 3 warm-up requests), and the size."""
    for _ in range(3):
        r = client.get(url)
        r.raise_for_status()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(r.content)


def targets(client: httpx.Client, counts: dict) -> list[tuple[str, str, float]]:
    """(label, url, budget ms) for the pages and calls to time."""
    top = client.get("/api/overview").json()["top_speakers"][0]
    middle = client.get("/api/articles", params={"limit": 1000}).json()["items"][-1]["id"]
    second = client.get("/api/statements").json()["next_cursor"]
    return [
        (f"article page ({middle})", f"/articles/{middle}", 200),
        (f"actor page, top speaker ({top['name']}, {top['statements']:,} statements)", f"/actors/{top['actor_id']}", 200),
        ("/api/statements (first page, 50)", "/api/statements", 50),
        ("/api/statements, next page (cursor)", f"/api/statements?cursor={second}", 50),
        ("/api/statements?speaker=Alemu", "/api/statements?speaker=Alemu", 50),
        ("/api/statements?q=reservoir (full text)", "/api/statements?q=reservoir", 50),
        ("/api/statements?since=2026-06-01&until=2026-06-30", "/api/statements?since=2026-06-01&until=2026-06-30", 50),
        ("/api/events?type=CONSULT&country=ETH", "/api/events?type=CONSULT&country=ETH", 50),
        ("/api/articles/{id}", f"/api/articles/{middle}", 50),
        ("overview page", "/", 0),
        ("search page (statements, speaker=Alemu)", "/search?what=statements&speaker=Alemu", 0),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000, help="Statements to fill the store with.")
    ap.add_argument("--db", default="/tmp/communique-serve-bench.db", help="Store file (reused when full enough).")
    ap.add_argument("--runs", type=int, default=30, help="Timed requests per URL.")
    args = ap.parse_args()
    db = Path(args.db)
    from communique.store import Store

    if db.exists():
        with Store(db) as store:
            counts = store.counts()
    if not db.exists() or counts["statements"] < args.statements:
        counts = fill(db, args.statements)
    port = free_port()
    proc = serve(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            print(f"\nstore: {counts['articles']:,} articles, {counts['statements']:,} statements, "
                  f"{counts['events']:,} events, {counts['actors']:,} actors ({db.stat().st_size / 2**20:.0f} MiB); "
                  f"{args.runs} requests each, {os.cpu_count()} CPUs\n")
            print("| request | median ms | p95 ms | budget | bytes |\n|---|---|---|---|---|")
            for label, url, budget in targets(client, counts):
                med, p95, size = timings(client, url, args.runs)
                verdict = "" if not budget else (f"< {budget} ms ok" if p95 < budget else f"< {budget} ms MISSED")
                print(f"| {label} | {med:.1f} | {p95:.1f} | {verdict} | {size:,} |", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
