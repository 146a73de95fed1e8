"""Dates as day ranges, content words, countries and names a sentence holds, and the best-evidenced date."""

from __future__ import annotations

from datetime import date

from communique.links.features import best_date, countries_in, interval, name_candidates, names_in, words


def _d(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def test_a_date_spans_its_precision():
    assert interval({"text": "Tuesday", "value": "2026-03-03", "precision": "day"}, "2026-03-04") == (
        _d("2026-03-03"), _d("2026-03-03"))
    assert interval({"text": "over the weekend", "value": "2026-03-21/2026-03-22"}, None) == (
        _d("2026-03-21"), _d("2026-03-22"))
    assert interval({"text": "in February", "value": "2026-02", "precision": "month"}, None) == (
        _d("2026-02-01"), _d("2026-02-28"))
    assert interval({"text": "last week", "value": "2026-W11", "precision": "week"}, None) == (
        _d("2026-03-09"), _d("2026-03-15"))


def test_since_runs_to_the_report_and_undated_means_the_week_before():
    text = "They have met since January."
    ref = {"text": "January", "start": text.index("January"), "value": "2026-01", "precision": "month"}
    assert interval(ref, "2026-03-16", text) == (_d("2026-01-01"), _d("2026-03-16"))
    assert interval(None, "2026-03-16") == (_d("2026-03-09"), _d("2026-03-16"))
    assert interval({"text": "Friday", "value": None}, None) is None


def test_content_words_drop_function_words_and_possessives():
    assert words("We have found a path to Iceland's fair deal, and we will sign it.") == [
        "found", "path", "iceland", "fair", "deal", "sign"]


def test_countries_by_name_demonym_capital_and_body():
    assert countries_in("Norwegian trawlers entered Icelandic waters, officials in Brussels said") == [
        "EU", "ISL", "NOR"]


def test_names_by_full_name_or_surname_and_name_candidates():
    people = [("ingrid-aasen", "Ingrid Aasen"), ("karim-bennani", "Karim Bennani")]
    assert names_in("Aasen said no vessel entered.", people) == ["ingrid-aasen"]
    assert "Tomás Ceballos" in name_candidates("the commander, Tomás Ceballos, said")


def test_best_date_prefers_precision_then_agreement():
    refs = [{"value": "2026-03", "precision": "month"}, {"value": "2026-03-03", "precision": "day"},
            {"value": "2026-03-04", "precision": "day"}, {"value": "2026-03-03", "precision": "day"}, None]
    assert best_date(refs) == {"value": "2026-03-03", "precision": "day", "reports": 2}
    assert best_date([None, {"value": None}]) is None


def test_name_finder_matches_what_one_pattern_of_every_name_matches():
    import random
    import re

    from communique.links.features import NameFinder, surname

    people = [("ingrid-aasen", "Ingrid Aasen"), ("ali-al-sudani", "Ali al-Sudani"), ("sean-o-brien", "Sean O'Brien"),
              ("aasen-jr", "Per Aasen Jr."), ("lee", "Lee"), ("ann-lee", "Ann Lee"), ("mara-lindqvist", "Mara Lindqvist")]
    by_form: dict = {}
    for actor_id, name in people:
        for form in filter(None, (name, surname(name))):
            by_form.setdefault(form, set()).add(actor_id)
    everyone = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True)) + r")\b")
    finder = NameFinder(people)
    rng = random.Random(1)
    words = ["Aasen", "Ingrid", "al-Sudani", "Sudani", "O'Brien", "Brien", "Jr.", "Lee", "Ann", "Leeds", "said",
             "Lindqvist's", "Per", "Aasens", "-", "(", ")"]
    for _ in range(3_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
        assert finder(text) == sorted({a for m in everyone.finditer(text) for a in by_form[m.group()]}), text
    # "Ann Lee" is matched whole, so "Lee" alone is not; "Jr." needs a word character after it (\b), so "Aasen" is
    # Ingrid Aasen's surname: as the one pattern had it
    assert finder("Per Aasen Jr. met Ann Lee and al-Sudani.") == ["ali-al-sudani", "ann-lee", "ingrid-aasen"]
