"""The links API: incidents, remarks, responses and an actor's positions, with the CLI's filters, pages and 404s."""

from __future__ import annotations

import json
from urllib.parse import quote

from click.testing import CliRunner

from communique.cli import main
from communique.serve import lists
from communique.store.queries import BadCursor
from serve_links_fixtures import analysed, backend, items, links_client, links_db, more_client  # noqa: F401

MYANMAR = {"mp-0323-myanmar-sanctions", "hw-0324-myanmar-sanctions", "cl-0324-myanmar-sanctions"}


def cli_jsonl(db, *args) -> list[dict]:
    """What the CLI prints as JSON Lines for a link command."""
    out = CliRunner().invoke(main, ["--db", str(db), *args, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    return [json.loads(line) for line in out.output.splitlines()]


def test_items_are_what_the_cli_prints_for_the_same_filters(links_client, links_db):
    assert items(links_client, "/api/incidents") == cli_jsonl(links_db, "incidents")
    assert items(links_client, "/api/incidents", type="accuse", min_articles=2) == cli_jsonl(
        links_db, "incidents", "--type", "accuse", "--min-articles", "2")
    assert items(links_client, "/api/remarks", speaker="Eiriksson") == cli_jsonl(links_db, "remarks", "--speaker",
                                                                                 "Eiriksson")
    assert items(links_client, "/api/responses", untargeted="true") == cli_jsonl(links_db, "responses", "--untargeted")
    assert items(links_client, "/api/actors/hendra-wibisono@IDN/positions") == cli_jsonl(
        links_db, "timeline", "Hendra Wibisono")


def test_incidents_by_type_actor_dates_and_reach(links_client):
    (sanctions,) = items(links_client, "/api/incidents", type="SANCTION", min_articles=2)
    assert {r["doc"] for r in sanctions["reports"]} == MYANMAR
    assert (sanctions["articles"], sanctions["sources"], sanctions["first_reported"], sanctions["last_reported"]) == (
        3, 3, "2026-03-23", "2026-03-24")
    (accused,) = items(links_client, "/api/incidents", actor="eiriksson")  # Iceland's charge against Norway
    assert {r["doc"] for r in accused["reports"]} == {"hw-0309-trawlers", "cl-0310-trawlers"}
    late = items(links_client, "/api/incidents", since="2026-03-20", min_articles=2)
    assert [(i["event_type"], i["date"]["value"]) for i in late] == [("SANCTION", "2026-03-23"),
                                                                    ("SUPPORT", "2026-03-26")]
    # Dates are when it happened: the contacts "since January" come before the fisheries talks of 3 March.
    early = items(links_client, "/api/incidents", until="2026-03-05", min_articles=2)
    assert [(i["event_type"], i["date"]["value"], len({r["doc"] for r in i["reports"]})) for i in early] == [
        ("CONSULT", "2026-01", 3), ("CONSULT", "2026-03-03", 3)]
    every = items(links_client, "/api/incidents")
    assert all(i["articles"] >= 2 for i in items(links_client, "/api/incidents", min_articles=2))
    assert len(every) > len(items(links_client, "/api/incidents", min_articles=2))


def test_one_incident_by_any_of_its_reports_with_the_reasons_of_each_join(links_client):
    (sanctions,) = items(links_client, "/api/incidents", type="SANCTION", min_articles=2)
    for report in sanctions["reports"]:
        r = links_client.get(f"/api/incidents/{quote(report['event_id'], safe='')}")
        assert r.status_code == 200 and r.json()["id"] == sanctions["id"]
    one = links_client.get(f"/api/incidents/{sanctions['id']}").json()  # the ':' may also stay as it is
    assert one["reports"] == sanctions["reports"]
    assert len(one["links"]) >= 2  # three reports are joined by at least two pairs
    assert all(link["why"]["type"] == "SANCTION" and "overlap" in link["why"]["dates"] for link in one["links"])
    r = links_client.get("/api/incidents/nowhere%3Ae9")
    assert r.status_code == 404 and r.json() == {"detail": "no incident 'nowhere:e9' in this store"}


def test_remarks_by_speaker_reach_and_changed_wordings(links_client):
    (changed,) = items(links_client, "/api/remarks", changed="true")
    assert (changed["speaker"], changed["changes"]) == ("Ragnar Eiriksson", ["twelve / eleven"])
    assert {r["doc"] for r in changed["reports"]} == {"hw-0309-trawlers", "cl-0310-trawlers", "mp-0311-trawlers"}
    quoted = items(links_client, "/api/remarks", speaker="Vasconcelos", min_reports=2)
    assert [r["fullest"] for r in quoted] == [
        "We have found a path to a fair fisheries deal for both coasts, and we intend to sign it before the summer"]
    assert [r["first_said"] for r in items(links_client, "/api/remarks", speaker="Vasconcelos",
                                          since="2026-04-01")] == ["2026-04-07"]
    member = changed["reports"][0]["statement_id"]
    assert links_client.get(f"/api/remarks/{quote(member, safe='')}").json()["id"] == changed["id"]
    assert [link["kind"] for link in links_client.get(f"/api/remarks/{changed['id']}").json()["links"]].count(
        "changed") == 1
    r = links_client.get("/api/remarks/nowhere:s1")
    assert r.status_code == 404 and r.json() == {"detail": "no remark 'nowhere:s1' in this store"}


def test_responses_by_actor_relation_dates(links_client):
    confirms = items(links_client, "/api/responses", relation="confirm")
    assert {(r["speaker"], r["answers"]["speaker"]) for r in confirms} == {("Mariela Ortiz", "Andrés Quintero")}
    assert [r["id"] for r in confirms] == ["mp-0319-colombia-contacts:s1", "mp-0319-colombia-contacts:s2"]
    to_wibisono = items(links_client, "/api/responses", actor="Wibisono")
    assert {r["answers"]["speaker"] for r in to_wibisono} == {"Hendra Wibisono"}
    assert {r["relation"] for r in to_wibisono} == {"reject"}
    assert [r["said"] for r in items(links_client, "/api/responses", actor="Wibisono", until="2026-03-11")] == [
        "2026-03-11"]
    assert all(r["answers"] or r["incident"] for r in items(links_client, "/api/responses"))


def test_untargeted_answers_only_when_asked(more_client):
    # Spain's minister denies what no stored statement claims: an answer to nothing found.
    assert "hw-0309-idrissi:s3" not in [r["id"] for r in items(more_client, "/api/responses")]
    (ruiz,) = [r for r in items(more_client, "/api/responses", untargeted="true") if r["doc"] == "hw-0309-idrissi"
               and r["answers"] is None]
    assert (ruiz["id"], ruiz["relation"], ruiz["incident"]) == ("hw-0309-idrissi:s3", "deny", None)


def test_positions_of_exactly_one_actor(more_client):
    # "Karim Bennani" is inside "Karim Bennani Idrissi": the minister's page must not show the lawmaker's threat.
    assert items(more_client, "/api/actors/karim-bennani@MAR/positions") == []
    rows = items(more_client, "/api/actors/karim-bennani-idrissi@MAR/positions")
    assert [(r["kind"], r["id"], r["position"]) for r in rows] == [
        ("answered", "hw-0309-idrissi:s2", "reject"), ("position", "hw-0309-idrissi:e1", "threat")]
    assert rows[0]["answers"] == "The quotas were written in Lisbon, not in Agadir"


def test_positions_with_dates_and_404(links_client):
    rows = items(links_client, "/api/actors/hendra-wibisono@IDN/positions")
    assert [(r["date"], r["kind"], r["position"]) for r in rows] == [
        ("2026-03-11", "answered", "reject"), ("2026-03-11", "position", "threat"),
        ("2026-03-12", "answered", "reject"), ("2026-03-12", "answered", "reject")]
    assert [r["date"] for r in items(links_client, "/api/actors/hendra-wibisono@IDN/positions",
                                     since="2026-03-12")] == ["2026-03-12", "2026-03-12"]
    r = links_client.get("/api/actors/nobody/positions")
    assert r.status_code == 404 and r.json() == {"detail": "no actor 'nobody' in this store"}


def test_pages_follow_the_cursor_without_gaps_or_repeats(links_client):
    whole = links_client.get("/api/responses", params={"limit": 1000}).json()
    assert whole["next_cursor"] is None
    pages, cursor, seen = 0, None, []
    while True:
        body = links_client.get("/api/responses", params={"limit": 4, **({"cursor": cursor} if cursor else {})}).json()
        seen += [r["id"] for r in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == [r["id"] for r in whole["items"]] and pages == -(-len(seen) // 4)


def test_a_cursor_continues_after_the_last_item_shown_when_the_list_grows():
    rows = [{"id": x} for x in "bdfh"]
    first = lists.page(rows, "incidents", 2, None)
    assert [r["id"] for r in first.items] == ["b", "d"]
    grown = [{"id": x} for x in "abcdefgh"]  # articles added before the next request
    assert [r["id"] for r in lists.page(grown, "incidents", 2, first.next_cursor).items] == ["e", "f"]
    gone = [{"id": x} for x in "bfh"]  # "d" merged into another group since
    assert [r["id"] for r in lists.page(gone, "incidents", 2, first.next_cursor).items] == ["h"]
    for wrong in ("remarks", "positions"):
        try:
            lists.page(rows, wrong, 2, first.next_cursor)
        except BadCursor:
            continue
        raise AssertionError(f"an incidents cursor was taken by {wrong}")


def test_bad_parameters_are_422_with_one_line_reasons(links_client):
    cursor = links_client.get("/api/incidents", params={"limit": 1}).json()["next_cursor"]
    cases = {
        "/api/incidents?min_articles=0": "min_articles: ",
        "/api/incidents?since=2026-02-30": "since: ",
        "/api/remarks?min_reports=x": "min_reports: ",
        "/api/remarks?changed=perhaps": "changed: ",
        "/api/responses?relation=applaud": "relation: ",
        "/api/responses?limit=0": "limit: ",
        f"/api/remarks?cursor={cursor}": "cursor: ",  # an incidents cursor
        "/api/actors/hendra-wibisono@IDN/positions?cursor=WyJ4Il0": "cursor: ",
    }
    for url, start in cases.items():
        r = links_client.get(url)
        assert r.status_code == 422, url
        detail = r.json()["detail"]
        assert isinstance(detail, str) and detail.startswith(start) and "\n" not in detail, (url, detail)


def test_openapi_documents_the_link_endpoints(links_client):
    paths = links_client.get("/openapi.json").json()["paths"]
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/remarks", "/api/remarks/{remark_id}",
            "/api/responses", "/api/actors/{actor_id}/positions"} <= set(paths)
    params = {p["name"] for p in paths["/api/incidents"]["get"]["parameters"]}
    assert params == {"type", "actor", "since", "until", "min_articles", "limit", "cursor"}
    relation = next(p for p in paths["/api/responses"]["get"]["parameters"] if p["name"] == "relation")
    assert "deny" in json.dumps(relation["schema"])
