"""Actor normalisation on hand-written sentences, with the real spaCy model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from communique.countries import country_of, is_igo, lookup
from communique.extract.actors.describe import ActorInfo, actor_key, describe, sector_of


def _subject(nlp_base, text: str):
    """The first subject token of `text`, as a one-token span (as the extractor passes it)."""
    doc = nlp_base(text)
    tok = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    return doc[tok.i : tok.i + 1]


def _info(name=None, role=None, country=None, sector=None, kind=None) -> ActorInfo:
    return ActorInfo(name=name, role=role, country=country, sector=sector, kind=kind)


CASES = [
    # titles only the US Congress gives
    ("Republican Senator Ana Whitfield said the bill had failed.",
     _info("Ana Whitfield", "Republican Senator", "USA", "LEG", "person")),
    ("Democratic Representative Tom Ellery told VOA the vote was close.",
     _info("Tom Ellery", "Democratic Representative", "USA", "LEG", "person")),
    ("Republican leader Ana Whitfield said the bill had failed.",
     _info("Ana Whitfield", "Republican leader", None, None, "person")),
    ("The Republican senator said the bill had failed.",
     _info(None, "Republican senator", "USA", "LEG", "person")),
    ("Sen. Ana Whitfield said the bill had failed.",
     _info("Ana Whitfield", "Sen.", None, "LEG", "person")),
    # a state or city before the title
    ("Ohio Sen. Ana Whitfield said the bill had failed.",
     _info("Ana Whitfield", "Ohio Sen.", "USA", "LEG", "person")),
    ("The Florida senator said the bill had failed.",
     _info(None, "Florida senator", "USA", "LEG", "person")),
    # a party and a US state after the name: a member of Congress
    ("Senator Jane Roe (R-Tenn.) criticized the plan to cut farm subsidies.",
     _info("Jane Roe", "Senator", "USA", "LEG", "person")),
    ("Rep. John Doe, D-Calif., accused the agency of hiding the report.",
     _info("John Doe", "Rep.", "USA", "LEG", "person")),
    ("Jane Roe (D-N.Y.) voted against the bill.",
     _info("Jane Roe", None, "USA", "LEG", "person")),
    ("Gov. Ann Bell (R-Okla.) signed the bill.",
     _info("Ann Bell", "Gov.", "USA", "GOV", "person")),

    # titles before names
    ("Russian President Ivan Petrov said the talks had failed.",
     _info("Ivan Petrov", "President", "RUS", "GOV", "person")),
    ("Fisheries Minister Katrin Eriksdottir told reporters the quota was fair.",
     _info("Katrin Eriksdottir", "Fisheries Minister", None, "GOV", "person")),
    ("Brazilian Foreign Minister Paulo Mendes said the deal was close.",
     _info("Paulo Mendes", "Foreign Minister", "BRA", "GOV", "person")),
    ("Opposition leader Maria Costa denied the claims.",
     _info("Maria Costa", "Opposition leader", None, "OPP", "person")),
    # "of" phrases
    ("Prime Minister Ingrid Solberg of Norway said on Monday that talks would resume.",
     _info("Ingrid Solberg", "Prime Minister", "NOR", "GOV", "person")),
    ("The foreign minister of Brazil said the deal was done.",
     _info(None, "foreign minister", "BRA", "GOV", "person")),
    # appositives, both ways
    ("Olafur Jonsson, chairman of the Icelandic trawler owners' association, said quotas were wrong.",
     _info("Olafur Jonsson", "chairman of the Icelandic trawler owners' association", "ISL", "BUS", "person")),
    ("Ana Lopez, the ministry's spokeswoman, declined to comment.",
     _info("Ana Lopez", "ministry's spokeswoman", None, "GOV", "person")),
    ("Its spokesman, Lars Haugen, said nothing about the boarding.",
     _info("Lars Haugen", "spokesman", None, "GOV", "person")),
    # possessives
    ("Brazil's foreign minister said the deal was done.",
     _info(None, "foreign minister", "BRA", "GOV", "person")),
    ("Norway's prime minister said fishing would resume.",
     _info(None, "prime minister", "NOR", "GOV", "person")),
    ("The country's deputy defence minister warned of war.",
     _info(None, "deputy defence minister", None, "GOV", "person")),
    # demonym modifiers
    ("A Chinese foreign ministry spokesman said the visit was welcome.",
     _info(None, "foreign ministry spokesman", "CHN", "GOV", "person")),
    ("Hundreds of Russian troops crossed the border.",
     _info(None, "troops", "RUS", "MIL", "group")),
    ("The Norwegian government said it would not yield.",
     _info(None, "government", "NOR", "GOV", "government")),
    # metonyms
    ("The Kremlin said it would respond.",
     _info("Russian presidency", None, "RUS", "GOV", "government")),
    ("The White House said the visit would go ahead.",
     _info("US presidency", None, "USA", "GOV", "government")),
    ("The Pentagon announced new deployments.",
     _info("US Department of Defense", None, "USA", "MIL", "government")),
    ("Downing Street said the prime minister was confident.",
     _info("British prime minister's office", None, "GBR", "GOV", "government")),
    ("Moscow rejected the proposal.",
     _info("Russia", None, "RUS", "GOV", "government")),
    ("The Elysee spokeswoman said the summit would go ahead.",
     _info(None, "spokeswoman", "FRA", "GOV", "person")),
    ("White House spokeswoman Jane Doe said the president would travel.",
     _info("Jane Doe", "spokeswoman", "USA", "GOV", "person")),
    ("Officials in Kyiv said the strike hit a power plant.",
     _info(None, "Officials", "UKR", "GOV", "group")),
    # countries as actors
    ("Russia said it would retaliate.",
     _info("Russia", None, "RUS", "GOV", "country")),
    # IGOs and NGOs
    ("The European Commission said it would investigate.",
     _info("European Commission", None, "EU", "IGO", "organisation")),
    ("NATO warned of consequences.",
     _info("NATO", None, "NATO", "IGO", "organisation")),
    ("UN peacekeepers withdrew from the town.",
     _info(None, "peacekeepers", "UN", "MIL", "group")),
    ("Amnesty International said the arrests were unlawful.",
     _info("Amnesty International", None, "NGO", "NGO", "organisation")),
    ("Hamas said it would release two hostages.",
     _info("Hamas", None, "PSE", "REB", "organisation")),
    ("The Taliban rejected the offer.",
     _info("Taliban", None, "AFG", "REB", "organisation")),
    # the small model tags these countries as people; they are not ambiguous names
    ("Sri Lanka has opened an embassy in Oslo.",
     _info("Sri Lanka", None, "LKA", "GOV", "country")),
    ("Benin opened its borders to traders.",
     _info("Benin", None, "BEN", "GOV", "country")),
    ("Bosnia asked for help.",
     _info("Bosnia and Herzegovina", None, "BIH", "GOV", "country")),
    # plural groups
    ("Two diplomats familiar with the negotiations said talks had stalled.",
     _info(None, "diplomats", None, "GOV", "group")),
    ("The fishermen's unions said they would strike.",
     _info(None, "fishermen's unions", None, "LAB", "organisation")),
    ("Students throughout Indonesia protested.",
     _info(None, "Students", "IDN", "EDU", "group")),
    ("Thousands of protesters marched through the capital.",
     _info(None, "protesters", None, "CVL", "group")),
    ("A spokesman for the Norwegian Coast Guard said the vessel had been boarded.",
     _info(None, "spokesman for the Norwegian Coast Guard", "NOR", "MIL", "person")),
    # false friends: first names that are also countries
    ("Jordan Peters, a senator from Ohio, said he disagreed.",
     _info("Jordan Peters", "senator", None, "LEG", "person")),
    ("Chad Miller, a lawyer, said the ruling was flawed.",
     _info("Chad Miller", "lawyer", None, "JUD", "person")),  # lawyers are JUD in the CAMEO agents
    ("Maulana Fazl-ur-Rehman, an opposition leader, said the vote was rigged.",
     _info("Maulana Fazl-ur-Rehman", "opposition leader", None, "OPP", "person")),
]


@pytest.mark.parametrize("text", [
    "Jane Roe (D-Day veteran) spoke at the ceremony.",
    "Jane Roe (AP) spoke at the ceremony.",
])
def test_a_bracket_after_a_name_that_is_no_party_and_us_state_gives_no_country(nlp_base, text):
    assert describe(_subject(nlp_base, text)).country is None


def test_coordinated_countries_follow_the_callers_span(nlp_base):
    doc = nlp_base("U.S. and Russian negotiators met in Vienna on Tuesday.")
    assert describe(doc[0:4]) == _info(None, "negotiators", "USA", "GOV", "group")
    assert describe(doc[2:4]) == _info(None, "negotiators", "RUS", "GOV", "group")


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_describe(nlp_base, text, expected):
    # which knowledge-base entry a name links to is tested in test_kb.py
    assert replace(describe(_subject(nlp_base, text)), kb_id=None) == expected


def test_describe_accepts_the_whole_mention_span(nlp_base):
    doc = nlp_base("Russian President Ivan Petrov said the talks had failed.")
    assert describe(doc[0:4]) == _info("Ivan Petrov", "President", "RUS", "GOV", "person")


def test_pronoun_is_not_resolved(nlp_base):
    assert describe(_subject(nlp_base, "She said the talks had failed.")) == _info(kind="person")


def test_us_state_is_not_the_country(nlp_base):
    doc = nlp_base("Officials in Atlanta, Georgia said the storm had passed.")
    assert describe(doc[0:1]).country is None


@pytest.mark.parametrize("text, code", [
    ("Russia", "RUS"), ("Iran", "IRN"), ("South Korea", "KOR"), ("Britain", "GBR"),
    ("the United States", "USA"), ("the U.S.", "USA"), ("US", "USA"), ("UK", "GBR"),
    ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("Russian", "RUS"), ("French", "FRA"),
    ("Icelandic", "ISL"), ("Norwegian", "NOR"), ("Brazilian", "BRA"), ("Chinese", "CHN"),
    ("American", "USA"), ("British", "GBR"), ("Norway's", "NOR"), ("Norway\u2019s", "NOR"),
    ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Washington", "USA"),
    ("Beijing", "CHN"), ("Oslo", "NOR"), ("the Kremlin", "RUS"), ("the White House", "USA"),
    ("Downing Street", "GBR"), ("the Elysee", "FRA"), ("the Pentagon", "USA"),
    ("Whitehall", "GBR"), ("Zhongnanhai", "CHN"), ("the Blue House", "KOR"),
    ("NATO", "NATO"), ("UN", "UN"), ("the U.N.", "UN"), ("United Nations", "UN"),
    ("UNHCR", "UN"), ("WHO", "UN"), ("EU", "EU"), ("European Union", "EU"),
    ("European Commission", "EU"), ("European Parliament", "EU"), ("African Union", "AU"),
    ("ASEAN", "ASEAN"), ("OPEC", "OPEC"), ("IMF", "IMF"), ("World Bank", "WB"),
    ("OSCE", "OSCE"), ("Arab League", "LAS"), ("IAEA", "IAEA"), ("Israelis", "ISR"),
])
def test_country_of(text, code):
    assert country_of(text) == code


@pytest.mark.parametrize("text", ["us", "who", "Male", "Island", "Narnia", "the", ""])
def test_country_of_rejects_words(text):
    assert country_of(text) is None


def test_igo_codes_match_the_gold_convention():
    assert [is_igo(c) for c in ("UN", "EU", "NATO", "IGO", "NOR", None)] == [True, True, True, True, False, False]
    assert lookup("the Kremlin").name == "Russian presidency"


@pytest.mark.parametrize("role, sector", [
    ("President", "GOV"), ("fisheries minister", "GOV"), ("foreign ministry spokesman", "GOV"),
    ("ambassador", "GOV"), ("army general", "MIL"), ("soldiers", "MIL"), ("air force", "MIL"),
    ("senator", "LEG"), ("lawmaker", "LEG"), ("opposition lawmaker", "OPP"),
    ("Supreme Court judge", "JUD"), ("prosecutor", "JUD"), ("rebel commander", "REB"),
    ("separatists", "REB"), ("journalist", "MED"), ("news agency", "MED"),
    ("chief executive", "BUS"), ("chairman of the trawler owners' association", "BUS"),
    ("rights group", "NGO"), ("spokesman for the rights group", "NGO"), ("residents", "CVL"),
    ("protesters", "CVL"), ("students", "EDU"), ("trade union", "LAB"), ("police chief", "COP"),
    ("party leader", "PTY"), ("refugees", "REF"), ("UN Secretary-General", "GOV"),
    ("chairman", None),
    # roles the hand-kept table leaves to the CAMEO agents dictionaries (roles.json)
    ("lawyer", "JUD"), ("archbishop", "REL"), ("nurse", "HLH"), ("blogger", "MED"), ("sharecropper", "AGR"),
    # titles abbreviated before a name, as news writes them
    ("Sen.", "LEG"), ("Rep.", "LEG"), ("Former Rep.", "LEG"), ("Gov.", "GOV"), ("Lt. Gov.", "GOV"),
    ("Lt. Gen.", "MIL"), ("Col.", "MIL"), ("Adm.", "MIL"), ("Amb.", "GOV"), ("Atty. Gen.", "GOV"),
    ("Rep", None),  # without its period, no title
])
def test_sector_of(role, sector):
    assert sector_of(role) == sector


def test_actor_key():
    assert actor_key("Katrin Eriksdóttir", None) == "katrin-eriksdottir"
    assert actor_key("Russian presidency", "RUS") == "russian-presidency@RUS"
    assert actor_key("O'Neill", "IRL") == "oneill@IRL"
    assert actor_key(None, "RUS") == ""


def _token(doc, word: str):
    """One-token span of the first `word` in `doc`."""
    tok = next(t for t in doc if t.text == word)
    return doc[tok.i : tok.i + 1]


def test_the_countrys_minister_is_the_country_named_first(nlp_base):
    doc = nlp_base("Portugal will cut its tariffs on olive oil if Spain lifts its ban on "
                   "Portuguese wine, the country's trade minister said on Friday.")
    assert describe(_token(doc, "minister")) == _info(None, "trade minister", "PRT", "GOV", "person")


def test_the_countrys_minister_looks_back_one_sentence(nlp_base):
    doc = nlp_base("Norway wants a deal. The country's trade minister said so on Monday.")
    assert describe(_token(doc, "minister")).country == "NOR"


def test_name_in_apposition_takes_the_role_before_it(nlp_base):
    doc = nlp_base("The agency's director, Marta Silva, said the figures were wrong.")
    assert describe(_token(doc, "Silva")) == _info("Marta Silva", "agency's director", None, None, "person")
    assert describe(doc[0:0]) == ActorInfo()
