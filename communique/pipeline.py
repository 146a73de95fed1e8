"""Run the extraction pipeline over a stream of articles, in this process or in worker processes."""

from __future__ import annotations

import gc
from collections import deque
from contextlib import nullcontext
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import ContextManager, Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from communique import limits, pieces, workers
from communique.options import Options
from communique.records import Article, Known, Result, Skip

Item = Union[Article, Skip, Known]  # only Articles are analysed; the others pass through in place
Output = Union[Result, Skip, Known]

_NLP: dict[tuple, Language] = {}  # one pipeline per process, keyed by model and settings
BATCH_CHARS = 20_000  # characters per batch, at most (a longer article still makes a batch of its own)
MAX_POOL_RESTARTS = 3  # consecutive breaks with no chunk done: the workers cannot run at all
# Lexemes this process's own pipeline (get_nlp's) holds before it is dropped and loaded afresh (see _recycle):
# about 10 MB; the 923 benchmark texts add 31,000
RECYCLE_LEXEMES = 50_000
# Lexemes a pipeline the caller passed in keeps for good before every batch runs in a memory zone (see _zone);
# about what the first 1.3 million characters of news add (the 300 benchmark texts: 18,400), about 4 MB
KEPT_LEXEMES = 20_000
# Entries in spaCy's lemmatizer memo before it is emptied (about 33 MB); no memory zone clears it (see _bound_lemmas)
LEMMA_CACHE_MAX = 100_000


class WorkerError(RuntimeError):
    """Worker processes keep dying (or cannot start), so the run cannot go on."""


class ModelError(RuntimeError):
    """The model could not be loaded in this process, so the run cannot go on."""


def pipeline_key(options: Options) -> tuple:
    """What distinguishes one loaded pipeline from another."""
    return (options.model, options.beliefs, options.actors_file, options.kb_file)


def get_nlp(options: Options) -> Language:
    """The full pipeline for `options.model`, loaded once per process."""
    key = pipeline_key(options)
    nlp = _NLP.get(key)
    if nlp is None:
        from communique import nlp as nlp_module

        gc.collect()  # a recycled pipeline's models sit in reference cycles: freed before the next one loads
        nlp = nlp_module.load(options.model, beliefs=options.beliefs, actors_file=options.actors_file,
                                 kb_file=options.kb_file)
        _NLP[key] = nlp
    # Long articles are capped by ingest (with a clear message); spaCy must not reject what ingest let through.
    nlp.max_length = max(nlp.max_length, options.max_chars + 1)
    return nlp


def run(items: Iterable[Item], options: Options, nlp: Optional[Language] = None) -> Iterator[Output]:
    """Extract statements and events from each article; Skips pass through; output keeps input order.

    Without `nlp`, the model is loaded when the first article comes: a run whose inputs are all refused
    (too big, unreadable) or already stored ends without spending seconds on it. Given this process's own
    pipeline (get_nlp's), the run still asks get_nlp for each chunk, so the pipeline can be recycled."""
    if options.workers > 1 and nlp is None:
        yield from _run_parallel(items, options)
        return
    if nlp is not None and _NLP.get(pipeline_key(options)) is nlp:
        nlp = None  # not held here: a recycled pipeline is freed before its successor loads
    for chunk in chunks(items, options.batch_size):
        if not _analysed(chunk):
            yield from chunk
            continue
        # loaded only now: a run whose texts are all stored already never loads it
        yield from process_chunk(nlp or _load(options), chunk, options)


def _load(options: Options) -> Language:
    """The pipeline for a run in this process; ModelError when it cannot be loaded."""
    try:
        return get_nlp(options)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load the model: {exc}") from exc


def _analysed(chunk: list[Item]) -> bool:
    """Whether the chunk holds an article to analyse (not only Skips and articles already stored)."""
    return any(isinstance(item, Article) for item in chunk)


def chunks(items: Iterable[Item], size: int, max_chars: Optional[int] = None) -> Iterator[list[Item]]:
    """Groups of up to `size` articles and about `max_chars` characters, Skips kept in place.

    Capping characters as well as articles keeps the parser's peak memory flat: a batch that
    happens to hold several long articles would otherwise set the run's high-water mark. Skips and
    stored articles count too, so a long run of them (a re-ingest) streams by rather than piling up."""
    max_chars = max_chars or BATCH_CHARS
    chunk: list[Item] = []
    articles = chars = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            articles += 1
            chars += len(item.text or "")
        if articles >= max(1, size) or chars >= max_chars or len(chunk) - articles >= max(1, size):
            yield chunk
            chunk, articles, chars = [], 0, 0
    if chunk:
        yield chunk


