"""The generated trigger tables: the build script on a small dictionary of our own, and the shipped tables."""

from __future__ import annotations

import json

import pytest

from communique.extract.events import lexicon
from communique.extract.events.data import build_lexicon

CAMEO = """# a tiny verb dictionary in PETRARCH2's format, written for this test
&TROOP
+TROOPS
+SOLDIERS

---  PARLEY   [040]  ---
PARLEY  # xx 01 Jan 2020
CONFAB
+PARLEY_WITH {+PARLEYED_WITH}
- * &TROOP                                            [154]         # PARLEY
- * SNACKS                                            [---]         # PARLEY
- * (TO)                                              [042]         # PARLEY
- * CRITICISM                                         [:111]        # PARLEY

---  BESEECH   [---]  ---
BESEECH
- * MERCY                                             [025]         # IMPLORE
- * PARDON                                            [0255]        # IMPLORE
- * CLEMENCY                                          [025]         # IMPLORE
"""
MAPPING = """# a CAMEO-to-PLOVER table in the 2021 layout
04: CONSULT
040: CONSULT, ,  # Consult
042: CONSULT, visit,   # Make a visit
105: REQUEST, change, legal # Demand that target yields
11: ACCUSE
111: ACCUSE, disapprove,    # Criticize or denounce
154: MOBILIZE, troops, military # Mobilize armed forces
"""


@pytest.fixture
def built(tmp_path, monkeypatch):
    """The build script run on the tiny dictionary and table; returns the two generated files."""
    shared = tmp_path / "shared"
    (shared / "petrarch2").mkdir(parents=True)
    (shared / "plover").mkdir()
    (shared / "petrarch2" / "CAMEO.2.0.txt").write_text(CAMEO, encoding="utf-8")
    (shared / "plover" / "CAMEO2PLOVER-2021.txt").write_text(MAPPING, encoding="utf-8")
    monkeypatch.setattr(build_lexicon, "zipf", lambda word: {"confabed": 2.0}.get(word, 5.0))
    out = tmp_path / "out"
    assert build_lexicon.main(["--shared", str(shared), "--out", str(out)]) == 0
    return (json.loads((out / "cameo_verbs.json").read_text(encoding="utf-8")),
            json.loads((out / "cameo2plover.json").read_text(encoding="utf-8")))


def test_build_records_each_entry_and_its_line(built):
    cameo, mapping = built
    assert [(v["lemma"], v["code"], v["line"], v["curated"]) for v in cameo["verbs"]] == [
        ("parley", "040", 7, True), ("confab", "040", 8, False), ("beseech", "---", 16, True)]
    assert cameo["verbs"][1]["zipf"] == 2.0
    assert cameo["phrasal"] == [{"lemma": "parley", "rest": ["with"], "block": "PARLEY", "code": "040",
                                 "line": 9}]
    assert [(p["after"], p["code"], p["line"], p["source"]) for p in cameo["patterns"][:2]] == [
        ([{"word": "&TROOP"}], "154", 10, "parley"), ([{"word": "snacks"}], "---", 11, "parley")]
    assert cameo["synsets"] == {"TROOP": ["troops", "soldiers"]}
    # IMPLORE is cited by three patterns of one root (02) but listed nowhere: it joins as a cited verb
    assert cameo["cited_verbs"] == [{"lemma": "implore", "code": "020", "block": None, "line": None,
                                     "cited_by_patterns": 3}]
    assert "MIT License" in cameo["notice"] and "Attribution-ShareAlike 4.0" in mapping["notice"]
    assert mapping["codes"]["042"] == {"type": "CONSULT", "mode": "visit", "contexts": [], "label": "Make a visit"}


