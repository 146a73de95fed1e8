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
