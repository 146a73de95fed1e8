"""Views of coded events that several event test files compare against exact expected values."""

from __future__ import annotations


def only(events, etype):
    """The single event of a type."""
    found = [e for e in events if e.event_type == etype]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def mentions(refs):
    """(text, country) of actor references, in order."""
    return [(r.text, r.country) for r in refs]


def kinds(events):
    """(type, trigger, negated, future) of each event."""
    return [(e.event_type, e.trigger.text, e.negated, e.future) for e in events]


def acted(events):
    """Type, trigger text and actor texts of each event."""
    return [(e.event_type, e.trigger.text, [a.text for a in e.actors]) for e in events]


def flagged(events):
    """Type, trigger text, actor countries, recipient countries and flags of each event."""
    return [(e.event_type, e.trigger.text, [a.country for a in e.actors], [r.country for r in e.recipients],
             e.future, e.hypothetical, e.negated) for e in events]
