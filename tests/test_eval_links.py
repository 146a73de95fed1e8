"""`communique eval links`: pairwise scores, response scores, and the command on the project's corpus."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from communique.cli import main
from communique.evaluate.links import pairwise

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "links"


def test_pairwise_counts_right_missed_and_wrong_pairs():
    gold = {"meeting": [("a", ["CONSULT"], "x"), ("b", ["CONSULT"], "y"), ("c", ["CONSULT"], "z")],
            "other": [("d", ["CONSULT"], "w")]}
    found = {("meeting", 0): "a:e1", ("meeting", 1): "b:e1", ("meeting", 2): None, ("other", 0): "d:e1"}
    groups = {"a:e1": "g1", "b:e1": "g1", "d:e1": "g1"}
    pw = pairwise(gold, found, groups)
    assert (pw.gold, pw.predicted, pw.right, pw.missing) == (3, 3, 1, 1)
    p, r, f = pw.scores()
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.333, 0.333, 0.333)
    assert "wrongly joined: meeting a:e1 / other d:e1" in pw.errors


def test_the_links_corpus_meets_its_targets():
    res = CliRunner().invoke(main, ["eval", "links", str(CORPUS)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == f"Links corpus: {CORPUS} (23 articles, 3 outlets)"
    for name in ("incidents", "remarks"):
        f1 = float(re.search(rf"^{name} .* F1 ([0-9.]+)", res.output, re.M).group(1))
        assert f1 >= 0.90, name
    p, r = map(float, re.search(r"^responses +P ([0-9.]+) +R ([0-9.]+)", res.output, re.M).groups())
    assert p >= 0.85 and r >= 0.75


def test_a_missing_gold_file_is_a_clean_error(tmp_path):
    (tmp_path / "articles.yaml").write_text("[]\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "links", str(tmp_path)])
    assert res.exit_code == 1 and "gold.yaml: no such file" in res.output
