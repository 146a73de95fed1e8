"""Dates and addressees carried over inside one speech event (statements/carryover.py), on sentences written
for the project. Thursday 12 March 2026 is the publication day."""

from datetime import date

import pytest

PUB = date(2026, 3, 12)


@pytest.fixture
def dated(run):
    """(speaker name, date value, inherited) of each statement."""
    def _dated(text):
        return [(s.speaker.name if s.speaker else None, s.date.value if s.date else None,
                 bool(s.date and s.date.inherited)) for s in run(text, PUB)._.statements]

    return _dated


def test_a_quote_run_and_the_same_speakers_next_sentences_take_the_day(dated):
    text = ("Finance Minister Ola Berg said Wednesday that the budget was balanced. \u201cWe kept our promise.\u201d "
            "Berg said the surplus would go to schools.")
    assert dated(text) == [("Ola Berg", "2026-03-11", False), ("Ola Berg", "2026-03-11", True),
                           ("Ola Berg", "2026-03-11", True)]


def test_speakers_at_the_leads_meeting_share_its_day_but_an_interview_does_not(dated):
    text = ("Council members warned Wednesday that the dam was unsafe. "
            "\u201cThe cracks are widening,\u201d Councillor Ines Roca told council members. "
            "Engineer Paul Odum told the Valley Courier that repairs would take a year. "
            "Hydrology professor Mia Sand said the river was rising.")
    assert dated(text) == [
        ("Council members", "2026-03-11", False), ("Ines Roca", "2026-03-11", True),
        ("Paul Odum", None, False),  # his own interview: another speech event
        ("Mia Sand", None, False),  # an expert asked for comment
    ]


def test_members_of_the_group_the_lead_speaks_for_share_its_day_even_in_their_own_interviews(dated):
    text = ("Senior Danish officials said Sunday that the ferry tariffs would stay. "
            "Transport Minister Jens Holm told the Nordic Herald that the tariffs were needed.")
    assert [d[1] for d in dated(text)] == ["2026-03-08", "2026-03-08"]


def test_a_reaction_in_a_subordinate_clause_is_not_the_leads_event(dated):
    text = ("The ministers said Monday that the talks had failed. "
            "The statement comes as the Kremlin said that more time was needed.")
    assert [d[1] for d in dated(text)] == ["2026-03-09", None]


def test_has_said_reports_no_one_occasion(dated):
    text = ("Mayor Lena Holt said Tuesday that the bridge would reopen. "
            "Holt has said the city cannot afford a new one.")
    assert [d[1] for d in dated(text)] == ["2026-03-10", None]


def test_a_quote_ending_its_sentence_does_not_take_the_next_sentences_verb_as_its_cue(run):
    text = ("\u201cThe harbour is closed,\u201d Pilot Anna Vik said. \u201cNo ship will leave today.\u201d "
            "Trawler owners and the port authority also disagreed about the fees.")
    first = run(text, PUB)._.statements[0]
    assert first.speaker.name == "Anna Vik"
    assert first.content.text == "The harbour is closed No ship will leave today."


def test_a_transcripts_next_turn_by_the_same_speaker_has_no_cue_and_still_carries_on(dated):
    # two labelled turns in a row: the second has no cue verb to read a tense from
    text = "Tomas Alder: Is the harbour tax fair?\n\nTomas Alder: The fishermen say it is not."
    assert dated(text) == [("Tomas Alder", None, False), ("Tomas Alder", None, False)]
