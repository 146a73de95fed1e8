"""Throughput benchmark: bare spaCy vs the full pipeline vs the pipeline with N workers.

Each phase runs in a fresh subprocess (``python -m communique.bench --phase ...``) so its peak
resident memory is its own. Throughput is timed from the first corpus text fed to the last result,
with model loading excluded: each phase first runs a few warm-up texts (one batch per process)
and the clock starts when their outputs are back. Texts are streamed from disk; only their paths are held.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator, Optional

PHASES = ("spacy", "pipeline", "workers", "ray")
LABELS = {"spacy": "bare spaCy nlp.pipe", "pipeline": "pipeline, 1 process", "workers": "pipeline, {n} workers",
          "ray": "Ray Data, {n} actors"}
MEMORY_SAMPLE = 100
PACKAGE_ROOT = Path(__file__).resolve().parents[1]


@dataclass
class BenchConfig:
    """What to benchmark and how."""

    corpus: Path
    limit: Optional[int] = None
    workers: int = 2
    model: Optional[str] = None
    batch_size: int = 16
    memory_check: bool = False
    ray: bool = False  # also the Ray Data runner (needs the ray extra)
    rounds: int = 1  # more: bare spaCy and the pipeline again, alternating, for the median of their ratios


@dataclass
class PhaseResult:
    """Figures of one phase, as measured inside its own process."""

    articles: int
    words: int
    seconds: float
    rss_self_kb: int
    rss_children_kb: int
    statements: int = 0
    skipped: int = 0
    extra: Optional[dict] = None  # the Ray phase: start-up seconds, time to first result, actor memory
    wall_seconds: float = 0.0  # from the phase's start (model loading, Ray start-up) to the last result

    @property
    def peak_kb(self) -> int:
        """The larger of the process's own peak and its largest child's."""
        return max(self.rss_self_kb, self.rss_children_kb)

    def rate(self, what: str = "articles") -> float:
        """Articles or words per second."""
        return getattr(self, what) / self.seconds if self.seconds > 0 else 0.0


def _is_polnear(root: Path) -> bool:
    """Whether `root` looks like a PolNeAR checkout (data/train/text, data/dev/text)."""
    return (root / "data" / "train" / "text").is_dir() or (root / "data" / "dev" / "text").is_dir()


def corpus_paths(root: Path, limit: Optional[int] = None) -> list[Path]:
    """Distinct texts (by content hash) in file-name order, at most `limit` of them."""
    if _is_polnear(root):
        candidates = [p for split in ("train", "dev") for p in (root / "data" / split / "text").glob("*.txt")]
    elif root.is_dir():
        candidates = list(root.rglob("*.txt"))
    else:
        raise FileNotFoundError(f"{root}: not a directory")
    seen: set[str] = set()
    paths = []
    for path in sorted(candidates, key=lambda p: (p.name, str(p))):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            paths.append(path)
            if limit is not None and len(paths) >= limit:
                break
    return paths


WARMUP_TEXT = '"Nothing to report yet," the duty clerk said on Monday.'


class Feeder:
    """Streams texts from disk, after a few warm-up texts, counting words of the real ones.

    The warm-up texts (one batch per process) make every worker load its model and run once
    before the clock starts: the clock starts when the last warm-up output comes back.
    """

    def __init__(self, paths: list[Path], warmup: int):
        self.paths = paths
        self.warmup = warmup
        self.words = 0
        self.started: Optional[float] = None
        self._outputs = 0

    def texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) pairs: the warm-up texts, then the corpus read one file at a time."""
        for i in range(self.warmup):
            yield f"warmup-{i}", WARMUP_TEXT
        for path in self.paths:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                print(f"{path}: skipped, cannot read ({exc})", file=sys.stderr)
                continue
            self.words += len(text.split())
            yield path.stem, text

    def output(self) -> bool:
        """Note one output; True when it is a corpus text (not a warm-up one)."""
        self._outputs += 1
        if self._outputs == self.warmup:
            self.started = time.perf_counter()
        return self._outputs > self.warmup


