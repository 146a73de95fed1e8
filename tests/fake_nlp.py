"""A tiny stand-in pipeline for tests where the model is not the point (plumbing, store, CLI).

It finds `Name Name said CONTENT.` as an indirect statement and `Name Name met Name Name` as a
CONSULT event, using the Doc's doc_id and published date the way the real components do. A text
with BOOM raises; one with SLOW takes ten seconds.
"""

from __future__ import annotations

import re
import time

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp import make_doc  # noqa: F401  (registers doc_id / published)
from communique.records import ActorRef, Content, DateRef, Event, Span, Speaker, Statement

SAID = re.compile(r"(?P<who>[A-Z]\w+ [A-Z]\w+) said (?P<what>[^.]+)\.")
MET = re.compile(r"(?P<a>[A-Z]\w+ [A-Z]\w+) (?P<verb>met) (?P<b>[A-Z]\w+ [A-Z]\w+)")

for _name in ("statements", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("fake_communique")
def fake_communique(doc: Doc) -> Doc:
    """Attach statements and events found by two regular expressions."""
    text = doc.text
    if "BOOM" in text:
        raise ValueError("boom on purpose")
    if "SLOW" in text:
        time.sleep(10)  # far over any time budget a test sets
    day = doc._.published.isoformat() if doc._.published else None
    statements = []
    for i, m in enumerate(SAID.finditer(text), 1):
        statements.append(Statement(
            id=f"{doc._.doc_id}-{i}", doc=doc._.doc_id, kind="indirect",
            content=Content(m["what"], m.start("what"), m.end("what")),
            speaker=Speaker(m["who"], m.start("who"), m.end("who"), name=m["who"]),
            date=DateRef("today", 0, 0, day, "day" if day else None) if day else None,
        ))
    events = []
    for i, m in enumerate(MET.finditer(text), 1):
        events.append(Event(
            id=f"{doc._.doc_id}-e{i}", doc=doc._.doc_id, event_type="CONSULT", mode="meet",
            trigger=Span(m["verb"], m.start("verb"), m.end("verb")),
            actors=[ActorRef(m["a"], m.start("a"), m.end("a"), name=m["a"], country="NOR", sector="GOV")],
            recipients=[ActorRef(m["b"], m.start("b"), m.end("b"), name=m["b"], country="SWE", sector="GOV")],
        ))
    doc._.statements = statements
    doc._.events = events
    return doc


def fake_nlp() -> Language:
    """A blank English pipeline with the fake component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("fake_communique")
    return nlp
