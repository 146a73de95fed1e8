"""What an actor is, as far as the text tells (ActorInfo), its stable id, and the sources that complete or
correct the text: the knowledge base (who held which office on the article's date) and the user's actor file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Optional

from communique.countries import is_igo
from communique.extract import docutil

if TYPE_CHECKING:
    from communique.actorfile import ActorBook

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class ActorInfo:
    """Who a mention refers to, as far as the text (and the actor file) tells."""

    name: Optional[str] = None  # "Katrin Eriksdottir", "European Commission"; None: a description
    role: Optional[str] = None  # "Fisheries Minister", "spokesman"
    country: Optional[str] = None  # ISO alpha-3, an IGO code (UN, EU, NATO ...) or NGO
    sector: Optional[str] = None  # GOV, MIL, LEG, JUD, OPP, REB, MED, BUS, NGO, IGO, CVL ...
    kind: Optional[str] = None  # person, organisation, country, government, group
    kb_id: Optional[str] = None  # the knowledge-base entry this actor resolved to

    @property
    def key(self) -> str:
        """The stable id slug of this actor (see actor_key)."""
        return actor_key(self.name, self.country)


def actor_key(name: Optional[str], country: Optional[str]) -> str:
    """Stable id slug: "katrin-eriksdottir", "russian-presidency@RUS"; "" without a name."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = _SLUG.sub("-", folded.replace("'", "")).strip("-")
    return f"{slug}@{country}" if country else slug


def igo_official(info: ActorInfo) -> ActorInfo:
    """An official of an international body speaks for it: "the U.N. special envoy", "UNICEF's executive
    director" are IGO, not GOV or BUS (a soldier or police officer of the body keeps MIL or COP)."""
    if info.kind in ("person", "group") and is_igo(info.country) and info.sector in (None, "GOV", "BUS", "ELI"):
        info = replace(info, sector="IGO")
    return info


def apply_kb(info: ActorInfo, doc, on: Optional[date], full_name: Optional[str]) -> ActorInfo:
    """Fill what the text leaves open from the knowledge base entry the name resolves to on `on`."""
    name = full_name or info.name
    if not name or info.kind not in ("person", "organisation"):
        return info
    kb = docutil.knowledge_base(doc)
    title = info.role if info.kind == "person" else None
    match = kb.resolve(name, on, info.country, title) or (kb.resolve(name, on, None, title)
                                                          if info.country is None else None)
    if match is None:
        return info
    if match.in_office is False and info.role and match.role and match.role.endswith(info.role.split()[-1]):
        # "Chancellor Scholz" after his term: the title names an office he no longer holds
        return replace(info, kb_id=match.kb_id, role=match.role, country=info.country or match.country,
                       sector=match.sector)
    info = replace(info, kb_id=match.kb_id, role=info.role or match.role, country=info.country or match.country,
                   sector=info.sector or match.sector)
    if info.country == match.country and match.sector == "IGO" and info.sector in (None, "GOV"):
        info.sector = "IGO"  # "NATO Secretary-General Mark Rutte": an official of the body, not a government
    return info


def apply_book(info: ActorInfo, book: "ActorBook", on: Optional[date]) -> ActorInfo:
    """Let the user's actor file correct and complete what inference found."""
    entry = book.lookup(info.name, on) if info.name else None
    if entry is None and info.role and not info.name:
        entry = book.office_holder(info.role, info.country, on)
    if entry is None:
        return info
    return replace(
        info,
        name=entry.name or info.name,
        role=info.role or entry.role,
        country=entry.country or info.country,
        sector=entry.sector or info.sector,
        kind=entry.kind or info.kind,
    )


# Titles only the US Congress gives: a party and a chamber ("Republican Senator", "Democratic Rep."), or a
# member of Congress ("Congresswoman").
US_CONGRESS = re.compile(r"^(?:(?:Democratic|Republican|GOP)\s+(?:U\.S\.\s+)?(?:Representative|Rep\.|Senator|Sen\.)"
                         r"|(?:U\.S\.\s+)?(?:Congressman|Congresswoman|Congressmember))\b", re.IGNORECASE)


def us_congress(role: Optional[str]) -> Optional[str]:
    """USA for a title of the US Congress."""
    return "USA" if role and US_CONGRESS.match(role) else None
