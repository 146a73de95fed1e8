"""Ingest: reading articles from files, directories and stdin, and skipping bad input clearly."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from communique.ingest import describe_skip, read_paths
from communique.options import Options
from communique.records import Article, Skip

ROOT = Path(__file__).resolve().parents[1]

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Envoys resume river talks in Asunción</title>
<meta property="article:published_time" content="2026-04-09T07:15:00+00:00">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/markets">Markets</a></li></ul></nav>
<main><article>
<p>Negotiators from Paraguay and Bolivia met in Asunción on Wednesday to restart talks on the
shared river basin, the Paraguayan foreign ministry said.</p>
<p>“We came with a map and an open mind,” said Delfina Arce, the ministry’s spokeswoman.</p>
</article></main>
<footer><p>© 2026 Riverside Media Group. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
"""

PAGE_TEXT = (
    "Negotiators from Paraguay and Bolivia met in Asunción on Wednesday to restart talks on the"
    " shared river basin, the Paraguayan foreign ministry said."
    "\n\n“We came with a map and an open mind,” said Delfina Arce, the ministry’s spokeswoman."
)


def read(*paths, **options) -> list:
    """All records from `paths` with the given options."""
    return list(read_paths([str(p) for p in paths], Options(**options)))


def write(path: Path, content) -> Path:
    """Write str (UTF-8) or bytes to `path` and return it."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def test_plain_text_article_has_stem_id_and_no_metadata(tmp_path):
    path = write(tmp_path / "lima-talks.txt", "The envoy said talks would resume.\n")
    assert read(path) == [
        Article(id="lima-talks", text="The envoy said talks would resume.\n", path=str(path))
    ]


def test_crlf_and_cr_line_endings_become_newlines(tmp_path):
    path = write(tmp_path / "crlf.txt", b"First paragraph.\r\n\r\nSecond.\rThird.\r\n")
    [article] = read(path)
    assert article.text == "First paragraph.\n\nSecond.\nThird.\n"


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfThe minister said so.")
    assert read(path)[0].text == "The minister said so."


def test_html_gives_main_text_title_and_date_without_boilerplate(tmp_path):
    path = write(tmp_path / "river.html", PAGE)
    [article] = read(path)
    assert article.id == "river"
    assert article.title == "Envoys resume river talks in Asunción"
    assert article.published == date(2026, 4, 9)
    assert article.text == PAGE_TEXT
    assert "Privacy" not in article.text and "Markets" not in article.text


def test_html_with_only_navigation_is_skipped(tmp_path):
    page = (
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/world'>World</a></nav><footer>Subscribe now</footer></body></html>"
    )
    path = write(tmp_path / "nav.htm", page)
    assert read(path) == [Skip(str(path), "no article text found")]


def test_html_declared_charset_is_used(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("’", "'")
    page = page.replace("“", '"').replace("”", '"').replace("©", "(c)")
    path = write(tmp_path / "latin.html", page.encode("iso-8859-1"))
    [article] = read(path)
    assert article.title == "Envoys resume river talks in Asunción"
    assert "met in Asunción on Wednesday" in article.text


def test_jsonl_records_fields_and_defaults(tmp_path):
    lines = [
        '{"id": "a1", "text": "The envoy said so.", "title": "Envoy speaks",'
        ' "published": "2026-03-12", "source": "Wire", "url": "https://example.org/a1"}',
        "",
        '{"text": "No id here.\\r\\nSecond line.", "published": "2026-03-13T18:45:00Z"}',
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    assert read(path) == [
        Article(
            id="a1",
            text="The envoy said so.",
            title="Envoy speaks",
            published=date(2026, 3, 12),
            source="Wire",
            url="https://example.org/a1",
            path=str(path),
        ),
        Article(
            id="feed-3",
            text="No id here.\nSecond line.",
            published=date(2026, 3, 13),
            path=str(path),
        ),
    ]


def test_jsonl_bad_lines_are_skipped_by_line_number_and_the_rest_continues(tmp_path):
    lines = [
        '{"id": "ok1", "text": "First."}',
        '{"id": "bad" "text": "x"}',
        '{"id": "notext", "title": "Only a title"}',
        '{"id": "blank", "text": "   "}',
        "[1, 2]",
        '{"id": "baddate", "text": "Dated.", "published": "next Tuesday"}',
        '{"id": "ok2", "text": "Last."}',
    ]
    path = write(tmp_path / "mixed.ndjson", "\n".join(lines))
    records = read(path)
    assert [r.id for r in records if isinstance(r, Article)] == ["ok1", "ok2"]
    assert [describe_skip(r) for r in records if isinstance(r, Skip)] == [
        f"{path}:2: malformed JSON (Expecting ',' delimiter)",
        f"{path}:3: missing or empty 'text'",
        f"{path}:4: missing or empty 'text'",
        f"{path}:5: expected a JSON object, got list",
        f"{path}:6: 'published' is not an ISO date: 'next Tuesday'",
    ]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", "Bee article.")
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "z.html", PAGE)
    write(tmp_path / "a" / "notes.md", "Ignored: not an article extension.")
    write(tmp_path / "c.jsonl", '{"id": "c1", "text": "One."}\n{"id": "c2", "text": "Two."}\n')
    write(tmp_path / "d.text", "Dee article.")
    write(tmp_path / ".hidden.txt", "Ignored: hidden.")
    assert [r.id for r in read(tmp_path)] == ["z", "b", "c1", "c2", "d"]


def test_explicit_file_with_unknown_extension_is_plain_text(tmp_path):
    path = write(tmp_path / "cable.md", "The ambassador said talks went well.")
    assert read(path) == [
        Article(id="cable", text="The ambassador said talks went well.", path=str(path))
    ]


@pytest.mark.parametrize("content", ["", "  \n\n\t \n", "\u200b\u200c\n\u200d \ufeff\u2060\u200e\n\u200b"])
def test_empty_whitespace_or_zero_width_file_is_skipped(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    assert [describe_skip(r) for r in read(path)] == [f"{path}: empty file"]


def test_a_json_lines_text_of_zero_width_characters_is_empty(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"id": "z", "text": "\\u200b\\u2060 \\ufeff"}\n{"id": "ok", "text": "Fine."}\n')
    assert read(path) == [Skip(f"{path}:1", "missing or empty 'text'"), Article(id="ok", text="Fine.", path=str(path))]


def test_empty_jsonl_is_skipped(tmp_path):
    path = write(tmp_path / "empty.jsonl", "\n\n")
    assert read(path) == [Skip(str(path), "empty file")]


def test_binary_file_is_skipped(tmp_path):
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert read(path) == [Skip(str(path), "binary or undecodable file")]


def test_latin1_text_is_detected_and_decoded(tmp_path):
    text = (
        "O enviado brasileiro, João Gonçalves, encontrou-se com a ministra em Brasília.\n"
        "A reunião, segundo o Itamaraty, foi «produtiva» e terminou às três da tarde.\n"
    )
    path = write(tmp_path / "latin1.txt", text.encode("latin-1"))
    assert read(path)[0].text == text


def test_missing_file_is_skipped(tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert read(missing) == [Skip(str(missing), "no such file or directory")]


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", "Secret.")

    def refuse(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(file))

    # chmod does not stop root (CI runs as root), so refuse the open itself.
    monkeypatch.setattr("communique.reader._open_fd", refuse)
    assert read(path) == [Skip(str(path), "permission denied")]


def test_article_over_the_cap_is_skipped_with_length_and_cap(tmp_path):
    path = write(tmp_path / "long.txt", "x" * 1_200)
    assert [describe_skip(r) for r in read(path, max_chars=1_000)] == [
        f"{path}: article is 1,200 characters, over the 1,000 cap (--max-chars)"
    ]


def test_jsonl_line_over_the_cap_names_the_line(tmp_path):
    path = write(tmp_path / "long.jsonl", '{"text": "short"}\n{"text": "%s"}\n' % ("y" * 50))
    records = read(path, max_chars=20)
    assert records[1] == Skip(f"{path}:2", "article is 50 characters, over the 20 cap (--max-chars)")


def test_huge_text_file_is_refused_without_reading(tmp_path):
    path = write(tmp_path / "huge.txt", "z" * 500)
    assert read(path, max_chars=100) == [
        Skip(str(path), "input is 500 bytes, more than 100 characters can take (--max-chars)")
    ]


def test_html_over_its_byte_limit_is_refused_from_its_size_without_parsing(tmp_path, monkeypatch):
    # 8 bytes a character for HTML: the cap on the article's text is only known after parsing, the bytes before
    import time

    import trafilatura

    parsed = []
    extract = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: parsed.append(1) or extract(*a, **k))
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: refused from its size, never read
    began = time.monotonic()
    assert read(huge) == [
        Skip(str(huge), "input is 52,428,800 bytes, more than 1,000,000 characters can take (--max-chars)")]
    assert time.monotonic() - began < 1 and parsed == []
    page = write(tmp_path / "river.html", PAGE)  # 788 bytes, 235 characters of text
    assert read(page, max_chars=98) == [
        Skip(str(page), "input is 788 bytes, more than 98 characters can take (--max-chars)")]
    assert parsed == []
    assert read(page, max_chars=99) == [Skip(str(page), "article is 235 characters, over the 99 cap (--max-chars)")]
    assert parsed == [1]


def test_stdin_is_read_as_one_article(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Piped text.\r\nMore.\n"))
    assert read("-") == [Article(id="stdin", text="Piped text.\nMore.\n", path="stdin")]


def test_stdin_bytes_with_json_lines(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO(b'{"id": "p1", "text": "Piped."}\n{"oops"\n'))
    monkeypatch.setattr(sys, "stdin", stream)
    assert read("-") == [
        Article(id="p1", text="Piped.", path="stdin"),
        Skip("stdin:2", "malformed JSON (Expecting ':' delimiter)"),
    ]


def test_empty_stdin_is_skipped(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert read("-") == [Skip("stdin", "empty file")]


def test_published_option_overrides_record_and_html_dates(tmp_path):
    html = write(tmp_path / "page.html", PAGE)
    jsonl = write(tmp_path / "w.jsonl", '{"id": "w1", "text": "T.", "published": "2026-01-02"}\n')
    txt = write(tmp_path / "plain.txt", "Undated.")
    records = read(html, jsonl, txt, published=date(2026, 5, 1))
    assert [r.published for r in records] == [date(2026, 5, 1)] * 3


def test_records_are_yielded_lazily(tmp_path):
    write(tmp_path / "a.txt", "First.")
    stream = read_paths([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")], Options())
    assert next(stream).id == "a"
    write(tmp_path / "later.txt", "Written after the first record was read.")
    assert next(stream).id == "later"


def test_bundled_samples_all_read(tmp_path):
    records = read(ROOT / "samples")
    skips = [describe_skip(r) for r in records if isinstance(r, Skip)]
    assert skips == []
    articles = [r for r in records if isinstance(r, Article)]
    assert len(articles) == 8
    # Text files carry no metadata; the JSON Lines and HTML samples carry title and date.
    dated = [a for a in articles if not a.path.endswith(".txt")]
    assert len(dated) == 6
    assert all(a.published is not None and a.title for a in dated)
    for article in articles:
        assert 250 <= len(article.text.split()) <= 720, article.id


def test_directory_without_article_files_is_reported(tmp_path):
    write(tmp_path / "notes.md", "Not an article format.")
    assert [describe_skip(r) for r in read(tmp_path)] == [
        f"{tmp_path}: no .txt, .text, .html, .htm, .jsonl or .ndjson files in this directory"
    ]


def test_html_file_without_tags_is_read_as_text(tmp_path):
    path = write(tmp_path / "saved.html", "The envoy said talks would resume on Monday.")
    assert read(path) == [
        Article(id="saved", text="The envoy said talks would resume on Monday.", path=str(path))
    ]


def test_sample_html_drops_boilerplate_and_keeps_paragraphs():
    [article] = read(ROOT / "samples" / "havana-ceasefire.html")
    assert article.title == "Colombia and rebel group agree 90-day ceasefire after Havana talks"
    assert article.published == date(2026, 3, 27)
    assert article.text.startswith("HAVANA — Colombia’s government and the rebel Popular")
    assert article.text.endswith("unable to reach their fields for months.")
    assert article.text.count("\n\n") == 10  # eleven paragraphs
    for boilerplate in ("cookies", "Subscribe", "Related stories", "All rights reserved"):
        assert boilerplate not in article.text


def test_stdin_html_page_is_extracted(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    [article] = read("-")
    assert (article.id, article.title, article.published) == (
        "stdin",
        "Envoys resume river talks in Asunción",
        date(2026, 4, 9),
    )
    assert article.text == PAGE_TEXT


@pytest.mark.timeout(10)
def test_fifos_and_devices_are_skipped_one_line_each(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "real.txt", "The envoy said talks would resume.")
    assert [describe_skip(r) if isinstance(r, Skip) else r.id for r in read(tmp_path, "/dev/null")] == [
        f"{tmp_path / 'pipe.txt'}: not a regular file: a FIFO (named pipe)",
        "real",
        "/dev/null: not a regular file: a character device",
    ]


def test_a_file_name_that_is_not_utf8_gives_a_storable_id(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes in a file name: a lone surrogate in Python
    (tmp_path / name).write_text("The envoy said talks would resume.", encoding="utf-8")
    [article] = read(tmp_path)
    assert article.id == "caf\ufffd"
    assert article.path == str(tmp_path) + "/caf\ufffd.txt"
    article.path.encode("utf-8")  # no lone surrogate left to fail a store or a print


def test_a_newline_in_a_file_name_stays_on_one_message_line(tmp_path):
    path = write(tmp_path / "two\nlines.txt", "")
    [line] = [describe_skip(r) for r in read(path)]
    assert line == f"{tmp_path}/two\\nlines.txt: empty file"


def test_stdin_json_lines_after_blank_lines_and_a_bom(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbf\n\n{"id": "p1", "text": "Piped."}\n'), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    assert read("-") == [Article(id="p1", text="Piped.", path="stdin")]


def test_stdin_starting_with_a_brace_but_not_json_is_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("{Editor's note} The envoy said talks would resume.\n"))
    assert read("-") == [
        Article(id="stdin", text="{Editor's note} The envoy said talks would resume.\n", path="stdin")]


def test_stdin_over_the_byte_limit_is_skipped(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("w" * 5_000))
    assert read("-", max_chars=1_000) == [
        Skip("stdin", "input is over 4,000 bytes, more than 1,000 characters can take (--max-chars)")]


def test_deeply_nested_first_line_on_stdin_is_not_a_crash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("{" + '"a":' * 1 + "[" * 50_000 + "]" * 50_000 + "}\n"))
    [record] = read("-")
    assert isinstance(record, Article) and record.id == "stdin"  # not JSON Lines, so read as text
