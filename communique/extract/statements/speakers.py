"""Speaker mentions and who they refer to: names, surnames, pronouns and role descriptions."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token
from communique.extract import docutil
from communique.extract.statements.names import (
    FEMALE_WORDS, MALE_WORDS, acronyms, clean_name, is_title, name_gender, person_like, unlabelled_name,
)

PRONOUNS = {
    "he": "m", "him": "m", "she": "f", "her": "f",
    "they": "p", "them": "p", "we": "p", "it": "n", "i": "s",
}
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
CUT_DEPS = {"relcl", "acl", "advcl", "punct", "cc"}  # clauses hanging off a mention are not part of it


@dataclass
class Person:
    """A named person in the article, with what the article says about them."""

    name: str
    start: int
    gender: Optional[str] = None
    roles: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """A speaker mention and its resolution."""

    span: Span
    form: str  # name, pronoun, description
    name: Optional[str] = None
    gender: Optional[str] = None  # m, f, p (plural), n (neuter), None when unknown
    plural: bool = False


def mention_span(head: Token) -> Span:
    """The noun phrase of a speaker head: its subtree minus clauses hanging off it."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    after_comma = False
    for child in head.rights:
        if child.dep_ in CUT_DEPS and child.dep_ != "punct":
            break
        if child.dep_ == "punct":
            after_comma = after_comma or child.text == ","
            continue
        if child.dep_ == "prep" and after_comma:
            break  # "Trump, in a taped interview, said": an inserted phrase, not part of the name
        right = max(right, child.right_edge.i)
    for child in head.lefts:
        if child.dep_ in ("relcl", "advcl"):
            left = child.right_edge.i + 1
    while right > left and (doc[right].is_punct or doc[right].tag_ == "POS"):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    return doc[left : _closing(doc, head, left, right) + 1]


def _closing(doc: Doc, head: Token, left: int, right: int) -> int:
    """Where the mention ends once a bracket it opens is closed ("Jane Roe (R-Tenn.)", "(I-Vt.)" read with the
    abbreviation's period apart): the closing bracket, else `right`."""
    close = right + 1
    while close < len(doc) and doc[close].text == "." and close - right < 2:
        close += 1
    if close < len(doc) and doc[close].text == ")" and doc[close].head.i == head.i and any(
            doc[i].text == "(" for i in range(left, right)):
        return close
    return right


