"""What linking needs from a record: its days, its participants, its words and who its sentence names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterable, Optional

from communique.countries import lookup

UNDATED_DAYS = 7  # an undated report is taken to tell of the past week
PRECISION_RANK = {"day": 5, "weekend": 4, "week": 3, "month": 2, "year": 1}
STOP = frozenset(
    "a an the and or but nor of to in on at for with by from as into onto about over under than then so "
    "is are was were be been being am have has had having do does did will would shall should can could may "
    "might must that this these those it its we our ours us i my me you your he him his she her they them "
    "their there here who whom whose which what when where why how not no yes also just very too more most "
    "said says say told tell".split()
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")
_RUN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")
COUNTRY_KINDS = ("country", "capital", "metonym", "demonym", "igo")


def iso_day(value: Any) -> Optional[int]:
    """A date (or ISO string) as a day number, None when missing or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.toordinal()
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _bounds(part: str) -> Optional[tuple[date, date]]:
    """First and last day of one ISO piece: 2026-03-12, 2026-03, 2026, 2026-W11."""
    part = part.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", part):
            d = date.fromisoformat(part)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", part):
            first = date.fromisoformat(part + "-01")
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, nxt - timedelta(days=1)
        if re.fullmatch(r"\d{4}", part):
            return date(int(part), 1, 1), date(int(part), 12, 31)
        m = re.fullmatch(r"(\d{4})-W(\d{2})", part)
        if m:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        return None
    return None


def interval(ref: Optional[dict], published: Optional[str], text: str = "") -> Optional[tuple[int, int]]:
    """The days a record's date may mean, as (first, last) day numbers.

    A resolved date spans its precision (a day, a weekend, a month); "since January" runs to the
    report; an undated record falls in the week before publication; nothing known gives None.
    """
    pub = iso_day(published)
    value = ref.get("value") if ref else None
    if value:
        pieces = [_bounds(p) for p in str(value).split("/")]
        if all(pieces):
            lo, hi = pieces[0][0].toordinal(), pieces[-1][1].toordinal()
            before = text[max(0, ref.get("start", 0) - 6):ref.get("start", 0)].lower() if text else ""
            if ("since" in before or (ref.get("text") or "").lower().startswith("since")) and pub and pub > hi:
                hi = pub
            return lo, max(lo, hi)
    if pub is None:
        return None
    return pub - UNDATED_DAYS, pub


def words(text: str) -> list[str]:
    """Content words of a text, lower-cased, in order (function words and pronouns dropped)."""
    out = []
    for m in _WORD.finditer(text or ""):
        w = m.group().lower().replace("\u2019", "'")
        w = w[:-2] if w.endswith("'s") else w
        if w not in STOP and len(w) > 1:
            out.append(w)
    return out


@lru_cache(maxsize=8)
def _boundaries(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentence-end marks of a text, found once per text."""
    marks = list(_SENTENCE_END.finditer(text))
    return [m.start() for m in marks], [m.end() for m in marks]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `text` holding [start, end): from the previous sentence end to the next."""
    starts, ends = _boundaries(text)
    i = bisect_right(ends, start)
    left = ends[i - 1] if i else 0
    j = bisect_left(starts, end)
    if j == len(starts):
        return left, len(text)
    at = starts[j]
    return left, at + 1 if text[at] != "\n" else at


def _unpossessive(name: str) -> str:
    """A name without a possessive ending ("Norway's" -> "Norway")."""
    return name[:-2] if name.endswith(("'s", "\u2019s")) else name


@lru_cache(maxsize=65536)
def _place(name: str) -> Any:
    """countries.lookup, remembered (the same names come back in every article)."""
    return lookup(name)


def countries_in(text: str) -> list[str]:
    """Country (or IGO) codes named in a text, by name, demonym, capital or metonym, sorted."""
    codes = set()
    for m in _CAPITALISED.finditer(text or ""):
        tokens = m.group().split()
        for size in range(len(tokens), 0, -1):  # longest names first ("European Union", "South Korea")
            for i in range(len(tokens) - size + 1):
                place = _place(_unpossessive(" ".join(tokens[i:i + size])))
                if place is not None and place.kind in COUNTRY_KINDS:
                    codes.add(place.code)
    return sorted(codes)


def name_candidates(text: str, longest: int = 4) -> list[str]:
    """Runs of capitalised words in a text and their shorter pieces, to look up as actor names."""
    out: set[str] = set()
    for m in _CAPITALISED.finditer(text or ""):
        tokens = [_unpossessive(t) for t in m.group().split()]
        for size in range(1, min(longest, len(tokens)) + 1):
            for i in range(len(tokens) - size + 1):
                out.add(" ".join(tokens[i:i + size]))
    return sorted(out)


def surname(name: Optional[str]) -> Optional[str]:
    """The last word of a person's name ("Ingrid Aasen" -> "Aasen"), None for one-word names."""
    parts = (name or "").split()
    return parts[-1] if len(parts) >= 2 else None


def names_in(text: str, people: Iterable[tuple[str, str]]) -> list[str]:
    """Actor ids of the (actor_id, name) pairs whose full name or surname the text names, sorted."""
    return name_finder(tuple(people))(text)


@lru_cache(maxsize=64)
def name_finder(people: tuple[tuple[str, str], ...]) -> "NameFinder":
    """The NameFinder for one article's people, made once."""
    return NameFinder(people)


class NameFinder:
    """Finds an article's people in a text by their full names and surnames, longest form first.

    The pattern for a text holds only the forms whose first word the text has: a form can match nowhere
    else, so the matches are those of a pattern of every form, and a long article's thousands of people
    are not tried at every position of every sentence."""

    def __init__(self, people: Iterable[tuple[str, str]]):
        self.by_form: dict[str, set[str]] = {}
        for actor_id, name in people:
            for form in filter(None, (name, surname(name))):
                self.by_form.setdefault(form, set()).add(actor_id)
        order = sorted(self.by_form, key=len, reverse=True)
        self.rank = {form: k for k, form in enumerate(order)}
        self.by_first: dict[Optional[str], list[str]] = {}  # None: a form that starts with no word character
        for form in order:
            first = _RUN.match(form)
            self.by_first.setdefault(first.group() if first else None, []).append(form)

    def __call__(self, text: str) -> list[str]:
        """Actor ids of the people the text names, sorted."""
        forms = list(self.by_first.get(None, ()))
        forms += [form for run in set(_RUN.findall(text or "")) for form in self.by_first.get(run, ())]
        if not forms:
            return []
        pattern = _forms_pattern(tuple(sorted(forms, key=self.rank.__getitem__)))
        return sorted({a for m in pattern.finditer(text or "") for a in self.by_form[m.group()]})


@lru_cache(maxsize=4096)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern:
    """One pattern for these name forms, tried in the order given."""
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")


def best_date(refs: Iterable[Optional[dict]]) -> Optional[dict]:
    """The most precise resolved date among reports; ties go to the value most reports give, then the earliest."""
    dated = [r for r in refs if r and r.get("value")]
    if not dated:
        return None
    counts: dict[str, int] = {}
    for r in dated:
        counts[r["value"]] = counts.get(r["value"], 0) + 1
    best = min(dated, key=lambda r: (-PRECISION_RANK.get(r.get("precision") or "", 0), -counts[r["value"]],
                                     r["value"]))
    return {"value": best["value"], "precision": best.get("precision"), "reports": counts[best["value"]]}
