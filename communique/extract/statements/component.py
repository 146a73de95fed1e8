"""The statement extractor: a spaCy component finding direct, indirect and mixed quotes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from communique.extract.statements import content as C
from communique.extract import docutil
from communique.extract.statements.addressees import find_addressee
from communique.extract.statements.carryover import carry_over
from communique.extract.statements.clauses import participle_subject, reported_content, subject_of, unquoted_speaker
from communique.extract.statements.cues import (
    EVIDENCE, NOUN_CUES, QUOTE_VERBS, is_according_to, is_cue, is_cue_lemma,
)
from communique.extract.statements.drafts import Draft, continuations, drop_nested
from communique.extract.statements.quotes import Quote, QuoteIndex, find_quotes
from communique.extract.statements.speakers import ArticleIndex, mention_span
from communique.extract.statements.transcripts import LabelLine, label_lines, signed_quotes
from communique.extract.statements.resolve import SpeakerResolver
from communique.records import Content, Cue, Statement

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)

WINDOW = 12  # tokens between a quote and its cue, at most
DIRECT_SHARE = 0.9  # quoted share of a content's words above which it is a direct quote


@dataclass
class Candidate:
    """A cue with what the parse and the quotation marks attach to it."""

    cue: Token
    cue_end: Token  # last token of the cue ("according to" spans two)
    lemma: str
    speaker: Optional[Token]
    parsed: C.Ranges = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@Language.factory(
    "communique_statements",
    default_config={"beliefs": False, "min_confidence": 0.0, "actors_file": "", "kb_file": ""},
)
def make_statements(nlp: Language, name: str, beliefs: bool, min_confidence: float, actors_file: str,
                    kb_file: str):
    """Factory for the statement extractor; `beliefs` adds verbs of thinking and knowing as cues."""
    return StatementExtractor(name, beliefs=beliefs, min_confidence=min_confidence, actors_file=actors_file,
                              kb_file=kb_file)


class StatementExtractor:
    """Finds attributed statements and stores them on doc._.statements and doc.spans."""

    def __init__(self, name: str = "communique_statements", beliefs: bool = False, min_confidence: float = 0.0,
                 actors_file: str = "", kb_file: str = ""):
        self.name = name
        self.beliefs = beliefs
        self.min_confidence = min_confidence
        self.book = docutil.load_book(actors_file)
        self.kb_file = kb_file  # loaded on first use; the shipped knowledge base needs no setting

    def __call__(self, doc: Doc) -> Doc:
        """Extract statements from one parsed document."""
        docutil.set_actor_book(doc, self.book)
        if self.kb_file:  # later components (events) read it from the doc too
            from communique.extract.actors.kb import load as load_kb

            docutil.set_knowledge_base(doc, load_kb(self.kb_file))
        statements = extract(doc, self.beliefs)
        statements = [s for s in statements if s.confidence >= self.min_confidence]
        doc._.statements = statements
        doc.spans["statements"] = [
            s for s in (doc.char_span(st.content.start, st.content.end, alignment_mode="expand") for st in statements)
            if s is not None
        ]
        return doc


def extract(doc: Doc, beliefs: bool = False) -> list[Statement]:
    """All statements in a parsed document, in text order."""
    text = docutil.text(doc)
    quotes = find_quotes(text)
    quoted = C.word_chars(text, [p for q in quotes for p in q.pieces])
    candidates = {c.cue.i: c for c in _candidates(doc, beliefs, quoted)}
    _link_quotes(doc, quotes, candidates, beliefs, quoted)
    index = QuoteIndex(quotes)
    drafts = [d for d in (_draft(doc, c, index) for c in candidates.values()) if d is not None]
    drafts += [Draft("direct", C.trim(text, [ln.content], keep_final_stop=True), None, ln.speaker, label=ln)
               for ln in label_lines(doc)]
    drafts += [Draft("direct", C.trim(text, q.pieces, keep_final_stop=True), None, ln.speaker, label=ln)
               for q, ln in signed_quotes(doc, quotes)]
    drafts = [d for d in drafts if d.content]
    drafts.sort(key=lambda d: d.content[0][0])
    drafts = drop_nested(drafts)
    drafts = continuations(doc, quotes, drafts)
    resolver = SpeakerResolver(doc, ArticleIndex(doc), quoted)
    doc_id = doc._.doc_id or "doc"
    out = []
    for n, d in enumerate(drafts, 1):
        speaker = resolver.resolve(d.speaker_span, d.inherit)
        cue = None
        if d.label is not None:
            mark = text[d.label.colon]
            cue = Cue(mark, d.label.colon, d.label.colon + 1, mark)
        if d.cand is not None:
            span = doc[d.cand.cue.i : d.cand.cue_end.i + 1]
            cue = Cue(span.text, span.start_char, span.end_char, d.cand.lemma)
        content = Content(C.join(text, d.content), d.content[0][0], d.content[-1][1],
                          [tuple(p) for p in d.content] if len(d.content) > 1 else [])
        out.append(Statement(
            id=f"{doc_id}:s{n}", doc=doc_id, kind=d.kind, content=content, speaker=speaker, cue=cue,
            addressee=find_addressee(d.cand.cue, d.cand.speaker)
            if d.cand is not None and d.cand.lemma != "according to" else None,
            date=_date(d.cand, doc) if d.cand is not None else None,
            confidence=_confidence(d, speaker),
        ))
        resolver.remember(out[-1], d.speaker_span)
    carry_over(doc, list(zip(out, drafts)))
    return out


# Prepositions whose object dates something other than the speaking: "said ahead of Wednesday's hearing",
# "spoke about losses last week", "since Monday's attack".
OTHER_TIME_PREPS = frozenset("about ahead before after since until following over".split())


def _date(cand: Candidate, doc: Doc):
    """When the statement was made: a time expression attached to the cue. What an article reports as said
    was said by its publication day, so a day resolved past it ("said Wednesday ... he would ask" read
    forward) is read back."""
    from communique.extract.dates.calc import resolve
    from communique.extract.dates.find import date_of
    ref = date_of(cand.cue, cand.cue.sent, doc._.published)
    if ref is not None and not _speaking_time(doc, ref, cand.cue):
        return None
    published = doc._.published
    if ref is not None and published is not None and ref.value and ref.value[:10] > str(published):
        ref.value, ref.precision = resolve(ref.text, published, "past")
    return ref


def _speaking_time(doc: Doc, ref, cue: Token) -> bool:
    """Whether a time expression dates the speaking rather than something spoken of: it does not modify a
    noun the cue speaks of ("welcomed Tuesday's announcement") or sit under a preposition of another time
    ("ahead of Wednesday's hearing"); the day of an occasion counts ("at Friday's meeting")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return True
    tok = span.root
    possessive = tok.dep_ == "poss" or any(c.tag_ == "POS" for c in tok.children)
    while tok.i != cue.i and tok.head.i != tok.i:
        parent = tok.head
        if parent.dep_ == "prep" or parent.pos_ in ("ADP", "ADV"):
            if parent.lower_ in OTHER_TIME_PREPS and "weekend" not in span.text.lower():
                return False
            if possessive and parent.lower_ in ("at", "during", "in", "on"):
                possessive = False  # "at Friday's meeting": the occasion of the speaking
        tok = parent
    return not possessive