class ArticleIndex:
    """What the article establishes about people: full names, surnames, genders and roles."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.persons: list[Person] = []
        # Lookups by name, surname and near spelling: a long article names thousands of people, and a scan of
        # them for each mention made its time grow with the square of its length.
        self._by_name: dict[str, Person] = {}
        self._by_surname: dict[str, list[Person]] = {}
        self._by_spelling: dict[str, list[Person]] = {}  # a surname and each form with one letter dropped
        self._roles: Optional[dict[str, list[tuple[Person, list[str]]]]] = None  # by head noun, read on first use
        self._by_description: dict[tuple, tuple] = {}
        by_name = self._by_name
        for ent in docutil.ents(doc):
            if not ent[0].is_title or not (ent.label_ == "PERSON" or person_like(ent)):
                continue
            name = clean_name(ent)
            if not name:
                continue
            if name in by_name:
                person = by_name[name]
            elif len(name.split()) == 1 and (self._full_for(name) or self._misspelt(name)):
                # a bare surname of someone already known ("Lee, the envoy"), or a misspelling of it
                person = self._full_for(name) or self._misspelt(name)
            else:
                person = Person(name=name, start=ent.start_char)
                self._add(person)
            person.roles.extend(_roles_near(ent))
            person.gender = person.gender or _gender_evidence(ent)
        subjects = docutil.tokens_where(doc, "propn_subjects", {"DEP": ("nsubj", "nsubjpass").__contains__,
                                                               "POS": "PROPN".__eq__})
        for token in (doc[i] for i in subjects):  # unlabelled_name needs a proper-noun subject
            name = unlabelled_name(token)
            if name and name not in by_name and not self._full_for(name):
                self._add(Person(name=name, start=token.idx))
        self.persons.sort(key=lambda p: p.start)
        self._acronyms: Optional[dict[str, str]] = None  # read on first use: few articles need them
        for person in self.persons:
            if person.gender is None and len(person.name.split()) > 1:
                person.gender = name_gender(person.name.split()[0])

    def _add(self, person: Person) -> None:
        """A new person of the article, filed by name, surname and near spellings of a full name's surname."""
        self._by_name[person.name] = person
        self.persons.append(person)
        words = person.name.split()
        if not words:
            return
        self._by_surname.setdefault(words[-1], []).append(person)
        if len(words) > 1:
            for form in _spellings(words[-1]):
                self._by_spelling.setdefault(form, []).append(person)

    def _full_for(self, surname: str) -> Optional[Person]:
        """The person whose full name ends with `surname`, if exactly one does."""
        hits = [p for p in self._by_surname.get(surname, ()) if p.name != surname]
        return hits[0] if len(hits) == 1 else None

    def full_name(self, name: str) -> str:
        """Expand a bare surname to the full name given in the article, if any (also when the article
        misspells it once: "Pederson" for "Geir Pedersen")."""
        if len(name.split()) == 1:
            person = self._full_for(name) or self._misspelt(name)
            if person is not None:
                return person.name
        return name

    def _misspelt(self, surname: str) -> Optional[Person]:
        """The one person whose surname differs from `surname` by a single letter (both six letters or more)."""
        from rapidfuzz.distance import Levenshtein

        if len(surname) < 6 or not surname.istitle() or surname in self._by_name:
            return None
        near = {id(p): p for form in _spellings(surname) for p in self._by_spelling.get(form, ())}
        hits = {p.name: p for p in near.values() if Levenshtein.distance(p.name.split()[-1], surname) == 1}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def canonical(self, name: str) -> str:
        """An organisation's name as a reader files it: an acronym the article spells out ("ISPR" -> "Inter
        Services Public Relations"), a capital standing for its country ("Nairobi" -> "Kenya"), an
        international body's full name ("U.N." -> "United Nations")."""
        letters = name.replace(".", "")
        if letters.isupper() and letters.isalpha() and len(letters) > 1:
            if self._acronyms is None:
                self._acronyms = acronyms(self.doc)
            if letters in self._acronyms:
                return self._acronyms[letters]
        from communique.countries import lookup

        place = lookup(name)
        if place is not None and place.kind in ("capital", "igo"):
            return place.name
        return name

    def person(self, name: str) -> Optional[Person]:
        """The person record for a (full) name."""
        return self._by_name.get(name)

    def by_role(self, description: Span) -> Optional[Person]:
        """The named person whose stated role matches a description ("the fisheries minister")."""
        if is_indefinite(description):
            return None  # "a Western diplomat" introduces someone new
        words = [t.lower_ for t in description if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ != "poss"]
        words = [w for w in words if w not in ("country", "'s")]
        if not words:
            return None
        key = (description.root.lower_, tuple(words))
        if key not in self._by_description:
            self._by_description[key] = self._best_roles(*key)
        overlap, starts, people, rivals = self._by_description[key]
        if not people or rivals and overlap < len(words):
            return None
        return _nearest(starts, people, description.start_char)

    def _best_roles(self, head: str, words: tuple[str, ...]) -> tuple[int, list[int], list[Person], bool]:
        """For a description's head and words: the best overlap of words with a stated role of that head, the
        people holding such a role (by start), and whether they are more than one."""
        if self._roles is None:
            self._roles = {}
            for p in self.persons:
                for role in p.roles:
                    role_words = [w.removesuffix("'s").removesuffix("\u2019s") for w in role.lower().split()]
                    self._roles.setdefault(_role_head(role_words), []).append((p, role_words))
        modifiers = [w for w in words if w != head]
        best, people = -1, []
        for p, role_words in self._roles.get(head, ()):
            if modifiers and not any(w in role_words for w in modifiers):
                continue  # "the head of MSF" is not "head of the military media wing"
            overlap = sum(1 for w in words if w in role_words)
            if overlap > best:
                best, people = overlap, []
            if overlap == best:
                people.append(p)
        return best, [p.start for p in people], people, len({p.name for p in people}) > 1


