"""Per-article limits: memory estimate, runaway sentences, and the time budget."""

from __future__ import annotations

import signal
import time

import pytest

from communique import limits
from communique.options import Options
from communique.records import Article


def test_memory_estimate_counts_tokens():
    assert limits.estimated_mb("") == 0
    assert limits.estimated_mb("Solberg said so. " * 65_536) == 4 * 65_536 * 2 // 1024  # 4 tokens a sentence
    assert limits.estimated_mb("!" * 524_288) == 1_024  # every mark is a token: dense text needs more


def test_longest_sentence_counts_words_between_sentence_ends_and_line_breaks():
    assert limits.longest_sentence("") == 0
    assert limits.longest_sentence("One two three. Four five!\nSix seven eight nine") == 4
    assert limits.longest_sentence("\u201cQuoted words here.\u201d Then two.") == 3
    assert limits.longest_sentence("word " * 20_000) == 20_000
    assert limits.longest_sentence("v1.2 and 3.5 stay one sentence") == 6


def test_over_budget_names_the_first_limit_passed():
    opts = Options(max_chars=100, max_sentence_words=5, memory_budget=1)
    assert limits.over_budget(Article("a", "x" * 101), opts) == "article is 101 characters, over the 100 cap (--max-chars)"
    assert limits.over_budget(Article("a", "one two three four five six"), opts) == (
        "a sentence of 6 words (no sentence end), over the 5-word limit (--max-sentence-words)")
    dense = Options(max_chars=10_000, memory_budget=1)
    assert limits.over_budget(Article("a", "!" * 1_000), dense) == (
        "analysis would need about 2 MB, over the 1 MB memory budget (--memory-budget)")
    assert limits.over_budget(Article("a", "Fine. Short."), opts) is None


def test_deadline_interrupts_the_block_and_puts_back_an_outer_alarm():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(True))
    signal.setitimer(signal.ITIMER_REAL, 5.0)
    try:
        with pytest.raises(limits.OverTime, match=r"^analysis took longer than the 0.2 s time budget"):
            with limits.deadline(0.2):
                time.sleep(3)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 4.0 < remaining < 5.0
        assert signal.getsignal(signal.SIGALRM) is not limits.OverTime
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


def test_no_deadline_when_the_budget_is_zero():
    with limits.deadline(0):
        time.sleep(0.01)
