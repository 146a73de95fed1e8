"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

# CI: a fixed number of examples from a fixed seed, so a run is repeatable; `make fuzz` runs "long".
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("ci", max_examples=500, derandomize=True, deadline=None, database=None,
                          suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("long", max_examples=5_000, deadline=None, suppress_health_check=_SLOW_OK,
                          print_blob=True)
# The CI examples without shrinking: the first failing example as drawn, at once (shrinking the pipeline is slow).
settings.register_profile("triage", settings.get_profile("ci"), phases=[Phase.explicit, Phase.generate])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
