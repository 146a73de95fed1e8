"""Benchmark of linking: ingest throughput with and without links, and linking cost as the store grows.

`python benchmarks/bench_links.py CORPUS [--limit N] [--sizes 1000,10000,100000] [--probes 50]`

1. The corpus texts (PolNeAR: publication date and outlet from the file name) are analysed once;
   the results are written to a fresh store without links and to another with links. Throughput
   with/without = (analysis + writes without links) / (analysis + writes with links).
2. A store is grown to each size with synthetic copies of the linked articles, each copy moved
   70 days later than the last (so the store covers more time as it grows, as a real archive does;
   the same actors recur in every copy). At each size, `--probes` new articles placed in the middle
   of the covered time are linked and timed, then rolled back; twice, cold and with that stretch cached.
"""

from __future__ import annotations

import argparse
import copy
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator, Optional

COPY_DAYS = 70
_DATED = re.compile(r"^(?P<source>[a-z]+)_(?P<day>\d{4}-\d{2}-\d{2})_")


def articles(corpus: Path, limit: Optional[int]) -> Iterator[Any]:
    """Corpus texts as Articles, dated and sourced from PolNeAR-style file names when they say."""
    from communique.bench import corpus_paths
    from communique.records import Article

    for path in corpus_paths(corpus, limit):
        m = _DATED.match(path.name)
        yield Article(id=path.stem, text=path.read_text(encoding="utf-8"), path=str(path),
                      published=date.fromisoformat(m["day"]) if m else None, source=m["source"] if m else None)


def _write(results: list[Any], path: Path, links: bool) -> float:
    """Seconds to write every result to a fresh store."""
    from communique.store import Store

    with Store(path, links=links) as store:
        started = time.perf_counter()
        for r in results:
            store.add(copy.deepcopy(r))
        return time.perf_counter() - started


# Copy every stored row of the first articles (the rows with rowid up to :m, recorded before any copy) under
# new ids, :k days later, link rows too; columns not named here are copied as they are. Rowid ranges need no
# index, so indexes can be built after the copies.
_ID, _DOC = "{c} || :s", "{c} || :s"
_COPIED = {
    "articles": {"doc": _DOC, "published": "date({c}, :d)", "text_hash": "{c} || :s", "id": None},
    "statements": {"id": _ID, "doc": _DOC, "said_on": "date({c}, :d)", "day": "COALESCE(date({c}, :d), {c})",
                   "json": "json_set({c}, '$.id', id || :s, '$.doc', doc || :s)"},
    "events": {"id": _ID, "doc": _DOC, "happened_on": "date({c}, :d)", "day": "COALESCE(date({c}, :d), {c})",
               "claimed_by": "{c} || :s", "json": "json_set({c}, '$.id', id || :s, '$.doc', doc || :s)"},
    "event_actors": {"event_id": _ID},
    "link_events": {"event_id": _ID, "doc": _DOC, "lo": "{c} + :k", "hi": "{c} + :k", "incident": _ID,
                    "feat": "json_set({c}, '$.id', event_id || :s, '$.doc', doc || :s, '$.lo', lo + :k,"
                            " '$.hi', hi + :k)"},
    "link_event_keys": {"lo": "{c} + :k", "event_id": _ID},
    "incident_links": {"a": _ID, "b": _ID},
    "link_statements": {"statement_id": _ID, "doc": _DOC, "day": "{c} + :k", "remark": _ID,
                        "feat": "json_set({c}, '$.id', statement_id || :s, '$.doc', doc || :s, '$.day', day + :k)"},
    "link_keys": {"day": "{c} + :k", "statement_id": _ID},
    "remark_links": {"a": _ID, "b": _ID},
    "responses": {"statement_id": _ID, "doc": _DOC, "head": _ID, "target": _ID, "day": "{c} + :k"},
}


def _copy_sql(db: Any, table: str) -> str:
    """INSERT ... SELECT copying one table's first rows with new ids and later days."""
    overrides = _COPIED[table]
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if overrides.get(r[1], "") is not None]
    exprs = [overrides.get(c, "{c}").format(c=f'"{c}"') for c in cols]
    names = ", ".join(f'"{c}"' for c in cols)
    return f"INSERT INTO {table} ({names}) SELECT {', '.join(exprs)} FROM {table} WHERE rowid <= :m"


