"""Resolve one wire-copy time expression against the publication day, by tense.

Wire copy dates things relative to an unstated publication day ("said Thursday", "will meet
Monday", "over the weekend"). dateparser reads the absolute parts (month names, "Jan. 5",
"March 3, 2025"); the direction (past/future) is decided here from the verb's tense, since
dateparser's own preference gets the publication weekday and future dates wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Optional

Resolved = tuple[Optional[str], Optional[str]]
UNRESOLVED: Resolved = (None, None)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_RE = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
             r"(?:uary|ruary|ch|il|e|y|ust|ember|ober)?\.?")
_LEADING = re.compile(r"^(?:on|in|by|since|until|till|from|during|before|after|through|"
                      r"as of|as early as|starting|beginning)\s+")
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_DAY_NUM = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")
_MONTH_WORD = re.compile(rf"\b{_MONTH_RE}(?=\s|$|,)")
_DURATION = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|several|a few|few|many|a couple of|couple of|some)\s+"
                       r"(?:more\s+)?(?:minute|hour|day|night|week|weekend|month|year|decade)s?\b")
_CLOCK = re.compile(r"\b(?:at\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)"
                    r"(?:\s+(?:local time|gmt|utc|[ecmp][sd]t))?,?")
_AGO = re.compile(r"^(?:(?:about|some|nearly|almost|more than)\s+)?(\w+|a few|a)\s+"
                  r"(day|week|month|year)s?\s+ago$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3}


def normalise(text: str) -> str:
    """Lower-case, straighten quotes, drop a leading preposition and trailing punctuation."""
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    t = re.sub(r"'s$", "", t)
    t = " ".join(_CLOCK.sub(" ", t).split()).strip(" ,")  # "10 a.m. Thursday" -> "thursday"
    return _LEADING.sub("", t)


def resolve(text: str, published: Optional[date], tense: str = "past") -> Resolved:
    """(value, precision) for one time expression; (None, None) when it cannot be resolved."""
    if isinstance(published, datetime):
        published = published.date()
    if tense not in ("past", "present", "future"):
        tense = "present"
    return _resolve(normalise(text), published, tense)


@lru_cache(maxsize=4096)
def _resolve(t: str, published: Optional[date], tense: str) -> Resolved:
    """Cached core of resolve() on normalised text."""
    if not t or is_duration(t):
        return UNRESOLVED
    if _YEAR.search(t):
        return _absolute(t)
    if published is None:
        return UNRESOLVED  # relative: never guess from today's date
    for rule in _RULES:
        out = rule(t, published, tense)
        if out is not None:
            return out
    return UNRESOLVED


def is_duration(t: str) -> bool:
    """True for lengths of time and ages ("two weeks", "45-year-old"), not points in time."""
    if t.endswith(" ago"):
        return False
    if re.search(r"\d+-(?:year|month|week|day)s?-old|\baged?\b|\bold$", t):
        return True
    return bool(_DURATION.search(t))


# --- absolute dates ------------------------------------------------------------------

@lru_cache(maxsize=1)
def _parser():
    """One English-only dateparser instance; loading every language is slow."""
    from dateparser.date import DateDataParser

    # A leap-year base so "February 29" parses; the year is chosen later from tense.
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(2000, 7, 1), "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period"})


def load_parser() -> None:
    """Make dateparser build its English tables now: it compiles them on its first parse."""
    _parse("3 March 2025")


def _parse(t: str) -> tuple[Optional[date], Optional[str]]:
    """dateparser's reading of `t`: the date and its period (day, month, year, ...)."""
    try:
        data = _parser().get_date_data(t)
    except Exception:  # a third-party parser must not crash a run on odd text
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    return data.date_obj.date(), data.period


