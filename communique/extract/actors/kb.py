"""The dated actor knowledge base: who a name is, and which office they held on a given day.

The shipped table (data/kb.json, built by data/build_kb.py) is read on first use only. Resolution is
date-aware: among actors sharing a name the one holding an office on the article's date wins, and an office
only known up to a source's horizon (the Phoenix dictionaries end in 2015) says nothing about later days.
A user's extra file (`communique actors import`) is merged on top of it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

IGO_SECTOR = "IGO"
FORMER_SECTOR = "ELI"  # PLOVER/Phoenix: elites, including former office holders
_CODE_TITLE = re.compile(r"^[A-Z]{6,}$")  # Phoenix role codes (RUSGOV) are not titles
_ENDING = re.compile(r"(?:iy|yy|ii|yi|ij|ei|i)\b")
_PUNCT = re.compile(r"[^\w\s'-]")


def key(name: str) -> str:
    """Look-up key: accents, case, dots, initials and transliteration endings folded ("Zelenskiy" = "Zelenskyy")."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = [w for w in _PUNCT.sub(" ", text).split() if len(w) > 1 or w.isdigit()]
    if words and words[0] == "the":
        words = words[1:]
    return _ENDING.sub("y", " ".join(words)).removesuffix("'s")


@dataclass(frozen=True)
class Office:
    """A title held between two days; `horizon` is the last day its source knows about."""

    title: str
    country: str
    sector: Optional[str]
    start: Optional[date] = None
    until: Optional[date] = None
    horizon: Optional[date] = None
    source: str = ""

    def held_on(self, on: Optional[date]) -> Optional[bool]:
        """True when held on `on`, False when not, None when the source cannot tell (past its horizon)."""
        if on is None:
            return self.until is None and self.horizon is None or None
        if self.start is not None and on < self.start:
            return False
        if self.until is not None:
            return on <= self.until
        if self.horizon is not None and on > self.horizon:
            return None
        return True

    @property
    def readable(self) -> bool:
        """A title a reader would write ("Foreign Minister"), not a bare source code."""
        return not _CODE_TITLE.match(self.title)


@dataclass
class KBActor:
    """One actor of the knowledge base."""

    id: str
    name: str
    country: Optional[str]
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    """What the knowledge base says about a name on a day."""

    kb_id: str
    name: str
    role: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    kind: str
    in_office: Optional[bool]  # True: holds an office then; False: only earlier offices; None: cannot tell


def _date(value: Optional[str]) -> Optional[date]:
    """ISO text as a date."""
    return date.fromisoformat(value) if value else None


def _office(row: list) -> Office:
    """An office from its compact JSON row."""
    title, country, sector, start, until, horizon, source = row
    return Office(title, country, sector, _date(start), _date(until), _date(horizon), source)


