"""Per-document caches: Doc.text and Doc.ents are rebuilt on every access, and extractors ask often."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Iterable, Optional

from spacy.attrs import IDX, IDS
from spacy.tokens import Doc, Span, Token


CACHE_PREFIX = "communique_"


def release(doc: Doc) -> None:
    """Drop the caches once the components are done: cached spans point back at their Doc, and that cycle kept
    every finished article in memory until a full garbage collection (peak memory grew with the corpus)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX)]:
        del doc.user_data[key]


def text(doc: Doc) -> str:
    """The document's text, joined once."""
    cached = doc.user_data.get("communique_text")
    if cached is None:
        cached = doc.user_data["communique_text"] = doc.text
    return cached


def ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, built once."""
    cached = doc.user_data.get("communique_ents")
    if cached is None:
        cached = doc.user_data["communique_ents"] = tuple(doc.ents)
    return cached


def token_starts(doc: Doc) -> list[int]:
    """Token start offsets, for bisection from a character offset to a token."""
    cached = doc.user_data.get("communique_starts")
    if cached is None:
        cached = doc.user_data["communique_starts"] = doc.to_array(IDX).tolist()
    return cached


def tokens_where(doc: Doc, name: str, tests: dict[str, Callable[[str], bool]]) -> list[int]:
    """Indices of the tokens whose string attributes (LOWER, LEMMA, POS, DEP, ENT_TYPE...) all pass their tests,
    in text order, listed once per document under `name` (one name, one set of tests; the most selective first).

    A loop over every token made a Token object and read its strings for each, though most words are never
    candidates. Here each test sees each distinct string once per process, and a document costs a pass over its
    attribute hashes (none when no string of the document passes)."""
    key = CACHE_PREFIX + "where_" + name
    found = doc.user_data.get(key)
    if found is None:
        found = list(range(len(doc)))
        for k, (attr, test) in enumerate(tests.items()):
            column, distinct = _column(doc, attr)
            good = passing(doc, (name, attr), test, distinct)
            if not good:
                found = []
                break
            if k == 0:
                found = [i for i, h in enumerate(column) if h in good]
            else:
                found = [i for i in found if column[i] in good]
        doc.user_data[key] = found
    return found


_SEEN: dict[tuple[str, str], set[int]] = {}  # (name, attribute) -> string hashes tested
_PASSED: dict[tuple[str, str], set[int]] = {}  # (name, attribute) -> string hashes that passed
SEEN_MAX = 200_000  # a long run's vocabulary: start again rather than grow


def passing(doc: Doc, key: tuple[str, str], test: Callable[[str], bool], distinct: set[int]) -> set[int]:
    """The hashes among `distinct` whose strings pass `test`, each string tested once per process."""
    seen, passed = _SEEN.setdefault(key, set()), _PASSED.setdefault(key, set())
    if len(seen) > SEEN_MAX:
        seen.clear()
        passed.clear()
    strings = doc.vocab.strings
    for h in distinct.difference(seen):  # (iterates `distinct`: `seen` holds the whole run's vocabulary)
        seen.add(h)
        if test(strings[h] if h else ""):
            passed.add(h)
    return distinct & passed


def _column(doc: Doc, attr: str) -> tuple[list[int], set[int]]:
    """One attribute's string hash for every token, and the distinct hashes, read once per document."""
    key = CACHE_PREFIX + "column_" + attr
    cached = doc.user_data.get(key)
    if cached is None:
        column = doc.to_array(IDS[attr]).tolist()
        cached = doc.user_data[key] = (column, set(column))
    return cached


def between(indices: list[int], start: int, end: int) -> list[int]:
    """The indices (sorted) that lie in start..end."""
    return indices[bisect_left(indices, start) : bisect_left(indices, end)]


