"""What "it" and "its" may stand for (actors/referents.py), with the real spaCy model."""

from __future__ import annotations

import pytest

from communique.extract.actors.referents import neuter


@pytest.mark.parametrize("text, word, expected", [
    ("Kenya closed the border.", "Kenya", True),
    ("The neighbouring state closed the border.", "state", True),
    ("The rebel group closed the road.", "group", True),
    ("NATO sent a mission.", "NATO", True),
    ("The Kremlin denied the report.", "Kremlin", True),
    ("Maria Lopez closed the border.", "Lopez", False),
    ("The foreign minister closed the border.", "minister", False),
    ("Kenyan officials closed the border.", "officials", False),
    ("Kenya and Uganda closed the border.", "Kenya", False),
])
def test_only_one_state_or_body_is_it(nlp_base, text, word, expected):
    doc = nlp_base(text)
    tok = next(t for t in doc if t.text == word)
    assert neuter(tok) is expected
