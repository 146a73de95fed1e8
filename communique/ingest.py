"""Read articles from text, HTML and JSON Lines files, directories or stdin, one at a time.

Every problem with an input becomes a `Skip` record (path plus a one-line reason) instead of an
exception, so a run over many files goes on past a bad one.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from communique import jsonl, reader
from communique.limits import too_long
from communique.options import Options
from communique.reader import LongLine, Unreadable
from communique.records import Article, Skip
from communique.walk import FORMATS, NO_FILES, expand_paths  # noqa: F401  (NO_FILES: callers import it from here)

Record = Union[Article, Skip]

BINARY = "binary or undecodable file"
EMPTY = "empty file"
NO_ARTICLE = "no article text found"
_TAG_RE = re.compile(r"<[A-Za-z!/]")
_MIN_PARAGRAPH_WORDS = 5  # trafilatura falls back to nav/footer text on empty pages
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF_BYTES = 2048
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_Unreadable = Unreadable


def read_paths(paths: Iterable[str], options: Options) -> Iterator[Record]:
    """Yield an Article or a Skip for each article in `paths`, lazily ("-" is stdin)."""
    for path in expand_paths(paths):
        if isinstance(path, Skip):
            yield path
        elif path == "-":
            yield from _finish_all(_read_stdin(options), options)
        else:
            yield from read_file(path, options)


def describe_skip(skip: Skip) -> str:
    """One-line message for a skipped input: "path: reason" (a newline in a file name stays escaped)."""
    return f"{printable(skip.path)}: {printable(skip.reason)}"


def printable(text: str) -> str:
    """`text` with control characters, line separators and lone surrogates escaped (\\n, \\udc80)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def display_path(path: str) -> str:
    """A file name as text that can be stored and printed: undecodable bytes become U+FFFD."""
    try:
        return os.fsencode(path).decode("utf-8", "replace")
    except (UnicodeError, ValueError):
        return printable(path)


def read_file(path: str, options: Options) -> Iterator[Record]:
    """Records from one named file; unknown extensions are read as plain text."""
    kind = FORMATS.get(Path(path).suffix.lower(), "text")
    shown = display_path(path)
    try:
        if kind == "jsonl":
            records = _read_jsonl(path, shown, options.max_chars)
        else:
            data = reader.read_file(path, reader.byte_limit(kind, options.max_chars), options.max_chars)
            article = _parse_html(data, shown) if kind == "html" else _parse_text(data, shown)
            records = iter([article])
        yield from _finish_all(records, options)
    except _Unreadable as err:
        yield Skip(shown, str(err))


def read_bytes(data: bytes, path: str, options: Options) -> Iterator[Record]:
    """Records from a file's bytes already in memory (a URI read by Ray), as `read_file` reads a file."""
    kind = FORMATS.get(Path(path).suffix.lower(), "text")
    shown = display_path(path)
    try:
        if kind == "jsonl":
            lines = reader.bounded_lines(io.BytesIO(data), reader.line_limit(options.max_chars))
            records = _jsonl_records(lines, shown, _stem(shown), options.max_chars)
        else:
            limit = reader.byte_limit(kind, options.max_chars)
            if len(data) > limit:
                raise _Unreadable(reader.too_many_bytes(limit, options.max_chars, len(data)))
            records = iter([_parse_html(data, shown) if kind == "html" else _parse_text(data, shown)])
        yield from _finish_all(records, options)
    except _Unreadable as err:
        yield Skip(shown, str(err))


def article_from_object(obj: dict, where: str, default_id: str, options: Options) -> Record:
    """An article from one JSON object or Parquet row (id, text, title, published, ...), or a Skip."""
    try:
        jsonl.check_fields(obj)
    except jsonl.Invalid as err:
        return Skip(where, str(err))
    record = _article_from_object(obj, where, default_id, options.max_chars)
    return record if isinstance(record, Skip) else _finish(record, options)


def _finish_all(records: Iterator[Record], options: Options) -> Iterator[Record]:
    """Apply the length cap and the --published override to each article."""
    for record in records:
        yield record if isinstance(record, Skip) else _finish(record, options)


