"""Releasing published matter sets no one free (events/releases.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventhelp import kinds


@pytest.mark.parametrize("text", [
    "The Kenyan senator released her tax returns on Friday.",
    "The ministry released 5,000 pages of emails on Friday.",
    "A report released by the Ghanaian ministry on Monday showed rising prices.",
    "A Nigerian court ordered the release of the emails.",
])
def test_releasing_published_matter_sets_no_one_free(code, text):
    assert [e.event_type for e in code(text)] == []


@pytest.mark.parametrize("text, trigger", [
    ("Iran released the seized tanker on Monday.", "released"),
    ("The 279 girls were released by their captors around 3 a.m.", "released"),
    ("The rebels freed three hostages on Sunday.", "freed"),
    ("Kenya announced a prisoner release on Monday.", "prisoner release"),
])
def test_releasing_people_or_property_is_a_retreat(code, text, trigger):
    assert kinds(code(text)) == [("RETREAT", trigger, False, False)]
