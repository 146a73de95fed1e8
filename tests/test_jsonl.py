"""JSON Lines records: depth checked without recursion, fields validated with a clear reason."""

from __future__ import annotations

import json

import pytest

from communique import jsonl
from communique.jsonl import Invalid


def test_nesting_deeper_than_the_limit_is_refused_before_decoding():
    assert not jsonl.too_deep(b"[" * 64 + b"]" * 64)
    assert jsonl.too_deep(b"[" * 65 + b"]" * 65)
    with pytest.raises(Invalid, match="^JSON nested more than 64 levels deep$"):
        jsonl.parse(b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def test_brackets_inside_strings_do_not_count():
    text = "[" * 500 + '\\"{' * 100
    raw = json.dumps({"id": "b", "text": text}).encode()
    assert not jsonl.too_deep(raw)
    assert jsonl.parse(raw)["text"] == text


@pytest.mark.parametrize("raw, reason", [
    (b'{"id": 1', "malformed JSON (Expecting ',' delimiter)"),
    (b"[1, 2]", "expected a JSON object, got list"),
    (b'{"text": "caf\xe9"}', "not valid UTF-8 (JSON Lines must be UTF-8)"),
])
def test_lines_that_are_not_objects_say_why(raw, reason):
    with pytest.raises(Invalid) as err:
        jsonl.parse(raw)
    assert str(err.value) == reason


@pytest.mark.parametrize("record, reason", [
    ({"id": "x\udc80", "text": "T."}, "'id' has a lone surrogate (U+DC80 at character 1)"),
    ({"id": "a\nb", "text": "T."}, "'id' has a control character (U+000A at character 1)"),
    ({"id": "ab\u202e", "text": "T."}, "'id' has a control character (U+202E at character 2)"),
    ({"id": "\u2028", "text": "T."}, "'id' has a control character (U+2028 at character 0)"),
    ({"id": "x" * 257, "text": "T."}, "'id' is 257 characters, over 256"),
    ({"id": ["a"], "text": "T."}, "'id' must be a string or an integer, got list"),
    ({"id": True, "text": "T."}, "'id' must be a string or an integer, got bool"),
    ({"id": "ok", "text": "Half a pair: \ud83d."}, "'text' has a lone surrogate (U+D83D at character 13)"),
    ({"id": "ok", "text": "T.", "title": "\udfff"}, "'title' has a lone surrogate (U+DFFF at character 0)"),
    ({"id": "ok", "text": "A \x00 byte."}, "'text' has a NUL character (binary data)"),
])
def test_fields_that_cannot_be_stored_or_printed_are_refused(record, reason):
    obj = jsonl.parse(json.dumps(record).encode())
    with pytest.raises(Invalid) as err:
        jsonl.check_fields(obj)
    assert str(err.value) == reason


def test_ordinary_ids_and_text_pass():
    obj = jsonl.parse(json.dumps({"id": "Åsa-2026/03 \u4e2d", "text": "Tab\tand\nlines, \U0001F642."}).encode())
    jsonl.check_fields(obj)
    jsonl.check_fields({"id": 42, "text": "T."})
    jsonl.check_fields({"text": "No id."})
