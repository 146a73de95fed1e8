"""Formatting links for people (rich tables) and programs (CSV rows); JSON Lines use the dicts as they are."""

from __future__ import annotations

from typing import Any, TextIO

from communique.output import _console, _short, add_row, new_table

Record = dict[str, Any]

INCIDENT_COLUMNS = ["id", "event_type", "date", "date_precision", "actors", "recipients", "mentions", "articles",
                    "sources", "first_reported", "last_reported", "negated", "claimed_only", "events", "docs"]
REMARK_COLUMNS = ["id", "speaker", "actor_id", "reports", "articles", "sources", "first_said", "last_said",
                  "changed", "changes", "fullest", "statements"]
RESPONSE_COLUMNS = ["id", "doc", "said", "speaker", "relation", "evidence", "text", "answers_id", "answers_speaker",
                    "answers_text", "answers_remark", "incident", "score", "why"]
TIMELINE_COLUMNS = ["date", "kind", "position", "event_type", "actor", "counterpart", "text", "answers", "incident",
                    "remark", "doc", "id", "flags"]


def _flag(value: Any) -> str:
    """Booleans as lower-case true/false."""
    return "true" if value else "false"


def incident_row(inc: Record) -> Record:
    """An incident flattened to INCIDENT_COLUMNS."""
    dt = inc.get("date") or {}
    return {
        **{k: inc[k] for k in ("id", "event_type", "mentions", "articles", "sources", "first_reported",
                               "last_reported")},
        "date": dt.get("value"), "date_precision": dt.get("precision"), "actors": ";".join(inc["actors"]),
        "recipients": ";".join(inc["recipients"]), "negated": _flag(inc["negated"]),
        "claimed_only": _flag(inc["claimed_only"]), "events": ";".join(r["event_id"] for r in inc["reports"]),
        "docs": ";".join(dict.fromkeys(r["doc"] for r in inc["reports"])),
    }


def remark_row(rem: Record) -> Record:
    """A remark group flattened to REMARK_COLUMNS."""
    return {
        **{k: rem[k] for k in ("id", "speaker", "actor_id", "articles", "sources", "first_said", "last_said",
                               "fullest")},
        "reports": rem["reports_count"], "changed": _flag(rem["changed"]), "changes": ";".join(rem["changes"]),
        "statements": ";".join(r["statement_id"] for r in rem["reports"]),
    }


def response_row(resp: Record) -> Record:
    """A response flattened to RESPONSE_COLUMNS."""
    claim = resp.get("answers") or {}
    return {
        **{k: resp[k] for k in ("id", "doc", "said", "speaker", "relation", "evidence", "text", "score")},
        "answers_id": claim.get("statement_id"), "answers_speaker": claim.get("speaker"),
        "answers_text": claim.get("text"), "answers_remark": claim.get("remark"),
        "incident": (resp.get("incident") or {}).get("incident"), "why": "; ".join(resp.get("why") or []),
    }


def timeline_row(row: Record) -> Record:
    """A timeline row with its flags joined."""
    return {**row, "flags": ";".join(row.get("flags") or [])}


def print_incidents(incidents: list[Record], out: TextIO) -> None:
    """A table of incidents: type, date, who, to whom, how often reported, flags."""
    table = new_table(f"Incidents ({len(incidents)})",
                      ("id", "type", "date", "actors", "recipients", "articles", "sources", "reported", "flags"))
    for inc in incidents:
        dt = inc.get("date") or {}
        flags = ",".join(f for f, on in (("negated", inc["negated"]), ("claimed only", inc["claimed_only"])) if on)
        reported = inc["first_reported"] or ""
        if inc["last_reported"] and inc["last_reported"] != inc["first_reported"]:
            reported += f" .. {inc['last_reported']}"
        add_row(table, inc["id"], inc["event_type"], dt.get("value"), "; ".join(inc["actors"]),
                "; ".join(inc["recipients"]), inc["articles"], inc["sources"], reported, flags)
    _console(out).print(table)


def print_remarks(remarks: list[Record], out: TextIO) -> None:
    """A table of remark groups: speaker, fullest wording, how often quoted, changed wordings."""
    table = new_table(f"Remarks ({len(remarks)})",
                      ("id", "speaker", "first said", "reports", "sources", "fullest wording", "changed"))
    for rem in remarks:
        add_row(table, rem["id"], rem["speaker"], rem["first_said"], rem["reports_count"], rem["sources"],
                _short(rem["fullest"]), "; ".join(rem["changes"]))
    _console(out).print(table)


def print_responses(responses: list[Record], out: TextIO) -> None:
    """A table of answers beside what they answer."""
    table = new_table(f"Responses ({len(responses)})",
                      ("said", "speaker", "relation", "answer", "answers", "claimed by"))
    for r in responses:
        claim = r.get("answers") or {}
        what = _short(claim.get("text"), 60) if claim else (r.get("incident") or {}).get("incident", "")
        add_row(table, r["said"], r["speaker"], r["relation"], _short(r["text"], 60), what, claim.get("speaker"))
    _console(out).print(table)


def print_timeline(rows: list[Record], out: TextIO, actor: str) -> None:
    """An actor's positions and answers by date."""
    table = new_table(f"Timeline of {actor} ({len(rows)})",
                      ("date", "kind", "position", "counterpart", "text", "answers"))
    for r in rows:
        position = r["position"] + (f" ({', '.join(r['flags'])})" if r.get("flags") else "")
        add_row(table, r["date"], r["kind"], position, r["counterpart"], _short(r["text"], 70),
                _short(r.get("answers"), 50))
    _console(out).print(table)
