"""The user's actor file (YAML or CSV): actors, aliases and offices with validity dates.

Entries win over inference.  A bad entry is skipped with a one-line warning naming the
file and the entry; only an unreadable file raises ActorFileError.

YAML: a list of actors (or a mapping with an `actors:` list)::

    - name: Ingrid Solberg
      aliases: [Solberg]
      country: NOR
      sector: GOV
      offices:
        - {title: Prime Minister, country: NOR, from: 2025-10-01, until: null}

CSV: columns name, aliases (separated by ";"), kind, country, sector, title,
office_country, from, until; one row per office, rows with the same name merge.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Optional

import yaml
from rapidfuzz import fuzz, process

from communique.countries import country_of, is_known_code, lookup as place_lookup
from communique.extract.actors.describe import ActorInfo
from communique.sectors import SECTORS, sector_of

log = logging.getLogger(__name__)
KINDS = {"person", "organisation", "country", "government", "group"}
FUZZY_CUTOFF = 90  # rapidfuzz ratio: catches "Eriksdotir" for "Eriksdottir", not other people
_SPACE = re.compile(r"\s+")


class ActorFileError(ValueError):
    """The actor file as a whole cannot be read; the message is one line."""


@dataclass
class Office:
    """A title held in a country between two dates (either may be open)."""

    title: str
    country: Optional[str] = None
    start: Optional[date] = None
    until: Optional[date] = None

    def holds_on(self, on: Optional[date]) -> bool:
        """Held on `on`; with no date, only an office still open counts."""
        if on is None:
            return self.until is None
        return (self.start is None or self.start <= on) and (self.until is None or on <= self.until)


@dataclass
class ActorEntry:
    """One actor of the file."""

    name: str
    aliases: list[str] = field(default_factory=list)
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    offices: list[Office] = field(default_factory=list)

    def info(self, on: Optional[date]) -> ActorInfo:
        """This actor as of `on`: the role is the office held then."""
        office = next((o for o in self.offices if o.holds_on(on)), None)
        return ActorInfo(
            name=self.name,
            role=office.title if office else None,
            country=self.country or (office.country if office else None),
            sector=self.sector or (sector_of(office.title) if office else None),
            kind=self.kind or "person",
        )


def norm(text: str) -> str:
    """Case-, accent- and space-insensitive key, without "the" or a possessive ending."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACE.sub(" ", text).strip().lower()
    text = text[4:] if text.startswith("the ") else text
    return re.sub(r"'s?$", "", text).strip()


