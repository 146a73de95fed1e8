"""Who a speaker mention refers to (statements/speakers.py and resolve.py), on sentences written for the project."""

from datetime import date

import pytest

PUB = date(2026, 3, 12)


@pytest.fixture
def said(run):
    """(mention text, resolved name) of each statement in a text."""
    def _said(text, published=PUB):
        return [(s.speaker.text, s.speaker.name) if s.speaker else None for s in run(text, published)._.statements]

    return _said


def test_a_document_speaks_for_whoever_issued_it(run):
    text = ("\u201cThe dam is safe,\u201d a statement from the NWA said. "
            "The Nordic Council joint statement said the talks would resume. "
            "The agency\u2019s report said water levels were falling.")
    found = run(text, PUB)._.statements
    assert [(s.speaker.text, s.speaker.name) for s in found] == [
        ("a statement from the NWA", "NWA"), ("The Nordic Council joint statement", "Nordic Council"),
        ("The agency\u2019s report", "agency")]


def test_the_statement_is_the_last_one_issued(said):
    text = ("The ministers said in a joint statement that the ceasefire must hold. "
            "The statement said the ministers would meet again in May.")
    assert said(text) == [("The ministers", "ministers"), ("The statement", "ministers")]


def test_igo_with_its_initials_capital_for_its_country_and_spelled_out_acronyms(run):
    text = ("The U.N. said the camps were full. Lisbon said the border would stay open. "
            "General Rui Matos, head of the army press office Joint Media Relations, spoke first. "
            "\u201cThe convoy was attacked at dawn,\u201d a statement from the JMR said.")
    found = run(text, PUB)._.statements
    assert [(s.speaker.name, s.speaker.country) for s in found] == [
        ("United Nations", "UN"), ("Portugal", "PRT"), ("Joint Media Relations", None)]


def test_a_role_description_needs_the_same_affiliation(said):
    text = ("Colonel Ivo Stan, head of the army press office, spoke first. "
            "The head of the Harbour Pilots Guild told reporters that the port was closed.")
    assert said(text) == [("The head of the Harbour Pilots Guild", "head of the Harbour Pilots Guild")]


def test_a_role_description_is_the_person_named_in_the_next_sentence(run):
    text = ("Norway's envoy criticized the proposal at Tuesday's session. "
            "\u201cThe text is unbalanced,\u201d Ambassador Tove Lindqvist told the council. "
            "Chile's envoy defended the draft. "
            "\u201cWe have listened to every delegation,\u201d Ambassador Ramon Iturra said.")
    found = run(text, PUB)._.statements
    assert [(s.speaker.text, s.speaker.name) for s in found] == [
        ("Norway's envoy", "Tove Lindqvist"), ("Ambassador Tove Lindqvist", "Tove Lindqvist"),
        ("Chile's envoy", "Ramon Iturra"), ("Ambassador Ramon Iturra", "Ramon Iturra")]


def test_a_role_description_after_the_name_and_across_an_appositive(said):
    text = ("Kenya's permanent representative to the United Nations, Amina Wekesa, said the mission would stay. "
            "The Kenyan diplomat added that troops were needed.")
    assert said(text) == [("Kenya's permanent representative to the United Nations, Amina Wekesa", "Amina Wekesa"),
                          ("The Kenyan diplomat", "Amina Wekesa")]


def test_a_role_description_far_from_any_name_stays_a_description(said):
    text = ("Ambassador Tove Lindqvist arrived on Monday. The weather was cold. The roads were closed. "
            "The hotel was full. The harbour was quiet. The Swedish envoy said the talks were useful.")
    assert said(text) == [("The Swedish envoy", "Swedish envoy")]


def test_he_after_a_quotation_is_its_speaker_even_with_a_name_of_unknown_gender(said):
    text = ("Ambassador Pavel Orlov spoke first. "
            "\u201cThe embargo has failed,\u201d Ambassador Tuyaa Bat-Erdene told council members. "
            "\u201cWe need a new approach.\u201d He said the border had seen new shipments.")
    assert [s[1] for s in said(text)] == ["Tuyaa Bat-Erdene", "Tuyaa Bat-Erdene"]


def test_he_is_a_person_in_apposition_when_the_sentence_before_has_no_person_subject(said):
    text = ("Senator Carl Webb said the tariffs were temporary. Like Webb, Mark Olsen, the budget director, "
            "stressed the cost of the programme in an interview. He said the deficit would shrink.")
    assert said(text)[-1] == ("He", "Mark Olsen")


def test_it_is_the_last_body_that_spoke(said):
    text = ("Senator Carl Webb said the tariffs were temporary. The press watchdog Free Voices said conditions "
            "had improved. But, it noted in its annual index, arrests have risen since 2023.")
    found = said(text)
    assert "Free Voices" in found[1][1] and found[2] == ("it", found[1][1])


