"""Build countries.json from pycountry, countryinfo and extra_names.yaml.

Run `python -m communique.data.build_countries` after changing extra_names.yaml or
upgrading either package, and commit the output: at run time only the JSON is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import yaml
from countryinfo._cache import load_countries

HERE = Path(__file__).resolve().parent
OUT = HERE / "countries.json"
# countryinfo alternative spellings that are ordinary English words or first names.
ALT_SKIP = {"island", "mann", "mannin", "stateof", "holysee"}


def norm(text: str) -> str:
    """The lookup key; must match communique.countries.norm."""
    from communique.countries import norm as runtime_norm

    return runtime_norm(text)


def _put(table: dict, key: str, code: str, pop: dict[str, int]) -> None:
    """Add key -> code; on a clash keep the more populous country ("Congo" -> COD)."""
    k = norm(key)
    if not k or k in ALT_SKIP:
        return
    old = table.get(k)
    if old is None or pop.get(code, 0) > pop.get(old, 0):
        table[k] = code


def _countryinfo() -> dict[str, dict]:
    """countryinfo records of ISO countries, keyed by alpha-3 (first, i.e. sovereign, wins)."""
    out: dict[str, dict] = {}
    for info in load_countries()["countries"].values():
        code = (info.get("ISO") or {}).get("alpha3")
        if code and pycountry.countries.get(alpha_3=code) and code not in out:
            out[code] = info
    return out


def build() -> dict:
    """All tables, as one JSON-ready dict."""
    extra = yaml.safe_load((HERE / "extra_names.yaml").read_text(encoding="utf-8"))
    info = _countryinfo()
    pop = {c: int(i.get("population") or 0) for c, i in info.items()}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    display: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_3
        display[code] = getattr(c, "common_name", None) or c.name
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                _put(names, getattr(c, attr), code, pop)
    for code, i in info.items():
        display[code] = i["name"] if "," not in i["name"] else display[code]
        _put(names, i["name"], code, pop)
        for alt in i.get("altSpellings") or []:
            if not (alt.isupper() and len(alt) <= 3):  # codes: see abbreviations
                _put(names, alt, code, pop)
        dem = (i.get("demonym") or "").strip()
        if dem:
            _put(demonyms, dem, code, pop)
            if dem[-1] in "niy" and not dem.endswith("ese"):
                _put(demonyms, dem + "s", code, pop)  # Russians, Israelis
        cap = i.get("capital")
        for cap in cap if isinstance(cap, list) else [cap]:
            if cap and cap not in extra["capitals_skip"]:
                _put(capitals, cap, code, pop)
    for code, alts in extra["names"].items():
        for alt in alts:
            names[norm(alt)] = code
    for adj, code in extra["adjectives"].items():
        demonyms[norm(adj)] = code
        if adj[-1] in "niy" and not adj.endswith("ese"):
            demonyms.setdefault(norm(adj + "s"), code)
    for cap, code in extra["capitals"].items():
        capitals[norm(cap)] = code
    for cap in extra["capitals_skip"]:
        capitals.pop(norm(cap), None)
    display.update({"USA": "United States", "GBR": "United Kingdom", "RUS": "Russia"})
    return {
        "names": dict(sorted(names.items())),
        "abbreviations": extra["abbreviations"],
        "demonyms": dict(sorted(demonyms.items())),
        "capitals": dict(sorted(capitals.items())),
        "display": dict(sorted(display.items())),
        "metonyms": extra["metonyms"],
        "igos": extra["igos"],
        "ngos": extra["ngos"],
        "groups": extra["groups"],
    }


def main() -> None:
    """Write countries.json."""
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
