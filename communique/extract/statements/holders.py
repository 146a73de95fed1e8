"""The named person a role description stands for: "Russia's envoy ... Vassily Petrov told the council".

News introduces a speaker by role in one sentence and names them in the next (or the other way round). A
definite description ("the Pakistani envoy", "the head of the agency", "the military spokesperson") is linked
to a person named within a few sentences whose role is of the same kind and whose country does not conflict,
preferring the same country, shared role words ("military"), then the nearest mention.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from communique.extract import docutil
from communique.extract.statements.names import NOT_NAMES
from communique.extract.statements.speakers import ArticleIndex, Person

# Kinds of role, by the words that name them (phrases before single words).
ROLE_KINDS = {
    "diplomat": ("secretary of state", "foreign minister", "foreign secretary", "permanent representative",
                 "envoy", "ambassador", "diplomat", "emissary", "representative", "consul"),
    "spokes": ("press secretary", "public relations", "media wing", "spokesman", "spokeswoman", "spokesperson"),
    "leader": ("secretary-general", "secretary general", "executive director", "director general", "head",
               "chief", "director", "leader", "chairman", "chairwoman", "chairperson", "chair", "boss"),
}
KIND_WORDS = frozenset(w for words in ROLE_KINDS.values() for phrase in words for w in phrase.split()) | {
    "deputy", "executive", "general", "acting", "interim", "lieutenant", "colonel", "major", "special"}
WINDOW = 3  # sentences between the description and a mention of the person, at most
PREFIX = 3  # characters of a name by which it is looked for inside entity texts (full names are longer)
GENERIC = frozenset("top senior chief the a an of for".split())


@dataclass
class _Candidate:
    """A named person with what the article (and the knowledge base) says of them."""

    person: Person
    kinds: set[str]
    country: Optional[str]
    words: set[str]
    sentences: list[int]


def role_kinds(text: str) -> set[str]:
    """The kinds of role a title names ("U.S. deputy U.N. ambassador" -> {"diplomat"})."""
    low = " " + text.lower().replace("-", " - ").replace("\u2019s", "").replace("'s", "") + " "
    return {kind for kind, words in ROLE_KINDS.items() if any(f" {w} " in low for w in words)}


class RoleHolders:
    """Named people of one article, read once, that role descriptions can be linked to."""

    def __init__(self, doc: Doc, index: ArticleIndex):
        self.doc = doc
        self.index = index
        self._starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self._candidates: Optional[list[_Candidate]] = None
        self._by_sentence: dict[int, list[int]] = {}  # sentence -> the candidates named there (by position)
        self._namings: Optional[tuple[dict[str, list[int]], dict[str, list[int]]]] = None

    def holder(self, span: Span, country: Optional[str]) -> Optional[Person]:
        """The person a definite description refers to, or None."""
        kinds = role_kinds(span.root.text) or role_kinds(span.text[span.root.idx - span.start_char:])
        if not kinds or span.root.tag_ in ("NNS", "NNPS"):
            return None
        here = self._sentence(span.start_char)
        words = _content_words(span) - {span.root.lower_}
        scored = []
        for cand in self._near(here):
            if not kinds & cand.kinds or (country and cand.country and cand.country != country):
                continue
            if words and cand.words - KIND_WORDS and not words & cand.words:
                continue  # "the head of the pilots' guild" is not the head of the army press office
            gaps = [abs(s - here) for s in cand.sentences]
            gap = min(gaps) if gaps else WINDOW + 1
            if gap > WINDOW:
                continue
            scored.append((bool(country and cand.country == country), len(words & cand.words), -gap, cand))
        if not scored:
            return None
        scored.sort(key=lambda s: s[:3], reverse=True)
        if len(scored) > 1 and scored[0][:3] == scored[1][:3]:
            return None  # two people fit equally well
        best = scored[0][3]
        best.country = best.country or country  # "Norway's envoy ... Ambassador Lind": Lind is Norway's
        return best.person

    def candidates(self) -> list[_Candidate]:
        """Every named person with their role kinds, country, role words and the sentences naming them."""
        if self._candidates is None:
            self._candidates = [c for c in (self._candidate(p) for p in self.index.persons) if c is not None]
            for k, cand in enumerate(self._candidates):
                for n in set(cand.sentences):
                    self._by_sentence.setdefault(n, []).append(k)
        return self._candidates

    def _near(self, here: int) -> list[_Candidate]:
        """The candidates named within WINDOW sentences of sentence `here`, in the order of `candidates`."""
        everyone = self.candidates()
        found = {k for n in range(here - WINDOW, here + WINDOW + 1) for k in self._by_sentence.get(n, ())}
        return [everyone[k] for k in sorted(found)]

    def _candidate(self, person: Person) -> Optional[_Candidate]:
        """One person as a candidate, when the article or the knowledge base gives them a role."""
        from communique.extract.actors import describe as actors

        if len(person.name.split()) < 2:
            return None
        mention = self._mention_at(person.start)
        info = actors.describe(mention, docutil.actor_book(self.doc), self.doc._.published,
                               full_name=person.name) if mention is not None else None
        roles = list(person.roles) + ([info.role] if info is not None and info.role else [])
        kinds = set().union(*(role_kinds(r) for r in roles)) if roles else set()
        if not kinds:
            return None
        words = {w.lower().replace("\u2019s", "").replace("'s", "") for r in roles for w in r.split()} - GENERIC
        return _Candidate(person, kinds, info.country if info is not None else None, words,
                          self._sentences_naming(person))

    def _mention_at(self, start: int) -> Optional[Span]:
        """The person entity beginning at a character offset."""
        ent = next((e for e in docutil.ents_starting(self.doc, *self._token_range(start)) if e.start_char == start), None)
        if ent is not None:
            return ent
        k = bisect_left(docutil.token_starts(self.doc), start)
        found = k < len(self.doc) and self.doc[k].idx == start
        return self.doc[k : k + 1] if found else None

    def _token_range(self, start: int) -> tuple[int, int]:
        """The tokens that can begin at character `start`: the one there, if any."""
        k = bisect_left(docutil.token_starts(self.doc), start)
        return k, k + 1

    def _sentences_naming(self, person: Person) -> list[int]:
        """Sentence numbers of the mentions of a person: full name or surname."""
        if self._namings is None:
            self._namings = self._file_names()
        containing, by_surname = self._namings
        surname = person.name.split()[-1]
        hits = set(containing.get(person.name, ())) | set(by_surname.get(surname, ()))
        named = docutil.ents(self.doc)
        return [self._sentence(named[k].start_char) for k in sorted(hits)] or [self._sentence(person.start)]

    def _file_names(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """The name entities (by position) that hold each candidate's full name, and by their last word: looked
        up per person, instead of a scan of every entity for each one."""
        names = [p.name for p in self.index.persons if len(p.name.split()) > 1]
        by_prefix: dict[str, list[str]] = {}
        for name in dict.fromkeys(names):
            by_prefix.setdefault(name[:PREFIX], []).append(name)
        containing: dict[str, list[int]] = {}
        by_surname: dict[str, list[int]] = {}
        for k, ent in enumerate(docutil.ents(self.doc)):
            if ent.label_ in NOT_NAMES:
                continue
            text = ent.text
            for i in range(len(text) - PREFIX + 1):
                for name in by_prefix.get(text[i : i + PREFIX], ()):
                    if text.startswith(name, i) and not containing.get(name, [None])[-1] == k:
                        containing.setdefault(name, []).append(k)
            words = text.split()
            if words:
                by_surname.setdefault(words[-1].removesuffix("'s"), []).append(k)
        return containing, by_surname

    def _sentence(self, char: int) -> int:
        """The number of the sentence holding a character offset."""
        from bisect import bisect_right

        return max(0, bisect_right(self._starts, char) - 1)


def _content_words(span: Span) -> set[str]:
    """The description's own words that may also appear in a role ("military" of "the military spokesperson")."""
    return {t.lower_ for t in span if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.dep_ != "poss"
            and not t.ent_type_ in ("GPE", "NORP")} - GENERIC
