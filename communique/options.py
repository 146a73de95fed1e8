"""Run options, passed as one object instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own nlp.max_length
DEFAULT_MEMORY_BUDGET = 1_024  # MB one article's analysis may take beyond the model (see limits.py)
DEFAULT_TIME_BUDGET = 1_200.0  # seconds; the largest allowed article takes about 45 s on a 2-vCPU Xeon
DEFAULT_MAX_SENTENCE_WORDS = 10_000  # no prose sentence comes near; runaway text does


@dataclass
class Options:
    """Settings shared by every stage of a run."""

    model: Optional[str] = None  # None: en_core_web_sm if installed, else the PyPI copy
    published: Optional[date] = None  # overrides/fills the article's publication date
    max_chars: int = DEFAULT_MAX_CHARS
    workers: int = 1
    batch_size: int = 16
    actors_file: Optional[str] = None
    kb_file: Optional[str] = None  # actors imported with `communique actors import`, over the shipped knowledge base
    beliefs: bool = False  # also attribute beliefs and knowledge ("X believes", "polls show")
    memory_budget: int = DEFAULT_MEMORY_BUDGET  # MB
    time_budget: float = DEFAULT_TIME_BUDGET  # seconds per article; 0 for none
    max_sentence_words: int = DEFAULT_MAX_SENTENCE_WORDS
