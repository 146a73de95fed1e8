"""Peak memory and time of `communique ingest` on the largest article the default limits allow.

    python benchmarks/largest_article.py [--chars 1000000] [--keep DIR]

Writes one original wire-style article of just under --chars characters (made-up people and
places, many attributed statements), ingests it into a fresh store in a child process and
prints the child's wall time and peak RSS, with the summary line. README, "Reliability".
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Katrin", "Olav", "Ines", "Tomas", "Lea", "Marek", "Sina", "Pavel", "Ruth", "Anders"]
LAST = ["Solberg", "Dahl", "Tavares", "Novak", "Holm", "Kral", "Berg", "Lund", "Moen", "Strand"]
ROLES = ["Foreign Minister", "Defence Minister", "Trade Minister", "President", "Prime Minister"]
PEOPLE = ["Norwegian", "Swedish", "Portuguese", "Czech", "Danish"]


def paragraph(i: int, j: int) -> str:
    """One paragraph with an indirect and a direct statement, different for each (i, j)."""
    k = (i * 3 + j) % 10
    first, last = FIRST[k], LAST[(k + i) % 10]
    role, nat = ROLES[(i + j) % 5], PEOPLE[(i + 2 * j) % 5]
    return (f"{nat} {role} {first} {last} said on Tuesday that talks on harbour fees number {i}-{j} "
            f"would continue next week. \"We have made progress on the toll question, and we expect "
            f"a text by the end of the month,\" {last} told reporters in the capital after a meeting "
            f"that ran late into the evening. Officials said a draft on section {j} was circulating.")


def article(chars: int) -> str:
    """Paragraphs up to just under `chars` characters."""
    paras: list[str] = []
    size = i = 0
    while True:
        for j in range(8):
            para = paragraph(i, j)
            if size + len(para) + 2 > chars:
                return "\n\n".join(paras) + "\n"
            paras.append(para)
            size += len(para) + 2
        i += 1


def main() -> None:
    """Write the article, ingest it in a child process, print time and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="Article length (default: the --max-chars cap).")
    parser.add_argument("--keep", default=None, help="Directory to write the article and store to (kept).")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="communique-largest-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "largest.txt"
    text = article(args.chars)
    path.write_text(text, encoding="utf-8")
    db = folder / "largest.db"
    db.unlink(missing_ok=True)
    began = time.monotonic()
    res = subprocess.run([sys.executable, "-m", "communique", "--db", str(db), "-q", "ingest", str(path)],
                         capture_output=True, text=True)
    wall = time.monotonic() - began
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"article: {len(text):,} characters, {len(text.split()):,} words ({path})")
    print(f"ingest: exit {res.returncode}, {wall:.1f} s, peak RSS {peak_mb:,.0f} MB")
    print(res.stdout.strip() or res.stderr.strip())


if __name__ == "__main__":
    main()
