"""Timeline rows: an actor's positions and the answers it gave or drew."""

from __future__ import annotations

from communique.links.positions import answer_row, involves, participant_keys, position_row

TEXT = "Jakarta -- Indonesia threatened on Wednesday to halt palm oil exports. Officials said more."


def test_a_threat_becomes_a_position_toward_its_counterpart():
    ev = {"id": "a:e1", "doc": "a", "event_type": "THREATEN", "trigger": {"text": "threatened", "start": 22, "end": 32},
          "actors": [{"text": "Indonesia", "name": "Indonesia"}], "recipients": [{"text": "EU", "name": "European Union"}],
          "date": {"value": "2026-03-11"}, "future": True}
    row = position_row(ev, "a:e1", "2026-03-12", "Harbor Wire", TEXT, None)
    assert (row["date"], row["position"], row["counterpart"], row["flags"], row["text"]) == (
        "2026-03-11", "threat", "European Union", ["future"],
        "Jakarta -- Indonesia threatened on Wednesday to halt palm oil exports.")


def test_answers_given_and_drawn():
    resp = {"id": "b:s2", "actor_id": "lindqvist", "speaker": "Margit Lindqvist", "said": "2026-03-11",
            "relation": "reject", "text": "Europe will not be pressured", "doc": "b", "incident": None,
            "answers": {"speaker": "Hendra Wibisono", "text": "We will not sell", "remark": "a:s1"}}
    assert answer_row(resp, ["lindqvist"])["kind"] == "answer"
    drawn = answer_row(resp, ["wibisono"])
    assert (drawn["kind"], drawn["counterpart"], drawn["answers"], drawn["remark"]) == (
        "answered", "Hendra Wibisono", "We will not sell", "a:s1")


def test_involves_by_id_or_by_country_of_a_generic_participant():
    feat = {"actors": [{"id": None, "country": "MMR", "sector": "MIL"}], "recipients": [], "fallback": []}
    assert involves(feat, "kyaw", "MMR") and not involves(feat, "kyaw", "AUS")
    assert participant_keys("kyaw", "MMR") == ["id:kyaw", "c:MMR", "g:MMR"]
