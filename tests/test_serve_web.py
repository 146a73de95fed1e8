"""The dashboard pages over TestClient: highlights at the stored offsets, escaping, search URLs, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

from communique.serve.downloads import csv_safe
from serve_fixtures import AUTH, client, fake  # noqa: F401  (fixtures)

HOSTILE = {
    "id": "hostile", "published": "2026-03-15", "title": "<b>Bold</b> <script>alert('title')</script>",
    "text": "Anna Berg said <img src=x onerror=alert(1)> was posted.\n\n"
            "<script>window.pwned = 1</script> Olav Dahl said =HYPERLINK(\"http://evil\",\"x\") was sent.\n\n"
            "Kari Holm said -2+3 was the score. Anna Berg met Olav Dahl </script><script>alert(2)</script>.",
}


class TextSpans(HTMLParser):
    """The text inside #text, and each highlighted segment's offsets, fields and text."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.text = []
        self.spans = []
        self.current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "text":
            self.depth = 1
        elif self.depth:
            self.depth += tag not in ("br",)
            if tag == "span":
                self.current = {"start": int(attrs["data-start"]), "end": int(attrs["data-end"]),
                                "marks": attrs["data-marks"].split(), "text": ""}
                self.spans.append(self.current)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.current = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self.current is not None:
                self.current["text"] += data


def page_spans(html: str) -> TextSpans:
    parser = TextSpans()
    parser.feed(html)
    return parser


def covered(spans, mark: str) -> list[tuple[int, int]]:
    """The offsets covered by segments carrying `mark`, merged into runs."""
    runs: list[list[int]] = []
    for s in spans:
        if mark in s["marks"]:
            if runs and runs[-1][1] == s["start"]:
                runs[-1][1] = s["end"]
            else:
                runs.append([s["start"], s["end"]])
    return [tuple(r) for r in runs]


def test_article_page_highlights_every_field_at_its_stored_offsets(client):
    art = client.get("/api/articles/a").json()
    page = page_spans(client.get("/articles/a").text)
    assert "".join(page.text) == art["text"]  # the whole text, once, in order
    for span in page.spans:
        assert art["text"][span["start"]:span["end"]] == span["text"]
    for st in art["statements"]:
        assert covered(page.spans, f"{st['id']}:content") == [(st["content"]["start"], st["content"]["end"])]
        assert covered(page.spans, f"{st['id']}:speaker") == [(st["speaker"]["start"], st["speaker"]["end"])]
    trig = art["events"][0]["trigger"]
    assert covered(page.spans, "a-e1:trigger") == [(trig["start"], trig["end"])]
    assert len(page.spans) == 5  # two contents, two speakers, one trigger; nothing else is marked


def test_speakers_get_their_own_colours_and_link_to_their_pages(client):
    html = client.get("/articles/a").text
    anna = re.search(r'class="m f-speaker (sp-\d)"[^>]*data-marks="a-1:speaker"', html).group(1)
    olav = re.search(r'class="m f-speaker (sp-\d)"[^>]*data-marks="a-2:speaker"', html).group(1)
    assert (anna, olav) == ("sp-0", "sp-1")
    assert 'href="/actors/anna-berg%40NOR"' in html and 'href="/actors/olav-dahl%40SWE"' in html


