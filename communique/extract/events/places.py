"""Where an event happened: a place named beside its trigger, and the country of a place's name."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from communique import countries
from communique.countries import city_country
from communique.extract import docutil
from communique.extract.events.arguments import _country
from communique.records import Location

# Entity labels of places.
PLACE_ENTS = ("GPE", "LOC", "FAC")
LOCATION_PREPS = {"in", "at", "near", "outside", "inside"}


def location_of(anchor: Token) -> Optional[Location]:
    """A place named in an in/at phrase attached to the trigger (or its noun)."""
    for tok in (anchor, *[c for c in anchor.children if c.dep_ == "dobj"]):
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in PLACE_ENTS:
                    ent = _entity_at(obj)
                    return Location(text=ent.text, start=ent.start_char, end=ent.end_char,
                                    name=ent.text, country=_country(ent.text) or city_country(ent.text))
    return None


def _entity_at(tok: Token) -> Span:
    """The named entity that contains `tok`."""
    return docutil.entity_of(tok) or tok.doc[tok.i:tok.i + 1]


def country_of_place(name: str) -> Optional[str]:
    """Country code for the name of a country or its capital ("Accra" -> GHA); None for a demonym."""
    place = countries.lookup(name)
    return place.code if place is not None and place.kind in ("country", "capital") else None
