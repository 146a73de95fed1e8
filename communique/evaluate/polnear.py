"""PolNeAR gold loading (brat standoff) and the issue-3 scoring rules.

Scoring (binding, issue 3): a predicted statement matches a gold attribution when the F1 of
their contents, over the article's word characters (``str.isalnum``) each covers, is >= 0.5;
pairs are taken greedily, best first, one to one, within each article.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from communique.records import Skip

Spans = tuple[tuple[int, int], ...]
MATCH_THRESHOLD = 0.5
RELATION_LABELS = ("Attribution", "Attribution-no-source")

# Communication verbs (and "according to"): gold attributions with these cue lemmas are the
# "speech only" view; the rest are beliefs, knowledge and perception ("X believes", "polls show").
SPEECH_LEMMAS = frozenset(
    """say tell add state announce claim argue insist deny confirm warn stress explain note report
    write tweet ask reply respond answer declare testify acknowledge admit suggest allege assert
    maintain predict promise vow pledge urge call describe comment remark mention reiterate repeat
    point contend complain criticize criticise accuse charge concede recall quote cite post conclude
    emphasize emphasise indicate observe proclaim caution counter speak signal reveal disclose
    boast brag joke quip shout yell scream whisper mutter recount recommend propose demand order
    threaten question challenge dispute reject dismiss defend praise blast slam attack lament
    concur agree disagree inform notify advise brief email text message release publish air
    broadcast interview ad-lib muse retort rebut concede insinuate imply hint assure reassure
    testify swear affirm""".split()
) | {"according to"}


@dataclass(frozen=True)
class GoldAttribution:
    """One gold relation: content, source (empty when none) and cue spans."""

    content: Spans
    source: Spans
    cue: Spans


@dataclass
class Task:
    """One article to evaluate: where its text and chosen annotation live."""

    name: str
    text_path: Path
    ann_path: Path


@dataclass(frozen=True)
class Pred:
    """The parts of a predicted statement the scorer looks at."""

    kind: str
    content: Spans
    speaker: Optional[tuple[int, int]]
    cue: Optional[tuple[int, int]]


@dataclass
class Match:
    """A matched (prediction, gold) pair with its content F1."""

    pred: int
    gold: int
    f1: float


@dataclass
class PairScore:
    """Per-pair correctness of the matched contents, sources and cues."""

    exact: bool
    source_ok: bool
    cue_ok: bool


class AnnError(ValueError):
    """A .ann file that cannot be parsed."""


def parse_spans(field_text: str) -> Spans:
    """Parse brat offsets "s e;s e" into a tuple of (start, end) pairs."""
    spans = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_ann(text: str) -> list[GoldAttribution]:
    """Gold attributions from brat standoff text (T and E lines; other lines ignored)."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[list[tuple[str, str]]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        ident, sep, rest = line.partition("\t")
        # Lines without an id and a tab continue a multi-line surface text: skip them.
        if not sep or len(ident) < 2 or not ident[1:].isdigit():
            continue
        try:
            if ident[0] == "T":
                label, _, offsets = rest.split("\t", 1)[0].partition(" ")
                spans[ident] = (label, parse_spans(offsets))
            elif ident[0] == "E":
                events.append([tuple(a.split(":", 1)) for a in rest.split() if ":" in a])
        except ValueError as exc:
            raise AnnError(f"line {lineno}: cannot parse {line[:60]!r} ({exc})") from None
    return [g for g in (_relation(args, spans) for args in events) if g is not None]


def _relation(args: list[tuple[str, str]], spans: dict[str, tuple[str, Spans]]) -> Optional[GoldAttribution]:
    """Build one attribution from an E line's role:T arguments, or None if it has no content."""
    if not args or args[0][0] not in RELATION_LABELS:
        return None
    roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
    for role, ref in args[1:]:
        role = "Content" if role.startswith("Content") else role  # Content2 is more content
        if role in roles and ref in spans:
            roles[role].extend(spans[ref][1])
    if not roles["Content"]:
        return None
    return GoldAttribution(
        content=tuple(sorted(roles["Content"])),
        source=tuple(sorted(roles["Source"])),
        cue=tuple(sorted(roles["Cue"])),
    )


def first_annotators(metadata: Path) -> dict[tuple[str, str], str]:
    """(split, article name) -> the first annotator listed in metadata.tsv."""
    with metadata.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"compartment", "filename", "annotators"} - set(rows.fieldnames or ())
        if missing:
            raise ValueError(f"{metadata}: missing columns {', '.join(sorted(missing))}")
        return {
            (row["compartment"], row["filename"]): row["annotators"].split("|")[0]
            for row in rows
            if row["annotators"]
        }


