"""Incidents: reports of one happening in many articles, grouped by a pure, explainable pair test.

Two event reports are the same incident when they have the same PLOVER type, their dates can mean
the same days (respecting each date's precision), and their participants agree: the same actor ids,
or the same country (and sector, when both say) where one side is a country, a government or an
unnamed description. The test looks at the two reports only, so the groups (connected reports)
do not depend on the order articles arrive in.
"""

from __future__ import annotations

from typing import Any, Optional

from communique.countries import is_igo, lookup

SLACK_DAYS = 1  # time zones and "late on Monday" reported as Tuesday
MAX_SPAN_DAYS = 92  # a date vaguer than about a quarter ("in 2025") is no evidence of sameness
OWN_DATE_PRECISIONS = {"day", "weekend", "week"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}  # "A met B" and "B met A" tell the same meeting
GENERIC_KINDS = {"country", "government"}

Ref = dict[str, Any]


def participant(ref: dict[str, Any], kind: Optional[str] = None) -> Ref:
    """A compact participant: its actor id (None for countries, governments and descriptions), country, sector."""
    place = lookup(ref.get("name") or "") if ref.get("name") else None
    state = place is not None and place.kind in ("country", "capital", "metonym", "igo")
    specific = bool(ref.get("actor_id")) and kind not in GENERIC_KINDS and not state
    return {"id": ref.get("actor_id") if specific else None, "country": ref.get("country"),
            "sector": ref.get("sector"), "name": ref.get("name") or ref.get("text")}


def _match(a: Ref, b: Ref) -> Any:
    """A reason string when two participants are the same, False when they differ, None when unknown."""
    if a["id"] and b["id"]:
        return f"same actor {a['id']}" if a["id"] == b["id"] else False
    if not (a["country"] and b["country"]):
        return None
    if a["country"] != b["country"]:
        return False
    if a["sector"] and b["sector"] and a["sector"] != b["sector"] and not is_igo(a["country"]):
        return False  # (an international body's officials are coded GOV or IGO by turns)
    if not (a["sector"] and b["sector"]) and not (a.get("mention") or b.get("mention")):
        return None  # "a fishing association" is not the government of its country
    return f"same country {a['country']}" + (f"/{a['sector'] or b['sector']}" if a["sector"] or b["sector"] else "")


def side(xs: list[Ref], ys: list[Ref]) -> Any:
    """Compare two participant lists: a reason when they agree, False on conflict, None when unknown.

    They agree when some pair matches and one list is covered by the other (a report may name
    fewer participants than another); they conflict when each names someone the other rules out.
    """
    if not xs or not ys:
        return None
    table = [[_match(x, y) for y in ys] for x in xs]
    x_out = any(all(m is False for m in row) for row in table)
    y_out = any(all(table[i][j] is False for i in range(len(xs))) for j in range(len(ys)))
    if x_out and y_out:
        return False
    reasons = sorted({m for row in table for m in row if m})
    return "; ".join(reasons) if reasons else None


def features(event: dict[str, Any], span: Optional[tuple[int, int]], kinds: dict[str, str],
             fallback: list[Ref]) -> dict[str, Any]:
    """What the pair test needs from one stored event (contract dict), its days and fallback participants."""
    actors = [participant(r, kinds.get(r.get("actor_id") or "")) for r in event.get("actors") or []]
    recipients = [participant(r, kinds.get(r.get("actor_id") or "")) for r in event.get("recipients") or []]
    return {
        "id": event["id"], "doc": event["doc"], "type": event["event_type"],
        "lo": span[0] if span else None, "hi": span[1] if span else None,
        "actors": actors, "recipients": recipients,
        "fallback": fallback if not any(p["id"] or p["country"] for p in actors + recipients) else [],
        "negated": bool(event.get("negated")), "hypothetical": bool(event.get("hypothetical")),
        "dated": (event.get("date") or {}).get("precision") in OWN_DATE_PRECISIONS
        and bool((event.get("date") or {}).get("value")),
    }


def linkable(f: dict[str, Any]) -> bool:
    """Whether a report can join an incident: dated closely enough, someone named, not hypothetical."""
    if f["lo"] is None or f["hypothetical"] or f["hi"] - f["lo"] > MAX_SPAN_DAYS:
        return False
    return bool(f["actors"] or f["recipients"] or f["fallback"])


def keys(f: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(index keys, probe keys) for blocking: type plus actor id or country.

    Specific actors are indexed by id and country, generic ones by country alone; a report probes
    for the ids of its specific actors and for the countries of all its participants, so that
    whenever the pair test could succeed, each of the two reports finds the other.
    """
    index, probe = set(), set()
    for p in f["actors"] + f["recipients"] + f["fallback"]:
        country = p["country"]
        if p["id"]:
            index.add(f"{f['type']}|id:{p['id']}")
            probe.add(f"{f['type']}|id:{p['id']}")
            if country:
                index.add(f"{f['type']}|c:{country}")
        elif country:
            index.add(f"{f['type']}|g:{country}")
            probe.add(f"{f['type']}|c:{country}")
        if country:
            probe.add(f"{f['type']}|g:{country}")
    return index, probe


def same_incident(a: dict[str, Any], b: dict[str, Any]) -> Optional[dict[str, str]]:
    """The reasons two reports tell the same happening, or None. Symmetric in a and b."""
    if a["id"] > b["id"]:
        a, b = b, a
    if a["type"] != b["type"] or not (linkable(a) and linkable(b)):
        return None
    if a["lo"] > b["hi"] + SLACK_DAYS or b["lo"] > a["hi"] + SLACK_DAYS:
        return None
    if a["doc"] != b["doc"] and any(f["fallback"] and not f.get("dated") for f in (a, b)):
        return None  # "after the meeting", undated and without actors, is a meeting of its own article
    why = {"type": a["type"], "dates": f"{_days(a)} and {_days(b)} overlap"}
    if a["fallback"] or b["fallback"] or a["type"] in SYMMETRIC:
        every = side(a["actors"] + a["recipients"] + a["fallback"], b["actors"] + b["recipients"] + b["fallback"])
        if not every:
            return None
        why["participants"] = every
        if a["fallback"] or b["fallback"]:
            why["note"] = "a report without actors: participants named in its sentence"
    else:
        actors, recipients = side(a["actors"], b["actors"]), side(a["recipients"], b["recipients"])
        if actors is False or recipients is False or not (actors or recipients):
            return None
        why.update({k: v for k, v in (("actors", actors), ("recipients", recipients)) if v})
    # Countries alone are weak: news is full of "the U.S." doing one thing or another each week.
    if "same actor" not in " ".join(why.values()) and not (a.get("dated") and b.get("dated")):
        return None
    return why


def _days(f: dict[str, Any]) -> str:
    """A report's days as ISO text."""
    from datetime import date

    lo, hi = date.fromordinal(f["lo"]).isoformat(), date.fromordinal(f["hi"]).isoformat()
    return lo if lo == hi else f"{lo}..{hi}"