def _candidates(doc: Doc, beliefs: bool, quoted: set[int]):
    """Cue tokens with a source, and the content the parse gives them (none inside quotation marks:
    speech reported within a quote belongs to the quote's own speaker)."""
    for i in _cue_tokens(doc, beliefs):
        token = doc[i]
        if token.idx in quoted:
            continue
        if is_according_to(token):
            to = token.nbor(1)
            obj = next((c for c in list(to.children) + list(token.children) if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            host = token.head if token.head.i != token.i else None
            parsed = []
            if host is not None:
                skip = {t.i for t in token.subtree} | {to.i}
                parsed = C.subtree_range(host, skip)
            yield Candidate(token, to, "according to", obj, parsed)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES:
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if owner is not None and clause is not None:
                yield Candidate(token, token, token.lemma_.lower(), owner, C.subtree_range(clause))
        elif is_cue(token, beliefs):
            subject = subject_of(token) or participle_subject(token)
            if subject is None or subject.i == token.i:
                continue
            if token.lemma_.lower() in EVIDENCE and not any(
                    c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in token.children):
                continue  # "found it hard": no reported clause
            speaker = unquoted_speaker(token, subject, quoted)
            yield Candidate(token, token, token.lemma_.lower(), speaker, reported_content(token, subject))


def _cue_tokens(doc: Doc, beliefs: bool) -> list[int]:
    """Tokens that may be cues (what `_candidates` goes on to test): "according", a noun cue, a verb of saying."""
    according = docutil.tokens_where(doc, "according", {"LOWER": "according".__eq__})
    nouns = docutil.tokens_where(doc, "noun_cues", {"LEMMA": lambda s: s.lower() in NOUN_CUES, "POS": "NOUN".__eq__})
    verbs = docutil.tokens_where(doc, f"verb_cues_{beliefs}", {"LEMMA": lambda s: is_cue_lemma(s, beliefs),
                                                              "POS": ("VERB", "AUX").__contains__})
    return sorted({*according, *nouns, *verbs})


def _link_quotes(doc: Doc, quotes: list[Quote], cands: dict[int, Candidate], beliefs: bool,
                 quoted: set[int]) -> None:
    """Attach each quote to the cue right after it or, failing that, right before it."""
    for q in quotes:
        cand = _cue_after(doc, q, cands, beliefs, quoted) or _cue_before(doc, q, cands, beliefs, quoted)
        if cand is not None:
            cand.quotes.append(q)


def _cue_after(doc, q: Quote, cands, beliefs, quoted) -> Optional[Candidate]:
    """A cue within a few tokens after the closing mark: '"...," the minister said.'"""
    first = _token_at_or_after(doc, q.end + 1)
    if first is None:
        return None
    if "\n" in doc[first].text:
        return None  # the paragraph ends with the quotation: its attribution is not after it
    if _ends_with_stop(docutil.text(doc), q.end) and doc[first].is_sent_start:
        return None  # '"... the war." Trump and Zelenskyy also disagreed': a new sentence, not the attribution
    for token in doc[first : first + WINDOW]:
        if token.text in ".!?;" or "\n" in token.text_with_ws and token.i > first or _is_mark_token(token):
            return None
        cand = cands.get(token.i) or _adjacent_candidate(token, cands, beliefs, quoted)
        if cand is not None:
            return cand if not _own_content_outside(cand, q) else None
    return None


def _ends_with_stop(text: str, end: int) -> bool:
    """Whether text[:end] ends with a full stop, whitespace aside (not sliced: that copied the article per quote)."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] == "."


def _cue_before(doc, q: Quote, cands, beliefs, quoted) -> Optional[Candidate]:
    """A cue shortly before the opening mark: 'X said: "..."' or split quotes."""
    last = _token_before(doc, q.start - 1)
    if last is None:
        return None
    lead = doc[last]
    if lead.text not in (":", ",", "that") and not is_cue(lead, beliefs):
        return None
    for token in reversed(doc[max(0, last - WINDOW) : last + 1]):
        if token.text in ".!?;" or _is_mark_token(token) or "\n" in token.text_with_ws:
            return None
        cand = cands.get(token.i) or _adjacent_candidate(token, cands, beliefs, quoted)
        if cand is not None:
            return cand if not _own_content_outside(cand, q) else None
        if token.pos_ in ("VERB",) and token.i != last:
            return None
    return None


def _adjacent_candidate(token: Token, cands, beliefs, quoted: set[int]) -> Optional[Candidate]:
    """A candidate for a cue verb that had no content of its own in the parse."""
    if not is_cue(token, beliefs) and token.lemma_.lower() not in QUOTE_VERBS:
        return None
    subject = subject_of(token)
    if subject is None:
        return None
    cand = Candidate(token, token, token.lemma_.lower(), unquoted_speaker(token, subject, quoted), [])
    cands[token.i] = cand
    return cand


def _own_content_outside(cand: Candidate, q: Quote) -> bool:
    """Whether the cue already reports a clause of its own that the quote is not part of."""
    if not cand.parsed:
        return False
    text = docutil.text(cand.cue.doc)
    words = C.word_chars(text, cand.parsed)
    inside = C.word_chars(text, q.pieces)
    return len(words - inside) > 0.5 * len(words) and not (words & inside)


def _token_at_or_after(doc: Doc, char: int) -> Optional[int]:
    """Index of the first token starting at or after a character offset, skipping closing marks and commas."""
    for i in range(bisect_left(docutil.token_starts(doc), char), len(doc)):
        t = doc[i]
        if not _is_mark_token(t) and t.text != ",":
            return i
    return None


def _token_before(doc: Doc, char: int) -> Optional[int]:
    """Index of the last token ending at or before a character offset."""
    i = bisect_right(docutil.token_starts(doc), char) - 1
    while i >= 0 and doc[i].idx + len(doc[i]) > char:
        i -= 1
    return i if i >= 0 else None


def _is_mark_token(token: Token) -> bool:
    """Whether a token is a quotation mark."""
    return token.text in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e", "''", "``")


def _draft(doc: Doc, cand: Candidate, quotes: QuoteIndex) -> Optional[Draft]:
    """A statement draft from a candidate: direct when quoted, mixed or indirect otherwise."""
    text = docutil.text(doc)
    speaker_span = _speaker_span(cand)
    if cand.quotes:
        pieces = [p for q in sorted(cand.quotes, key=lambda q: q.start) for p in q.pieces]
        parsed = C.word_chars(text, cand.parsed)
        outside = parsed - C.word_chars(text, pieces)
        if cand.parsed and len(outside) > (1 - DIRECT_SHARE) * len(parsed) and len(outside) > 12:
            return Draft("mixed", C.trim(text, C.merge(cand.parsed + pieces)), cand, speaker_span)
        return Draft("direct", C.trim(text, pieces, keep_final_stop=True), cand, speaker_span)
    if not cand.parsed:
        return None
    ranges = C.trim(text, cand.parsed)
    if not ranges:
        return None
    words = C.word_chars(text, ranges)
    if len(words) < 2:
        return None
    near = quotes.overlapping(min(s for s, _ in ranges), max(e for _, e in ranges))
    inner = [q for q in near if C.word_chars(text, q.pieces) & words]
    if not inner:
        return Draft("indirect", ranges, cand, speaker_span)
    pieces = [p for q in inner for p in q.pieces]
    if len(C.word_chars(text, pieces) & words) >= DIRECT_SHARE * len(words):
        return Draft("direct", C.trim(text, pieces, keep_final_stop=True), cand, speaker_span)
    merged = C.merge(ranges + pieces)
    return Draft("mixed", C.trim(text, merged), cand, speaker_span)


def _speaker_span(cand: Candidate) -> Optional[Span]:
    """The speaker mention for a candidate."""
    return mention_span(cand.speaker) if cand.speaker is not None else None


def _confidence(d: Draft, speaker) -> float:
    """A rough probability that the statement and its speaker are right."""
    score = {"direct": 0.9, "mixed": 0.8, "indirect": 0.75}[d.kind]
    if speaker is None:
        return round(score * 0.4, 2)
    if speaker.name is None:
        score -= 0.2
    if d.cand is None:
        score -= 0.1
    return round(max(0.05, score), 2)
