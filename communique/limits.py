"""Per-article resource limits: articles that would need too much memory or time are skipped, not run.

Memory is estimated before analysis from the number of tokens (spaCy's Doc and our records grow
with it; the parser itself works on pieces of bounded size); time is enforced while analysing, by
an alarm that interrupts the article. The figures behind the constants are in the README
("Reliability").
"""

from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Optional

from communique.options import Options
from communique.records import Article

# Measured before long articles were parsed without their tok2vec tensor and pieces: the whole-article Doc
# and the records took about 0.8 KB a token on top of the model (643 MB peak for a 996,459-character article
# of 210,000 tokens, 485 MB for a tenth of it); now about 0.3 KB (554 MB against 506 MB for a tenth,
# benchmarks/long_articles.py). The estimate stays at 2 KB: room for token-dense text.
KB_PER_TOKEN = 2.0
_TOKENS = re.compile(r"\w+|[^\w\s]")
# Where one sentence ends: a full stop, question or exclamation mark (also CJK ones) before a space,
# or a line break.
_SENTENCE_ENDS = re.compile(r"[.!?\u3002\uff01\uff1f]+[\"'\u201d\u2019)\]]*(?:\s|$)|\n")
_WORDS = re.compile(r"\S+")


class OverTime(Exception):
    """Raised inside an article's analysis when its time budget runs out."""

    def __init__(self, seconds: float):
        super().__init__(f"analysis took longer than the {seconds:g} s time budget (--time-budget)")


def estimated_mb(text: str) -> int:
    """Memory the analysis of `text` is expected to need beyond the loaded model, in MB."""
    tokens = sum(1 for _ in _TOKENS.finditer(text))  # counted, not listed: a huge text is not copied again
    return round(tokens * KB_PER_TOKEN / 1024)


def longest_sentence(text: str) -> int:
    """Words in the longest stretch of `text` without a sentence end or a line break."""
    longest = start = 0
    for match in _SENTENCE_ENDS.finditer(text):
        longest = max(longest, _count_words(text, start, match.start()))
        start = match.end()
    return max(longest, _count_words(text, start, len(text)))


def _count_words(text: str, start: int, end: int) -> int:
    """Whitespace-separated words in text[start:end], counted without copying when short."""
    if end - start < 2 * 1024:
        return len(text[start:end].split())
    return sum(1 for _ in _WORDS.finditer(text, start, end))


def too_long(length: int, cap: int) -> str:
    """The over-the-character-cap message."""
    return f"article is {length:,} characters, over the {cap:,} cap (--max-chars)"


def over_budget(article: Article, options: Options) -> Optional[str]:
    """Why `article` must not be analysed under `options` (too long, too big, a runaway sentence), or None."""
    text = article.text or ""
    if len(text) > options.max_chars:
        return too_long(len(text), options.max_chars)
    words = longest_sentence(text)
    if words > options.max_sentence_words:
        return (f"a sentence of {words:,} words (no sentence end), over the {options.max_sentence_words:,}-word "
                "limit (--max-sentence-words)")
    need = estimated_mb(text)
    if need > options.memory_budget:
        return (f"analysis would need about {need:,} MB, over the {options.memory_budget:,} MB memory budget "
                "(--memory-budget)")
    return None


@contextmanager
def deadline(seconds: Optional[float]) -> Iterator[None]:
    """Raise OverTime in the block after `seconds` (main thread only, where signals are delivered)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise OverTime(seconds)

    outer, _ = signal.getitimer(signal.ITIMER_REAL)  # someone else's alarm (a test timeout) is put back after
    began = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - began), 0.001))