def process_chunk(nlp: Language, chunk: list[Item], options: Options) -> list[Output]:
    """Process one chunk as a batch; if the batch fails, retry article by article to isolate the culprit.

    Articles over a limit are skipped before analysis; each article gets its time budget (a batch the
    sum of them), so a slow one is named and skipped while the others are analysed again alone."""
    results: dict[int, Output] = {}
    for a in chunk:
        reason = limits.over_budget(a, options) if isinstance(a, Article) else None
        if reason:
            results[id(a)] = Skip(_name(a), reason)
    todo = [a for a in chunk if isinstance(a, Article) and id(a) not in results]
    try:
        with limits.deadline(options.time_budget * len(todo)):
            results.update(zip(map(id, todo), _extract_batch(nlp, todo, options)))
    except limits.OverTime as exc:
        if len(todo) == 1:  # no need to find the culprit, nor to spend its budget again
            results[id(todo[0])] = Skip(_name(todo[0]), str(exc))
        else:
            _one_by_one(nlp, todo, options, results)
    except Exception:  # noqa: BLE001 - one bad article must not sink its batch
        _one_by_one(nlp, todo, options, results)
    return [results[id(i)] if isinstance(i, Article) else i for i in chunk]


def _one_by_one(nlp: Language, todo: list[Article], options: Options, results: dict[int, Output]) -> None:
    """Analyse each article alone, each under its own time budget; failures become Skips."""
    for a in todo:
        try:
            with limits.deadline(options.time_budget):
                results[id(a)] = _extract_batch(nlp, [a], options)[0]
        except limits.OverTime as exc:
            results[id(a)] = Skip(_name(a), str(exc))
        except Exception as exc:  # noqa: BLE001
            results[id(a)] = extraction_failed(a, exc)


def _extract_batch(nlp: Language, articles: list[Article], options: Options) -> list[Result]:
    """Run spaCy over the articles and keep only plain records; then recycle the pipeline if its vocab is full."""
    if not articles:
        return []
    out: list[Result] = []
    # Strings interned inside the zone are freed when it closes, so records are copied out before that.
    items = [(a.text, a.id, a.published or options.published) for a in articles]
    with _zone(nlp):
        for article, doc in zip(articles, pieces.analyse(nlp, items, options.batch_size)):
            out.append(_result(article, doc))
    _bound_lemmas(nlp)
    _recycle(nlp)
    return out


def _own(nlp: Language) -> bool:
    """Whether `nlp` is this process's own pipeline, loaded by get_nlp (and so can be loaded again)."""
    return any(held is nlp for held in _NLP.values())


def _recycle(nlp: Language) -> None:
    """Drop this process's pipeline once its vocab holds RECYCLE_LEXEMES lexemes: get_nlp loads it afresh.

    spaCy's vocab keeps every word it has seen, and nothing else bounds it in a run of millions of articles. A
    fresh pipeline, as a worker pool's fresh child would be, keeps memory bounded at the cost of one load (0.35 s
    of CPU) and cold caches (about 2 s over the next 200 articles) every few thousand articles. Memory zones after
    20,000 lexemes bounded it too, but inside a zone the tokenizer caches nothing and words outside the kept vocab
    get their lexemes made again in every batch: 3% to 7% of the time after the cap. The records are plain Python
    objects and the components' tables are loaded once per process, so outputs do not change."""
    if len(nlp.vocab) >= RECYCLE_LEXEMES:
        for key in [key for key, held in _NLP.items() if held is nlp]:
            del _NLP[key]


