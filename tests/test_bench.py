"""Benchmark: corpus selection, warm-up accounting, and a smoke run of all three phases."""

from __future__ import annotations

import json
import time

from click.testing import CliRunner

from communique.bench import Feeder, corpus_paths, format_report
from communique.evaluate.commands import bench_command

STORY = (
    'Harbour master {name} said on Tuesday that the ferry would sail again. "The storm has passed," '
    "{name} told reporters, adding that crews had checked every cabin. The town council agreed."
)
NAMES = ["Ilse Varda", "Tomas Kell", "Rena Osk", "Piet Lorn", "Mila Sund"]


def _write_texts(folder, count=5):
    """`count` small distinct stories as .txt files; returns their total whitespace word count."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i, name in enumerate(NAMES[:count]):
        text = STORY.format(name=name)
        (folder / f"story{i}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def test_corpus_is_distinct_texts_in_name_order_with_limit(tmp_path):
    _write_texts(tmp_path / "texts", 3)
    (tmp_path / "texts" / "copy.txt").write_text(STORY.format(name=NAMES[0]), encoding="utf-8")  # same as story0
    names = [p.name for p in corpus_paths(tmp_path / "texts")]
    assert names == ["copy.txt", "story1.txt", "story2.txt"]  # story0 is the duplicate of copy
    assert [p.name for p in corpus_paths(tmp_path / "texts", limit=2)] == ["copy.txt", "story1.txt"]


def test_polnear_layout_uses_train_and_dev_texts_only(tmp_path):
    for split, name in (("train", "b.txt"), ("dev", "a.txt"), ("annotator-training", "c.txt")):
        folder = tmp_path / "data" / split / "text"
        folder.mkdir(parents=True)
        (folder / name).write_text(f"text of {name}", encoding="utf-8")
    assert [p.name for p in corpus_paths(tmp_path)] == ["a.txt", "b.txt"]


def test_feeder_starts_the_clock_after_the_warm_up_outputs(tmp_path):
    words = _write_texts(tmp_path, 2)
    feeder = Feeder(sorted(tmp_path.glob("*.txt")), warmup=3)
    items = list(feeder.texts())
    assert [i for i, _ in items] == ["warmup-0", "warmup-1", "warmup-2", "story0", "story1"]
    assert feeder.words == words  # warm-up texts are not counted
    assert [feeder.output() for _ in items] == [False, False, False, True, True]
    assert feeder.started is not None and feeder.started <= time.perf_counter()


def test_bench_smoke_run_measures_every_phase(tmp_path):
    words = _write_texts(tmp_path / "texts")
    started = time.perf_counter()
    result = CliRunner().invoke(bench_command, [str(tmp_path / "texts"), "--limit", "5", "--workers", "2",
                                                "--batch-size", "2", "--rounds", "2", "--json"])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 90
    figures = json.loads(result.output)
    assert figures["texts"] == 5
    for name in ("spacy", "pipeline", "workers"):
        phase = figures["phases"][name]
        assert (phase["articles"], phase["words"], phase["skipped"]) == (5, words, 0)
        assert phase["seconds"] > 0 and phase["peak_rss_mb"] > 50  # a process holding the spaCy model
    assert figures["phases"]["pipeline"]["statements"] >= 5  # each story has at least one statement
    assert figures["phases"]["workers"]["statements"] == figures["phases"]["pipeline"]["statements"]
    assert figures["phases"]["workers"]["rss_children_kb"] > 0  # the workers' memory is measured too
    assert figures["ratio_pipeline_to_spacy"] > 0 and figures["speedup_workers"] > 0
    ratios = figures["rounds"]["ratios"]  # the main pair, then one more pair run back to back
    assert len(ratios) == 2 and ratios[0] == figures["ratio_pipeline_to_spacy"] and ratios[1] > 0
    assert figures["rounds"]["median"] == (ratios[0] + ratios[1]) / 2


def test_the_report_gives_every_alternating_ratio_and_their_median():
    phase = {"articles": 10, "seconds": 2.0, "articles_per_s": 5.0, "words_per_s": 900.0, "rss_self_kb": 409600,
             "rss_children_kb": 0, "wall_seconds": 3.0}
    figures = {"corpus": "c", "texts": 10, "cpus": 2, "workers": 2,
               "phases": {"spacy": phase, "pipeline": phase, "workers": phase},
               "ratio_pipeline_to_spacy": 0.81, "speedup_workers": 1.9,
               "rounds": {"ratios": [0.81, 0.9, 0.86], "median": 0.86}}
    lines = format_report(figures)
    assert "pipeline / bare spaCy over 3 alternating rounds: 0.81, 0.90, 0.86; median 0.86" in lines
