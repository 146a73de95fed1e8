"""Character ranges for statement contents: trimming, quote marks, word-character coverage."""

from __future__ import annotations

from spacy.tokens import Token

from communique.extract.statements.quotes import QUOTE_CHARS

Ranges = list[tuple[int, int]]
LEAD_WORDS = ("that ", "That ")
EDGE_PUNCT = set(",;:\u2014\u2013-") | QUOTE_CHARS


def token_range(tokens: list[Token]) -> tuple[int, int]:
    """Character range covering a run of tokens."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def subtree_range(token: Token, exclude: set[int] = frozenset()) -> Ranges:
    """Character ranges of a token's subtree, skipping excluded token indices."""
    return ranges_of([t for t in token.subtree if t.i not in exclude])


def ranges_of(tokens: list[Token]) -> Ranges:
    """Contiguous character ranges covered by tokens (gaps in token order split a range)."""
    out: Ranges = []
    run: list[Token] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if run and t.i != run[-1].i + 1:
            out.append(token_range(run))
            run = []
        run.append(t)
    if run:
        out.append(token_range(run))
    return out


def trim(text: str, ranges: Ranges, keep_final_stop: bool = False) -> Ranges:
    """Strip edge punctuation, quote marks and a leading 'that'; split around inner quote marks."""
    out: Ranges = []
    for start, end in _bridge(text, ranges):
        piece_start = start
        for i in range(start, end + 1):
            if i == end or text[i] in QUOTE_CHARS and _is_mark(text, i):
                if i > piece_start:
                    out.append((piece_start, i))
                piece_start = i + 1
    out = [_strip(text, s, e) for s, e in out]
    out = [(s, e) for s, e in out if e > s]
    if out:
        s, e = out[0]
        if text[s:e].startswith(LEAD_WORDS) and e - s > 5:
            out[0] = _strip(text, s + 5, e)
    if out and not keep_final_stop:
        s, e = out[-1]
        while e > s and text[e - 1] in ".!?" + "".join(EDGE_PUNCT) or e > s and text[e - 1].isspace():
            e -= 1
        out[-1] = (s, e)
    return [(s, e) for s, e in out if e > s]


def _bridge(text: str, ranges: Ranges) -> Ranges:
    """Join ranges separated only by whitespace: one phrase, not two pieces."""
    out: Ranges = []
    for s, e in sorted(ranges):
        if out and text[out[-1][1] : s].isspace():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _is_mark(text: str, i: int) -> bool:
    """A quote character that is a mark, not an apostrophe inside a word."""
    ch = text[i]
    if ch in "'\u2019":
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        # "gangs’ suppliers": a plural possessive, written with either apostrophe
        possessive = before.isalpha() and after == " " and (ch == "'" or before in "sS")
        return not (before.isalnum() and after.isalnum()) and not possessive
    return True


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """Range without surrounding whitespace and edge punctuation."""
    while s < e and (text[s].isspace() or text[s] in EDGE_PUNCT):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in EDGE_PUNCT):
        e -= 1
    return s, e


def join(text: str, ranges: Ranges) -> str:
    """Content text from its pieces: a gap of only quote marks keeps its spacing, others become a space."""
    parts = []
    for k, (s, e) in enumerate(ranges):
        if k:
            gap = text[ranges[k - 1][1] : s]
            if len(gap) <= 3 and "\n" not in gap and all(c in QUOTE_CHARS or c.isspace() for c in gap):
                parts.append("".join(c for c in gap if c.isspace()))
            else:
                parts.append(" ")
        parts.append(text[s:e])
    return "".join(parts)


def word_chars(text: str, ranges: Ranges) -> set[int]:
    """Offsets of letters and digits covered by the ranges."""
    return {i for s, e in ranges for i in range(s, e) if text[i].isalnum()}


def merge(ranges: Ranges) -> Ranges:
    """Sorted, non-overlapping union of ranges."""
    out: Ranges = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