def _zone(nlp: Language) -> ContextManager:
    """For a pipeline the caller passed in (not recycled): a memory zone, or none while the vocab holds fewer
    than KEPT_LEXEMES lexemes. This process's own pipeline runs in none (see _recycle).

    Inside a zone spaCy's tokenizer caches nothing and every word not already in the vocab gets a new lexeme,
    freed at the end: a run in zones from the start paid that on every batch, about 6% of its time. The first
    batches run outside, so the common words stay as lexemes and in the tokenizer's cache (10,000 entries at
    most), as they do for bare spaCy; past the cap every batch is in a zone, so memory stays bounded. The vocab's
    length never goes down (spaCy counts the lexemes a zone frees too), so once past the cap a run stays in zones.
    """
    return nlp.memory_zone() if len(nlp.vocab) >= KEPT_LEXEMES and not _own(nlp) else nullcontext()


def _bound_lemmas(nlp: Language) -> None:
    """Empty the rule lemmatizer's memo once it holds LEMMA_CACHE_MAX entries.

    It keeps the lemmas of every (word, tag, morphology) seen, and memory zones leave it alone: 2,447 entries
    after 60 benchmark texts, growing with the vocabulary, so a run of millions of articles would grow it without
    end. A memo only: emptied, it is filled again and the lemmas are the same."""
    if "lemmatizer" in nlp.pipe_names:
        cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
        if isinstance(cache, dict) and len(cache) >= LEMMA_CACHE_MAX:
            cache.clear()


def _result(article: Article, doc: Doc) -> Result:
    """Copy the records the components left on the Doc."""
    statements = list(doc._.statements) if Doc.has_extension("statements") else []
    events = list(doc._.events or []) if Doc.has_extension("events") else []
    return Result(article=article, statements=statements, events=events)


def extraction_failed(article: Article, exc: BaseException) -> Skip:
    """The Skip reported when extraction raised on one article."""
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return Skip(_name(article), f"extraction failed: {type(exc).__name__}: {msg}".rstrip(": ").rstrip())


def _name(article: Article) -> str:
    """How messages name an article: its file, with the id when the file holds several articles."""
    if article.path and Path(article.path).stem != article.id:
        return f"{article.path} ({article.id})"
    return article.path or article.id


# --- worker processes ------------------------------------------------------------------------------


def _work(chunk: list[Item], options: Options) -> list[Output]:
    """Worker entry point: process one chunk with this process's model."""
    return process_chunk(get_nlp(options), chunk, options)


def _run_parallel(items: Iterable[Item], options: Options) -> Iterator[Output]:
    """Feed chunks to a process pool, at most a few in flight, and yield their outputs in order.

    Workers load the model once each; nlp and Doc objects never cross process boundaries. They start
    with the first chunk to analyse, and a run that stops early (an error, Ctrl-C, SIGTERM, the
    consumer closing this generator) kills them."""
    todo = chunks(items, options.batch_size)
    pending: deque[tuple[list[Item], Future]] = deque()
    # Bounded in-flight work (the input is never read ahead wholesale), but deep enough that one
    # slow chunk at the head of the queue does not leave the other workers idle.
    limit = options.workers * 4
    pool = workers.Pool(options)
    breaks = 0
    finished = False
    try:
        while True:
            while len(pending) < limit:
                chunk = next(todo, None)
                if chunk is None:
                    break
                pending.append((chunk, _submit(pool, chunk, options)))
            if not pending:
                finished = True
                return
            chunk, future = pending.popleft()
            try:
                outputs = future.result()
                breaks = 0
                yield from outputs
            except BrokenProcessPool as exc:
                # A worker died (killed, out of memory): report this chunk, restart, resubmit the rest.
                breaks += 1
                if breaks >= MAX_POOL_RESTARTS:
                    raise WorkerError(f"worker processes keep failing ({exc}); try --workers 1") from exc
                yield from _failed(chunk, exc)
                pool.restart()
                pending = deque((c, _submit(pool, c, options)) for c, _ in pending)
            except Exception as exc:  # noqa: BLE001
                yield from _failed(chunk, exc)
    finally:
        pool.close(finished)


def _submit(pool: workers.Pool, chunk: list[Item], options: Options) -> Future:
    """The chunk's outputs to come from a worker; a chunk with nothing to analyse makes no round trip."""
    if _analysed(chunk):
        return pool.submit(_work, chunk, options)
    done: Future = Future()
    done.set_result(chunk)
    return done


def _failed(chunk: list[Item], exc: BaseException) -> Iterator[Output]:
    """Every article of a chunk whose worker failed, as Skips."""
    for item in chunk:
        yield extraction_failed(item, exc) if isinstance(item, Article) else item
