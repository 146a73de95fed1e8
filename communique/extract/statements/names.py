"""What counts as a person's or a body's name in an article: names the small model mislabels, titles it
takes into a name, first-name genders, and acronyms the article spells out."""

from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Doc, Span, Token

from communique.extract import docutil

MALE_WORDS = frozenset("mr mr. spokesman chairman congressman businessman king prince sir his himself".split())
FEMALE_WORDS = frozenset(
    "ms ms. mrs mrs. spokeswoman chairwoman congresswoman businesswoman queen princess lady madam dame her herself".split()
)


@functools.lru_cache(maxsize=1)
def _gender_detector():
    """The first-name gender table (gender-guesser), loaded once."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def name_gender(first_name: str) -> Optional[str]:
    """'m', 'f' or None for a first name."""
    g = _gender_detector().get_gender(first_name)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


def sure_gender(first_name: str) -> Optional[str]:
    """'m' or 'f' for a first name the table gives to one gender only ("Ted", not "Bernie" or "Charlie")."""
    return {"male": "m", "female": "f"}.get(_gender_detector().get_gender(first_name))


CONNECTORS = frozenset("of for and the on de".split())


def acronyms(doc: Doc) -> dict[str, str]:
    """Acronyms the article spells out: "Doctors Without Borders (MSF)", or the initials of a run of capitalised
    words it uses elsewhere ("Inter Services Public Relations" for ISPR)."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for t in doc:
        if t.is_title and t.is_alpha or (run and t.lower_ in CONNECTORS):
            run.append(t)
            continue
        while run and run[-1].lower_ in CONNECTORS:
            run.pop()
        if sum(w.is_title for w in run) >= 2:
            runs.append(run)
        run = []
    found: dict[str, str] = {}
    for run in runs:
        words = [w for w in run if w.is_title and w.lower_ not in CONNECTORS]
        initials = "".join(w.text[0] for w in words).upper()
        text = doc[run[0].i : run[-1].i + 1].text
        for start in range(len(words) - 1):  # "the military's media wing Inter Services Public Relations"
            found.setdefault("".join(w.text[0] for w in words[start:]).upper(), text if start == 0 else
                             doc[words[start].i : run[-1].i + 1].text)
        found.setdefault(initials, text)
    for t in doc[1:-1]:  # "Doctors Without Borders (MSF)": the one before the brackets, whatever its initials
        if doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")" and t.text.isupper() and t.is_alpha:
            prev = next((r for r in runs if r[-1].i == t.i - 2), None)
            if prev is not None:
                found[t.text] = doc[prev[0].i : prev[-1].i + 1].text
    return found


NOT_NAMES = ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW", "LANGUAGE", "EVENT")


def person_like(ent: Span) -> bool:
    """An entity the small model mislabelled ('Marta Diaz' as ORG, 'Ivan Sorokin' as a work of art): two or three
    capitalised proper nouns that are no place, starting with a known first name, or right after a title
    ("spokesperson Anil Rao"), or known to the knowledge base as a person."""
    if ent.label_ in NOT_NAMES or not 2 <= len(ent) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    from communique.countries import lookup

    if lookup(ent.text) is not None:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if name_gender(ent[0].text) is not None or (before is not None and is_title(before) or
                                                before is not None and before.lower_ in _TITLE_NOUNS):
        return True
    match = docutil.knowledge_base(ent.doc).resolve(ent.text, ent.doc._.published)
    return match is not None and match.kind == "person"


_TITLE_NOUNS = frozenset("spokesman spokeswoman spokesperson envoy ambassador minister secretary official".split())


ODD_LABELS = ("", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW")  # labels the small model gives names it does not know


def unlabelled_name(token: Token) -> Optional[str]:
    """A subject name the entity recogniser missed: two or more capitalised proper nouns."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.ent_type_ not in ODD_LABELS:
        return None
    parts = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title
             and t.ent_type_ in ODD_LABELS]
    if not parts or not token.is_title or any(t.lower_ in MALE_WORDS | FEMALE_WORDS for t in parts):
        return None
    while parts and is_title(parts[0]):
        parts = parts[1:]  # "Councillor Ines Roca": the name without its title
    if not parts:
        return None
    return token.doc[parts[0].i : token.i + 1].text


def clean_name(ent: Span) -> str:
    """A person entity's name without possessive endings or titles the model swallowed."""
    tokens = [t for t in ent if t.tag_ != "POS" and t.text not in ("'s", "’s")]
    while len(tokens) > 1 and (tokens[0].lower_ in MALE_WORDS | FEMALE_WORDS or is_title(tokens[0])):
        tokens = tokens[1:]
    if not tokens:
        return ""
    return ent.doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def is_title(token: Token) -> bool:
    """A capitalised role word the model took into a name ("Councillor Amos Reed")."""
    from communique.sectors import is_role_word

    return token.is_title and token.pos_ in ("PROPN", "NOUN") and is_role_word(token.text)