def test_a_surname_misspelt_once_is_the_person_named_in_full(said):
    text = ("Tomas Lindgren, the mediator, met both sides on Friday. "
            "\u201cThe guns must fall silent,\u201d Lindgrem said.")
    assert said(text) == [("Lindgrem", "Tomas Lindgren")]


def test_officials_of_an_international_body_are_igo(run):
    text = ("\u201cThe camps are full,\u201d Hanna Berg, UNICEF\u2019s executive director, said. "
            "The U.N. special envoy for Yemen is calling for a truce and for the release of detainees, as talks stall.")
    first, second = run(text, PUB)._.statements
    assert (first.speaker.name, first.speaker.country, first.speaker.sector) == ("Hanna Berg", "UN", "IGO")
    assert (second.speaker.country, second.speaker.sector) == ("UN", "IGO")
    assert second.content.text == "a truce and for the release of detainees"


@pytest.mark.parametrize("text, expected", [
    # another country in the sentence is never the speaker's
    ("Trump, who met Ukraine's president on Friday, said the talks went well.", ("Trump", "USA", "GOV")),
    ("The spokesman said Ukraine would get more weapons from Germany.", ("spokesman", None, "GOV")),
    ("Speaking after talks with Russian officials, the envoy said progress was slow.", ("envoy", None, "GOV")),
    ("Norway's foreign minister told Sweden's foreign minister that the border would stay open.",
     ("Norway's foreign minister", "NOR", "GOV")),
    # the speaker's own title, affiliation and apposition
    ("Kremlin spokesman Dmitry Peskov said the offer stood.", ("Dmitry Peskov", "RUS", "GOV")),
    # an official of an international body speaks for it, whatever their nationality
    ("Ana Sousa, the Portuguese diplomat who heads the U.N. mission in Haiti, said the vote would go ahead.",
     ("Ana Sousa", "UN", "IGO")),
    ("The Kenyan head of the U.N. refugee agency said the camps were full.",
     ("Kenyan head of the U.N. refugee agency", "UN", "IGO")),
    ("Brazil's ambassador to the United Nations said the vote was fair.",
     ("Brazil's ambassador to the United Nations", "BRA", "GOV")),
])
def test_country_comes_from_the_speakers_own_evidence(run, text, expected):
    s = run(text, PUB)._.statements[0]
    assert (s.speaker.name, s.speaker.country, s.speaker.sector) == expected


def test_a_titled_surname_is_resolved_on_the_articles_date(run):
    def who(published):
        s = run("Chancellor Scholz said the coalition would hold.", published)._.statements[0]
        return s.speaker.country, s.speaker.sector, s.speaker.role

    assert who(date(2023, 6, 1)) == ("DEU", "GOV", "Chancellor")
    assert who(date(2026, 3, 12)) == ("DEU", "ELI", "former Chancellor")  # his term ended in May 2025


def test_words_one_edit_apart_share_a_spelling_form():
    # _misspelt looks surnames up by these forms instead of measuring the distance to every person of the article
    import random

    from rapidfuzz.distance import Levenshtein

    from communique.extract.statements.speakers import _spellings

    rng = random.Random(12)
    for _ in range(5_000):
        a = "".join(rng.choice("aeiklnrs") for _ in range(rng.randrange(5, 9)))
        b = list(a)
        edit = rng.choice(["swap", "drop", "add", "two"])
        k = rng.randrange(len(b))
        if edit == "swap":
            b[k] = rng.choice("aeiklnrs")
        elif edit == "drop":
            del b[k]
        elif edit == "add":
            b.insert(k, rng.choice("aeiklnrs"))
        else:
            b[k], b[-1] = rng.choice("aeiklnrs"), rng.choice("aeiklnrs")
        b = "".join(b)
        if Levenshtein.distance(a, b) == 1:
            assert set(_spellings(a)) & set(_spellings(b)), (a, b)


def test_the_nearest_role_holder_wins_and_the_earlier_on_a_tie():
    from communique.extract.statements.speakers import Person, _nearest

    people = [Person("Ana Ruiz", 100), Person("Ana Ruiz", 100), Person("Olav Dahl", 300), Person("Ines Tavares", 500)]
    starts = [p.start for p in people]
    assert [_nearest(starts, people, c).name for c in (0, 199, 200, 201, 400, 401, 900)] == [
        "Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Olav Dahl", "Olav Dahl", "Ines Tavares", "Ines Tavares"]
    assert _nearest(starts, people, 100) is people[0]


def test_a_surname_the_model_reads_as_a_common_noun_is_the_person_with_their_role(run):
    text = ("Trade Minister Ines Tavares said on Monday that the tariffs would stay.\n"
            "\"We will not move,\" Tavares told reporters.")
    found = run(text, PUB)._.statements
    assert [(s.speaker.text, s.speaker.name, s.speaker.role, s.speaker.actor_id) for s in found] == [
        ("Trade Minister Ines Tavares", "Ines Tavares", "Trade Minister", "ines-tavares"),
        ("Tavares", "Ines Tavares", "Trade Minister", "ines-tavares")]
