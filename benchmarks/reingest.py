"""Re-ingest cost: `communique ingest DIR` on a directory already stored, against the first ingest.

Writes N article files, variations of the bundled samples (each sample's paragraphs after the lead in
an order of its own, and a closing line naming the copy, so no two texts are the same), ingests them
into a new SQLite store, then ingests the unchanged directory again. Both are whole command runs, wall
time, start-up included: what a user waits for.

    python benchmarks/reingest.py [--articles 200] [--workers 1]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sample_texts() -> list[str]:
    """The text of every bundled sample article, as ingest reads it."""
    from communique.ingest import read_paths
    from communique.options import Options
    from communique.records import Article

    return [a.text for a in read_paths([str(ROOT / "samples")], Options()) if isinstance(a, Article)]


def variation(text: str, n: int) -> str:
    """Copy `n` of a sample: the lead first, the other paragraphs shuffled by `n`, and a closing line."""
    lead, *rest = text.split("\n\n")
    random.Random(n).shuffle(rest)
    return "\n\n".join([lead, *rest, f"(Desk copy {n} of this report, kept for the archive.)"]) + "\n"


def write_articles(folder: Path, count: int) -> None:
    """`count` distinct article files in `folder`."""
    texts = sample_texts()
    for n in range(count):
        (folder / f"copy{n:04d}.txt").write_text(variation(texts[n % len(texts)], n), encoding="utf-8")


def timed_ingest(db: Path, folder: Path, workers: int) -> tuple[float, str]:
    """Seconds one `communique ingest` of `folder` takes, and its summary line."""
    cmd = [sys.executable, "-m", "communique", "--db", str(db), "-q", "ingest", "--workers", str(workers),
           str(folder)]
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr.strip()}")
    return took, done.stdout.strip()


def main() -> None:
    """Write the articles, ingest them twice, print both times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="Articles to write and ingest.")
    parser.add_argument("--workers", type=int, default=1, help="--workers for both ingests.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reingest-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.articles)
        db = Path(tmp) / "store.db"
        first, first_line = timed_ingest(db, folder, args.workers)
        again, again_line = timed_ingest(db, folder, args.workers)
    print(f"first ingest: {first:.1f} s  ({first_line})")
    print(f"re-ingest:    {again:.1f} s  ({again_line})")
    print(f"re-ingest / first: {again / first:.3f}")


if __name__ == "__main__":
    main()
