"""The benchmark's Ray phase: the Ray Data runner on the same texts, with its start-up cost and actor memory.

Run inside the phase subprocess like the others. The texts are read by the Ray workers from disk
(the real path); warm-up files come first so that every actor has loaded its model before the
clock starts. Ray's start-up (`ray.init`) and the time to the first result are reported apart.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any


def run_ray_phase(feeder: Any, cfg: Any) -> tuple[int, int, int, dict[str, Any]]:
    """Phase 4: `raydata.run_ray` over warm-up files then the corpus; (articles, statements, skipped, extra)."""
    from communique.bench import WARMUP_TEXT
    from communique.options import Options
    from communique.raydata import RayOptions, connect, run_ray
    from communique.records import Skip

    began = time.perf_counter()
    ropts = RayOptions(workers=cfg.workers, local_cpus=os.cpu_count())
    startup = connect(ropts)
    count = statements = skipped = 0
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        warm = []
        for i in range(feeder.warmup):
            path = Path(tmp) / f"warmup-{i:03d}.txt"
            path.write_text(WARMUP_TEXT, encoding="utf-8")
            warm.append(str(path))
        for p in feeder.paths:
            feeder.words += len(p.read_text(encoding="utf-8").split())
        options = Options(model=cfg.model, batch_size=cfg.batch_size)
        for out in run_ray(warm + [str(p) for p in feeder.paths], options, ropts):
            first = first or time.perf_counter()
            if not feeder.output():
                continue
            if isinstance(out, Skip):
                skipped += 1
            else:
                count += 1
                statements += len(out.statements)
    extra = {"startup_s": startup, "first_result_s": (first or began) - began, "actor_rss_kb": actor_peaks(),
             "ray_rss_kb": ray_process_rss()}
    return count, statements, skipped, extra


def _ray_processes() -> list[tuple[str, dict[str, int]]]:
    """(command line, status fields in KiB) of this user's Ray processes (actors, raylet, GCS, workers)."""
    out = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if "ray" not in cmd or int(pid) == os.getpid():
            continue
        fields = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines()
                  if line.startswith(("VmHWM", "VmRSS"))}
        out.append((cmd, fields))
    return out


def actor_peaks() -> list[int]:
    """Peak RSS (KiB) of each extraction actor of the pool, read from /proc before Ray shuts down."""
    return sorted(f.get("VmHWM", 0) for cmd, f in _ray_processes() if "Extractor" in cmd)


def ray_process_rss() -> int:
    """Current RSS (KiB) of Ray's own processes (raylet, GCS, idle workers), the actors excluded."""
    return sum(f.get("VmRSS", 0) for cmd, f in _ray_processes() if "Extractor" not in cmd
               and any(k in cmd for k in ("raylet", "gcs_server", "ray::", "default_worker", "dashboard",
                                          "log_monitor", "runtime_env")))
