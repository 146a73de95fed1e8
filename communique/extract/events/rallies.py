"""A rally is a protest only when it protests.

PLOVER PROTEST is "civilian demonstrations ... carried out as protests against the target actor: ... rally, gather
to protest a policy, action, or actor(s)". The dictionary codes every rally held (HOLD * RALLY, 141) and the
coder's event nouns every rally with an actor, so a candidate's rally for supporters ("Sanders held a rally in
Springfield", "at a Trump rally", "told a campaign rally in Ohio") came out as protests. A rally is campaigning,
no event, when a campaign word names it or it belongs to a campaigner: one person (a named one, "he", "she",
"his"), a candidate, nominee, party, campaign or politician, who holds it, owns it or acts at it ("said at a
rally"). It stays a protest when anything says it protests: "against", "to protest", "demanding", "anti-" or
"protest" before it, protesters, opponents or the opposition holding it or acting at it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from communique.extract import docutil
from communique.extract.events import arguments as args

if TYPE_CHECKING:
    from communique.extract.events.triggers import Candidate

CAMPAIGN_WORDS = {"campaign", "election", "electoral", "reelection", "re-election", "primary", "caucus", "victory",
                  "stump", "fundraising", "fundraiser"}
CAMPAIGNERS = {"candidate", "nominee", "party", "campaign", "contender", "hopeful", "challenger", "incumbent",
               "frontrunner", "front-runner", "politician", "senator", "governor", "congressman", "congresswoman",
               "lawmaker", "legislator", "mayor", "president"}
SINGLE_PEOPLE = {"he", "she", "his", "her"}
PROTESTERS = {"protester", "protestor", "demonstrator", "activist", "opponent", "opposition", "critic", "dissident"}
PROTEST_VERBS = {"protest", "denounce", "condemn", "oppose", "decry", "demand", "reject", "resist", "defy"}
# Verbs whose subject takes part in another's rally (or acts against it), rather than holding it.
TAKING_PART = {"attend", "join", "disrupt", "interrupt", "storm", "crash", "picket", "protest", "cover", "watch",
               "leave", "enter", "follow", "stop"}
# Prepositions that place an act at a rally ("said at a rally", "during a rally", "after a rally in Ohio").
SETTINGS = {"at", "during", "after", "before", "following", "for", "to"}


def campaign_rally(cand: "Candidate") -> bool:
    """The protest candidate is a rally of campaigning, not of protest."""
    rally = _rally(cand)
    if rally is None or _protesting(rally):
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in CAMPAIGN_WORDS for c in rally.children):
        return True
    return any(_campaigner(h) for h in _holders(rally))


def _rally(cand: "Candidate") -> Optional[Token]:
    """The rally of a protest candidate: its noun, or the verb "rally"."""
    if cand.noun is not None:
        return cand.noun if _lemma(cand.noun) == "rally" else None
    nouns = [t for t in cand.tokens if t.pos_ == "NOUN" and _lemma(t) == "rally"]
    if nouns:
        return nouns[0]
    return cand.anchor if _lemma(cand.anchor) == "rally" else None


def _verb_of(rally: Token) -> Optional[Token]:
    """The verb that holds a rally noun ("held a rally", "told a rally"), or the verb "rally" itself."""
    if rally.pos_ == "VERB":
        return rally
    if rally.dep_ in ("dobj", "nsubjpass") and rally.head.pos_ == "VERB":
        return rally.head
    return None


def _setting_of(rally: Token) -> Optional[Token]:
    """The verb a rally noun is the setting of ("said at a rally", "coined the phrase during a rally")."""
    if rally.dep_ == "pobj" and rally.head.lower_ in SETTINGS and rally.head.head.pos_ in ("VERB", "AUX"):
        return rally.head.head
    return None


def _protesting(rally: Token) -> bool:
    """Something says the rally protests: against, a verb of protest, anti- or protest before it, protesters."""
    verb = _verb_of(rally)
    near = list(rally.children) + (list(verb.children) if verb is not None and verb is not rally else [])
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in near):
        return True
    if any(c.dep_ in ("acl", "advcl", "xcomp", "relcl") and _lemma(c) in PROTEST_VERBS for c in near):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(_lemma(p) == "protest" for p in c.children) for c in near):
        return True
    if any(t.lower_.startswith("anti") or _lemma(t) in PROTESTERS | {"protest"} for t in rally.lefts):
        return True
    return any(_lemma(t) in PROTESTERS for h in _holders(rally)
               for t in rally.doc[h.left_edge.i:args.core_head(h).i + 1])  # "opposition leader X", "thousands of
    # protesters"


def _holders(rally: Token) -> list[Token]:
    """Who holds the rally: the verb's subject ("Sanders held a rally", "Trump told a rally"), the owner ("Trump's
    rally", "a Clinton rally"), its speaker ("she said at a rally"), the one it is for ("a rally for Clinton")."""
    out = [c for c in rally.children if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and _person(c)]
    out += [p for c in rally.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
            if p.dep_ == "pobj" and _person(p)]
    verb, setting = _verb_of(rally), _setting_of(rally)
    if verb is not None and _lemma(verb) not in TAKING_PART:
        out += args.subjects(verb)
    if setting is not None:  # who acts at it: "she said at a rally", "Trump coined the phrase during a rally"
        out += args.subjects(setting) + [c for c in setting.children if c.dep_ == "nsubjpass"]
        out += [setting.head] if setting.dep_ == "acl" else []  # "Rubio, speaking at a rally"
    return [h for h in out if h.ent_type_ not in ("DATE", "TIME")]  # "Monday's rally" is no one's


def _campaigner(holder: Token) -> bool:
    """One person, a candidate, nominee, party or campaign."""
    head = args.core_head(holder)
    return _person(head) or _lemma(head) in CAMPAIGNERS


def _person(tok: Token) -> bool:
    """A named person (the model tags surnames as anything: the article's people count), or "he", "she"."""
    return tok.ent_type_ == "PERSON" or tok.text in docutil.people(tok.doc) or tok.lower_ in SINGLE_PEOPLE


def _lemma(tok: Token) -> str:
    """The lower-case lemma."""
    return tok.lemma_.lower()
