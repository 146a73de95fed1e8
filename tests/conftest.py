"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp_base():
    """spaCy's English model alone."""
    from communique.nlp import load_base

    return load_base()


@pytest.fixture(scope="session")
def nlp():
    """The full Communiqué pipeline."""
    from communique.nlp import load

    return load()


@pytest.fixture
def run(nlp):
    """Run the pipeline on a text with an optional publication date; returns the Doc."""
    from communique.nlp import make_doc

    def _run(text, published=None, doc_id="t"):
        return nlp(make_doc(nlp, text, doc_id, published))

    return _run


@pytest.fixture(scope="session")
def nlp_events():
    """The bare model with the event coder alone (no statement component)."""
    import communique.extract.events.component  # noqa: F401
    from communique.nlp import load_base

    nlp = load_base()
    nlp.add_pipe("communique_events")
    return nlp


EVENTS_PUB = date(2026, 3, 12)  # a Thursday


@pytest.fixture
def code(nlp_events):
    """Events of one text (event coder alone), published on a Thursday, 2026-03-12."""
    from communique.nlp import make_doc

    def _code(text, published=EVENTS_PUB, doc_id="t"):
        return nlp_events(make_doc(nlp_events, text, doc_id, published))._.events

    return _code