def _finish(article: Article, options: Options) -> Record:
    """The article with its date overridden, or a Skip when it is over the cap."""
    length = len(article.text)
    if length > options.max_chars:
        where = article.path or article.id
        return Skip(where, too_long(length, options.max_chars))
    if options.published is not None:
        article = replace(article, published=options.published)
    return article


def decode(data: bytes, declared: Optional[str] = None) -> str:
    """Text from bytes: UTF-8 (BOM or not), then the declared charset, then a detected one."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Unreadable(BINARY) from None
    if b"\x00" in data:
        raise _Unreadable(BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to detection
    return _detect(data)


def _detect(data: bytes) -> str:
    """Decode with charset-normalizer's best guess, preferring cp1252 among equal guesses."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise _Unreadable(BINARY)
    # Short Western European texts score the same in several code pages; cp1252 (a superset
    # of Latin-1) is by far the likeliest for news copy, while cp1250 mangles ã, è, à.
    for match in matches:
        same = match.chaos == best.chaos and match.coherence == best.coherence
        if same and match.encoding == "cp1252":
            return str(match)
    return str(best)


def blank(text: str) -> bool:
    """Whether nothing in the text shows: only whitespace and format characters (zero-width spaces and
    joiners, U+FEFF, U+2060, direction marks), so a file of them is empty, not an article."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n, as Python's text-mode open does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_text(data: bytes, path: str, doc_id: Optional[str] = None) -> Article:
    """A plain-text article; its id is the file stem."""
    text = normalise_newlines(decode(data))
    if blank(text):
        raise _Unreadable(EMPTY)
    return Article(id=doc_id or Path(path).stem, text=text, path=path)


def _parse_html(data: bytes, path: str, doc_id: Optional[str] = None) -> Article:
    """An HTML page's main text, title and publication date, via trafilatura (no fetching)."""
    import trafilatura

    match = _CHARSET_RE.search(data[:4096])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    html = decode(data, declared)
    if blank(html):
        raise _Unreadable(EMPTY)
    if not _TAG_RE.search(html):
        return _parse_text(data, path, doc_id)  # a text file saved as .html
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Metadata only: a date found by searching the body text would be a guess.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # a third-party parser on arbitrary input: never crash the run
        raise _Unreadable(f"could not parse HTML ({type(err).__name__})") from None
    text = _paragraphs(getattr(doc, "text", None) or "")
    if not text:
        raise _Unreadable(NO_ARTICLE)
    return Article(
        id=doc_id or Path(path).stem,
        text=text,
        title=getattr(doc, "title", None) or None,
        published=_parse_date(getattr(doc, "date", None)),
        url=getattr(doc, "url", None) or None,
        path=path,
    )


def _paragraphs(extracted: str) -> str:
    """Blank-line separated paragraphs, like wire copy in text files; "" if none is prose."""
    paras = [p.strip() for p in normalise_newlines(extracted).split("\n") if not blank(p)]
    if not any(len(p.split()) >= _MIN_PARAGRAPH_WORDS for p in paras):
        return ""
    return "\n\n".join(paras)


def _parse_date(value: object) -> Optional[date]:
    """A date from an ISO date or datetime string (or date object); None if it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _read_jsonl(path: str, shown: str, max_chars: int) -> Iterator[Record]:
    """Articles from a JSON Lines file, one bounded line at a time; bad lines become Skips."""
    fh, _ = reader.open_regular(path)
    with fh:
        lines = reader.bounded_lines(fh, reader.line_limit(max_chars))
        yield from _jsonl_records(lines, shown, _stem(shown), max_chars)


def _stem(path: str) -> str:
    """A file's stem as an article id."""
    return Path(path).stem


