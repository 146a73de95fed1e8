"""Actor normalisation: who a mention is, their role, country (alpha-3 or IGO code) and sector.

`describe(span)` reads the mention and its neighbourhood in the parse: titles before names
("Russian President Ivan Petrov"), "of" phrases, appositives both ways, possessives
("Brazil's foreign minister"), demonym modifiers, metonyms ("the Kremlin") and IGOs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterable, Optional

from spacy.tokens import Span, Token

from communique.countries import Place, city_country, country_of, is_igo, lookup
from communique.sectors import WORD_SECTOR, sector_of, singular
from communique.extract import docutil
from communique.extract.actors.info import ActorInfo, actor_key, apply_book, apply_kb, igo_official
from communique.extract.actors.info import party_state, us_congress

if TYPE_CHECKING:
    from communique.actorfile import ActorBook

__all__ = ["ActorInfo", "describe", "country_of", "sector_of", "actor_key"]

# Entity labels under which a name may stand for a country or an international body.
PLACE_LABELS = {"GPE", "NORP", "LOC", "ORG", "FAC"}
# Country names that are also first names, US states or common nouns: they count only
# when spaCy tags them as a place or nationality (never inside a PERSON entity).
AMBIGUOUS = {
    "jordan", "georgia", "chad", "turkey", "china", "guinea", "niger", "chile", "mali",
    "india", "kenya", "jamaica", "israel", "washington", "lima", "paris", "jersey", "peru",
    "cuba", "santiago", "kingston", "dominica", "panama", "brazil", "holland", "victoria",
}
# Words that are titles rather than part of a name ("Minister Katrin Eriksdottir").
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prime", "vice", "deputy",
    "foreign", "defence", "defense", "interior", "finance", "fisheries", "chief",
    "acting", "former", "senior", "junior", "state", "lt", "gen", "col", "adm", "sgt",
    "chairman", "chairwoman", "chair", "director", "head", "leader", "speaker", "pope",
    "rep", "sen", "gov", "secretary-general", "premier", "crown", "prince", "princess",
}
# Nouns naming a body rather than a person.
BODY_WORDS = {
    "government", "ministry", "cabinet", "administration", "presidency", "department",
    "embassy", "office", "agency", "army", "military", "navy", "police", "parliament",
    "court", "party", "union", "association", "company", "council", "committee",
    "commission", "group", "authority", "authorities", "regime", "junta", "alliance",
    "coalition", "bank", "newspaper", "broadcaster", "force", "forces", "legislature",
}
GOVERNMENT_WORDS = {"government", "ministry", "cabinet", "administration", "presidency",
                    "regime", "junta", "authority", "authorities", "embassy"}
GENERIC_PLACES = {"country", "nation", "state", "kingdom", "republic"}
QUANTITY_WORDS = {"hundreds", "thousands", "dozens", "scores", "tens", "millions", "some",
                  "many", "most", "several", "few", "all", "both", "none", "one", "two", "three",
                  "group", "number", "majority", "handful", "crowd"}
PREPS = {"of", "for", "from", "in", "at", "throughout", "across"}


# --- places inside a mention ---------------------------------------------------------


@dataclass
class _Found:
    """A stretch of tokens that names a place or body."""

    start: int
    end: int
    place: Place


def _ok_single(tok: Token, place: Place) -> bool:
    """Whether one token outside any place entity may be trusted to name `place`."""
    if tok.ent_type_ in ("GPE", "NORP", "LOC"):
        return not _us_state(tok)
    if tok.ent_type_ and tok.ent_type_ not in PLACE_LABELS:
        return False
    if tok.lower_ in AMBIGUOUS or tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return False
    return tok.is_upper or tok.is_title or place.kind in ("metonym", "igo", "ngo")


def _place_label(ent: Span) -> bool:
    """Whether an entity may name a place: a place label, or a PERSON that is in fact
    an unambiguous country or nationality (the small model tags "Benin" a person)."""
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ != "PERSON" or ent.text.lower() in AMBIGUOUS:
        return False
    place = lookup(ent.text)
    return place is not None and place.kind in ("country", "demonym", "capital")


def _us_state(tok: Token) -> bool:
    """"Atlanta, Georgia": a place name after a comma and another place is a state."""
    doc, i = tok.doc, tok.i
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "GPE"


def _places(tokens: Iterable[Token]) -> list[_Found]:
    """Places and bodies named in `tokens`: entities first, then 3-, 2- and 1-token windows."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return []
    doc, ids = toks[0].doc, {t.i for t in toks}
    found: list[_Found] = []
    used: set[int] = set()
    for ent in docutil.ents_starting(doc, toks[0].i, toks[-1].i + 1):
        if ent.start in ids and _place_label(ent) and not _us_state(ent[0]):
            place = lookup(ent.text)
            if place and not (ent.label_ == "ORG" and place.kind == "demonym"):
                found.append(_Found(ent.start, ent.end, place))
                used.update(range(ent.start, ent.end))
            elif place is None and ent.label_ == "GPE" and city_country(ent.text):
                used.update(range(ent.start, ent.end))  # "New Jersey": a state, not the island of Jersey
    for n in (3, 2, 1):
        for t in toks:
            window = range(t.i, t.i + n)
            if any(i not in ids or i in used for i in window) or (n > 1 and t.lower_ == "the"):
                continue
            place = lookup(doc[t.i : t.i + n].text)
            if place is None:
                continue
            owner = n == 1 and _country_possessor(t, place)
            if any(doc[i].ent_type_ == "PERSON" for i in window) and not owner:
                continue
            if n > 1 or owner or _ok_single(t, place):
                found.append(_Found(t.i, t.i + n, place))
                used.update(window)
    return sorted(found, key=lambda f: f.start)


