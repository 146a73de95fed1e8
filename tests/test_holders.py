"""Role holders (statements/holders.py): the people a role description may stand for, looked up as a scan would."""

from __future__ import annotations

from pathlib import Path

from communique.extract import docutil
from communique.extract.statements.holders import RoleHolders
from communique.extract.statements.names import NOT_NAMES
from communique.extract.statements.speakers import ArticleIndex

ROOT = Path(__file__).resolve().parents[1]


def test_the_sentences_naming_each_person_are_those_a_scan_of_every_entity_finds(nlp):
    from communique.pieces import analyse

    text = "\n\n".join((ROOT / "samples" / name).read_text(encoding="utf-8")
                       for name in ("border-troops.txt", "nile-dam-talks.txt"))
    doc = next(analyse(nlp, [(text, "two", None)]))
    index = ArticleIndex(doc)
    holders = RoleHolders(doc, index)
    named = [p for p in index.persons if len(p.name.split()) > 1]
    assert len(named) >= 8
    for person in named:
        surname = person.name.split()[-1]
        scan = [holders._sentence(e.start_char) for e in docutil.ents(doc) if e.label_ not in NOT_NAMES and (
            person.name in e.text or e.text.split()[-1].removesuffix("'s") == surname)]
        assert holders._sentences_naming(person) == (scan or [holders._sentence(person.start)])
        ent = next((e for e in docutil.ents(doc) if e.start_char == person.start), None)
        token = next((t for t in doc if t.idx == person.start), None)
        want = ent if ent is not None else doc[token.i : token.i + 1] if token is not None else None
        assert holders._mention_at(person.start) == want
