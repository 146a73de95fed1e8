"""`communique actors import` (Wikidata SPARQL JSON, actor files) and `communique actors stats`."""

import json
from datetime import date

from click.testing import CliRunner

from communique.cli import main
from communique.extract.actors import kb
from communique.extract.actors.kbimport import read_wikidata

SPARQL = {
    "head": {"vars": ["person", "personLabel", "positionLabel", "start", "end", "countryCode"]},
    "results": {"bindings": [
        {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900001"},
         "personLabel": {"type": "literal", "value": "Talia Brennholt"},
         "positionLabel": {"type": "literal", "value": "Minister of Foreign Affairs"},
         "start": {"type": "literal", "value": "2024-02-01T00:00:00Z"},
         "countryCode": {"type": "literal", "value": "ISL"}},
        {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900001"},
         "personLabel": {"type": "literal", "value": "Talia Brennholt"},
         "positionLabel": {"type": "literal", "value": "member of the Althing"},
         "start": {"type": "literal", "value": "2016-10-29T00:00:00Z"},
         "end": {"type": "literal", "value": "2024-01-31T00:00:00Z"},
         "countryCode": {"type": "literal", "value": "ISL"}},
        {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900002"},
         "personLabel": {"type": "literal", "value": "Q900002"},
         "positionLabel": {"type": "literal", "value": "mayor"},
         "start": {"type": "literal", "value": "2020-01-01T00:00:00Z"},
         "countryCode": {"type": "literal", "value": "ISL"}},
    ]},
}


def test_wikidata_rows_become_dated_offices():
    got = read_wikidata(SPARQL)
    assert got.skipped == 1  # a person without an English label
    (actor,) = got.actors
    assert (actor.name, actor.country, actor.id) == ("Talia Brennholt", "ISL", "talia-brennholt@ISL")
    assert [(o.title, o.sector, o.start, o.until) for o in actor.offices] == [
        ("member of the Althing", "GOV", date(2016, 10, 29), date(2024, 1, 31)),
        ("Minister of Foreign Affairs", "GOV", date(2024, 2, 1), None)]


def test_import_merges_into_an_extra_file_that_resolution_uses(tmp_path):
    export = tmp_path / "query.json"
    export.write_text(json.dumps(SPARQL), encoding="utf-8")
    actors = tmp_path / "mine.yaml"
    actors.write_text("- name: Odd Saelen\n  country: NOR\n  offices:\n"
                      "    - {title: Fisheries Minister, from: 2025-01-01}\n", encoding="utf-8")
    into = tmp_path / "extra.json"
    runner = CliRunner()
    first = runner.invoke(main, ["actors", "import", str(export), "--into", str(into)])
    assert first.exit_code == 0, first.output
    assert "1 actors read" in first.output and "holds 1" in first.output
    second = runner.invoke(main, ["actors", "import", str(actors), "--into", str(into)])
    assert second.exit_code == 0 and "holds 2" in second.output
    merged = kb.load(str(into))
    match = merged.resolve("Talia Brennholt", date(2025, 5, 1))
    assert (match.role, match.country, match.sector) == ("Minister of Foreign Affairs", "ISL", "GOV")
    assert merged.resolve("Odd Saelen", date(2025, 5, 1)).role == "Fisheries Minister"
    assert merged.resolve("Vladimir Putin", date(2025, 5, 1)).country == "RUS"  # the shipped base is still there


def test_import_of_a_bad_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    res = CliRunner().invoke(main, ["actors", "import", str(bad), "--into", str(tmp_path / "x.json")])
    assert res.exit_code == 1 and "broken.json: cannot import" in res.output
    assert not (tmp_path / "x.json").exists()


def test_stats_prints_coverage_with_the_snapshot():
    res = CliRunner().invoke(main, ["actors", "stats", "--on", "2025-06-01"])
    assert res.exit_code == 0
    lines = dict(line.split(": ", 1) for line in res.output.splitlines() if ": " in line)
    assert lines["factbook snapshot"] == "2026-01-17"
    assert int(lines["countries with office holder"]) >= 180
    assert res.output.rstrip().endswith("(office holders counted on 2025-06-01)")
