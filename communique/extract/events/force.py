"""Verbs and nouns of force read for their sense: used physically or for words ("attacked the base" against
"attacked the newspaper in a post", "the clash between Trump and Zelenskyy"), harm from a mishap rather than
an attack ("killed in the crash"), and seizing, killing or taking over where nothing is seized or slain ("captured
the nomination", "killing the bill", "took over as chairman")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import places

if TYPE_CHECKING:
    from communique.extract.events.lexicon import Lexicon

# Targets that are places or facilities: force against them is physical.
PHYSICAL_TARGETS = {"base", "city", "town", "village", "convoy", "ship", "vessel", "tanker", "hospital", "school",
                    "building", "position", "positions", "infrastructure", "camp", "checkpoint", "station", "train",
                    "bus", "car", "vehicle", "plant", "facility", "home", "house", "market", "mosque", "church",
                    "embassy", "headquarters", "compound", "port", "airport", "bridge", "road", "border", "area",
                    "region", "district", "province", "territory", "outpost", "post", "target", "location",
                    "hideout", "troops", "soldiers", "forces", "army", "militants", "civilians", "people",
                    "protesters", "police", "officers", "guards", "passengers", "residents", "worshippers"}
# Subjects that use force by what they are.
ARMED_SECTORS = {"MIL", "REB", "SEP", "INS", "UAF", "COP", "SPY"}

# Verbs of harm that place an attack ("died in the attack") or a mishap ("killed in the crash").
HARM_VERBS = {"die", "kill", "injure", "wound", "hurt", "lose", "perish", "maim"}
# Accidents and disasters in which people die ("killed in the crash", "died in the floods").
MISHAPS = {"crash", "accident", "collision", "fire", "blaze", "wildfire", "flood", "flooding", "earthquake", "quake",
           "storm", "landslide", "mudslide", "stampede", "derailment", "cyclone", "hurricane", "typhoon", "avalanche",
           "tornado", "eruption", "heatwave", "outbreak", "epidemic", "pandemic", "shipwreck", "sinking"}


def in_a_mishap(verb: Token) -> bool:
    """ "were killed in the crash", "died in floods": harm placed in an accident or disaster, by no one named."""
    if _lemma(verb) not in HARM_VERBS or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(_lemma(p) in MISHAPS for p in args.prep_objects(verb, "in"))



def between_people(noun: Token, lex: "Lexicon") -> bool:
    """ "the Oval Office clash between Trump and Zelenskyy": a clash of persons with no weapon named is one of
    words."""
    parties = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
               for o in c.children if o.dep_ == "pobj" for p in (o, *o.conjuncts)]
    parties += [c for c in noun.children if c.dep_ == "poss"]
    parties += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")  # "attacks from rivals"
                for p in c.children if p.dep_ == "pobj"]
    if not parties or not all(_person(p) for p in parties):
        return False
    return not any(t.lower_ in lex.force_words for t in noun.sent)


def in_words(noun: Token) -> bool:
    """ "his verbal assault on the nominee", "a rhetorical attack": force that its own modifier says is words."""
    return any(c.dep_ == "amod" and c.lower_ in WORDY for c in noun.children)


WORDY = {"verbal", "rhetorical", "written", "personal", "political", "partisan"}


def _person(tok: Token) -> bool:
    """A named person (the small model tags some surnames as nationalities) or a politician's title."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in ("GPE", "ORG", "LOC", "FAC", "DATE", "TIME", "EVENT")  # not "Tuesday's attack"
    return tok.lemma_.lower() in POLITICIANS


POLITICIANS = {"leader", "president", "minister", "premier", "chancellor", "politician", "lawmaker", "senator",
               "governor", "mayor", "candidate", "nominee", "rival", "opponent", "critic"}


def physical(verb: Token, lex: "Lexicon") -> bool:
    """Whether a verb of force is used physically: no speech channel, and an armed actor, a weapon or a place."""
    clause = [t for t in verb.subtree if t.dep_ not in ("ccomp", "parataxis")]
    channel = any(t.lower_ in lex.speech_words for t in _prep_objects(verb))
    if channel:
        return False
    subjects = args.subjects(verb)
    if any(armed(s, lex) for s in subjects):
        return True
    objs = [o for o in objects(verb)]
    if any(o.ent_type_ in places.PLACE_ENTS or o.lemma_.lower() in PHYSICAL_TARGETS
           or o.lower_ in PHYSICAL_TARGETS for o in objs):
        return True
    return any(t.lower_ in lex.force_words for t in clause if t.i != verb.i)


def armed(subj: Token, lex: "Lexicon") -> bool:
    """A subject that uses force by what it is (forces, troops, militants, a military sector)."""
    core = args.core_head(subj)
    if core.lower_ in lex.force_words or core.lemma_.lower() in lex.force_words:
        return True
    ref = args.actor_ref(core)
    return ref.sector in ARMED_SECTORS


def objects(verb: Token) -> list[Token]:
    """Direct and prepositional objects of a verb."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return out + _prep_objects(verb)


def _prep_objects(verb: Token) -> list[Token]:
    """Objects of the verb's prepositional phrases, and their compound words."""
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            out.append(pobj)
            out.extend(t for t in pobj.lefts if t.dep_ in ("compound", "amod"))
    return out


def kills_a_thing(verb: Token) -> bool:
    """What is killed is named, and it is a thing: no party, person, pronoun or number ("killing 15")."""
    victims = [o for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for o in (c, *c.conjuncts)]
    victims += [p for v in victims for p in args.prep_objects(v, "of")]  # "lots of civilians"
    return bool(victims) and not any(
        args.is_actor(v) or v.like_num or v.pos_ in ("PRON", "PROPN", "NUM") or v.ent_type_ or
        args.core_head(v).lemma_.lower() in args.QUANTITY_NOUNS | LIVING for v in victims)


# Living things one kills beside people (ACTOR_NOUNS names the people).
LIVING = {"animal", "cattle", "livestock", "cow", "camel", "goat", "sheep", "horse", "dog", "elephant", "wildlife"}


def succeeds(verb: Token) -> bool:
    """ "took over" with nothing taken, or "as" someone ("took over as chairman")."""
    if not any(c.dep_ in ("prt", "prep") and c.lower_ == "over" for c in verb.children):
        return False
    return not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


# What is won rather than seized: prizes of a contest, and feelings or moments caught.
PRIZES = {"nomination", "primary", "caucus", "delegate", "vote", "seat", "race", "election", "win", "victory",
          "majority", "plurality", "heart", "imagination", "attention", "mood", "frustration", "anger", "spirit",
          "soul", "essence", "moment", "momentum", "headline", "spotlight", "title", "crown", "medal", "trophy",
          "prize", "award", "image", "screenshot"}


def prizes_only(verb: Token) -> bool:
    """Everything taken is a prize or a feeling ("captured the nomination", "capturing wins in the South")."""
    objs = [o for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for o in (c, *c.conjuncts)]
    if verb.dep_ == "acl" and not objs:
        objs = [verb.head]  # "a screen image captured by the site"
    return bool(objs) and all(args.core_head(o).lemma_.lower() in PRIZES for o in objs)


def _lemma(tok: Token) -> str:
    """The lower-case lemma."""
    return tok.lemma_.lower()
