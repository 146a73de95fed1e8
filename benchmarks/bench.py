"""Throughput benchmark: `python benchmarks/bench.py CORPUS [--limit N] [--workers N] [--json]`.

A thin wrapper around `communique bench` (see communique/bench.py), usable without the
console script installed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from communique.evaluate.commands import bench_command  # noqa: E402

if __name__ == "__main__":
    bench_command(prog_name="benchmarks/bench.py")
