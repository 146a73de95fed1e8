"""How much the stored actor fields depend on ingest order: one `communique ingest` of a JSON Lines file against
the same file in two passes (first half, then second half), in two passes the other way round, and in one pass
with its lines shuffled.

    python benchmarks/actor_order.py ../shared/data/voa/stories.jsonl

Prints, for each two-pass store, how many statements and event actor rows differ from the one-pass store in
their actor fields (actor_id, name, country, sector; a speaker's role too), how many actor rows (matched by
name) differ in id, kind, country, sector, role or aliases, and a few examples.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATEMENT_FIELDS = "speaker_name, actor_id, speaker_country, speaker_sector, speaker_role"
EVENT_FIELDS = "name, actor_id, country, sector"


def ingest(db: Path, *inputs: Path) -> None:
    """One `communique ingest` run per input, in order, into the store `db`."""
    for path in inputs:
        subprocess.run([sys.executable, "-m", "communique", "--db", str(db), "-q", "ingest", str(path)],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def fields(db: Path) -> dict[tuple, tuple]:
    """Each statement's and each event actor's actor fields, keyed by record."""
    con = sqlite3.connect(db)
    out = {("s", r[0]): r[1:] for r in con.execute(f"SELECT id, {STATEMENT_FIELDS} FROM statements")}
    out.update({("e", r[0], r[1], r[2]): r[3:] for r in con.execute(
        f"SELECT event_id, role, position, {EVENT_FIELDS} FROM event_actors")})
    con.close()
    return out


def actor_rows(db: Path) -> dict[str, tuple]:
    """Each actor's id, kind, country, sector, role and aliases, by lower-cased name."""
    con = sqlite3.connect(db)
    aliases: dict[str, list[str]] = {}
    for alias, actor_id in con.execute("SELECT alias, actor_id FROM actor_aliases ORDER BY lower(alias)"):
        aliases.setdefault(actor_id, []).append(alias.lower())
    out = {r[1].lower(): (r[0], *r[2:], tuple(aliases.get(r[0], ()))) for r in con.execute(
        "SELECT actor_id, name, kind, country, sector, role FROM actors")}
    con.close()
    return out


def compare_actors(one: dict[str, tuple], two: dict[str, tuple], show: int) -> None:
    """Print how many actors differ, field by field, and the first few."""
    names = sorted(one.keys() | two.keys())
    fields = ("id", "kind", "country", "sector", "role", "aliases")
    missing = [n for n in names if n not in one or n not in two]
    both = [n for n in names if n in one and n in two]
    counts = {f: sum(1 for n in both if one[n][i] != two[n][i]) for i, f in enumerate(fields)}
    differ = [n for n in both if one[n] != two[n]]
    print(f"  actors: {len(differ)} of {len(both)} differ ({', '.join(f'{f} {c}' for f, c in counts.items())});"
          f" {len(missing)} names in one store only")
    for n in (differ + missing)[:show]:
        print(f"    {n}: {one.get(n)} -> {two.get(n)}")


def compare(one: dict[tuple, tuple], two: dict[tuple, tuple], label: str, show: int) -> None:
    """Print how many records differ (statements and event actors apart) and the first few."""
    assert one.keys() == two.keys(), f"{label}: not the same records"
    diff = sorted(k for k in one if one[k] != two[k])
    statements = sum(1 for k in diff if k[0] == "s")
    print(f"{label}: {statements} of {sum(1 for k in one if k[0] == 's')} statements and "
          f"{len(diff) - statements} of {sum(1 for k in one if k[0] == 'e')} event actors differ")
    for k in diff[:show]:
        print(f"  {k[1:]}: {one[k]} -> {two[k]}")


def main() -> None:
    """Ingest in one pass and in two (both ways round) and compare."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("--show", type=int, default=8, help="Examples to print per comparison.")
    ap.add_argument("--seed", type=int, default=1, help="Seed of the shuffled order.")
    ap.add_argument("--keep", type=Path, default=None, help="Directory to keep the three stores in.")
    args = ap.parse_args()
    lines = args.jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as tmp:
        d = args.keep or Path(tmp)
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("*.db*"):
            old.unlink()  # a kept store from an earlier run would make every article "already stored"
        (d / "first.jsonl").write_text("".join(lines[:len(lines) // 2]), encoding="utf-8")
        (d / "second.jsonl").write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
        shuffled = random.Random(args.seed).sample(lines, len(lines))
        (d / "shuffled.jsonl").write_text("".join(shuffled), encoding="utf-8")
        ingest(d / "one.db", args.jsonl.resolve())
        ingest(d / "mixed.db", d / "shuffled.jsonl")
        ingest(d / "two.db", d / "first.jsonl", d / "second.jsonl")
        ingest(d / "back.db", d / "second.jsonl", d / "first.jsonl")
        one, actors = fields(d / "one.db"), actor_rows(d / "one.db")
        for name, label in (("two", "two passes, same order"), ("back", "two passes, second half first"),
                            ("mixed", f"one pass, shuffled (seed {args.seed})")):
            compare(one, fields(d / f"{name}.db"), label, args.show)
            compare_actors(actors, actor_rows(d / f"{name}.db"), args.show)


if __name__ == "__main__":
    main()
