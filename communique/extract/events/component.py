"""spaCy component coding PLOVER events from the parse, linked to the statements that claim them."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from communique.countries import is_igo
from communique.extract import docutil
from communique.extract.events import blame, idioms, lexicon, naming, speech
from communique.extract.events import context, places
from communique.extract.events import flags
from communique.extract.events import recall
from communique.extract.events import frames as plover
from communique.extract.events.candidates import find_candidates
from communique.extract.events.participants import _refs, arguments
from communique.extract.events.triggers import Candidate, lemma
from communique.records import ActorRef, Event, Span as TextSpan

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)

PERSONAL = {"he", "she", "they", "we", "it", "i", "you", "his", "her", "their", "our", "its", "my", "him", "them"}
FIRST_PERSON = speech.FIRST_PERSON
LAST_SPEAKER_REACH = 600  # characters back to the last person who spoke, for a bare "he" or "she"
GENDERS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
# Plural descriptions of the two parties just named ("the two leaders", "both sides").
# A number may carry one describing word ("the three military-led nations", "the two warring sides").
PAIR = re.compile(r"^(?:the|both)(?: (?P<n>two|three|four)(?: [a-z]+(?:-[a-z]+)*)?)? (?:leaders|sides|parties|"
                  r"countries|nations|states|presidents|governments|delegations|ministers)$")
COUNTS = {"two": 2, "three": 3, "four": 4}
STATE_WORDS = ("countries", "nations", "states")
PAIR_REACH = 1500  # characters back to the two parties


class EventCoder:
    """Turns candidates into Event records for one Doc."""

    def __init__(self, doc: Doc, min_confidence: float):
        self.doc = doc
        self.min_confidence = min_confidence
        self.statements = doc._.statements or []
        self.speakers = [st.speaker for st in self.statements if st.speaker is not None and st.speaker.name]
        self.claims = recall.Claims(self.statements)
        self.by_speaker = recall.Speakers(self.speakers)
        self.recall = recall.Recall(self.speakers)  # the actors resolved so far in this article, and the speakers
        self.anaphors: set[int] = set()  # id() of undated events named by a definite noun ("the meeting")

    def code(self) -> list[Event]:
        """Events for the whole document, in text order."""
        events: list[Event] = []
        for sent in self.doc.sents:
            cands = naming.judged(sent, flags.resolve_frames(find_candidates(sent)), lexicon.load())
            cands += flags.refused_permission(sent, cands)
            cands += flags.deontic_requests(sent, cands, self._in_direct_quote)
            cands = idioms.ultimatums(lexicon.load(), cands)
            cands += blame.accusations(sent, cands, lexicon.load(), self._in_statement)
            cands += blame.instigators(sent, cands, lexicon.load(), self._in_statement)
            cands += blame.condemnations(sent, cands, lexicon.load(), self._in_statement)
            for cand in cands + blame.alleged(sent, cands):
                events.extend(self._events(cand, sent))
        events = [e for e in events if e.confidence >= self.min_confidence]
        events.sort(key=lambda e: (e.trigger.start, e.event_type))
        recall.date_anaphors(events, self.anaphors)
        for n, event in enumerate(events, 1):
            event.id = f"{self.doc._.doc_id}:e{n}"
        return events

    def _events(self, cand: Candidate, sent: Span) -> list[Event]:
        """The event for a candidate; a refused cooperative act becomes a rejection."""
        state = flags.flags_of(cand)
        etype, mode = cand.etype, cand.mode
        if state.negated and etype in plover.COOPERATIVE and state.refusal:
            etype, mode = "REJECT", plover.REQUEST_MODES.get(etype)
            state.negated = state.future = False
        event = self._event(cand, etype, mode, state, sent)
        if event.event_type in speech.SPEECH_ACTS and event.actors and all(
                speech.commentator(a.text) for a in event.actors):
            return []  # "experts urged people to ...": advice of analysts, not a political actor's act (guide)
        if etype == "CONSULT" and self._trip_at_home(cand, event):
            return []
        if cand.noun is not None and event.date is None and any(
                c.dep_ == "det" and c.lower_ == "the" for c in cand.noun.children):
            self.anaphors.add(id(event))
        return [event]

    def _trip_at_home(self, cand: Candidate, event: Event) -> bool:
        """ "the senator flew to New York": travel to a place in the traveller's own country visits no one (the
        convention's visit is travel to another country)."""
        if lemma(cand.anchor) not in lexicon.load().needs_destination or not event.recipients or not event.actors:
            return False
        homes = {a.country for a in event.actors}
        spans = [self.doc.char_span(r.start, r.end, alignment_mode="expand") for r in event.recipients]
        return None not in homes and all(p is not None and p.root.ent_type_ in places.PLACE_ENTS for p in spans) \
            and {r.country for r in event.recipients} <= homes

    def _event(self, cand: Candidate, etype: str, mode, state: "flags.Flags", sent: Span) -> Event:
        """One Event record with arguments, flags, date, location and claim."""
        tokens = sorted(cand.tokens, key=lambda t: t.i)
        span = self.doc[tokens[0].i:tokens[-1].i + 1]
        if len(tokens) > 1 and tokens[-1].i - tokens[0].i > 4:
            span = self.doc[cand.anchor.i:cand.anchor.i + 1]
        trigger = TextSpan(text=span.text, start=span.start_char, end=span.end_char)
        claim = self.claims.holding(trigger.start)
        actors, recipients = self._arguments(cand, claim)
        self._adopt_speakers(actors + recipients)
        self._adopt_article(actors + recipients, trigger.start)
        actors, recipients = self._pairs(actors), self._pairs(recipients)
        location = places.location_of(cand.anchor) or (
            places.location_of(cand.noun) if cand.noun is not None else None)
        if location is None and cand.anchor.pos_ == "NOUN" and cand.anchor.dep_ in ("nsubj", "nsubjpass"):
            location = places.location_of(cand.anchor.head)  # "talks would resume in Bergen"
        if speech.own_threat(etype, state, actors, claim):
            etype, mode = "THREATEN", plover.THREAT_MODES.get(etype)
            state.future = state.hypothetical = False  # the threat itself is made, whatever its condition
        context.fill_domestic(actors + recipients, self.doc, location)
        self.recall.place(r for r in actors + recipients if r.country and r.text.lower() not in PERSONAL)
        clause = sent.text
        mode = mode or plover.mode_from_cues(etype, clause)
        return Event(
            id="", doc=self.doc._.doc_id, event_type=etype, trigger=trigger, mode=mode,
            contexts=_contexts(cand, clause), actors=actors, recipients=recipients,
            date=flags.date_of(cand, sent), location=location,
            negated=state.negated, future=state.future, hypothetical=state.hypothetical,
            claimed_by=claim.id if claim is not None else None,
            confidence=_confidence(cand, actors, state), coded_by=cand.source or None,
        )

    def _in_statement(self, tok: Token) -> bool:
        """The token is inside a statement with a known speaker."""
        claim = self.claims.holding(tok.idx)
        return claim is not None and claim.speaker is not None and bool(claim.speaker.name or claim.speaker.text)

    def _in_direct_quote(self, tok: Token) -> bool:
        """The token is inside a direct quote with a known speaker."""
        claim = self.claims.holding(tok.idx)
        return claim is not None and claim.kind == "direct" and claim.speaker is not None

    def _adopt_speakers(self, refs: list[ActorRef]) -> None:
        """A mention that is also a statement's speaker takes who the statement resolved it to
        (pronouns, surnames and role descriptions are resolved once, by the statement extractor)."""
        for ref in refs:
            sp = self.by_speaker.first_for(ref.start, ref.end, ref.name)
            if sp is not None:
                ref.name, ref.actor_id, ref.kb_id = sp.name, sp.actor_id, sp.kb_id or ref.kb_id
                ref.country = sp.country or ref.country
                ref.sector = sp.sector or ref.sector

    def _adopt_article(self, refs: list[ActorRef], at: int) -> None:
        """What the article said earlier about an actor: a surname or a repeated name takes the country of its
        fuller mention; "he" or "she" with no antecedent in the sentence is the last person who spoke."""
        for ref in refs:
            if ref.country:
                continue
            low = ref.text.lower()
            if ref.name and (low not in PERSONAL or low in FIRST_PERSON):  # "we": the speaker, by name
                match = self.recall.named(ref.name)
            elif low in GENDERS and not ref.name:
                match = self.recall.last_person(at, LAST_SPEAKER_REACH, GENDERS[low])
            else:
                match = None
            if match is None:
                match = self._same_group(ref.name or ref.text, at)
            if match is not None:
                ref.name = ref.name or match.name
                ref.country, ref.sector = match.country, ref.sector or match.sector
                ref.actor_id = ref.actor_id or match.actor_id
                ref.kb_id = ref.kb_id or match.kb_id
        self.recall.see(r for r in refs if r.name and r.country)

    def _same_group(self, description: str, at: int):
        """ "the diplomats" (a quote's speaker, or a mention) after "top diplomats from the Group of Seven": a
        definite plural description is the latest group placed before it with the same head noun."""
        words = description.lower().split()
        if words[:1] == ["the"]:
            words = words[1:]
        if len(words) != 1 or not words[0].endswith("s") or words[0] in PERSONAL:
            return None
        return next((r for r in self.recall.placed_before(at, PAIR_REACH) if speech.head_word(r.text) == words[0]),
                    None)

    def _pairs(self, refs: list[ActorRef]) -> list[ActorRef]:
        """ "The two leaders", "both sides", "the three nations": the last two (three) actors the article named
        before, each as a reference on the same words (one when all belong to one country)."""
        out = []
        for ref in refs:
            match = None if ref.country else PAIR.match(ref.text.lower())
            pair = self._last_n(ref.start, COUNTS.get(match.group("n") or "two", 2),
                                states=ref.text.lower().endswith(STATE_WORDS)) if match else None
            if pair is None:
                out.append(ref)
                continue
            if len(pair) == 1:  # both of one country: the country, not one side's name
                ref.country = pair[0].country
                out.append(ref)
                continue
            for known in pair:
                out.append(ActorRef(text=ref.text, start=ref.start, end=ref.end, name=known.name,
                                    country=known.country, sector=known.sector, actor_id=known.actor_id,
                                    kb_id=known.kb_id))
        return out

    def _last_n(self, at: int, n: int, states: bool = False):
        """The `n` most recent distinct actors with a country before `at` (within PAIR_REACH), or None; one when
        they all share a country. `states`: countries only ("the three nations" are no bloc)."""
        found: list = []
        for ref in self.recall.placed_before(at, PAIR_REACH):
            if states and is_igo(ref.country):
                continue
            if all((ref.name or ref.text) != (f.name or f.text) for f in found):
                found.append(ref)
            if len(found) == n:
                return found if len({f.country for f in found}) > 1 else found[:1]
        return None

    def _arguments(self, cand: Candidate, claim) -> tuple[list[ActorRef], list[ActorRef]]:
        """Actor and recipient references for a candidate."""
        speaker = claim.speaker if claim is not None else None
        actor_heads, recipient_heads = arguments(cand)
        indirect = claim is None or claim.kind != "direct"
        actors = _refs(actor_heads, speaker, indirect)
        if cand.by_speaker and not actors and speaker is not None:
            actors = [speech.speaker_ref(speaker)]
        taken = {(a.start, a.end) for a in actors}
        recipients = [r for r in _refs(recipient_heads, speaker, indirect) if (r.start, r.end) not in taken]
        return actors, recipients


def _contexts(cand: Candidate, clause: str) -> list[str]:
    """The code's own contexts (from the PLOVER table) first, then those the sentence's words suggest."""
    out = list(cand.contexts)
    return out + [c for c in plover.contexts_of(clause) if c not in out]


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
