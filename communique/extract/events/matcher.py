"""Match the dictionary's verb patterns against the parse: words after the verb in its own clause, and
prepositional phrases, in the pattern's order (PETRARCH matched them against the verb phrase in the same way).

Speed: a verb's patterns are indexed by a word each must contain (`PatternIndex`), so only patterns whose key
word occurs in the clause are tried, and each token's forms are read once per clause (`View`). Synonym-set members
of several tokens ("tear gas", "cease-fire") match consecutive tokens of the parse; they cost nothing to patterns
without them.

A pattern word does not end its match on a compound modifier of an event noun: in "carried out chemical weapons
attacks" or "sent drone strikes" the object is the attack, and "weapons" or "drone" only says what kind it was, so
"CARRY * &WEAPON" and "SEND * &AIRCRAFT" (military aid) must not fire. A modifier of another noun still names the
object ("sent aid convoys", "suspended aid deliveries"); barring every compound modifier lost them (PLOVER-GSR
and NGEC ledes two sentences each)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from communique.extract.events.lexicon import FUNCTION_WORDS, Element, Lexicon, Pattern, word_tokens

# Dependents that open another clause: their words are not the verb's objects.
CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "conj", "relcl", "acl", "csubj", "cc", "punct", "mark", "appos"}
WINDOW = 12  # tokens after the verb that a pattern may reach
NAME_ENTITIES = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
DEPTH = 3  # levels below the verb: object, preposition, its object
STEM = 5  # dictionary words this long also match as stems ("cooperat" matches "cooperation")
STEM_SLACK = 4  # letters a stem may leave over
HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}


@dataclass(frozen=True)
class View:
    """What the matcher reads of one token: its forms (empty inside a name or a date) and tree links."""

    i: int
    low: str
    lem: str
    dep: str
    head: int
    left: int
    right: int
    next: int  # the next word's index: a hyphen between is skipped ("cease - fire")
    modifier: bool = False  # a compound modifier of an event noun ("weapons" in "weapons attacks")

    @staticmethod
    def of(tok: Token, events: frozenset[str] = frozenset()) -> "View":
        """The view of a token; `events` are the event nouns whose compound modifiers only classify them."""
        named = tok.ent_type_ in NAME_ENTITIES  # "held ... on March 3" is a date, not a march
        nxt = tok.i + 1
        if not tok.whitespace_ and nxt + 1 < len(tok.doc) and tok.doc[nxt].text in HYPHENS:
            nxt += 1
        modifier = tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.lemma_.lower() in events
        return View(tok.i, "" if named else tok.lower_, "" if named else tok.lemma_.lower(), tok.dep_,
                    tok.head.i, tok.left_edge.i, tok.right_edge.i, nxt, modifier)


def word_matches(word: str, view: View) -> bool:
    """A dictionary word matches a token's form or lemma; long words also match as stems ("cooperat")."""
    if word == view.low or word == view.lem:
        return bool(word)
    return len(word) >= STEM and view.low.startswith(word) and len(view.low) - len(word) <= STEM_SLACK


def region_after(verb: Token) -> list[Token]:
    """Tokens after the verb in its own clause (objects, particles, prepositional phrases, to-complements)."""
    out: list[Token] = []
    stack = [(c, 1) for c in verb.children if c.i > verb.i and c.dep_ not in CLAUSE_DEPS]
    while stack:
        tok, depth = stack.pop()
        if tok.i - verb.i > WINDOW:
            continue
        out.append(tok)
        if depth < DEPTH:
            stack.extend((c, depth + 1) for c in tok.children
                         if c.dep_ not in CLAUSE_DEPS or c.dep_ == "conj" and tok.pos_ == "NOUN")
    return sorted(out, key=lambda t: t.i)


def region_before(verb: Token) -> list[Token]:
    """The words of the verb's subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return sorted((t for s in subjects for t in s.subtree), key=lambda t: t.i)


def _run(el: Element, views: list[View], start: int) -> Optional[int]:
    """Index after the first place at or after `start` where the element's words match consecutive tokens."""
    words = el.words
    n = len(words)
    if el.runs:
        for k in range(start, len(views)):
            end = _slots_from(el, views, k, 0)
            if end is not None:
                return end
        return None
    for k in range(start, len(views) - n + 1):
        if views[k + n - 1].modifier:
            continue
        if all(any(word_matches(w, views[k + j]) for w in words[j]) for j in range(n)):
            return k + n
    return None


