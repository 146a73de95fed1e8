"""The dated actor knowledge base: office holders on article dates, and the build script."""

from datetime import date
from pathlib import Path

import pytest

from communique.extract.actors import kb
from communique.extract.actors.data import build_kb

# (name as an article gives it, article date, country, sector): heads of state and government, foreign
# ministers, spokespeople and IGO heads, in and out of office.
HOLDERS = [
    ("Donald Trump", "2019-06-01", "USA", "GOV"),
    ("Donald Trump", "2025-03-10", "USA", "GOV"),
    ("Trump", "2025-03-10", "USA", "GOV"),
    ("Joe Biden", "2022-02-01", "USA", "GOV"),
    ("Joe Biden", "2014-02-01", "USA", "GOV"),
    ("Joe Biden", "2025-06-01", "USA", "ELI"),
    ("Barack Obama", "2012-07-04", "USA", "GOV"),
    ("Antony Blinken", "2023-05-01", "USA", "GOV"),
    ("Marco Rubio", "2025-03-10", "USA", "GOV"),
    ("Karoline Leavitt", "2025-04-01", "USA", "GOV"),
    ("Linda Thomas-Greenfield", "2023-09-01", "USA", "GOV"),
    ("Vladimir Putin", "2010-03-01", "RUS", "GOV"),
    ("Vladimir Putin", "2024-03-01", "RUS", "GOV"),
    ("Putin", "2025-01-01", "RUS", "GOV"),
    ("Sergei Lavrov", "2022-04-01", "RUS", "GOV"),
    ("Maria Zakharova", "2023-11-01", "RUS", "GOV"),
    ("Dmitry Peskov", "2024-05-01", "RUS", "GOV"),
    ("Vassily Nebenzia", "2024-06-28", "RUS", "GOV"),
    ("Volodymyr Zelensky", "2022-03-01", "UKR", "GOV"),
    ("Zelenskyy", "2025-03-01", "UKR", "GOV"),
    ("Dmytro Kuleba", "2023-01-15", "UKR", "GOV"),
    ("Olaf Scholz", "2023-02-01", "DEU", "GOV"),
    ("Olaf Scholz", "2026-02-01", "DEU", "ELI"),
    ("Angela Merkel", "2015-09-01", "DEU", "GOV"),
    ("Friedrich Merz", "2025-09-01", "DEU", "GOV"),
    ("Annalena Baerbock", "2024-01-10", "DEU", "GOV"),
    ("Emmanuel Macron", "2020-01-01", "FRA", "GOV"),
    ("Jean-Noel Barrot", "2025-02-01", "FRA", "GOV"),
    ("Rishi Sunak", "2023-06-01", "GBR", "GOV"),
    ("Keir Starmer", "2025-01-01", "GBR", "GOV"),
    ("David Lammy", "2025-03-14", "GBR", "GOV"),
    ("David Lammy", "2025-11-01", "GBR", "GOV"),  # Deputy Prime Minister from 2025-09-05
    ("Moussa Faki Mahamat", "2025-03-01", "AU", "IGO"),  # the handover was on 2025-03-13
    ("Mahmoud Ali Youssouf", "2025-04-01", "AU", "IGO"),
    ("Boris Johnson", "2017-01-01", "GBR", "GOV"),
    ("Xi Jinping", "2024-11-01", "CHN", "GOV"),
    ("Wang Yi", "2024-02-01", "CHN", "GOV"),
    ("Narendra Modi", "2021-03-01", "IND", "GOV"),
    ("Shehbaz Sharif", "2025-03-13", "PAK", "GOV"),
    ("Benjamin Netanyahu", "2023-10-10", "ISR", "GOV"),
    ("Recep Tayyip Erdogan", "2010-05-01", "TUR", "GOV"),
    ("Hakan Fidan", "2024-05-01", "TUR", "GOV"),
    ("Justin Trudeau", "2020-01-01", "CAN", "GOV"),
    ("Melanie Joly", "2025-03-14", "CAN", "GOV"),
    ("Antonio Guterres", "2024-06-01", "UN", "IGO"),
    ("Mark Rutte", "2025-02-01", "NATO", "IGO"),
    ("Mark Rutte", "2020-02-01", "NLD", "GOV"),
    ("Jens Stoltenberg", "2019-04-01", "NATO", "IGO"),
    ("Ursula von der Leyen", "2024-05-01", "EU", "IGO"),
    ("Kaja Kallas", "2025-03-01", "EU", "IGO"),
    ("Tedros Adhanom Ghebreyesus", "2021-01-01", "UN", "IGO"),
    ("Rafael Grossi", "2023-08-01", "IAEA", "IGO"),
]


@pytest.mark.parametrize("name, day, country, sector", HOLDERS, ids=[f"{h[0]} {h[1]}" for h in HOLDERS])
def test_office_holders_resolve_on_the_article_date(name, day, country, sector):
    match = kb.shipped().resolve(name, date.fromisoformat(day))
    assert match is not None
    assert (match.country, match.sector) == (country, sector)


def test_the_office_held_that_day_is_the_role():
    shipped = kb.shipped()
    assert shipped.resolve("Putin", date(2010, 3, 1)).role == "Prime Minister"
    assert shipped.resolve("Putin", date(2014, 3, 1)).role == "President"
    assert shipped.resolve("Olaf Scholz", date(2026, 2, 1)).role == "former Chancellor"
    assert shipped.resolve("Olaf Scholz", date(2026, 2, 1)).in_office is False


