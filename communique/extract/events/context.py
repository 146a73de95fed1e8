"""The lowest tier of an actor's country: an unnamed domestic actor ("the police", "security forces", "the
militants", "the court", and the civilians such groups act on: "villagers", "passengers") belongs to the country
where the event happens, or to the country the article is about.

Own evidence (a title, an affiliation, a name the knowledge base knows) always wins; this only fills an actor
left without a country, and only for nouns that name a country's own institutions, forces or groups. It never
takes another country named in the sentence: the place comes from the event's location, the article's country
from the whole article (a country that holds most of its country mentions).
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Doc

from communique.countries import city_country, country_of, is_igo, lookup
from communique.extract import docutil
from communique.extract.events import arguments as args
from communique.records import ActorRef, Location

# Heads of mentions that name a country's own institutions, forces or groups.
DOMESTIC = {"police", "policeman", "officer", "force", "forces", "security", "army", "military", "soldier",
            "troop", "militant", "attacker", "gunman", "assailant", "insurgent", "rebel", "separatist",
            "authority", "authorities", "court", "judge", "bench", "prosecutor", "government", "ministry",
            "minister", "official", "administration", "parliament", "lawmaker", "legislator", "senate",
            "agency", "department", "president", "leader", "governor", "mayor", "activist", "protester",
            "demonstrator", "opposition", "party", "lawyer", "captor", "kidnapper", "gang", "personnel", "chief",
            "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "diplomat",
            # armed and criminal groups that fight inside a country are coded with it (PLOVER codes rebels,
            # insurgents and criminals by the country they operate in)
            "group", "terrorist", "fighter", "jihadist", "extremist", "bandit", "gunmen", "insurgency",
            # civilians, most often the targets: people in a country are coded with it
            "civilian", "passenger", "villager", "resident", "student", "schoolgirl", "schoolchildren", "girl",
            "boy", "woman", "women", "child", "children", "people", "citizen", "journalist", "farmer",
            "worker", "worshipper", "hostage", "detainee", "prisoner", "pupil", "teacher", "doctor"}
MIN_MENTIONS = 3
MIN_SHARE = 0.5


def article_country(doc: Doc) -> Optional[str]:
    """The country that holds most of the article's country mentions and of its people the knowledge base places
    (at least half, at least three)."""
    cached = doc.user_data.get("communique_article_country", "unset")
    if cached != "unset":
        return cached
    counts: Counter = Counter()
    for ent in docutil.ents(doc):
        if ent.label_ in ("GPE", "NORP") and not _names_a_topic(ent):
            code = country_of(ent.text) or (city_country(ent.text) if ent.label_ == "GPE" else None)
            if code and not is_igo(code):
                counts[code] += 1
        elif ent.label_ == "PERSON":  # a person the knowledge base places tells whose story it is too
            info = args.described(ent)
            if info.kb_id and info.country and not is_igo(info.country):
                counts[info.country] += 1
    total = sum(counts.values())
    best = counts.most_common(1)[0] if counts else None
    value = best[0] if best and best[1] >= MIN_MENTIONS and best[1] / total >= MIN_SHARE else None
    doc.user_data["communique_article_country"] = value
    return value


def _names_a_topic(ent) -> bool:
    """ "the Iran deal", "Iran sanctions", "Iranian aggression": a country named as what a thing is about tells
    nothing of whose story it is ("the Kenyan court", "Kenya's president" do)."""
    root = ent.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and not args.is_actor(root.head)


def fill_domestic(refs: list[ActorRef], doc: Doc, location: Optional[Location]) -> None:
    """Give an unnamed domestic actor the event's country (its place, else the article's), and a person whom
    nothing else places, acting at home, the article's country (a story about one country is mostly told
    by and about its people; the knowledge base, a title or an affiliation always come first)."""
    place = location.country if location is not None and location.country else None
    for ref in refs:
        if ref.country or ref.kb_id:
            continue
        # by its words, or by whom it resolved to ("a statement from the ISPR" is the ISPR's)
        if _domestic(ref.text) or (ref.name and ref.name != ref.text and _domestic(ref.name)):
            if not _other_people(ref, doc):
                ref.country = _own_place(ref, doc) or _named_before(ref, doc) or place or article_country(doc)
        elif found := _named_before(ref, doc):  # any definite description: "the council" after "the U.N. ..."
            ref.country = found
        elif _person(ref, doc) and place in (None, article_country(doc)):  # not someone acting abroad
            ref.country = article_country(doc)


def _other_people(ref: ActorRef, doc: Doc) -> bool:
    """The mention names a people that is no country's ("Chechen fighters", "Kurdish militants"): not domestic
    to wherever they act."""
    span = _span(ref, doc)
    return span is not None and any(e.label_ == "NORP" and country_of(e.text) is None for e in docutil.ents_in(span))


def _person(ref: ActorRef, doc: Doc) -> bool:
    """The mention is headed by a person's name."""
    if ref.name and ref.text.lower() in ("he", "she", "him", "her"):
        return True  # resolved to a named person (a speaker, an antecedent)
    span = _span(ref, doc)
    if span is not None and len(span) > 0 and span.root.ent_type_ == "PERSON":
        return True
    # a surname the tagger missed here, whose full name it tagged elsewhere ("Bugti" after "Sarfraz Bugti")
    return bool(ref.name) and ref.name in docutil.people(doc)


