"""Event arguments from the parse: actor and recipient mentions, normalised."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from communique.records import ActorRef
from communique.extract import docutil
from communique.countries import city_country

from communique.extract.actors import describe as _actors

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
NOT_ACTOR_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "PRODUCT"}
PRONOUNS = {"he", "she", "they", "we", "it", "i", "his", "her", "their", "our", "its", "my", "him", "them"}
# Common nouns that name political actors even without a named entity.
ACTOR_NOUNS = {
    "government", "army", "military", "soldier", "troop", "police", "rebel", "guerrilla",
    "militant", "protester", "demonstrator", "official", "minister", "president", "leader",
    "force", "authority", "parliament", "court", "judge", "opposition", "student", "worker",
    "farmer", "party", "regime", "militia", "insurgent", "prisoner", "refugee", "civilian",
    "diplomat", "negotiator", "ministry", "administration", "junta", "union", "activist",
    "delegation", "envoy", "ambassador", "spokesman", "spokeswoman", "officer", "group",
    "faction", "movement", "lawmaker", "senator", "prosecutor", "landowner", "villager", "ngo", "ngos",
    "fundamentalist", "detainee", "youth", "people", "resident",
    "side", "leadership", "cabinet", "emir", "king", "gunman", "attacker", "assailant", "bomber",
    "militiaman", "fighter", "nurse", "teacher", "doctor", "voter", "crowd", "mob", "prosecutor",
    "member", "representative", "delegate", "fisherman", "owner", "employer", "miner", "veteran",
    # organisations and bodies
    "organization", "organisation", "agency", "bloc", "body", "council", "committee", "commission", "assembly",
    "congress", "senate", "legislature", "coalition", "alliance", "mission", "panel", "bench", "navy",
    "personnel", "staff", "crew", "company", "firm", "network", "state", "country", "nation", "ally", "partner",
    "neighbor", "neighbour", "administration", "department", "office", "service", "unit", "brigade", "wing",
    # people by role
    "legislator", "chief", "commander", "general", "secretary", "chancellor", "premier", "monarch", "governor",
    "mayor", "spokesperson", "rapporteur", "investigator", "expert", "inspector", "observer", "monitor", "analyst",
    "critic", "opponent", "rival", "supporter", "community", "journalist", "reporter", "lawyer", "attorney", "guard",
    "captor", "kidnapper", "abductor", "hijacker", "terrorist", "extremist", "separatist", "jihadist", "gang", "cartel",
    "smuggler", "pirate", "bandit", "ringleader", "mastermind", "operative", "agent", "spy", "coup", "victim",
    "loyalist", "partisan", "follower", "ally", "counterpart", "emissary", "mediator", "chairman", "chairwoman",
    "deputy", "ruler",
    # people
    "person", "man", "woman", "girl", "boy", "child", "family", "passenger", "hostage", "migrant", "citizen",
    "national", "student", "worker", "pilgrim", "parent",
    # machines of war act for whoever sends them ("Israeli jets struck", "Chinese vessels swarmed")
    "jet", "warplane", "aircraft", "drone", "tank", "warship", "ship", "vessel", "boat", "helicopter", "plane",
    "submarine", "bomber", "fighter", "artillery", "battery",
}
QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                  "millions", "tens", "group", "number", "score", "scores", "band", "some", "many",
                  "handful", "patch", "contingent"}
# Right-hand modifiers that belong to the mention ("rebels in the Ivory Coast").
MENTION_PREPS = {"of", "in", "from", "for"}
# Verbs whose object's "of" phrase is the charge, not part of who: "accused the police of abuses".
CHARGING = {"accuse", "suspect", "convict", "acquit", "clear", "warn"}


# Object-control verbs: "urged X to meet" -> X is the subject of "meet".
OBJECT_CONTROL = {"urge", "ask", "order", "force", "call", "press", "allow", "invite", "persuade",
                  "tell", "permit", "encourage"}
# Passive forms that describe their subject's own stance ("Vietnam is committed to ...").
STATE_PASSIVES = {"commit", "prepare", "determine", "oblige", "force"}


def subjects(verb: Token) -> list[Token]:
    """The agent(s) of a verb: subject, "by" agent in passives, or a controlling verb's subject."""
    for child in verb.children:
        if child.dep_ == "agent":
            return [c for c in child.children if c.dep_ == "pobj"]
    subj = [relative_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.lemma_.lower() in STATE_PASSIVES:  # "Vietnam is committed to ..."
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subj:
        return subj
    if gerund_act(verb):
        return subjects(verb.head.head)
    if charged_act(verb):
        return charged_party(verb.head.head)
    if _name_parsed_as_root(verb):
        return [verb.head]
    finite = _finite_partner(verb)
    if finite is not None:
        return subjects(finite)
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and verb.head.i != verb.i:
        head = verb.head
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp" and raised:  # "Colombia is expected to sign", "X was asked to leave"
            return raised
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        if verb.dep_ != "ccomp":
            return subjects(head)
    if _unlabelled_coordinate(verb):
        return subjects(verb.head)
    return []


def _finite_partner(verb: Token) -> Optional[Token]:
    """ "X said the plan aims to end the crisis and urged Y to ...": the small model coordinates the finite "urged"
    with the infinitive "end"; a finite verb pairs with a finite one, the nearest above in the same tense."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or head.tag_ != "VB" or not to_infinitive(head):
        return None
    while head.head.i != head.i:
        head = head.head
        if head.tag_ == verb.tag_:
            return head
    return None


FINITE = {"VBD", "VBZ", "VBP"}


def to_infinitive(verb: Token) -> bool:
    """The verb is a to-infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def first_conjunct(verb: Token) -> Token:
    """The first of coordinated verbs or clauses: the one the coordination hangs from."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb


def _unlabelled_coordinate(verb: Token) -> bool:
    """ "X imposed tariffs, then exempted ...": the small model leaves a finite verb coordinated with an earlier
    one as an unlabelled dependent; it shares that verb's subject unless a full stop lies between (two sentences
    the segmenter ran together)."""
    head = verb.head
    return verb.dep_ == "dep" and verb.tag_ in ("VBD", "VBZ") and head.pos_ == "VERB" and head.i < verb.i \
        and not any(t.text in (".", "?", "!") for t in verb.doc[head.i:verb.i])


def _name_parsed_as_root(verb: Token) -> bool:
    """ "Trump at first imposed tariffs ...": the small model reads a name that is also a word as the sentence's
    root noun and hangs the verb under it; the name opening the sentence is then the verb's subject."""
    head = verb.head
    return verb.dep_ in ("ccomp", "dep", "conj", "relcl") and head.dep_ == "ROOT" and head.i == head.sent.start \
        and head.pos_ in ("NOUN", "PROPN", "INTJ") and head.is_title and head.i < verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and head.text in docutil.people(head.doc)


