"""Accusations made by attributing a wrong: a statement that says another actor committed a crime, abuses, war
crimes, aggression or espionage is an ACCUSE event by its speaker, though no verb of accusing is used ("the U.N.
says both sides have committed grave human rights abuses", '"Putin is the aggressor," X said').

The wrongs are those PLOVER's DISAPPROVE definition and CAMEO's accusation codes name (1121 crime and corruption,
1122 human rights abuses, 1123 aggression, 1124 war crimes, 1125 espionage and treason; 112 for spreading lies or
propaganda), in
data/conventions.yaml (`wrongs`). The speaker must be known and the wrongdoer another political actor.
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from communique.extract import docutil
from communique.extract.events import arguments as args
from communique.extract.events import speech
from communique.extract.events.lexicon import Lexicon
from communique.extract.events.triggers import Candidate, lemma

# Verbs by which a subject carries out a wrong named by a noun ("committed abuses", "carried out atrocities",
# "spread lies").
DOING = {"commit", "perpetrate", "carry", "conduct", "engage", "be", "spread", "tell", "peddle", "disseminate"}


def accusations(sent: Span, cands: list[Candidate], lex: Lexicon,
                quoted: Callable[[Token], bool]) -> list[Candidate]:
    """ACCUSE candidates for wrongs a statement attributes to an actor, where the sentence has no ACCUSE yet."""
    if any(c.etype == "ACCUSE" for c in cands):
        return []
    doc, wrongs = sent.doc, lex.wrongs
    found = docutil.tokens_where(doc, "wrongs", {"LEMMA": lambda s: s.lower() in wrongs})
    for tok in (doc[i] for i in docutil.between(found, sent.start, sent.end)):
        code = wrongs.get(lemma(tok))
        if code is None or not quoted(tok) or _negated(tok) or not _failed_to_act(tok):
            continue
        wrongdoers = _wrongdoers(tok)
        if wrongdoers:
            cand = Candidate(tok, [tok], code.etype, code.mode, source=code.source, contexts=code.contexts,
                             own_subject=False, by_speaker=True, recipient_heads=wrongdoers)
            return [cand]
    return []


# Verbs that put someone behind an attack ("the bombing was planned and directed by X").
PLOTTING = {"orchestrate", "mastermind", "plan", "direct", "sponsor", "back", "fund", "finance", "instigate",
            "order", "organize", "organise", "engineer", "plot"}


def instigators(sent: Span, cands: list[Candidate], lex: Lexicon,
                quoted: Callable[[Token], bool]) -> list[Candidate]:
    """ "the attack was orchestrated by militants in X", "X was behind the bombing": a statement that puts
    another actor behind an attack accuses it (CAMEO 112), by its speaker."""
    if any(c.etype == "ACCUSE" for c in cands):
        return []
    nouns = docutil.tokens_where(sent.doc, "attack_nouns", {"LEMMA": lambda s: _attack_word(s.lower(), lex)})
    for tok in (sent.doc[i] for i in docutil.between(nouns, sent.start, sent.end)):
        if not _attack(tok, lex) or not quoted(tok) or _negated(tok):
            continue
        head = tok.head
        if tok.dep_ == "nsubjpass" and lemma(head) in PLOTTING:
            verb = head
            culprits = [p for v in (head, *head.conjuncts) for a in v.children if a.dep_ == "agent"
                        for p in a.children if p.dep_ == "pobj"]
        elif tok.dep_ == "pobj" and head.lower_ == "behind" and lemma(head.head) == "be":
            verb = head.head
            culprits = args.subjects(verb)
        else:
            continue
        culprits = [w for w in culprits if w.lower_ not in speech.FIRST_PERSON and args.is_actor(w)]
        if culprits and not any(c.dep_ == "neg" for c in verb.children):
            words = sorted({verb, head})  # "were behind", "orchestrated"
            return [Candidate(verb, words, "ACCUSE", "allege", source="blame.py: an attack attributed",
                              own_subject=False, by_speaker=True, recipient_heads=culprits)]
    return []


def condemnations(sent: Span, cands: list[Candidate], lex: Lexicon,
                  quoted: Callable[[Token], bool]) -> list[Candidate]:
    """ "Russia's strikes are illegal", "expanding cooperation between X and Y is dangerous": a statement that
    condemns another actor's act (or the actor) as illegal, dangerous, unacceptable ... criticises it, by its
    speaker."""
    if any(c.etype == "ACCUSE" for c in cands):
        return []
    words = docutil.tokens_where(sent.doc, "condemning", {"LOWER": lex.condemning.__contains__})
    for tok in (sent.doc[i] for i in docutil.between(words, sent.start, sent.end)):
        code = lex.condemning.get(tok.lower_)
        if code is None or tok.dep_ not in ("acomp", "conj") or not quoted(tok):
            continue
        adj = tok if tok.dep_ == "acomp" else (tok.head if tok.head.dep_ == "acomp" else None)  # "... and illegal"
        if adj is None or any(c.dep_ == "neg" for c in (*adj.head.children, *adj.children, *tok.children)):
            continue  # "not illegal"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in adj.head.children):
            continue  # "asked if her practices were illegal"
        # the subject, or a clause as subject ("expanding cooperation between X and Y is dangerous")
        subjects = args.subjects(adj.head) + [c for c in adj.head.children if c.dep_ == "csubj"]
        parties = [p for subj in subjects if subj.lower_ not in IMPERSONAL for p in _condemned(subj)]
        parties = [p for p in parties if p.lower_ not in speech.FIRST_PERSON and args.is_actor(p)]
        if parties:
            return [Candidate(tok, [tok], code.etype, code.mode, source=code.source, contexts=code.contexts,
                              own_subject=False, by_speaker=True, recipient_heads=parties)]
    return []


# "It is dangerous to travel there": no one's act.
IMPERSONAL = {"it", "this", "that", "these", "those", "there"}


def _condemned(subj: Token) -> list[Token]:
    """Whose act a condemned subject is: the actor itself, else the owners and parties named in the subject."""
    if args.is_actor(subj):
        return [subj]
    out = []
    for tok in subj.subtree:
        if tok.dep_ == "poss" or (tok.dep_ in ("amod", "compound") and tok.ent_type_ in ("NORP", "GPE", "ORG")
                                  and docutil.entity_of(tok) != docutil.entity_of(tok.head)):  # not "North" Korea
            out.append(tok)
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("between", "by") and tok.head.head in subj.subtree:
            out += [tok, *tok.conjuncts]
    return out


def _attack(tok: Token, lex: Lexicon) -> bool:
    """The word names an attack or another act of violence (an ASSAULT noun of the lexicon)."""
    return tok.pos_ == "NOUN" and _attack_word(lemma(tok), lex)


def _attack_word(word: str, lex: Lexicon) -> bool:
    """The lemma is one of the lexicon's ASSAULT nouns."""
    code = lex.nouns.get(word)
    return code is not None and code.etype == "ASSAULT"


