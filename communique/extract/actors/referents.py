"""What "it" and "its" may stand for: one state, government, organisation or group, never a person and never
a plural ("Officials blamed the state, accusing it of ...": "it" is the state, not the officials)."""

from __future__ import annotations

from spacy.tokens import Token

from communique.countries import lookup
from communique.extract import docutil
from communique.extract.actors.describe import BODY_WORDS, GENERIC_PLACES, GOVERNMENT_WORDS
from communique.sectors import singular

NEUTER_LABELS = {"ORG", "GPE", "FAC", "LOC"}
# Nouns for one body or place beside describe's body, government and generic place words.
NEUTER_WORDS = BODY_WORDS | GOVERNMENT_WORDS | GENERIC_PLACES | {
    "organization", "organisation", "agency", "bloc", "movement", "network", "firm", "service", "mission",
    "delegation", "institute", "university", "city", "province", "region", "territory", "capital", "outlet",
    "faction", "wing", "unit", "brigade", "battalion", "militia", "cartel", "gang", "body", "senate", "congress",
    "assembly", "board", "panel", "tribunal", "consulate", "leadership", "opposition", "side", "team", "club",
    "media", "consortium", "corporation", "bureau", "directorate"}


def neuter(tok: Token) -> bool:
    """The mention headed by `tok` is one state, government, organisation or group, which "it" or "its" may
    stand for: not a person ("the minister", "Ana Ruiz"), not a plural ("officials"), not a pair ("Kenya and
    Uganda")."""
    if tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "PERSON" or tok.conjuncts:
        return False
    if tok.ent_type_ in NEUTER_LABELS:
        return True
    if tok.lemma_.lower() in NEUTER_WORDS or singular(tok.lower_) in NEUTER_WORDS:
        return True
    ent = docutil.entity_of(tok)
    place = lookup(ent.text if ent is not None else tok.text)
    if place is not None:
        return place.kind != "demonym"
    return tok.is_upper and tok.is_alpha and len(tok) > 1  # an acronym ("the ISPR")
