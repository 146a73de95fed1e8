"""The write API: bearer token, 413 and 422 paths, idempotence, whole requests or nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from communique.ingest import read_paths
from communique.options import Options
from communique.pipeline import run
from communique.store import Store
from serve_fixtures import AUTH, ARTICLES, TOKEN, client, fake, jsonl, make_client  # noqa: F401

NDJSON = {**AUTH, "Content-Type": "application/x-ndjson"}
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def counts(where) -> dict:
    """Row counts of the store at `where`: a client's store, else serve.db in a tmp_path."""
    target = getattr(where, "store_target", None) or str(where / "serve.db")
    with Store(target) as store:
        return store.counts()


@pytest.fixture
def writer(tmp_path, fake, store_target):
    """A server with writes on, once per store backend."""
    with make_client(tmp_path, db=store_target, token=TOKEN, max_body=5000) as c:
        yield c


def test_writes_are_off_without_a_token_and_reads_stay_open(tmp_path, fake):
    with make_client(tmp_path) as c:
        r = c.post("/api/articles", json=ARTICLES[0], headers=AUTH)
        assert r.status_code == 403
        assert r.json()["detail"] == "writes are off: start the server with --token or COMMUNIQUE_TOKEN"
        assert c.get("/api/articles").json() == {"items": [], "next_cursor": None}
    assert counts(tmp_path)["articles"] == 0


