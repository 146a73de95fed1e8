"""Where ingest results go: batched store transactions, Parquet files, and `communique load` reading them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique import pipeline
from communique.cli import main
from communique.options import Options
from communique.records import Article, Content, Known, Result, Skip, Speaker, Statement
from communique.sinks import ParquetSink, StoreSink, read_parquet
from communique.store import Store
from fake_nlp import fake_nlp

pytest.importorskip("pyarrow")


def result(i: int, text: str = "") -> Result:
    """Article i with one statement by a speaker of its own."""
    text = text or f"Olav Dahl{i} said the ferry number {i} would sail."
    st = Statement(f"n{i}-1", f"n{i}", "indirect", Content(f"the ferry number {i} would sail", 15, 40),
                   speaker=Speaker(f"Olav Dahl{i}", 0, 9, name=f"Olav Dahl{i}"))
    return Result(Article(f"n{i}", text, path=f"n{i}.txt"), [st])


def test_store_sink_writes_whole_batches_and_says_which_were_new(store_target):
    with Store(store_target) as store:
        sink = StoreSink(store, batch=3, wait=60)
        assert sink.put(result(1)) == [] and sink.put(result(2)) == []  # queued, nothing written yet
        assert store.counts()["articles"] == 0
        written = sink.put(result(1, "Olav Dahl1 said the ferry number 1 would sail."))  # a copy of 1's text
        assert [(r.article.id, added) for r, added in written] == [("n1", True), ("n2", True), ("n1", False)]
        assert written[2][0] == Known(result(1).article, "n1")  # refused: it names the stored article
        assert store.counts() == {"articles": 2, "statements": 2, "events": 0, "actors": 2}
        assert sink.flush() == []


def test_store_sink_marks_stored_texts_before_analysis_whatever_their_id(store_target):
    with Store(store_target) as store:
        sink = StoreSink(store)
        sink.put(result(1))
        sink.flush()
        copy = Article("n1-copy", "Olav Dahl1 said the ferry number 1 would sail.", path="c.txt")
        items = [copy, Skip("e.txt", "empty file"), result(2).article]
        marked = list(sink.mark_stored(items))
        assert marked == [Known(copy, "n1"), Skip("e.txt", "empty file"), result(2).article]
        assert sink.put(marked[0]) == [(Known(copy, "n1"), False)]
        assert store.counts()["articles"] == 1


def test_a_failing_article_in_a_batch_costs_only_itself(store_target):
    bad = result(3)
    bad.statements.append(bad.statements[0])  # the same statement id twice: the insert fails
    with Store(store_target) as store:
        with pytest.raises(Exception):
            store.add_batch([result(1), bad, result(2)])
        assert sorted(a["id"] for a in store.article_page().items) == ["n1", "n2"]


def test_parquet_files_give_back_the_same_results_and_a_second_run_adds_a_file(tmp_path):
    sink = ParquetSink(str(tmp_path / "out"), rows_per_file=2)
    for i in range(5):
        sink.put(result(i))
    assert [added for _, added in sink.close()] == [True] * 5
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["part-00000.parquet"]  # one row group of 5 (files roll over between row groups)
    back = [r for group in read_parquet(tmp_path / "out" / names[0]) for r in group]
    assert back == [result(i) for i in range(5)]
    again = ParquetSink(str(tmp_path / "out"))
    again.put(result(9))
    again.close()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["part-00000.parquet", "part-00001.parquet"]


def test_ingest_out_then_load_equals_ingest_into_the_store(tmp_path, monkeypatch):
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Anna Berg said the talks would resume. Anna Berg met Olav Dahl.", encoding="utf-8")
    (src / "b.txt").write_text("Kari Holm said the bridge would reopen.", encoding="utf-8")
    runner = CliRunner()
    direct = runner.invoke(main, ["--db", str(tmp_path / "d.db"), "ingest", str(src)])
    assert direct.exit_code == 0, direct.output
    out = runner.invoke(main, ["--db", str(tmp_path / "unused.db"), "ingest", str(src), "--out", str(tmp_path / "pq")])
    assert out.exit_code == 0 and not (tmp_path / "unused.db").exists()
    (tmp_path / "pq" / "junk.parquet").write_bytes(b"not parquet at all")
    loaded = runner.invoke(main, ["--db", str(tmp_path / "l.db"), "load", str(tmp_path / "pq")])
    assert loaded.exit_code == 1
    assert loaded.stdout.splitlines() == [
        "2 articles read, 2 added, 0 already in store, 1 files skipped, 2 statements, 1 events"]
    assert f"skipped {tmp_path / 'pq' / 'junk.parquet'}: not a Parquet file (ArrowInvalid)" in loaded.stderr

    def dump(db):
        with Store(db) as store:
            return json.dumps([store.statements(), store.events(), store.actors()], sort_keys=True)

    assert dump(tmp_path / "l.db") == dump(tmp_path / "d.db")
    again = runner.invoke(main, ["--db", str(tmp_path / "l.db"), "load", str(tmp_path / "pq" / "part-00000.parquet")])
    assert again.stdout.splitlines() == [
        "2 articles read, 0 added, 2 already in store, 0 files skipped, 0 statements, 0 events"]