class KnowledgeBase:
    """Actors indexed by name and alias; records are built from their JSON rows only when asked for."""

    def __init__(self, rows: list[list], meta: Optional[dict] = None, index: Optional[dict] = None):
        self.meta = dict(meta or {})
        self._rows = rows
        self._cache: dict[int, KBActor] = {}
        self._index, self._surnames = index if index is not None else index_rows(rows)

    def add(self, actors: Iterable[KBActor]) -> None:
        """Add actors; one whose id is already present replaces the old record."""
        position = {row[0]: k for k, row in enumerate(self._rows)}
        self._rows = list(self._rows)
        for actor in actors:
            row = to_row(actor)
            if actor.id in position:
                self._rows[position[actor.id]] = row
            else:
                position[actor.id] = len(self._rows)
                self._rows.append(row)
        self._cache = {}
        self._index, self._surnames = index_rows(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def actor(self, k: int) -> KBActor:
        """The k-th actor."""
        if k not in self._cache:
            kb_id, name, country, kind, aliases, offices = self._rows[k]
            self._cache[k] = KBActor(kb_id, name, country, kind, list(aliases), [_office(r) for r in offices])
        return self._cache[k]

    @property
    def actors(self) -> list[KBActor]:
        """Every actor (builds them all: for stats and export, not for look-ups)."""
        return [self.actor(k) for k in range(len(self._rows))]

    def candidates(self, name: str) -> tuple[list[KBActor], bool]:
        """Actors a name may refer to, and whether only a bare surname matched."""
        k = key(name)
        hits = list(self._index.get(k, []))
        bare = " " not in k
        if bare:
            hits += [i for i in self._surnames.get(k, []) if i not in hits]
        return [self.actor(i) for i in hits], bare

    def resolve(self, name: str, on: Optional[date] = None, country: Optional[str] = None,
                title: Optional[str] = None) -> Optional[Match]:
        """The actor `name` refers to on `on` (an article date), agreeing with `country` when one is known.

        A bare surname or one-word alias counts only for someone in office on that day, or for the one
        candidate who ever held the office the text titles them with ("Chancellor Scholz" after his term);
        several candidates are told apart by who held an office then (else by who has a known title at all),
        and stay unresolved when that does not settle it.
        """
        found, bare = self.candidates(name)
        if country:
            found = [a for a in found if country in (a.country, *(o.country for o in a.offices))]
        if bare and title:
            titled = [a for a in found if any(_same_title(title, o.title) for o in a.offices if o.readable)]
            if len({a.id for a in titled}) == 1:
                return _match(titled[0], on)
        if len({a.id for a in found}) > 1 or bare:
            holding = [a for a in found if any(o.held_on(on) for o in a.offices)]
            titled = [a for a in holding if any(o.readable and o.held_on(on) for o in a.offices)]
            if bare or holding:
                found = titled if len({a.id for a in holding}) > 1 else holding
            else:
                found = [a for a in found if any(o.readable for o in a.offices)]
        if len({a.id for a in found}) != 1:
            return None
        return _match(found[0], on)

    def stats(self, on: Optional[date] = None) -> dict:
        """Coverage figures: actors, aliases, offices by source, countries, people in office on `on`."""
        sources: dict[str, int] = {}
        actors = self.actors
        for a in actors:
            for o in a.offices:
                src = o.source if o.source in ("factbook", "phoenix", "wikidata", "user") else "curated"
                sources[src] = sources.get(src, 0) + 1
        held = [(a, o) for a in actors for o in a.offices if o.readable and o.held_on(on)]
        return {
            "actors": len(actors),
            "people": sum(a.kind == "person" for a in actors),
            "aliases": sum(len(a.aliases) for a in actors),
            "offices_by_source": dict(sorted(sources.items())),
            "countries": len({a.country for a in actors if a.country}),
            "in_office": len({a.id for a, _ in held}),
            "countries_with_office_holder": len({o.country for _, o in held}),
            **{k: v for k, v in self.meta.items() if isinstance(v, str)},
        }


def _same_title(text_title: str, office: str) -> bool:
    """Whether the title a text gives ("Chancellor", "Foreign Minister") names the office ("Chancellor of
    Germany"): its last word is one of the office's words."""
    words = text_title.lower().replace("-", " ").split()
    return bool(words) and words[-1] in office.lower().replace("-", " ").split()


def index_rows(rows: list[list]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Name/alias keys and surname keys (people with a known title) -> row positions."""
    index: dict[str, list[int]] = {}
    surnames: dict[str, list[int]] = {}
    for k, (_, name, _, kind, aliases, offices) in enumerate(rows):
        for alias in sorted({name, *aliases}):
            ak = key(alias)
            if ak and k not in index.setdefault(ak, []):
                index[ak].append(k)
        words = key(name).split()
        if kind == "person" and len(words) > 1 and len(words[-1]) > 3 and any(
                not _CODE_TITLE.match(o[0]) for o in offices):
            surnames.setdefault(words[-1], []).append(k)
    return index, surnames


def to_row(actor: KBActor) -> list:
    """An actor as its compact JSON row."""
    offices = [[o.title, o.country, o.sector, _iso(o.start), _iso(o.until), _iso(o.horizon), o.source]
               for o in actor.offices]
    return [actor.id, actor.name, actor.country, actor.kind, list(actor.aliases), offices]


def _match(actor: KBActor, on: Optional[date]) -> Match:
    """What one actor was on `on`: the office held then, else a former one."""
    offices = sorted(actor.offices, key=lambda o: (not o.readable, o.start or date.min), reverse=False)
    held = [o for o in offices if o.held_on(on)]
    home = actor.country if actor.country and not _is_igo_code(actor) else None
    if held:
        best = next((o for o in reversed(held) if o.readable), held[-1])
        country = best.country if best.sector == IGO_SECTOR else (home or best.country)
        return Match(actor.id, actor.name, best.title if best.readable else None, country, best.sector,
                     actor.kind, True)
    past = [o for o in offices if o.held_on(on) is False and o.until is not None and (on is None or o.until < on)]
    # an open office from a source that ends earlier is superseded by a dated office begun after that end
    latest = max((o.start for o in offices if o.readable and o.start), default=None)
    unknown = any(o.held_on(on) is None and not (latest and o.horizon and latest > o.horizon) for o in offices)
    if past and not unknown:
        last = max(past, key=lambda o: (o.readable, o.until))
        role = f"former {last.title}" if last.readable else None
        return Match(actor.id, actor.name, role, home, FORMER_SECTOR, actor.kind, False)
    return Match(actor.id, actor.name, None, home, None, actor.kind, None)


def _is_igo_code(actor: KBActor) -> bool:
    """Whether the actor's own country is an IGO code (its offices are all in that IGO)."""
    return all(o.sector == IGO_SECTOR and o.country == actor.country for o in actor.offices) and bool(actor.offices)


def from_json(data: dict) -> KnowledgeBase:
    """A knowledge base from kb.json's structure (its precomputed index is used when present)."""
    index = data.get("index")
    return KnowledgeBase(data["actors"], data.get("meta"), (index["names"], index["surnames"]) if index else None)


def to_json(kb: KnowledgeBase, with_index: bool = False) -> dict:
    """kb.json's structure for a knowledge base."""
    out = {"meta": kb.meta, "actors": kb._rows}
    if with_index:
        out["index"] = {"names": kb._index, "surnames": kb._surnames}
    return out


def _iso(day: Optional[date]) -> Optional[str]:
    """A date as ISO text."""
    return day.isoformat() if day else None


@lru_cache(maxsize=1)
def shipped() -> KnowledgeBase:
    """The knowledge base shipped with the package, loaded on first use."""
    text = resources.files("communique.extract.actors.data").joinpath("kb.json").read_text("utf-8")
    return from_json(json.loads(text))


@lru_cache(maxsize=4)
def load(extra: str = "") -> KnowledgeBase:
    """The shipped knowledge base, with a user's extra file (from `actors import`) merged on top."""
    if not extra:
        return shipped()
    base = shipped()
    kb = KnowledgeBase(base._rows, base.meta, (base._index, base._surnames))
    kb.add(from_json(json.loads(Path(extra).read_text(encoding="utf-8"))).actors)
    return kb
