"""Run the pipeline over PolNeAR articles and score each one, streaming, in one or more processes."""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from communique.evaluate.polnear import (
    AnnError,
    ArticleScore,
    GoldAttribution,
    GoldOutcome,
    Pred,
    PredOutcome,
    Task,
    iter_tasks,
    match,
    parse_ann,
    pred_from_statement,
    score_pair,
)
from communique.records import Skip

NAME_ENTS = ("PERSON", "ORG")
SNIPPET = 160


@dataclass
class EvalConfig:
    """Settings of one evaluation run."""

    split: str = "dev"
    model: Optional[str] = None
    limit: Optional[int] = None
    workers: int = 1
    errors: bool = False
    keep_statements: bool = False  # for --jsonl-out
    beliefs: bool = False  # also extract attributed beliefs and knowledge


def read_text(path: Path) -> str:
    """Article text exactly as stored (newline="" keeps offsets aligned with the .ann)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def tokens_in(doc: Doc, spans) -> list:
    """Tokens overlapping any of the character spans, in order, without repeats."""
    seen: dict[int, object] = {}
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            seen.setdefault(tok.i, tok)
    return [seen[i] for i in sorted(seen)]


def _root(tokens: list):
    """The token whose head lies outside the group (the first one if none does)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])


def cue_lemma(doc: Doc, spans) -> str:
    """Lemma of a gold cue: "according to", else its main verb, else its head token.

    A cue of punctuation alone (the colon of "NAME: ...") is its own lemma.
    """
    all_toks = tokens_in(doc, spans)
    toks = [t for t in all_toks if not t.is_punct]
    if not toks:
        return "".join(t.text for t in all_toks) or "?"
    if any(t.lower_ == "according" for t in toks):
        return "according to"
    verbs = [t for t in toks if t.pos_ == "VERB"]
    head = verbs[-1] if verbs else _root(toks)
    return head.lemma_.lower()


def speaker_form(doc: Doc, spans) -> str:
    """Form of a gold Source: none, pronoun, name or description."""
    if not spans:
        return "none"
    toks = [t for t in tokens_in(doc, spans) if not t.is_punct]
    if not toks:
        return "none"
    if _root(toks).pos_ == "PRON":
        return "pronoun"
    if any(t.ent_type_ in NAME_ENTS or t.pos_ == "PROPN" for t in toks):
        return "name"
    return "description"


def _snippet(text: str, spans) -> str:
    """Surface of spans joined as brat does, shortened for a one-line listing."""
    surface = " ".join(text[s:e] for s, e in spans).replace("\n", " ")
    return surface if len(surface) <= SNIPPET else surface[: SNIPPET - 3] + "..."


def _sentence(doc: Doc, offset: int) -> str:
    """The sentence holding a character offset, on one line."""
    tok = doc.char_span(offset, offset + 1, alignment_mode="expand")
    sent = tok.sent.text if tok is not None and len(tok) else ""
    return " ".join(sent.split())


def score_doc(doc: Doc, name: str, golds: list[GoldAttribution], cfg: EvalConfig) -> ArticleScore:
    """Score one parsed article against its gold attributions."""
    text = doc.text
    statements = list(doc._.statements or [])
    preds = [pred_from_statement(s) for s in statements]
    result = ArticleScore(name)
    result.golds = [GoldOutcome(cue_lemma(doc, g.cue), speaker_form(doc, g.source)) for g in golds]
    result.preds = [PredOutcome(p.kind) for p in preds]
    for m in match(text, preds, golds):
        pair = score_pair(text, preds[m.pred], golds[m.gold])
        gold = result.golds[m.gold]
        gold.matched, gold.exact, gold.source_ok, gold.cue_ok = True, pair.exact, pair.source_ok, pair.cue_ok
        result.preds[m.pred].matched = True
        result.preds[m.pred].gold_speech = gold.speech
        if cfg.errors and not pair.source_ok:
            result.errors.append(_wrong_source_line(doc, name, preds[m.pred], golds[m.gold]))
    if cfg.errors:
        result.errors += _error_lines(doc, name, preds, golds, result)
    if cfg.keep_statements:
        result.statements = [s.to_dict() for s in statements]
    return result


