"""Campaigning for office is no demand.

CAMEO files the verb CAMPAIGN under DEMAND (100) and "LAUNCH * CAMPAIGN" under appeals (020): campaigning that
presses for or against something ("campaigned for the release of the prisoners", "against the dam", "launched a
campaign to free them", "a petition campaign asking the mayor to resign") is a request. A candidate's campaign
("campaigned in Iowa", "for Clinton", "as a populist", "launched his presidential campaign", "campaigning to lead
the country") asks nothing of anyone: PLOVER has no event for seeking votes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from communique.extract.events import arguments as args

if TYPE_CHECKING:
    from communique.extract.events.triggers import Candidate

# What a campaign for office is for ("for the nomination", "for Democratic candidates").
ELECTORAL = {"primary", "nomination", "presidency", "office", "seat", "election", "reelection", "re-election",
             "caucus", "vote", "ballot", "term", "governorship", "race", "ticket", "candidate", "nominee",
             "candidacy", "president", "governor", "senator", "mayor", "congress", "senate", "house"}
# What a campaign for office is to do ("campaigning to lead the country", "to win the state").
OFFICE_VERBS = {"lead", "win", "become", "be", "serve", "represent", "succeed", "replace", "unseat", "defeat",
                "beat", "run", "return", "take"}


def electioneering(cand: "Candidate") -> bool:
    """The request candidate is a campaign for office, not for or against a cause."""
    campaign = _campaign(cand)
    return campaign is not None and not _presses(campaign)


def _campaign(cand: "Candidate") -> Optional[Token]:
    """The verb "campaign", or the noun "campaign" of a pattern ("launched his campaign")."""
    if cand.noun is None and cand.anchor.lemma_.lower() == "campaign":
        return cand.anchor
    return next((t for t in cand.tokens if t.pos_ == "NOUN" and t.lemma_.lower() == "campaign"), None)


def _presses(campaign: Token) -> bool:
    """The campaign names a cause: "for" or "against" something other than a party or an office, or what it
    is to do (other than win office)."""
    for child in campaign.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "against"):
            causes = [p for p in child.children if p.dep_ in ("pobj", "pcomp")]
            if any(not args.is_actor(p) and p.lemma_.lower() not in ELECTORAL for p in causes):
                return True
        if child.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp") and child.tag_ in ("VB", "VBG", "VBZ", "VBD") \
                and child.lemma_.lower() not in OFFICE_VERBS:
            return True
    return False