def _slots_from(el: Element, views: list[View], k: int, j: int) -> Optional[int]:
    """Index after slots j.. of the element matched from views[k]: each slot one token, or one member of several
    tokens in a row ("armed forces"); a shorter member is tried first, then a longer one."""
    if j == len(el.words):
        return None if views[k - 1].modifier else k
    if k >= len(views):
        return None
    if any(word_matches(w, views[k]) for w in el.words[j]):
        end = _slots_from(el, views, k + 1, j + 1)
        if end is not None:
            return end
    for run in el.runs[j]:
        after = _tokens_in_row(run, views, k)
        if after is not None:
            end = _slots_from(el, views, after, j + 1)
            if end is not None:
                return end
    return None


def _tokens_in_row(run: tuple[str, ...], views: list[View], k: int) -> Optional[int]:
    """Index after `run` matched by views[k], views[k+1]... that follow each other in the text."""
    if k + len(run) > len(views):
        return None
    for j, word in enumerate(run):
        view = views[k + j]
        if j and view.i != views[k + j - 1].next or not word_matches(word, view):
            return None
    return k + len(run)


def _element(el: Element, views: list[View], start: int, verb_i: int) -> Optional[int]:
    """Index after the element's match in `views` from `start`, or None (a bare preposition hangs on the verb)."""
    if not el.preps:
        return _run(el, views, start)
    for k in range(start, len(views)):
        view = views[k]
        if view.low not in el.preps or view.dep not in ("prep", "agent", "dative", "prt", "aux", "advmod"):
            continue
        if not el.words:
            if view.head == verb_i:
                return k + 1
            continue
        inside = [v for v in views[k + 1:] if view.left <= v.i <= view.right]
        end = _run(el, inside, 0)
        if end is not None:
            return views.index(inside[end - 1]) + 1
    return None


def _sequence(elements: tuple[Element, ...], views: list[View], verb_i: int) -> bool:
    """All elements match in order."""
    pos = 0
    for el in elements:
        end = _element(el, views, pos, verb_i)
        if end is None:
            return False
        pos = end
    return True


class PatternIndex:
    """A verb's patterns by a content word each must contain, so a clause tries only those it could match."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.exact: dict[str, list[int]] = {}
        self.stems: dict[str, list[int]] = {}
        for n, pattern in enumerate(patterns):
            for word in _key_words(pattern):
                table = self.stems if len(word) >= STEM else self.exact
                table.setdefault(word, []).append(n)

    def candidates(self, views: list[View]) -> list[Pattern]:
        """Patterns whose key word occurs in the clause, most specific first."""
        found: set[int] = set()
        for view in views:
            for form in {view.low, view.lem}:
                found.update(self.exact.get(form, ()))
                found.update(self.stems.get(form, ()))
                for cut in range(STEM, len(form)):
                    if len(form) - cut <= STEM_SLACK:
                        found.update(self.stems.get(form[:cut], ()))
        return [self.patterns[n] for n in sorted(found)]


def _key_words(pattern: Pattern) -> frozenset[str]:
    """The words of a pattern's first content word slot (the first token of a member of several): one of them
    must be in the clause."""
    for el in pattern.before + pattern.after:
        for slot in el.words:
            if not slot <= FUNCTION_WORDS:
                return frozenset(word_tokens(w)[0] for w in slot if word_tokens(w))
    return frozenset()


def pattern_words(pattern: Pattern, verb: Token) -> list[Token]:
    """The object words a matched pattern named ("held [talks]", "opened [fire]"), for the trigger's span."""
    wanted = [t for el in pattern.after for ws in el.words for w in ws for t in word_tokens(w)
              if t not in FUNCTION_WORDS]
    return [t for t in region_after(verb) if t.pos_ == "NOUN" and t.dep_ != "compound"
            and any(word_matches(w, View.of(t)) for w in wanted)][:1]


def best_pattern(lex: Lexicon, verb: Token, lemma: str) -> Optional[Pattern]:
    """The most specific pattern of the verb that matches its clause (its code may be None: not an event)."""
    index = lex.pattern_index(lemma)
    if index is None:
        return None
    events = lex.indexes.setdefault("_nouns", frozenset(lex.nouns))
    after = [View.of(t, events) for t in region_after(verb)]
    before = [View.of(t, events) for t in region_before(verb)]
    for pattern in index.candidates(after + before):
        if _sequence(pattern.after, after, verb.i) and _sequence(pattern.before, before, verb.i):
            return pattern
    return None
