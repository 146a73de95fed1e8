"""Remarks: one speaker's remark quoted in many articles, whole, in part, paraphrased or changed.

Similarity is rapidfuzz's token-set ratio over content words; the wording check uses rapidfuzz's
opcodes over words. The pair test looks at the two statements only, so groups do not depend on
the order articles arrive in.
"""

from __future__ import annotations

from typing import Any, Optional

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from communique.links.features import words

SAME_SCORE = 70  # token-set ratio at which two contents of one speaker are one remark
COVERAGE = 0.6  # ... when they share this much of the shorter one's content words
MIN_WORDS = 3  # a shorter content ("the sanctions") is too little to tell a remark by
WINDOW_DAYS = 60  # a remark is looked for among the speaker's statements this many days either side
KEY_MIN_LEN = 4  # content words this long index a statement


def features(st: dict[str, Any], day: Optional[int]) -> dict[str, Any]:
    """What the pair test needs from one stored statement (contract dict)."""
    content = st["content"]["text"]
    sp = st.get("speaker") or {}
    return {"id": st["id"], "doc": st["doc"], "speaker": sp.get("actor_id"), "kind": st["kind"],
            "day": day, "words": words(content), "text": content}


def linkable(f: dict[str, Any]) -> bool:
    """A statement with a known speaker, a date and enough words to recognise."""
    return bool(f["speaker"]) and f["day"] is not None and len(set(f["words"])) >= MIN_WORDS


def keys(f: dict[str, Any]) -> set[str]:
    """Blocking keys: the speaker with each longer content word (both index and probe)."""
    return {f"{f['speaker']}|{w}" for w in f["words"] if len(w) >= KEY_MIN_LEN and not w.isdigit()}


def same_remark(a: dict[str, Any], b: dict[str, Any]) -> Optional[dict[str, Any]]:
    """How two statements are one remark (kind, score, reasons), or None. Symmetric in a and b."""
    if a["id"] > b["id"]:
        a, b = b, a
    if a["speaker"] != b["speaker"] or not (linkable(a) and linkable(b)):
        return None
    if abs(a["day"] - b["day"]) > WINDOW_DAYS:
        return None
    wa, wb = " ".join(a["words"]), " ".join(b["words"])
    score = fuzz.token_set_ratio(wa, wb)
    shared = sorted(set(a["words"]) & set(b["words"]))
    coverage = len(shared) / min(len(set(a["words"])), len(set(b["words"])))
    if score < SAME_SCORE or coverage < COVERAGE:
        return None
    kind, change = wording(a, b)
    why = {"speaker": a["speaker"], "score": round(score, 1), "coverage": round(coverage, 2),
           "shared": " ".join(shared[:12])}
    if change:
        why["changed"] = change
    return {"kind": kind, "score": round(score, 1), "why": why}


def wording(a: dict[str, Any], b: dict[str, Any]) -> tuple[str, Optional[str]]:
    """same, partial (one quote inside the other), changed (two quotes that disagree inside) or paraphrase."""
    xa, xb = _plain(a["text"]), _plain(b["text"])
    if xa == xb:
        return "same", None
    if a["kind"] == "indirect" or b["kind"] == "indirect":
        return "paraphrase", None
    ops = [op for op in Levenshtein.opcodes(xa, xb) if op.tag != "equal"]
    inner = [op for op in ops if op.src_start > 0 and op.src_end < len(xa) and op.dest_start > 0
             and op.dest_end < len(xb)]
    if not inner:
        return "partial", None
    if a["kind"] == "direct" and b["kind"] == "direct":
        diff = "; ".join(f"{' '.join(xa[op.src_start:op.src_end]) or '-'} / {' '.join(xb[op.dest_start:op.dest_end]) or '-'}"
                         for op in inner[:4])
        return "changed", diff
    return "paraphrase", None


def _plain(text: str) -> list[str]:
    """Every word of a text, lower-cased, punctuation dropped (for comparing wordings)."""
    import re

    return re.findall(r"[^\W_]+(?:['\u2019][^\W_]+)?", text.lower().replace("\u2019", "'"))