def _peak_rss() -> tuple[int, int]:
    """Peak RSS in KiB of this process and of its largest finished child (Linux units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own, children


def _run_spacy(feeder: Feeder, cfg: BenchConfig) -> tuple[int, int, int]:
    """Phase 1: bare spaCy over the texts; returns (articles, statements, skipped)."""
    from communique.nlp import load_base

    nlp = load_base(cfg.model)
    count = 0
    for _doc in nlp.pipe((text for _id, text in feeder.texts()), batch_size=cfg.batch_size):
        count += feeder.output()
    return count, 0, 0


def _run_pipeline(feeder: Feeder, cfg: BenchConfig, workers: int) -> tuple[int, int, int]:
    """Phases 2 and 3: communique.pipeline.run; returns (articles, statements, skipped)."""
    from communique.options import Options
    from communique.pipeline import run
    from communique.records import Article, Skip

    options = Options(model=cfg.model, workers=workers, batch_size=cfg.batch_size)
    articles = (Article(id=doc_id, text=text) for doc_id, text in feeder.texts())
    count = statements = skipped = 0
    for result in run(articles, options):
        if not feeder.output():
            continue
        if isinstance(result, Skip):
            skipped += 1
        else:
            count += 1
            statements += len(result.statements)
    return count, statements, skipped


def run_phase(phase: str, cfg: BenchConfig) -> PhaseResult:
    """Measure one phase in this process (called in a fresh subprocess)."""
    began = time.perf_counter()
    processes = cfg.workers if phase in ("workers", "ray") else 1
    feeder = Feeder(corpus_paths(cfg.corpus, cfg.limit), warmup=cfg.batch_size * processes)
    extra = None
    if phase == "spacy":
        count, statements, skipped = _run_spacy(feeder, cfg)
    elif phase == "ray":
        from communique.bench_ray import run_ray_phase

        count, statements, skipped, extra = run_ray_phase(feeder, cfg)
    else:
        count, statements, skipped = _run_pipeline(feeder, cfg, processes)
    ended = time.perf_counter()
    seconds = ended - feeder.started if feeder.started is not None else 0.0
    own, children = _peak_rss()
    return PhaseResult(count, feeder.words, seconds, own, children, statements, skipped, extra, ended - began)


def spawn_phase(phase: str, cfg: BenchConfig, limit: Optional[int]) -> PhaseResult:
    """Run one phase in a fresh Python process and read its figures back."""
    cmd = [sys.executable, "-m", "communique.bench", "--phase", phase, str(cfg.corpus),
           "--workers", str(cfg.workers), "--batch-size", str(cfg.batch_size)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if cfg.model:
        cmd += ["--model", cfg.model]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"bench phase {phase!r} failed (exit {proc.returncode}):\n{tail}")
    return PhaseResult(**json.loads(proc.stdout.strip().splitlines()[-1]))


def benchmark(cfg: BenchConfig) -> dict:
    """Run every phase (and the memory check if asked); return all figures."""
    texts = len(corpus_paths(cfg.corpus, cfg.limit))
    phases = {phase: spawn_phase(phase, cfg, cfg.limit) for phase in PHASES if phase != "ray" or cfg.ray}
    spacy_, pipe, workers = phases["spacy"], phases["pipeline"], phases["workers"]
    out = {
        "corpus": str(cfg.corpus),
        "texts": texts,
        "workers": cfg.workers,
        "cpus": os.cpu_count(),
        "phases": {name: {**asdict(r), "articles_per_s": r.rate(), "words_per_s": r.rate("words"),
                          "peak_rss_mb": r.peak_kb / 1024} for name, r in phases.items()},
        "ratio_pipeline_to_spacy": _div(pipe.rate(), spacy_.rate()),
        "speedup_workers": _div(workers.rate(), pipe.rate()),
    }
    if cfg.rounds > 1:
        out["rounds"] = alternating_ratios(cfg, first=out["ratio_pipeline_to_spacy"])
    if "ray" in phases:
        out["ratio_ray_to_workers"] = _div(phases["ray"].rate(), workers.rate())
    if cfg.memory_check:
        small = spawn_phase("pipeline", cfg, MEMORY_SAMPLE)
        out["memory_check"] = {"sample": small.articles, "all": pipe.articles,
                               "peak_rss_mb_sample": small.peak_kb / 1024, "peak_rss_mb_all": pipe.peak_kb / 1024,
                               "ratio": _div(pipe.peak_kb, small.peak_kb)}
    return out


def alternating_ratios(cfg: BenchConfig, first: float) -> dict:
    """Pipeline / bare spaCy ratios of `cfg.rounds` back-to-back pairs of the two phases (the first pair is the
    main run's), and their median: on a host whose speed drifts, one pair measured minutes apart says
    little, and pairs measured side by side, many times, say more."""
    ratios = [first]
    for _ in range(cfg.rounds - 1):
        bare = spawn_phase("spacy", cfg, cfg.limit)
        pipe = spawn_phase("pipeline", cfg, cfg.limit)
        ratios.append(_div(pipe.rate(), bare.rate()))
    return {"ratios": ratios, "median": statistics.median(ratios)}


def _div(a: float, b: float) -> float:
    """a/b, 0 when b is 0."""
    return a / b if b else 0.0


def format_report(fig: dict) -> list[str]:
    """Human-readable lines for the figures returned by `benchmark`."""
    lines = [
        f"corpus: {fig['corpus']}  ({fig['texts']} distinct texts; {fig['cpus']} CPUs)",
        f"{'phase':<24}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'words/s':>10}"
        f"{'peak RSS MB (self/child)':>27}{'wall s':>9}",
    ]
    for name, ph in fig["phases"].items():
        label = LABELS[name].format(n=fig["workers"])
        rss = f"{ph['rss_self_kb'] / 1024:.0f} / {ph['rss_children_kb'] / 1024:.0f}"
        lines.append(f"{label:<24}{ph['articles']:>9}{ph['seconds']:>9.1f}{ph['articles_per_s']:>12.2f}"
                     f"{ph['words_per_s']:>10.0f}{rss:>27}{ph['wall_seconds']:>9.1f}")
    lines.append(f"pipeline / bare spaCy throughput: {fig['ratio_pipeline_to_spacy']:.2f} (target >= 0.85)")
    if "rounds" in fig:
        shown = ", ".join(f"{r:.2f}" for r in fig["rounds"]["ratios"])
        lines.append(f"pipeline / bare spaCy over {len(fig['rounds']['ratios'])} alternating rounds: {shown};"
                     f" median {fig['rounds']['median']:.2f}")
    lines.append(f"{fig['workers']} workers / 1 process speed-up: {fig['speedup_workers']:.2f} (target >= 1.7 for 2)")
    lines += _ray_lines(fig)
    mem = fig.get("memory_check")
    if mem:
        lines.append(f"memory: peak RSS over {mem['all']} texts {mem['peak_rss_mb_all']:.0f} MB / over first "
                     f"{mem['sample']} {mem['peak_rss_mb_sample']:.0f} MB = {mem['ratio']:.2f} (target <= 1.1)")
    lines.append("throughput: first corpus text to last result, after a warm-up batch per process (model loading"
                 " excluded); wall: the whole phase, loading and start-up included; each phase runs in its own"
                 " process")
    return lines


def _ray_lines(fig: dict) -> list[str]:
    """The Ray phase's own figures: ratio to local workers, start-up, memory per actor."""
    ray = fig["phases"].get("ray")
    if not ray:
        return []
    extra = ray["extra"]
    actors = ", ".join(f"{kb / 1024:.0f}" for kb in extra["actor_rss_kb"])
    wall = fig["phases"]["workers"]["wall_seconds"] / ray["wall_seconds"] if ray["wall_seconds"] else 0.0
    return [
        f"Ray / local {fig['workers']} workers throughput: {fig['ratio_ray_to_workers']:.2f} (target >= 0.8); "
        f"end to end, start-up included: {wall:.2f}",
        f"Ray start-up (ray.init): {extra['startup_s']:.1f} s; first result after {extra['first_result_s']:.1f} s "
        "(start-up, actors, model loading)",
        f"Ray peak RSS per actor (MB): {actors}; Ray's own processes: {extra['ray_rss_kb'] / 1024:.0f} MB",
    ]


def phase_main(argv: Optional[list[str]] = None) -> None:
    """Subprocess entry point: measure one phase, print its figures as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m communique.bench")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--phase", choices=PHASES, required=True)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model")
    args = parser.parse_args(argv)
    cfg = BenchConfig(args.corpus, args.limit, args.workers, args.model, args.batch_size)
    print(json.dumps(asdict(run_phase(args.phase, cfg))))


if __name__ == "__main__":
    phase_main()