def test_mapping_follows_the_table_and_the_written_conventions():
    table = {"105": {"type": "REQUEST", "mode": "change", "contexts": ["legal"]},
             "111": {"type": "ACCUSE", "mode": "disapprove", "contexts": []},
             "163": {"type": "COERCE", "mode": "restrict", "contexts": ["diplomatic"]}}
    conv = {"roots": {"01": {"type": None}, "02": {"like": "10"}},
            "codes": {"163": {"type": "SANCTION", "mode": None}}}
    mapper = lexicon.Mapper(table, conv)
    appeal = mapper.plover("025", "x")  # an appeal reads as a demand
    assert (appeal.etype, appeal.mode, appeal.contexts, appeal.cameo) == ("REQUEST", "change", ("legal",), "025")
    sanction = mapper.plover("163", "x")  # the guide: sanctions are SANCTION
    assert (sanction.etype, sanction.mode) == ("SANCTION", None)
    assert mapper.plover(":111", "x").reverse is True  # "faced criticism": the subject is the recipient
    assert mapper.plover("---", "x") is None and mapper.plover("012", "x") is None


def test_shipped_tables_trace_every_trigger_to_its_origin():
    lex = lexicon.load()
    assert lex.verbs["condemn"].source.startswith("CAMEO.2.0.txt:") and lex.verbs["condemn"].etype == "ACCUSE"
    assert lex.verbs["negotiate"].source == "conventions.yaml retype: negotiate"
    assert lex.verbs["urge"].source == "CAMEO.2.0.txt patterns citing the verb"
    assert "say" not in lex.verbs and "think" in lex.not_events
    assert "take" in lex.pattern_only  # listed: an everyday verb codes only through a pattern
    assert "recognize" in lex.pattern_only and "shell" not in lex.pattern_only  # WordNet synonyms, by frequency
    assert lex.nouns["airstrike"].etype == "ASSAULT" and lex.compounds[("trade", "war")].etype == "SANCTION"
    # a phrasal verb has its own block's patterns: "carry out" those of PERPETUATE ("- * ATTACK", line 2602), not
    # those of "carry" (SEND)
    attack = next(p.code for p in lex.patterns["carry out"] if p.code and p.code.source == "CAMEO.2.0.txt:2602")
    assert attack.etype == "ASSAULT"
    assert not any(p.code.source == "CAMEO.2.0.txt:2602" for p in lex.patterns["carry"] if p.code)
    sources = {code.source.split(":")[0].split(" ")[0] for code in list(lex.verbs.values()) + list(lex.nouns.values())}
    assert sources <= {"CAMEO.2.0.txt", "conventions.yaml"}


def test_shipped_tables_are_what_the_build_script_makes():
    from tests.conftest import SHARED

    if not (SHARED / "data" / "petrarch2" / "CAMEO.2.0.txt").exists():
        pytest.skip("../shared/data is absent (a user's own clone)")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        assert build_lexicon.main(["--shared", str(SHARED / "data"), "--out", tmp]) == 0
        for name in ("cameo_verbs.json", "cameo2plover.json"):
            assert (Path(tmp) / name).read_text(encoding="utf-8") == (lexicon.DATA / name).read_text(encoding="utf-8")


def test_every_synonym_set_the_dictionary_defines_is_matched_by_its_members():
    lex = lexicon.load()
    unresolved = {w.split("&", 1)[1].lower() for plist in lex.patterns.values() for p in plist
                  for e in p.before + p.after for words in e.words for w in words if w.startswith("\x00missing")}
    cameo = json.loads((lexicon.DATA / "cameo_verbs.json").read_text(encoding="utf-8"))
    defined = {name.lower() for name in cameo["synsets"]}
    assert unresolved and not unresolved & defined  # only sets the file never defines ("&FIGHT_GAMES") stay


def test_set_members_of_several_words_become_runs_of_tokens():
    # spaCy splits at spaces and at a hyphen before a letter, not inside "f-16"
    assert lexicon.word_tokens("tear gas") == ("tear", "gas")
    assert lexicon.word_tokens("cease-fire") == ("cease", "fire")
    assert lexicon.word_tokens("f-16") == ("f-16",)
    element = lexicon.Element((frozenset({"troops", "armed forces"}), frozenset({"abroad"})))
    assert element.runs == ((("armed", "forces"),), ())
    assert lexicon.Element((frozenset({"troops"}),)).runs == ()  # nothing to split: the fast path
