"""Place names to countries (communique/countries.py and the tables data/build_cities.py writes)."""

from __future__ import annotations

from communique.countries import city_country


def test_a_us_state_is_in_the_united_states_before_any_town_abroad_of_its_name():
    assert [city_country(n) for n in ("Virginia", "Florida", "Iowa", "New Hampshire")] == ["USA"] * 4


def test_cities_keep_their_countries():
    assert [city_country(n) for n in ("Bergen", "Quetta", "Richmond")] == ["NOR", "PAK", "USA"]


def test_provinces_and_states_abroad_place_their_country_unless_two_countries_share_the_name():
    assert [city_country(n) for n in ("Balochistan", "Zamfara", "Borno", "Sindh", "Oromia")] == [
        "PAK", "NGA", "NGA", "PAK", "ETH"]
    assert city_country("Punjab") is None  # a province of Pakistan and a state of India


def test_division_names_that_are_common_words_place_nothing():
    assert [city_country(n) for n in ("the Sahel", "the West", "Unity", "the Gulf")] == [None] * 4
