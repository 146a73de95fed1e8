"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

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