def test_a_bare_surname_needs_someone_in_office_that_day():
    shipped = kb.shipped()
    assert shipped.resolve("Trump", date(2022, 6, 1)) is None  # between his terms
    assert shipped.resolve("Merkel", date(2024, 1, 1)) is None


def test_phoenix_offices_say_nothing_past_their_horizon():
    office = kb.Office("RUSGOV", "RUS", "GOV", date(2008, 5, 8), None, date(2015, 12, 31), "phoenix")
    assert office.held_on(date(2012, 1, 1)) is True
    assert office.held_on(date(2007, 1, 1)) is False
    assert office.held_on(date(2020, 1, 1)) is None


def test_a_country_given_by_the_text_selects_among_namesakes():
    actors = [kb.KBActor("ana-ruiz@PER", "Ana Ruiz", "PER", "person", [],
                         [kb.Office("Foreign Minister", "PER", "GOV", date(2020, 1, 1))]),
              kb.KBActor("ana-ruiz@CHL", "Ana Ruiz", "CHL", "person", [],
                         [kb.Office("Senator", "CHL", "LEG", date(2020, 1, 1))])]
    base = kb.KnowledgeBase([kb.to_row(a) for a in actors])
    assert base.resolve("Ana Ruiz", date(2024, 1, 1)) is None  # two in office: cannot tell
    assert base.resolve("Ana Ruiz", date(2024, 1, 1), country="CHL").sector == "LEG"


def test_keys_fold_transliterations_and_initials():
    assert kb.key("Volodymyr Zelenskiy") == kb.key("Volodymyr Zelenskyy") == kb.key("Volodymyr Zelensky")
    assert kb.key("Donald J. Trump") == kb.key("Donald Trump")


def test_describe_takes_country_and_sector_from_the_knowledge_base(nlp_base):
    from communique.extract.actors.describe import describe

    doc = nlp_base("Olaf Scholz said the coalition would hold.")
    assert (describe(doc[0:2], on=date(2023, 5, 1)).country, describe(doc[0:2], on=date(2023, 5, 1)).sector) == (
        "DEU", "GOV")
    info = describe(doc[0:2], on=date(2026, 2, 1))
    assert (info.role, info.country, info.sector, info.kb_id) == ("former Chancellor", "DEU", "ELI", "olaf-scholz@DEU")


def test_the_texts_own_title_wins_over_the_knowledge_base(nlp_base):
    from communique.extract.actors.describe import describe

    doc = nlp_base("Kenyan senator Olaf Scholz said the vote was fair.")
    info = describe(doc[0:4], on=date(2023, 5, 1))
    assert (info.country, info.sector) == ("KEN", "LEG")


def test_stats_counts_coverage():
    figures = kb.shipped().stats(date(2025, 6, 1))
    assert figures["actors"] == len(kb.shipped())
    assert figures["countries_with_office_holder"] >= 180
    assert set(figures["offices_by_source"]) == {"curated", "factbook", "phoenix"}


# --- the build script -------------------------------------------------------------------------------


def test_factbook_fields_give_title_name_and_start():
    text = ("King ALARIC IV (since 3 May 2001); represented by Governor General Mira TOVANE-Holt (since 12 Jan 2020)")
    assert list(build_kb.factbook_holders(text)) == [
        ("King", "Alaric IV", "2001-05-03"), ("Governor General", "Mira Tovane-Holt", "2020-01-12")]
    assert build_kb.split_holder("President XI Wenming") == ("President", "Xi Wenming")


def test_phoenix_blocks_read_names_aliases_and_dated_codes():
    lines = ["OSKAR_VELLAND_  # a comment", "+VELLAND_", "+PRESIDENT_VELLAND", "\t[NORGOV 990101-051231]",
             "\t[NORELI >060101]", "LENA_MOSS_\t[IGOUNO 120301-150101]"]
    blocks = list(build_kb.phoenix_blocks(lines))
    assert [(b[0], b[1]) for b in blocks] == [("OSKAR_VELLAND_", ["VELLAND_", "PRESIDENT_VELLAND"]), ("LENA_MOSS_", [])]
    gov, eli = blocks[0][2]
    assert (gov.country, gov.sector, gov.start, gov.until) == ("NOR", "GOV", "1999-01-01", "2005-12-31")
    assert (eli.sector, eli.start, eli.until, eli.horizon) == ("ELI", "2006-01-01", None, build_kb.HORIZON)
    assert (blocks[1][2][0].country, blocks[1][2][0].sector) == ("UN", "IGO")


def test_merge_joins_records_of_one_person_across_sources():
    a = build_kb.Actor("Oskar Velland", "NOR", aliases={"Velland"})
    b = build_kb.Actor("Oskar Bjorn Velland", "NOR")
    b.aliases |= build_kb._short_forms(b)
    c = build_kb.Actor("Oskar Velland", "SWE")
    merged = build_kb.merge([[a], [b], [c]])
    assert [(m.name, m.country) for m in merged] == [("Oskar Velland", "NOR"), ("Oskar Velland", "SWE")]
    assert "Oskar Bjorn Velland" in merged[0].aliases


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "petrarch2").exists(), reason="needs ../shared/data")
def test_the_build_reproduces_the_shipped_table(tmp_path):
    out = tmp_path / "kb.json"
    build_kb.main(["--shared", str(SHARED), "--out", str(out)])
    shipped = Path(build_kb.__file__).with_name("kb.json")
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
