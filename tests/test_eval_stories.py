"""Gold on real stories: drafts to offsets and back, scoring events and statements, the eval commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.evaluate import gold as gold_mod
from communique.evaluate.stories import events_command, statements_command
from communique.evaluate.story_score import EventTotals, StatementTotals, same_name, score_events, score_statements
from communique.records import ActorRef, Addressee, Content, DateRef, Event, Span, Speaker, Statement

TEXT = ("Estonia expelled two Russian diplomats on Monday. \"We will not be intimidated,\" Foreign Minister "
        "Kaja Tamm told reporters. Latvia held talks with Lithuania.")
STORY = {"id": "s1", "published": "2026-03-12 09:00:00Z", "text": TEXT}
DRAFT = {
    "id": "s1", "published": "2026-03-12",
    "statements": [{"kind": "direct", "speaker": "Kaja Tamm", "sentence": "\"We will not be intimidated,\" Foreign Minister Kaja Tamm told reporters.",
                    "mention": "Foreign Minister Kaja Tamm", "cue": "told", "addressee": "reporters",
                    "date": None, "date_alternatives": ["2026-03-09"], "content": "We will not be intimidated,"}],
    "events": [{"sentence": "Estonia expelled two Russian diplomats on Monday.", "event_type": "SANCTION",
                "trigger": "expelled", "actor": "Estonia", "actor_country": "EST", "recipient": "Russia",
                "recipient_country": "RUS", "negated": False, "future": False, "hypothetical": False,
                "claimed_by": None}],
    "optional_events": [{"sentence": "Latvia held talks with Lithuania.", "event_type": "CONSULT", "why": "test"}],
}


def test_a_draft_becomes_offsets_and_comes_back_as_strings():
    gold = gold_mod.build(DRAFT, STORY)
    assert gold["events"][0]["sentence"] == [0, 49] and gold["events"][0]["trigger"] == [8, 16]
    statement = gold["statements"][0]
    assert statement["content"] == [[51, 78]] and statement["cue"] == [107, 111]
    assert "We will" not in json.dumps(gold)  # no sentence of the story is kept
    back = gold_mod.load(gold, STORY)
    assert back["statements"][0]["content_text"] == "We will not be intimidated,"
    assert back["statements"][0]["mention_text"] == "Foreign Minister Kaja Tamm"
    assert back["optional_events"][0]["sentence_text"] == "Latvia held talks with Lithuania."


def test_a_draft_that_does_not_match_its_story_is_refused():
    bad = dict(DRAFT, events=[dict(DRAFT["events"][0], sentence="Estonia expelled three diplomats.")])
    with pytest.raises(gold_mod.GoldError, match="sentence not found verbatim"):
        gold_mod.build(bad, STORY)
    with pytest.raises(gold_mod.GoldError, match="not a PLOVER type"):
        gold_mod.build(dict(DRAFT, events=[dict(DRAFT["events"][0], event_type="DISAPPROVE")]), STORY)


def _event(etype, start, country=None):
    """A coded event whose trigger starts at `start`."""
    return Event(id="e", doc="s1", event_type=etype, trigger=Span("x", start, start + 1),
                 actors=[ActorRef("a", 0, 1, country=country)])


def test_events_match_by_type_and_sentence_and_optional_ones_cost_nothing():
    gold = gold_mod.load(gold_mod.build(DRAFT, STORY), STORY)
    totals = EventTotals()
    score_events(TEXT, gold, [_event("SANCTION", 8, "EST"), _event("ACCUSE", 8), _event("CONSULT", 135)],
                 totals, "s1")
    assert (totals.gold, totals.predicted, totals.hits, totals.optional) == (1, 2, 1, 1)
    assert (totals.actor_ok, totals.actor_n) == (1, 1) and (totals.recipient_ok, totals.recipient_n) == (0, 1)
    assert totals.errors == ["[recipient] s1 SANCTION gold RUS, coded []: Estonia expelled two Russian diplomats "
                             "on Monday.",
                             "[false] s1 ACCUSE 'x' (None): Estonia expelled two Russian diplomats on Monday."]


def test_a_second_event_of_the_type_does_not_take_the_gold_event_whose_trigger_it_does_not_hold():
    gold = gold_mod.load(gold_mod.build(DRAFT, STORY), STORY)
    totals = EventTotals()
    # an earlier SANCTION in the sentence ("Estonia" at 0) and the one on the gold trigger ("expelled" at 8)
    score_events(TEXT, gold, [_event("SANCTION", 0, "RUS"), _event("SANCTION", 8, "EST")], totals, "s1")
    assert (totals.predicted, totals.hits, totals.actor_ok) == (2, 1, 1)
    assert totals.errors == ["[false] s1 SANCTION 'x' (None): Estonia expelled two Russian diplomats on Monday.",
                             "[recipient] s1 SANCTION gold RUS, coded []: Estonia expelled two Russian diplomats "
                             "on Monday."]


def test_statements_score_speaker_addressee_and_an_alternative_date():
    gold = gold_mod.load(gold_mod.build(DRAFT, STORY), STORY)
    said = Statement(id="s", doc="s1", kind="direct", content=Content("We will not be intimidated", 51, 76),
                     speaker=Speaker("Tamm", 80, 84, name="Kaja Tamm"),
                     addressee=Addressee("reporters", 111, 120, "reporters"),
                     date=DateRef("Monday", 0, 1, "2026-03-09", "day"))
    totals = StatementTotals()
    score_statements(TEXT, gold, [said], totals, "s1")
    assert (totals.found, totals.speaker_ok, totals.addressee_ok, totals.date_ok, totals.date_n) == (1, 1, 1, 1, 1)


def test_names_agree_by_words_not_by_spelling_of_titles():
    assert same_name("Kaja Tamm", "Tamm") and same_name("the U.N.", "UN") is False
    assert same_name("United Nations Security Council", "Security Council")
    assert not same_name("Kaja Tamm", "Kaja Kallas")


@pytest.fixture
def gold_dir(tmp_path):
    """A gold folder and a stories file holding the one story above."""
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "s1.json").write_text(json.dumps(gold_mod.build(DRAFT, STORY)), encoding="utf-8")
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps(STORY) + "\n", encoding="utf-8")
    return folder, stories


def test_eval_events_command_scores_the_real_pipeline(gold_dir):
    folder, stories = gold_dir
    result = CliRunner().invoke(events_command, [str(folder), "--stories", str(stories)])
    assert result.exit_code == 0, result.output
    assert "events: gold 1, coded 1 (+1 matching optional gold), matched 1" in result.output
    assert "actor country on found events:      1.000 (1/1)" in result.output


def test_eval_statements_command_lists_errors(gold_dir):
    folder, stories = gold_dir
    result = CliRunner().invoke(statements_command, [str(folder), "--stories", str(stories), "--errors"])
    assert result.exit_code == 0, result.output
    assert "statements: gold 1, extracted 1, found 1" in result.output
    assert "speaker accuracy (found):            1.000 (1/1)" in result.output


def test_event_free_command_counts_events_on_sentences_judged_free(tmp_path):
    from communique.evaluate.stories import event_free_command

    text_dir = tmp_path / "data" / "dev" / "text"
    text_dir.mkdir(parents=True)
    text = "The weather was mild in the capital. Estonia expelled two Russian diplomats on Monday."
    (text_dir / "a.txt").write_text(text, encoding="utf-8")
    sample = tmp_path / "free.tsv"
    sample.write_text("# comment\na.txt\t0\t36\na.txt\t37\t86\n", encoding="utf-8")
    result = CliRunner().invoke(event_free_command, [str(sample), "--polnear", str(tmp_path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "[false] SANCTION 'expelled': Estonia expelled two Russian diplomats on Monday." in result.output
    assert "false events: 1 on 2 event-free sentences (10.00 per 20)" in result.output
