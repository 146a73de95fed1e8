"""The trigger lexicon: CAMEO's verb dictionary mapped to PLOVER, with the coder's written conventions.

Loaded once from the generated tables in data/ (see data/build_lexicon.py) and data/conventions.yaml. Every
code keeps its origin (`Code.source`), so a coded event can say which dictionary line or convention made it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

DATA = Path(__file__).resolve().parent / "data"
# WordNet synonyms whose past tense is at least this common (Zipf scale: "brought" 5.2, "recognized" 4.5,
# "shelled" 3.1) are everyday verbs, too polysemous to code alone; rarer ones are specific.
EVERYDAY_ZIPF = 4.0


@dataclass(frozen=True)
class Code:
    """A PLOVER type, mode and contexts for a CAMEO code, with where the trigger came from."""

    etype: str
    mode: Optional[str]
    contexts: tuple[str, ...]
    cameo: str
    source: str
    reverse: bool = False  # the clause's subject is the recipient ("faced criticism")


# Where spaCy's tokenizer splits a dictionary word: at spaces, and at a hyphen between a letter or digit and a
# letter ("cease-fire" is three tokens, "f-16" one).
_TOKEN_SPLIT = re.compile(r"\s+|(?<=[a-z0-9])-(?=[a-z])")


@lru_cache(maxsize=None)  # the dictionary's words, split again for every pattern index and matched pattern
def word_tokens(word: str) -> tuple[str, ...]:
    """A dictionary word as the tokens a parse gives it ("tear gas" -> ("tear", "gas"))."""
    return tuple(w for w in _TOKEN_SPLIT.split(word) if w)


@dataclass(frozen=True)
class Element:
    """One pattern element: words in order ("phrase"), or a preposition with words in its object.

    Each slot of `words` is one word or a synonym set; a set member of several tokens ("tear gas", "armed
    forces", "cease-fire") fills its slot with consecutive tokens: `runs` holds those members per slot."""

    words: tuple[frozenset[str], ...]
    preps: frozenset[str] = frozenset()
    runs: tuple[tuple[tuple[str, ...], ...], ...] = field(default=(), init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Split the members of several tokens out of each slot once, so matching does no string work."""
        runs = tuple(tuple(sorted(t for t in map(word_tokens, slot) if len(t) > 1)) for slot in self.words)
        object.__setattr__(self, "runs", runs if any(runs) else ())


@dataclass(frozen=True)
class Pattern:
    """A dictionary pattern: what must stand before and after the verb; `code` None means not an event."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: Optional[Code]
    weight: int
    verb: Optional[str] = None  # the verb of its block it was written for ("# LEAD")


@dataclass(frozen=True)
class Idiom:
    """A construction of events/idioms.py: the words that head it, its code, and its word lists by role."""

    heads: frozenset[str]
    code: Code
    lists: dict[str, frozenset[str]]


@dataclass
class Lexicon:
    """Tables the coder looks up by lemma."""

    verbs: dict[str, Code] = field(default_factory=dict)
    pattern_only: set[str] = field(default_factory=set)
    not_events: set[str] = field(default_factory=set)
    needs_destination: set[str] = field(default_factory=set)
    ignore_patterns: set[str] = field(default_factory=set)  # retyped verbs whose dictionary patterns disagree
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    phrasal: dict[tuple[str, str], Code] = field(default_factory=dict)
    nouns: dict[str, Code] = field(default_factory=dict)  # event nouns, with an actor of their own
    compounds: dict[tuple[str, str], Optional[Code]] = field(default_factory=dict)
    noun_objects: dict[tuple[str, str], Code] = field(default_factory=dict)  # ("transfer", "arms"): of-objects
    light_verbs: set[str] = field(default_factory=set)
    figurative: set[str] = field(default_factory=set)
    figurative_nouns: set[str] = field(default_factory=set)
    disapproval: dict[str, Code] = field(default_factory=dict)  # predicate adjectives -> ACCUSE (or SUPPORT)
    objects: dict[tuple[str, str], Code] = field(default_factory=dict)  # verb + object lemma
    wrongs: dict[str, Code] = field(default_factory=dict)  # wrongs whose attribution accuses (blame.py)
    condemning: dict[str, Code] = field(default_factory=dict)  # "X's move is illegal": criticism (blame.py)
    judging: dict[str, Code] = field(default_factory=dict)  # "called X a dictator": criticism (naming.py)
    denials: dict[str, Code] = field(default_factory=dict)  # "called the claims baseless": rejection (naming.py)
    wanting: dict[str, Code] = field(default_factory=dict)  # "wants X to": a request when X is an actor
    idioms: dict[str, Idiom] = field(default_factory=dict)  # constructions by name (events/idioms.py)
    indexes: dict[str, object] = field(default_factory=dict)  # PatternIndex per verb, built on first use

    def trigger_words(self) -> frozenset[str]:
        """Every lemma that can head a trigger: verbs with a code or patterns, phrasal and object verbs, event
        nouns, adjectives of disapproval, verbs of wanting (the coder looks at no other word)."""
        if "_words" not in self.indexes:
            from communique.extract.events.frames import FORM_FIXES, LEMMA_FIXES

            words = set(self.verbs) | set(self.patterns) | {v for v, _ in self.phrasal} | set(self.nouns)
            words |= {v for v, _ in self.objects} | set(self.disapproval) | set(self.wanting) | self.light_verbs
            words |= {noun for _, noun in self.compounds}  # "phone conversation": the noun carries the trigger
            words |= {noun for noun, _ in self.noun_objects}
            words |= set(LEMMA_FIXES) | set(FORM_FIXES)
            words |= {w for idiom in self.idioms.values() for w in idiom.heads}
            self.indexes["_words"] = frozenset(words)
        return self.indexes["_words"]

    def pattern_index(self, lemma: str):
        """The verb's patterns indexed by their key words (matcher.PatternIndex), or None without patterns."""
        if lemma not in self.indexes:
            from communique.extract.events.matcher import PatternIndex

            patterns = self.patterns.get(lemma)
            self.indexes[lemma] = PatternIndex(patterns) if patterns else None
        return self.indexes[lemma]
    speech_words: set[str] = field(default_factory=set)
    force_words: set[str] = field(default_factory=set)


class Mapper:
    """CAMEO code -> PLOVER Code, following the 2021 table and the conventions' root and code rules."""

    def __init__(self, table: dict[str, dict], conventions: dict):
        self.table = table
        self.roots = conventions.get("roots", {})
        self.codes = conventions.get("codes", {})

    def plover(self, cameo: str, source: str, mode: Optional[str] = None) -> Optional[Code]:
        """The PLOVER code for one CAMEO code string ("046", "042:043", ":111", "---")."""
        cameo = cameo.strip()
        if not cameo or cameo.startswith("---"):
            return None
        first, _, second = cameo.partition(":")
        reverse = not first.strip()
        code = (second if reverse else first).strip()
        row = self._row(code)
        if row is None or not row.get("type"):
            return None
        return Code(row["type"], mode or row.get("mode"), tuple(row.get("contexts") or ()), code, source, reverse)

    def _row(self, code: str) -> Optional[dict]:
        """The table row of a code, falling back to shorter prefixes; conventions first."""
        if not code.isdigit():
            return None
        for key in (code, code[:3], code[:2]):
            if key in self.codes:
                return self.codes[key]
        root = self.roots.get(code[:2])
        if root is not None:
            if "like" not in root:
                return None
            code = root["like"] + code[2:]
        for key in (code, code[:3], code[:2]):
            if key in self.table:
                return self.table[key]
        return None


# Words that carry no sense of their own in a pattern ("- * TO", "- * IN +").
FUNCTION_WORDS = {"to", "in", "on", "at", "by", "with", "for", "from", "of", "out", "up", "down", "off", "over",
                  "into", "back", "away", "the", "a", "an", "and", "or", "as", "about", "against", "under"}


def phrasal_key(lemma: str, particle: str) -> str:
    """The key of a phrasal verb's patterns ("carry out")."""
    return f"{lemma} {particle}"


def _set_words(word: str, synsets: dict[str, list[str]]) -> frozenset[str]:
    """A word, or the members of a synonym set ("&FIGHT"); a set the file never defines matches nothing."""
    if word.startswith("&"):  # patterns write "&military" for the set the file defines as "&MILITARY"
        return frozenset(synsets.get(word[1:].lower(), ())) or frozenset(["\x00missing:" + word])
    return frozenset([word])


def _content(el: Element) -> bool:
    """An element names something: at least one word that is not a function word."""
    return any(not (w <= FUNCTION_WORDS) for w in el.words)


def _element(raw: dict, synsets: dict[str, list[str]]) -> Optional[Element]:
    """A compiled pattern element, or None when it holds nothing to match."""
    if "prep" in raw:
        words = tuple(_set_words(w, synsets) for item in raw["words"] for w in item.strip("{}").split())
        return Element(tuple(w for w in words if w), frozenset(raw["prep"]))
    if "phrase" in raw:
        words = tuple(_set_words(w, synsets) for w in raw["phrase"])
    else:
        words = tuple(_set_words(w, synsets) for w in raw["word"].split())
    words = tuple(w for w in words if w)
    return Element(words) if words else None


def _patterns(cameo: dict, mapper: Mapper, lex: Lexicon) -> None:
    """Patterns by verb lemma: a block's patterns apply to every verb of the block, as in PETRARCH."""
    by_block: dict[str, list[str]] = {}
    for verb in cameo["verbs"]:
        by_block.setdefault(verb["block"], []).append(verb["lemma"])
    for phr in cameo["phrasal"]:  # "carry out" is a verb of its own block (PERPETUATE), not of carry's (SEND)
        if len(phr["rest"]) == 1:
            by_block.setdefault(phr["block"], []).append(phrasal_key(phr["lemma"], phr["rest"][0]))
    synsets = {name.lower(): words for name, words in cameo["synsets"].items()}
    for raw in cameo["patterns"]:
        before = tuple(e for e in (_element(x, synsets) for x in raw["before"]) if e)
        after = tuple(e for e in (_element(x, synsets) for x in raw["after"]) if e)
        if not before and not after:
            continue
        if not any(_content(e) for e in before + after):
            continue  # "(TO)", "TO", "(WITH)" alone: a preposition does not make a sense
        code = mapper.plover(raw["code"], f"CAMEO.2.0.txt:{raw['line']}")
        weight = sum(len(e.words) + bool(e.preps) for e in before + after)
        pattern = Pattern(before, after, code, weight, raw["source"])
        # A "---" pattern records a sense exception of the verb it was written for, not of its whole block.
        verbs = set(by_block.get(raw["block"], ())) if code is not None else {raw["source"]} - {None}
        for lemma in verbs:
            if lemma not in lex.not_events and lemma not in lex.ignore_patterns:
                lex.patterns.setdefault(lemma, []).append(pattern)
    for plist in lex.patterns.values():
        plist.sort(key=lambda p: -p.weight)  # most specific first; stable for equal weights


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon from the shipped tables and conventions."""
    cameo = json.loads((DATA / "cameo_verbs.json").read_text(encoding="utf-8"))
    table = json.loads((DATA / "cameo2plover.json").read_text(encoding="utf-8"))["codes"]
    conv = yaml.safe_load((DATA / "conventions.yaml").read_text(encoding="utf-8"))
    mapper = Mapper(table, conv)
    lex = Lexicon()
    lex.not_events = set(conv["not_events"]["verbs"])
    lex.pattern_only = set(conv["pattern_only"]["verbs"])
    lex.light_verbs = set(conv["light_verbs"])
    for verb in cameo["verbs"] + cameo["cited_verbs"]:
        lemma = verb["lemma"]
        where = f"CAMEO.2.0.txt:{verb['line']}" if verb["line"] else "CAMEO.2.0.txt patterns citing the verb"
        code = mapper.plover(verb["code"], where)
        if code is not None and lemma not in lex.not_events and lemma not in lex.verbs:
            lex.verbs[lemma] = code
            if not verb.get("curated", True) and verb.get("zipf", 0.0) >= EVERYDAY_ZIPF:
                lex.pattern_only.add(lemma)  # an everyday word come in with a WordNet set: patterns decide
    for rule in conv["retype"]:
        for lemma in rule["verbs"]:
            lex.verbs[lemma] = _conv_code(mapper, rule, f"conventions.yaml retype: {lemma}")
            lex.not_events.discard(lemma)
            lex.pattern_only.discard(lemma)
            if rule.get("patterns") == "ignore":
                lex.ignore_patterns.add(lemma)
            if rule.get("needs") == "destination":
                lex.needs_destination.add(lemma)
    for phr in cameo["phrasal"]:
        code = mapper.plover(phr["code"], f"CAMEO.2.0.txt:{phr['line']}")
        generic = phr["lemma"] in lex.not_events or phr["lemma"] in lex.pattern_only
        if code is not None and len(phr["rest"]) == 1 and not generic:  # "go to", "pay for": too general
            lex.phrasal.setdefault((phr["lemma"], phr["rest"][0]), code)
    for rule in conv["phrasal"]:
        lex.phrasal[(rule["lemma"], rule["rest"][0])] = _conv_code(mapper, rule, "conventions.yaml phrasal")
    _patterns(cameo, mapper, lex)
    for rule in conv["nouns"]:
        lex.nouns[rule["lemma"]] = _conv_code(mapper, rule, f"conventions.yaml noun: {rule['lemma']}")
    for rule in conv["noun_compounds"]:
        key = (rule["words"][0], rule["words"][1])
        lex.compounds[key] = None if rule["code"] is None else _conv_code(mapper, rule, "conventions.yaml compound")
    for rule in conv["noun_objects"]:
        code = _conv_code(mapper, rule, "conventions.yaml noun object")
        for noun in rule["nouns"]:
            for obj in rule["objects"]:
                lex.noun_objects[(noun, obj)] = code
    for rule in conv["objects"]:
        for verb in rule.get("verbs") or [rule["verb"]]:
            code = _conv_code(mapper, rule, f"conventions.yaml object: {verb}")
            for obj in rule["objects"]:
                lex.objects[(verb, obj)] = code
    wants = conv["object_control_requests"]
    for verb in wants["verbs"]:
        lex.wanting[verb] = _conv_code(mapper, wants, f"conventions.yaml object control: {verb}")
    adj = conv["disapproval_adjectives"]
    for word in adj["words"]:
        lex.disapproval[word] = _conv_code(mapper, adj, "conventions.yaml disapproval adjective")
    adj = conv.get("approval_adjectives", {"words": []})
    for word in adj["words"]:
        lex.disapproval[word] = _conv_code(mapper, adj, "conventions.yaml approval adjective")
    cond = conv["condemning_adjectives"]
    for word in cond["words"]:
        lex.condemning[word] = _conv_code(mapper, cond, "conventions.yaml condemning adjective")
    naming = conv["naming"]
    for word in naming["words"]:
        lex.judging[word] = _conv_code(mapper, naming, "conventions.yaml naming")
    for word in naming["denials"]["words"]:
        lex.denials[word] = _conv_code(mapper, naming["denials"], "conventions.yaml naming denial")
    for rule in conv.get("wrongs", []):
        for word in rule["words"]:
            lex.wrongs[word] = _conv_code(mapper, rule, f"conventions.yaml wrong: {word}")
    for name, rule in conv.get("idioms", {}).items():
        heads = frozenset(rule.get("verbs") or rule["nouns"])
        lists = {k: frozenset(v) for k, v in rule.items() if isinstance(v, list) and k not in ("verbs", "nouns")}
        lex.idioms[name] = Idiom(heads, _conv_code(mapper, rule, f"conventions.yaml idiom: {name}"), lists)
    fig = conv["figurative"]
    lex.figurative, lex.speech_words, lex.force_words = set(fig["verbs"]), set(fig["speech_words"]), set(
        fig["force_words"])
    lex.figurative_nouns = set(fig.get("nouns", []))
    return lex


def _conv_code(mapper: Mapper, rule: dict, source: str) -> Code:
    """A code given by a conventions entry (its CAMEO code, optionally with its own type and mode)."""
    base = mapper.plover(rule["code"], source)
    if base is None:
        raise ValueError(f"conventions.yaml: code {rule['code']} has no PLOVER type ({source})")
    return Code(rule.get("type") or base.etype, rule.get("mode") or base.mode, base.contexts, base.cameo, source)
