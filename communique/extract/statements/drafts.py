"""Statement drafts and the passes over all of them: nested reports dropped, uncued quotes continued.

Both passes look drafts up by offset (bisection over sorted ranges, a running best) rather than
comparing every draft or quote with every other: a long article has thousands of each, and the
pairwise loops made its time grow with the square of its length.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span

from communique.extract import docutil
from communique.extract.statements import content as C
from communique.extract.statements.quotes import Quote
from communique.extract.statements.transcripts import LabelLine

if TYPE_CHECKING:
    from communique.extract.statements.component import Candidate


@dataclass
class Draft:
    """A statement before its speaker is resolved."""

    kind: str
    content: C.Ranges
    cand: Optional["Candidate"]
    speaker_span: Optional[Span]
    inherit: Optional["Draft"] = None  # continuation: same speaker as this draft
    label: Optional[LabelLine] = None  # a "NAME: ..." transcript or headline line


def drop_nested(drafts: list[Draft]) -> list[Draft]:
    """Drop a statement whose cue lies inside another's content: the outer report already holds it."""
    ranges = sorted((s, e, k) for k, d in enumerate(drafts) for s, e in d.content)
    starts = [s for s, _, _ in ranges]
    reach = _two_furthest(ranges)
    keep = []
    for k, d in enumerate(drafts):
        if d.cand is not None:
            n = bisect_right(starts, d.cand.cue.idx)  # the ranges starting at or before the cue
            if n and _other_reaches(reach[n - 1], k, d.cand.cue.idx):
                continue
        keep.append(d)
    return keep


Reach = tuple[int, int, int]  # the furthest end, whose draft it is, the furthest end of any other draft


def _two_furthest(ranges: list[tuple[int, int, int]]) -> list[Reach]:
    """For each prefix of the ranges: the furthest end, its draft, and the furthest end of another draft."""
    out: list[Reach] = []
    end, owner, other = -1, -1, -1
    for _, e, k in ranges:
        if k == owner:
            end = max(end, e)
        elif e > end:
            end, owner, other = e, k, end
        else:
            other = max(other, e)
        out.append((end, owner, other))
    return out


def _other_reaches(reach: Reach, k: int, char: int) -> bool:
    """Whether a range of a draft other than draft k, among those starting by `char`, ends after it."""
    end, owner, other = reach
    return (end if owner != k else other) > char


def continuations(doc: Doc, quotes: list[Quote], drafts: list[Draft]) -> list[Draft]:
    """Quotes with no cue of their own continue the statement just before them."""
    text = docutil.text(doc)
    covered = C.word_chars(text, [p for d in drafts for p in d.content])
    order = {id(d): n for n, d in enumerate(drafts)}
    # A draft can continue a quote once the quote starts after its content; quotes come in text order,
    # so the drafts join in order of their ends and the best so far is kept.
    waiting = sorted(drafts, key=lambda d: d.content[-1][1])
    joined = 0
    best: Optional[Draft] = None
    added: list[Draft] = []
    for q in quotes:
        qwords = C.word_chars(text, q.pieces)
        if not qwords or qwords & covered or len(text[q.start : q.end].split()) < 3:
            continue
        while joined < len(waiting) and waiting[joined].content[-1][1] <= q.start:
            best = _later(best, waiting[joined], order)
            joined += 1
        prev = best
        if prev is None or not _adjacent(doc, _end_of(prev), q.start):
            continue
        if prev.kind == "direct" and prev.cand is not None:
            prev.content = prev.content + C.trim(text, q.pieces, keep_final_stop=True)
        else:
            new = Draft("direct", C.trim(text, q.pieces, keep_final_stop=True), None, None, inherit=prev)
            order[id(new)] = len(order)
            added.append(new)
            best = _later(best, new, order)  # it ends before the next quote starts
        covered |= qwords
    return sorted(drafts + added, key=lambda d: d.content[0][0])


def _later(best: Optional[Draft], d: Draft, order: dict[int, int]) -> Draft:
    """Of two drafts, the one whose material ends last; on a tie the first in text order (as max() picks)."""
    if best is None:
        return d
    rank = (_end_of(d), -d.content[0][0], -order[id(d)])
    return d if rank > (_end_of(best), -best.content[0][0], -order[id(best)]) else best


def _end_of(d: Draft) -> int:
    """Where a draft's sentence material ends: its content, cue or speaker, whichever is last."""
    ends = [d.content[-1][1]]
    if d.cand is not None:
        ends.append(d.cand.cue.sent.end_char)
    return max(ends)


def _adjacent(doc: Doc, end: int, start: int) -> bool:
    """Whether only whitespace and quote marks separate two offsets."""
    if start - end >= 40:
        return False  # not sliced: the gap may be most of a long article
    gap = docutil.text(doc)[end:start]
    return len(gap) < 40 and all(c.isspace() or c in "\"\u201c\u201d\u00ab\u00bb'\u2018" for c in gap)
