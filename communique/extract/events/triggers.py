"""Trigger candidates from the parse: verbs with their dictionary patterns, light verbs with event nouns,
and predicate adjectives; event nouns that name their own actor are in noun_triggers.py. Senses and actors are
checked in senses.py; a sentence's candidates are gathered in candidates.py."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from spacy.tokens import Token

from communique.extract.events import frames, material, meetings
from communique.extract.events import arguments as args
from communique.extract.events.lexicon import Code, Lexicon, phrasal_key
from communique.extract.events.matcher import best_pattern, pattern_words

# Objects that make an event verb a non-event ("released a statement").
NON_EVENT_OBJECTS = {"statement", "report", "figure", "data", "video", "photo", "detail", "result", "document",
                     "book", "album", "film", "study", "survey", "poll", "song", "product", "version", "update",
                     "evidence", "proof", "explanation", "assessment", "reason", "insight", "view", "opinion",
                     "answer", "example", "glimpse", "clue", "hint", "tone", "chord", "pose"}  # "struck a tone"
# Documents and products: released or published as objects, they make no event ("released an AI programme");
# unlike the words above, only as the object itself ("threatened action in a television program" is an event).
DOCUMENT_OBJECTS = {"program", "programme", "plan", "policy", "strategy", "guideline", "roadmap", "blueprint",
                    "paper", "model", "app", "tool", "budget", "list", "manifesto", "transcript", "footage", "image",
                    "recording", "memo", "map"}
# Words and views, offered or given as the object itself: saying, not acting ("offered his thoughts on the war",
# "offered an emotional evaluation", "offered few specifics"); offering aid, talks or to mediate stays an offer, and
# praising, discussing or demanding words ("praised her remarks", "demanded a review") stays an event.
SAID_OBJECTS = {"thought", "review", "analysis", "evaluation", "testimony", "tip", "advice", "prediction", "word",
                "remark", "observation", "perspective", "argument", "counterargument", "message", "speech",
                "address", "vision", "specific", "specifics", "guide", "take", "description", "summary",
                "critique", "interpretation", "rationale", "justification", "slogan", "theory"}
# PLOVER's verbal types (the others are material acts).
VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Types whose verbs take a statement, report or policy as their target ("rejected the report", "condemned the
# statement", "protested the new policy").
CLAIM_DIRECTED = {"REJECT", "ACCUSE", "PROTEST"}


@dataclass
class Candidate:
    """A trigger found in the parse, before flags and arguments are attached."""

    anchor: Token  # the verb (or noun) whose clause carries flags, subject and date
    tokens: list[Token]  # trigger words
    etype: str
    mode: Optional[str] = None
    noun: Optional[Token] = None  # the event noun, for nominal triggers
    absorbed: list[Token] = field(default_factory=list)  # complements folded into this event
    derived: bool = False
    own_subject: bool = True  # False when the clause subject is the recipient ("Y must ...")
    recipient_heads: list[Token] = field(default_factory=list)
    actor_heads: list[Token] = field(default_factory=list)
    source: str = ""  # the dictionary line or convention that coded it
    by_speaker: bool = False  # the actor is the speaker of the direct quote that holds it
    contexts: tuple[str, ...] = ()
    said: bool = False  # a threat made by saying it: its modal ("would respond to any attack") flags nothing


def lemma(tok: Token) -> str:
    """The lower-case lemma, with the model's known slips fixed."""
    fixed = frames.FORM_FIXES.get(tok.lower_)
    if fixed is not None:
        return fixed
    lem = tok.lemma_.lower()
    return frames.LEMMA_FIXES.get(lem, lem)


def _cand(anchor: Token, tokens: list[Token], code: Code, noun: Optional[Token] = None) -> Candidate:
    """A candidate coded by a lexicon entry."""
    cand = Candidate(anchor, tokens, code.etype, code.mode, noun=noun, source=code.source, contexts=code.contexts)
    if code.reverse:  # "faced criticism": the subject is on the receiving end
        cand.own_subject = False
        cand.recipient_heads = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "received support from Uganda", "faced criticism from the opposition": the giver
        cand.actor_heads = [p for t in tokens for p in args.prep_objects(t, "from")]
    return cand


