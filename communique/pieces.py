"""Parse long articles in paragraph-aligned pieces, so memory depends on the piece size, not the article's.

spaCy's parser needs memory in proportion to a document's length (about 115 MB for a 34,000
character article with the small English model); parsing pieces and joining them with
Doc.from_docs keeps the parser's peak flat however long an article is (the joined Doc, about 0.3 KB
a token without its tok2vec tensor, and the records still grow with it). Pieces end at paragraph
breaks, which end sentences anyway, so the parse is the same as for the whole text.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from communique.extract import docutil

PIECE_CHARS = 6_000
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))
# A run of this many marks and symbols, without a letter, digit or space, is no prose. spaCy's tokenizer peels the
# marks off such a run one at a time, in time that grows with the square of its length (25 KB of quotation marks
# took 25 s), and the model then spends a token on each; the run becomes one token that skips the tokenizer.
JUNK_CHARS = 256
_JUNK = re.compile(r"[^\w\s]{%d,}" % JUNK_CHARS)


def split(text: str, size: Optional[int] = None, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    """Ranges covering text[start:end] exactly, each at most about `size` characters, cut at the weakest break."""
    size = size or PIECE_CHARS
    end = len(text) if end is None else end
    pieces = []
    while end - start > size:
        cut = _cut(text, start, start + size)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def plan(text: str) -> list[tuple[int, int, bool]]:
    """The pieces of `text` to parse, in order and covering it exactly: (start, end, is_junk); junk is a run of at
    least JUNK_CHARS marks and symbols, parsed as one token."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    for match in _JUNK.finditer(text):
        if match.start() > start:
            out += [(s, e, False) for s, e in split(text, start=start, end=match.start())]
        out.append((match.start(), match.end(), True))
        start = match.end()
    if start < len(text) or not out:
        out += [(s, e, False) for s, e in split(text, start=start)]
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """The last paragraph (else line, sentence, word) break before `limit`, after `start`."""
    window = text[start:limit]
    for pattern in BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if m.end() > len(window) // 4]
        if ends:
            return start + ends[-1]
    return limit


def parse(nlp: Language, texts: Iterable[str], skip: list[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts with every component but `skip`, piece by piece, one joined Doc per text."""
    texts = list(texts)
    jobs = [(k, s, e, junk) for k, text in enumerate(texts) for s, e, junk in plan(text)]
    parsed = nlp.pipe((Doc(nlp.vocab, words=[texts[k][s:e]], spaces=[False]) if junk else texts[k][s:e]
                       for k, s, e, junk in jobs), disable=skip, batch_size=batch_size)
    group: list[Doc] = []
    current = 0
    for (k, _, _, _), doc in zip(jobs, parsed):
        if k != current:
            # the pieces are let go before the joined Doc is handed on: held while the components ran,
            # they doubled the memory a long article takes
            joined, group = _join(group, texts[current]), []
            yield joined
            current = k
        group.append(_without_tensor(doc))
    if jobs:
        joined, group = _join(group, texts[current]), []
        yield joined


def _without_tensor(doc: Doc) -> Doc:
    """The piece without the tok2vec output kept on it: nothing after the parse reads it, and at 96 floats a
    token it was the largest part of a long article's Doc (71 MB at a million characters)."""
    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc


def _join(docs: list[Doc], text: str) -> Doc:
    """One Doc from consecutive pieces; its text is exactly the article's."""
    if len(docs) == 1:
        # the text itself, untouched: spaCy's tokenizer keeps every character, so Doc.text (which the components
        # read first, and which joins every token's text again) is the article's text
        docs[0].user_data["communique_text"] = text
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    joined = doc.text
    if joined != text:  # never expected; a wrong offset would be worse than the memory
        raise ValueError("piecewise parse changed the text")
    doc.user_data["communique_text"] = joined  # docutil.text's cache: Doc.text is costly
    return doc


def document_components(nlp: Language) -> list[str]:
    """Components that need the whole article: everything after the last of spaCy's own annotators."""
    names = nlp.pipe_names
    last_builtin = -1
    for k, name in enumerate(names):
        pipe = nlp.get_pipe(name)
        # function components carry their own module; Cython classes only on the type
        module = getattr(pipe, "__module__", None) or type(pipe).__module__
        if module.split(".")[0] in ("spacy", "spacy_legacy"):
            last_builtin = k
    return names[last_builtin + 1 :]


def analyse(nlp: Language, items: Iterable[tuple[str, str, object]], batch_size: int = 16) -> Iterator[Doc]:
    """The full pipeline over (text, doc_id, published) items: pieces for spaCy, whole articles for ours."""
    items = list(items)
    whole = document_components(nlp)
    for (_, doc_id, published), doc in zip(items, parse(nlp, (t for t, _, _ in items), whole, batch_size)):
        doc._.doc_id = doc_id
        doc._.published = published
        for name in whole:
            doc = nlp.get_pipe(name)(doc)
        docutil.release(doc)
        yield doc
