"""Senses and actors decide, not words alone: the checks a trigger candidate must pass.

- verbs of force used for words ("attacked the newspaper in a post") are criticism (ACCUSE);
- a question ("asked whether ...", "asked by a reporter") is not a request (questions.py); "declined to comment"
  is no refusal;
- "demonstrated a readiness" shows something, "rallied support" gathers it: neither is a protest; nor is a
  candidate's rally for supporters (rallies.py), and campaigning for office asks nothing (campaigns.py);
- an official's protest against a decision is an accusation, not a street protest;
- releasing a report or emails publishes them: only people or property are set free (releases.py);
- "met with resistance" or "met the deadline" meets no one, and migrants flown somewhere visit no one (meetings.py);
- a verb trigger needs a political actor as its subject (or, in the passive, as its agent or patient).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import access, campaigns, force, material, questions, rallies, releases
from communique.extract.events.meetings import (THINGS_MET, _alone, _bare_verb, _handles_a_thing, _meets_a_thing,
                                                _private_travellers, _with_a_thing, lemma_of)

if TYPE_CHECKING:
    from communique.extract.events.lexicon import Lexicon
    from communique.extract.events.triggers import Candidate

CONCEALMENT = {"comment", "elaborate", "discuss", "say", "speculate", "confirm", "answer", "respond", "reply",
               "identify", "name"}  # "declined to be identified"
STATE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "IGO"}


def check(cand: "Candidate", lex: "Lexicon") -> Optional["Candidate"]:
    """The candidate with its sense settled, or None when it reports no event."""
    verb = cand.anchor if cand.noun is None else None
    lem = cand.anchor.lemma_.lower()
    if verb is not None and lem == "strike" and _labour_strike(verb):
        cand.etype, cand.mode, cand.source = "PROTEST", "strike", "senses.py: a strike by workers"
        cand.contexts = ()
        return cand
    # "attacked the newspaper", "has begun to attack Trump in her appearances" (a pattern of "begin")
    figurative = next((t for t in (cand.anchor, *cand.tokens) if t.pos_ == "VERB" and lemma_of(t) in lex.figurative),
                      None) if verb is not None else None
    if figurative is not None and cand.etype == "ASSAULT" and not force.physical(figurative, lex):
        cand.etype, cand.mode, cand.source = "ACCUSE", "disapprove", "conventions.yaml figurative"
        cand.contexts = ()  # the dictionary's "military" was for the physical sense
    if cand.noun is not None and cand.etype == "ASSAULT" and lemma_of(cand.noun) in lex.figurative_nouns and (
            force.between_people(cand.noun, lex) or force.in_words(cand.noun)):
        cand.etype, cand.mode, cand.source = "ACCUSE", "disapprove", "conventions.yaml figurative noun"
        cand.contexts = ()
    if verb is not None and cand.etype == "COERCE" and access.refused_entry(verb):
        cand.etype, cand.mode, cand.source = "REJECT", "yield", "access.py: entry refused"
    if verb is not None and lem in ("dismiss", "reject") and _disparaged(verb):
        cand.etype, cand.mode, cand.source = "ACCUSE", "disapprove", "senses.py: dismissed as (disparaging)"
    if verb is not None and lem in ("withdraw", "retreat", "pull") and cand.etype == "RETREAT" and _leaves_body(verb):
        cand.etype, cand.mode, cand.source = "SANCTION", "withdraw", "senses.py: withdrawal from a body"
    if verb is not None and material.armed_support(cand, lex):
        cand.etype, cand.mode, cand.source = "AID", None, "material.py: support given to an armed party (CAMEO 072)"
    if verb is not None and cand.etype == "COOPERATE" and _forces_to_a_front(verb):
        cand.etype, cand.mode, cand.source = "MOBILIZE", "troops", "senses.py: forces sent to a front"
    if verb is not None and lem in lex.needs_destination and _private_travellers(verb):
        return None  # "detainees arrived at the base", "migrants were flown to Texas": moved, not visiting
    if verb is not None and cand.etype == "REJECT" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MOODS for c in verb.children):
        return None  # "dismissed speculation", "rebuffed fears that ...": a reassurance, as in CAMEO (010, 013)
    if verb is not None and lem == "agree" and cand.etype == "AGREE" and _agrees_with_a_thing(verb):
        cand.etype, cand.mode, cand.source = "SUPPORT", None, "senses.py: agree with a proposal (endorse, CAMEO 051)"
    if verb is not None and cand.etype in ("COERCE", "ASSAULT") and lem in TAKING and (
            _private_people(verb) or force.prizes_only(verb)):
        return None  # "Ted Cruz has captured Iowa", "captured the nomination", "captured the hearts of moderates": a
        # candidate wins; forces, states and rulers seize
    if verb is not None and lem == "kill" and cand.etype == "ASSAULT" and force.kills_a_thing(verb):
        return None  # "killed the bill", "killed my enthusiasm", "journalists are killing journalism": ended, not slain
    if verb is not None and lem == "take" and force.succeeds(verb) and not any(
            force.armed(s, lex) for s in args.subjects(verb)):
        return None  # "he took over in hard times", "will take over as head": succeeding to an office, not a
        # seizure ("the army took over" is a coup)
    if verb is not None and lem == "deal" and _handles_a_thing(verb):
        return None  # "will deal fairly with this issue": handling, as CAMEO's "DEAL (WITH IT) [---]" says
    if verb is not None and lem in ("fight", "battle", "struggle") and any(
            c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children):
        return None  # "fought his way back to respectability"
    if verb is not None and lem in ("fight", "battle", "struggle") and _for_a_cause(verb) and not any(
            force.armed(s, lex) for s in args.subjects(verb)):
        return None  # "fighting for their freedom", "battling for votes", "fought hard to defend the tax": striving
        # for a cause, not combat (troops "fighting for control of the town" are in combat)
    if verb is not None and cand.etype == "ASSAULT" and lem in ("fight", "battle", "struggle") and not \
            force.physical(verb, lex):
        return None  # "Cruz was battling with Rubio for second place", "fought the primary": a political contest
        # with no armed party, weapon or place (troops fighting in the town, Ukraine fighting Russia are combat)
    if verb is not None and lem in ("shoot", "fire") and _back(verb) and not force.physical(verb, lex):
        return None  # "'Not so,' the senator shot back": a retort, said and not fired
    if verb is not None and cand.etype == "ASSAULT" and force.in_a_mishap(verb):
        return None  # "five people were killed in the crash": an accident or a disaster, not an attack (the guide
        # leaves natural disasters out)
    if verb is not None and lem == "discuss" and cand.etype == "CONSULT" and _alone(verb):
        return None  # "the ambassador discussed the scandals on television": one person talking about a topic
    if verb is not None and cand.etype == "CONSULT" and _with_a_thing(verb):
        return None  # "met with resistance", "spoke with so much gusto": met no one
    if verb is not None and cand.etype == "CONSULT" and _bare_verb(cand, lem, lex) and lem not in THINGS_MET \
            and _meets_a_thing(verb, lex):
        return None  # "encountered resistance", "met the deadline", "hosted the tournament": met no one
    if verb is not None and lem in ("seize", "grab", "pounce") and _seized_on(verb):
        return None  # "seized on the controversy": made use of it, took nothing
    if verb is not None and cand.etype == "CONCEDE" and lem in ("concede", "admit") and any(
            c.dep_ == "ccomp" for c in verb.children):
        return None  # "conceded he had fallen short": an admission, a statement, not yielding
    if verb is not None and cand.etype in ("SUPPORT", "REJECT") and (_electorate(verb) or _poll(verb)):
        return None  # "Hispanic voters back Clinton", "voters are rejecting him": a preference, not a political act
    if verb is not None and lem == "ask" and cand.etype == "REQUEST" and (
            questions.question(verb) or not questions.asks_for(verb)):
        return None
    if verb is not None and lem == "oppose" and any(c.lower_ == "as" and c.i == verb.i - 1 for c in verb.children):
        return None  # "as opposed to": a comparison
    if verb is not None and lem in ("regret", "rue") and _own_act(verb):
        return None  # "regrets her remarks", "I regret making them": an apology of sorts, no one criticised
    if verb is not None and (questions.asked_whether(verb) or questions.alternative(verb)):
        return None
    if verb is not None and lem in ("decline", "refuse") and _declines_comment(verb):
        return None
    if verb is not None and cand.etype == "PROTEST" and lem in ("demonstrate", "rally", "march", "strike"):
        if any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            return None  # "demonstrated a readiness", "rallied support": showing or gathering, not protest
    if cand.etype == "RETREAT" and releases.publishes(cand):
        return None  # "released her tax returns", "the release of the emails": published, no one set free
    if cand.etype == "REQUEST" and campaigns.electioneering(cand):
        return None  # "campaigned in Iowa", "launched his presidential campaign": seeking votes, asking nothing
    if cand.etype == "PROTEST" and rallies.campaign_rally(cand):
        return None  # "Sanders held a rally in Springfield": campaigning for supporters, not protest
    if verb is not None and cand.etype == "PROTEST" and lem == "protest" and _official_protest(verb):
        cand.etype, cand.mode = "ACCUSE", "disapprove"
    return cand


# Possessives by which a subject owns what it regrets ("regretted her remarks").
OWN_POSSESSIVES = {"my", "our", "his", "her", "its"}  # not "their": "regrets their decision" is often of others


def _own_act(verb: Token) -> bool:
    """What the verb's subject regrets is its own doing: a thing with a possessive pronoun, or an act with no
    subject of its own ("regret making them")."""
    for child in verb.children:
        if child.dep_ == "dobj" and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in child.children):
            return True
        if child.dep_ in ("xcomp", "ccomp") and child.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "poss") for c in child.children):
            return True
    return False


def _agrees_with_a_thing(verb: Token) -> bool:
    """ "agree with the proposal": endorsing a view or plan; agreeing with a party ("agreed with Peru to ...") or
    to something ("agreed to a truce") is a commitment."""
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "on")) for c in verb.children):
        return False
    things = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
              for p in c.children if p.dep_ == "pobj"]
    return bool(things) and not any(args.is_actor(t) for t in things)


TAKING = {"capture", "seize", "take", "sweep", "overrun"}
def _private_people(verb: Token) -> bool:
    """Every subject is a named person who holds no state or armed office (a candidate, a businessman)."""
    subjects = args.subjects(verb)
    if not subjects:
        return False
    for subj in subjects:
        if subj.ent_type_ != "PERSON":
            return False
        if args.actor_ref(subj).sector in STATE_SECTORS | force.ARMED_SECTORS:
            return False
    return True


# Who strike by stopping work ("teachers struck for a third day").
WORKERS = {"worker", "employee", "teacher", "doctor", "nurse", "driver", "miner", "union", "staff", "pilot",
           "dockworker", "docker", "farmer", "student", "lawyer", "trader", "they"}


def _labour_strike(verb: Token) -> bool:
    """ "Workers will strike on Monday": striking with no one struck, by workers, is stopping work."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    subjects = args.subjects(verb)
    return bool(subjects) and all(args.core_head(s).lemma_.lower() in WORKERS for s in subjects) and (
        subjects[0].lower_ != "they" or any(t.lemma_.lower() in WORKERS for t in verb.sent))