def iter_tasks(root: Path, split: str, limit: Optional[int] = None) -> Iterator[Task | Skip]:
    """Articles of a split in name order, each with its first annotator's .ann file."""
    data = root / "data"
    text_dir = data / split / "text"
    if not text_dir.is_dir():
        raise FileNotFoundError(f"{text_dir}: no such directory (is {root} a PolNeAR root?)")
    annotators = first_annotators(data / "metadata.tsv")
    for count, text_path in enumerate(sorted(text_dir.glob("*.txt"))):
        if limit is not None and count >= limit:
            return
        name = text_path.stem
        annotator = annotators.get((split, name))
        if annotator is None:
            yield Skip(str(text_path), "no row with annotators in metadata.tsv")
            continue
        ann_path = data / split / "attributions" / f"{name}_{annotator}.ann"
        if not ann_path.is_file():
            yield Skip(str(text_path), f"annotation {ann_path.name} not found")
            continue
        yield Task(name, text_path, ann_path)


def word_chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the letters and digits the spans cover."""
    return frozenset(i for start, end in spans for i in range(start, min(end, len(text))) if text[i].isalnum())


def f1(a: frozenset[int], b: frozenset[int]) -> float:
    """F1 of two character sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def match(text: str, preds: list[Pred], golds: list[GoldAttribution]) -> list[Match]:
    """Greedy best-first one-to-one matching of predictions to gold by content F1 >= 0.5."""
    pred_sets = [word_chars(text, p.content) for p in preds]
    gold_sets = [word_chars(text, g.content) for g in golds]
    candidates = []
    for pi, pset in enumerate(pred_sets):
        for gi, gset in enumerate(gold_sets):
            if pset & gset:
                score = f1(pset, gset)
                if score >= MATCH_THRESHOLD:
                    candidates.append(Match(pi, gi, score))
    # Ties break on document order so the result is repeatable.
    candidates.sort(key=lambda m: (-m.f1, m.gold, m.pred))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for m in candidates:
        if m.pred not in used_p and m.gold not in used_g:
            used_p.add(m.pred)
            used_g.add(m.gold)
            matches.append(m)
    return matches


def overlaps(span: Optional[tuple[int, int]], spans: Spans) -> bool:
    """Whether a span shares at least one character with any of `spans`."""
    return span is not None and any(span[0] < e and s < span[1] for s, e in spans)


def score_pair(text: str, pred: Pred, gold: GoldAttribution) -> PairScore:
    """Exactness of the content, and whether the source and cue agree."""
    exact = word_chars(text, pred.content) == word_chars(text, gold.content)
    if not gold.source:
        source_ok = pred.speaker is None
    else:
        source_ok = overlaps(pred.speaker, gold.source)
    cue_ok = overlaps(pred.cue, gold.cue) if gold.cue else pred.cue is None
    return PairScore(exact, source_ok, cue_ok)


def pred_from_statement(statement) -> Pred:
    """Scorer view of a communique.records.Statement."""
    content = statement.content
    parts = tuple(tuple(p) for p in content.parts) or ((content.start, content.end),)
    speaker = (statement.speaker.start, statement.speaker.end) if statement.speaker else None
    cue = (statement.cue.start, statement.cue.end) if statement.cue else None
    return Pred(statement.kind, parts, speaker, cue)


@dataclass
class GoldOutcome:
    """What became of one gold attribution (kept small: many are collected per run)."""

    lemma: str
    form: str
    matched: bool = False
    exact: bool = False
    source_ok: bool = False
    cue_ok: bool = False

    @property
    def speech(self) -> bool:
        """Whether the cue is a communication verb (the "speech only" view).

        Cues of punctuation alone (the colon or dash of a transcript line) count as speech.
        """
        return self.lemma in SPEECH_LEMMAS or not any(ch.isalnum() for ch in self.lemma)


@dataclass
class PredOutcome:
    """What became of one prediction: matched or not, and to what kind of gold."""

    kind: str
    matched: bool = False
    gold_speech: Optional[bool] = None  # None when unmatched


@dataclass
class ArticleScore:
    """Outcomes for one article, plus error lines and predictions when asked for."""

    name: str
    golds: list[GoldOutcome] = field(default_factory=list)
    preds: list[PredOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
