"""Country, capital, demonym, metonym and IGO look-ups from the generated countries.json."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class Place:
    """What a piece of text names: a country, one of its symbols, or an international body."""

    code: str  # ISO 3166 alpha-3, an IGO code (UN, EU, NATO ...) or NGO
    name: str  # readable name: "Norway", "Russian presidency", "United Nations"
    kind: str  # country, demonym, capital, metonym, igo, ngo, group
    sector: Optional[str] = None


def norm(text: str) -> str:
    """Lookup key: accents folded, lower case, no leading "the", no possessive ending."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACE.sub(" ", text).strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return _POSSESSIVE.sub("", text).strip()


def _is_case_sensitive(alias: str) -> bool:
    """Short upper-case aliases ("WHO", "US") match only in upper case."""
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 5


@dataclass
class _Tables:
    exact: dict[str, Place]  # case-sensitive: abbreviations and short IGO acronyms
    folded: dict[str, Place]  # by norm(): everything else, best kind first
    display: dict[str, str]
    igo_codes: frozenset[str]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """Load countries.json once (about 20 ms) and index it."""
    raw = json.loads(resources.files("communique.data").joinpath("countries.json").read_text("utf-8"))
    display = raw["display"]
    exact: dict[str, Place] = {}
    folded: dict[str, Place] = {}
    # Later tables must not override earlier ones: a country name beats a capital of the
    # same spelling, an IGO alias ("Brussels") beats a capital.
    for abbr, code in raw["abbreviations"].items():
        exact[abbr] = Place(code, display[code], "country", "GOV")
    for org in raw["igos"]:
        place = Place(org["code"], org["name"], "igo", org.get("sector", "IGO"))
        _add_aliases(exact, folded, org["aliases"], place)
    for org in raw["ngos"]:
        _add_aliases(exact, folded, org["aliases"], Place("NGO", org["name"], "ngo", "NGO"))
    for grp in raw["groups"]:
        _add_aliases(exact, folded, grp["aliases"], Place(grp["code"], grp["name"], "group", grp["sector"]))
    for key, m in raw["metonyms"].items():
        folded.setdefault(norm(key), Place(m["country"], m["name"], "metonym", m["sector"]))
    for table, kind in (("names", "country"), ("demonyms", "demonym"), ("capitals", "capital")):
        sector = "GOV" if kind != "demonym" else None
        for key, code in raw[table].items():
            folded.setdefault(key, Place(code, display[code], kind, sector))
    igo_codes = frozenset(o["code"] for o in raw["igos"])
    return _Tables(exact, folded, display, igo_codes)


def _add_aliases(exact: dict, folded: dict, aliases: list[str], place: Place) -> None:
    """Index an organisation under each alias, acronyms case-sensitively."""
    for alias in aliases:
        if _is_case_sensitive(alias):
            exact.setdefault(alias, place)
        else:
            folded.setdefault(norm(alias), place)


@lru_cache(maxsize=65536)  # actor descriptions try every 1-3 word window of a phrase, and words repeat
def lookup(text: str) -> Optional[Place]:
    """The place or body `text` names exactly ("Norway's", "the U.S.", "Kremlin", "NATO")."""
    t = tables()
    stripped = _POSSESSIVE.sub("", _SPACE.sub(" ", text.strip()).replace("\u2019", "'")).strip()
    if stripped.lower().startswith("the "):
        stripped = stripped[4:]
    if stripped in t.exact:
        return t.exact[stripped]
    return t.folded.get(norm(text))


def country_of(text: str) -> Optional[str]:
    """ISO alpha-3 or IGO code for a name, demonym, capital, metonym or IGO; None if unknown."""
    place = lookup(text)
    return place.code if place else None


def country_name(code: str) -> Optional[str]:
    """Readable name for an alpha-3 code ("NOR" -> "Norway")."""
    return tables().display.get(code)


def is_igo(code: Optional[str]) -> bool:
    """True for IGO codes (UN, EU, NATO ...), which the PLOVER gold writes as "IGO"."""
    return code == "IGO" or code in tables().igo_codes


def is_known_code(code: str) -> bool:
    """True for an alpha-3 country code, an IGO code, IGO, NGO or IMG."""
    return code in tables().display or is_igo(code) or code in ("NGO", "IMG")


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City key -> alpha-3, from the compact GeoNames table built by data/build_cities.py."""
    with resources.files("communique.data").joinpath("cities.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def city_country(name: str) -> Optional[str]:
    """The country of a city named in a location phrase ("in Bergen" -> NOR), or None."""
    return _cities().get(norm(name))
