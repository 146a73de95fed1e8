"""What an actor is, as far as the text tells (ActorInfo), its stable id, and the sources that complete or
correct the text: the knowledge base (who held which office on the article's date) and the user's actor file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Optional

from communique.countries import city_country, is_igo
from communique.extract import docutil

if TYPE_CHECKING:
    from spacy.tokens import Token

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


# A legislator's party and state after the name, as US papers write it: "(R-Tenn.)", ", D-Calif.,", "(I-Vt.)",
# "(D-NY)"; a state lawmaker's home town may stand for the state ("(D-Richmond)").
PARTY_STATE = re.compile(r"\s*(?:\(\s*[RDI]\s?-\s?(?P<inner>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*\)"
                         r"|,\s*[RDI]\s?-\s?(?P<after>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?=[\s,;:)]|$))")
# The states as AP style abbreviates them and by postal code (full names are in the city table).
US_STATES = frozenset(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. "
    "Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. "
    "W.Va. Wis. Wyo. D.C. P.R. "
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR".split())


def party_state(last: Token) -> Optional[str]:
    """USA when the name ending with `last` is followed by a party and a US state or town ("Jane Roe (R-Tenn.)",
    "John Doe, D-Calif.,"): the affiliation US papers give a legislator."""
    # the text joined once per document: doc.text joins every token again at each call
    match = PARTY_STATE.match(docutil.text(last.doc), last.idx + len(last.text))
    if match is None:
        return None
    place = match.group("inner") or match.group("after")
    for text in (place.rstrip("."), place.split()[0].rstrip(".")):  # "R-Texas." ends a sentence
        if text + "." in US_STATES or text in US_STATES or city_country(text) == "USA":
            return "USA"
    return None
