"""PLOVER/POLECAT sector codes from role words ("fisheries minister" -> GOV)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

# Sector codes as the PLOVER gold records write them (GOV, MIL, COP, LEG, JUD, OPP, REB,
# MED, BUS, NGO, IGO, CVL, LAB, EDU, AGR, REF, PTY, SPY, REL, CRM).
# Words that mark a group as opposition or insurgent override everything else:
# an "opposition lawmaker" is OPP, a "rebel commander" REB.
OVERRIDE = {
    "opposition": "OPP", "dissident": "OPP",
    "rebel": "REB", "insurgent": "REB", "militant": "REB", "separatist": "REB",
    "guerrilla": "REB", "guerilla": "REB", "militia": "REB", "militiaman": "REB",
    "jihadist": "REB", "terrorist": "REB", "insurgency": "REB",
}

# Multi-word roles checked before single words.
PHRASES = {
    "chief executive": "BUS", "managing director": "BUS", "board member": "BUS",
    "security forces": "MIL", "armed forces": "MIL", "air force": "MIL", "coast guard": "MIL",
    "border guard": "MIL", "chief of staff": "GOV", "head of state": "GOV",
    "rights group": "NGO", "human rights": "NGO", "aid group": "NGO", "aid agency": "NGO",
    "aid worker": "NGO", "news agency": "MED", "state media": "MED", "state television": "MED",
    "trade union": "LAB", "owners' association": "BUS", "owners association": "BUS",
    "employers' association": "BUS", "industry association": "BUS", "industry group": "BUS",
    "chamber of commerce": "BUS", "central bank": "GOV", "supreme court": "JUD",
    "constitutional court": "JUD", "national assembly": "LEG", "upper house": "LEG",
    "lower house": "LEG", "intelligence service": "SPY", "intelligence agency": "SPY",
    "secret service": "SPY", "prime minister": "GOV", "foreign minister": "GOV",
}

WORDS = {
    "GOV": "president presidency premier minister ministry government official cabinet "
    "ambassador diplomat envoy spokesman spokeswoman spokesperson secretary chancellor "
    "king queen emir sultan monarch governor mayor councillor councilor negotiator administration authority "
    "department embassy consul regime junta vice-president vice-minister commissioner "
    "state-department attorney-general treasury regulator agency",
    "MIL": "army military troop soldier general admiral colonel major commander navy "
    "marine airman paratrooper force peacekeeper brigadier sergeant lieutenant warship "
    "commando battalion brigade officer-corps",
    "COP": "police policeman policewoman officer-police gendarme gendarmerie constable",
    "LEG": "senator lawmaker legislator parliament parliamentarian mp congressman "
    "congresswoman congress senate legislature deputy-speaker speaker assembly duma mep "
    "representative",
    "JUD": "judge court prosecutor magistrate tribunal judiciary justice",
    "PTY": "party",
    "MED": "journalist reporter newspaper broadcaster editor correspondent columnist "
    "television radio magazine media",
    "BUS": "company firm business businessman businesswoman executive ceo chairman-board "
    "industry corporation bank banker trader shipowner investor exporter importer insurer",
    "NGO": "ngo charity activist campaigner watchdog",
    "LAB": "union unionist worker labourer laborer",
    "EDU": "student university teacher professor academic school",
    "AGR": "farmer fisherman grower herder",
    "REF": "refugee asylum-seeker migrant",
    "REL": "cleric priest imam bishop rabbi church mosque pope",
    "SPY": "intelligence spy",
    "CVL": "civilian resident villager protester demonstrator citizen people voter "
    "crowd family families",
    "CRM": "gang smuggler trafficker criminal cartel",
}
WORD_SECTOR = {w: s for s, ws in WORDS.items() for w in ws.split()}
# Person roles found in every kind of body: they decide only when nothing else does
# (a "spokesman for the rights group" is NGO, a bare "spokesman" GOV).
WEAK = {"spokesman", "spokeswoman", "spokesperson", "secretary", "official", "officer",
        "representative", "agency", "authority", "commissioner", "regulator", "department"}
# Titles whose words would mislead ("general secretary" is no soldier).
REWRITE = {"secretary general": "secretary", "secretary-general": "secretary",
           "general secretary": "secretary", "attorney general": "attorney-general",
           "surgeon general": "official", "governor general": "governor",
           "governor-general": "governor"}

_WORD = re.compile(r"[a-z][a-z'\-]*")
# Titles as news writes them before a name, with their period ("Sen. Ana Ruiz", "Lt. Gen."): the word in full.
ABBREVIATIONS = {"sen": "senator", "sens": "senators", "rep": "representative", "reps": "representatives",
                 "gov": "governor", "pres": "president", "amb": "ambassador", "gen": "general", "lt": "lieutenant",
                 "col": "colonel", "maj": "major", "adm": "admiral", "sgt": "sergeant", "cmdr": "commander",
                 "atty": "attorney"}
_ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\.")


def singular(word: str) -> str:
    """Crude English singular, enough for role nouns ("troops", "fishermen", "militias")."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "ics")):
        return word[:-1]
    return word


