"""Piecewise parsing of long articles: exact text, paragraph-aligned cuts, the same statements."""

from datetime import date

import spacy

from communique.pieces import analyse, document_components, plan, split

PARAGRAPH = ("The harbour master said on Monday that the northern quay would stay closed. "
             "\u201cWe need two more weeks,\u201d she told reporters.")


def test_split_covers_the_text_and_cuts_at_paragraph_breaks():
    text = "\n\n".join([PARAGRAPH] * 40)
    ranges = split(text, size=1000)
    assert "".join(text[s:e] for s, e in ranges) == text
    assert all(e - s <= 1000 for s, e in ranges)
    assert all(text[e - 2 : e] == "\n\n" for _, e in ranges[:-1])


def test_split_falls_back_to_sentences_then_words():
    text = " ".join(["The talks resumed."] * 100)
    ranges = split(text, size=200)
    assert "".join(text[s:e] for s, e in ranges) == text
    assert all(text[e - 1] == " " and text[e - 2] == "." for _, e in ranges[:-1])


def test_document_components_are_ours_after_the_model(nlp):
    assert document_components(nlp) == ["communique_statements", "communique_events"]
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    assert document_components(blank) == []


def test_long_article_parsed_in_pieces_keeps_offsets_and_statements(nlp, monkeypatch):
    import communique.pieces as pieces

    text = "\n\n".join([PARAGRAPH] * 30)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 700)
    doc = next(analyse(nlp, [(text, "long", date(2026, 3, 12))]))
    assert doc.text == text
    found = doc._.statements
    assert len(found) == 60
    assert {text[s.content.start : s.content.end] for s in found} == {
        "the northern quay would stay closed", "We need two more weeks"}
    assert {s.speaker.text for s in found} == {"The harbour master", "she"}
    assert {s.date.value for s in found if s.date} == {"2026-03-09"}


def test_analysed_documents_keep_no_cached_spans(nlp):
    # cached spans point back at their Doc; kept, they held every finished article in memory
    import gc
    import weakref

    text = ("Chile's foreign minister Ana Ruiz said on Monday that Peru had closed the border. "
            "\u201cWe will answer,\u201d Ruiz told reporters.")
    (doc,) = list(analyse(nlp, [(text, "a1", date(2026, 3, 12))]))
    assert [len(doc._.statements), len(doc._.events)] == [2, 1]
    assert [k for k in doc.user_data if isinstance(k, str) and k.startswith("communique_")] == []
    ref = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert ref() is None  # freed at once, by reference counting alone
    finally:
        gc.enable()


def test_pieces_are_let_go_before_the_joined_doc_is_used(nlp, monkeypatch):
    # the parse generator held every piece while the components ran on the joined Doc: twice the memory
    import gc
    import weakref

    import communique.pieces as pieces

    text = "\n\n".join([PARAGRAPH] * 30)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 300)
    made: list = []
    join = pieces._join
    monkeypatch.setattr(pieces, "_join", lambda docs, t: (made.extend(weakref.ref(d) for d in docs), join(docs, t))[1])
    parsed = pieces.parse(nlp, [text], document_components(nlp), batch_size=4)
    gc.disable()
    try:
        doc = next(parsed)
        alive = sum(1 for ref in made if ref() is not None)
    finally:
        gc.enable()
    assert doc.text == text
    assert len(made) == 15
    assert alive <= 4  # the parser's last batch at most, whatever the article's length
    assert doc.tensor.size == 0  # the tok2vec output is not carried into the joined Doc


def test_plan_sets_runs_of_marks_apart_as_junk():
    prose = "The talks resumed.\n\n"
    text = prose + "*" * 300 + "\n\n" + prose + '"' * 100
    assert plan(text) == [(0, 20, False), (20, 320, True), (320, 442, False)]
    assert plan("a" + "(" * 256 + "b") == [(0, 1, False), (1, 257, True), (257, 258, False)]
    assert plan("(" * 255) == [(0, 255, False)]  # shorter runs are tokenised as usual
    assert plan(". " * 300) == [(0, 600, False)]  # marks between spaces are tokens of their own, each cheap


def test_a_run_of_marks_is_one_token_and_the_prose_around_it_keeps_its_statements(nlp):
    marks = '"' * 5000
    text = (f"Ana Ruiz said on Monday that the ferry would sail.\n\n{marks}\n\n"
            "\u201cWe are ready,\u201d Ruiz told reporters.")
    doc = next(analyse(nlp, [(text, "junk", date(2026, 3, 12))]))
    assert doc.text == text
    assert len(doc) == 24 and sum(1 for t in doc if t.text == marks) == 1
    assert [(s.kind, text[s.content.start : s.content.end], s.speaker.name, s.date.value)
            for s in doc._.statements] == [("indirect", "the ferry would sail", "Ana Ruiz", "2026-03-09"),
                                           ("direct", "We are ready", "Ana Ruiz", "2026-03-09")]
