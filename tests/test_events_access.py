"""Keeping a visitor out of a country is a refusal of access (events/access.py), on sentences written for these
tests."""

from __future__ import annotations

import pytest


def coded(events):
    """(type, mode, trigger, actor countries, recipient countries) of each event."""
    return [(e.event_type, e.mode, e.trigger.text, [a.country for a in e.actors], [r.country for r in e.recipients])
            for e in events]


@pytest.mark.parametrize("text, trigger, actor, recipients", [
    ("Ethiopia has barred the UN envoy from entering the country.", "barred", "ETH", ["UN"]),
    ("Kenya prohibited the UN monitors from visiting Somalia.", "prohibited", "KEN", ["UN"]),
    ("Egypt banned the Sudanese delegation from its territory.", "banned", "EGY", ["SDN"]),
])
def test_barring_a_visitor_from_a_country_rejects_access(code, text, trigger, actor, recipients):
    assert coded(code(text)) == [("REJECT", "yield", trigger, [actor], recipients)]


@pytest.mark.parametrize("text, trigger", [
    ("The Taliban barred girls from attending school.", "barred girls"),
    ("Ethiopia barred the opposition leader from leaving the country.", "barred"),
])
def test_barring_people_from_anything_else_restricts_them(code, text, trigger):
    assert [(e.event_type, e.trigger.text) for e in code(text)] == [("COERCE", trigger)]


def test_him_in_reported_speech_is_the_speaker_kept_out(run):
    doc = run("UN envoy Tom Okello said Ethiopia had barred him from entering the country.")
    assert [(e.event_type, [a.country for a in e.actors], [(r.text, r.name, r.country) for r in e.recipients])
            for e in doc._.events] == [("REJECT", ["ETH"], [("him", "Tom Okello", "UN")])]
