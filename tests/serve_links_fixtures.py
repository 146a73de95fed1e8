"""Shared set-up for the link pages and endpoints: the links corpus analysed by the real model, in a store of
each backend (SQLite, PostgreSQL).

`links_client` serves the corpus alone. `more_client` adds two articles: a lawmaker whose name contains a
minister's ("Karim Bennani Idrissi" and "Karim Bennani") and a denial of what nobody here claimed, and a hostile rewrite of a trawler story (markup in
its id, title, source and text) that joins an incident and a remark of the corpus.
"""

from __future__ import annotations

import copy
import warnings
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

from communique.evaluate.links_gold import load_articles
from communique.options import Options
from communique.pipeline import run
from communique.records import Article
from communique.store import Store
from conftest import BACKENDS, fresh_schema

warnings.filterwarnings("ignore", message=".*httpx.*")  # starlette's TestClient prefers another package

from fastapi.testclient import TestClient  # noqa: E402

from communique.serve import ServeConfig, create_app  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "links"
IDRISSI = Article(
    "hw-0309-idrissi",
    "Moroccan opposition lawmaker Karim Bennani Idrissi threatened on Monday to block the fisheries agreement "
    "with Portugal in parliament.\n\n"
    "\"The quotas were written in Lisbon, not in Agadir,\" Bennani Idrissi told reporters.\n\n"
    "The fisheries ministry rejected the claim that the quotas were written in Lisbon.\n\n"
    "Spain's agriculture minister Elena Ruiz denied that Madrid had asked for a share of the catch.",
    title="Lawmaker threatens fisheries deal", published=date(2026, 3, 9), source="Harbor Wire")
HOSTILE_ID = "<b>hostile</b>"


def hostile(corpus: list[Article]) -> Article:
    """A rewrite of hw-0309-trawlers with markup in every field a link page shows."""
    base = {a.id: a for a in corpus}["hw-0309-trawlers"]
    text = (base.text.replace("The two countries", "<script>alert('text')</script> The two countries")
            .replace("told reporters", "told <img src=x onerror=alert(1)> reporters"))
    return Article(HOSTILE_ID, text, title="<script>alert('title')</script>", published=base.published,
                   source="<img src=x onerror=alert('src')>")


@pytest.fixture(scope="module")
def analysed(nlp):
    """The corpus and the two extra articles, analysed once: (corpus results, extra results)."""
    corpus = load_articles(CORPUS)
    done = list(run(corpus + [IDRISSI, hostile(corpus)], Options(), nlp=nlp))
    return done[:len(corpus)], done[len(corpus):]


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    """The store backend of this module's stores: each test runs once per backend."""
    return request.param


@contextmanager
def _target(backend: str, tmp_path_factory, name: str) -> Iterator[str]:
    """A new, empty store location for the module: an SQLite file, or a PostgreSQL schema dropped afterwards."""
    if backend == "sqlite":
        yield str(tmp_path_factory.mktemp(name) / f"{name}.db")
        return
    with fresh_schema(f"t_{name}") as target:
        yield target


def _serve(target: str, results: list) -> TestClient:
    """A test client over a new store holding these results (linked at ingest)."""
    with Store(target) as store:
        for r in copy.deepcopy(results):
            store.add(r)
    return TestClient(create_app(ServeConfig(db=target)))


@pytest.fixture(scope="module")
def links_db(backend, tmp_path_factory):
    """Where the corpus store lives (for the CLI to read too)."""
    with _target(backend, tmp_path_factory, "links") as target:
        yield target


@pytest.fixture(scope="module")
def links_client(analysed, links_db):
    with _serve(links_db, analysed[0]) as client:
        yield client


@pytest.fixture(scope="module")
def more_client(analysed, backend, tmp_path_factory):
    with _target(backend, tmp_path_factory, "more") as target, _serve(target, analysed[0] + analysed[1]) as client:
        yield client


def items(client: TestClient, url: str, **params) -> list[dict]:
    """Every item of a list endpoint, following its cursors."""
    out, cursor = [], None
    while True:
        r = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        out += r.json()["items"]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            return out