# Prepositions whose gerund is an act of the governing verb's subject ("left after meeting Y", "can end it by
# withdrawing"), unlike those whose gerund is a reason or topic ("jailed for spreading", "accused of providing").
ACT_PREPS = {"after", "before", "by", "since", "upon", "while", "following"}


# Verbs that charge or credit a party with an act ("accused India of providing support to militants", "praised
# the bloc for activating its force"): the act is reported as the party's own.
CHARGED_BY = {"accuse", "blame", "suspect", "charge", "convict", "indict", "fault", "criticize", "criticise",
              "condemn", "denounce", "praise", "commend", "thank", "credit", "applaud", "hail", "laud",
              "congratulate"}


def charged_act(verb: Token) -> bool:
    """The verb is a gerund after "of" or "for" that a verb of charging or crediting governs."""
    prep = verb.head
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and prep.lower_ in ("of", "for") \
        and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in CHARGED_BY


def charged_party(verb: Token) -> list[Token]:
    """Whom a verb of charging charges: its object, or its passive subject ("India was accused of ...")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def gerund_act(verb: Token) -> bool:
    """The verb is a gerund after a preposition of time or means, attached to another verb."""
    prep = verb.head
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and prep.lower_ in ACT_PREPS \
        and prep.head.pos_ in ("VERB", "AUX")


def relative_antecedent(tok: Token) -> Token:
    """ "a politician who criticized ...": the relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def prep_objects(tok: Token, word: str) -> list[Token]:
    """Objects of the token's preposition `word` ("attacks from [rivals]", "a demand by [Kenya]")."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == word
            for p in c.children if p.dep_ == "pobj"]


def owners(thing: Token) -> list[Token]:
    """Whose a thing acted on is ("rejected Kenya's request", "the allegations made by Pakistan"): the party the
    act reaches through it."""
    out = [c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON"]  # "its help": named already
    for child in thing.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            out += [p for p in child.children if p.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            out += [p for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return out


def mention_span(head: Token) -> Span:
    """The noun phrase of `head`: its left modifiers and identifying right modifiers."""
    doc = head.doc
    start, end = head.left_edge.i, head.i + 1
    charged = head.dep_ == "dobj" and head.head.lemma_.lower() in CHARGING  # "accused the police of abuses"
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (
            child.dep_ == "prep" and child.lower_ in MENTION_PREPS
            and (head.pos_ != "PROPN" or child.lower_ == "of")  # "Ruiz in Lima": a place, not who
            and not (charged and child.lower_ == "of")
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def core_head(head: Token) -> Token:
    """Look through quantities: "thousands of students", "a group of rebels" -> the people."""
    if head.lemma_.lower() in QUANTITY_NOUNS or head.pos_ == "NUM":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return head


def is_actor(head: Token) -> bool:
    """True when the phrase headed by `head` plausibly names a political actor."""
    head = core_head(head)
    if head.lower_ in PRONOUNS:
        return True
    if head.lemma_.lower() in ACTOR_NOUNS and head.tag_ != "VBG":  # "accused of spying": an act, not a spy
        return True
    if head.ent_type_ in ACTOR_ENTS:
        return True
    # a name right before the head ("the Kenyan Interior Ministry", "Hamas fighters"), not a possessor of a thing
    # ("America's prison population")
    core = head.doc[head.left_edge.i:head.i + 1]  # without "in Brasilia" and the like
    if head.pos_ == "PROPN" and any(t.ent_type_ in ACTOR_ENTS for t in core):
        return True
    if head.pos_ == "PROPN" and head.is_title and not head.ent_type_:
        return True  # a name the entity recogniser missed ("met Ruiz")
    if (head.pos_ == "PROPN" or head.is_title) and head.text in docutil.people(head.doc):
        return True  # a person's name mistaken here for a law, a product or a noun ("Rubio's visit", "Trump")
    if head.is_upper and head.is_alpha and len(head) > 1 and head.ent_type_ not in NOT_ACTOR_ENTS:
        return True  # an acronym, whatever the tagger made of it ("ICE deported", "BLA")
    return _country(core.text) is not None


def actor_ref(head: Token, speaker: Optional[object] = None) -> ActorRef:
    """Normalise the mention headed by `head`; a pronoun takes the given speaker's identity."""
    span = mention_span(head)
    ref = ActorRef(text=span.text, start=span.start_char, end=span.end_char)
    if head.lower_ in PRONOUNS:
        if speaker is not None:
            for name in ("name", "country", "sector", "actor_id", "kb_id"):
                setattr(ref, name, getattr(speaker, name, None))
        return ref
    info = described(span)
    ref.name, ref.sector, ref.kb_id = info.name, info.sector, info.kb_id
    # the knowledge base's country stands; otherwise a country the mention names ("Benin" tagged a person)
    ref.country = info.country if info.kb_id else info.country or _country(span.text) or _first_country(span) \
        or _members_country(head) or _followers_country(head)
    if ref.name:
        ref.actor_id = _actors.actor_key(ref.name, ref.country)
    return ref


