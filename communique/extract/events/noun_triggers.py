"""Event nouns as triggers: a noun is an event when it names its own actor, or its sentence reports it happened."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from communique.extract.events import force, meetings, nominal
from communique.extract.events import arguments as args
from communique.extract.events.lexicon import Lexicon
from communique.extract.events.triggers import Candidate, _cand, compounds, lemma, noun_code

# Verbs reporting that an event noun happened ("talks took place", "the attack killed ...").
HAPPEN_VERBS = {"take", "begin", "start", "end", "continue", "kill", "wound", "injure", "hit", "destroy", "damage",
                "leave", "break", "erupt", "resume", "occur", "happen", "conclude", "last", "come", "follow",
                "claim", "target", "strike",
                # what a meeting does when it takes place ("the talks brought together ministers", "the summit
                # focused on trade", "the talks collapsed")
                "bring", "gather", "draw", "produce", "yield", "collapse", "stall", "open", "close", "focus",
                "center", "centre", "cover", "wrap"}
# The speech acts PLOVER codes whose nouns name an act someone made (demand, accusation, refusal).
SPEECH_ACTS = {"REQUEST", "ACCUSE", "REJECT"}
# Verbs answering a speech act: its being answered says it was made ("the request was rejected", "calls for a
# truce went unanswered").
ANSWERING_VERBS = {"reject", "dismiss", "deny", "ignore", "heed", "answer", "welcome", "accept", "rebuff", "refute"}
UNANSWERED = {"unanswered", "unheeded"}
# Prepositions placing something at a meeting ("agreed at a summit", "told him in a phone call").
SITUATION_PREPS = {"at", "in", "during", "after", "before", "following", "ahead", "of"}
# Entity labels of names: a noun inside one ("Government of National Accord") is not a trigger.
NAME_LABELS = {"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "NORP"}
# Verbs whose object is an existing measure or accord that someone breaks or evades.
BROKEN_BY = {"violate", "breach", "evade", "defy", "flout", "circumvent", "skirt", "dodge", "bust"}
# Verbs whose object is wanted, not done: an event noun there has not happened.
SOUGHT_BY = {"seek", "request", "want", "need", "demand", "ask", "desire"}


def noun_candidate(lex: Lexicon, tok: Token) -> Optional[Candidate]:
    """A trigger headed by an event noun that has its own actor or reports a happening."""
    if tok.pos_ != "NOUN" or tok.dep_ == "compound" or tok.ent_type_ in NAME_LABELS:
        return None
    code = noun_code(lex, tok)
    if code is None:
        return None
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lemma(tok) == "demand" and tok.tag_ == "NN" and "for" not in preps and not any(
            c.dep_ in ("poss", "acl", "ccomp", "relcl") for c in tok.children):
        return None  # "strong Chinese demand": the market's demand names no demand on anyone
    if lemma(tok) == "appeal" and not preps & {"for", "to", "against"} and not any(
            c.dep_ in ("acl", "ccomp", "relcl") for c in tok.children):
        return None  # "Trump's appeal as a forceful persona", "broad appeal": attraction, not an appeal to anyone
    if lemma(tok) == "support" and _polled(tok):
        return None  # "Clinton's support against Trump differs from his rating by four points": a poll's figure
    if lemma(tok) == "call":
        if "for" in preps:
            code = lex.phrasal[("call", "for")]
        elif "on" in preps and any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" for c in tok.subtree):
            code = lex.phrasal[("call", "on")]  # "calls on the parties to end the war"
        elif not meetings.is_phone_call(tok):
            return None
    possessor = any(c.dep_ == "poss" and c.pos_ != "PRON" and args.is_actor(c) for c in tok.children)
    if lemma(tok) == "war" and nominal.announcing_verb(tok) is None and (
            not possessor or any(c.lower_ == "civil" for c in tok.children)):
        return None  # "the war", "the Russia-Ukraine war", "Sudan's civil war": an ongoing conflict's name, not a
        # report of fighting ("declared war on X" is one)
    if lemma(tok) in ("restriction", "curb") and any(lemma(p) in TRADE_WORDS for p in args.prep_objects(tok, "on")):
        code = lex.nouns["sanction"]  # "restrictions on rare earth exports": an embargo, not repression
    if lemma(tok) == "cooperation" and not (possessor or "between" in preps):
        return None  # "aimed at boosting cooperation with India", "supportive of cooperation with Japan": one side's
        # wish; cooperation is a report when both parties are its own ("between X and Y", "X's cooperation with Y")
    # an attack "from" X, a transfer of arms "from" X (its giver; not "aid from X", which is mostly received)
    handed = code.etype == "AID" and any(noun == lemma(tok) for noun, _ in lex.noun_objects)
    agent_preps = {"between", "by", "with", "from"} if code.etype == "ASSAULT" or handed else {"between", "by", "with"}
    has_actor = possessor or bool(preps & agent_preps) or any(
        c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")
        for c in tok.children)
    dated = any(c.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ in ("poss", "compound", "npadvmod")) \
        or any(c.dep_ == "amod" and c.lower_ in ("recent", "latest") for c in tok.children)  # "recent agreements"
    happened = (tok.dep_ in ("nsubj", "nsubjpass") and lemma(tok.head) in HAPPEN_VERBS) or any(
        c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in lex.light_verbs for c in tok.children) or \
        (code.etype in SPEECH_ACTS and _answered(tok))
    if tok.dep_ == "dobj" and lemma(tok.head) in BROKEN_BY:
        return None  # "would violate U.N. sanctions", "breached the ceasefire": the breach is what happens
    if tok.dep_ == "dobj" and lemma(tok.head) in SOUGHT_BY:
        return None  # "seeking military assistance from Russia": asked for, not given (the asking is the event)
    if tok.dep_ == "nsubj" and not (happened or dated) and tok.head.pos_ in ("VERB", "AUX"):
        return None  # "X's arrest was not a reflection of ...": the event is talked about, not reported
    situated = code.etype == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in SITUATION_PREPS
    # "died in the attack", "were killed in the raid": the harm places the attack
    harmed = code.etype in ("ASSAULT", "PROTEST") and place_of_harm(tok)
    # "the killing of 33 fighters", "the arrest of five people": the people it befell make it concrete
    befell = any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and (args.is_actor(p) or any(n.dep_ == "nummod" for n in p.children))
        for p in c.children) for c in tok.children) and code.etype in ("ASSAULT", "COERCE", "RETREAT")
    claimed = nominal.claiming_verb(tok) is not None  # "claimed responsibility for the bombing"
    # "opened his tour with a visit to Chad": a visit with its destination is a concrete trip
    destined = code.etype == "CONSULT" and lemma(tok) in ("visit", "trip") and meetings.has_destination(tok)
    announced = nominal.announcing_verb(tok) is not None  # "Japan announced an aid package", "... new sanctions"
    if not (has_actor or happened or dated or situated or harmed or befell or claimed or announced or destined):
        return None
    if any(c.dep_ == "nummod" and _count(c) > 2 for c in tok.children):
        return None  # "conducted 11,654 operations": a statistic of events, not a report of one
    cand = _cand(tok, [*compounds(tok), tok], code, noun=tok)
    # "the suspension of relations with Qatar", "the transfer of arms to Russia": the party of what it acts on
    cand.recipient_heads = [p for o in args.prep_objects(tok, "of") for w in ("with", "to", "against")
                            for p in args.prep_objects(o, w)]
    return cand


# What trade restrictions restrict.
TRADE_WORDS = {"export", "import", "trade", "good", "goods", "investment", "sale", "shipment", "product"}
# Words of opinion polling: the support a poll measures is voters', not a political act.
POLLING = {"poll", "polling", "rating", "approval", "survey", "voter", "electorate", "respondent"}


def _polled(noun: Token) -> bool:
    """The noun's phrase holds a percentage, or its sentence speaks of polls or ratings."""
    return any(t.ent_type_ == "PERCENT" for t in noun.subtree) or any(
        lemma(t) in POLLING for t in noun.sent)


def _answered(noun: Token) -> bool:
    """ "Kenya's request was rejected", "their calls have gone unanswered": a speech act answered was made."""
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("VERB", "AUX"):
        return False
    return lemma(head) in ANSWERING_VERBS or (
        lemma(head) == "go" and any(c.lower_ in UNANSWERED for c in head.children))


def _count(tok: Token) -> float:
    """The value of a number token ("11,654", "three"), or 0 when it is not one."""
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "dozens": 24, "hundreds": 200, "thousands": 2000}
    text = tok.lower_.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return words.get(text, 0)


def place_of_harm(noun: Token) -> bool:
    """ "killed in the raid", "died during protests": the noun is where a harm verb's harm happened."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and lemma(noun.head.head) in force.HARM_VERBS