def _country_possessor(tok: Token, place: Place) -> bool:
    """ "Mali's junta", "Chad's army": a country's name owning an institution, though the tagger made it a person
    (names that are also first names are otherwise not trusted alone)."""
    return place.kind == "country" and tok.dep_ == "poss" and tok.head.pos_ == "NOUN"


# --- reading the mention -------------------------------------------------------------


def _left(tok: Token) -> list[Token]:
    """The noun phrase up to and including `tok` (determiners, modifiers, possessors)."""
    return list(tok.doc[tok.left_edge.i : tok.i + 1])


def _preps(tok: Token) -> list[Token]:
    """Prepositional phrases after `tok` that qualify it ("of Norway", "for the ministry")."""
    return [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in PREPS]


def _appos(tok: Token) -> list[Token]:
    """Appositives of `tok` ("Olafur Jonsson, chairman of ...")."""
    return [c for c in tok.children if c.dep_ == "appos"]


def _is_titleword(tok: Token) -> bool:
    """A word that titles a person rather than naming them ("President", "Minister")."""
    low = tok.lower_.rstrip(".")
    return low in TITLE_WORDS or singular(low) in WORD_SECTOR


def _name_tokens(head: Token) -> list[Token]:
    """The person's or body's name ending at `head`, without the titles before it."""
    ent = _entity(head)
    if ent is not None and ent.label_ in ("PERSON", "ORG"):
        toks = list(ent)
    elif head.pos_ == "PROPN":
        toks = [head]
        for t in reversed(_left(head)[:-1]):
            same = ent is not None and ent.start <= t.i < ent.end  # "Vassily Nebenzia" read as a work of art
            if t.pos_ != "PROPN" or t.dep_ not in ("compound", "flat") or t.ent_type_ and not same:
                break
            toks.insert(0, t)
    else:
        return []
    while toks and (_is_titleword(toks[0]) or toks[0].lower_ == "the"):
        toks = toks[1:]
    while toks and toks[-1].dep_ == "case":
        toks = toks[:-1]
    return toks


def _entity(tok: Token) -> Optional[Span]:
    """The entity `tok` belongs to, if any."""
    return docutil.entity_of(tok)


def _role_text(tokens: list[Token], head: Token, skip: set[int]) -> Optional[str]:
    """Role words from `tokens`, without the head's determiners, numbers, pronoun
    possessors, generic possessors ("the country's") and the places in `skip`."""
    for t in tokens:
        if t.head == head and t.dep_ == "poss" and t.lower_ in GENERIC_PLACES:
            skip.update(x.i for x in t.subtree)
    keep: list[Token] = []
    for t in tokens:
        if t.i in skip or t.dep_ in ("punct", "cc") or (not keep and t.dep_ in ("det", "predet")):
            continue
        if t.head == head and (t.dep_ in ("det", "nummod", "predet") or t.tag_ == "PRP$"):
            continue
        if t.dep_ == "case" and (t.head.i in skip or t.head.tag_ == "PRP$"):
            continue
        keep.append(t)
    if not keep:
        return None
    runs: list[list[Token]] = [[keep[0]]]
    for t in keep[1:]:
        if t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return " ".join(_text(r) for r in runs).strip(" ,") or None


def _noun_role(tok: Token, skip: set[int]) -> tuple[Optional[str], list[Token]]:
    """Role of a common-noun mention and the tokens it was read from (incl. of/for phrases)."""
    toks = _left(tok)
    for p in _preps(tok):
        sub = list(p.subtree)
        pobj = [c for c in p.children if c.dep_ == "pobj"]
        if pobj and (lookup(" ".join(t.text for t in _left(pobj[0]))) or _all_place(sub, skip)):
            skip.update(t.i for t in sub)  # "minister of Brazil": the country, not the role
            continue
        if p.lower_ in ("of", "for", "at"):
            toks += sub
    return _role_text(toks, tok, skip), toks


