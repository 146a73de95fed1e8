"""Records turned into what a dashboard row shows: who, what, when, the sentence, and where it links."""

from __future__ import annotations

from typing import Any, Optional
from urllib.parse import quote

from communique.output import sentence_around

Record = dict[str, Any]


def article_url(doc: str, rid: Optional[str] = None) -> str:
    """The article page, at a record's highlight when given."""
    return f"/articles/{quote(doc, safe='')}" + (f"#{quote(rid, safe=':')}" if rid else "")


def actor_url(actor_id: str) -> str:
    """An actor's page."""
    return f"/actors/{quote(actor_id, safe='')}"


def who(ref: Optional[Record]) -> Record:
    """A speaker, actor or recipient: the name to show and a link when it is a known actor."""
    if not ref:
        return {"name": "(unresolved)", "url": None, "country": None}
    name = ref.get("name") or ref.get("text") or "(unresolved)"
    return {"name": name, "url": actor_url(ref["actor_id"]) if ref.get("actor_id") else None,
            "country": ref.get("country")}


def when(rec: Record) -> str:
    """The record's own date value, or empty when it has none."""
    dt = rec.get("date") or {}
    return dt.get("value") or ""


def row(rec: Record, texts: dict[str, str]) -> Record:
    """A statement or event as one dashboard row, with its sentence when the article text is at hand."""
    text = texts.get(rec["doc"])
    if rec.get("type") == "event":
        span = rec["trigger"]
        flags = [f for f in ("negated", "future", "hypothetical") if rec.get(f)]
        out = {"type": "event", "event_type": rec["event_type"], "mode": rec.get("mode"), "what": span["text"],
               "actors": [who(a) for a in rec["actors"]], "recipients": [who(a) for a in rec["recipients"]],
               "flags": flags, "claimed_by": rec.get("claimed_by")}
    else:
        span = rec["content"]
        cue = rec.get("cue") or {}
        out = {"type": "statement", "kind": rec["kind"], "what": span["text"], "speaker": who(rec.get("speaker")),
               "cue": cue.get("text"), "addressee": (rec.get("addressee") or {}).get("name")}
    out.update(id=rec["id"], doc=rec["doc"], date=when(rec), url=article_url(rec["doc"], rec["id"]),
               sentence=sentence_around(text, span["start"], span["end"]) if text else None)
    return out


def rows(records: list[Record], store: Any) -> list[Record]:
    """Dashboard rows for records, fetching the article texts they need in one query."""
    texts = store.article_texts([r["doc"] for r in records])
    return [row(r, texts) for r in records]
