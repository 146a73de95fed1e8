"""spaCy component coding PLOVER events from the parse, linked to the statements that claim them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from communique.extract import docutil
from communique.extract.events import arguments as args
from communique.extract.events import flags
from communique.extract.events import lexicon as plover
from communique.records import ActorRef, Event, Span as TextSpan

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)

# Prepositions whose object is the party an event is directed at.
RECIPIENT_PREPS = {"with", "to", "against", "on", "upon", "toward", "towards", "from", "into"}
# Object-control verbs: "urged X to meet" -> X is the subject of "meet".
OBJECT_CONTROL = {"urge", "ask", "order", "force", "call", "press", "allow", "invite", "persuade",
                  "tell", "permit", "encourage"}
# Objects that make an event verb a non-event ("released a statement").
NON_EVENT_OBJECTS = {"statement", "report", "figure", "data", "video", "photo", "detail",
                     "result", "document", "book", "album", "film", "study", "survey", "poll"}
# Verbs reporting that an event noun happened ("talks took place", "the attack killed ...").
HAPPEN_VERBS = {"take", "begin", "start", "end", "continue", "kill", "wound", "injure", "hit",
                "destroy", "damage", "leave", "break", "erupt", "resume", "occur", "happen",
                "conclude", "last", "focus", "center", "centre", "come", "follow", "claim"}
# Passive forms that describe their subject's own stance.
STATE_PASSIVES = {"commit", "prepare", "determine", "oblige", "force"}
# Clauses that only describe background (relative clauses, participles used as modifiers).
BACKGROUND_DEPS = {"relcl", "acl", "amod", "pcomp", "csubj", "compound", "npadvmod"}


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


def lemma(tok: Token) -> str:
    """The lower-case lemma, with the model's known slips fixed."""
    lem = tok.lemma_.lower()
    return plover.LEMMA_FIXES.get(lem, lem)


def objects(verb: Token) -> list[Token]:
    """Direct, passive-subject and prepositional objects of a verb, with their conjuncts."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
            out.append(child)
        elif child.dep_ in ("prep", "agent"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out + [c for o in out for c in o.conjuncts]


def verb_candidate(tok: Token) -> Optional[Candidate]:
    """A trigger headed by a verb: particle verbs, light verb + event noun, verb + object, verb."""
    if tok.pos_ != "VERB":
        return None
    lem = lemma(tok)
    for child in tok.children:
        keys = [child.lower_] + [lemma(c) for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("prt", "prep"):
            for key in keys:
                if (lem, key) in plover.PARTICLE_VERBS:
                    etype, mode = plover.PARTICLE_VERBS[(lem, key)]
                    return Candidate(tok, [tok, child], etype, mode)
    for obj, olem in ((o, ol) for o in objects(tok) for ol in object_lemmas(o)):
        if (lem, olem) in plover.OBJECT_VERBS:
            etype, mode = plover.OBJECT_VERBS[(lem, olem)]
            return Candidate(tok, [tok, obj], etype, mode)
        if obj.ent_type_ in ("DATE", "TIME") or obj.pos_ == "PROPN":
            continue  # "held on March 3": a month or a name, not the event noun "march"
        if lem in plover.LIGHT_VERBS and olem in plover.NOUNS and obj.dep_ != "attr":
            noun = obj if lemma(obj) == olem else _word(obj, olem)
            etype, mode = plover.LIGHT_OVERRIDES.get((lem, olem), noun_code(noun))
            if olem == "call" and not _is_phone_call(obj):
                continue
            return Candidate(tok, [tok, *compounds(obj), obj], etype, mode, noun=obj)
    if lem in plover.VERBS:
        if any(lemma(o) in NON_EVENT_OBJECTS for o in objects(tok)):
            return None
        etype, mode = plover.VERBS[lem]
        return Candidate(tok, [tok], etype, mode)
    return None


def object_lemmas(obj: Token) -> list[str]:
    """The object's lemma, then its compound modifiers' and its "of" complement's."""
    out = [lemma(obj)]
    out += [lemma(c) for c in obj.lefts if c.dep_ == "compound"]
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out += [lemma(c) for c in prep.children if c.dep_ == "pobj"]
    return out