def _spellings(word: str) -> list[str]:
    """A word and each form of it with one letter dropped: two words one edit apart share one of these."""
    return [word] + [word[:k] + word[k + 1 :] for k in range(len(word))]


def _nearest(starts: list[int], people: list[Person], char: int) -> Person:
    """The person (listed by start) whose start is nearest to `char`; on a tie the earlier, as the scan found."""
    k = bisect_left(starts, char)
    if k == len(starts):
        return people[bisect_left(starts, starts[-1])]
    if k == 0 or starts[k] - char < char - starts[k - 1]:
        return people[k]
    return people[bisect_left(starts, starts[k - 1])]


def _roles_near(ent: Span) -> list[str]:
    """Role phrases the sentence attaches to a person: titles before the name, appositives."""
    doc = ent.doc
    roles = []
    head = ent.root
    titles = [t for t in head.lefts if t.dep_ == "compound" and t.i < ent.start and t.pos_ in ("PROPN", "NOUN")]
    if titles:
        first = min(t.left_edge.i for t in titles)
        roles.append(doc[first : ent.start].text)
    for child in head.children:
        if child.dep_ == "appos":
            span = mention_span(child)
            if not any(t.ent_type_ == "PERSON" for t in span):
                roles.append(_strip_det(span.text))
    if head.dep_ == "appos":  # "Its spokesman, Lars Haugen": the role is the appositive's host
        host = head.head
        while host.pos_ == "PROPN" and host.dep_ == "pobj" and host.head.head.pos_ == "NOUN":
            host = host.head.head  # "the envoy to the United Nations, Ali Khan": the envoy, not the body
        own = {t.i for t in head.subtree}
        words = [t for t in host.subtree if t.i not in own and not t.is_punct and t.dep_ not in ("det", "poss", "relcl")]
        words = [t for t in words if t.i <= host.i or t.head.i == host.i and t.dep_ == "prep" or t.head.dep_ in ("prep", "pobj")]
        if words:
            roles.append(" ".join(t.text for t in words))
    return [r for r in roles if r]


def _gender_evidence(ent: Span) -> Optional[str]:
    """Gender from words next to the name (Mr., spokeswoman) in its sentence."""
    sent = ent.sent
    doc = ent.doc
    near = [doc[i].lower_ for i in range(max(sent.start, ent.start - 6), min(sent.end, ent.end + 7))
            if abs(i - ent.start) <= 6 or abs(i - ent.end) <= 6]
    if ent.start > 0:
        near.append(ent.doc[ent.start - 1].lower_)
    male = sum(w in MALE_WORDS for w in near if w not in ("his", "her"))
    female = sum(w in FEMALE_WORDS for w in near if w not in ("his", "her"))
    if male and not female:
        return "m"
    if female and not male:
        return "f"
    return None


