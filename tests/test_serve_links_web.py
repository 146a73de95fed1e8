"""The link pages over TestClient: reports and wordings side by side, claims beside answers, lists, downloads,
escaping."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

from click.testing import CliRunner
from markupsafe import escape

from communique.cli import main
from serve_links_fixtures import (HOSTILE_ID, analysed, backend, items, links_client, links_db,  # noqa: F401
                                  more_client)


def table(html: str, ident: str) -> str:
    """The inside of the table with this id."""
    m = re.search(rf'<table[^>]* id="{re.escape(ident)}">(.*?)</table>', html, re.S)
    assert m, f"no table #{ident}"
    return m.group(1)


def cards(html: str) -> dict[str, str]:
    """Each side-by-side card's data-id and its inner HTML, in page order."""
    return dict(re.findall(r'<article class="card[^"]*" data-id="([^"]+)">(.*?)</article>', html, re.S))


def cli_csv(db, *args) -> list[dict]:
    out = CliRunner().invoke(main, ["--db", str(db), *args, "--format", "csv"])
    assert out.exit_code == 0, out.output
    return list(csv.DictReader(io.StringIO(out.output)))


def test_incident_page_has_every_report_side_by_side_and_why_they_were_joined(links_client):
    (inc,) = items(links_client, "/api/incidents", type="SANCTION", min_articles=2)
    asked = inc["reports"][-1]["event_id"]
    assert asked != inc["id"]
    html = links_client.get(f"/incidents/{quote(asked, safe='')}").text
    shown = cards(html)
    assert list(shown) == [r["event_id"] for r in inc["reports"]]
    for r in inc["reports"]:
        assert f'href="/articles/{r["doc"]}#{r["event_id"]}">{escape(r["sentence"])}</a>' in shown[r["event_id"]]
        assert r["source"] in shown[r["event_id"]]
    assert re.findall(r'<article class="card asked" data-id="([^"]+)"', html) == [asked]  # the report the link named
    links = links_client.get(f"/api/incidents/{inc['id']}").json()["links"]
    joins = re.findall(r'<tr data-a="([^"]+)" data-b="([^"]+)">(.*?)</tr>', html, re.S)
    assert [(a, b) for a, b, _ in joins] == sorted([(x["a"], x["b"]) for x in links],
                                                   key=lambda p: sorted(list(shown).index(i) for i in p))
    for _, _, row in joins:
        assert "<dt>type</dt><dd>SANCTION</dd>" in row and "overlap</dd>" in row
    assert f'href="/api/incidents/{quote(inc["id"], safe="")}"' in html


def test_remark_page_marks_the_words_that_changed_between_quotes(links_client):
    (rem,) = items(links_client, "/api/remarks", changed="true")
    html = links_client.get(f"/remarks/{rem['id']}").text
    shown = cards(html)
    assert list(shown) == [r["statement_id"] for r in rem["reports"]]
    marks = {sid: re.findall(r'<mark class="chg">(.*?)</mark>', card) for sid, card in shown.items()}
    assert marks == {"hw-0309-trawlers:s2": ["eleven"], "cl-0310-trawlers:s2": ["twelve"],
                     "mp-0311-trawlers:s2": []}  # the paraphrase is not a quote to compare
    for r in rem["reports"]:
        assert f'href="/articles/{r["doc"]}#{r["statement_id"]}">' in shown[r["statement_id"]]
    assert "Our coast guard counted <mark" in shown["hw-0309-trawlers:s2"]
    joins = re.findall(r'<td class="pair">(\d) ↔ (\d)</td><td><span class="badge">(\w+)</span>.*?</tr>',
                       table(html, "joins"), re.S)
    assert joins == [("1", "2", "changed"), ("1", "3", "paraphrase"), ("2", "3", "paraphrase")]
    # The changed words read in the pair's order: wording 1 says eleven, wording 2 twelve.
    assert "<dt>changed</dt><dd>eleven / twelve</dd>" in html
    assert '<a class="who" href="/actors/ragnar-eiriksson%40ISL">Ragnar Eiriksson</a>' in html


def test_lists_filter_like_the_cli_and_download_everything_they_match(links_client, links_db):
    html = links_client.get("/incidents?min_articles=2").text
    assert re.findall(r'<tr data-id="([^"]+)"', html) == [i["id"] for i in items(links_client, "/api/incidents",
                                                                                 min_articles=2)]
    assert 'name="min_articles" value="2"' in html
    assert 'href="/incidents/download?min_articles=2&amp;format=csv"' in html
    got = list(csv.DictReader(io.StringIO(links_client.get("/incidents/download?type=SANCTION&format=csv").text)))
    assert got == cli_csv(links_db, "incidents", "--type", "SANCTION") and len(got) >= 2
    html = links_client.get("/remarks?changed=1").text
    (rem,) = items(links_client, "/api/remarks", changed="true")
    assert re.findall(r'<tr data-id="([^"]+)"', html) == [rem["id"]]
    assert 'name="changed" value="1" checked' in html
    lines = links_client.get("/remarks/download?changed=1&format=jsonl").text.splitlines()
    assert [json.loads(x) for x in lines] == [rem]
    assert list(csv.DictReader(io.StringIO(links_client.get("/remarks/download?speaker=Vasconcelos&format=csv").text))) \
        == cli_csv(links_db, "remarks", "--speaker", "Vasconcelos")
    got = list(csv.DictReader(io.StringIO(links_client.get("/responses/download?relation=deny&format=csv").text)))
    assert got == cli_csv(links_db, "responses", "--relation", "deny") and got


