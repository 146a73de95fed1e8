"""What the parse attaches to a cue: who is its source, and which words were reported."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from communique.extract.statements import content as C
from communique.extract import docutil
from communique.extract.statements.cues import INTENT, OBJECT_AND_CLAUSE, OBJECT_CONTENT, PREP_CONTENT

RELATIVES = frozenset(("who", "that", "which"))
# Nouns naming a work that a quoted title may modify ("Fox News' “Sunday Morning Futures” show"): never a speaker.
WORKS = frozenset("show program programme film movie documentary series podcast book song episode column".split())
CLAUSE_LINKS = ("pcomp", "prep", "advcl", "xcomp", "conj", "acl", "ccomp")


def subject_of(cue: Token) -> Optional[Token]:
    """The cue's grammatical subject, inherited along coordination and participles."""
    node = cue
    for _ in range(3):
        if any(c.dep_ == "nsubjpass" for c in node.children) and node is cue:
            # "was first reported by the Post": the source is the agent, never the passive subject
            agent = next((c for c in cue.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj = subjects[0] if subjects else None
        if len(subjects) > 1 and subjects[1].pos_ == "PROPN" and subjects[1].left_edge.i == subj.right_edge.i + 1:
            subj = subjects[1]  # "The press watchdog Free Voices said": the parse splits title and name
        if subj is not None and subj.lower_ in RELATIVES and node.dep_ == "relcl":
            return node.head  # "a spokesman who said ...": the noun the clause describes
        if subj is not None:
            return subj
        if node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def participle_subject(cue: Token) -> Optional[Token]:
    """The understood subject of a participle cue the parse left without one ("X was first to share the news,
    announcing on Friday that ..."): the nearest subject before it in its sentence."""
    if cue.tag_ != "VBG":
        return None
    before = [t for t in cue.doc[cue.sent.start : cue.i] if t.dep_ in ("nsubj", "nsubjpass")
              and t.pos_ in ("PROPN", "NOUN") and t.head.pos_ in ("VERB", "AUX")]
    return before[-1] if before else None


def unquoted_speaker(cue: Token, speaker: Optional[Token], quoted: set[int]) -> Optional[Token]:
    """The speaker of a cue outside quotation marks: a subject the parse found inside a quotation (the
    "Axis of Upheaval", a "this" of the quote) or a quoted title ("the “Meet the Press” show") is replaced by
    the words between the quotation and the cue, the subject of the clause a participle hangs from, an
    earlier subject or a name opening the sentence; without one the statement has no speaker."""
    if speaker is None or cue.idx in quoted or not _quoted_or_title(speaker, quoted):
        return speaker
    doc = cue.doc
    marks = [t for t in doc[cue.sent.start : cue.i] if t.idx in quoted or _is_mark(t)]
    if marks:  # '"...," Republican Representative Ann Lee, told VOA'
        between = [t for t in doc[marks[-1].i + 1 : cue.i] if not t.is_punct and t.idx not in quoted]
        ids = {t.i for t in between}
        subjects = [t for t in between if t.dep_ == "nsubj" and t.head.i in ids and not _quoted_or_title(t, quoted)]
        if subjects:  # '"...," Rubio said, adding that ...': the subject of the cue before it
            return subjects[-1]
        heads = [t for t in between if t.head.i not in ids and t.pos_ in ("PROPN", "NOUN", "PRON")
                 and not _quoted_or_title(t, quoted)]
        if heads:
            return heads[-1]
    node = cue
    while node.dep_ in CLAUSE_LINKS and node.head.i != node.i:  # "..., describing their collaboration"
        node = node.head
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not _quoted_or_title(subj, quoted) and subj.lower_ not in RELATIVES:
            return subj
    before = [t for t in doc[cue.sent.start : cue.i] if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN")
              and not _quoted_or_title(t, quoted)]
    if before:  # "Mr. Trump hardly clarified it -- "A" -- asserting "B"": the parse lost the clause link
        return before[-1]
    first = doc[cue.sent.start]
    if first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and first.idx not in quoted and first.i < speaker.i:
        return first  # "Trump, in an interview with a “quoted” show, said ..."
    return None


def _quoted_or_title(token: Token, quoted: set[int]) -> bool:
    """A token inside a quotation, or a work noun modified by a quoted title."""
    if token.idx in quoted:
        return True
    return token.lemma_.lower() in WORKS and any(_is_mark(t) for t in token.doc[token.left_edge.i : token.i])


def _is_mark(token: Token) -> bool:
    """Whether a token is a double quotation mark."""
    return token.text in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "''", "``")


def reported_content(cue: Token, speaker: Token) -> C.Ranges:
    """The reported content: the clause the parse attaches to the cue, or the rest of a sentence
    around a comma-delimited attribution ("X, he said, is ..."; "..., the source added.")."""
    attached = _attached_content(cue)
    around = _around_attribution(cue, speaker)
    if around:
        text = docutil.text(cue.doc)
        if len(C.word_chars(text, attached)) < 0.6 * len(C.word_chars(text, around)):
            return around
    return attached


# Children of a cue that belong to the attribution itself, not to what was said.
ATTRIBUTION_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "prep", "agent", "npadvmod", "advmod",
                    "dative", "dobj", "prt", "cc", "intj"}
