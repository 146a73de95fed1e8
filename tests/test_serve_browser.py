"""The dashboard in a real headless Chromium (Debian's package, driven by Playwright) against a real server.

The server is `communique serve` in a subprocess on 127.0.0.1 over a store built from the bundled samples
and the links corpus with the real model. The screenshots it saves are the ones the README shows.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from communique.evaluate.links_gold import load_articles
from communique.ingest import read_paths
from communique.options import Options
from communique.pipeline import run
from communique.records import Article
from communique.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]  # plus --headless, which headless=True adds
HOSTILE = ("Maria Lind said \"<img src=x onerror=alert(1)>\" was on the poster.\n\n"
           "<script>window.pwned = true; alert('pwned')</script>\n\n"
           "The mayor, Maria Lind, told reporters that the </script><b>vote</b> would go ahead.")


@pytest.fixture(scope="module")
def server(tmp_path_factory, nlp):
    """A store from the samples, the links corpus and a hostile article, served by `communique serve` on a
    free port."""
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    options = Options()
    with Store(db) as store:
        for out in run(read_paths([str(ROOT / "samples")], options), options, nlp=nlp):
            store.add(out)
        for out in run(load_articles(ROOT / "corpora" / "links"), options, nlp=nlp):
            store.add(out)
        (hostile,) = run([Article("hostile", HOSTILE, title="<script>alert('t')</script>")], options, nlp=nlp)
        store.add(hostile)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "communique", "-q", "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _wait_until_up(base: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    """Poll the server until it answers (or fail with what it printed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            if httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    pytest.fail("server did not start within 30 s")


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    """Debian's Chromium, headless, with a fresh profile and no network of its own."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: apt-get install chromium (make test does)"
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture
def page(browser_context):
    pg = browser_context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    pg.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


# For each highlighted segment: its offset measured in the rendered text, its length, data-marks, and text.
SEGMENTS_JS = """root => {
  const out = []; let pos = 0;
  for (const node of root.childNodes) {
    const len = node.textContent.length;
    if (node.nodeType === 1 && node.classList.contains('m'))
      out.push([pos, pos + len, node.dataset.start | 0, node.dataset.end | 0, node.dataset.marks, node.textContent]);
    pos += len;
  }
  return out;
}"""


def runs(segments, mark):
    """Offsets covered by segments carrying `mark`, merged into runs."""
    out = []
    for start, end, *_rest, marks, _text in segments:
        if mark in marks.split():
            if out and out[-1][1] == start:
                out[-1][1] = end
            else:
                out.append([start, end])
    return [tuple(r) for r in out]


def test_overview_shows_counts_and_a_chart(server, page):
    page.goto(server + "/")
    data = httpx.get(server + "/api/overview").json()
    assert page.inner_text("h1") == "Overview"
    counts = page.locator(".counts li").all_inner_texts()
    assert [c.split()[0] for c in counts] == [f"{data['counts'][k]:,}" for k in ("articles", "statements", "events",
                                                                                 "actors")]
    assert page.locator("#by-day rect.bar-st").count() == len(data["by_day"][-60:])
    assert page.locator("#top-speakers a").first.inner_text() == data["top_speakers"][0]["name"]
    shot(page, "overview")


def test_article_highlights_sit_at_the_stored_offsets(server, page):
    art = httpx.get(server + "/api/articles/nile-dam-talks").json()
    page.goto(server + "/articles/nile-dam-talks")
    assert page.eval_on_selector("#text", "e => e.textContent") == art["text"]
    segments = page.eval_on_selector("#text", SEGMENTS_JS)
    assert segments, "no highlighted text"
    for pos, end, start_attr, end_attr, _marks, text in segments:
        assert (pos, end) == (start_attr, end_attr) and art["text"][pos:end] == text
    checked = 0
    for st in art["statements"]:
        c = st["content"]
        parts = [tuple(p) for p in c["parts"]] or [(c["start"], c["end"])]
        assert runs(segments, f"{st['id']}:content") == parts, st["id"]
        for name in ("speaker", "cue", "addressee", "date"):
            if st.get(name):
                assert runs(segments, f"{st['id']}:{name}") == [(st[name]["start"], st[name]["end"])], (st["id"], name)
                checked += 1
    for ev in art["events"]:
        assert runs(segments, f"{ev['id']}:trigger") == [(ev["trigger"]["start"], ev["trigger"]["end"])], ev["id"]
    assert checked > len(art["statements"])
    # The speaker's colour is the one of their statement's content.
    s5 = page.locator('#text span.m[data-marks~="nile-dam-talks:s4:speaker"]').get_attribute("class")
    c5 = page.locator('#text span.m[data-marks~="nile-dam-talks:s4:content"]').first.get_attribute("class")
    assert [c for c in s5.split() if c.startswith("sp-")] == [c for c in c5.split() if c.startswith("sp-")]


def test_click_from_a_statement_to_its_speaker(server, page):
    page.goto(server + "/articles/nile-dam-talks")
    page.locator('#text span.m[data-marks~="nile-dam-talks:s4:content"]').first.click()
    panel = page.locator("#panel")
    assert panel.locator("h3").first.inner_text() == "Statement \u00b7 indirect"
    assert "nile-dam-talks:s4" in panel.inner_text()
    assert page.locator("#text span.sel").count() >= 3  # content, speaker and cue of s5 are selected
    shot(page, "article")
    panel.get_by_role("link", name="Dawit Alemu").click()
    page.wait_for_url("**/actors/dawit-alemu")
    assert page.inner_text("#actor-name") == "Dawit Alemu"
    assert "Water Minister" in page.inner_text("#profile")
    assert page.locator('#timeline li[data-id="nile-dam-talks:s4"]').count() == 1
    shot(page, "actor")
    # ... and from the timeline back to the sentence in the article.
    page.locator('#timeline li[data-id="nile-dam-talks:s4"] .sentence a').click()
    page.wait_for_url("**/articles/nile-dam-talks#nile-dam-talks:s4")
    assert "nile-dam-talks:s4" in page.inner_text("#panel")


def test_a_filtered_search_has_a_shareable_url(server, page):
    page.goto(server + "/search?what=events")
    page.fill('input[name="type"]', "CONSULT")
    page.fill('input[name="country"]', "ETH")
    page.click("#search-form button")
    page.wait_for_url("**/search?what=events&type=CONSULT&actor=&country=ETH&since=&until=")
    shown = page.locator("#results li.rec").evaluate_all("els => els.map(e => e.dataset.id)")
    api = httpx.get(server + "/api/events", params={"type": "CONSULT", "country": "ETH"}).json()["items"]
    assert shown == [e["id"] for e in api] and len(shown) >= 1
    shot(page, "search")
    page.goto(page.url)  # the same URL shows the same records
    assert page.locator("#results li.rec").evaluate_all("els => els.map(e => e.dataset.id)") == shown


def test_a_hostile_article_renders_as_text(server, page):
    page.goto(server + "/articles/hostile")
    assert page.eval_on_selector("#text", "e => e.textContent") == HOSTILE
    assert page.evaluate("document.querySelectorAll('main img, #text script, #text b').length") == 0
    assert page.evaluate("window.pwned === undefined")
    assert page.inner_text("h1") == "<script>alert('t')</script>"
    spans = page.locator("#text span.m")
    assert spans.count() > 0
    spans.first.click()
    assert page.locator("#panel .record").count() >= 1
    page.goto(server + "/search?what=statements&speaker=Lind")
    assert page.evaluate("document.querySelectorAll('main img').length") == 0
    assert page.dialogs == []


def _side_by_side(cards) -> None:
    """The cards sit in one row, left to right."""
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert len({round(b["y"]) for b in boxes}) == 1, boxes
    assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)


def test_an_incident_page_shows_its_reports_side_by_side(server, page):
    page.goto(server + "/incidents?type=SANCTION&min_articles=2")
    page.locator("#incidents tbody tr a").first.click()
    page.wait_for_url("**/incidents/**")
    (inc,) = httpx.get(server + "/api/incidents", params={"type": "SANCTION", "min_articles": 2}).json()["items"]
    cards = page.locator("#reports article.card")
    assert cards.evaluate_all("els => els.map(e => e.dataset.id)") == [r["event_id"] for r in inc["reports"]]
    _side_by_side(cards)
    assert page.locator("#joins tbody tr").count() == len(
        httpx.get(server + "/api/incidents/" + inc["id"]).json()["links"])
    shot(page, "incident")
    # From a report to its sentence in the article, with the event's record open beside it.
    first = inc["reports"][0]
    cards.first.locator(".sentence a").click()
    page.wait_for_url(f"**/articles/{first['doc']}#{first['event_id']}")
    assert first["event_id"] in page.inner_text("#panel")


def test_a_remark_page_marks_the_words_that_changed(server, page):
    page.goto(server + "/remarks?changed=1")
    page.locator("#remarks tbody tr td a").last.click()  # the fullest wording opens the remark
    page.wait_for_url("**/remarks/**")
    cards = page.locator("#wordings article.card")
    assert cards.count() == 3
    _side_by_side(cards)
    assert page.locator("#wordings mark.chg").all_inner_texts() == ["eleven", "twelve"]
    assert page.inner_text("#remark-title") == "Remark by Ragnar Eiriksson"
    shot(page, "remark")
