"""Shared set-up for the serve tests: a store filled through the write API with the fake pipeline."""

from __future__ import annotations

import json
import warnings

import pytest

from communique import pipeline
from communique.options import Options
from fake_nlp import fake_nlp

warnings.filterwarnings("ignore", message=".*httpx.*")  # starlette's TestClient prefers another package

from fastapi.testclient import TestClient  # noqa: E402

from communique.serve import ServeConfig, create_app  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLES = [
    {"id": "a", "published": "2026-03-10", "title": "Ferry talks",
     "text": "Oslo -- Anna Berg said the ferry talks would resume in spring.\n\n"
             "Anna Berg met Olav Dahl at the harbour office. Olav Dahl said no date had been set."},
    {"id": "b", "published": "2026-03-12", "title": "Bridge",
     "text": "Tromso -- Kari Holm said the bridge would reopen. Olav Dahl said the toll would stay."},
    {"id": "c", "published": "2026-04-02", "title": "Ferry stops",
     "text": "Kari Holm said the ferry would stop. Kari Holm said Olav Dahl had left. Kari Holm met Anna Berg."},
]


@pytest.fixture
def fake(monkeypatch):
    """Extraction by the fake pipeline, in this process (the model is not the point of these tests)."""
    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), fake_nlp())


def make_client(tmp_path, db=None, **config) -> TestClient:
    """A test client over a new store: `db` (a file or a postgresql:// URL), else serve.db in tmp_path."""
    target = db or str(tmp_path / "serve.db")
    client = TestClient(create_app(ServeConfig(db=target, **config)))
    client.store_target = target
    return client


def jsonl(*records) -> bytes:
    """JSON Lines bytes."""
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


@pytest.fixture
def client(tmp_path, fake, store_target):
    """A server with writes on, holding the three articles above, once per store backend."""
    with make_client(tmp_path, db=store_target, token=TOKEN) as c:
        r = c.post("/api/articles", content=jsonl(*ARTICLES), headers={**AUTH, "Content-Type": "application/x-ndjson"})
        assert r.status_code == 201, r.text
        yield c


def ids(response) -> list[str]:
    """The ids of a list response's items."""
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]
