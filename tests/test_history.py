"""The speakers an article has had so far (statements/history.py): the latest one of each kind, as a walk back finds."""

from __future__ import annotations

import random

from communique.extract.statements.history import History, Known
from communique.records import Speaker


def _known(name, gender=None, plural=False, via=None, person=False, body=False) -> Known:
    return Known(Speaker(name or "", 0, 1, name=name), gender, plural, via, person, body)


def test_latest_answers_each_question_with_the_most_recent_speaker():
    h = History()
    ana, ministry, they, voss = (_known("Ana Ruiz", "f", person=True), _known("the ministry", "n", body=True),
                                 _known("officials", "p", plural=True), _known("Lena Voss", None, person=True))
    for k in (ana, ministry, they, voss):
        h.append(k)
    assert h.latest(("gender", "f"), ("unknown person",)) is voss  # a she may be the person of unknown gender
    assert h.latest(("gender", "f")) is ana
    assert h.latest(("plural or neuter",)) is they
    assert h.latest(("neuter",)) is ministry
    assert h.latest(("body",)) is ministry
    assert h.latest(("name", "Ana Ruiz")) is ana
    assert h.latest(("word", "ministry"), ("word", "voss")) is voss
    assert h.latest(("via", "statement")) is None
    assert len(h) == 4 and h[-1] is voss and list(reversed(h)) == [voss, they, ministry, ana]


def test_latest_agrees_with_a_walk_back_through_the_history():
    rng = random.Random(9)
    h, items = History(), []
    for _ in range(500):
        k = _known(rng.choice(["Ana Ruiz", "Lena Voss", "the ministry", "officials", "Voss"]),
                   rng.choice(["m", "f", "n", "p", None]), rng.random() < 0.3, rng.choice([None, "statement"]),
                   rng.random() < 0.5, rng.random() < 0.3)
        h.append(k)
        items.append(k)
        walk = lambda test: next((x for x in reversed(items) if test(x)), None)  # noqa: E731
        assert h.latest(("plural or neuter",)) is walk(lambda x: x.plural or x.gender == "n")
        assert h.latest(("neuter",)) is walk(lambda x: x.gender == "n" and not x.plural)
        assert h.latest(("gender", "m"), ("unknown person",)) is walk(
            lambda x: x.gender == "m" or x.gender is None and x.person and not x.plural)
        assert h.latest(("body",)) is walk(lambda x: x.body and x.gender not in ("m", "f"))
        assert h.latest(("unknown single",)) is walk(lambda x: x.gender is None and not x.plural)
        assert h.latest(("via", "statement")) is walk(lambda x: x.via == "statement")
        assert h.latest(("word", "voss"), ("word", "ruiz")) is walk(
            lambda x: x.speaker.name.lower().split()[-1] in ("voss", "ruiz"))