def _jsonl_records(
    lines: Iterable[reader.Line], path: str, stem: str, max_chars: int
) -> Iterator[Record]:
    """Parse each line; an empty file or one with NUL bytes is a single Skip."""
    seen = False
    for lineno, raw in enumerate(lines, start=1):
        if isinstance(raw, LongLine):
            seen = True
            yield Skip(f"{path}:{lineno}", _long_line(raw, max_chars))
            continue
        if b"\x00" in raw:
            raise _Unreadable(BINARY)
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        seen = True
        article = _jsonl_line(raw, f"{path}:{lineno}", f"{stem}-{lineno}", max_chars)
        if isinstance(article, Article):
            article.path = path
        yield article
    if not seen:
        raise _Unreadable(EMPTY)


def _long_line(line: LongLine, max_chars: int) -> str:
    """Why an overlong JSON Lines line was skipped (and whether the rest of the input was)."""
    limit = reader.line_limit(max_chars)
    size = f"over {line.length:,}" if line.runaway else f"{line.length:,}"
    rest = "; the rest of the input was not read" if line.runaway else ""
    return f"line is {size} bytes, over the {limit:,}-byte line limit for {max_chars:,} characters (--max-chars){rest}"


def _jsonl_line(raw: bytes, where: str, default_id: str, max_chars: int) -> Record:
    """One JSON Lines record as an Article, or a Skip naming the line ("path:lineno")."""
    try:
        obj = jsonl.parse(raw)
        jsonl.check_fields(obj)
    except jsonl.Invalid as err:
        return Skip(where, str(err))
    return _article_from_object(obj, where, default_id, max_chars)


def _article_from_object(obj: dict, where: str, default_id: str, max_chars: int) -> Record:
    """An Article from a checked JSON object, or a Skip naming `where`."""
    text = obj.get("text")
    if not isinstance(text, str) or blank(text):
        return Skip(where, "missing or empty 'text'")
    text = normalise_newlines(text)
    if len(text) > max_chars:
        return Skip(where, too_long(len(text), max_chars))
    published = _parse_date(obj.get("published"))
    if obj.get("published") not in (None, "") and published is None:
        return Skip(where, f"'published' is not an ISO date: {printable(repr(obj['published']))}")
    doc_id = obj.get("id")
    return Article(
        id=str(doc_id) if doc_id not in (None, "") else default_id,
        text=text,
        title=jsonl.opt_str(obj.get("title")),
        published=published,
        source=jsonl.opt_str(obj.get("source")),
        url=jsonl.opt_str(obj.get("url")),
    )


def _read_stdin(options: Options) -> Iterator[Record]:
    """Standard input as one article (id "stdin"), or as HTML / JSON Lines when it looks so; never unbounded."""
    try:
        stream = reader.binary_stdin(sys.stdin)
        head = reader.read_upto(stream, _SNIFF_BYTES)
        stream = reader.joined(head, stream)
        kind = _sniff(head)
        limit = reader.line_limit(options.max_chars)
        if kind == "jsonl?":
            first = _first_line(stream, limit)
            stream = reader.joined(first, stream)
            kind = "jsonl" if jsonl.is_object_line(first.lstrip(codecs.BOM_UTF8 + b" \t\r\n")) else "text"
        if kind == "jsonl":
            lines = reader.bounded_lines(stream, limit)
            yield from _jsonl_records(lines, "stdin", "stdin", options.max_chars)
            return
        data = reader.read_bounded(stream, reader.byte_limit(kind, options.max_chars), options.max_chars)
        if kind == "html":
            yield _parse_html(data, "stdin", doc_id="stdin")
        else:
            yield _parse_text(data, "stdin", doc_id="stdin")
    except _Unreadable as err:
        yield Skip("stdin", str(err))
    except OSError as err:
        yield Skip("stdin", reader.os_reason(err))


def _first_line(stream: IO[bytes], limit: int) -> bytes:
    """Everything up to the end of the first line that is not blank (at most `limit` bytes of it)."""
    taken = b""
    while True:
        line = stream.readline(limit + 2)
        taken += line
        if not line or line.strip(codecs.BOM_UTF8 + b" \t\r\n"):
            return taken


def _sniff(head: bytes) -> str:
    """Guess "html", "jsonl?" (a JSON object may start here) or "text" from the start of piped input."""
    head = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "jsonl?" if head.startswith(b"{") else "text"
