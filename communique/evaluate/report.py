"""Aggregate per-article outcomes into the issue-3 figures and print them with breakdowns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from communique.evaluate.polnear import ArticleScore, GoldOutcome, PredOutcome

KINDS = ("direct", "indirect", "mixed")
FORMS = ("name", "pronoun", "description", "none")
TOP_LEMMAS = 25


def _ratio(num: int, den: int) -> float:
    """num/den, 0 when den is 0."""
    return num / den if den else 0.0


@dataclass
class Totals:
    """All outcomes of a run (small records; the documents themselves are not kept)."""

    golds: list[GoldOutcome] = field(default_factory=list)
    preds: list[PredOutcome] = field(default_factory=list)
    articles: int = 0

    def add(self, score: ArticleScore) -> None:
        """Fold one article's outcomes in."""
        self.golds += score.golds
        self.preds += score.preds
        self.articles += 1


def figures(golds: list[GoldOutcome], preds: list[PredOutcome]) -> dict[str, float]:
    """Content P/R/F1, exact share, source and cue accuracy, end-to-end recall."""
    matched = [g for g in golds if g.matched]
    n_matched_pred = sum(p.matched for p in preds)
    precision = _ratio(n_matched_pred, len(preds))
    recall = _ratio(len(matched), len(golds))
    return {
        "gold": len(golds),
        "predicted": len(preds),
        "matched": len(matched),
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "exact": _ratio(sum(g.exact for g in matched), len(matched)),
        "source_accuracy": _ratio(sum(g.source_ok for g in matched), len(matched)),
        "cue_accuracy": _ratio(sum(g.cue_ok for g in matched), len(matched)),
        "end_to_end_recall": _ratio(sum(g.source_ok for g in matched), len(golds)),
    }


def speech_only(golds: list[GoldOutcome], preds: list[PredOutcome]) -> dict[str, float]:
    """Figures with gold restricted to speech cues; predictions matched to other gold are left out."""
    return figures([g for g in golds if g.speech], [p for p in preds if p.gold_speech is not False])


def _line(label: str, fig: dict[str, float]) -> str:
    """One summary row."""
    return (
        f"{label:<13} P {fig['precision']:.3f}  R {fig['recall']:.3f}  F1 {fig['f1']:.3f}  "
        f"exact {fig['exact']:.3f}  source {fig['source_accuracy']:.3f}  cue {fig['cue_accuracy']:.3f}  "
        f"end-to-end R {fig['end_to_end_recall']:.3f}  "
        f"(gold {fig['gold']}, predicted {fig['predicted']}, matched {fig['matched']})"
    )


def summary_lines(totals: Totals, seconds: float) -> list[str]:
    """The headline figures: all attributions, then speech only."""
    rate = _ratio(totals.articles, seconds) if seconds > 0 else 0.0
    return [
        f"articles: {totals.articles}   time: {seconds:.1f} s   articles/s: {rate:.2f} (model loading excluded)",
        _line("all", figures(totals.golds, totals.preds)),
        _line("speech only", speech_only(totals.golds, totals.preds)),
        "  speech only: gold restricted to attributions whose cue lemma is a speech/communication verb "
        "(SPEECH_LEMMAS, incl. 'according to', and punctuation cues such as a transcript's colon);",
        "  predictions matched to a belief/knowledge attribution are left out of its precision.",
    ]


def kind_lines(preds: list[PredOutcome]) -> list[str]:
    """Precision by predicted kind."""
    lines = ["by predicted kind:", f"  {'kind':<12}{'predicted':>10}{'matched':>9}{'precision':>11}"]
    kinds = list(KINDS) + sorted({p.kind for p in preds} - set(KINDS))
    for kind in kinds:
        group = [p for p in preds if p.kind == kind]
        hits = sum(p.matched for p in group)
        lines.append(f"  {kind:<12}{len(group):>10}{hits:>9}{_ratio(hits, len(group)):>11.3f}")
    return lines


def _gold_rows(title: str, keys: list[str], key: Callable[[GoldOutcome], str], golds: list[GoldOutcome]) -> list[str]:
    """Recall, source accuracy and end-to-end recall per group of gold attributions."""
    lines = [title, f"  {'':<16}{'gold':>6}{'recall':>8}{'source':>8}{'e2e R':>8}"]
    for k in keys:
        group = [g for g in golds if key(g) == k]
        matched = [g for g in group if g.matched]
        ok = sum(g.source_ok for g in matched)
        lines.append(
            f"  {k:<16}{len(group):>6}{_ratio(len(matched), len(group)):>8.3f}"
            f"{_ratio(ok, len(matched)):>8.3f}{_ratio(ok, len(group)):>8.3f}"
        )
    return lines


def lemma_lines(golds: list[GoldOutcome]) -> list[str]:
    """Recall by gold cue lemma, the most frequent first."""
    top = [lemma for lemma, _ in Counter(g.lemma for g in golds).most_common(TOP_LEMMAS)]
    title = f"by gold cue lemma (top {TOP_LEMMAS}; * = not a speech cue):"
    keys = [k if GoldOutcome(k, "").speech else f"{k} *" for k in top]
    return _gold_rows(title, keys, lambda g: g.lemma if g.speech else f"{g.lemma} *", golds)


def form_lines(golds: list[GoldOutcome]) -> list[str]:
    """Recall and source accuracy by the form of the gold source."""
    return _gold_rows("by gold speaker form:", list(FORMS), lambda g: g.form, golds)


def report_lines(totals: Totals, seconds: float) -> list[str]:
    """Everything printed after the run (the --errors listing is printed as it streams)."""
    lines = summary_lines(totals, seconds)
    for section in (kind_lines(totals.preds), form_lines(totals.golds), lemma_lines(totals.golds)):
        lines += [""] + section
    return lines


def print_report(totals: Totals, seconds: float, echo: Callable[[str], None] = print) -> None:
    """Print the figures and breakdowns."""
    for line in report_lines(totals, seconds):
        echo(line)


def collect(scores: Iterable[ArticleScore]) -> Totals:
    """Totals of a sequence of article scores (used by tests)."""
    totals = Totals()
    for score in scores:
        totals.add(score)
    return totals
