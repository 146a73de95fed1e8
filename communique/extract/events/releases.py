"""Releasing published matter sets no one free.

PLOVER RETREAT's release (CAMEO 084, "return, release person(s)" and "property") is of people and of what was
seized; the dictionary codes the verb RELEASE 084 with exceptions for what is published ("RELEASE * REPORT",
"* RECORDING", "* IDENTITIES" [---]). A report, emails, tax returns, a poll or an ad released, or a press release,
is publishing, no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from communique.extract.events import arguments as args

if TYPE_CHECKING:
    from communique.extract.events.triggers import Candidate

# Verbs and nouns of release, and what is released by publishing it: the dictionary's exceptions and their kin.
RELEASING = {"release", "free", "liberate", "emancipate", "unloose"}
PUBLISHED = {"report", "statement", "recording", "identity", "name", "document", "information", "data", "detail",
             "figure", "number", "statistic", "result", "finding", "poll", "survey", "study", "estimate", "forecast",
             "email", "e-mail", "letter", "memo", "cable", "record", "return", "transcript", "text", "page", "file",
             "excerpt", "speech", "video", "footage", "clip", "tape", "audio", "photo", "photograph", "image",
             "picture", "ad", "advertisement", "robocall", "album", "song", "single", "film", "movie", "book",
             "trailer", "episode", "version", "update", "plan", "proposal", "budget", "guideline", "guidance",
             "list", "schedule", "press", "news", "evidence", "testimony", "message", "note", "analysis",
             "assessment", "review", "summary", "paper", "platform", "agenda"}


def publishes(cand: "Candidate") -> bool:
    """A release of published matter ("released her tax returns", "a report released by the agency", "the
    release of the emails", "a press release"): publishing, not setting anyone or anything free."""
    release = next((t for t in (cand.noun, cand.anchor, *cand.tokens) if t is not None
                    and _lemma(t) in RELEASING), None)
    if release is None:
        return False
    if release.pos_ == "NOUN":  # "the release of X", "a prisoner release", else the owner: "Nega's release"
        things = [c for c in release.children if c.dep_ == "compound"] + args.prep_objects(release, "of") or [
            c for c in release.children if c.dep_ == "poss"]
    else:
        things = [c for c in release.children if c.dep_ in ("dobj", "nsubjpass")]
        if not things and release.dep_ == "acl":
            things = [release.head]  # "a report released by the agency"
    things += [c for t in things for c in t.conjuncts]
    return bool(things) and all(_lemma(_counted(t)) in PUBLISHED for t in things)


def _counted(noun: Token) -> Token:
    """The noun a measure counts ("30 years of tax returns", "5,000 pages of emails" -> returns, emails)."""
    inner = args.prep_objects(noun, "of")
    return _counted(inner[0]) if inner and _lemma(noun) in ("year", "page", "batch", "set", "trove", "cache") \
        else args.core_head(noun)


def _lemma(tok: Token) -> str:
    """The lower-case lemma."""
    return tok.lemma_.lower()