def _members_country(head: Token) -> Optional[str]:
    """ "Rights groups, including the American Civil Liberties Union": the country every named member shares."""
    members = [m for c in head.children if c.dep_ == "prep" and c.lower_ == "including"
               for p in c.children if p.dep_ == "pobj" for m in (p, *p.conjuncts)]
    codes: set = set()
    for member in members:
        span = mention_span(member)
        named = {_country(t.text) for t in span if t.is_title} - {None}  # "Kenyan and Ugandan lawyers": two
        codes |= named if len(named) > 1 else {_describe(span)[1]}
    return codes.pop() if len(codes) == 1 and None not in codes else None


# Nouns for a person's following or government: "Assad loyalists", "the Trump administration", "the Netanyahu
# government" belong to the person's country.
FOLLOWERS = {"loyalist", "supporter", "ally", "follower", "backer", "partisan", "aide", "associate",
             "administration", "government", "regime", "cabinet", "camp"}


def _followers_country(head: Token) -> Optional[str]:
    """ "Maduro loyalists", "the Trump administration": the country of the person whose following or government
    the mention names."""
    if head.lemma_.lower() not in FOLLOWERS:
        return None
    people = [c for c in head.children
              if c.dep_ in ("compound", "poss", "amod", "nmod") and c.ent_type_ == "PERSON"]
    people += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"]  # "supporters of Erdogan"
    for tok in people[:1]:
        person = docutil.entity_of(tok) or tok.doc[tok.i:tok.i + 1]
        country = described(person).country
        if country is None and len(person) == 1:  # a surname: the article's fuller mention of the person
            fuller = [e for e in docutil.ents(tok.doc) if e.label_ == "PERSON" and len(e) > 1
                      and e[-1].lower_.split("-")[-1] == tok.lower_]  # "al-Assad" ends with "Assad"
            country = described(fuller[0]).country if fuller else None
        return country
    return None