def _span(ref: ActorRef, doc: Doc):
    """The tokens of a mention."""
    return doc.char_span(ref.start, ref.end, alignment_mode="expand")


def _own_place(ref: ActorRef, doc: Doc) -> Optional[str]:
    """A city named inside the mention itself ("police in Lagos")."""
    span = _span(ref, doc)
    for ent in docutil.ents_in(span) if span is not None else ():
        if ent.label_ == "GPE":
            code = city_country(ent.text)
            if code:
                return code
    return None


def _named_before(ref: ActorRef, doc: Doc) -> Optional[str]:
    """ "The court" after "the International Court of Justice", "the ministry" after "Kenya's Interior Ministry":
    a definite description takes the country of the nearest earlier name with the same head noun."""
    words = ref.text.lower().replace("’", "'").split()
    if len(words) < 2 or words[0] != "the":
        return None
    noun = words[1].removesuffix("'s")
    ent = docutil.last_ending_by(docutil.ents_keyed(doc, "named_words", _name_words).get(noun), ref.start)
    if ent is None:
        return None
    found = lookup(ent.text) or _name_cut_at_of(ent)
    if found is not None:
        return found.code
    return args.actor_ref(ent.root).country


def _name_cut_at_of(ent):
    """A name the recogniser cut before its "of" ("Group" of "the Group of Seven"): the longer name, if known."""
    doc = ent.doc
    of = ent.end - 1 if ent[-1].lower_ == "of" else ent.end  # "[Group of] Seven" or "[Group] of Seven"
    if of >= len(doc) or doc[of].lower_ != "of":
        return None
    for end in range(of + 2, min(of + 4, len(doc) + 1)):
        found = lookup(doc[ent.start:end].text)
        if found is not None:
            return found
    return None


def _name_words(ent) -> list[str]:
    """The lower-case words of an organisation's, facility's or place's name, by which it is looked back for."""
    return [t.lower_ for t in ent] if ent.label_ in ("ORG", "FAC", "NORP", "GPE") else []


def _domestic(text: str) -> bool:
    """The mention's last word names a domestic institution, force or group."""
    words = []
    for word in text.lower().replace("’", "'").split():
        if word in ("for", "of", "in", "from", "with", "at", "on", "who", "which", "that"):
            break
        words.append(word.rstrip(".,"))
    if not words:
        return False
    last = words[-1]
    return last in DOMESTIC or last.rstrip("s") in DOMESTIC or (text.isupper() and 2 <= len(text) <= 5)
