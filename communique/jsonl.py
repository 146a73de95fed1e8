"""One JSON Lines record, parsed safely: nesting depth checked before decoding, fields validated.

Python's json decoder recurses once per nesting level, so a line of a few thousand '[' would raise
RecursionError; the depth is measured first, without recursion. Strings from JSON may hold lone
surrogates ("\\udc80") that no file or database can store, so they are refused here, by field.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Optional

MAX_DEPTH = 64  # nesting levels; an article record needs 1
MAX_ID_CHARS = 256
# A JSON string (escapes skipped whole) or a bracket; strings may hold brackets that do not count.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_OPENERS = frozenset(b"[{")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that would let an id break a message line or show something other than it is.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ID_FIELDS = ("id",)
_TEXT_FIELDS = ("text", "title", "source", "url", "published")


class Invalid(ValueError):
    """A line that is not a usable article record; the message is the skip reason."""


def too_deep(raw: bytes, most: int = MAX_DEPTH) -> bool:
    """Whether arrays and objects in a JSON text nest more than `most` levels (counted without recursion)."""
    if raw.count(b"[") + raw.count(b"{") <= most:
        return False  # not even that many brackets (the usual case, at C speed)
    level = 0
    for match in _TOKENS.finditer(raw):
        token = match.group()
        if len(token) != 1:
            continue  # a string
        level += 1 if token[0] in _OPENERS else -1
        if level > most:
            return True
    return False


def parse(raw: bytes) -> dict[str, Any]:
    """The JSON object on a line; Invalid (with the reason) for anything else."""
    if too_deep(raw):
        raise Invalid(f"JSON nested more than {MAX_DEPTH} levels deep")
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise Invalid("not valid UTF-8 (JSON Lines must be UTF-8)") from None
    except json.JSONDecodeError as err:
        raise Invalid(f"malformed JSON ({err.msg})") from None
    except RecursionError:  # the depth check should make this unreachable; never crash on it
        raise Invalid(f"JSON nested more than {MAX_DEPTH} levels deep") from None
    if not isinstance(obj, dict):
        raise Invalid(f"expected a JSON object, got {type(obj).__name__}")
    return obj


def is_object_line(raw: bytes) -> bool:
    """Whether a line holds one JSON object (how piped input is recognised as JSON Lines)."""
    try:
        parse(raw)
    except Invalid:
        return False
    return True


def check_fields(obj: dict[str, Any]) -> None:
    """Invalid when a field an article is built from could not be stored or printed safely."""
    for key in _TEXT_FIELDS:
        value = obj.get(key)
        if isinstance(value, str):
            _no_surrogates(key, value)
    if isinstance(obj.get("text"), str) and "\x00" in obj["text"]:
        raise Invalid("'text' has a NUL character (binary data)")
    doc_id = obj.get("id")
    if doc_id in (None, ""):
        return
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise Invalid(f"'id' must be a string or an integer, got {type(doc_id).__name__}")
    if isinstance(doc_id, str):
        check_id(doc_id)


def check_id(doc_id: str) -> None:
    """Invalid for an id with lone surrogates, control or line-breaking characters, or over the length."""
    _no_surrogates("id", doc_id)
    if len(doc_id) > MAX_ID_CHARS:
        raise Invalid(f"'id' is {len(doc_id):,} characters, over {MAX_ID_CHARS}")
    for k, ch in enumerate(doc_id):
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in _BIDI:
            raise Invalid(f"'id' has a control character (U+{ord(ch):04X} at character {k})")


def _no_surrogates(key: str, value: str) -> None:
    """Invalid when `value` holds a lone surrogate, naming the field and where."""
    match = _SURROGATE.search(value)
    if match:
        code = ord(match.group())
        raise Invalid(f"'{key}' has a lone surrogate (U+{code:04X} at character {match.start()})")


def opt_str(value: object) -> Optional[str]:
    """A string field, or None when absent or empty."""
    return str(value) if value not in (None, "") else None
