"""What the event coder looks back at, indexed by offset and name: statements, speakers and actors seen so far.

Each lookup used to scan every statement, speaker or actor of the article for every event, so a long
article's time grew with the square of its length. These indexes give the same answer (the first in the
order the scans used) from the few entries near an offset or filed under a name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Iterable, Optional

from communique.countries import lookup
from communique.extract.statements.names import sure_gender
from communique.records import Event, Statement


class Claims:
    """The statements of an article by the offsets of their content."""

    def __init__(self, statements: list[Statement]):
        self.statements = statements
        self.parts = sorted((a, b, k) for k, st in enumerate(statements)
                            for a, b in (st.content.parts or [(st.content.start, st.content.end)]))
        self.starts = [a for a, _, _ in self.parts]
        self.longest = max((b - a for a, b, _ in self.parts), default=0)

    def holding(self, char: int) -> Optional[Statement]:
        """The first statement (in the article's order) whose content holds `char`, or None."""
        first = None
        k = bisect_right(self.starts, char) - 1
        while k >= 0 and self.parts[k][0] + self.longest > char:  # a part starting earlier is too short to reach
            _, b, owner = self.parts[k]
            if b > char and (first is None or owner < first):
                first = owner
            k -= 1
        return self.statements[first] if first is not None else None


class Speakers:
    """The statements' speakers by offset and by surname, for actor mentions that repeat one."""

    def __init__(self, speakers: list):
        self.speakers = speakers
        self.by_start = sorted((sp.start, k) for k, sp in enumerate(speakers))
        self.starts = [s for s, _ in self.by_start]
        self.longest = max((sp.end - sp.start for sp in speakers), default=0)
        self.surnames: dict[str, int] = {}
        for k, sp in enumerate(speakers):
            if _last_word(sp.name):
                self.surnames.setdefault(_last_word(sp.name), k)

    def first_for(self, start: int, end: int, name: Optional[str]):
        """The first speaker whose mention holds start..end, or whose surname is the one-word `name`."""
        found = self.surnames.get(name) if name is not None and " " not in name else None
        k = bisect_right(self.starts, start) - 1
        while k >= 0 and self.by_start[k][0] + self.longest >= end:
            owner = self.by_start[k][1]
            if self.speakers[owner].end >= end and (found is None or owner < found):
                found = owner
            k -= 1
        return self.speakers[found] if found is not None else None


class Timeline:
    """Items with a start offset, kept sorted by (start, arrival), for the items starting in a window."""

    def __init__(self, items: Iterable = ()):
        self.keys: list[tuple[int, int]] = []
        self.items: list = []
        self.arrived = 0
        for item in items:
            self.add(item)

    def add(self, item) -> None:
        """File one more item (it comes after the items already filed with the same start)."""
        key = (item.start, self.arrived)
        self.arrived += 1
        at = bisect_right(self.keys, key)
        self.keys.insert(at, key)
        self.items.insert(at, item)

    def between(self, low: int, high: int) -> list[tuple[int, int, object]]:
        """(start, arrival, item) for the items starting at low..high inclusive, in that order."""
        first = bisect_left(self.keys, (low, -1))
        last = bisect_left(self.keys, (high + 1, -1))
        return [(*self.keys[k], self.items[k]) for k in range(first, last)]


class Recall:
    """The speakers and the actors resolved so far with a name and a country, as `_adopt_article` and
    `_last_n` look back at them: the latest first, speakers before actors at the same offset."""

    def __init__(self, speakers: list):
        self.speakers = Timeline(speakers)
        self.placed_speakers = Timeline(sp for sp in speakers if sp.country)
        self.seen = Timeline()
        self.placed = Timeline()
        self.by_name: dict[str, tuple] = {}
        self.by_surname: dict[str, tuple] = {}
        for k, sp in enumerate(speakers):
            if sp.name and sp.country:
                self._file((sp.start, 0, -k), sp)

    def _file(self, rank: tuple, item) -> None:
        """Keep `item` as the latest under its name and its surname when it ranks above what is there."""
        for table, key in ((self.by_name, item.name), (self.by_surname, _last_word(item.name))):
            if key not in table or rank > table[key][0]:
                table[key] = (rank, item)

    def see(self, refs: Iterable) -> None:
        """Remember actors resolved with a name and a country."""
        for ref in refs:
            self._file((ref.start, -1, -self.seen.arrived), ref)
            self.seen.add(ref)

    def place(self, refs: Iterable) -> None:
        """Remember actors given a country (named or not), for "the two leaders"."""
        for ref in refs:
            self.placed.add(ref)

    def named(self, name: str):
        """The latest speaker or actor with this name or whose surname is its last word."""
        hits = [hit for hit in (self.by_name.get(name), self.by_surname.get(_last_word(name))) if hit is not None]
        return max(hits, key=lambda hit: hit[0])[1] if hits else None

    def last_person(self, at: int, reach: int, gender: Optional[str] = None):
        """The latest speaker or actor with a person's full name starting less than `reach` characters before `at`,
        whose first name does not tell another gender than `gender` ("m", "f"): "she" is no Ted."""
        found = _latest_first(self.speakers.between(at - reach + 1, at - 1), self.seen.between(at - reach + 1, at - 1))
        # not "Saudi Arabia": a country's or a body's name is no one "he" or "she" stands for
        return next((k for k in found if " " in (k.name or "") and lookup(k.name) is None
                     and (gender is None or sure_gender(k.name.split()[0]) in (None, gender))), None)

    def placed_before(self, at: int, reach: int) -> list:
        """Actors and speakers with a country that end by `at` and start less than `reach` before it, latest first."""
        window = (at - reach + 1, at)
        return [r for r in _latest_first(self.placed.between(*window), self.placed_speakers.between(*window))
                if r.end <= at]


def _latest_first(first: list, second: list) -> list:
    """Items of two windows by start, latest first; at one start those of `first`, then by arrival."""
    ranked = [(-start, 0, n, item) for start, n, item in first] + [(-start, 1, n, item) for start, n, item in second]
    return [item for *_, item in sorted(ranked, key=lambda r: r[:3])]


def _last_word(name: Optional[str]) -> str:
    """The last word of a name ("" for none)."""
    words = (name or "").split()
    return words[-1] if words else ""


def date_anaphors(events: list[Event], anaphors: set[int]) -> None:
    """ "... met on Tuesday. X spoke after the meeting": an undated definite event noun tells of the nearest
    earlier event of its type (with a shared actor country, when both have one) and takes its date, marked as
    inherited; without it, the report would look undated and be taken for any event of the past week."""
    latest: dict[tuple, int] = {}  # (type, "*" any | None no country | a country) -> the latest dated event
    for k, event in enumerate(events):
        kind = event.event_type
        if id(event) in anaphors:
            mine = {a.country for a in event.actors if a.country}
            keys = [(kind, c) for c in mine] + [(kind, None)] if mine else [(kind, "*")]
            found = max((latest[key] for key in keys if key in latest), default=None)
            if found is not None:
                event.date = replace(events[found].date, inherited=True)
        if event.date is not None:
            theirs = {a.country for a in event.actors + event.recipients if a.country}
            for country in (theirs or {None}) | {"*"}:
                latest[(kind, country)] = k
