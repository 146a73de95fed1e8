"""Reported obligations (events/flags.py deontic_requests), on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The senator says a president must be ready to start making decisions at once.",
    '"A leader must fight for what they believe in," the senator said.',
    "The minister said any government must respect the courts.",
])
def test_a_norm_for_anyone_of_a_kind_asks_nothing_of_anyone(run, text):
    assert run(text)._.events == []


def test_an_obligation_laid_on_a_named_party_is_a_demand(run):
    events = run("Kenya said Uganda should withdraw its troops from the border.")._.events
    assert [(e.event_type, e.mode, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events] == [("REQUEST", "yield", ["KEN"], ["UGA"])]