def grow(store: Any, base_count: int, size: int) -> int:
    """Add synthetic copies of the first `base_count` articles until the store holds `size`; returns copies made."""
    db = store.db
    # A benchmark store may be lost on a crash: trade durability for speed while growing it.
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-1000000")
    if not hasattr(store, "_bench_base"):  # the rows of the first articles, before any copy
        store._bench_base = {t: db.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {t}").fetchone()[0] for t in _COPIED}
        store._bench_sql = {t: _copy_sql(db, t) for t in _COPIED}
    have = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    made = 0
    # Bulk load: indexes are dropped while copying and built again after (sorting beats random inserts).
    indexes = [(name, sql) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    # Full-text triggers are left out too: linking never reads those indexes, and the store is thrown away.
    triggers = [(name, sql) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'")]
    if have + base_count <= size:
        for name, _ in indexes:
            db.execute(f"DROP INDEX {name}")
        for name, _ in triggers:
            db.execute(f"DROP TRIGGER {name}")
    while have + base_count <= size:
        k = have // base_count
        args = {"s": f"#{k}", "k": COPY_DAYS * k, "d": f"+{COPY_DAYS * k} days"}
        with store.atomic():
            for table, sql in store._bench_sql.items():
                values = {**args, "m": store._bench_base[table]}
                db.execute(sql, {name: v for name, v in values.items() if f":{name}" in sql})
        have += base_count
        made += 1
    if made:
        for _, sql in indexes + triggers:
            db.execute(sql)
    return made


def probe(store: Any, results: list[Any], shift_days: int) -> list[float]:
    """Seconds spent linking each probe article (placed `shift_days` later), rolled back afterwards."""
    from communique.store.links import LinkStore

    timings: list[float] = []
    original, lookup = LinkStore.add, LinkStore._lookup
    work = {"sql": 0, "candidates": 0, "on": False}

    def timed(self: Any, result: Any) -> None:
        work["on"] = True
        started = time.perf_counter()
        original(self, result)
        timings.append(time.perf_counter() - started)
        work["on"] = False

    def counted(self: Any, sql: str, keys: list[str], args: tuple) -> list[tuple]:
        rows = lookup(self, sql, keys, args)
        work["candidates"] += len(rows)
        return rows

    def trace(_statement: str) -> None:
        work["sql"] += work["on"]

    LinkStore.add, LinkStore._lookup = timed, counted  # type: ignore[method-assign]
    store.db.set_trace_callback(trace)
    store.db.execute("BEGIN IMMEDIATE")
    try:
        for i, r in enumerate(results):
            r = copy.deepcopy(r)
            r.article.id = f"{r.article.id}#probe{i}"
            r.article.text += f"\n(probe {i})"
            r.article.published = (r.article.published or date(2016, 9, 1)) + timedelta(days=shift_days)
            for rec in r.statements + r.events:
                rec.id, rec.doc = rec.id.replace(rec.doc, r.article.id, 1), r.article.id
            for ev in r.events:
                if ev.claimed_by:
                    ev.claimed_by = ev.claimed_by.replace(ev.claimed_by.split(":")[0], r.article.id, 1)
            store.add(r)
    finally:
        store.db.set_trace_callback(None)
        store.db.execute("ROLLBACK")
        store.actors_registry.reload()
        LinkStore.add, LinkStore._lookup = original, lookup  # type: ignore[method-assign]
    probe.work = {k: work[k] / max(1, len(timings)) for k in ("sql", "candidates")}  # type: ignore[attr-defined]
    return timings


def main(argv: Optional[list[str]] = None) -> None:
    """Run both measurements and print the figures."""
    from communique.options import Options
    from communique.pipeline import run
    from communique.records import Skip
    from communique.store import Store

    ap = argparse.ArgumentParser(prog="benchmarks/bench_links.py", description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=200, help="corpus texts to use (default 200)")
    ap.add_argument("--sizes", default="1000,10000,100000", help="store sizes to measure linking at")
    ap.add_argument("--probes", type=int, default=50, help="new articles timed at each size")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    results = [r for r in run(articles(args.corpus, args.limit), Options()) if not isinstance(r, Skip)]
    nlp_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        plain = _write(results, Path(tmp) / "plain.db", links=False)
        linked = _write(results, Path(tmp) / "linked.db", links=True)
        ratio = (nlp_s + plain) / (nlp_s + linked)
        print(f"{len(results)} texts: analysis {nlp_s:.1f} s; writes without links {plain:.1f} s, with links"
              f" {linked:.1f} s; ingest throughput with/without links: {ratio:.3f} (target >= 0.80)")
        print(f"linking alone: {1000 * (linked - plain) / len(results):.1f} ms per article"
              f" (analysis: {1000 * nlp_s / len(results):.0f} ms per article)")
        probes = results[: args.probes]
        with Store(Path(tmp) / "linked.db") as store:
            for size in (int(s) for s in args.sizes.split(",")):
                grow(store, len(results), size)
                stored = store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                copies = stored // len(results)
                shift = COPY_DAYS * (copies // 2) + COPY_DAYS // 2
                # The first pass reads the pages of that stretch of time from disk; the second finds them
                # cached, as an ingest of current news does for the recent stretch it keeps touching.
                for label in ("first pass", "again"):
                    times = probe(store, probes, shift)
                    print(f"{stored:>7,} stored articles, {label}: linking {1000 * statistics.mean(times):.1f} ms"
                          f" per new article (median {1000 * statistics.median(times):.1f},"
                          f" max {1000 * max(times):.1f}; {len(times)} probes; per article"
                          f" {probe.work['sql']:.0f} SQL statements, {probe.work['candidates']:.0f} candidates)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