def test_a_hostile_article_renders_as_text_everywhere(client):
    r = client.post("/api/articles", json=HOSTILE, headers=AUTH)
    assert r.status_code == 201
    pages = [client.get(u).text for u in ("/articles/hostile", "/articles", "/search?what=statements&speaker=berg",
                                          "/actors/anna-berg@NOR", "/search?q=posted")]
    for html in pages:
        assert "<img" not in html
        assert "<script>alert" not in html and "<script>window" not in html
        assert "<b>Bold" not in html
    article = pages[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in article
    # The records embedded for the side panel cannot close their script element either.
    data = re.search(r'<script type="application/json" id="records">(.*?)</script>', article, re.S).group(1)
    assert "</" not in data and json.loads(data)["hostile-1"]["content"]["text"] == "<img src=x onerror=alert(1)> was posted"
    assert page_spans(article).text and "".join(page_spans(article).text) == HOSTILE["text"]
    csp = client.get("/articles/hostile").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp


def test_search_page_url_is_the_query_and_downloads_follow_it(client):
    html = client.get("/search?what=statements&speaker=dahl&since=2026-03-11").text
    assert re.findall(r'data-id="([^"]+)"', html) == ["b-2"]
    assert 'href="/search/download?what=statements&amp;speaker=dahl&amp;since=2026-03-11&amp;format=csv"' in html
    html = client.get("/search?what=events&type=CONSULT&country=SWE&until=2026-03-31").text
    assert re.findall(r'data-id="([^"]+)"', html) == ["a-e1"]
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/search/download?what=events&type=CONSULT&format=csv").text)))
    assert [(r["Event ID"], r["Event Date"], r["Actor Name"], r["Recipient Country"]) for r in rows] == [
        ("a-e1", "2026-03-10", "Anna Berg", "SWE"), ("c-e1", "2026-04-02", "Kari Holm", "SWE")]
    lines = client.get("/search/download?what=statements&q=ferry&format=jsonl").text.splitlines()
    assert [json.loads(x) for x in lines] == client.get("/api/statements?q=ferry").json()["items"]


def test_search_page_pages_and_bad_dates_are_messages_not_errors(client):
    html = client.get("/search?what=statements&since=March").text
    assert "since: &#39;March&#39; is not a date (YYYY-MM-DD)" in html
    assert len(re.findall(r'data-id="', html)) == 6  # the bad filter is dropped, not applied
    assert client.get("/search?what=statements&cursor=junk").status_code == 400


def test_csv_download_neutralises_formula_cells_and_round_trips(client):
    client.post("/api/articles", json=HOSTILE, headers=AUTH)
    body = client.get("/search/download?what=statements&doc=hostile&format=csv")
    assert body.headers["content-disposition"] == 'attachment; filename="communique-statements.csv"'
    rows = list(csv.DictReader(io.StringIO(body.text)))
    assert [r["content"] for r in rows] == [
        "<img src=x onerror=alert(1)> was posted", "'=HYPERLINK(\"http://evil\",\"x\") was sent", "'-2+3 was the score"]
    stored = [s["content"]["text"] for s in client.get("/api/statements?doc=hostile").json()["items"]]
    assert [r["content"][1:] if r["content"].startswith("'") else r["content"] for r in rows] == stored
    assert [csv_safe(v) for v in ("=1", "+1", "-1", "@x", "\tx", "\rx", "plain", 3)] == [
        "'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "plain", 3]


def test_overview_actor_and_list_pages(client):
    html = client.get("/").text
    assert len(re.findall(r'<rect class="bar-st"', html)) == 3  # three days with records
    assert re.search(r'<a href="/actors/kari-holm">Kari Holm</a></td>\s*<td class="n">3</td>', html)
    assert "<td>NOR</td><td>SWE</td>" in html
    html = client.get("/actors/olav-dahl@SWE").text
    assert re.findall(r'id="timeline">(.*?)</ol>', html, re.S)[0].count("data-id=") == 3  # a-2, b-2 and a-e1
    said = re.findall(r'id="said-about">(.*?)</ol>', html, re.S)[0]
    assert re.findall(r'data-id="([^"]+)"', said) == ["c-2"]
    assert 'href="/articles/c#c-2"' in said  # back to the sentence in its article
    done = re.findall(r'id="done-to">(.*?)</ol>', html, re.S)[0]
    assert re.findall(r'data-id="([^"]+)"', done) == ["a-e1"]
    assert re.findall(r'data-id="([^"]+)"', client.get("/actors/kari-holm").text).count("c-e1") == 1
    assert "Ferry talks" in client.get("/articles?q=harbour").text
    assert "Bridge" not in client.get("/articles?q=harbour").text
    assert ">Kari Holm</a>" in client.get("/actors?name=holm").text


def test_unknown_pages_are_404_pages(client):
    for url in ("/articles/nope", "/actors/<nobody>"):
        r = client.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert "<nobody>" not in r.text
