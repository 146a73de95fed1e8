"""Place names to countries (communique/countries.py and the tables data/build_cities.py writes)."""

from __future__ import annotations

from communique.countries import city_country


def test_a_us_state_is_in_the_united_states_before_any_town_abroad_of_its_name():
    assert [city_country(n) for n in ("Virginia", "Florida", "Iowa", "New Hampshire")] == ["USA"] * 4


def test_cities_keep_their_countries():
    assert [city_country(n) for n in ("Bergen", "Quetta", "Richmond")] == ["NOR", "PAK", "USA"]