def _poll(verb: Token) -> bool:
    """ "male troops backed Trump, 57 percent to 22 percent": shares of a survey, not acts."""
    return any(t.ent_type_ == "PERCENT" and t.i > verb.i for t in verb.sent)


def _electorate(verb: Token) -> bool:
    """Every subject is the voting public ("voters", "the electorate")."""
    subjects = args.subjects(verb)
    return bool(subjects) and all(args.core_head(s).lemma_.lower() in ("voter", "electorate") for s in subjects)


def _seized_on(verb: Token) -> bool:
    """ "seized on the controversy": "on" an issue with no object taken ("seized the port on Monday" takes one)."""
    ons = [c for c in verb.children if c.lower_ in ("on", "upon") and c.dep_ in ("prep", "prt")]
    if any(not list(c.children) for c in ons):
        return True  # "an issue seized upon by the network": the stranded "upon" of the phrasal verb
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    return any(p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for c in ons for p in c.children)


def _for_a_cause(verb: Token) -> bool:
    """ "fight for freedom", "fought hard to defeat the bill", "everything he is fighting for": a cause or a
    purpose naming no actor, and no opponent ("against X", "with X", an object)."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    causes = args.prep_objects(verb, "for")
    purpose = any(c.dep_ in ("xcomp", "advcl") and args.to_infinitive(c) for c in verb.children)
    stranded = any(c.lower_ == "for" and not any(True for _ in c.children) for c in preps)
    if not (causes or purpose or stranded) or any(args.is_actor(p) for p in causes):
        return False  # "fighting for the government" takes a side
    return not any(c.dep_ == "dobj" for c in verb.children) and not any(
        c.lower_ in ("against", "with", "in", "near", "around") for c in preps)


def _back(verb: Token) -> bool:
    """The verb has the particle "back" and no object ("shot back", not "shot back the intruders")."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children) and not any(
        c.dep_ == "dobj" for c in verb.children)


