"""Linking benchmark: `python benchmarks/bench_links.py CORPUS [--limit N] [--sizes ...] [--probes N]`.

A thin wrapper around communique/bench_links.py, usable without the console script installed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from communique.bench_links import main  # noqa: E402

if __name__ == "__main__":
    main()
