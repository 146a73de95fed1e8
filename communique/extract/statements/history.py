"""The speakers an article has had so far, newest last, with the latest one of each kind at hand.

Pronouns, role descriptions and documents resolve to the most recent earlier speaker that fits. Walking
back through every speaker for each mention made a long article's time grow with the square of its
length; the history keeps, for each question the resolver asks, the position of the latest speaker that
answers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from communique.records import Speaker


@dataclass
class Known:
    """A speaker already seen in this article: the salience history pronouns resolve against."""

    speaker: Speaker
    gender: Optional[str]
    plural: bool
    via: Optional[str] = None  # the document it spoke through ("statement"), if any
    person: bool = False  # a named person of the article
    body: bool = False  # a named body or a description of one ("the ministry", "the watchdog")


class History:
    """Known speakers in order, and the latest position for each key `keys_of` gives."""

    def __init__(self) -> None:
        self.items: list[Known] = []
        self._latest: dict[tuple, int] = {}

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Known]:
        return iter(self.items)

    def __reversed__(self) -> Iterator[Known]:
        return reversed(self.items)

    def __getitem__(self, k: int) -> Known:
        return self.items[k]

    def append(self, known: Known) -> None:
        """Add the newest speaker (its fields are not changed afterwards)."""
        for key in keys_of(known):
            self._latest[key] = len(self.items)
        self.items.append(known)

    def latest(self, *keys: tuple) -> Optional[Known]:
        """The most recent speaker filed under any of `keys`, or None."""
        found = [self._latest[key] for key in keys if key in self._latest]
        return self.items[max(found)] if found else None


def keys_of(known: Known) -> list[tuple]:
    """What a speaker can be looked up by: its name, last word, document, gender and number, and kind."""
    words = (known.speaker.name or "").lower().split()
    keys: list[tuple] = [("name", known.speaker.name), ("via", known.via), ("gender", known.gender)]
    if words:
        keys.append(("word", words[-1]))
    if known.plural or known.gender == "n":
        keys.append(("plural or neuter",))
    if known.gender == "n" and not known.plural:
        keys.append(("neuter",))
    if known.gender is None and not known.plural:
        keys.append(("unknown single",))
        if known.person:
            keys.append(("unknown person",))
    if known.body and known.gender not in ("m", "f"):
        keys.append(("body",))
    return keys
