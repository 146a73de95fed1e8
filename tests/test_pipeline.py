"""The run pipeline: order, pass-through Skips, per-article failures, recycling, memory zones, worker processes."""

from __future__ import annotations

import gc
import weakref
from datetime import date

import pytest
from spacy.vocab import Vocab

from communique import pipeline
from communique.options import Options
from communique.pipeline import run
from communique.records import Article, Known, Result, Skip
from fake_nlp import fake_nlp


@pytest.fixture(scope="module")
def fake():
    return fake_nlp()


def _art(i: int, text: str = "", **kw) -> Article:
    return Article(id=f"a{i}", text=text or f"Mara Lindqvist said point number {i} stands.", path=f"in/a{i}.txt", **kw)


def test_results_and_skips_keep_input_order_across_batches(fake):
    items = [_art(1), Skip("bad.bin", "binary file"), _art(2), _art(3), Skip("e.txt", "empty file"), _art(4), _art(5)]
    out = list(run(items, Options(batch_size=2), nlp=fake))
    kinds = [o.article.id if isinstance(o, Result) else o.path for o in out]
    assert kinds == ["a1", "bad.bin", "a2", "a3", "e.txt", "a4", "a5"]
    third = out[3]
    assert [s.content.text for s in third.statements] == ["point number 3 stands"]
    assert third.statements[0].id == "a3-1"


def test_components_see_doc_id_and_publication_date(fake):
    published = _art(1, published=date(2026, 3, 12))
    fallback = _art(2)  # no date of its own: the run's --published fills it
    out = list(run([published, fallback], Options(published=date(2026, 1, 5)), nlp=fake))
    assert [r.statements[0].date.value for r in out] == ["2026-03-12", "2026-01-05"]
    assert [r.statements[0].doc for r in out] == ["a1", "a2"]


def test_one_failing_article_becomes_a_skip_and_the_batch_goes_on(fake):
    items = [_art(1), _art(2, "Ola Nordmann said BOOM now."), _art(3)]
    out = list(run(items, Options(batch_size=8), nlp=fake))
    assert isinstance(out[0], Result) and isinstance(out[2], Result)
    assert out[1] == Skip("in/a2.txt", "extraction failed: ValueError: boom on purpose")
    assert out[2].statements[0].content.text == "point number 3 stands"


def test_article_over_the_cap_is_skipped_with_its_length(fake):
    out = list(run([_art(1, "Mara Lindqvist said " + "x" * 30 + ".")], Options(max_chars=20), nlp=fake))
    assert out == [Skip("in/a1.txt", "article is 51 characters, over the 20 cap (--max-chars)")]


RECYCLE_ACTORS = """\
- name: Ingrid Solberg
  aliases: [Solberg]
  country: NOR
  sector: GOV
  offices:
    - {title: Prime Minister, country: NOR, from: 2025-10-01, until: null}
"""
RECYCLE_TEXTS = [
    '"We will reopen the northern ferry route on Monday," Prime Minister Ingrid Solberg told reporters in Tromso.',
    "The Norwegian prime minister said on Tuesday that the quota talks with Iceland would resume in Bergen.",
    "Solberg said the trawler crews of Hammerfest had waited long enough for the harbour repairs.",
]


def _vocabs() -> int:
    """Vocab objects alive in this process."""
    gc.collect()
    return sum(isinstance(o, Vocab) for o in gc.get_objects())


@pytest.mark.slow
def test_a_full_pipeline_is_loaded_afresh_and_the_records_stay_the_same(tmp_path, monkeypatch):
    from communique import actorfile
    from communique import nlp as nlp_module

    actors = tmp_path / "actors.yaml"
    actors.write_text(RECYCLE_ACTORS, encoding="utf-8")
    reads = []
    read = actorfile.load_actor_file
    monkeypatch.setattr(actorfile, "load_actor_file", lambda path: reads.append(path) or read(path))
    options = Options(batch_size=1, actors_file=str(actors), published=date(2026, 3, 12))
    items = [Article(id=f"r{i}", text=text) for i, text in enumerate(RECYCLE_TEXTS)]
    monkeypatch.setattr(pipeline, "_NLP", {})
    expected = list(run(items, options))  # one pipeline, far from full

    monkeypatch.setattr(pipeline, "_NLP", {})
    loads = []
    load = nlp_module.load
    monkeypatch.setattr(nlp_module, "load", lambda *a, **kw: loads.append(a) or load(*a, **kw))
    first = pipeline.get_nlp(options)
    monkeypatch.setattr(pipeline, "RECYCLE_LEXEMES", len(first.vocab) + 1)  # every article's new words fill it
    retired, alive = weakref.ref(first), _vocabs()
    del first
    # as the HTTP API passes it: the process's own pipeline, which the run asks for again for each chunk
    out = list(run(items, options, nlp=pipeline.get_nlp(options)))
    assert out == expected
    assert [s.speaker.name for r in out for s in r.statements] == ["Ingrid Solberg"] * 3
    assert len(loads) == 3  # the first, then one after each of the first two articles
    # every retired pipeline is freed, and its vocab too: three loads, yet no more vocabs alive than before
    assert retired() is None and _vocabs() <= alive
    assert reads == [str(actors)]  # the actor file is read once: a recycled pipeline codes with the same entries


