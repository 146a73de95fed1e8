"""The read API: every endpoint, the CLI's filters, full-text search, pagination, errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from communique.cli import main
from serve_fixtures import ARTICLES, client, fake, ids  # noqa: F401  (fixtures)


def test_statements_in_date_order_with_the_clis_filters(client):
    assert ids(client.get("/api/statements")) == ["a-1", "a-2", "b-1", "b-2", "c-1", "c-2"]
    assert ids(client.get("/api/statements", params={"speaker": "dahl"})) == ["a-2", "b-2"]
    assert ids(client.get("/api/statements", params={"since": "2026-03-11"})) == ["b-1", "b-2", "c-1", "c-2"]
    assert ids(client.get("/api/statements", params={"until": "2026-03-10"})) == ["a-1", "a-2"]
    assert ids(client.get("/api/statements", params={"speaker": "holm", "until": "2026-03-31"})) == ["b-1"]
    assert ids(client.get("/api/statements", params={"doc": "c"})) == ["c-1", "c-2"]
    assert ids(client.get("/api/statements", params={"actor_id": "olav-dahl@SWE"})) == ["a-2", "b-2"]


def test_full_text_search_over_statement_contents(client):
    assert ids(client.get("/api/statements", params={"q": "ferry"})) == ["a-1", "c-1"]
    assert ids(client.get("/api/statements", params={"q": "FERRY resume"})) == ["a-1"]  # all words, any case
    assert ids(client.get("/api/statements", params={"q": '"would reopen"'})) == ["b-1"]
    assert ids(client.get("/api/statements", params={"q": '"reopen would"'})) == []  # a phrase keeps its order
    for raw in ('toll"', "(toll*", "toll:"):  # FTS5 syntax is not passed on: no error, the word is searched
        assert ids(client.get("/api/statements", params={"q": raw})) == ["b-2"]
    assert ids(client.get("/api/statements", params={"q": "!!!"})) == []
    assert ids(client.get("/api/statements", params={"q": "ferry", "speaker": "holm"})) == ["c-1"]


def test_name_filters_match_like_wildcards_literally(client):
    for typed in ("%", "_", "\\", "%a%"):  # as wildcards these would match every record
        assert ids(client.get("/api/statements", params={"speaker": typed})) == []
        assert ids(client.get("/api/events", params={"actor": typed})) == []
        assert ids(client.get("/api/actors", params={"name": typed})) == []
        assert ids(client.get("/api/incidents", params={"actor": typed})) == []
        assert ids(client.get("/api/remarks", params={"speaker": typed})) == []
    assert len(ids(client.get("/api/incidents"))) == 2 and len(ids(client.get("/api/remarks"))) == 6


def test_records_are_exactly_what_the_cli_prints_as_json_lines(client):
    out = CliRunner().invoke(main, ["--db", client.store_target, "statements", "--format", "jsonl"])
    cli_records = [json.loads(line) for line in out.output.splitlines()]
    assert client.get("/api/statements").json()["items"] == cli_records
    out = CliRunner().invoke(main, ["--db", client.store_target, "events", "--format", "jsonl"])
    assert client.get("/api/events").json()["items"] == [json.loads(line) for line in out.output.splitlines()]


def test_pages_follow_the_cursor_to_the_end_without_gaps_or_repeats(client):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/statements", params=params).json()
        seen += [s["id"] for s in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == ["a-1", "a-2", "b-1", "b-2", "c-1", "c-2"]
    first = client.get("/api/statements", params={"limit": 1, "speaker": "dahl"}).json()
    second = client.get("/api/statements", params={"limit": 1, "speaker": "dahl", "cursor": first["next_cursor"]})
    assert [first["items"][0]["id"], *ids(second)] == ["a-2", "b-2"]
    assert second.json()["next_cursor"] is None


def test_events_with_type_actor_country_and_dates(client):
    assert ids(client.get("/api/events")) == ["a-e1", "c-e1"]
    assert ids(client.get("/api/events", params={"type": "consult"})) == ["a-e1", "c-e1"]
    assert ids(client.get("/api/events", params={"type": "ACCUSE"})) == []
    assert ids(client.get("/api/events", params={"actor": "Olav"})) == ["a-e1"]  # recipients count
    assert ids(client.get("/api/events", params={"country": "swe"})) == ["a-e1", "c-e1"]
    assert ids(client.get("/api/events", params={"country": "FRA"})) == []
    assert ids(client.get("/api/events", params={"since": "2026-04-01", "until": "2026-04-30"})) == ["c-e1"]
    assert ids(client.get("/api/events", params={"actor_id": "kari-holm"})) == ["c-e1"]
    page = client.get("/api/events", params={"limit": 1}).json()
    assert [e["id"] for e in page["items"]] == ["a-e1"]
    assert ids(client.get("/api/events", params={"limit": 1, "cursor": page["next_cursor"]})) == ["c-e1"]


def test_articles_newest_first_searchable_and_paginated(client):
    body = client.get("/api/articles").json()
    assert [(a["id"], a["title"], a["published"], a["statements"], a["events"]) for a in body["items"]] == [
        ("c", "Ferry stops", "2026-04-02", 2, 1), ("b", "Bridge", "2026-03-12", 2, 0),
        ("a", "Ferry talks", "2026-03-10", 2, 1)]
    assert "text" not in body["items"][0]
    assert ids(client.get("/api/articles", params={"q": "harbour"})) == ["a"]
    assert ids(client.get("/api/articles", params={"q": "ferry"})) == ["c", "a"]  # the title counts too
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert [a["id"] for a in first["items"]] == ["c", "b"]
    assert ids(client.get("/api/articles", params={"limit": 2, "cursor": first["next_cursor"]})) == ["a"]


def test_one_article_has_its_text_and_records_with_offsets_into_it(client):
    art = client.get("/api/articles/a").json()
    assert art["text"] == ARTICLES[0]["text"]
    assert (art["title"], art["published"]) == ("Ferry talks", "2026-03-10")
    assert [s["id"] for s in art["statements"]] == ["a-1", "a-2"]
    assert [e["id"] for e in art["events"]] == ["a-e1"]
    for st in art["statements"]:
        c, sp = st["content"], st["speaker"]
        assert art["text"][c["start"]:c["end"]] == c["text"]
        assert art["text"][sp["start"]:sp["end"]] == sp["text"]
    trig = art["events"][0]["trigger"]
    assert art["text"][trig["start"]:trig["end"]] == "met"


def test_actors_list_profile_timeline_and_said_about(client):
    body = client.get("/api/actors").json()
    assert [(a["actor_id"], a["statements"], a["events"]) for a in body["items"]] == [
        ("anna-berg@NOR", 1, 2), ("kari-holm", 3, 1), ("olav-dahl@SWE", 2, 1)]
    assert [a["actor_id"] for a in client.get("/api/actors", params={"name": "HOLM"}).json()["items"]] == ["kari-holm"]
    page = client.get("/api/actors", params={"limit": 2}).json()
    rest = client.get("/api/actors", params={"limit": 2, "cursor": page["next_cursor"]}).json()
    assert [a["actor_id"] for a in page["items"] + rest["items"]] == ["anna-berg@NOR", "kari-holm", "olav-dahl@SWE"]

    anna = client.get("/api/actors/anna-berg@NOR").json()
    assert (anna["name"], anna["country"], anna["sector"], anna["aliases"], anna["offices"]) == (
        "Anna Berg", "NOR", "GOV", [], [])
    assert anna["counts"] == {"statements": 1, "events_as_actor": 1, "events_as_recipient": 1, "articles": 2}
    # Her statement and the meeting she held on 10 March, then the one she was the recipient of on 2 April.
    assert ids(client.get("/api/actors/anna-berg@NOR/timeline")) == ["a-1", "a-e1", "c-e1"]
    first = client.get("/api/actors/anna-berg@NOR/timeline", params={"limit": 2}).json()
    assert ids(client.get("/api/actors/anna-berg@NOR/timeline", params={"limit": 2, "cursor": first["next_cursor"]})) == [
        "c-e1"]
    assert ids(client.get("/api/actors/olav-dahl@SWE/said-about")) == ["c-2"]  # Kari Holm said Olav Dahl had left


def test_overview_counts(client):
    body = client.get("/api/overview").json()
    assert body["counts"] == {"articles": 3, "statements": 6, "events": 2, "actors": 3}
    assert body["by_day"] == [{"day": "2026-03-10", "statements": 2, "events": 1},
                              {"day": "2026-03-12", "statements": 2, "events": 0},
                              {"day": "2026-04-02", "statements": 2, "events": 1}]
    assert body["top_speakers"][0] == {"actor_id": "kari-holm", "name": "Kari Holm", "statements": 3}
    assert body["country_pairs"] == [{"source": "NOR", "target": "SWE", "event_type": "CONSULT", "events": 2}]
    assert body["event_types"] == [{"event_type": "CONSULT", "events": 2}]


def test_unknown_ids_are_404_with_a_reason(client):
    for url in ("/api/articles/nope", "/api/actors/nobody", "/api/actors/nobody/timeline",
                "/api/actors/nobody/said-about"):
        r = client.get(url)
        assert r.status_code == 404
        assert "nope" in r.json()["detail"] or "nobody" in r.json()["detail"]


def test_bad_parameters_are_422_with_one_line_reasons(client):
    cases = {
        "/api/statements?since=2026-13-01": "since: ",
        "/api/statements?limit=0": "limit: ",
        "/api/events?limit=100000": "limit: ",
        "/api/statements?cursor=not-a-cursor": "cursor: ",
        "/api/actors/anna-berg@NOR/timeline?cursor=WyJ4Il0": "cursor: ",  # a valid cursor of another list
    }
    for url, start in cases.items():
        r = client.get(url)
        assert r.status_code == 422, url
        detail = r.json()["detail"]
        assert isinstance(detail, str) and detail.startswith(start) and "\n" not in detail, (url, detail)


def test_openapi_documents_every_endpoint_and_docs_need_no_cdn(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/api/articles", "/api/articles/{doc}", "/api/statements", "/api/events", "/api/actors",
                          "/api/actors/{actor_id}", "/api/actors/{actor_id}/timeline",
                          "/api/actors/{actor_id}/said-about", "/api/overview", "/api/incidents",
                          "/api/incidents/{incident_id}", "/api/remarks", "/api/remarks/{remark_id}", "/api/responses",
                          "/api/actors/{actor_id}/positions"}
    assert set(paths["/api/articles"]) == {"get", "post"}
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
