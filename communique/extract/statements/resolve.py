"""Resolve speaker mentions to who they are, using the article read so far."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from communique.extract import docutil
from communique.extract.statements.history import History, Known
from communique.extract.statements.holders import RoleHolders
from communique.extract.statements.speakers import ArticleIndex, Mention, classify, describe_group, is_description
from communique.records import Speaker, Statement


# Documents that speak for whoever issued them: "a G7 joint statement said", "the agency's report found".
DOCUMENTS = frozenset(
    "statement communique communiqué declaration release report letter post tweet message memo readout "
    "transcript document note".split())


class SpeakerResolver:
    """Turns mention spans into Speaker records, remembering earlier speakers for pronouns."""

    def __init__(self, doc: Doc, index: ArticleIndex, quoted: frozenset[int] = frozenset()):
        self.doc = doc
        self.index = index
        self.quoted = quoted  # character offsets of words inside quotation marks
        self.history = History()
        self._mentions: dict[tuple[int, int], Mention] = {}
        self.holders = RoleHolders(doc, index)

    def _classify(self, span: Span) -> Mention:
        """The mention's form, worked out once: resolve() and remember() both need it."""
        key = (span.start, span.end)
        if key not in self._mentions:
            self._mentions[key] = classify(span, self.index)
        return self._mentions[key]

    def resolve(self, span: Optional[Span], inherit=None) -> Optional[Speaker]:
        """A Speaker for a mention span; a continuation inherits the previous statement's speaker."""
        if span is None:
            if inherit is not None and self.history:
                prev = self.history[-1].speaker
                return Speaker(**{**prev.__dict__})
            return None
        if span.root.lemma_.lower() in DOCUMENTS and span.root.pos_ == "NOUN":
            issuer = self._issuer(span)
            if issuer is not None:
                return issuer
        mention = self._classify(span)
        speaker = Speaker(span.text, span.start_char, span.end_char)
        if mention.form == "pronoun":
            antecedent = self._antecedent(mention)
            if antecedent is not None:
                _take_identity(speaker, antecedent)
            return speaker
        name = mention.name
        if mention.form == "description":
            person = self.index.by_role(span) or self._holder(span)
            earlier = self._same_head(span) if person is None else None
            if earlier is not None:  # "A senior official said ... The official added ..."
                _take_identity(speaker, earlier)
                return speaker
            name = person.name if person is not None else describe_group(span)
        speaker.name = name
        _describe(speaker, span, name)
        self._fill_from_article(speaker, span)
        return speaker

    def _holder(self, span: Span):
        """The person named nearby whom a definite role description stands for ("Russia's envoy")."""
        from communique.extract.actors import describe as actors
        from communique.extract.statements.speakers import is_indefinite

        if is_indefinite(span):
            return None
        country = actors.describe(span, docutil.actor_book(span.doc), span.doc._.published).country
        return self.holders.holder(span, country)

    def _issuer(self, span: Span) -> Optional[Speaker]:
        """Who a document speaks for: its owner ("the agency's statement", "a statement from the ISPR", "the
        G7 joint statement"), else, for "the statement", whoever last spoke through such a document."""
        root = span.root
        owner = next((c for c in root.children if c.dep_ == "poss"), None)
        if owner is None:
            names = [c for c in root.lefts if c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_)]
            owner = names[-1] if names else None
        if owner is None:
            for prep in (c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")):
                owner = next((c for c in prep.children if c.dep_ == "pobj"), owner)
        if owner is not None and owner.pos_ == "PRON":
            who = self._antecedent(Mention(span, "pronoun", gender="p" if owner.lower_ == "their" else "n"))
            return self._as_mention(span, who) if who is not None else None
        if owner is not None:
            from communique.extract.statements.speakers import mention_span

            return self._as_mention(span, self.resolve(mention_span(owner)))
        if root.i > span.start and span[0].lower_ == "the":
            known = self.history.latest(("via", root.lemma_.lower()))
            if known is not None:
                return self._as_mention(span, known.speaker)
        return None

    @staticmethod
    def _as_mention(span: Span, who: Optional[Speaker]) -> Optional[Speaker]:
        """`who`, with the words and offsets of the mention that points to them."""
        if who is None or who.name is None:
            return None
        speaker = Speaker(span.text, span.start_char, span.end_char)
        _take_identity(speaker, who)
        return speaker

    def _fill_from_article(self, speaker: Speaker, span: Span) -> None:
        """Role and country the article gave the same speaker elsewhere, or its possessor ('Its spokesman')."""
        known = self.history.latest(("name", speaker.name))
        if known is not None:
            prev = known.speaker
            speaker.role = speaker.role or prev.role
            speaker.country = speaker.country or prev.country
            speaker.sector = speaker.sector or prev.sector
            speaker.kb_id = speaker.kb_id or prev.kb_id
        person = self.index.person(speaker.name) if speaker.name else None
        if person is not None and person.roles and not speaker.role:
            speaker.role = person.roles[0]
        if speaker.country is None and any(t.lower_ in ("its", "their") and t.dep_ == "poss" for t in span):
            owner = _previous_subject(span)
            if owner is not None:
                from communique.extract.actors import describe as actors

                speaker.country = actors.describe(owner).country
        if speaker.name and speaker.country and not is_description(speaker.name):
            from communique.extract.actors import describe as actors

            speaker.actor_id = actors.actor_key(speaker.name, speaker.country)

    def _same_head(self, span: Span) -> Optional[Speaker]:
        """An earlier speaker a definite description points back to: 'the official' after 'a senior official'."""
        if span[0].lower_ != "the" or len(span) > 3:
            return None
        known = self.history.latest(("word", span.root.lower_), ("word", span.root.lemma_.lower()))
        return known.speaker if known is not None else None

    def remember(self, statement: Statement, span: Optional[Span]) -> None:
        """Record a resolved speaker so later pronouns can refer to it."""
        sp = statement.speaker
        if sp is None or sp.name is None:
            return
        mention = self._classify(span) if span is not None else None
        if mention is not None and mention.form == "pronoun":
            gender, plural = mention.gender, mention.plural
        else:
            person = self.index.person(sp.name)
            gender = person.gender if person is not None else (mention.gender if mention else None)
            plural = bool(mention and mention.plural)
        via = None
        if span is not None and span.root.lemma_.lower() in DOCUMENTS:
            via = span.root.lemma_.lower()  # "The G7 joint statement said ...": a body speaks through it
            gender = gender or "n"
        elif statement.addressee is not None and statement.addressee.name.lower() in DOCUMENTS:
            via = statement.addressee.name.lower()  # "..., the diplomats said in a joint statement"
        person = self.index.person(sp.name) is not None
        body = not person and span is not None and (
            mention is not None and mention.form == "name" or via is not None or _is_body(span.root)
            or span.root.pos_ == "PROPN" and gender not in ("m", "f"))
        self.history.append(Known(sp, gender, plural, via, person, body))

    def _antecedent(self, mention: Mention) -> Optional[Speaker]:
        """The likeliest referent: the most recent earlier speaker agreeing in gender and number."""
        g = mention.gender
        want_plural = g == "p"
        if g in ("m", "f"):
            subject = self._previous_subject_person(mention, g)
            if subject is not None:
                return subject
        if want_plural:
            known = self.history.latest(("plural or neuter",))
        elif g == "n":
            known = self.history.latest(("neuter",))
        else:  # the latest person it may be: "Joonkook Lee said ... He said"
            known = self.history.latest(("gender", g), ("unknown person",))
        if known is not None:
            return known.speaker
        if g == "n":  # "it": the latest body that spoke ("The watchdog Reporters Without Borders said")
            known = self.history.latest(("body",))
            return known.speaker if known is not None else None
        if g in ("m", "f"):
            person = self._nearby_person(mention, g)
            if person is not None:
                return person
            known = self.history.latest(("unknown single",))
            if known is not None:
                return known.speaker
        return None

    def _previous_subject_person(self, mention: Mention, gender: str) -> Optional[Speaker]:
        """The person who is subject of the last sentence of narrative before (quoted sentences belong to
        their speaker, already in the history): the most salient referent. Failing a subject, a person in
        apposition there ("Like Ann Moss, Leo Park, the director, stressed ...")."""
        prev = self._narrative_before(mention.span.sent)
        if prev is None:
            return None
        for token in prev:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.idx in self.quoted:
                continue
            others = [c for c in token.children if c.dep_ in ("appos", "conj")]
            if token.i > 0 and self.doc[token.i - 1].lower_ in ("like", "unlike"):
                others, token = [c for c in others if c.dep_ == "conj"], None  # "Like Webb, Olsen ...": Olsen
            for cand in ([token] if token is not None else []) + others:
                found = self._person_at(cand, gender)
                if found is not None:
                    return found
        for token in reversed(prev):
            if token.dep_ == "appos" and token.idx not in self.quoted:
                found = self._person_at(token, gender)
                if found is not None:
                    return found
        return None

    def _narrative_before(self, sent: Span) -> Optional[Span]:
        """The nearest earlier sentence with words outside quotation marks."""
        start = sent.start
        while start > 0:
            prev = self.doc[start - 1].sent
            if any(t.is_alpha and t.idx not in self.quoted for t in prev):
                return prev
            start = prev.start
        return None

    def _person_at(self, token: Token, gender: str) -> Optional[Speaker]:
        """The known person named by a proper-noun token, if their gender does not conflict."""
        if token.pos_ != "PROPN":
            return None
        chain = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        for k in range(len(chain)):
            first = chain[k]
            text = self.doc[first.i : token.i + 1].text
            name = self.index.full_name(text)
            person = self.index.person(name)
            if person is not None:
                if person.gender not in (gender, None):
                    return None
                return self._speaker_for(name, self.doc[first.i : token.i + 1])
        return None

    def _speaker_for(self, name: str, ent: Span) -> Speaker:
        """A Speaker for a named person, reusing what an earlier statement learnt about them."""
        known = self.history.latest(("name", name))
        if known is not None:
            return known.speaker
        speaker = Speaker(ent.text, ent.start_char, ent.end_char, name=name)
        _describe(speaker, ent, name)
        return speaker

    def _nearby_person(self, mention: Mention, gender: str) -> Optional[Speaker]:
        """A person named in the same or the previous two sentences, agreeing in gender."""
        start = mention.span.sent.start
        for _ in range(2):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        for token in reversed(self.doc[start : mention.span.start]):
            if token.dep_ != "compound":
                found = self._person_at(token, gender)
                if found is not None:
                    return found
        return None


def _is_body(head: Token) -> bool:
    """A noun naming a body rather than a person ("ministry", "agency"), or titled by one ("the watchdog X")."""
    from communique.extract.actors.describe import BODY_WORDS
    from communique.sectors import singular

    words = [head] + [c for c in head.lefts if c.dep_ == "compound"]  # "the media watchdog X"
    return any(w.lower_ in BODY_WORDS or singular(w.lower_) in BODY_WORDS or w.lower_ == "watchdog" for w in words)


def _take_identity(speaker: Speaker, source: Speaker) -> None:
    """Give a mention the identity another mention resolved to (keeping its own text and offsets)."""
    speaker.name, speaker.role, speaker.country = source.name, source.role, source.country
    speaker.sector, speaker.actor_id, speaker.kb_id = source.sector, source.actor_id, source.kb_id


def _describe(speaker: Speaker, span: Span, name: Optional[str]) -> None:
    """Fill role, country, sector and actor id from the mention's words."""
    from communique.extract.actors import describe as actors

    book = docutil.actor_book(span.doc)
    person = name if name and not is_description(name) else None
    info = actors.describe(span, book, span.doc._.published, full_name=person)
    speaker.kb_id = speaker.kb_id or info.kb_id
    if info.name and book is not None and info.name != name:
        # the user's actor file names who held the office, or corrects a spelling
        book_entry = book.lookup(info.name, span.doc._.published)
        if book_entry is not None:
            speaker.name = name = book_entry.name
    # A surname the model tagged as a common noun ("Tavares told reporters") is no role.
    if not (info.role and person and info.role in person.split()):
        speaker.role = speaker.role or info.role
        speaker.sector = speaker.sector or info.sector
    speaker.country = speaker.country or info.country
    if name and not is_description(name):
        speaker.actor_id = actors.actor_key(name, speaker.country)


def _previous_subject(span: Span) -> Optional[Span]:
    """The subject of the sentence before the mention's: what 'its' most likely points back to, when that is one
    state or body ('Its spokesman' after 'Daniel Okoth met ...' is not his)."""
    from communique.extract.actors.referents import neuter
    from communique.extract.statements.speakers import mention_span

    sent = span.sent
    if sent.start == 0:
        return None
    prev = span.doc[sent.start - 1].sent
    subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    return mention_span(subj) if subj is not None and neuter(subj) else None
