"""Find quoted passages by scanning quotation marks, tolerating news-style paragraph reopening."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Opening mark -> the closing marks that may end it.
PAIRS = {
    "\u201c": "\u201d\u201c\"",  # “ ... ” (some copy closes with “ or a straight mark)
    "\u201e": "\u201c\u201d",  # „ ... “ (German)
    "\u00ab": "\u00bb",  # « ... »
    "\u00bb": "\u00ab",  # » ... « (reversed guillemets)
    '"': '"\u201d',
}
SINGLE_PAIRS = {"\u2018": "\u2019", "'": "'"}
DOUBLE_MARKS = set('"\u201c\u201d\u201e\u00ab\u00bb')
QUOTE_CHARS = DOUBLE_MARKS | set("\u2018\u2019'")
MAX_SINGLE_QUOTE = 400  # a longer "single-quoted" run is an apostrophe mismatch, not a quote


@dataclass
class Quote:
    """One quoted passage; `pieces` are the content ranges, one per paragraph it runs over."""

    pieces: list[tuple[int, int]]
    closed: bool = True

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset just after the last quoted character."""
        return self.pieces[-1][1]


def find_quotes(text: str) -> list[Quote]:
    """All quoted passages in `text`; single marks are used only where no double marks occur."""
    # Some house styles (and PTB-era copy) write a double mark as two apostrophes or backticks;
    # a same-length stand-in keeps every offset valid.
    text = text.replace("''", ' "').replace("``", ' "')
    if any(ch in DOUBLE_MARKS for ch in text):
        return _scan(text, PAIRS)
    return [q for q in _scan(text, SINGLE_PAIRS) if q.end - q.start <= MAX_SINGLE_QUOTE]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges: runs of text separated by line breaks."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _opens(text: str, i: int, marks: dict[str, str]) -> bool:
    """Whether the mark at i can open a quote (not an apostrophe or a closing mark)."""
    ch = text[i]
    if ch not in marks:
        return False
    if ch in "\"'":
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return (before.isspace() or before in "([{\u2014\u2013-:,;") and not after.isspace()
    if ch == "\u2018":
        before = text[i - 1] if i > 0 else " "
        return not before.isalnum()
    return True


def _closes(text: str, i: int, closers: str) -> bool:
    """Whether the mark at i can close the currently open quote."""
    ch = text[i]
    if ch not in closers:
        return False
    if ch in "'\u2019":
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isalnum()  # don't, it's: apostrophes, not closing marks
    return True


def _scan(text: str, marks: dict[str, str]) -> list[Quote]:
    """Pair marks paragraph by paragraph; an unclosed quote continues if the next paragraph reopens."""
    quotes: list[Quote] = []
    pending: Quote | None = None  # a quote left open at the end of the previous paragraph
    for p_start, p_end in _paragraphs(text):
        i = p_start
        while i < p_end and text[i].isspace():
            i += 1
        current = None
        if pending is not None:
            if i < p_end and _opens(text, i, marks):
                current, closers = pending, marks[text[i]]
                piece_start = i + 1
                i += 1
            else:
                quotes.append(pending)
            pending = None
        while i < p_end:
            if current is None:
                if _opens(text, i, marks):
                    current, closers, piece_start = Quote(pieces=[]), marks[text[i]], i + 1
            elif _closes(text, i, closers):
                current.pieces.append((piece_start, i))
                current.closed = True
                quotes.append(current)
                current = None
            i += 1
        if current is not None:
            current.pieces.append((piece_start, _rstrip(text, piece_start, p_end)))
            current.closed = False
            pending = current
    if pending is not None:
        quotes.append(pending)
    return [q for q in quotes if all(e > s for s, e in q.pieces)]


def _rstrip(text: str, start: int, end: int) -> int:
    """End offset with trailing whitespace removed."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class QuoteIndex:
    """The quotes of an article by offset, so a range is compared only with the quotes it can overlap."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = sorted(quotes, key=lambda q: q.start)  # find_quotes gives text order: a no-op there
        self.starts = [q.start for q in self.quotes]
        self.reach: list[int] = []  # the furthest end among the quotes up to each one
        for q in self.quotes:
            self.reach.append(max(q.end, self.reach[-1]) if self.reach else q.end)

    def overlapping(self, start: int, end: int) -> list[Quote]:
        """The quotes with a character inside start..end, in text order."""
        first = bisect_right(self.reach, start)  # every quote before it ends at or before `start`
        last = bisect_left(self.starts, end)
        return [q for q in self.quotes[first:last] if q.end > start]
