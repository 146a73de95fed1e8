"""Wire-style date resolution: tense-directed weekdays, weekends, weeks, month-days, attachment."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.dates.find import date_of, resolve, tense_of, time_expressions
from communique.records import DateRef

THU = date(2026, 3, 12)  # a Thursday
SUN = date(2026, 3, 15)
SAT = date(2026, 3, 14)
MON = date(2026, 3, 16)


# --- resolve: weekdays ------------------------------------------------------------------

@pytest.mark.parametrize("text,tense,expected", [
    ("Thursday", "past", "2026-03-12"),      # publication weekday, past: that very day
    ("Thursday", "future", "2026-03-19"),    # publication weekday, future: a week on
    ("Thursday", "present", "2026-03-12"),
    ("Monday", "past", "2026-03-09"),
    ("Monday", "future", "2026-03-16"),
    ("Monday", "present", "2026-03-16"),     # "talks resume Monday"
    ("on Friday", "past", "2026-03-06"),
    ("Friday", "future", "2026-03-13"),
    ("Wednesday", "past", "2026-03-11"),
    ("late Wednesday", "past", "2026-03-11"),
    ("Tuesday night", "past", "2026-03-10"),
    ("last Thursday", "present", "2026-03-12"),
    ("next Monday", "past", "2026-03-16"),
    ("10 a.m. Wednesday", "past", "2026-03-11"),
])
def test_weekday_follows_tense(text, tense, expected):
    assert resolve(text, THU, tense) == (expected, "day")


def test_weekday_from_a_sunday():
    assert resolve("Saturday", SUN, "past") == ("2026-03-14", "day")
    assert resolve("Saturday", SUN, "future") == ("2026-03-21", "day")
    assert resolve("Sunday", SUN, "future") == ("2026-03-22", "day")


# --- resolve: weekends and weeks -----------------------------------------------------

@pytest.mark.parametrize("text,published,tense,expected", [
    ("over the weekend", THU, "past", "2026-03-07/2026-03-08"),
    ("at the weekend", MON, "past", "2026-03-14/2026-03-15"),
    ("last weekend", THU, "past", "2026-03-07/2026-03-08"),
    ("this weekend", THU, "future", "2026-03-14/2026-03-15"),
    ("this weekend", THU, "present", "2026-03-14/2026-03-15"),
    ("over the weekend", SUN, "past", "2026-03-14/2026-03-15"),   # the current weekend
    ("this weekend", SAT, "past", "2026-03-14/2026-03-15"),
    ("last weekend", SUN, "past", "2026-03-07/2026-03-08"),
    ("next weekend", SUN, "future", "2026-03-21/2026-03-22"),
])
def test_weekend(text, published, tense, expected):
    assert resolve(text, published, tense) == (expected, "weekend")


@pytest.mark.parametrize("text,tense,expected", [
    ("last week", "past", "2026-03-02/2026-03-08"),
    ("this week", "future", "2026-03-09/2026-03-15"),
    ("next week", "future", "2026-03-16/2026-03-22"),
    # what has happened this week happened by the publication day; "earlier" means before it
    ("this week", "past", "2026-03-09/2026-03-12"),
    ("earlier this week", "past", "2026-03-09/2026-03-11"),
])
def test_iso_weeks(text, tense, expected):
    assert resolve(text, THU, tense) == (expected, "week")


def test_last_week_on_a_weekend_is_the_week_now_ending():
    assert resolve("last week", date(2026, 3, 15), "past") == ("2026-03-09/2026-03-15", "week")  # a Sunday
    assert resolve("last week", date(2026, 3, 14), "past") == ("2026-03-09/2026-03-15", "week")  # a Saturday
    assert resolve("last week", date(2026, 3, 13), "past") == ("2026-03-02/2026-03-08", "week")  # a Friday


def test_week_across_year_boundary():
    assert resolve("last week", date(2026, 1, 2), "past") == ("2025-12-22/2025-12-28", "week")


# --- resolve: day words --------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("today", "2026-03-12"), ("tonight", "2026-03-12"), ("this morning", "2026-03-12"),
    ("this evening", "2026-03-12"), ("yesterday", "2026-03-11"), ("last night", "2026-03-11"),
    ("tomorrow", "2026-03-13"),
])
def test_day_words(text, expected):
    assert resolve(text, THU, "past") == (expected, "day")


def test_yesterday_across_month_boundary():
    assert resolve("yesterday", date(2026, 3, 1), "past") == ("2026-02-28", "day")


# --- resolve: month-day and month ----------------------------------------------------

@pytest.mark.parametrize("text,published,tense,expected", [
    ("December 28", date(2026, 1, 4), "past", "2025-12-28"),
    ("January 5", date(2025, 12, 20), "future", "2026-01-05"),
    ("Jan. 5", date(2025, 12, 20), "present", "2026-01-05"),   # nearer one
    ("March 3", date(2026, 2, 20), "future", "2026-03-03"),
    ("March 3", THU, "past", "2026-03-03"),
    ("3 March", THU, "future", "2027-03-03"),
    ("on April 1", THU, "past", "2025-04-01"),
    ("on April 1", THU, "future", "2026-04-01"),
    ("March 12", THU, "past", "2026-03-12"),
    ("March 12", THU, "future", "2026-03-12"),
    ("Sept. 30", THU, "present", "2025-09-30"),
    ("February 29", THU, "past", "2024-02-29"),
])
def test_month_day_year_by_tense(text, published, tense, expected):
    assert resolve(text, published, tense) == (expected, "day")


@pytest.mark.parametrize("text,published,tense,expected", [
    ("in January", THU, "past", "2026-01"),
    ("in January", THU, "future", "2027-01"),
    ("in November", THU, "past", "2025-11"),
    ("in November", THU, "future", "2026-11"),
    ("in March", THU, "past", "2026-03"),
    ("last month", THU, "past", "2026-02"),
    ("this month", THU, "past", "2026-03-01/2026-03-12"),  # by the publication day
    ("earlier this month", THU, "past", "2026-03-01/2026-03-11"),
    ("this month", THU, "future", "2026-03"),
    ("next month", date(2026, 12, 3), "future", "2027-01"),
    ("last month", date(2026, 1, 9), "past", "2025-12"),
])
def test_month_precision(text, published, tense, expected):
    assert resolve(text, published, tense) == (expected, "month")


@pytest.mark.parametrize("text,tense,expected", [
    ("last year", "past", "2025"), ("this year", "future", "2026"), ("next year", "future", "2027"),
    ("this year", "past", "2026-01-01/2026-03-12"), ("earlier this year", "past", "2026-01-01/2026-03-11"),
])
def test_relative_years(text, tense, expected):
    assert resolve(text, THU, tense) == (expected, "year")


@pytest.mark.parametrize("text,expected", [
    ("March 3, 2025", ("2025-03-03", "day")),
    ("Jan. 5, 2027", ("2027-01-05", "day")),
    ("3 March 2025", ("2025-03-03", "day")),
    ("March 2025", ("2025-03", "month")),
    ("2024", ("2024", "year")),
    ("in 2019", ("2019", "year")),
])
def test_explicit_dates_parse_as_written(text, expected):
    assert resolve(text, THU, "future") == expected
    assert resolve(text, None, "past") == expected   # no publication date needed


@pytest.mark.parametrize("text", [
    "Thursday", "over the weekend", "last week", "yesterday", "March 3", "in January",
    "last month", "next year",
])
def test_no_publication_date_leaves_relative_unresolved(text):
    assert resolve(text, None, "past") == (None, None)


@pytest.mark.parametrize("text", ["two weeks", "three years", "45-year-old", "the past week", "noon"])
def test_durations_ages_and_bare_times_do_not_resolve(text):
    assert resolve(text, THU, "past") == (None, None)


def test_ago():
    assert resolve("three days ago", THU, "past") == ("2026-03-09", "day")
    assert resolve("two years ago", THU, "past") == ("2024", "year")


# --- tense_of ------------------------------------------------------------------------

def _tok(doc, word):
    """The first token of `doc` with this text."""
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence,verb,expected", [
    ("Negotiators will meet in Vienna on Friday.", "meet", "future"),
    ("We'll decide tomorrow, the mayor said.", "decide", "future"),
    ("Mira Halden said talks would resume on Monday.", "resume", "future"),
    ("Mira Halden said talks would resume on Monday.", "said", "past"),
    ("The union plans to strike next week.", "strike", "future"),
    ("The envoy is due to arrive in Tallinn on Friday.", "arrive", "future"),
    ("The committee is set to vote next week.", "vote", "future"),
    ("He is going to travel to Oslo next month.", "travel", "future"),
    ("Officials expect to sign the accord on Monday.", "sign", "future"),
    ("The minister had met the delegation on Tuesday.", "met", "past"),
    ("Police have arrested four men since Sunday.", "arrested", "past"),
    ("The bridge was closed on Wednesday.", "closed", "past"),
    ("Farmers blocked the road on Wednesday.", "blocked", "past"),
    ("The festival opens March 3.", "opens", "present"),
    ("Officials say the border remains closed.", "say", "present"),
])
def test_tense_of(nlp_base, sentence, verb, expected):
    assert tense_of(_tok(nlp_base(sentence), verb)) == expected


# --- time_expressions -----------------------------------------------------------------

def _texts(doc):
    """(text, start, end) of each time expression in the whole doc."""
    return [(e.text, e.start_char, e.end_char) for e in time_expressions(doc[:])]


def test_time_expressions_quote_what_a_reader_would(nlp_base):
    doc = nlp_base("Protesters gathered over the weekend in Varna, police said last night.")
    assert _texts(doc) == [("over the weekend", 20, 36), ("last night", 59, 69)]


def test_time_expressions_drop_preposition_and_durations(nlp_base):
    doc = nlp_base("The 45-year-old mayor, who has served for three years, will step down on April 1.")
    assert _texts(doc) == [("April 1", 73, 80)]


def test_time_expressions_keep_clock_time_with_its_day(nlp_base):
    doc = nlp_base("The minister met the delegation at 10 a.m. Wednesday.")
    assert _texts(doc) == [("10 a.m. Wednesday", 35, 52)]


# --- date_of ---------------------------------------------------------------------------

SENT = "Minister Jana Kovic said on Thursday that talks would resume on Monday."


def test_date_of_cue_and_content_verb(nlp_base):
    doc = nlp_base(SENT)
    sent = doc[:]
    assert date_of(_tok(doc, "said"), sent, THU) == DateRef("Thursday", 28, 36, "2026-03-12", "day")
    assert date_of(_tok(doc, "resume"), sent, THU) == DateRef("Monday", 64, 70, "2026-03-16", "day")


def test_date_of_noun_trigger_uses_its_verb(nlp_base):
    doc = nlp_base("Negotiators from both sides will hold talks on Monday in Geneva.")
    assert date_of(_tok(doc, "talks"), doc[:], THU) == DateRef("Monday", 47, 53, "2026-03-16", "day")


def test_date_of_noun_trigger_with_attached_date(nlp_base):
    doc = nlp_base("Talks on Tuesday ended without agreement.")
    assert date_of(_tok(doc, "Talks"), doc[:], THU) == DateRef("Tuesday", 9, 16, "2026-03-10", "day")


def test_date_of_past_event_and_later_cue(nlp_base):
    doc = nlp_base("She had visited the border town last week, aides said Tuesday.")
    assert date_of(_tok(doc, "visited"), doc[:], THU) == DateRef(
        "last week", 32, 41, "2026-03-02/2026-03-08", "week")
    assert date_of(_tok(doc, "said"), doc[:], THU) == DateRef("Tuesday", 54, 61, "2026-03-10", "day")


def test_date_of_weekend_published_on_sunday(nlp_base):
    doc = nlp_base("Rebels shelled the airport over the weekend, the army said.")
    ref = date_of(_tok(doc, "shelled"), doc[:], SUN)
    assert ref == DateRef("over the weekend", 27, 43, "2026-03-14/2026-03-15", "weekend")


def test_date_of_according_to_statement(nlp_base):
    doc = nlp_base("According to a statement released Thursday, the army withdrew.")
    assert date_of(_tok(doc, "According"), doc[:], THU) == DateRef(
        "Thursday", 34, 42, "2026-03-12", "day")


def test_date_of_none_when_no_expression_modifies_head(nlp_base):
    doc = nlp_base("The union plans to meet Thursday, a spokesman said.")
    assert date_of(_tok(doc, "said"), doc[:], THU) is None
    assert date_of(_tok(doc, "meet"), doc[:], THU) == DateRef("Thursday", 24, 32, "2026-03-19", "day")


def test_date_of_without_publication_date_keeps_text(nlp_base):
    doc = nlp_base(SENT)
    assert date_of(_tok(doc, "said"), doc[:], None) == DateRef("Thursday", 28, 36, None, None)


def test_date_of_offsets_in_a_later_sentence(nlp_base):
    doc = nlp_base("Markets fell sharply. Finance minister Ola Brandt said on Friday that rates would rise.")
    sent = list(doc.sents)[1]
    ref = date_of(_tok(doc, "said"), sent, THU)
    assert ref == DateRef("Friday", 58, 64, "2026-03-06", "day")
    assert doc.text[ref.start:ref.end] == "Friday"


@pytest.mark.parametrize("text", ["", "soon", "the 12th of never", "Feb. 30", "2026-02-30", "the 1990s"])
def test_odd_text_is_unresolved_not_an_error(text):
    assert resolve(text, THU, "past") == (None, None)


def test_resolve_accepts_a_datetime_publication():
    from datetime import datetime

    assert resolve("yesterday", datetime(2026, 3, 12, 23, 59), "past") == ("2026-03-11", "day")


@pytest.mark.parametrize("sentence,verb,expected", [
    ("The two leaders will meet Thursday in Riga.", "meet", "2026-03-19"),
    ("The two leaders met Thursday in Riga.", "met", "2026-03-12"),
    ("The two leaders are meeting Monday in Riga.", "meeting", "2026-03-16"),
    ("The two leaders had met Monday in Riga.", "met", "2026-03-09"),
])
def test_date_of_uses_the_verbs_tense(nlp_base, sentence, verb, expected):
    doc = nlp_base(sentence)
    ref = date_of(_tok(doc, verb), doc[:], THU)
    assert (ref.value, ref.precision) == (expected, "day")


def test_date_of_noun_subject_of_scheduled_verb(nlp_base):
    doc = nlp_base("Talks are scheduled to resume next Tuesday, a spokeswoman told RUV on Monday.")
    assert date_of(_tok(doc, "Talks"), doc[:], THU) == DateRef(
        "next Tuesday", 30, 42, "2026-03-17", "day")
    assert date_of(_tok(doc, "told"), doc[:], THU) == DateRef("Monday", 70, 76, "2026-03-09", "day")