def _word(obj: Token, olem: str) -> Token:
    """The token under `obj` whose lemma is `olem`."""
    return next((t for t in obj.subtree if lemma(t) == olem), obj)


def noun_code(noun: Token) -> plover.Code:
    """Type and mode of an event noun, refined by a compound ("hunger strike", "air strike")."""
    for child in noun.lefts:
        key = (child.lower_, lemma(noun))
        if child.dep_ in ("compound", "amod") and key in plover.NOUN_COMPOUNDS:
            return plover.NOUN_COMPOUNDS[key]
    return plover.NOUNS[lemma(noun)]


def compounds(noun: Token) -> list[Token]:
    """Compound modifiers that form part of an event noun ("hunger strike", "phone call")."""
    return [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]


def _is_phone_call(noun: Token) -> bool:
    """A "call" is a phone call when it says so or links two parties."""
    mods = {c.lower_ for c in noun.children}
    return bool(mods & {"phone", "telephone", "between", "with", "video"})


def noun_candidate(tok: Token) -> Optional[Candidate]:
    """A trigger headed by an event noun that has its own actor or reports a happening."""
    lem = lemma(tok)
    if tok.pos_ not in ("NOUN", "PROPN") or lem not in plover.NOUNS or tok.dep_ == "compound":
        return None
    etype, mode = noun_code(tok)
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lem == "call":
        if "for" in preps:
            etype, mode = "REQUEST", None
        elif not _is_phone_call(tok):
            return None
    has_actor = bool(preps & {"between", "by"}) or any(
        (c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))
        for c in tok.children
    )
    happened = tok.dep_ in ("nsubj", "nsubjpass") and lemma(tok.head) in HAPPEN_VERBS
    if not (has_actor or happened):
        return None
    return Candidate(tok, [*compounds(tok), tok], etype, mode, noun=tok)


def find_candidates(sent: Span) -> list[Candidate]:
    """All triggers in a sentence, nominal ones only where no verb trigger already covers them."""
    verbs = [c for c in (verb_candidate(t) for t in sent) if c is not None]
    covered = {t.i for c in verbs for t in c.tokens}
    anchors = {c.anchor.i for c in verbs}
    nouns = []
    for tok in sent:
        if tok.i in covered:
            continue
        cand = noun_candidate(tok)
        if cand is not None and not _under_anchor(tok, anchors):
            nouns.append(cand)
    return [c for c in verbs + nouns if not _background(c)]


def _under_anchor(tok: Token, anchors: set[int]) -> bool:
    """True when the noun's nearest governing verb is already an event trigger."""
    head = tok.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head.i in anchors and tok.dep_ not in ("nsubj",)


