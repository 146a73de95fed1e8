"""What the actor knowledge base costs in throughput: the whole pipeline with the shipped knowledge base and with
an empty one, on the same texts, in one process, rounds alternating so that the machine's load falls on both.

    python benchmarks/kb_cost.py ../shared/data/polnear --limit 150 --rounds 3

Times are the process's CPU seconds (other jobs on the machine do not count), parse included; the first load
of the knowledge base (it loads lazily, on the first name looked up) is reported apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from communique.bench import corpus_paths  # noqa: E402
from communique.extract.actors import kb as kb_mod  # noqa: E402
from communique.nlp import load  # noqa: E402
from communique.pieces import analyse  # noqa: E402

PUBLISHED = date(2026, 3, 12)


def _run(nlp, texts: list[str]) -> float:
    """CPU seconds for the pipeline over the texts."""
    start = time.process_time()
    for _ in analyse(nlp, [(t, f"d{k}", PUBLISHED) for k, t in enumerate(texts)]):
        pass
    return time.process_time() - start


def main() -> None:
    """Alternate rounds with and without the knowledge base; print the throughput ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in corpus_paths(args.corpus, args.limit)]
    nlp = load(None)
    shipped = kb_mod.shipped
    empty = kb_mod.KnowledgeBase([], {})
    start = time.process_time()
    shipped()
    first_load = time.process_time() - start
    _run(nlp, texts[:10])  # warm-up: model, lexicons, caches
    with_kb, without_kb = [], []
    for _ in range(args.rounds):
        kb_mod.shipped = shipped
        with_kb.append(_run(nlp, texts))
        kb_mod.shipped = lambda: empty
        without_kb.append(_run(nlp, texts))
    kb_mod.shipped = shipped
    a, b = statistics.median(with_kb), statistics.median(without_kb)
    print(f"{len(texts)} texts, {args.rounds} rounds each; CPU seconds with the knowledge base "
          f"{', '.join(f'{x:.2f}' for x in with_kb)}; with an empty one {', '.join(f'{x:.2f}' for x in without_kb)}")
    print(f"throughput with / without the knowledge base: {b / a:.3f} (cost {100 * (1 - b / a):.1f}%); "
          f"first load of the knowledge base: {first_load:.2f} s CPU")


if __name__ == "__main__":
    main()