DELIMITERS = {",", "\u2014", "--", "\u2013"}


def _around_attribution(cue: Token, speaker: Token) -> C.Ranges:
    """The sentence outside a comma-delimited run 'SPEAKER CUE (to whom, when)'."""
    doc, sent = cue.doc, cue.sent
    if any(c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in cue.children):
        return []  # "When veterans ask for help, ...": a subordinate clause, not an attribution
    run = {cue.i} | {t.i for t in speaker.subtree}
    content_preps = PREP_CONTENT.get(cue.lemma_.lower(), ())
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in content_preps:
            continue  # "is calling for an end to the violence, as ...": what was called for is the content
        if child.dep_ in ATTRIBUTION_DEPS and child.i != speaker.i:
            if child.dep_ == "dobj" and cue.lemma_ not in ("tell", "inform", "assure"):
                return []
            run |= {t.i for t in child.subtree}
    lo, hi = min(run), max(run)
    if hi - lo + 1 != len(run) or cue.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i > hi for c in cue.children):
        return []
    end = sent.end
    while end > sent.start and (doc[end - 1].is_punct and doc[end - 1].text not in DELIMITERS or doc[end - 1].is_space):
        end -= 1
    left_open = lo == sent.start or doc[lo - 1].text in DELIMITERS
    right_open = hi + 1 >= end or doc[hi + 1].text in DELIMITERS
    if not (left_open and right_open) or (lo == sent.start and hi + 1 >= end):
        return []
    if lo == sent.start and doc[hi + 1].text not in DELIMITERS:
        return []
    before = [t for t in doc[sent.start : max(sent.start, lo - 1)]]
    after = [t for t in doc[hi + 2 : end]] if hi + 1 < end else []
    rest = [t for t in before + after if not t.is_space]
    if len([t for t in rest if t.is_alpha]) < 3:
        return []
    return C.ranges_of(rest)


def _attached_content(cue: Token) -> C.Ranges:
    """The reported clause the parse attaches to a cue, as character ranges."""
    lemma = cue.lemma_.lower()
    clauses = [c for c in cue.children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(
        d.dep_ == "dobj" for d in cue.children))]
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if clauses:
        ranges = []
        for clause in clauses:
            ranges += C.subtree_range(clause)
        if lemma in OBJECT_AND_CLAUSE and obj is not None and any(c.dep_ == "xcomp" for c in clauses):
            ranges += C.subtree_range(obj)
        return C.merge(ranges)
    intent = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    if lemma in INTENT and intent is not None:
        return C.subtree_range(intent)
    if lemma == "call" and obj is not None:  # "called the plan a disaster"
        pred = next((c for c in cue.children if c.dep_ in ("oprd", "ccomp", "xcomp")), None)
        if pred is not None:
            return C.merge(C.subtree_range(obj) + C.subtree_range(pred))
    clause = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    on = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    if lemma in OBJECT_AND_CLAUSE and clause is not None and on is not None:  # "called on both sides to talk"
        target = next((c for c in on.children if c.dep_ == "pobj"), on)
        return C.merge(C.subtree_range(target) + C.subtree_range(clause))
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in PREP_CONTENT.get(lemma, ())):
        inner = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if inner is not None:  # "called for an end to the fighting and for talks": both
            more = [c for c in prep.children if c.dep_ == "conj" and c.lower_ == prep.lower_]
            if more:
                return C.ranges_of(list(cue.doc[inner.left_edge.i : more[-1].right_edge.i + 1]))
            return C.subtree_range(inner)
    modified = obj is not None and any(c.dep_ not in ("det", "predet", "punct") for c in obj.children)
    if lemma in OBJECT_CONTENT and obj is not None and obj.pos_ != "PRON" and lemma != "call" and (
            obj.n_lefts + obj.n_rights > 0) and (modified or lemma != "reject"):
        # "announced plans" alone reports nothing; "rejected the threat" is the act of rejecting (an event),
        # "rejected the claim that ..." reports what was said
        return C.subtree_range(obj)
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and passive.pos_ != "PRON" and any(c.dep_ == "agent" for c in cue.children):
        return C.subtree_range(passive)  # "The plan was announced by the ministry"
    head = cue.head
    before = cue.doc[cue.left_edge.i - 1] if cue.left_edge.i > 0 else None
    if cue.dep_ in ("parataxis", "ccomp", "advcl") and head.i < cue.i and before is not None and before.text in (",", "\u2014", "--"):
        skip = {t.i for t in cue.subtree}
        return C.subtree_range(head, skip)
    return []
