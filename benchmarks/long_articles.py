"""How `communique extract` time and memory grow with the length of one article.

    python benchmarks/long_articles.py [--sizes 50000,100000,...] [--memory-sizes 100000,1000000] [--keep DIR]

Builds long articles from the bundled samples (our own text): every copy of a sample story gets
new made-up surnames and shifted numbers and the stories come in a shuffled order, so the article
is long without repeating itself word for word. Each article is extracted by `communique extract
--format jsonl` in a child process of its own; the table gives wall time, the child's peak RSS and
the number of statements, then the growth exponent of time (the slope of log time over log length)
and the ratio of peak memory at the largest size to the smallest. README, "Reliability".
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = (50_000, 100_000, 200_000, 400_000, 800_000)
MEMORY_SIZES = (100_000, 1_000_000)
ONSETS = ["B", "D", "K", "L", "M", "N", "R", "S", "T", "V", "Z", "Br", "Dr", "Kr", "St", "Tr"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei"]
CODAS = ["", "n", "r", "s", "l", "k", "nd", "rt", "sk"]
SUFFIXES = ["ov", "ic", "sen", "ero", "ani", "berg", "ala", "escu", "ito", "ard"]


def sample_stories() -> list[str]:
    """The text of every bundled sample article, read as `ingest` reads it."""
    from communique.ingest import read_paths
    from communique.options import Options
    from communique.records import Article

    return [r.text for r in read_paths([str(ROOT / "samples")], Options()) if isinstance(r, Article)]


def surnames(stories: list[str]) -> list[str]:
    """Capitalised words that also end a longer name, e.g. 'Wierzbicki' after 'Tomasz Wierzbicki'."""
    names: set[str] = set()
    for text in stories:
        for match in re.finditer(r"(?<![Tt]he )\b[A-Z][a-z\u00c0-\u017f]+ (?=([A-Z][a-z\u00c0-\u017f]{3,})\b)", text):
            last = match.group(1)
            if re.search(rf"\b{last}\b (said|told|added|says|warned|urged|denied)", text):
                names.add(last)
    return sorted(names)


def invented(rng: random.Random) -> str:
    """A made-up surname of two or three syllables."""
    stem = "".join(rng.choice(ONSETS).lower() + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.randint(1, 2)))
    return (stem + rng.choice(SUFFIXES)).capitalize()


def retell(text: str, names: list[str], copy: int) -> str:
    """A copy of a story with other surnames and numbers shifted by the copy's number."""
    rng = random.Random(copy)
    table = {name: invented(rng) for name in names}
    if table:
        text = re.sub(r"\b(" + "|".join(map(re.escape, table)) + r")\b", lambda m: table[m.group(1)], text)
    return re.sub(r"\b\d{1,3}\b", lambda m: str(int(m.group()) + copy % 7), text)


def article(chars: int) -> str:
    """Retold sample stories, in a shuffled order, up to just under `chars` characters."""
    stories = sample_stories()
    names = surnames(stories)
    parts: list[str] = []
    size = copy = 0
    rng = random.Random(0)
    while True:
        for k in rng.sample(range(len(stories)), len(stories)):
            story = retell(stories[k], names, copy).strip()
            if size + len(story) + 2 > chars:
                return "\n\n".join(parts) + "\n"
            parts.append(story)
            size += len(story) + 2
            copy += 1


# The child loads the pipeline and warms it up on a short sample (the event lexicon, the knowledge base and
# other tables load on first use) before it times `extract` on the long article: that start takes 4-6 s
# whatever the article, and would hide how the article's own time grows.
CHILD = """
import contextlib, io, json, resource, sys, time
from communique.cli import main

def extract(path):
    out, code = io.StringIO(), 0
    with contextlib.redirect_stdout(out):
        try:
            main(["extract", "--format", "jsonl", path], standalone_mode=False)
        except SystemExit as stop:
            code = stop.code
    return out.getvalue(), code

began = time.monotonic()
extract(sys.argv[2])
loaded = time.monotonic()
text, code = extract(sys.argv[1])
done = time.monotonic()
statements = sum(1 for line in text.splitlines() if line.startswith('{"type": "statement"'))
print(json.dumps({"load": loaded - began, "extract": done - loaded, "code": code, "statements": statements,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(path: Path) -> dict:
    """Start (model load and warm-up) and extract times, peak RSS (MB) and statements of `communique extract` on one file, in a child."""
    warm = ROOT / "samples" / "nile-dam-talks.txt"
    res = subprocess.run([sys.executable, "-c", CHILD, str(path), str(warm)], capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        raise SystemExit(f"extract failed on {path}: {res.stderr.strip()[-2000:]}")
    out = json.loads(res.stdout.splitlines()[-1])
    if out["code"]:
        raise SystemExit(f"extract exited {out['code']} on {path}: {res.stderr.strip()[-2000:]}")
    return out


def slope(points: list[tuple[int, float]]) -> float:
    """The least-squares slope of log(time) over log(length): 1 for linear growth, 2 for quadratic."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    """Write the articles, time each one in a child process, print the table, the exponent and the memory ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="Article lengths to time (characters).")
    parser.add_argument("--memory-sizes", default=",".join(map(str, MEMORY_SIZES)),
                        help="Article lengths whose peak memory is compared (smallest and largest).")
    parser.add_argument("--keep", default=None, help="Directory to write the articles to (kept).")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    memory = [int(s) for s in args.memory_sizes.split(",")]
    folder = Path(args.keep or tempfile.mkdtemp(prefix="communique-long-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows: dict[int, dict] = {}
    print("| characters | words | start (s) | extract (s) | peak RSS (MB) | statements |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sorted(set(sizes) | set(memory)):
        text = article(n)
        path = folder / f"long-{n}.txt"
        path.write_text(text, encoding="utf-8")
        row = rows[n] = {"chars": len(text), "words": len(text.split()), **run(path)}
        print(f"| {row['chars']:,} | {row['words']:,} | {row['load']:.1f} | {row['extract']:.1f} | "
              f"{row['peak_mb']:,.0f} | {row['statements']:,} |", flush=True)
    timed = [(rows[n]["chars"], rows[n]["extract"]) for n in sizes]
    total = [(rows[n]["chars"], rows[n]["extract"] + rows[n]["load"]) for n in sizes]
    print(f"\ngrowth exponent of extract time, {sizes[0]:,} to {sizes[-1]:,} characters: {slope(timed):.2f} "
          f"(with the start: {slope(total):.2f})")
    low, high = min(memory), max(memory)
    print(f"peak RSS at {high:,} / at {low:,} characters: {rows[high]['peak_mb'] / rows[low]['peak_mb']:.2f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
