"""Regenerate the shipped event tables from the public dictionaries (offline, standard library only).

Reads PETRARCH2's CAMEO verb dictionary (MIT) and PLOVER's CAMEO-to-PLOVER table (CC BY-SA 4.0) and writes,
beside this script:
- `cameo_verbs.json`: every verb, phrasal verb and pattern of CAMEO.2.0.txt with its CAMEO code and the line it
  came from (MIT, notice inside); each verb says whether it is one of the original TABARI verbs (`curated`) or came
  in with a WordNet synonym set, and for the latter how common its past tense is in English (`zipf`, wordfreq);
- `cameo2plover.json`: the CAMEO-to-PLOVER mapping as data (CC BY-SA 4.0, notice inside; kept a separate file).
The coder joins the two at load time (`lexicon.py`) and applies the written conventions of `conventions.yaml`.

Which verbs a pattern serves. The dictionary is PETRARCH2's regrouping of TABARI's per-verb patterns into verb
blocks (synonym sets): a pattern line belongs to its block and PETRARCH2 applies it to every verb of the block;
the comment after it ("# CHALLENGE") only records the verb the pattern was first written for (the file's header
says so). A phrasal verb of a block ("+CARRY_OUT" in PERPETUATE) is one of its verbs: used with its particle,
it takes that block's patterns, not those of its first word's block (CARRY in SEND). The coder does the same,
keeping that verb as `source`, used only for "---" patterns (not an event), which are sense exceptions of their
own verb. A verb whose block patterns misfire is retyped with `patterns:
ignore` in conventions.yaml (deploy, withdraw, sue...). Measured and not adopted:
- restricting every pattern to its commented verb (TABARI's reading): VOA dev F1 0.739 -> 0.735, PLOVER-GSR
  0.658 -> 0.646, NGEC ledes 197 -> 193 of 640; nor would it mend the misfires reported against block-wide use
  ("moving soldiers into X" is MOVE's own 192 pattern, "sent warships to" SEND's own 0332);
- trying the verb's own patterns first among equally specific ones: scores unchanged (ledes +1), but "arrested
  protesters" then takes ARREST's own 175 (violent repression, ASSAULT) over the 173 arrest listed before it.

    python -m communique.extract.events.data.build_lexicon --shared ../shared/data
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
CAMEO_FILE = "petrarch2/CAMEO.2.0.txt"
MAPPING_FILE = "plover/CAMEO2PLOVER-2021.txt"

MIT_NOTICE = (
    "Derived from PETRARCH2's CAMEO.2.0.txt verb dictionary (github.com/openeventdata/petrarch2). "
    "The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance. Permission is hereby granted, free of "
    "charge, to any person obtaining a copy of this software and associated documentation files (the "
    "\"Software\"), to deal in the Software without restriction, including without limitation the rights to use, "
    "copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons "
    "to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice "
    "and this permission notice shall be included in all copies or substantial portions of the Software. THE "
    "SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED."
)
CC_NOTICE = (
    "Derived from the CAMEO to PLOVER conversion table, PLOVER manual draft 0.8 (17 September 2021), "
    "github.com/openeventdata/PLOVER, edited by Philip Schrodt. Licensed under the Creative Commons "
    "Attribution-ShareAlike 4.0 International License (https://creativecommons.org/licenses/by-sa/4.0/); "
    "this derived table is shared under the same licence."
)

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z_\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def word(raw: str) -> str:
    """A dictionary word as a lower-case lemma: underscores join words, a final one marks an exact form."""
    return raw.strip("_").replace("_", " ").lower()


def parse_element(tok: str) -> Optional[dict]:
    """One pattern element: a word, a {phrase}, a (PREP words) phrase or a &SET; None for actor markers."""
    if tok in ("$", "+", "^", "%", "|"):
        return None
    if tok.startswith("{"):
        return {"phrase": [word(w) for w in tok.strip("{}").split() if w not in ("$", "+", "^")]}
    if tok.startswith("("):
        inner = [w for w in tok.strip("()").split() if w not in ("$", "+", "^")]
        if not inner:
            return None
        return {"prep": [p.lower() for p in inner[0].split("/")], "words": [_ref(w) for w in inner[1:]]}
    return {"word": _ref(tok)}


def _ref(tok: str) -> str:
    """A word, or a synonym-set reference kept as "&NAME"."""
    return "&" + tok[1:].strip("_") if tok.startswith("&") else word(tok)


def parse_pattern(body: str) -> Optional[dict]:
    """Elements before and after the verb (the "*") of one pattern line."""
    if "*" not in body:
        return None
    pre, _, post = body.partition("*")
    pre_el = [e for e in map(parse_element, TOKEN.findall(pre)) if e]
    post_el = [e for e in map(parse_element, TOKEN.findall(post)) if e]
    if not pre_el and not post_el:
        return None
    return {"before": pre_el, "after": post_el}


def past_form(lemma: str, forms: str) -> str:
    """The verb's past tense: the irregular form the dictionary lists, else the regular -ed form.

    The past form, unlike the lemma, is not shared with a noun ("jail", "phone"), so its frequency says how
    often the word is used as a verb."""
    listed = [w.lower() for w in forms.strip("{}").split() if not w.endswith(("S", "ING"))]
    if listed:
        return listed[0]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def zipf(form: str) -> float:
    """How common a word is in English (wordfreq's Zipf scale: 5 is "brought", 3 is "shelled")."""
    from wordfreq import zipf_frequency

    return round(zipf_frequency(form, "en"), 2)


def parse_cameo(path: Path) -> dict:
    """Synonym sets, verbs, phrasal verbs and patterns of the CAMEO verb dictionary, with their lines."""
    synsets: dict[str, list[str]] = {}
    verbs, phrasal, patterns = [], [], []
    block: Optional[tuple[str, str]] = None
    current_set: Optional[str] = None
    orphans: dict[str, Counter] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = line.rstrip()
        if not text or text.startswith("#"):
            current_set = None if not text else current_set
            continue
        if block is None and text.startswith("&"):
            current_set = text[1:].strip().strip("_")
            synsets[current_set] = []
            continue
        if block is None and current_set and text.startswith("+"):
            synsets[current_set].append(word(text[1:].split()[0]))
            continue
        head = BLOCK.match(text)
        if head:
            block, current_set = (head.group(1), head.group(2).strip()), None
            continue
        if block is None:
            continue
        pat = PATTERN.match(text)
        if pat:
            parsed = parse_pattern(pat.group(1))
            source = (pat.group(3) or "").split()[0] if pat.group(3) else ""
            code = pat.group(2).strip()
            if parsed is not None:
                patterns.append({"block": block[0], **parsed, "code": code, "line": n,
                                 "source": word(source) if source else None})
            if source:
                orphans.setdefault(word(source), Counter())[code.split(":")[0][:2]] += 1
            continue
        m = VERB_LINE.match(text)
        if not m:
            continue
        name, code = m.group(1), (m.group(3) or f"[{block[1]}]").strip("[]").strip()
        entry = {"block": block[0], "code": code, "line": n, "coder_note": "#" in text}
        if name.startswith("+"):
            parts = word(name[1:]).split()
            phrasal.append({"lemma": parts[0], "rest": parts[1:], **entry})
        else:
            verbs.append({"lemma": word(name), **entry, "past": past_form(word(name), m.group(2) or "")})
    known = {v["lemma"] for v in verbs}
    # Verbs of the original TABARI lists: cited as a pattern's source verb, named by their block, or carrying a
    # coder's note. The others came in with WordNet synonym sets (the file's header says so).
    cited_sources = {p["source"] for p in patterns if p["source"]}
    for verb in verbs:
        verb["curated"] = bool(verb["lemma"] in cited_sources or verb["lemma"] == word(verb["block"])
                               or verb.pop("coder_note"))
        if not verb["curated"]:
            verb["zipf"] = zipf(verb.pop("past"))
        else:
            verb.pop("past")
    for verb in phrasal:
        verb.pop("coder_note", None)
    # Source verbs that patterns cite but no verb list holds ("# URGE"): their patterns say what they code.
    cited = []
    for lemma, roots in sorted(orphans.items()):
        if lemma in known or " " in lemma or not lemma.isalpha():
            continue
        root, count = roots.most_common(1)[0]
        if root.isdigit() and count >= 3 and count / sum(roots.values()) >= 0.6:
            cited.append({"lemma": lemma, "code": root + "0", "block": None, "line": None,
                          "cited_by_patterns": count})
    return {"synsets": synsets, "verbs": verbs, "cited_verbs": cited, "phrasal": phrasal, "patterns": patterns}


def parse_mapping(path: Path) -> dict[str, dict]:
    """CAMEO code -> PLOVER type, mode and contexts, from the conversion table."""
    out: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body, _, comment = line.partition("#")
        if ":" not in body or body.startswith("~"):
            continue
        code, _, rest = body.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if not code.strip().isdigit() or not fields[0]:
            continue
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        contexts = [c.strip() for c in fields[2].split(";") if c.strip()] if len(fields) > 2 else []
        out[code.strip()] = {"type": fields[0], "mode": mode, "contexts": contexts, "label": comment.strip()}
    return out


def main(argv: Optional[list[str]] = None) -> int:
    """Write cameo_verbs.json and cameo2plover.json beside this script."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"),
                        help="folder holding petrarch2/ and plover/")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    cameo = parse_cameo(args.shared / CAMEO_FILE)
    mapping = parse_mapping(args.shared / MAPPING_FILE)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cameo_verbs.json").write_text(json.dumps(
        {"notice": MIT_NOTICE, "source": CAMEO_FILE, **cameo}, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "cameo2plover.json").write_text(json.dumps(
        {"notice": CC_NOTICE, "source": MAPPING_FILE, "codes": mapping}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8")
    print(f"{len(cameo['verbs'])} verbs, {len(cameo['cited_verbs'])} cited verbs, {len(cameo['phrasal'])} phrasal "
          f"verbs, {len(cameo['patterns'])} patterns, {len(cameo['synsets'])} synonym sets, {len(mapping)} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
