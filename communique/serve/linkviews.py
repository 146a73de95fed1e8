"""Link records turned into what the incident, remark, responses and actor pages show side by side."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from rapidfuzz.distance import Levenshtein

from communique.serve.views import actor_url, article_url

Row = dict[str, Any]
# The words a wording check compares (links/remarks.py reads wordings the same way).
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
# Reasons in the order a reader checks them; any other key follows.
WHY_ORDER = ("type", "dates", "actors", "recipients", "participants", "note", "changed", "shared", "score",
             "coverage")


def incident_url(incident_id: str) -> str:
    """An incident's page (any member event's id finds it)."""
    return f"/incidents/{quote(incident_id, safe=':')}"


def remark_url(remark_id: str) -> str:
    """A remark group's page (any member statement's id finds it)."""
    return f"/remarks/{quote(remark_id, safe=':')}"


def why_items(why: Row, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The reasons of one join as (what, why) pairs, in reading order."""
    keys = [k for k in WHY_ORDER if k in why] + sorted(k for k in why if k not in WHY_ORDER)
    return [(k, str(why[k])) for k in keys if k not in skip]


def _numbered(links: list[Row], number: dict[str, int], skip: tuple[str, ...] = ()) -> list[Row]:
    """Each join between two reports, by their numbers on the page (lower first), with its reasons."""
    out = []
    for link in links:
        na, nb, why = number.get(link["a"], 0), number.get(link["b"], 0), link["why"]
        if na > nb:
            na, nb = nb, na
            if "changed" in why:
                why = {**why, "changed": _flipped(why["changed"])}
        out.append({**link, "na": na, "nb": nb, "reasons": why_items(why, skip)})
    return sorted(out, key=lambda j: (j["na"], j["nb"]))


def _flipped(changes: str) -> str:
    """Changed words "in a / in b; ..." read from b's side (links/remarks.py writes them from a's)."""
    return "; ".join(" / ".join(reversed(c.split(" / "))) for c in changes.split("; "))


def incident_view(inc: Row, asked: str) -> Row:
    """An incident with numbered reports (each linking to its sentence) and its joins."""
    number = {r["event_id"]: i for i, r in enumerate(inc["reports"], 1)}
    reports = [{**r, "n": number[r["event_id"]], "url": article_url(r["doc"], r["event_id"]),
                "article": article_url(r["doc"]), "asked": r["event_id"] == asked != inc["id"],
                "claim_url": article_url(r["doc"], r["claimed_by"]) if r.get("claimed_by") else None}
               for r in inc["reports"]]
    return {**inc, "reports": reports, "joins": _numbered(inc.get("links") or [], number)}


def remark_view(rem: Row, asked: str) -> Row:
    """A remark group with numbered wordings, the words that changed between quotes marked, and its joins."""
    number = {r["statement_id"]: i for i, r in enumerate(rem["reports"], 1)}
    texts = {r["statement_id"]: r["text"] for r in rem["reports"]}
    marked: dict[str, set[tuple[int, int]]] = {sid: set() for sid in texts}
    for link in rem["links"]:
        if link["kind"] == "changed" and link["a"] in texts and link["b"] in texts:
            in_a, in_b = changed_spans(texts[link["a"]], texts[link["b"]])
            marked[link["a"]].update(in_a)
            marked[link["b"]].update(in_b)
    reports = [{**r, "n": number[r["statement_id"]], "url": article_url(r["doc"], r["statement_id"]),
                "article": article_url(r["doc"]), "asked": r["statement_id"] == asked != rem["id"],
                "pieces": pieces(r["text"], marked[r["statement_id"]])} for r in rem["reports"]]
    return {**rem, "reports": reports, "actor_url": actor_url(rem["actor_id"]) if rem.get("actor_id") else None,
            "joins": _numbered(rem["links"], number, skip=("speaker", "score"))}


def changed_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ inside two quotes of one remark (not at either end,
    where one quote is only shorter than the other), in a and in b."""
    wa, wb = list(WORD.finditer(a)), list(WORD.finditer(b))
    ops = Levenshtein.opcodes([_plain(m) for m in wa], [_plain(m) for m in wb])
    in_a: list[tuple[int, int]] = []
    in_b: list[tuple[int, int]] = []
    for op in ops:
        inner = 0 < op.src_start and op.src_end < len(wa) and 0 < op.dest_start and op.dest_end < len(wb)
        if op.tag == "equal" or not inner:
            continue
        in_a += [m.span() for m in wa[op.src_start:op.src_end]]
        in_b += [m.span() for m in wb[op.dest_start:op.dest_end]]
    return in_a, in_b


def _plain(m: re.Match) -> str:
    """A word as the wording check compares it."""
    return m.group().lower().replace("\u2019", "'")


def pieces(text: str, spans: set[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The text cut into (piece, changed) runs."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def response_view(resp: Row) -> Row:
    """An answer beside the claim (or incident) it answers, each linking to its sentence."""
    claim = resp.get("answers")
    inc = resp.get("incident")
    return {
        **resp, "url": article_url(resp["doc"], resp["id"]),
        "speaker_url": actor_url(resp["actor_id"]) if resp.get("actor_id") else None,
        "claim": None if not claim else {
            **claim, "url": article_url(claim["doc"], claim["statement_id"]), "remark_url": remark_url(claim["remark"]),
            "speaker_url": actor_url(claim["actor_id"]) if claim.get("actor_id") else None},
        "incident_url": incident_url(inc["incident"]) if inc else None,
    }


def position_views(rows: list[Row], answers: dict[str, Row]) -> list[Row]:
    """Timeline rows with the claim and the answer side by side.

    A position (a threat, a demand...) sits beside the answers drawn by its incident; an answer the
    actor gave sits beside the claim it answers; an answer the actor drew sits beside the actor's claim.
    """
    by_incident: dict[str, list[Row]] = {}
    for row in rows:
        if row["kind"] != "position" and row.get("incident"):
            by_incident.setdefault(row["incident"], []).append(row)
    out = []
    for row in rows:
        view = {**row, "url": article_url(row["doc"], row["id"]),
                "incident_url": incident_url(row["incident"]) if row.get("incident") else None}
        if row["kind"] == "position":
            replies = by_incident.get(row["incident"], [])
            view["replies"] = [{**r, "url": article_url(r["doc"], r["id"])} for r in replies]
        else:
            resp = answers.get(row["id"]) or {}
            claim = resp.get("answers")
            view["claim_url"] = article_url(claim["doc"], claim["statement_id"]) if claim else None
            view["actor_url"] = actor_url(resp["actor_id"]) if resp.get("actor_id") else None
            view["counterpart_url"] = actor_url(claim["actor_id"]) if claim and claim.get("actor_id") else None
        out.append(view)
    return out