def classify(span: Span, index: ArticleIndex) -> Mention:
    """Decide the mention's form and, for names, the full name it stands for."""
    root = span.root
    if len(span) == 1 and root.lower_ in PRONOUNS:
        g = PRONOUNS[root.lower_]
        return Mention(span, "pronoun", gender=g, plural=g == "p")
    plural = root.tag_ in ("NNS", "NNPS")
    if _place_name(span):  # "Lisbon said": the small model may read a person
        return Mention(span, "name", name=index.canonical(span.text), gender="n")
    person = next((e for e in docutil.ents_in(span) if e.label_ == "PERSON"), None)
    if person is not None and person.root.i == root.i or (person is not None and root.dep_ != "appos" and _is_titled(span, person)):
        name = index.full_name(clean_name(person))
        rec = index.person(name)
        return Mention(span, "name", name=name, gender=rec.gender if rec else None)
    appositive = person is not None and person.root.dep_ == "appos" and person.root.head.i == root.i
    if appositive and root.pos_ != "PROPN":  # "Its spokesman, Lars Haugen": the appositive names the speaker
        name = index.full_name(clean_name(person))
        rec = index.person(name)
        return Mention(span, "name", name=name, gender=rec.gender if rec else None)
    chain = _name_chain(root)
    if root.is_title and (root.pos_ == "PROPN" or root.pos_ == "NOUN" and not root.is_sent_start):
        known = index.person(index.full_name(chain)) or index.person(index.full_name(root.text))
        if known is not None:  # a surname the model took for an organisation or a common noun
            return Mention(span, "name", name=known.name, gender=known.gender)
    org = next((e for e in docutil.ents_in(span) if e.label_ in NAME_LABELS and e.root.i == root.i), None)
    if org is not None:
        return Mention(span, "name", name=index.canonical(_strip_det(org.text)), gender="n", plural=plural)
    if root.pos_ == "PROPN" and root.is_title:
        name = index.full_name(chain)
        rec = index.person(name)
        return Mention(span, "name", name=name, gender=rec.gender if rec else None)
    gender = "f" if root.lower_ in FEMALE_WORDS else "m" if root.lower_ in MALE_WORDS else None
    return Mention(span, "description", gender="p" if plural else gender, plural=plural)


def _place_name(span: Span) -> bool:
    """A one-word mention that can only be a country or its capital ("Lisbon", not "Jordan")."""
    from communique.countries import lookup
    from communique.extract.actors.describe import AMBIGUOUS

    if len(span) != 1 or span.root.lower_ in AMBIGUOUS or not span.root.is_title:
        return False
    place = lookup(span.text)
    return place is not None and place.kind in ("country", "capital")


def _name_chain(root: Token) -> str:
    """A proper noun with the capitalised proper nouns compounded to its left, without the role words that
    title it: 'Mr. Obama' -> 'Mr. Obama', 'Councillor Ines Roca' -> 'Ines Roca'."""
    first = root
    for t in reversed(list(root.lefts)):
        if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i == first.i - 1:
            first = t
        else:
            break
    while first.i < root.i and is_title(first):
        first = root.doc[first.i + 1]
    return root.doc[first.i : root.i + 1].text


def _is_titled(span: Span, person: Span) -> bool:
    """Whether the person's name is the head of the mention, after a title."""
    return person.root.head.i == span.root.i or span.root.i in range(person.start, person.end)


def _strip_det(text: str) -> str:
    """Text without a leading article."""
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


def describe_group(span: Span) -> str:
    """A readable label for an unnamed speaker ('two diplomats familiar with the talks')."""
    return _strip_det(span.text)


NAME_PARTICLES = frozenset("of for and the de da do dos das del la le van von bin al el ibn".split())


def is_description(name: str) -> bool:
    """Whether a name describes rather than names ('senior official', 'Brazilian diplomat'): it has
    a lower-case word that is no name particle. Descriptions are never merged across articles."""
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    if not words:
        return False
    return words[0][0].islower() or any(w[0].islower() and w.lower() not in NAME_PARTICLES for w in words[1:])


def is_indefinite(span: Span) -> bool:
    """A mention that introduces a new referent: 'a spokesman', 'two diplomats', 'another official'."""
    first = span[0]
    return first.lower_ in ("a", "an", "another", "one", "some", "several") or any(
        t.dep_ == "nummod" and t.head.i == span.root.i for t in span)


def _role_head(words: list[str]) -> str:
    """The head noun of a role: 'chairman of the association' -> chairman, 'fisheries minister' -> minister."""
    for k, w in enumerate(words):
        if w in ("of", "for", "at", "to", "in") and k > 0:
            return words[k - 1]
    return words[-1] if words else ""
