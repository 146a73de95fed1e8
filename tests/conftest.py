"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

import os
import sqlite3
import uuid
from contextlib import contextmanager
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

# The PostgreSQL server for the store tests: COMMUNIQUE_DB when it is a postgresql:// URL, else the
# throwaway cluster that `make test` starts (COMMUNIQUE_TEST_PG). Tests never see COMMUNIQUE_DB
# themselves, so no command under test writes to a store it was not given.
_DB = os.environ.pop("COMMUNIQUE_DB", "")
PG_URL = _DB if _DB.startswith(("postgresql://", "postgres://")) else os.environ.get("COMMUNIQUE_TEST_PG", "")
BACKENDS = ["sqlite", "postgres"]


def pg_url() -> str:
    """The test server's URL, or skip (fail under `make test`, which always starts one)."""
    if not PG_URL:
        if os.environ.get("COMMUNIQUE_REQUIRE_PG"):
            pytest.fail("no PostgreSQL server for the tests (COMMUNIQUE_TEST_PG is empty)")
        pytest.skip("no PostgreSQL server: run `make test`, or set COMMUNIQUE_DB=postgresql://...")
    return PG_URL


def stored_articles(db) -> int:
    """Articles in an SQLite store another process is writing: 0 before it exists or while it is locked."""
    try:
        con = sqlite3.connect(db, timeout=0.2)
        try:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _with_schema(url: str, schema: str) -> str:
    """The URL with `schema` first on the search path (public stays: the unaccent extension lives there)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema},public"


@contextmanager
def fresh_schema(prefix: str = "t"):
    """A fresh, empty schema in the test server, dropped afterwards; yields the URL that uses it."""
    import psycopg

    from communique.store.backend import close_pool

    url = pg_url()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    target = _with_schema(url, schema)
    try:
        yield target
    finally:
        close_pool(target)
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_schema():
    """A fresh, empty schema in the test server, dropped afterwards; yields the URL that uses it."""
    with fresh_schema() as target:
        yield target


@pytest.fixture(params=BACKENDS)
def store_target(request, tmp_path):
    """Where a test's store lives, once per backend: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
    else:
        yield request.getfixturevalue("pg_schema")


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
