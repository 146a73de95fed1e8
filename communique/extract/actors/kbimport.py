"""Actors for the knowledge base from a Wikidata SPARQL export or a user's actor file (`communique actors import`).

The Wikidata export is the JSON result (Download > JSON, or `Accept: application/sparql-results+json`) of:

    SELECT ?person ?personLabel ?positionLabel ?start ?end ?countryCode WHERE {
      ?person wdt:P31 wd:Q5; p:P39 ?held.                 # humans with a position held (P39)
      ?held ps:P39 ?position; pq:P580 ?start.             # start time (P580)
      OPTIONAL { ?held pq:P582 ?end. }                    # end time (P582)
      { ?position wdt:P17 ?country. } UNION { ?position wdt:P1001 ?country. }   # country, or jurisdiction
      ?country wdt:P298 ?countryCode.                     # ISO 3166-1 alpha-3
      FILTER(?start >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }

Rows lacking a person, label or country code are skipped and counted.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from communique.extract.actors.kb import KBActor, KnowledgeBase, Office, from_json, to_json
from communique.sectors import sector_of

NEEDED = ("person", "personLabel", "positionLabel", "start", "countryCode")


@dataclass
class Imported:
    """What an import read."""

    actors: list[KBActor]
    skipped: int = 0


def read_wikidata(data: dict) -> Imported:
    """People and their dated positions from a SPARQL JSON result."""
    from communique.extract.actors.describe import actor_key

    people: dict[str, dict] = {}
    skipped = 0
    for row in data.get("results", {}).get("bindings", []):
        value = {k: v.get("value") for k, v in row.items() if isinstance(v, dict)}
        if any(not value.get(k) for k in NEEDED) or value["personLabel"].startswith("Q"):
            skipped += 1
            continue
        person = people.setdefault(value["person"], {"name": value["personLabel"], "offices": []})
        title, code = value["positionLabel"], value["countryCode"].upper()
        person["offices"].append(Office(title, code, sector_of(title) or "GOV", _day(value["start"]),
                                        _day(value.get("end")), None, "wikidata"))
    actors = []
    for person in people.values():
        country = Counter(o.country for o in person["offices"]).most_common(1)[0][0]
        offices = sorted(set(person["offices"]), key=lambda o: (o.start or date.min, o.title))
        actors.append(KBActor(actor_key(person["name"], country), person["name"], country, "person", [], offices))
    return Imported(actors, skipped)


def read_actor_file(path: Path) -> Imported:
    """The entries of a user's YAML/CSV actor file, as knowledge-base actors."""
    from communique.actorfile import load_actor_file
    from communique.extract.actors.describe import actor_key

    book = load_actor_file(path)
    actors = []
    for e in book.entries:
        offices = [Office(o.title, o.country or e.country or "", e.sector or sector_of(o.title), o.start, o.until,
                          None, "user") for o in e.offices]
        actors.append(KBActor(actor_key(e.name, e.country), e.name, e.country, e.kind or "person",
                              list(e.aliases), offices))
    return Imported(actors, len(book.warnings))


def _day(text: Optional[str]) -> Optional[date]:
    """The day of a Wikidata time value ("2021-01-20T00:00:00Z"); None when unreadable."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.lstrip("+")[:10])
    except ValueError:
        return None


def import_file(source: Path, into: Path) -> tuple[Imported, int]:
    """Merge a Wikidata export (.json) or an actor file (.yaml/.yml/.csv) into the extra file `into`;
    returns what was read and the number of actors the extra file now holds."""
    if source.suffix.lower() == ".json":
        imported = read_wikidata(json.loads(source.read_text(encoding="utf-8")))
    else:
        imported = read_actor_file(source)
    base = from_json(json.loads(into.read_text(encoding="utf-8"))) if into.exists() else KnowledgeBase([], {})
    base.add(imported.actors)
    base.meta = {"imported": "communique actors import"}
    tmp = into.with_name(into.name + ".tmp")
    tmp.write_text(json.dumps(to_json(base), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(into)  # never a half-written file
    return imported, len(base)
