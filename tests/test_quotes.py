"""Quotation-mark scanning: pairing, paragraph reopening, mark styles, apostrophes."""

from communique.extract.statements.quotes import find_quotes


def pieces(text):
    return [[text[s:e] for s, e in q.pieces] for q in find_quotes(text)]


def test_curly_and_straight_pairs():
    text = 'He said \u201cno deal\u201d and then "maybe later" in a speech.'
    assert pieces(text) == [["no deal"], ["maybe later"]]


def test_multi_paragraph_quote_reopens_without_closing():
    text = '\u201cWe will stay.\n\n\u201cWe will not leave.\u201d\n\nThe minister left.'
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert [text[s:e] for s, e in quotes[0].pieces] == ["We will stay.", "We will not leave."]
    assert quotes[0].closed is True


def test_unclosed_quote_ends_at_its_paragraph():
    text = '"We will stay, he said.\n\nThe next day the army left.'
    quotes = find_quotes(text)
    assert [[text[s:e] for s, e in q.pieces] for q in quotes] == [["We will stay, he said."]]
    assert quotes[0].closed is False


def test_guillemets():
    assert pieces("Il a dit \u00abnous restons\u00bb hier.") == [["nous restons"]]


def test_single_marks_only_without_double_marks():
    text = "The minister said \u2018we won\u2019t move\u2019 and left. It\u2019s over."
    assert pieces(text) == [["we won\u2019t move"]]


def test_nested_single_quotes_stay_inside():
    text = 'She said "the \u2018so-called\u2019 plan failed" on Monday.'
    assert pieces(text) == [["the \u2018so-called\u2019 plan failed"]]


def test_apostrophes_do_not_open_quotes():
    assert pieces("The country's minister didn't say it's over.") == []


def test_doubled_apostrophes_serve_as_double_marks():
    text = "Mr. Lund said, ''We are ready,'' and left. It's late."
    quotes = find_quotes(text)
    assert [text[s:e].strip(" '") for q in quotes for s, e in q.pieces] == ["We are ready,"]