def split_compound(head: Token) -> list[Token]:
    """Nationality modifiers joined by "and" ("Hungarian and Romanian officials") as separate heads."""
    mods = [c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    extra = [c for m in mods for c in m.conjuncts if c.ent_type_ in ("NORP", "GPE")]
    return mods + extra if extra else []


def modifier_ref(mod: Token, head: Token) -> ActorRef:
    """An actor given by a nationality modifier, with the sector of the noun it modifies."""
    span = mod.doc[mod.i:mod.i + 1]
    _, country, _ = _describe(span)
    _, _, sector = _describe(mention_span(head))
    return ActorRef(text=span.text, start=span.start_char, end=span.end_char,
                    name=span.text, country=country, sector=sector)


def described(span: Span):
    """The actor resolver's reading of a mention, once per mention and document (events ask again and again)."""
    cache = span.doc.user_data.setdefault("communique_described", {})
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = _actors.describe(span, docutil.actor_book(span.doc), span.doc._.published,
                                      full_name=_fuller_name(span))
    return cache[key]


def _fuller_name(span: Span) -> Optional[str]:
    """ "Cruz" in an article that says "Ted Cruz": the fuller name, so that the knowledge base is asked about
    Ted Cruz and not about whoever else is called Cruz (the surname alone may be tagged a person, an
    organisation or a place)."""
    root = span.root
    ent = docutil.entity_of(root)
    # a full name already is left alone; a surname alone ("Cruz", "Mrs. Clinton", "Trump" read as a noun) may be
    # tagged anything
    if not (root.pos_ == "PROPN" or root.is_title) or (ent is not None and ent.label_ == "PERSON" and len(ent) > 1):
        return None
    return docutil.full_names(span.doc).get(root.text)


def _describe(span: Span) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(name, country, sector) for a mention."""
    info = described(span)
    return info.name, info.country or _country(span.text) or _first_country(span), info.sector


def _first_country(span: Span) -> Optional[str]:
    """The first country named or implied by a single word of the mention ("Bosnian Serbs")."""
    inside_places: set[int] = set()
    for ent in docutil.ents_in(span):
        code = _country(ent.text)
        if code:
            return code
        if ent.label_ == "GPE":
            inside_places.update(range(ent.start, ent.end))  # "New Jersey" is not Jersey
    for tok in span:
        if (tok.is_title or tok.is_upper) and tok.i not in inside_places:
            code = _country(tok.text)
            if code:
                return code
    # a city or US state in the mention ("New Jersey Gov. Chris Christie", "the mayor of Lagos")
    return next((code for e in docutil.ents_in(span) if e.label_ == "GPE" and (code := city_country(e.text))), None)


def _country(text: str) -> Optional[str]:
    """Country code for a country name, demonym, capital or metonym."""
    return _actors.country_of(text)