# Worries and guesses: brushing them aside answers no one's demand (CAMEO: "DISMISS SPECULATION" [010],
# "PLAYED_DOWN FEARS" [013], statements).
MOODS = {"fear", "concern", "worry", "speculation", "rumor", "rumour", "suggestion", "notion", "idea", "anxiety"}


BODIES = {"agreement", "treaty", "accord", "deal", "pact", "talks", "negotiation", "organization", "organisation",
          "bloc", "alliance", "union", "council", "court", "convention", "federation", "community", "commission"}


def _leaves_body(verb: Token) -> bool:
    """ "withdrew from ECOWAS", "pulled out of the treaty": leaving an organisation or agreement reduces relations."""
    for prep in (c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out")):
        for obj in (p for p in prep.subtree if p.dep_ == "pobj"):
            if obj.ent_type_ == "ORG" or obj.lemma_.lower() in BODIES or args.actor_ref(obj).sector == "IGO":
                return True
    return False


FORCES = {"troop", "troops", "soldier", "soldiers", "force", "forces", "police", "personnel", "units", "battalion",
          "battalions", "brigade", "brigades", "reinforcements", "marines", "guards", "warship", "warships"}
FRONTS = {"border", "frontier", "region", "area", "province", "state", "city", "capital", "streets", "coast",
          "zone", "front", "line"}


def _forces_to_a_front(verb: Token) -> bool:
    """ "sent 10,000 troops to the border": forces moved to a front are mobilised (PLOVER MOBILIZE troops);
    CAMEO's 062 (military cooperation) stays for forces sent to another country's aid."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in FORCES | {t.rstrip("s") for t in FORCES}
               for c in verb.children):
        return False
    for prep in (c for c in verb.children
                 if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into", "along", "near")):
        if any(p.dep_ == "pobj" and p.lemma_.lower() in FRONTS for p in prep.children):
            return True
    return False


def _disparaged(verb: Token) -> bool:
    """ "dismissed the findings as propaganda": rejecting by disparaging is criticism."""
    # "as" may hang off the object's last conjunct or a phrase inside it ("the findings and statements by X as Y")
    near = list(verb.children) + [g for c in verb.children if c.dep_ == "dobj" for g in c.subtree]
    return any(c.dep_ in ("prep", "advcl", "mark") and c.lower_ == "as" for c in near) or any(
        c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children) for c in near)


def _declines_comment(verb: Token) -> bool:
    """ "declined to comment", "refused to elaborate": withholding a statement, not rejecting anything."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in CONCEALMENT for c in verb.children) or any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("comment", "interview") for c in verb.children)


def _official_protest(verb: Token) -> bool:
    """ "The ministry protested the decision": a state's objection, coded ACCUSE as in PLOVER; "thousands of
    farmers protested the tax" is a protest in the street."""
    subjects = args.subjects(verb)
    if any(args.actor_ref(s).sector in STATE_SECTORS for s in subjects):
        return True
    crowd = any(args.core_head(s) is not s or args.core_head(s).lemma_.lower() in CROWDS for s in subjects)
    return not crowd and any(c.dep_ == "dobj" for c in verb.children)


# People who protest in numbers.
CROWDS = {"resident", "farmer", "worker", "student", "protester", "demonstrator", "people", "citizen", "villager",
          "activist", "supporter", "woman", "teacher", "doctor", "nurse", "driver", "trader", "miner", "youth",
          "crowd", "voter", "parent", "retiree", "pensioner", "employee", "union"}


def has_political_actor(cand: "Candidate") -> bool:
    """A verb trigger's subject (or passive agent or patient) is a political actor."""
    verb = cand.anchor
    subjects = args.subjects(verb)
    if subjects:
        return any(args.is_actor(s) or s.lemma_.lower() in _EVENT_NOUNS for s in subjects)
    patients = [args.relative_antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"]
    if patients:
        return any(args.is_actor(p) or _parties_named(p) for p in patients) or (
            cand.etype in ANSWERS and any(p.lemma_.lower() in PROPOSITIONS for p in patients))
    return any(args.is_actor(o) for o in force.objects(verb))


# Acts that answer a proposition, and the propositions: "the challenges were rejected", "the bill was vetoed",
# "the request was granted" report an act of some party the story has named, though the clause does not.
ANSWERS = {"REJECT", "AGREE", "SUPPORT"}
PROPOSITIONS = {"request", "demand", "appeal", "petition", "challenge", "claim", "allegation", "accusation",
                "charge", "proposal", "plan", "offer", "bid", "motion", "bill", "resolution", "application",
                "nomination", "candidacy", "law", "measure", "amendment", "deal", "agreement", "treaty"}


def _parties_named(noun: Token) -> bool:
    """ "A deal between Fiji and Tonga was signed": the event noun names its parties."""
    return any(c.dep_ == "prep" and c.lower_ == "between" and any(args.is_actor(p) for p in c.children)
               for c in noun.children)


# Subjects that are events themselves ("the attack killed", "talks resumed").
_EVENT_NOUNS = {"attack", "strike", "airstrike", "bombing", "shelling", "raid", "explosion", "blast", "talk",
                "talks", "meeting", "operation", "offensive", "fighting", "clash", "violence", "war"}
