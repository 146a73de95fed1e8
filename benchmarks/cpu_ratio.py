"""Pipeline / bare spaCy throughput in one process, in CPU seconds: the two alternate over groups of texts, so
the host's drift and other jobs fall on both (the wall-clock benchmark runs them minutes apart, each in its own
process).

    python benchmarks/cpu_ratio.py ../shared/data/polnear --limit 300

Run with PYTHONPATH pointing at another checkout to measure that code on the same texts. Good for comparing two
versions of the code; as a level it reads high: alternating with the pipeline slows bare spaCy more than the
pipeline (they share the cores' caches), by about 0.05 on the ratio in this project's runs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from communique.bench import corpus_paths
from communique.nlp import load, load_base
from communique.pieces import analyse

GROUP = 16  # texts per alternation


def main() -> None:
    """Print CPU seconds of bare spaCy and of the pipeline over the same texts, and their throughput ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    opts = parser.parse_args()
    texts = [p.read_text() for p in corpus_paths(opts.corpus, opts.limit)]
    bare, nlp = load_base(), load()
    list(bare.pipe(texts[:8]))  # warm-up, as the wall-clock benchmark does
    list(analyse(nlp, [(t, f"w{i}", None) for i, t in enumerate(texts[:8])]))
    bare_s = pipe_s = 0.0
    for g in range(0, len(texts), GROUP):
        group = texts[g:g + GROUP]
        t0 = time.process_time()
        list(bare.pipe(group))
        bare_s += time.process_time() - t0
        t0 = time.process_time()
        list(analyse(nlp, [(t, f"d{g}_{i}", None) for i, t in enumerate(group)]))
        pipe_s += time.process_time() - t0
    print(f"{len(texts)} texts: bare spaCy {bare_s:.1f} CPU s, pipeline {pipe_s:.1f} CPU s, "
          f"pipeline / bare throughput {bare_s / pipe_s:.3f}")


if __name__ == "__main__":
    main()