def ents_in(span: Span) -> list[Span]:
    """Entities lying wholly inside a span (what Span.ents returns)."""
    return ents_within(span.doc, span.start, span.end)


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities lying wholly inside tokens start..end, found by bisection: scanning every entity of a long
    article for each sentence made the time grow with the square of its length."""
    spans = ents(doc)
    out = []
    # entities never overlap, so from the first starting inside, they end in order too
    for k in range(bisect_left(_ent_starts(doc), start), len(spans)):
        if spans[k].end > end:
            break
        out.append(spans[k])
    return out


def ents_starting(doc: Doc, start: int, end: int) -> tuple[Span, ...]:
    """Entities whose first token lies in start..end, in text order."""
    starts = _ent_starts(doc)
    return ents(doc)[bisect_left(starts, start) : bisect_left(starts, end)]


def _ent_starts(doc: Doc) -> list[int]:
    """The first token of each entity, in text order, listed once."""
    starts = doc.user_data.get("communique_ent_starts")
    if starts is None:
        starts = doc.user_data["communique_ent_starts"] = [e.start for e in ents(doc)]
    return starts


def entity_of(token: Token) -> Optional[Span]:
    """The entity a token belongs to, read from its IOB tags instead of scanning every entity."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def actor_book(doc: Doc):
    """The user's actor file (an ActorBook) the pipeline was loaded with, or None."""
    return doc.user_data.get("communique_actor_book")


def set_actor_book(doc: Doc, book) -> None:
    """Attach the actor file for the resolvers that run on this document."""
    if book is not None:
        doc.user_data["communique_actor_book"] = book


@lru_cache(maxsize=4)
def load_book(path: str):
    """Load an actor file once per process; an empty path means none. Both components read it, and a recycled
    pipeline (pipeline._recycle) codes with the entries the run began with, as the knowledge base's load does."""
    if not path:
        return None
    from communique.actorfile import load_actor_file

    return load_actor_file(path)


def knowledge_base(doc: Doc):
    """The actor knowledge base for this document: a user's merged one if set, else the shipped one."""
    kb = doc.user_data.get("communique_kb")
    if kb is None:
        from communique.extract.actors.kb import shipped

        kb = shipped()
    return kb


def set_knowledge_base(doc: Doc, kb) -> None:
    """Attach a knowledge base with a user's imported actors (None: the shipped one is used)."""
    if kb is not None:
        doc.user_data["communique_kb"] = kb


def ents_keyed(doc: Doc, name: str, keys: Callable[[Span], Iterable[str]]) -> dict[str, tuple[list[int], list[Span]]]:
    """Entities filed under each key `keys` gives them (end offsets and entities, in text order), built once
    per document under `name`: looking back for "the nearest earlier entity with this word" is then a
    bisection instead of a scan over the whole article."""
    cache_key = CACHE_PREFIX + "keyed_" + name
    table = doc.user_data.get(cache_key)
    if table is None:
        table = {}
        for ent in ents(doc):
            for key in dict.fromkeys(keys(ent)):
                ends, spans = table.setdefault(key, ([], []))
                ends.append(ent.end_char)
                spans.append(ent)
        doc.user_data[cache_key] = table
    return table


def last_ending_by(filed: Optional[tuple[list[int], list[Span]]], char: int) -> Optional[Span]:
    """Of entities filed by `ents_keyed` under one key, the last that ends at or before `char`."""
    if filed is None:
        return None
    ends, spans = filed
    k = bisect_right(ends, char)
    return spans[k - 1] if k else None


def full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the first full name the article tags as a person ("Cruz" -> "Ted Cruz")."""
    key = CACHE_PREFIX + "full_names"
    if key not in doc.user_data:
        table: dict[str, str] = {}
        for e in ents(doc):
            if e.label_ == "PERSON" and len(e) > 1:
                table.setdefault(e[-1].text, e.text)
        doc.user_data[key] = table
    return doc.user_data[key]


def people(doc: Doc) -> frozenset[str]:
    """The names the article tags as people, and the surnames of its full names."""
    key = CACHE_PREFIX + "people"
    if key not in doc.user_data:
        doc.user_data[key] = frozenset(e.text for e in ents(doc) if e.label_ == "PERSON") | set(full_names(doc))
    return doc.user_data[key]