def alleged(sent: Span, cands: list[Candidate]) -> list[Candidate]:
    """ "cut ties with Kenya for allegedly meddling", "expelled him for allegedly spying": an act done to someone
    for something they allegedly did accuses them of it (CAMEO 112), by the one who acts on the allegation."""
    if any(c.etype == "ACCUSE" for c in cands):
        return []
    doc = sent.doc
    found = docutil.tokens_where(doc, "allegedly", {"LOWER": "allegedly".__eq__})
    for tok in (doc[i] for i in docutil.between(found, sent.start, sent.end)):
        verb = tok.head
        if verb.pos_ != "VERB" or verb.dep_ != "pcomp":
            continue
        prep = verb.head
        main = prep.head
        if prep.lower_ not in ("for", "over") or main.pos_ != "VERB":
            continue
        actors = [a for a in args.subjects(main) if args.is_actor(a)]
        accused = [w for w in args.subjects(verb) or _parties(main) if args.is_actor(w) and w not in actors]
        if actors and accused:
            return [Candidate(verb, [tok, verb], "ACCUSE", "allege", source="blame.py: acted on an allegation",
                              own_subject=False, actor_heads=actors, recipient_heads=accused)]
    return []


def _parties(verb: Token) -> list[Token]:
    """Objects of a verb and of its "with", "on" and "against" phrases ("cut ties with Kenya")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return out + [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "against")
                  for p in c.children if p.dep_ == "pobj"] + [
        p for o in out for c in o.children if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children if p.dep_ == "pobj"]


def _wrongdoers(tok: Token) -> list[Token]:
    """The political actors a wrong is attributed to, other than the speaker's own side."""
    found: list[Token] = []
    if tok.pos_ == "VERB":  # "violated the ceasefire", "tortured detainees"
        found = args.subjects(tok)
    elif tok.pos_ in ("NOUN", "PROPN"):
        found = [c for c in tok.children if c.dep_ == "poss" or (
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))]
        found += [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj"]
        governor = _doing_verb(tok)
        if not found and governor is not None:  # "X committed abuses"; "Russia's strikes were a violation"
            found = [p for s in args.subjects(governor) for p in _condemned(s)]
    return [w for w in found if w.lower_ not in speech.FIRST_PERSON and args.is_actor(w)]


def _failed_to_act(tok: Token) -> bool:
    """ "failed to address", "failure to govern" blame; "a test he failed" and a failure the parties share do not
    (true for other wrongs)."""
    if lemma(tok) not in ("fail", "failure"):
        return True
    if any(s.conjuncts for s in args.subjects(tok)):
        return False  # "Palestinians and Israelis failed to reach agreement": a shared failure blames no one
    return any(c.dep_ in ("xcomp", "acl") or (c.dep_ == "dobj" and args.is_actor(c)) for c in tok.children)  # "failed
    # to address the threat", "has failed its citizens"


def _doing_verb(noun: Token) -> Optional[Token]:
    """ "committed abuses", "is the aggressor": the verb whose object or predicate the wrong is."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and lemma(head) in DOING:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and lemma(head.head) in DOING:  # "engaged in espionage"
        return head.head
    return None


def _negated(tok: Token) -> bool:
    """The wrong is denied ("did not commit abuses", "no violations")."""
    verb = tok if tok.pos_ == "VERB" else _doing_verb(tok) or tok.head
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children)