def _absolute(t: str) -> Resolved:
    """A date written with its year: "March 3, 2025", "March 2025", "2024"."""
    if re.fullmatch(r"(?:the\s+)?(?:year\s+)?(?:of\s+)?\d{4}", t):
        return t[-4:], "year"
    found, period = _parse(t)
    if found is None:
        years = _YEAR.findall(t)
        lone_year = len(years) == 1 and not re.search(r"\d", _YEAR.sub("", t))
        return (years[0], "year") if lone_year else UNRESOLVED  # "mid-2025", not "2026-02-30"
    if period == "month" or (period == "day" and not _has_day_number(t)):
        return found.strftime("%Y-%m"), "month"
    if period == "year":
        return str(found.year), "year"
    return found.isoformat(), "day"


def _has_day_number(t: str) -> bool:
    """True when a day of the month appears beside the year ("March 3, 2025", "2025-03-03")."""
    return bool(re.search(r"\d{4}-\d\d-\d\d", t) or _DAY_NUM.search(_YEAR.sub("", t)))


# --- relative expressions ------------------------------------------------------------

def _day_words(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """today / tonight / this morning / yesterday / last night / tomorrow."""
    t = re.sub(r"^(?:early|late|earlier|later)\s+", "", t)
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return pub.isoformat(), "day"
    if t in ("yesterday", "last night", "last evening") or t.startswith("yesterday "):
        return (pub - timedelta(days=1)).isoformat(), "day"
    if t in ("tomorrow", "tomorrow night") or t.startswith("tomorrow "):
        return (pub + timedelta(days=1)).isoformat(), "day"
    return None


def _weekday(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """A weekday name: past -> latest on/before publication, future -> next after it."""
    m = re.fullmatch(r"(?:(last|next|this|this coming|coming|early|late)\s+)?"
                     r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?:\s+(?:morning|afternoon|evening|night))?", t)
    if not m:
        return None
    mod, target = m.group(1), WEEKDAYS.index(m.group(2))
    if mod == "last":
        tense = "past"
    elif mod in ("next", "coming", "this coming"):
        tense = "future"
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    if tense == "past":
        return (pub - timedelta(days=back)).isoformat(), "day"
    if tense == "future":
        return (pub + timedelta(days=ahead or 7)).isoformat(), "day"
    return (pub + timedelta(days=ahead)).isoformat(), "day"


def _weekend_of(saturday: date) -> Resolved:
    """The Saturday–Sunday interval starting on `saturday`."""
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "weekend"


def _weekend(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"over the weekend", "this/last/next weekend", "at the weekend"."""
    m = re.fullmatch(r"(?:(over|at|during)\s+)?(?:(the|this|last|next|this past|past|"
                     r"this coming|coming)\s+)?weekend", t)
    if not m:
        return None
    mod = m.group(2) or "the"
    on_weekend = pub.weekday() >= 5
    current = pub - timedelta(days=pub.weekday() - 5) if on_weekend else None
    previous = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)  # last Saturday before pub
    if on_weekend:
        previous = current - timedelta(days=7)
    coming = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
    if mod in ("last", "past", "this past"):
        return _weekend_of(previous)
    if mod in ("next", "coming", "this coming"):
        return _weekend_of(coming if not on_weekend or mod == "next" else current)
    if on_weekend:
        return _weekend_of(current)
    return _weekend_of(previous if tense == "past" else coming)


def _week(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"last week", "this week", "earlier/later this week", "next week": ISO Monday–Sunday. What has
    happened "this week" happened by the publication day ("earlier this week": before it); on a weekend,
    "last week" is the week now ending."""
    m = re.fullmatch(r"(earlier |later |early |late )?(last|this|next|the past|past) week", t)
    if not m:
        return None
    shift = {"last": -7, "this": 0, "next": 7}.get(m.group(2))
    if shift is None:
        return None  # "the past week" is a duration, not a calendar week
    if m.group(2) == "last" and pub.weekday() >= 5:
        shift = 0
    monday = pub - timedelta(days=pub.weekday()) + timedelta(days=shift)
    end = monday + timedelta(days=6)
    if m.group(2) == "this" and tense == "past":
        end = _so_far(monday, pub, m.group(1))
    return f"{monday.isoformat()}/{end.isoformat()}", "week"


def _so_far(start: date, pub: date, modifier: Optional[str]) -> date:
    """The last day of a current period that a past event can fall on: the publication day, or the day
    before it for "earlier this ..." (unless that falls before the period)."""
    if modifier == "earlier " and pub > start:
        return pub - timedelta(days=1)
    return pub


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    idx = year * 12 + month - 1 + delta
    return idx // 12, idx % 12 + 1


def _month_rel(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"last month", "this month", "earlier this month", "next month"."""
    m = re.fullmatch(r"(earlier |later |early |late )?(last|this|next) month", t)
    if not m:
        return None
    if m.group(2) == "this" and tense == "past":  # what happened this month happened by the publication day
        first = pub.replace(day=1)
        return f"{first.isoformat()}/{_so_far(first, pub, m.group(1)).isoformat()}", "month"
    y, mo = _add_months(pub.year, pub.month, {"last": -1, "this": 0, "next": 1}[m.group(2)])
    return f"{y:04d}-{mo:02d}", "month"


def _year_rel(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"last year", "this year", "earlier this year", "next year"."""
    m = re.fullmatch(r"(earlier |later |early |late )?(last|this|next) year", t)
    if not m:
        return None
    if m.group(2) == "this" and tense == "past":
        first = date(pub.year, 1, 1)
        return f"{first.isoformat()}/{_so_far(first, pub, m.group(1)).isoformat()}", "year"
    return str(pub.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]), "year"


def _pick(candidates: list[date], pub: date, tense: str) -> date:
    """The candidate that fits the tense: latest on/before, earliest on/after, or nearest."""
    before = [c for c in candidates if c <= pub]
    after = [c for c in candidates if c >= pub]
    if tense == "past" and before:
        return max(before)
    if tense == "future" and after:
        return min(after)
    return min(candidates, key=lambda c: (abs((c - pub).days), c < pub))


def _month_day(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"March 3", "3 March", "Jan. 5", "Thursday, March 12": year chosen by tense."""
    t = re.sub(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+", "", t)
    if not (_MONTH_WORD.search(t) and _DAY_NUM.search(t)):
        return None
    found, period = _parse(t)
    if found is None or period != "day":
        return None
    candidates = []
    for year in range(pub.year - 4, pub.year + 5):  # wide enough to reach a leap year
        try:
            candidates.append(date(year, found.month, found.day))
        except ValueError:
            continue
    return _pick(candidates, pub, tense).isoformat(), "day"


def _month_only(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"January", "early January", "last January": month precision, year by tense."""
    m = re.fullmatch(r"(?:(last|next|this|early|late|mid|the end of|the beginning of|"
                     r"the start of|the middle of)[\s-]+)?(" + _MONTH_RE + r")", t)
    if not m:
        return None
    month = _MONTH_ABBR.get(m.group(2)[:3])
    if month is None:
        return None
    mod = m.group(1)
    if mod == "last":
        tense = "past"
    elif mod == "next":
        tense = "future"
    firsts = [date(pub.year + k, month, 1) for k in (-1, 0, 1)]
    this_month = pub.replace(day=1)
    chosen = _pick(firsts, this_month, tense)
    if mod in ("last", "next") and chosen == this_month:
        chosen = chosen.replace(year=chosen.year + (-1 if mod == "last" else 1))
    return chosen.strftime("%Y-%m"), "month"


def _ago(t: str, pub: date, tense: str) -> Optional[Resolved]:
    """"three days ago", "a week ago", "two years ago"."""
    m = _AGO.fullmatch(t)
    if not m:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS.get(m.group(1))
    if n is None:
        return None
    unit = m.group(2)
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _week("this week", pub - timedelta(days=7 * n), tense)
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, -n)
        return f"{y:04d}-{mo:02d}", "month"
    return str(pub.year - n), "year"


_RULES: tuple[Callable[[str, date, str], Optional[Resolved]], ...] = (
    _day_words, _weekday, _weekend, _week, _month_rel, _year_rel, _month_day, _month_only, _ago,
)