def objects(verb: Token) -> list[Token]:
    """Direct, passive-subject and prepositional objects of a verb, with their conjuncts."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
            out.append(child)
        elif child.dep_ in ("prep", "agent"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out + [c for o in out for c in o.conjuncts]


def object_keys(obj: Token) -> list[str]:
    """How an object is looked up in the verb + object table: its lemma, then each modifier with it ("air
    defence systems" -> "defence system")."""
    return [lemma(obj)] + [f"{lemma(c)} {lemma(obj)}" for c in obj.lefts if c.dep_ in ("compound", "amod")]


def compounds(noun: Token) -> list[Token]:
    """Compound modifiers that form part of an event noun ("hunger strike", "phone call"); a name before it
    ("G7 talks") is its actor or place."""
    return [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_]


def noun_code(lex: Lexicon, noun: Token) -> Optional[Code]:
    """Type of an event noun, refined (or cancelled) by a compound ("air strike", "trade war")."""
    lem = lemma(noun)
    for child in noun.lefts:
        key = (child.lower_, lem)
        if child.dep_ in ("compound", "amod", "nmod") and key in lex.compounds:
            return lex.compounds[key]
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            if (lem, lemma(obj)) in lex.noun_objects:  # "the transfer of arms"
                return lex.noun_objects[(lem, lemma(obj))]
    return lex.nouns.get(lem)


# Light verbs whose subject undergoes the event its object names ("Russia faces new sanctions from the EU"), as
# every FACE pattern of the dictionary is reversed ("- * CRITICISM [:111]").
UNDERGOING = {"face"}


def _of_time(prep: Token) -> bool:
    """ "called him on Sunday": the preposition opens a date, not the particle of "call on"."""
    return prep.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def verb_candidate(lex: Lexicon, tok: Token) -> Optional[Candidate]:
    """A trigger headed by a verb: phrasal verb, dictionary pattern, light verb + event noun, the verb alone."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    if lem in lex.wanting and _wants_of(tok):
        return _cand(tok, [tok], lex.wanting[lem])
    if lem in lex.not_events and not any((lem, c.lower_) in lex.phrasal for c in tok.children) and not any(
            (lem, k) in lex.objects for o in objects(tok) for k in object_keys(o)) and not _light_use(lex, tok, lem):
        return None  # "affirmed that ...", but "affirmed their support for X" is the support
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and (lem, child.lower_) in lex.phrasal and not _of_time(child):
            if passive and (lem, child.lower_) == ("call", "for"):
                return None  # "Texas was called for Cruz", "elections were called for June": no appeal
            return _cand(tok, [tok, child], lex.phrasal[(lem, child.lower_)])
        # "called for the Taliban to lift ...": the parser makes "for" the mark of the infinitive clause
        marks = [m for m in child.children if m.dep_ == "mark"] if child.dep_ in ("advcl", "ccomp", "xcomp") else []
        for mark in marks:
            if (lem, mark.lower_) in lex.phrasal:
                cand = _cand(tok, [tok, mark], lex.phrasal[(lem, mark.lower_)])
                cand.recipient_heads = [s for s in child.children if s.dep_ == "nsubj"]
                return cand
    for obj in objects(tok):
        for held in (obj, *material.contents(obj)):  # "shipped thousands of shells": the shells are what is shipped
            key = next((k for k in object_keys(held) if (lem, k) in lex.objects), None)
            if key is not None:
                return _cand(tok, [tok, held], lex.objects[(lem, key)])
    pattern = best_pattern(lex, tok, _phrasal_verb(lex, tok, lem))
    if pattern is None and lem == "warn":
        return _warning_of(lex, tok)
    if pattern is not None:
        if pattern.code is None or _complement_matched(pattern, tok):
            return None
        # the object is part of the trigger where it makes the event ("opened fire", "held talks")
        object_made = lem in lex.pattern_only or lem in lex.light_verbs or lem not in lex.verbs
        named = [n for n in pattern_words(pattern, tok) if object_made or noun_code(lex, n) is not None]
        borrowed = _borrowed_sense(lex, tok, lem, pattern, named)
        if borrowed is not None:
            return borrowed
        return _cand(tok, [tok, *(t for n in named for t in (*compounds(n), n))], pattern.code)
    if lem in lex.light_verbs:
        for obj in objects(tok):
            if obj.dep_ not in ("dobj", "nsubjpass") or obj.ent_type_ in ("DATE", "TIME") or obj.pos_ == "PROPN":
                continue
            obj = _counted(obj)
            code = noun_code(lex, obj)
            if code is not None and lem in UNDERGOING:
                code = replace(code, reverse=True)
            if code is not None and not (lemma(obj) == "call" and not meetings.is_phone_call(obj)):
                return _cand(tok, [tok, *compounds(obj), obj], code, noun=obj)
    code = lex.verbs.get(lem)
    if code is None or lem in lex.pattern_only:
        return None
    if code.etype not in CLAIM_DIRECTED and any(lemma(o) in NON_EVENT_OBJECTS for o in objects(tok)):
        return None
    if code.etype not in CLAIM_DIRECTED and any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in DOCUMENT_OBJECTS
                                                 for c in tok.children):
        return None
    if code.etype not in VERBAL - {"AGREE"} and any(  # words are what one praises, discusses or demands, not
            c.dep_ in ("dobj", "nsubjpass") and lemma(c) in SAID_OBJECTS for c in tok.children):  # what one offers
        return None
    if lem in lex.needs_destination and not meetings.has_destination(tok):
        return None
    if _passes_time(tok):
        return None
    return _cand(tok, [tok], code)


def _passes_time(verb: Token) -> bool:
    """ "bided her time", "killing time": a verb whose object is time itself (bare or someone's, which the parser
    also makes an adverbial) waits or idles, and acts on no one; "attacked a second time", "time and again" count
    acts."""
    return any(c.dep_ in ("dobj", "npadvmod") and lemma(c) == "time" and all(g.dep_ == "poss" for g in c.children)
               for c in verb.children)


def _borrowed_sense(lex: Lexicon, verb: Token, lem: str, pattern, named: list[Token]) -> Optional[Candidate]:
    """ "conducted an attack": a light verb whose object is an event noun makes that event; a pattern written for
    another verb of its block ("LEAD * ATTACK", criticism, in the block of "conduct") does not turn the act into
    words, or words into an act."""
    if lem not in lex.light_verbs or pattern.verb in (None, lem) or not named:
        return None
    noun = named[0]
    code = noun_code(lex, noun) if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i == verb.i else None
    if code is None or (code.etype in VERBAL) == (pattern.code.etype in VERBAL):
        return None
    return _cand(verb, [verb, *compounds(noun), noun], code, noun=noun)


def _phrasal_verb(lex: Lexicon, tok: Token, lem: str) -> str:
    """The key of the verb's patterns: a phrasal verb of the dictionary ("carried out") takes its own block's
    patterns, not those of the verb alone ("carry", a verb of sending), as in PETRARCH. A particle may stand after
    the object ("carried the raid out"); a preposition must follow the verb ("embarked on", not "carried weapons
    out of the country", nor "the year in which X gave")."""
    for child in tok.children:
        placed = child.dep_ == "prt" and child.i > tok.i or child.dep_ == "prep" and child.i == tok.i + 1
        if placed and phrasal_key(lem, child.lower_) in lex.patterns:
            return phrasal_key(lem, child.lower_)
    return lem


def _warning_of(lex: Lexicon, verb: Token) -> Optional[Candidate]:
    """ "warned of possible demonstrations", "warned of new sanctions": a warning of conflict its author can bring
    is a threat (PLOVER THREATEN: coercive or forceful warnings); "warned of a famine" is not."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (p for p in prep.children if p.dep_ == "pobj"):
            code = noun_code(lex, noun)
            if code is not None and code.etype in frames.MATERIAL_CONFLICT:
                threat = Code("THREATEN", frames.THREAT_MODES.get(code.etype), code.contexts, "130",
                              f"triggers.py: warned of {code.etype.lower()} ({code.source})")
                return _cand(verb, [verb, prep, noun], threat)
    return None


def _wants_of(verb: Token) -> bool:
    """The verb has an actor as object and a to-infinitive saying what that actor should do."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]
    comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and args.to_infinitive(c)]
    comps += [g for c in objs for g in c.children if g.dep_ in ("acl", "relcl") and g.tag_ == "VB"]
    subj_of_comp = [s for c in comps for s in c.children if s.dep_ == "nsubj"]
    return bool(comps) and any(args.is_actor(o) for o in objs + subj_of_comp)


def adjective_candidate(lex: Lexicon, tok: Token) -> Optional[Candidate]:
    """ "X remains concerned about Y": disapproval voiced as a predicate adjective with its target."""
    if tok.lower_ not in lex.disapproval:
        return None
    # "concerned" is often tagged a participle; "was appalled by the attacks" is one in the passive
    passive = tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children)
    if not passive and (tok.pos_ not in ("ADJ", "VERB") or tok.dep_ != "acomp"):
        return None
    preps = ("about", "over", "with", "at", "by") if lex.disapproval[tok.lower_].etype == "ACCUSE" else (
        "of", "to", "for", "with")  # "proud of", "grateful to", "pleased with"
    targeted = any(c.dep_ in ("prep", "agent") and c.lower_ in preps for c in tok.children) or \
        any(c.dep_ == "ccomp" for c in tok.children)
    if not targeted:
        return None
    verb = tok if passive else tok.head
    # the one who feels it: the subject, or the passive's ("the government was alarmed by ...")
    feeling = [c for c in tok.children if c.dep_ == "nsubjpass"] if passive else args.subjects(verb)
    if not any(args.is_actor(s) for s in feeling):
        return None
    cand = _cand(verb, [tok], lex.disapproval[tok.lower_])
    if passive:
        cand.own_subject, cand.actor_heads = False, feeling
    targets = [p for c in tok.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
    cand.recipient_heads = targets + [o for p in targets if not args.is_actor(p) for o in args.owners(p)]
    return cand


# Verbs of saying that restate a stance named by their object; "announced"/"planned" nouns have rules of their own.
REAFFIRMING = {"affirm", "reaffirm", "reiterate", "repeat"}
# Nouns that count events: "a series of raids", "a new round of talks", "a wave of arrests".
SERIES = {"series", "wave", "string", "spate", "round", "flurry", "barrage", "volley", "campaign", "number",
          "couple"}


def _complement_matched(pattern, tok: Token) -> bool:
    """ "began to attack": an aspectual verb's pattern word ("BEGIN * ATTACK") is its verb complement, which carries
    the event itself."""
    if lemma(tok) not in ("begin", "start", "continue", "resume"):
        return False  # a frame's own pattern ("VOW * ATTACK") keeps its code
    words = {w for el in pattern.after for group in el.words for w in group}
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and lemma(c) in words for c in tok.children)


def _light_use(lex: Lexicon, tok: Token, lem: str) -> bool:
    """A verb of saying used as a light verb with an event noun ("reiterated its willingness to", "affirmed
    their support for")."""
    return lem in REAFFIRMING and any(o.dep_ == "dobj" and noun_code(lex, o) is not None for o in objects(tok))


def _counted(obj: Token) -> Token:
    """The event noun that a noun of number stands before ("conducted a series of raids" -> raids)."""
    if lemma(obj) not in SERIES:
        return obj
    inner = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
             if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    return inner[0] if inner else obj