def _all_place(tokens: list[Token], skip: set[int]) -> bool:
    """True when every content word of an of-phrase is a place already found."""
    content = [t for t in tokens if t.pos_ not in ("ADP", "DET", "PUNCT")]
    return bool(content) and all(t.i in skip for t in content)


def describe(span: Span, book: Optional["ActorBook"] = None, on: Optional[date] = None,
             full_name: Optional[str] = None) -> ActorInfo:
    """Name, role, country, sector and kind of the actor a mention refers to, as of the article date `on`.

    Precedence: `book` (a user's actor file) > what the mention and its neighbourhood say (title,
    affiliation, apposition) > the knowledge base (who held which office on `on`). `full_name` is the
    name the article gives elsewhere for a bare surname ("Trump" -> "Eric Trump"), used for the look-up.
    """
    if len(span) == 0:
        return ActorInfo()
    head = span.root
    if head.pos_ == "PRON":
        return ActorInfo(kind="person" if head.lower_ in ("he", "she", "him", "her") else None)
    info = igo_official(apply_kb(_infer(head, span), span.doc, on, full_name))
    return apply_book(info, book, on) if book is not None else info


def _infer(head: Token, span: Optional[Span] = None) -> ActorInfo:
    """What the parse alone says about the mention headed by `head`."""
    head = _past_quantity(head)
    region = _left(head) + [t for p in _preps(head) for t in p.subtree]
    places = _places(region)
    whole = next((f for f in places if f.start <= head.i < f.end), None)
    if whole is not None:
        return _place_actor(head, whole.place, places)
    # Places before the head are modifiers ("Russian", "Brazil's") and leave the role;
    # places in a phrase after it stay in it ("spokesman for the Norwegian Coast Guard").
    skip = {i for f in places if f.start < head.i for i in range(f.start, f.end)}
    # "U.S. and Russian negotiators": the caller's span says which of the two it means.
    inside = [f for f in places if span is not None and span.start <= f.start < span.end]
    country = _igo_affiliation(head) or _first_country(inside or places) or _context_country(head) or _title_place(
        head)
    name_toks = _name_tokens(head)
    if name_toks:
        return _named(head, name_toks, country, skip)
    role, _ = _noun_role(head, skip)
    info = ActorInfo(role=role, country=country or us_congress(role))
    for ap in _appos(head):  # "Its spokesman, Lars Haugen"
        ap_name = _name_tokens(ap)
        if ap_name:
            info.name = _text(ap_name)
            info.country = info.country or _first_country(_places(_left(ap) + _pp(ap)))
    info.sector = sector_of(role) if role else None
    info.kind = _noun_kind(head, info)
    return info


def _title_place(head: Token) -> Optional[str]:
    """ "Texas Sen. Ted Cruz", "the Florida senator", "Flint Mayor Karen Weaver": the country of a state or city
    named before the head (a country itself is found before this)."""
    found = docutil.ents_within(head.doc, head.left_edge.i, head.i)
    return next((code for e in found if e.label_ == "GPE" and (code := city_country(e.text))), None)


def _past_quantity(head: Token) -> Token:
    """"Hundreds of Russian troops": the troops, not the hundreds."""
    if head.lower_ in QUANTITY_WORDS or head.pos_ == "NUM":
        for p in _preps(head):
            pobj = [c for c in p.children if c.dep_ == "pobj"]
            if p.lower_ == "of" and pobj:
                return pobj[0]
    return head


def _pp(tok: Token) -> list[Token]:
    """Tokens of the prepositional phrases after `tok`."""
    return [t for p in _preps(tok) for t in p.subtree]


def _text(toks: list[Token]) -> str:
    """Text of a token run."""
    return toks[0].doc[toks[0].i : toks[-1].i + 1].text


def _first_country(places: list[_Found]) -> Optional[str]:
    """The first country or body code among found places."""
    return places[0].place.code if places else None