def _error_lines(doc: Doc, name: str, preds: list[Pred], golds, result: ArticleScore) -> list[str]:
    """One entry per miss and per false hit, with the sentence it occurs in."""
    text, lines = doc.text, []
    for gold, outcome in zip(golds, result.golds):
        if not outcome.matched:
            lines.append(
                f"MISS  {name} [{outcome.form}, cue {outcome.lemma!r}] source={_snippet(text, gold.source)!r}"
                f" content={_snippet(text, gold.content)!r}\n      sentence: {_sentence(doc, gold.content[0][0])}"
            )
    for pred, outcome in zip(preds, result.preds):
        if not outcome.matched:
            speaker = _snippet(text, [pred.speaker]) if pred.speaker else None
            lines.append(
                f"FALSE {name} [{pred.kind}] speaker={speaker!r} content={_snippet(text, pred.content)!r}"
                f"\n      sentence: {_sentence(doc, pred.content[0][0])}"
            )
    return lines


def _wrong_source_line(doc: Doc, name: str, pred: Pred, gold: GoldAttribution) -> str:
    """A matched pair whose speaker disagrees with the gold Source."""
    text = doc.text
    speaker = _snippet(text, [pred.speaker]) if pred.speaker else None
    return (
        f"SOURCE {name} predicted={speaker!r} gold={_snippet(text, gold.source) or None!r}"
        f" content={_snippet(text, gold.content)!r}"
    )


def load_task(nlp: Language, task: Task) -> tuple[Doc, list[GoldAttribution]]:
    """Read an article and its annotation; return the unparsed Doc and the gold."""
    from communique.nlp import make_doc

    text = read_text(task.text_path)
    golds = parse_ann(read_text(task.ann_path))
    return make_doc(nlp, text, task.name), golds


def process(nlp: Language, task: Task, cfg: EvalConfig) -> ArticleScore | Skip:
    """Parse and score one article; unreadable inputs become a Skip."""
    try:
        doc, golds = load_task(nlp, task)
    except (OSError, UnicodeDecodeError, AnnError) as exc:
        return Skip(str(task.ann_path), f"cannot read: {exc}")
    from communique.pieces import analyse

    return score_doc(next(analyse(nlp, [(doc.text, doc._.doc_id, doc._.published)])), task.name, golds, cfg)


_WORKER: dict = {}


def _init_worker(cfg: EvalConfig) -> None:
    """Load the pipeline once per worker process."""
    from communique.nlp import load

    _WORKER["nlp"] = load(cfg.model, beliefs=cfg.beliefs)
    _WORKER["cfg"] = cfg


def _work(task: Task) -> ArticleScore | Skip:
    """Pool entry point."""
    return process(_WORKER["nlp"], task, _WORKER["cfg"])


def _ready(_: int) -> bool:
    """Warm-up task: returns once this worker's model is loaded (the initializer ran)."""
    time.sleep(0.05)  # long enough that each worker takes one
    return True


def evaluate(root: Path, cfg: EvalConfig, on_start: Callable[[], None] = lambda: None) -> Iterator[ArticleScore | Skip]:
    """Score every article of the split, yielding results as they come (in article order).

    `on_start` is called once the model is loaded, just before the first article is fed,
    so callers can time throughput without model loading.
    """
    tasks = iter_tasks(root, cfg.split, cfg.limit)
    if cfg.workers <= 1:
        from communique.nlp import load

        nlp = load(cfg.model, beliefs=cfg.beliefs)
        on_start()
        for task in tasks:
            yield task if isinstance(task, Skip) else process(nlp, task, cfg)
        return
    skips, todo = [], []
    for task in tasks:  # Task objects are paths only: small, the texts stay on disk
        (skips if isinstance(task, Skip) else todo).append(task)
    yield from skips
    with mp.get_context("spawn").Pool(cfg.workers, _init_worker, (cfg,)) as pool:
        pool.map(_ready, range(cfg.workers), chunksize=1)
        on_start()
        yield from pool.imap(_work, todo, chunksize=1)
