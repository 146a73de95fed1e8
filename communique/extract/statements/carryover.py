"""Dates and addressees that a statement takes from the remarks it continues.

News gives the day (and the listener) once, with the first sentence of a remark: "X told reporters Thursday".
A quote run after it, "she added", "at the same briefing" or the same speaker's next sentences belong to the same
speech event and inherit that date (the addressee only for quotes with no cue of their own). A speaker's later
statements in simple past take their last stated day; failing that, statements in simple past take the day of the
story's lead (news reports one day's remarks unless it says otherwise). Every such value is marked inherited and
keeps the offsets of the words it came from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Protocol

from spacy.tokens import Doc, Token

from communique.records import Statement

CONTINUING_CUES = frozenset({"add", "continue", "go", "conclude", "reiterate", "elaborate"})
SAME_OCCASION = re.compile(
    r"\b(?:at|during|in) the same (?:briefing|news conference|press conference|conference|meeting|event|"
    r"hearing|session|interview|gaggle|speech|address|appearance|remarks)\b", re.I)
LEAD_SENTENCES = 3  # the lead: the story's first sentences
NEXT_SENTENCES = 2  # "consecutive": the speaker's statement starts at most this many sentences later


class DraftLike(Protocol):
    """What carry-over needs from a statement draft."""

    cand: object
    label: object


def carry_over(doc: Doc, items: list[tuple[Statement, DraftLike]]) -> None:
    """Fill missing dates and addressees of statements that continue earlier remarks (in text order)."""
    sentence_of = _sentence_numbers(doc)
    lead = None
    lead_item: Optional[tuple[Statement, DraftLike]] = None
    apart = _apart(items)
    last_dated: dict[str, Statement] = {}
    prev: Optional[tuple[Statement, DraftLike]] = None
    for st, draft in items:
        cue = _cue(draft)
        here = sentence_of(st.content.start)
        continues = prev is not None and _same_event(doc, st, draft, cue, prev, sentence_of)
        if st.date is None:
            source = prev[0].date if continues else None
            if source is None and _simple_past(cue, draft):
                anchor = last_dated.get(_who(st))
                if anchor is not None:
                    source = anchor.date
                elif lead is not None and not _own_occasion(st, cue, lead_item, apart):
                    source = lead
            if source is not None:
                st.date = replace(source, inherited=True)
        if st.addressee is None and continues and cue is None and draft.label is None and prev[0].addressee:
            st.addressee = replace(prev[0].addressee, inherited=True)
        if st.date is not None and st.date.value:
            if _who(st):
                last_dated[_who(st)] = st
            if lead is None and not st.date.inherited and here < LEAD_SENTENCES and st.date.precision == "day":
                lead, lead_item = st.date, (st, draft)
        prev = (st, draft)


# Who comments on the news rather than making it: their remarks to the reporter are an event of their own.
COMMENTATORS = frozenset("analyst expert fellow professor researcher scholar observer commentator economist "
                         "strategist consultant lecturer".split())
# Listeners that name the occasion several speakers address ("told the council", "told council members").
OCCASIONS = frozenset("council assembly parliament committee commission congress senate summit meeting session "
                      "conference members delegates court".split())
SUBORDINATORS = frozenset("as while after before when since because although though".split())


def _apart(items: list[tuple[Statement, DraftLike]]) -> set[str]:
    """Speakers whose remarks are an event of their own: they spoke to an outlet or listener of their own
    ("told VOA", "told the Reuters news agency", "told reporters"), or comment as analysts or experts."""
    out, present = set(), set()
    for st, draft in items:
        who, ad, sp = _who(st), st.addressee, st.speaker
        role = ((sp.role or "") + " " + (sp.text or "")).lower() if sp is not None else ""
        if who and ad is not None and not ad.inherited and ad.kind != "channel":
            (present if set(ad.name.lower().split()) & OCCASIONS else out).add(who)
        elif who and set(role.replace(",", " ").split()) & COMMENTATORS:
            out.add(who)
    return out - present  # who also addressed the meeting ("told the council") was part of it


def _own_occasion(st: Statement, cue: Optional[Token], lead_item, apart: set[str]) -> bool:
    """Whether a statement of another speaker than the lead's is no part of the lead's speech event: its
    speaker spoke apart (see _apart) and is no member of a group the lead speaks for ("top officials said
    Sunday" covers each official's remarks), or its cue sits in a clause subordinate to another verb ("The
    statement comes as the Kremlin said ...")."""
    lead_st, lead_draft = lead_item
    if _who(st) == _who(lead_st):
        return False
    if cue is not None and cue.dep_ in ("advcl", "relcl") and any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in cue.children):
        return True
    return _who(st) in apart and not _member(st, lead_st, lead_draft)


def _member(st: Statement, lead_st: Statement, lead_draft) -> bool:
    """Whether a speaker belongs to the group the lead statement speaks for: the lead's speaker is a plural
    ("officials", "diplomats") of a country the speaker does not contradict."""
    cand = getattr(lead_draft, "cand", None)
    head = getattr(cand, "speaker", None) if cand is not None else None
    group = lead_st.speaker
    plural = head is not None and (head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children))
    if not plural or group is None or group.country is None:  # "officials", "the United States and its allies"
        return False
    return st.speaker is not None and st.speaker.country in (None, group.country)


def _cue(draft: DraftLike) -> Optional[Token]:
    """The cue verb of a draft, if it has one."""
    cand = draft.cand
    return getattr(cand, "cue", None) if cand is not None else None


def _who(st: Statement) -> str:
    """The speaker as resolved, for matching statements of the same person."""
    sp = st.speaker
    return (sp.actor_id or sp.name or "") if sp is not None else ""


def _same_event(doc: Doc, st: Statement, draft: DraftLike, cue: Optional[Token],
                prev: tuple[Statement, DraftLike], sentence_of) -> bool:
    """Whether a statement continues the one before it: a quote without a cue, "she added", "at the same
    briefing", or the same speaker again in the next sentence or two."""
    before, _ = prev
    if cue is None and draft.label is None:
        return True
    if not _who(st) or _who(st) != _who(before):
        return False
    if cue is None:  # a transcript's next turn by the same speaker ("ALDER: ..."): the same conversation
        return True
    if cue.lemma_.lower() in CONTINUING_CUES or SAME_OCCASION.search(cue.sent.text):
        return True
    near = 0 <= sentence_of(st.content.start) - sentence_of(before.content.end - 1) <= NEXT_SENTENCES
    return near and not _perfect_or_present(cue)  # "X has said ..." reports no one occasion


def _perfect_or_present(cue: Token) -> bool:
    """A cue in the present perfect or the present ("has said", "says")."""
    return cue.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children)


def _simple_past(cue: Optional[Token], draft: DraftLike) -> bool:
    """A cue in the simple past ("said", "told", "adding" under "said"), or a quote continuing one."""
    if cue is None:
        return draft.label is None
    if cue.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children)
    return cue.tag_ == "VBG" and cue.head.tag_ == "VBD"


def _sentence_numbers(doc: Doc):
    """A function from a character offset to the number of its sentence."""
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def number(char: int) -> int:
        from bisect import bisect_right

        return max(0, bisect_right(starts, char) - 1)
    return number