def _background(cand: Candidate) -> bool:
    """Triggers in relative clauses, modifiers, conditions, or with a non-actor subject."""
    anchor = cand.anchor
    if anchor.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in anchor.children):
        return True
    if cand.noun is None and anchor.dep_ in BACKGROUND_DEPS:
        # "a declaration demanding that ...": a verbal act reported through its document
        return not (anchor.dep_ == "acl" and anchor.tag_ == "VBG"
                    and cand.etype in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"))
    subjects = [c for c in anchor.children if c.dep_ == "nsubj"]
    if cand.noun is None and subjects:
        subj = subjects[0]
        return not (args.is_actor(subj) or lemma(subj) in plover.NOUNS)
    return False


class EventCoder:
    """Turns candidates into Event records for one Doc."""

    def __init__(self, doc: Doc, min_confidence: float):
        self.doc = doc
        self.min_confidence = min_confidence
        self.statements = doc._.statements or []

    def code(self) -> list[Event]:
        """Events for the whole document, in text order."""
        events: list[Event] = []
        for sent in self.doc.sents:
            cands = flags.resolve_frames(find_candidates(sent))
            for cand in cands + flags.deontic_requests(sent, cands):
                events.extend(self._events(cand, sent))
        events = [e for e in events if e.confidence >= self.min_confidence]
        events.sort(key=lambda e: (e.trigger.start, e.event_type))
        for n, event in enumerate(events, 1):
            event.id = f"{self.doc._.doc_id}:e{n}"
        return events

    def _events(self, cand: Candidate, sent: Span) -> list[Event]:
        """The event for a candidate, plus the promise or threat its announcement implies."""
        state = flags.flags_of(cand)
        etype, mode = cand.etype, cand.mode
        if state.negated and etype in plover.COOPERATIVE and state.refusal:
            etype, mode = "REJECT", plover.REQUEST_MODES.get(etype)
            state.negated = state.future = False
        event = self._event(cand, etype, mode, state, sent)
        out = [event]
        intent = flags.intent_type(cand, etype, state)
        if intent is not None:
            derived = self._event(cand, intent, plover.THREAT_MODES.get(etype) if intent == "THREATEN"
                                  else None, flags.Flags(), sent)
            derived.confidence = round(event.confidence - 0.1, 2)
            out.append(derived)
        return out

    def _event(self, cand: Candidate, etype: str, mode, state: "flags.Flags", sent: Span) -> Event:
        """One Event record with arguments, flags, date, location and claim."""
        tokens = sorted(cand.tokens, key=lambda t: t.i)
        span = self.doc[tokens[0].i:tokens[-1].i + 1]
        if len(tokens) > 1 and tokens[-1].i - tokens[0].i > 4:
            span = self.doc[cand.anchor.i:cand.anchor.i + 1]
        trigger = TextSpan(text=span.text, start=span.start_char, end=span.end_char)
        claim = self._claim(trigger.start)
        speaker = claim.speaker if claim is not None else None
        actors, recipients = self._arguments(cand, speaker)
        self._adopt_speakers(actors + recipients)
        location = args.location_of(cand.anchor) or (
            args.location_of(cand.noun) if cand.noun is not None else None)
        if location is None and cand.anchor.pos_ == "NOUN" and cand.anchor.dep_ in ("nsubj", "nsubjpass"):
            location = args.location_of(cand.anchor.head)  # "talks would resume in Bergen"
        args.fill_countries(actors, recipients, sent, location)
        clause = sent.text
        mode = mode or plover.mode_from_cues(etype, clause)
        return Event(
            id="", doc=self.doc._.doc_id, event_type=etype, trigger=trigger, mode=mode,
            contexts=plover.contexts_of(clause), actors=actors, recipients=recipients,
            date=flags.date_of(cand, sent), location=location,
            negated=state.negated, future=state.future, hypothetical=state.hypothetical,
            claimed_by=claim.id if claim is not None else None,
            confidence=_confidence(cand, actors, state),
        )

    def _adopt_speakers(self, refs: list[ActorRef]) -> None:
        """A mention that is also a statement's speaker takes who the statement resolved it to
        (pronouns, surnames and role descriptions are resolved once, by the statement extractor)."""
        for ref in refs:
            for st in self.statements:
                sp = st.speaker
                if sp is None or not sp.name:
                    continue
                inside = sp.start <= ref.start and ref.end <= sp.end
                surname = ref.name is not None and " " not in ref.name and sp.name.split()[-1] == ref.name
                if inside or surname:
                    ref.name, ref.actor_id = sp.name, sp.actor_id
                    ref.country = sp.country or ref.country
                    ref.sector = sp.sector or ref.sector
                    break

    def _claim(self, start: int):
        """The statement whose content holds the trigger, if any."""
        for st in self.statements:
            parts = st.content.parts or [(st.content.start, st.content.end)]
            if any(a <= start < b for a, b in parts):
                return st
        return None

    def _arguments(self, cand: Candidate, speaker) -> tuple[list[ActorRef], list[ActorRef]]:
        """Actor and recipient references for a candidate."""
        actor_heads, recipient_heads = arguments(cand)
        actors = _refs(actor_heads, speaker)
        taken = {(a.start, a.end) for a in actors}
        recipients = [r for r in _refs(recipient_heads, speaker) if (r.start, r.end) not in taken]
        return actors, recipients


def arguments(cand: Candidate) -> tuple[list[Token], list[Token]]:
    """Heads of the actor and recipient mentions for a candidate."""
    actors = list(cand.actor_heads)
    recips = list(cand.recipient_heads)
    verb = cand.anchor if cand.anchor.pos_ in ("VERB", "AUX") else None
    if verb is not None and cand.own_subject:
        actors += subjects(verb)
        recips += [c for c in verb.children if c.dep_ == "nsubjpass"]
        recips += _object_parties(verb)
    if cand.noun is not None:
        noun = cand.noun
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound")
                                        and child.ent_type_ in ("NORP", "GPE", "ORG")):
                actors.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("between", "by"):
                actors += [p for c in child.children if c.dep_ == "pobj" for p in [c, *c.conjuncts]]
            elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
                recips += [p for c in child.children if c.dep_ == "pobj" for p in [c, *c.conjuncts]]
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


