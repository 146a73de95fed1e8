"""`communique eval ledes`: the story's type in its first sentence, on a small zip written by the test."""

from __future__ import annotations

import csv
import io
import zipfile

from click.testing import CliRunner

from communique.evaluate.ledes import ledes_command, sample

STORIES = [
    ("Estonia expelled two Russian diplomats on Monday. The ministry gave no reason.", "SANCTION"),
    ("Peru and Chile held talks in Lima on Tuesday. Both sides called them useful.", "CONSULT"),
    ("Heavy rain fell on the capital. Later, Peru and Chile met in Lima.", "CONSULT"),
]


def _zip(path, rows):
    """A zip holding one CSV with the columns of NGEC's file that the command reads."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["text", "title", "label", "mode"])
    writer.writeheader()
    for text, label in rows:
        writer.writerow({"text": text, "title": "t", "label": label, "mode": ""})
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stories.csv", buf.getvalue())


def test_a_lede_counts_when_it_carries_the_storys_type(tmp_path):
    _zip(tmp_path / "s.zip", STORIES)
    result = CliRunner().invoke(ledes_command, [str(tmp_path / "s.zip")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "ledes with the story's type: 0.667 (2/3); other types coded per lede: 0.00",
        "CONSULT 1/2 SANCTION 1/1"]


def test_the_draw_takes_each_type_in_turn_and_repeats_with_its_seed():
    rows = [{"text": f"t{k}", "label": "B" if k % 3 else "A"} for k in range(30)]
    first = sample(rows, 4, seed=5)
    assert [r["label"] for r in first] == ["A"] * 4 + ["B"] * 4
    assert first == sample(rows, 4, seed=5) and first != sample(rows, 4, seed=6)


def test_a_file_that_is_no_zip_is_one_clear_error(tmp_path):
    (tmp_path / "s.zip").write_text("not a zip", encoding="utf-8")
    result = CliRunner().invoke(ledes_command, [str(tmp_path / "s.zip")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 's.zip'}: cannot read the stories:")
