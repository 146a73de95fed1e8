"""Build roles.json, role words -> PLOVER sector, from the CAMEO agents dictionaries (PLOVER and Phoenix).

Run `python -m communique.data.build_roles` (or pass the two files' paths) after changing either source, and
commit the output: at run time only the JSON is read, and only when a role is not in the hand-kept table of
communique/sectors.py. Sources (MIT licence, Copyright (c) 2014 Open Event Data Alliance; see NOTICE.md):
`../shared/data/ngec/PLOVER_agents.txt` (NGEC's PLOVER agents, read first) and
`../shared/data/petrarch2/Phoenix.agents.txt` (PETRARCH2's, filling what the first lacks).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

HERE = Path(__file__).resolve().parent
OUT = HERE / "roles.json"
SHARED = HERE.parents[2] / "shared" / "data"
SOURCES = (SHARED / "ngec" / "PLOVER_agents.txt", SHARED / "petrarch2" / "Phoenix.agents.txt")

# CAMEO agent codes -> the sector codes Communiqué writes (communique.sectors.SECTORS). Religions are REL,
# human-rights and environmental groups NGO, civil society CVL. The two dictionaries disagree on MED: Phoenix
# writes MED for the media and HLH for health; NGEC's PLOVER file writes JRN for the media and MED for health.
# Communiqué follows Phoenix (MED: media, HLH: health), so a file that uses JRN has its MED read as HLH.
RELIGIONS = {"CHR", "CTH", "PRO", "ORT", "MUS", "SUN", "SHI", "JEW", "BUD", "HIN", "JAN", "SIK", "ZRO", "BAH",
             "DOX", "ALE", "ITH", "MOS"}
RENAME = {"HRI": "NGO", "ENV": "NGO", "SOC": "CVL"}
JRN_DIALECT = {"JRN": "MED", "MED": "HLH"}
KEEP = {"GOV", "MIL", "COP", "LEG", "JUD", "OPP", "REB", "MED", "HLH", "BUS", "NGO", "IGO", "CVL", "LAB", "EDU",
        "AGR", "REF", "REL", "SPY", "CRM", "PTY", "ELI", "UAF"}
# Codes that say nothing about a sector (natural disasters, regions, unknown): dropped.
_ENTRY = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{[^}]*\}\s*)?\[~(?P<code>[A-Z]+)[\]}]")
_SUBST = re.compile(r"^(?P<name>![A-Z]+!)\s*=\s*(?P<values>.+)$")


def sector_codes(code: str, jrn_dialect: bool = False) -> list[str]:
    """A CAMEO agent code ("GOVMIL", "RELCHR") as sector codes, primary first; unknown parts are dropped.
    `jrn_dialect`: the dictionary writes JRN for the media (and so MED for health)."""
    out: list[str] = []
    for k in range(0, len(code) - 2, 3):
        part = code[k : k + 3]
        if jrn_dialect and part in JRN_DIALECT:
            part = JRN_DIALECT[part]
        part = "REL" if part in RELIGIONS else RENAME.get(part, part)
        if part in KEEP and part not in out:
            out.append(part)
    return out


def entries(lines: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """(role phrase in lower case, sector codes) for each dictionary line, substitution sets expanded."""
    lines = list(lines)
    jrn_dialect = any("[~JRN" in line for line in lines)
    subst: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _SUBST.match(line)
        if m:
            subst[m["name"]] = [v.strip() for v in m["values"].split(",") if v.strip()]
            continue
        m = _ENTRY.match(line)
        if not m:
            continue
        codes = sector_codes(m["code"], jrn_dialect)
        if not codes:
            continue
        for phrase in _expand(m["phrase"].strip(), subst):
            text = " ".join(phrase.replace("_", " ").lower().split())
            if text and not text.endswith((" in", " to", " for", " at", " of")):
                yield text, codes


def _expand(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    """A phrase with its !SET! placeholders replaced by each member (singular forms only)."""
    for name, values in subst.items():
        if name in phrase:
            singulars = [v for v in values if not v.endswith(("MEN", "IES")) and v not in ("MINISTERS",)]
            out = []
            for value in singulars:
                out += _expand(phrase.replace(name, value, 1), subst)
            return out
    return [phrase]


def build(paths: Iterable[Path]) -> dict:
    """The roles table: the first source to name a phrase decides its sectors."""
    roles: dict[str, list[str]] = {}
    names = []
    for path in paths:
        names.append(path.name)
        for phrase, codes in entries(path.read_text(encoding="utf-8", errors="replace").splitlines()):
            roles.setdefault(phrase, codes)
    return {"meta": {"sources": names, "licence": "MIT, Copyright (c) 2014 Open Event Data Alliance",
                     "built_by": "communique/data/build_roles.py"},
            "roles": dict(sorted(roles.items()))}


def main(argv: list[str]) -> None:
    """Write roles.json from the two dictionaries (default: their places beside the checkout)."""
    paths = [Path(a) for a in argv] or list(SOURCES)
    table = build(paths)
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table['roles'])} role phrases from {', '.join(table['meta']['sources'])}")


if __name__ == "__main__":
    main(sys.argv[1:])
