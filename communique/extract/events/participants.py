"""Actor and recipient mentions of a trigger candidate: their heads in the parse, and the references they make."""

from __future__ import annotations

from spacy.tokens import Token

from communique.extract.events import arguments as args
from communique.extract.events import nominal, pronouns, speech
from communique.extract.events import frames as plover
from communique.extract.events.arguments import subjects
from communique.extract.events.triggers import Candidate, lemma
from communique.records import ActorRef

# Prepositions whose object is the party an event is directed at.
# "rallied behind X": behind is directed too
RECIPIENT_PREPS = {"with", "to", "against", "on", "upon", "toward", "towards", "from", "into", "behind"}
FIRST_PERSON = speech.FIRST_PERSON


def arguments(cand: Candidate) -> tuple[list[Token], list[Token]]:
    """Heads of the actor and recipient mentions for a candidate."""
    actors = list(cand.actor_heads)
    recips = list(cand.recipient_heads)
    verb = cand.anchor if cand.anchor.pos_ in ("VERB", "AUX") else None
    if verb is not None and cand.own_subject:
        actors += subjects(verb) or [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
                                     for p in c.children if p.dep_ == "pobj"]  # "(the) clash(ed) between X and Y"
        recips += [c for c in verb.children if c.dep_ == "nsubjpass"]
        recips += _object_parties(verb)
    if cand.noun is not None:
        noun = cand.noun
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ == "PRON" and any(args.is_actor(a) for a in actors):
                continue  # "Peru reaffirmed its support": "its" is Peru again
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and (
                    child.ent_type_ in ("NORP", "GPE", "ORG") or (child.pos_ == "PROPN" and not child.ent_type_))):
                # a name the recogniser missed counts too ("the G7 talks")
                actors.append(child)
            elif child.dep_ == "prep" and (child.lower_ in ("between", "by") or (
                    child.lower_ == "from" and cand.etype == "ACCUSE")):  # "criticism/attacks from his rivals"
                actors += [p for c in child.children if c.dep_ == "pobj" for p in [c, *c.conjuncts]]
            elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
                recips += [p for c in child.children if c.dep_ == "pobj" for p in [c, *c.conjuncts]]
        if verb is None and not any(args.is_actor(a) for a in actors):
            actors += nominal.agents(noun, cand.etype)  # an attack "from" X: X leaves the recipients below
        if verb is None and not recips:
            recips += nominal.partners(noun, cand.etype)
    if verb is not None and lemma(verb) in plover.ABSORBING_FRAMES:
        comps = [c for c in verb.children if c.dep_ == "xcomp"]
        cand.absorbed.extend(c for c in comps if c not in cand.absorbed)
    addressed = _addressed_subjects(verb if verb is not None else cand.anchor) \
        if cand.etype in DIRECTIVE_TYPES else []
    for comp in cand.absorbed:
        if cand.own_subject and not addressed:
            recips += _object_parties(comp)
    recips = addressed + recips
    own = {t.i for t in cand.tokens}
    actors = [a for a in _expand(actors) if args.is_actor(a) and a.i not in own]
    recips = [r for r in _expand(recips)
              if args.is_actor(r) and r.i not in own and r.i not in {a.i for a in actors}]
    return actors, recips


DIRECTIVE_TYPES = ("REQUEST", "THREATEN", "REJECT")


def _addressed_subjects(head: Token) -> list[Token]:
    """Who a demand is made of: the subject of its that-clause ("demanded that Israel ease ...")."""
    out = []
    for clause in (c for c in head.children if c.dep_ in ("ccomp", "acl")):
        out += [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    return out


def _object_parties(verb: Token, depth: int = 0) -> list[Token]:
    """Objects of a verb, and objects of directed prepositions below them, nearest first."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "pobj", "attr", "oprd"):
            out.append(child)
            if not args.is_actor(child):  # whose thing it is: "Kenya's request", "tariffs on Chinese goods"
                out += args.owners(child) + [m for m in child.lefts if m.dep_ in ("amod", "compound", "nmod")
                                             and m.ent_type_ in ("NORP", "GPE")]
            if depth < 2:
                out += _object_parties(child, depth + 1)
        elif child.dep_ in ("prep", "prt") and (
            child.lower_ in RECIPIENT_PREPS or child.lower_ in ("of", "up", "for")
        ) and depth < 3:
            out += _object_parties(child, depth + 1)
    return out


def _expand(heads: list[Token]) -> list[Token]:
    """Heads with their conjuncts ("Macron and Lula"), without duplicates."""
    seen, out = set(), []
    for head in heads:
        for tok in (head, *head.conjuncts):
            if tok.i not in seen:
                seen.add(tok.i)
                out.append(tok)
    return out


def _refs(heads: list[Token], speaker, indirect: bool = True) -> list[ActorRef]:
    """ActorRefs for mention heads; nationality pairs give one reference each."""
    refs: list[ActorRef] = []
    for head in heads:
        mods = args.split_compound(head)
        if mods:
            refs += [args.modifier_ref(m, head) for m in mods]
        else:
            antecedent = pronouns.antecedent(head, indirect)
            claimant = _claimant(head, antecedent, speaker)
            # "we" in a quote is its speaker, as "he" in reported speech ("X said he had met Y") usually is;
            # "they" or "he" inside quotation marks never is
            if head.lower_ in FIRST_PERSON or (indirect and head.lower_ in args.PRONOUNS):
                if getattr(antecedent, "name", None) is None and getattr(claimant, "name", None):
                    antecedent = claimant  # a named claimant beats an unnamed description
                antecedent = antecedent or claimant
            refs.append(_owned(args.actor_ref(head, antecedent), head, speaker, indirect))
    return refs


def _claimant(head: Token, antecedent, speaker):
    """The speaker a pronoun may stand for: not a person or a group of people for "its", nor for "it" once the
    sentence has given it another antecedent ("Officials said the state ... and that it would ...")."""
    if head.lower_ not in ("it", "its") or speaker is None or pronouns.neuter_speaker(speaker, head.doc):
        return speaker
    return speaker if head.lower_ == "it" and getattr(antecedent, "start", speaker.start) == speaker.start else None


def _owned(ref: ActorRef, head: Token, speaker=None, indirect: bool = True) -> ActorRef:
    """ "Norway withdrew its troops": a mention owned by "its" or "their" belongs to the owner's country; in
    reported speech "his country" belongs to the speaker's ("X said his government would ..."), as a bare "he"
    there is the speaker, and "our forces" to the speaker's in a quote too."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNERS), None)
    if ref.country is None and owner is not None:
        if owner.lower_ in ("its", "their"):
            antecedent = pronouns.antecedent(owner)
        else:
            antecedent = speaker if indirect or owner.lower_ in FIRST_PERSON else None
        ref.country = getattr(antecedent, "country", None)
    return ref


OWNERS = speech.OWNERS | {"its"}  # possessives that give their mention an owner