class ActorBook:
    """The actors of one file, looked up by name, alias or office."""

    def __init__(self, entries: list[ActorEntry], warnings: Optional[list[str]] = None):
        self.entries = entries
        self.warnings = warnings or []
        self._by_key: dict[str, list[ActorEntry]] = {}
        for e in entries:
            for key in {norm(n) for n in [e.name, *e.aliases]}:
                self._by_key.setdefault(key, []).append(e)
        self._names = {norm(e.name): e for e in entries}

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, mention: str, on: Optional[date] = None) -> Optional[ActorInfo]:
        """The actor a name or alias refers to (near-misses of full names too), as of `on`."""
        key = norm(mention)
        found = self._by_key.get(key)
        if found:
            return self._pick(found, on).info(on)
        if len(key) >= 6 and self._names:
            best = process.extractOne(key, list(self._names), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best:
                return self._names[best[0]].info(on)
        return None

    @staticmethod
    def _pick(found: list[ActorEntry], on: Optional[date]) -> ActorEntry:
        """Of several actors sharing an alias, the one holding an office on `on`."""
        for e in found:
            if any(o.holds_on(on) for o in e.offices):
                return e
        return found[0]

    def office_holder(self, title: str, country: Optional[str] = None, on: Optional[date] = None) -> Optional[ActorInfo]:
        """Who held `title` (in `country`) on `on`; None when nobody or more than one did.

        The title may carry its country: "the Norwegian prime minister", "Norway's
        prime minister".
        """
        title_key, country = _split_title(title, country)
        holders = [
            e for e in self.entries for o in e.offices
            if norm(o.title) == title_key and o.holds_on(on)
            and (country is None or (o.country or e.country) == country)
        ]
        if len({id(e) for e in holders}) != 1:
            return None
        return holders[0].info(on)


def _split_title(title: str, country: Optional[str]) -> tuple[str, Optional[str]]:
    """Peel a leading country word off a title: ("prime minister", "NOR")."""
    words = norm(title).split()
    for n in (3, 2, 1):
        if len(words) > n:
            place = place_lookup(" ".join(words[:n]))
            if place is not None and place.kind in ("country", "demonym"):
                return " ".join(words[n:]), country or place.code
    return " ".join(words), country


# --- reading files --------------------------------------------------------------------


def load_actor_file(path: str | Path) -> ActorBook:
    """Read a YAML (.yaml/.yml) or CSV (.csv) actor file; bad entries become warnings."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorFileError(f"{path}: cannot read actor file: {exc}") from None
    raw = _read_csv(text) if path.suffix.lower() == ".csv" else _read_yaml(text, path)
    entries, warnings = [], []
    for n, item in enumerate(raw, 1):
        try:
            entries.append(_entry(item))
        except ValueError as exc:
            label = item.get("name") if isinstance(item, dict) else None
            msg = f"{path}: entry {n}" + (f" ({label})" if label else "") + f": {exc}; skipped"
            log.warning(msg)
            warnings.append(msg)
    return ActorBook(entries, warnings)


def _read_yaml(text: str, path: Path) -> list[Any]:
    """The list of actor mappings in a YAML file."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise ActorFileError(f"{path}: not valid YAML{line}") from None
    if data is None:
        return []
    if isinstance(data, dict) and isinstance(data.get("actors"), list):
        data = data["actors"]
    if not isinstance(data, list):
        raise ActorFileError(f"{path}: expected a list of actors (or an 'actors:' list)")
    return data


def _read_csv(text: str) -> list[dict[str, Any]]:
    """Rows of a CSV actor file, merged by name into YAML-shaped mappings."""
    merged: dict[str, dict[str, Any]] = {}
    order: list[dict[str, Any]] = []
    for row in csv.DictReader(text.splitlines()):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        name = row.get("name", "")
        item = merged.get(name) if name else None
        if item is None:
            item = {k: row.get(k) or None for k in ("name", "kind", "country", "sector")}
            item["aliases"] = [a.strip() for a in re.split(r"[;|]", row.get("aliases", "")) if a.strip()]
            item["offices"] = []
            order.append(item)
            if name:
                merged[name] = item
        if row.get("title"):
            item["offices"].append({"title": row["title"], "country": row.get("office_country") or None,
                                    "from": row.get("from") or None, "until": row.get("until") or None})
    return order


def _entry(item: Any) -> ActorEntry:
    """Validate one mapping into an ActorEntry; ValueError says what is wrong."""
    if not isinstance(item, dict):
        raise ValueError("not a mapping with a name")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("missing 'name'")
    unknown = set(item) - {"name", "aliases", "kind", "country", "sector", "offices"}
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    aliases = item.get("aliases") or []
    aliases = [aliases] if isinstance(aliases, str) else aliases
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError("'aliases' must be a list of names")
    kind = item.get("kind")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    sector = item.get("sector")
    if sector is not None and str(sector).upper() not in SECTORS:
        raise ValueError(f"unknown sector {sector!r}")
    offices = item.get("offices") or []
    if not isinstance(offices, list):
        raise ValueError("'offices' must be a list")
    return ActorEntry(
        name=name.strip(), aliases=[a.strip() for a in aliases], kind=kind,
        country=_country(item.get("country")), sector=str(sector).upper() if sector else None,
        offices=[_office(o) for o in offices],
    )


def _country(value: Any) -> Optional[str]:
    """An alpha-3 or IGO code, or a country name the tables know."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if is_known_code(text.upper()):
        return text.upper()
    code = country_of(text)
    if code is None:
        raise ValueError(f"unknown country {text!r} (use ISO 3166 alpha-3, e.g. NOR, or an IGO code)")
    return code


def _office(item: Any) -> Office:
    """Validate one office mapping."""
    if not isinstance(item, dict) or not isinstance(item.get("title"), str) or not item["title"].strip():
        raise ValueError("an office needs a 'title'")
    start, until = _date(item.get("from"), "from"), _date(item.get("until"), "until")
    if start and until and until < start:
        raise ValueError(f"office {item['title']!r} ends ({until}) before it starts ({start})")
    return Office(item["title"].strip(), _country(item.get("country")), start, until)


def _date(value: Any, what: str) -> Optional[date]:
    """A YAML date, an ISO date string, or None."""
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"'{what}' {value!r} is not a date (YYYY-MM-DD)") from None