def test_a_missing_or_wrong_token_is_401(writer, tmp_path):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": TOKEN}):
        r = writer.post("/api/articles", json=ARTICLES[0], headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"
    assert counts(writer)["articles"] == 0


def test_one_article_as_json_returns_its_stored_records(writer):
    r = writer.post("/api/articles", json=ARTICLES[1], headers=AUTH)
    assert r.status_code == 201
    (art,) = r.json()["articles"]
    assert (art["id"], art["added"], art["title"], art["published"]) == ("b", True, "Bridge", "2026-03-12")
    assert [(s["id"], s["speaker"]["actor_id"], s["content"]["text"]) for s in art["statements"]] == [
        ("b-1", "kari-holm", "the bridge would reopen"), ("b-2", "olav-dahl", "the toll would stay")]
    assert writer.get("/api/articles/b").json()["statements"] == art["statements"]


def test_an_article_posted_twice_is_stored_once(writer, tmp_path):
    first = writer.post("/api/articles", json=ARTICLES[0], headers=AUTH)
    again = writer.post("/api/articles", json=ARTICLES[0], headers=AUTH)
    crlf = writer.post("/api/articles", json={**ARTICLES[0], "id": "other",
                                              "text": ARTICLES[0]["text"].replace("\n", "\r\n")}, headers=AUTH)
    assert (first.status_code, again.status_code, crlf.status_code) == (201, 200, 200)
    assert [r.json()["articles"][0]["added"] for r in (first, again, crlf)] == [True, False, False]
    assert again.json()["articles"][0]["statements"] == first.json()["articles"][0]["statements"]
    assert crlf.json()["articles"][0]["id"] == "a"
    assert counts(writer) == {"articles": 1, "statements": 2, "events": 1, "actors": 2}


def test_json_lines_and_plain_text_bodies(writer):
    r = writer.post("/api/articles", content=jsonl(ARTICLES[0], ARTICLES[2]), headers=NDJSON)
    assert r.status_code == 201
    assert [(a["id"], a["added"]) for a in r.json()["articles"]] == [("a", True), ("c", True)]
    text = "Kari Holm said the tunnel would open."
    r = writer.post("/api/articles?id=memo&published=2026-05-01", content=text.encode(),
                    headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    assert r.status_code == 201
    art = r.json()["articles"][0]
    assert (art["id"], art["published"], art["statements"][0]["content"]["text"]) == (
        "memo", "2026-05-01", "the tunnel would open")
    # Without an id, the id comes from the text, so the same text posted again is recognised by it.
    r = writer.post("/api/articles", json={"text": "Anna Berg said the port was closed."}, headers=AUTH)
    assert r.json()["articles"][0]["id"].startswith("post-")


def test_requests_over_the_size_limits_are_413_and_write_nothing(writer, tmp_path):
    big = {"id": "big", "text": "Anna Berg said the port was closed. " * 200}  # 7,200 bytes > max_body 5,000
    r = writer.post("/api/articles", json=big, headers=AUTH)
    assert r.status_code == 413
    assert r.json()["detail"].startswith("request body is ")
    chunks = (b'{"id": "s", "text": "' + b"x" * 1000 for _ in range(10))  # streamed, no Content-Length
    r = writer.post("/api/articles", content=chunks, headers=NDJSON)
    assert r.status_code == 413
    assert counts(writer)["articles"] == 0


def test_an_article_over_max_chars_is_413(tmp_path, fake):
    with make_client(tmp_path, token=TOKEN, options=Options(max_chars=40)) as c:
        r = c.post("/api/articles", content=jsonl(ARTICLES[1], {"id": "ok", "text": "Anna Berg said yes."}),
                   headers=NDJSON)
        assert r.status_code == 413
        assert r.json()["detail"] == "article 'b' is 85 characters, over the 40 cap (--max-chars)"
    assert counts(tmp_path)["articles"] == 0


@pytest.mark.parametrize("body, content_type, detail", [
    (b'{"id": "x", "text": "Anna Berg said', "application/json", "malformed JSON (Unterminated string"),
    (b'["not", "an", "object"]', "application/json", "line 1: expected a JSON object, got list"),
    (b'{"id": "x"}', "application/json", "line 1: missing or empty 'text'"),
    (b'{"id": "x", "text": "Anna Berg said yes.", "published": "last Tuesday"}', "application/json",
     "line 1: 'published' is not an ISO date: 'last Tuesday'"),
    (b'{"id": "ok", "text": "Anna Berg said yes."}\n{"id": "bad", "text": \n', "application/x-ndjson",
     "line 2: malformed JSON (Expecting value)"),
    (b"  \n", "application/x-ndjson", "the request body is empty"),
    (b"\xff\xfe not utf-8", "text/plain", "the text is not valid UTF-8"),
])
def test_bad_input_is_422_with_one_line_and_nothing_is_written(writer, tmp_path, body, content_type, detail):
    r = writer.post("/api/articles", content=body, headers={**AUTH, "Content-Type": content_type})
    assert r.status_code == 422
    assert r.json()["detail"].startswith(detail)
    assert "\n" not in r.json()["detail"]
    assert counts(writer)["articles"] == 0


def test_an_unsupported_content_type_is_415(writer):
    r = writer.post("/api/articles", content=b"<html></html>", headers={**AUTH, "Content-Type": "text/html"})
    assert r.status_code == 415


def test_an_article_that_fails_extraction_fails_the_whole_request(writer, tmp_path):
    r = writer.post("/api/articles", content=jsonl(ARTICLES[0], {"id": "bomb", "text": "BOOM said nobody."}),
                    headers=NDJSON)
    assert r.status_code == 422
    assert r.json()["detail"] == "bomb: extraction failed: ValueError: boom on purpose"
    assert counts(writer)["articles"] == 0


def test_a_failure_while_writing_leaves_the_store_as_it_was(writer, tmp_path, monkeypatch):
    writer.post("/api/articles", json=ARTICLES[0], headers=AUTH)
    real_add, calls = Store.add, []

    def add_then_fail(self, result):
        calls.append(result.article.id)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_add(self, result)

    monkeypatch.setattr(Store, "add", add_then_fail)
    with pytest.raises(OSError):
        writer.post("/api/articles", content=jsonl(ARTICLES[1], ARTICLES[2]), headers=NDJSON)
    monkeypatch.setattr(Store, "add", real_add)
    assert calls == ["b", "c"]
    assert counts(writer) == {"articles": 1, "statements": 2, "events": 1, "actors": 2}
    assert [a["id"] for a in writer.get("/api/articles").json()["items"]] == ["a"]
    assert writer.get("/api/statements", params={"q": "bridge"}).json()["items"] == []  # the index too


def test_the_real_pipeline_through_the_api_matches_extract(tmp_path, nlp, monkeypatch):
    from communique import pipeline

    monkeypatch.setitem(pipeline._NLP, pipeline.pipeline_key(Options()), nlp)
    text = (SAMPLES / "nile-dam-talks.txt").read_text(encoding="utf-8")
    with make_client(tmp_path, token=TOKEN) as c:
        r = c.post("/api/articles?id=nile-dam-talks&published=2026-03-23", content=text.encode(),
                   headers={**AUTH, "Content-Type": "text/plain"})
        assert r.status_code == 201
        posted = r.json()["articles"][0]
    options = Options(published=date(2026, 3, 23))
    (expected,) = list(run(read_paths([str(SAMPLES / "nile-dam-talks.txt")], options), options, nlp=nlp))
    assert [(s["id"], s["content"]["start"], s["content"]["end"]) for s in posted["statements"]] == [
        (s.id, s.content.start, s.content.end) for s in expected.statements]
    assert [(e["id"], e["event_type"]) for e in posted["events"]] == [(e.id, e.event_type) for e in expected.events]
    s5 = next(s for s in posted["statements"] if s["id"] == "nile-dam-talks:s4")
    assert (s5["speaker"]["name"], s5["cue"]["text"], s5["date"]["value"]) == ("Dawit Alemu", "said", "2026-03-22")
