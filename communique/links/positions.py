"""Positions over time: what an actor demanded, offered, threatened, refused or agreed, toward whom.

Rows for `communique timeline ACTOR`, built from stored events (with the incident and remark behind
each) and from the answers the actor gave or drew.
"""

from __future__ import annotations

from typing import Any, Optional

from communique.output import sentence_around

POSITION_TYPES = ("REQUEST", "AGREE", "THREATEN", "REJECT", "CONCEDE")
POSITION_NAMES = {"REQUEST": "demand", "AGREE": "offer or agreement", "THREATEN": "threat",
                  "REJECT": "refusal", "CONCEDE": "concession"}


def participant_keys(actor_id: Optional[str], country: Optional[str]) -> list[str]:
    """Incident blocking keys (without the type) under which reports naming this actor are indexed."""
    keys = [f"id:{actor_id}"] if actor_id else []
    if country:
        keys += [f"c:{country}", f"g:{country}"]
    return keys


def involves(feat: dict[str, Any], actor_id: Optional[str], country: Optional[str]) -> bool:
    """Whether an incident report (link features) names this actor, or its country when either is generic."""
    for p in feat["actors"] + feat["recipients"] + feat["fallback"]:
        if actor_id and p["id"] == actor_id:
            return True
        if country and p["country"] == country and not (p["id"] and actor_id):
            return True
    return False


def position_row(ev: dict[str, Any], incident: Optional[str], published: Optional[str], source: Optional[str],
                 text: str, remark: Optional[str]) -> dict[str, Any]:
    """One position: an event of a position type by the actor."""
    dt = ev.get("date") or {}
    when = (dt.get("value") or "").split("/")[0] or published
    counterpart = "; ".join(r.get("name") or r["text"] for r in ev.get("recipients") or []) or None
    flags = [f for f in ("negated", "future", "hypothetical") if ev.get(f)]
    trig = ev["trigger"]
    return {
        "kind": "position", "id": ev["id"], "date": when, "position": POSITION_NAMES[ev["event_type"]],
        "event_type": ev["event_type"], "actor": "; ".join(a.get("name") or a["text"] for a in ev["actors"]),
        "counterpart": counterpart, "flags": flags, "text": sentence_around(text, trig["start"], trig["end"]),
        "doc": ev["doc"], "source": source, "incident": incident, "remark": remark, "answers": None,
    }


def answer_row(resp: dict[str, Any], actor_ids: list[str]) -> dict[str, Any]:
    """One answer the actor gave ("answer") or drew ("answered"), with the claim beside it."""
    gave = resp["actor_id"] in actor_ids
    claim = resp["answers"] or {}
    return {
        "kind": "answer" if gave else "answered", "id": resp["id"], "date": resp["said"],
        "position": resp["relation"], "event_type": None, "actor": resp["speaker"],
        "counterpart": claim.get("speaker"), "flags": [], "text": resp["text"], "doc": resp["doc"],
        "source": None, "incident": (resp["incident"] or {}).get("incident"), "remark": claim.get("remark"),
        "answers": claim.get("text"),
    }
