"""The role -> sector table built from the CAMEO agents dictionaries (communique/data/build_roles.py)."""

from pathlib import Path

import pytest

from communique.data import build_roles
from communique.sectors import generated_roles, is_role_word, sector_of

# A dictionary in the agents-file format, written for this test.
SAMPLE = """# a comment line
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON

HARBOUR!PERSON! [~BUS]
LIGHTHOUSE_KEEPER {LIGHTHOUSE_KEEPERS} [~GOVBUS]  # a trailing comment
TIDE_READER [~JRN]
FERRY_SURGEON [~MED]
STORM_SURGE [~JNK]
CHAPEL_WARDEN [~RELCHR]
"""


def test_entries_expand_sets_map_codes_and_drop_non_sectors():
    found = dict(build_roles.entries(SAMPLE.splitlines()))
    assert found == {
        "harbourman": ["BUS"], "harbourwoman": ["BUS"], "harbourperson": ["BUS"],
        "lighthouse keeper": ["GOV", "BUS"],
        "tide reader": ["MED"],  # a file writing JRN for the media ...
        "ferry surgeon": ["HLH"],  # ... writes MED for health
        "chapel warden": ["REL"],
    }


def test_without_jrn_med_is_the_media():
    found = dict(build_roles.entries(["COAST_HERALD [~MED]"]))
    assert found == {"coast herald": ["MED"]}


def test_the_first_dictionary_decides(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("GATEKEEPER [~GOV]\n", encoding="utf-8")
    second.write_text("GATEKEEPER [~BUS]\nBELL_RINGER [~REL]\n", encoding="utf-8")
    table = build_roles.build([first, second])
    assert table["roles"] == {"bell ringer": ["REL"], "gatekeeper": ["GOV"]}
    assert table["meta"]["sources"] == ["a.txt", "b.txt"]


def test_hand_kept_roles_win_over_the_generated_ones():
    assert generated_roles()["spokesman"] == "MED"  # Phoenix's reading of the word
    assert sector_of("spokesman") == "GOV"  # the hand-kept table's
    assert sector_of("security analyst") is None
    assert [is_role_word(w) for w in ("Ambassador", "Archbishop", "Senators", "Lisbon")] == [True, True, True, False]


@pytest.mark.skipif(not all(p.exists() for p in build_roles.SOURCES), reason="needs ../shared/data")
def test_the_build_reproduces_the_shipped_table(tmp_path, monkeypatch):
    out = tmp_path / "roles.json"
    monkeypatch.setattr(build_roles, "OUT", out)
    build_roles.main([])
    shipped = Path(build_roles.__file__).with_name("roles.json")
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
