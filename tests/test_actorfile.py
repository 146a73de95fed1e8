"""The user's actor file: aliases, near-miss names, offices with validity dates, bad entries."""

from __future__ import annotations

from datetime import date

import pytest

from communique.actorfile import ActorFileError, load_actor_file
from communique.extract.actors.describe import ActorInfo, describe

YAML = """\
- name: Ingrid Solberg
  aliases: [Solberg, PM Solberg]
  country: NOR
  sector: GOV
  offices:
    - {title: Prime Minister, country: NOR, from: 2025-10-01, until: null}
- name: Erik Dahl
  aliases: [Dahl]
  offices:
    - {title: Prime Minister, country: NOR, from: 2021-10-14, until: 2025-09-30}
    - {title: Fisheries Minister, country: NOR, from: 2017-01-01, until: 2021-10-13}
- name: Katrin Eriksdóttir
  country: ISL
  offices:
    - {title: Fisheries Minister, country: ISL, from: 2024-01-01}
- name: Norwegian Fishermen's Association
  aliases: [Fiskarlaget]
  kind: organisation
  country: Norway
  sector: LAB
"""


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(YAML, encoding="utf-8")
    return load_actor_file(path)


def test_lookup_by_name_and_alias_case_insensitive(book):
    assert len(book) == 4 and book.warnings == []
    assert book.lookup("solberg", date(2026, 1, 5)) == ActorInfo(
        "Ingrid Solberg", "Prime Minister", "NOR", "GOV", "person")
    assert book.lookup("FISKARLAGET") == ActorInfo(
        "Norwegian Fishermen's Association", None, "NOR", "LAB", "organisation")


def test_lookup_near_miss_of_a_full_name(book):
    assert book.lookup("Katrin Eriksdottir").name == "Katrin Eriksdóttir"
    assert book.lookup("Ingrid Solbreg").name == "Ingrid Solberg"
    assert book.lookup("Ingrid Larsen") is None


def test_role_is_the_office_held_on_the_date(book):
    assert book.lookup("Dahl", date(2019, 6, 1)).role == "Fisheries Minister"
    assert book.lookup("Dahl", date(2023, 6, 1)).role == "Prime Minister"
    assert book.lookup("Dahl", date(2026, 6, 1)).role is None


def test_same_title_two_holders_two_dates(book):
    assert book.office_holder("Prime Minister", "NOR", date(2023, 3, 1)).name == "Erik Dahl"
    assert book.office_holder("prime minister", "NOR", date(2026, 3, 1)).name == "Ingrid Solberg"
    # The boundary days belong to each holder's own term.
    assert book.office_holder("Prime Minister", "NOR", date(2025, 9, 30)).name == "Erik Dahl"
    assert book.office_holder("Prime Minister", "NOR", date(2025, 10, 1)).name == "Ingrid Solberg"
    assert book.office_holder("Prime Minister", "NOR", date(2020, 1, 1)) is None


def test_office_holder_reads_the_country_from_the_title(book):
    assert book.office_holder("the Norwegian prime minister", on=date(2023, 3, 1)).name == "Erik Dahl"
    assert book.office_holder("Norway's prime minister", on=date(2026, 3, 1)).name == "Ingrid Solberg"
    assert book.office_holder("fisheries minister", "ISL", date(2025, 2, 1)).name == "Katrin Eriksdóttir"
    assert book.office_holder("fisheries minister", "NOR", date(2025, 2, 1)) is None


def test_describe_uses_the_book_over_inference(nlp_base, book):
    doc = nlp_base("The Norwegian prime minister said the quota would stand.")
    head = doc[3]
    assert head.text == "minister"
    assert describe(doc[3:4], book=book, on=date(2023, 3, 1)) == ActorInfo(
        "Erik Dahl", "prime minister", "NOR", "GOV", "person")
    assert describe(doc[3:4], book=book, on=date(2026, 3, 1)).name == "Ingrid Solberg"
    assert describe(doc[3:4]).name is None


def test_describe_bare_surname_takes_the_file_entry(nlp_base, book):
    doc = nlp_base("Solberg said the quota would stand.")
    assert describe(doc[0:1], book=book, on=date(2026, 3, 1)) == ActorInfo(
        "Ingrid Solberg", "Prime Minister", "NOR", "GOV", "person")


def test_csv_file(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,aliases,kind,country,sector,title,office_country,from,until\n"
        "Erik Dahl,Dahl;E. Dahl,person,NOR,GOV,Prime Minister,NOR,2021-10-14,2025-09-30\n"
        "Erik Dahl,,,,,Fisheries Minister,NOR,2017-01-01,2021-10-13\n"
        "Ingrid Solberg,Solberg,person,NOR,GOV,Prime Minister,NOR,2025-10-01,\n",
        encoding="utf-8")
    book = load_actor_file(path)
    assert len(book) == 2 and book.warnings == []
    assert book.lookup("E. Dahl", date(2018, 1, 1)).role == "Fisheries Minister"
    assert book.office_holder("Prime Minister", "NOR", date(2026, 1, 1)).name == "Ingrid Solberg"


def test_bad_entries_are_skipped_with_one_line_warnings(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "- name: Good Person\n  country: NOR\n"
        "- name: Nowhere Man\n  country: Narnia\n"
        "- aliases: [Nameless]\n"
        "- name: Time Traveller\n  offices:\n    - {title: Mayor, from: 2024-05-01, until: 2020-01-01}\n"
        "- name: Odd Date\n  offices:\n    - {title: Mayor, from: last spring}\n"
        "- name: Wrong Sector\n  sector: ZZZ\n"
        "- just a string\n",
        encoding="utf-8")
    book = load_actor_file(path)
    assert [e.name for e in book.entries] == ["Good Person"]
    assert book.warnings == [
        f"{path}: entry 2 (Nowhere Man): unknown country 'Narnia' (use ISO 3166 alpha-3, e.g. NOR, or an IGO code); skipped",
        f"{path}: entry 3: missing 'name'; skipped",
        f"{path}: entry 4 (Time Traveller): office 'Mayor' ends (2020-01-01) before it starts (2024-05-01); skipped",
        f"{path}: entry 5 (Odd Date): 'from' 'last spring' is not a date (YYYY-MM-DD); skipped",
        f"{path}: entry 6 (Wrong Sector): unknown sector 'ZZZ'; skipped",
        f"{path}: entry 7: not a mapping with a name; skipped",
    ]
    assert all("\n" not in w for w in book.warnings)


def test_unreadable_files_raise_one_line_errors(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("- name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match=r"broken\.yaml: not valid YAML at line \d+$"):
        load_actor_file(broken)
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("just words\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match=r"scalar\.yaml: expected a list of actors"):
        load_actor_file(scalar)
    with pytest.raises(ActorFileError, match=r"missing\.yaml: cannot read actor file"):
        load_actor_file(tmp_path / "missing.yaml")