def test_strings_seen_in_a_run_are_freed_by_the_memory_zone_once_the_vocab_is_full(fake, monkeypatch):
    monkeypatch.setattr(pipeline, "KEPT_LEXEMES", len(fake.vocab))
    out = list(run([_art(1, "Mara Lindqvist said qwzxplorbtanium rises.")], Options(), nlp=fake))
    assert out[0].statements[0].content.text == "qwzxplorbtanium rises"  # records outlive the zone
    assert "qwzxplorbtanium" not in fake.vocab.strings


def test_words_are_kept_until_the_vocab_is_full_and_then_it_grows_no_more(monkeypatch):
    nlp = fake_nlp()  # its own vocab: this test fills it
    monkeypatch.setattr(pipeline, "KEPT_LEXEMES", len(nlp.vocab) + 3)
    first = list(run([_art(1, "Mara Lindqvist said zorblaxian tides rise.")], Options(), nlp=nlp))
    assert first[0].statements[0].content.text == "zorblaxian tides rise"
    assert "zorblaxian" in nlp.vocab.strings  # kept: the vocab had room
    full = len(nlp.vocab.strings)
    second = list(run([_art(2, "Mara Lindqvist said quxtrumble oceans fall.")], Options(), nlp=nlp))
    assert second[0].statements[0].content.text == "quxtrumble oceans fall"
    assert "quxtrumble" not in nlp.vocab.strings
    assert len(nlp.vocab.strings) == full


def test_input_is_read_lazily(fake):
    seen = []

    def articles():
        for i in range(1, 100):
            seen.append(i)
            yield _art(i)

    stream = run(articles(), Options(batch_size=4), nlp=fake)
    first = next(stream)
    assert first.article.id == "a1"
    assert len(seen) == 4  # one batch read, not the whole input


def test_a_long_run_of_stored_articles_streams_by_in_batches(fake):
    seen = []

    def items():
        for i in range(1, 100):
            seen.append(i)
            yield Known(_art(i), f"a{i}")

    stream = run(items(), Options(batch_size=4), nlp=fake)
    assert next(stream) == Known(_art(1), "a1")
    assert len(seen) == 4  # not the whole input held back for want of an article to fill the batch


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_with_nothing_to_analyse_loads_no_model_and_starts_no_worker(workers):
    items = [Known(_art(1), "a1"), Skip("e.txt", "empty file"), Known(_art(2), "a2")]
    # A model that does not exist: loading it, here or in a worker, would fail the run.
    assert list(run(items, Options(workers=workers, batch_size=2, model="no_such_model_package"))) == items


@pytest.mark.slow
def test_worker_processes_give_the_same_results_in_order(nlp):
    texts = [
        f'"We will reopen the port on Monday," harbour director Ines Tavares{i} told reporters.'
        for i in range(6)
    ]
    items = [Article(id=f"w{i}", text=t, path=f"w{i}.txt", published=date(2026, 3, 12)) for i, t in enumerate(texts)]
    items.insert(3, Skip("broken.html", "no article text"))
    items.insert(5, Article(id="odd", text=None, path="odd.txt"))  # type: ignore[arg-type]  # fails inside spaCy
    serial = list(run(items, Options(batch_size=2), nlp=nlp))
    parallel = list(run(items, Options(batch_size=2, workers=2)))
    assert parallel == serial
    assert parallel[3] == Skip("broken.html", "no article text")
    assert isinstance(parallel[5], Skip) and parallel[5].path == "odd.txt"
    assert parallel[5].reason.startswith("extraction failed: ")
    assert [r.article.id for r in parallel if isinstance(r, Result)] == [f"w{i}" for i in range(6)]
    assert all(r.statements for r in parallel if isinstance(r, Result))


@pytest.mark.slow
def test_workers_that_cannot_start_stop_the_run_with_a_clear_error():
    from communique.pipeline import WorkerError

    items = [_art(i) for i in range(1, 30)]
    stream = run(items, Options(workers=2, batch_size=2, model="no_such_model_package"))
    with pytest.raises(WorkerError, match="worker processes keep failing"):
        list(stream)


def test_the_lemmatizer_memo_is_emptied_when_full_and_lemmas_stay_the_same(nlp_base, monkeypatch):
    lemmatizer = nlp_base.get_pipe("lemmatizer")
    lemmatizer.cache.clear()
    monkeypatch.setattr(pipeline, "LEMMA_CACHE_MAX", 5)
    text = "The ministers were meeting their counterparts in the cities."
    doc = pipeline.pieces.analyse(nlp_base, [(text, "a1", None)])
    lemmas = [t.lemma_ for t in next(doc)]
    assert len(lemmatizer.cache) == 5  # minister, be, meet, counterpart, city: base forms are not kept
    pipeline._bound_lemmas(nlp_base)
    assert lemmatizer.cache == {}
    again = [t.lemma_ for t in nlp_base(text)]
    assert lemmas == again == ["the", "minister", "be", "meet", "their", "counterpart", "in", "the", "city", "."]