def test_unusable_filters_are_messages_and_downloads_refuse_them(links_client):
    html = links_client.get("/remarks?since=March&min_reports=0&speaker=Eiriksson").text
    assert "since: &#39;March&#39; is not a date (YYYY-MM-DD)" in html
    assert "min_reports: &#39;0&#39; is not a whole number of 1 or more" in html
    assert len(re.findall(r'<tr data-id="', html)) == len(items(links_client, "/api/remarks", speaker="Eiriksson"))
    assert "relation: &#39;applaud&#39; is not one of deny, reject, confirm, decline" in links_client.get(
        "/responses?relation=applaud").text
    assert links_client.get("/incidents/download?since=March").status_code == 400
    assert links_client.get("/incidents/download?format=xlsx").status_code == 400
    assert links_client.get("/incidents?cursor=junk").status_code == 400


def test_responses_page_sets_each_claim_beside_its_answer(links_client):
    confirms = items(links_client, "/api/responses", relation="confirm")
    html = links_client.get("/responses?relation=confirm").text
    rows = dict(re.findall(r'<tr data-id="([^"]+)">(.*?)</tr>', html, re.S))
    assert list(rows) == [r["id"] for r in confirms]
    for r in confirms:
        claim, answer = re.findall(r"<td>(.*?)</td>", rows[r["id"]], re.S)
        c = r["answers"]
        assert f'href="/articles/{c["doc"]}#{c["statement_id"]}">{escape(c["text"])}</a>' in claim
        assert f'href="/articles/{r["doc"]}#{r["id"]}">{escape(r["text"])}</a>' in answer
        assert ">confirm</span>" in answer and "Andrés Quintero" in claim


def test_actor_page_sets_positions_and_claims_beside_their_answers(links_client, more_client):
    rows = items(links_client, "/api/actors/hendra-wibisono@IDN/positions")
    html = links_client.get("/actors/hendra-wibisono@IDN").text
    positions = table(html, "positions")
    shown = dict(re.findall(r'<tr class="pos-\w+" data-id="([^"]+)">(.*?)</tr>', positions, re.S))
    assert list(shown) == [r["id"] for r in rows]
    threat = next(r for r in rows if r["kind"] == "position")
    # The EU's rejection of the threat answers its incident, so it sits beside the threat.
    assert re.findall(r'class="reply" data-id="([^"]+)"', shown[threat["id"]]) == ["mp-0313-palm-oil:s1"]
    assert f'href="/incidents/{quote(threat["incident"], safe=":")}"' in shown[threat["id"]]
    claims = {r["id"]: r["answers"] for r in items(links_client, "/api/responses", actor="Wibisono")}
    for r in rows:
        if r["kind"] == "answered":
            c = claims[r["id"]]
            assert f'href="/articles/{c["doc"]}#{c["statement_id"]}">{escape(c["text"])}</a>' in shown[r["id"]]
            assert f'href="/articles/{r["doc"]}#{r["id"]}">{escape(r["text"])}</a>' in shown[r["id"]]
    assert "No demands, offers, threats, refusals or answers found." in more_client.get("/actors/karim-bennani@MAR").text
    idrissi = table(more_client.get("/actors/karim-bennani-idrissi@MAR").text, "positions")
    assert re.findall(r'data-id="([^"]+)"', idrissi) == ["hw-0309-idrissi:s2", "hw-0309-idrissi:e1"]


def test_hostile_markup_on_link_pages_is_text(more_client):
    event, statement = f"{HOSTILE_ID}:e1", f"{HOSTILE_ID}:s2"
    inc = more_client.get(f"/api/incidents/{quote(event, safe='')}").json()
    assert event in [r["event_id"] for r in inc["reports"]] and len(inc["reports"]) == 3
    urls = ["/incidents", f"/incidents/{quote(event, safe='')}", "/remarks", f"/remarks/{quote(statement, safe='')}",
            "/responses", "/actors/ragnar-eiriksson@ISL", "/actors/ingrid-aasen@NOR"]
    for url in urls:
        r = more_client.get(url)
        assert r.status_code == 200, url
        for bad in ("<script>alert", "<img", "<b>hostile"):
            assert bad not in r.text, (url, bad)
    page = more_client.get(f"/incidents/{quote(event, safe='')}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#39;src&#39;)&gt;" in page
    # Its links reach the article although the id holds a '/'.
    href = f"/articles/{quote(HOSTILE_ID, safe='')}"
    assert f'href="{href}#' in page
    assert more_client.get(href).status_code == 200
    assert more_client.get(f"/api{href}").json()["id"] == HOSTILE_ID


def test_unknown_groups_are_404_pages_and_the_lists_are_in_the_navigation(links_client):
    for url in ("/incidents/nowhere:e1", "/remarks/%3Cnobody%3E:s1"):
        r = links_client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert "<nobody>" not in r.text
    nav = re.search(r"<nav>(.*?)</nav>", links_client.get("/").text, re.S).group(1)
    assert re.findall(r'href="(/\w*)"', nav) == ["/", "/articles", "/actors", "/incidents", "/remarks", "/responses",
                                                 "/search", "/docs"]