def subjects(verb: Token) -> list[Token]:
    """The agent(s) of a verb: subject, "by" agent in passives, or a controlling verb's subject."""
    for child in verb.children:
        if child.dep_ == "agent":
            return [c for c in child.children if c.dep_ == "pobj"]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and lemma(verb) in STATE_PASSIVES:  # "Vietnam is committed to ..."
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subj:
        return subj
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "xcomp" and lemma(head) in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        if verb.dep_ != "ccomp":
            return subjects(head)
    return []


def _object_parties(verb: Token, depth: int = 0) -> list[Token]:
    """Objects of a verb, and objects of directed prepositions below them, nearest first."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "pobj", "attr", "oprd"):
            out.append(child)
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


def _refs(heads: list[Token], speaker) -> list[ActorRef]:
    """ActorRefs for mention heads; nationality pairs give one reference each."""
    refs: list[ActorRef] = []
    for head in heads:
        mods = args.split_compound(head)
        if mods:
            refs += [args.modifier_ref(m, head) for m in mods]
        else:
            antecedent = flags.pronoun_antecedent(head)
            if getattr(antecedent, "name", None) is None and getattr(speaker, "name", None):
                antecedent = speaker  # a named claimant beats an unnamed description
            refs.append(args.actor_ref(head, antecedent or speaker))
    return refs


def _confidence(cand: Candidate, actors: list[ActorRef], state: "flags.Flags") -> float:
    """Lower for nominal triggers, missing actors and unreal events."""
    score = 0.8 if cand.noun is None else 0.7
    if not actors:
        score -= 0.2
    elif not any(a.country for a in actors):
        score -= 0.1
    if state.hypothetical:
        score -= 0.1
    return round(max(score, 0.05), 2)


@Language.factory("communique_events", default_config={"min_confidence": 0.0, "actors_file": ""})
def make_event_coder(nlp: Language, name: str, min_confidence: float, actors_file: str):
    """Factory for the PLOVER event component."""
    return EventComponent(min_confidence, actors_file)


class EventComponent:
    """Sets doc._.events and doc.spans["events"]."""

    def __init__(self, min_confidence: float, actors_file: str = ""):
        self.min_confidence = min_confidence
        self.book = docutil.load_book(actors_file)

    def __call__(self, doc: Doc) -> Doc:
        """Code the events of one document."""
        if docutil.actor_book(doc) is None:
            docutil.set_actor_book(doc, self.book)
        events = EventCoder(doc, self.min_confidence).code()
        doc._.events = events
        doc.spans["events"] = [
            s for s in (doc.char_span(e.trigger.start, e.trigger.end, label=e.event_type)
                        for e in events) if s is not None
        ]
        return doc