def _named(head: Token, name_toks: list[Token], country: Optional[str], skip: set[int]) -> ActorInfo:
    """A mention with a name: titles before it, "of" phrases and appositives around it."""
    before = [t for t in _left(head) if t.i < name_toks[0].i]
    role = _role_text(before, head, set(skip)) if before else None
    # "Olafur Jonsson, chairman of ...", and the other way round: "Its spokesman, Lars Haugen".
    partners = _appos(head) + ([_host(head.head)] if head.dep_ == "appos" else [])
    for ap in partners:
        ap_places = _places(_left(ap) + _pp(ap))
        if not role and ap.pos_ != "PROPN":
            own = {i for f in ap_places if _is_possessor(ap, f) for i in range(f.start, f.end)}
            role = _noun_role(ap, own)[0]
        country = _igo_affiliation(ap) or country or _first_country(ap_places) or _context_country(ap)
    legislator = party_state(name_toks[-1])  # "Jane Roe (R-Tenn.)"
    country = country or us_congress(role) or legislator
    name = _text(name_toks)
    ent = _entity(head)
    org_place = lookup(name)
    if org_place and org_place.kind not in ("igo", "ngo", "metonym", "group") and ent is not None and ent.label_ == "PERSON":
        org_place = None  # "Jordan said": spaCy reads a person; do not guess the country
    is_org = (ent is not None and ent.label_ == "ORG") or org_place is not None
    info = ActorInfo(name=name, role=role, country=country, kind="organisation" if is_org else "person")
    if org_place is not None:
        info.name, info.country = org_place.name, info.country or org_place.code
    info.sector = (sector_of(role) if role else None) or (org_place.sector if org_place else None)
    if info.sector is None and legislator and not role:
        info.sector = "LEG"  # "Jane Roe (R-Tenn.)" with no title: the affiliation papers give members of Congress
    if info.sector is None and is_org:
        info.sector = sector_of(name)
    return info


LEADING_VERBS = frozenset("head lead run chair direct command oversee".split())
LEADING_NOUNS = frozenset("head chief director leader chairman chairwoman chair coordinator commander "
                          "secretary-general".split())


def _igo_affiliation(tok: Token) -> Optional[str]:
    """The international body a person leads, which they speak for whatever their nationality: "the
    Portuguese diplomat who heads the U.N. mission", "the Kenyan head of the U.N. agency" -> UN."""
    regions = [list(c.subtree) for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in LEADING_VERBS]
    if tok.lemma_.lower() in LEADING_NOUNS:
        regions += [list(p.subtree) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"]
    for region in regions:
        for found in _places(region):
            if is_igo(found.place.code):
                return found.place.code
    return None


def _host(tok: Token) -> Token:
    """The noun an appositive name belongs to: "Pakistan's envoy to the United Nations, Ali Khan" attaches the
    name to "Nations" in the parse, but it names the envoy."""
    while tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head
    return tok


def _context_country(head: Token) -> Optional[str]:
    """The country "the country's minister" means: the first country named earlier in the
    sentence (news puts the topic first: "Iceland is ready ..., the country's minister
    said"), else the last one in the sentence before.  None without that possessor."""
    if not any(t.dep_ == "poss" and t.lower_ in GENERIC_PLACES for t in head.lefts):
        return None
    sent = head.sent
    before = [t for t in sent if t.i < head.left_edge.i]
    for found in (_places(before)[:1], _places(list(_previous_sentence(sent)))[-1:]):
        found = [f for f in found if f.place.kind in ("country", "demonym", "capital")]
        if found:
            return found[0].place.code
    return None


def _previous_sentence(sent: Span) -> Span:
    """The sentence before `sent` (empty at the start of the document)."""
    doc = sent.doc
    return doc[sent.start - 1].sent if sent.start > 0 else doc[0:0]


def _is_possessor(ap: Token, f: _Found) -> bool:
    """Whether a place found in an appositive modifies it ("Brazil's minister"), not in an of-phrase."""
    return ap.left_edge.i <= f.start < ap.i


def _noun_kind(head: Token, info: ActorInfo) -> str:
    """Kind of an unnamed mention from its head noun."""
    low = head.lower_
    if info.name:
        return "person"
    if low in GOVERNMENT_WORDS or singular(low) in GOVERNMENT_WORDS:
        return "government"
    if low in BODY_WORDS or singular(low) in BODY_WORDS:
        return "organisation"
    return "group" if head.tag_ in ("NNS", "NNPS") else "person"


def _place_actor(head: Token, place: Place, places: list[_Found]) -> ActorInfo:
    """A mention that is itself a country, capital, metonym, IGO or nationality."""
    if place.kind == "country":
        return ActorInfo(name=place.name, country=place.code, sector="GOV", kind="country")
    if place.kind == "capital":
        return ActorInfo(name=place.name, country=place.code, sector="GOV", kind="government")
    if place.kind == "metonym":
        return ActorInfo(name=place.name, country=place.code, sector=place.sector, kind="government")
    if place.kind in ("igo", "ngo", "group"):
        return ActorInfo(name=place.name, country=place.code, sector=place.sector, kind="organisation")
    return ActorInfo(country=place.code, kind="group")  # "the Russians", "Israelis"
