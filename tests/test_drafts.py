"""Statement drafts (statements/drafts.py): nested reports dropped, uncued quotes continued, as a full scan would."""

from __future__ import annotations

import random
from datetime import date
from types import SimpleNamespace

from communique.extract.statements.drafts import Draft, drop_nested


def _draft(ranges, cue=None) -> Draft:
    cand = SimpleNamespace(cue=SimpleNamespace(idx=cue)) if cue is not None else None
    return Draft("indirect", list(ranges), cand, None)


def test_a_report_whose_cue_lies_inside_another_is_dropped():
    outer = _draft([(0, 80)], cue=90)  # "..., the minister said" with a report of its own inside
    inner = _draft([(40, 60)], cue=30)
    split = _draft([(100, 120), (140, 160)], cue=125)  # its cue sits in its own gap
    labelled = _draft([(10, 20)])  # no cue: never dropped
    assert drop_nested([outer, inner, split, labelled]) == [outer, split, labelled]


def test_drop_nested_agrees_with_a_scan_of_every_pair():
    rng = random.Random(4)
    for _ in range(30):
        drafts = []
        for _ in range(120):
            start = rng.randrange(5_000)
            ranges = [(start, start + rng.randrange(1, 200))]
            if rng.random() < 0.3:
                ranges.append((ranges[0][1] + rng.randrange(1, 50), ranges[0][1] + rng.randrange(60, 400)))
            drafts.append(_draft(ranges, cue=rng.choice([None, rng.randrange(5_000)])))
        scan = [d for d in drafts if not any(o is not d and d.cand is not None and any(
            s <= d.cand.cue.idx < e for s, e in o.content) for o in drafts)]
        assert drop_nested(drafts) == scan


def test_uncued_quotes_continue_the_statement_before_them(nlp):
    from communique.pieces import analyse

    text = ("Harbour director Lena Voss said on Monday that the northern quay would reopen.\n\n"
            "\u201cThe fishermen have waited long enough for this season.\u201d\n\n"
            "\u201cWe will not close the port again,\u201d Voss told reporters.\n\n"
            "\u201cThe boats are ready and the ice plant works.\u201d")
    doc = next(analyse(nlp, [(text, "quay", date(2026, 3, 12))]))
    assert [(s.kind, s.content.text, s.speaker.name) for s in doc._.statements] == [
        ("indirect", "the northern quay would reopen", "Lena Voss"),
        ("direct", "The fishermen have waited long enough for this season.", "Lena Voss"),
        ("direct", "We will not close the port again The boats are ready and the ice plant works.", "Lena Voss")]