def sector_of(role: str) -> Optional[str]:
    """Sector of a role or body description; None when the words say nothing about it.

    Override words win; then the title's own words, read from the head noun leftwards
    (a "defence ministry spokesman" is GOV through "ministry"); then the body after
    "of"/"for" ("chairman of the trawler owners' association" is BUS); then weak
    person roles such as "spokesman".
    """
    text = role.lower().replace("\u2019", "'")
    text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    for old, new in REWRITE.items():
        text = text.replace(old, new)
    words = [singular(w.strip("'")) for w in _WORD.findall(text)]
    for w in words:
        if w in OVERRIDE:
            return OVERRIDE[w]
    head, tail = _split_of(text)
    weak = None
    for part in (head, tail):
        for phrase, sector in PHRASES.items():
            if phrase in part or phrase.replace("'", "") in part.replace("'", ""):
                return sector
        part_words = [singular(w.strip("'")) for w in _WORD.findall(part)]
        for w in reversed(part_words):
            if w in WEAK:
                weak = weak or WORD_SECTOR.get(w, "GOV")
            elif w in WORD_SECTOR:
                return WORD_SECTOR[w]
        found = _generated(part_words)
        if found is not None:
            return found
    return weak


def _generated(words: list[str]) -> Optional[str]:
    """The sector of the longest, then rightmost, role phrase of the CAMEO agents dictionaries in `words`
    (roles.json, built by communique/data/build_roles.py); weak person roles are left to the caller."""
    table = generated_roles()
    for n in (4, 3, 2, 1):
        for start in range(len(words) - n, -1, -1):
            phrase = " ".join(words[start : start + n])
            if n == 1 and phrase in WEAK:
                continue
            if phrase in table:
                return table[phrase]
    return None


@lru_cache(maxsize=1)
def generated_roles() -> dict[str, str]:
    """Role phrase -> primary sector from roles.json, read on first use."""
    raw = json.loads(resources.files("communique.data").joinpath("roles.json").read_text("utf-8"))
    return {phrase: codes[0] for phrase, codes in raw["roles"].items()}


def is_role_word(word: str) -> bool:
    """Whether a word names a role or title, in the hand-kept table or the generated one ("Ambassador")."""
    low = singular(word.lower().rstrip("."))
    return low in WORD_SECTOR or low in generated_roles()


def _split_of(text: str) -> tuple[str, str]:
    """Split a role at its first "of"/"for"/"at" into the title and the body it serves."""
    m = re.search(r"\b(?:of|for|at|with)\b", text)
    return (text[: m.start()], text[m.end() :]) if m else (text, "")

# Every sector code an actor file may use: the ones above plus those the PLOVER gold
# records also write (ELI elites, UAF unidentified armed forces, IGO, CIV).
SECTORS = frozenset(WORDS) | set(OVERRIDE.values()) | {"IGO", "ELI", "UAF", "CIV", "NGO", "JRN", "MOS", "HRI", "HLH"}
