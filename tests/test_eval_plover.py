"""`communique eval plover`: reading gold records, scoring, and the command itself."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.evaluate.plover import (
    GoldSentence, Scores, load_gold, load_no_event, plover_command, score_sentence,
)
from communique.records import ActorRef, Event, Span



def _record(i, event, text, source, target):
    """A gold-style record of our own writing."""
    return {"id": f"X-{i}", "event": event, "text": text, "source": source, "target": target}


@pytest.fixture
def gold_file(tmp_path):
    """A small gold file in the PLOVER layout, with every shape of `target`."""
    records = [
        {"id": "X-DOC", "event": "DOCUMENT"},
        _record(1, "DEMAND", "Ghana demanded an apology from Togo.",
                [{"actorText": "Ghana", "code": "GHA"}], [{"actorText": "Togo", "code": "TGO"}]),
        _record(2, "FIGHT", "Syrian forces shelled the town on Sunday.",
                [{"actorText": "Syrian", "code": "SYR"}], None),
        _record(3, "DISAPPROVE", "Greece accused Turkey of violating its airspace.",
                [{"actorText": "Greece", "code": "GRC"}], "TUR"),
        _record(4, "CONSULT", "The weather was mild in the capital.",
                [{"actorText": "x", "code": "FRA"}], ""),
    ]
    path = tmp_path / "PLOVER_GSR_CAMEO.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_load_gold_maps_old_labels_and_target_shapes(gold_file):
    gold = load_gold(gold_file.parent)
    assert [(g.event_type, g.sources, g.targets) for g in gold] == [
        ("REQUEST", ["GHA"], ["TGO"]),
        ("ASSAULT", ["SYR"], []),
        ("ACCUSE", ["GRC"], ["TUR"]),
        ("CONSULT", ["FRA"], []),
    ]


def test_bad_gold_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(plover_command, [str(bad)])
    assert result.exit_code == 1
    assert "bad.json: not JSON" in result.output


def _event(etype, actor_country=None, recipient_country=None, sector=None):
    """A coded event with one actor and one recipient."""
    actor = ActorRef("a", 0, 1, country=actor_country, sector=sector)
    recips = [ActorRef("r", 2, 3, country=recipient_country)] if recipient_country else []
    return Event(id="e", doc="d", event_type=etype, trigger=Span("t", 0, 1),
                 actors=[actor], recipients=recips, confidence=0.8)


def test_scoring_type_actor_recipient_extra_and_confusion():
    scores = Scores()
    score_sentence(scores, GoldSentence("1", "s", "REQUEST", ["GHA"], ["TGO"]),
                   [_event("REQUEST", "GHA", "TGO"), _event("ACCUSE", "GHA")])
    score_sentence(scores, GoldSentence("2", "s", "ASSAULT", ["SYR"], []), [_event("COERCE", "SYR")])
    score_sentence(scores, GoldSentence("3", "s", "SANCTION", ["IGO"], ["IRN"]),
                   [_event("SANCTION", "EU", "IRQ")])
    score_sentence(scores, GoldSentence("4", "s", "AID", ["USA"], []), [])
    assert (scores.sentences, scores.type_hits) == (4, 2)
    assert (scores.actor_hits, scores.actor_n) == (2, 2)  # IGO matches the EU
    assert (scores.recipient_hits, scores.recipient_n) == (1, 2)
    assert scores.extra == 1
    assert scores.confusion == {("REQUEST", "REQUEST"): 1, ("ASSAULT", "COERCE"): 1,
                                ("SANCTION", "SANCTION"): 1, ("AID", "none"): 1}


def test_no_event_sentences_are_enough():
    assert len(load_no_event()) >= 40


def test_command_reports_figures(gold_file):
    result = CliRunner().invoke(plover_command, [str(gold_file), "--errors"])
    assert result.exit_code == 0, result.output
    assert "event-type accuracy:      0.750 (3/4)" in result.output
    assert "actor-country accuracy:   1.000 (3/3)" in result.output
    assert "[type] gold CONSULT, coded none: The weather was mild in the capital." in result.output
    assert "false events:" in result.output and "per 20" in result.output
