"""Match the dictionary's verb patterns against the parse: words after the verb in its own clause, and
prepositional phrases, in the pattern's order (PETRARCH matched them against the verb phrase in the same way)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from communique.extract.events.lexicon import FUNCTION_WORDS, Element, Lexicon, Pattern

# Dependents that open another clause: their words are not the verb's objects.
CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "conj", "relcl", "acl", "csubj", "cc", "punct", "mark", "appos"}
WINDOW = 12  # tokens after the verb that a pattern may reach
NAME_ENTITIES = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
DEPTH = 3  # levels below the verb: object, preposition, its object


def forms(tok: Token) -> tuple[str, str]:
    """The token's lower-case text and lemma."""
    return tok.lower_, tok.lemma_.lower()


def word_matches(word: str, tok: Token) -> bool:
    """A dictionary word matches a token's form or lemma; long words also match as stems ("cooperat")."""
    if tok.ent_type_ in NAME_ENTITIES:
        return False  # "held ... on March 3" is a date, not a march; "Hope" may be a name
    low, lem = forms(tok)
    if word == low or word == lem:
        return True
    return len(word) >= 5 and low.startswith(word) and len(low) - len(word) <= 4


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


def _run(words: tuple[frozenset[str], ...], toks: list[Token], start: int) -> Optional[int]:
    """Index after the first place at or after `start` where `words` match consecutive tokens."""
    n = len(words)
    for k in range(start, len(toks) - n + 1):
        if all(any(word_matches(w, toks[k + j]) for w in words[j]) for j in range(n)):
            return k + n
    return None


def _element(el: Element, toks: list[Token], start: int, verb_i: int) -> Optional[int]:
    """Index after the element's match in `toks` from `start`, or None (a bare preposition hangs on the verb)."""
    if not el.preps:
        return _run(el.words, toks, start)
    for k in range(start, len(toks)):
        tok = toks[k]
        if tok.lower_ not in el.preps or tok.dep_ not in ("prep", "agent", "dative", "prt", "aux", "advmod"):
            continue
        if not el.words:
            if tok.head.i == verb_i:
                return k + 1
            continue
        inside = [t for t in toks[k + 1:] if tok.left_edge.i <= t.i <= tok.right_edge.i]
        end = _run(el.words, inside, 0)
        if end is not None:
            return toks.index(inside[end - 1]) + 1
    return None


def _sequence(elements: tuple[Element, ...], toks: list[Token], verb_i: int) -> bool:
    """All elements match in order."""
    pos = 0
    for el in elements:
        end = _element(el, toks, pos, verb_i)
        if end is None:
            return False
        pos = end
    return True


def _possible(pattern: Pattern, words: set[str]) -> bool:
    """Cheap filter: the first word of each element occurs somewhere in the regions."""
    for el in pattern.before + pattern.after:
        if el.words and not any(w in words or len(w) >= 5 for w in el.words[0]):
            return False
        if el.preps and not (el.preps & words):
            return False
    return True


def pattern_words(pattern: Pattern, verb: Token) -> list[Token]:
    """The object words a matched pattern named ("held [talks]", "opened [fire]"), for the trigger's span."""
    wanted = [w for el in pattern.after for ws in el.words for w in ws if w not in FUNCTION_WORDS]
    return [t for t in region_after(verb) if t.pos_ == "NOUN" and t.dep_ != "compound"
            and any(word_matches(w, t) for w in wanted)][:1]


def best_pattern(lex: Lexicon, verb: Token, lemma: str) -> Optional[Pattern]:
    """The most specific pattern of the verb that matches its clause (its code may be None: not an event)."""
    patterns = lex.patterns.get(lemma)
    if not patterns:
        return None
    after, before = region_after(verb), region_before(verb)
    words = {f for t in after + before for f in forms(t)}
    for pattern in patterns:
        if not _possible(pattern, words):
            continue
        if _sequence(pattern.after, after, verb.i) and _sequence(pattern.before, before, verb.i):
            return pattern
    return None
