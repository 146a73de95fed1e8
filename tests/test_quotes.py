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


def test_quote_index_gives_the_quotes_a_range_overlaps_in_text_order():
    from communique.extract.statements.quotes import QuoteIndex

    text = 'Ana said \u201cfirst\u201d, then \u201csecond\u201d and \u201cthird one\u201d before noon.'
    index = QuoteIndex(find_quotes(text))
    words = lambda found: [text[q.start : q.end] for q in found]  # noqa: E731
    assert words(index.overlapping(0, len(text))) == ["first", "second", "third one"]
    assert words(index.overlapping(text.index("first") + 4, text.index("second") + 1)) == ["first", "second"]
    assert words(index.overlapping(text.index("first") + 5, text.index("second"))) == []  # ends meet: no overlap
    assert words(index.overlapping(text.index("noon"), len(text))) == []


def test_quote_index_agrees_with_a_scan_of_every_quote():
    import random

    from communique.extract.statements.quotes import QuoteIndex

    rng = random.Random(2)
    parts = []
    for n in range(400):
        parts.append(rng.choice(["The envoy said ", "Then ", "\n\n", "\u201cWe stay,\u201d ", '"Talks go on" ',
                                 "\u201cA long\n\n\u201cquote goes on\u201d ", "it's late, "]))
    text = "".join(parts)
    quotes = find_quotes(text)
    index = QuoteIndex(quotes)
    for _ in range(2_000):
        start = rng.randrange(len(text))
        end = start + rng.randrange(1, 300)
        assert index.overlapping(start, end) == [q for q in quotes if q.end > start and q.start < end]
