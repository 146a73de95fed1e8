"""Hypothesis strategies for news-like text: attributions in every quoting style and the oddities around them.

All names and sentences are made up for the tests. Pieces are kept short so that hundreds of
examples run in seconds; very long sentences are still drawn, with a bounded length.
"""

from __future__ import annotations

from hypothesis import strategies as st

NAMES = ["Katrin Solberg", "Dawit Alemu", "Ines Tavares", "Marek Novak", "Amina Diallo", "Li Wei",
         "Hesham Abdel-Rahman", "José Peña", "Ngozi Okafor", "Ólafur Gíslason"]
ROLES = ["Foreign Minister", "the prime minister", "a spokeswoman for the ministry", "President",
         "the army chief", "an official who asked not to be named", "the envoy"]
PLACES = ["Norway", "Ethiopia", "Brasília", "the European Union", "Kyiv", "Manila", "the UN"]
CUES = ["said", "told reporters", "said on Tuesday", "added", "warned", "denied", "insisted", "wrote",
        "said in a statement", "told the BBC"]
CLAUSES = ["talks would resume next week", "the border would stay closed", "we will not sign",
           "the ceasefire is holding", "troops had withdrawn from the town", "aid must reach the north",
           "sanctions were a mistake", "the vote was fair"]
QUOTES = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"),
          ("'", "'"), ("\u300c", "\u300d"), ("\u201c", ""), ("", "\u201d"), ('"', "")]
DASHES = ["\u2014", "\u2013", "--", "\u2015", " - "]
BULLETS = ["\u2022 ", "* ", "- ", "1. ", "\u25aa "]
EMOJI = ["\U0001F642", "\U0001F1F3\U0001F1F4", "\U0001F469\u200d\U0001F469\u200d\U0001F467", "\U0001F44D\U0001F3FD",
         "\u2764\ufe0f"]
RTL = ["\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631", "\u05d0\u05de\u05e8 \u05d4\u05e9\u05e8",
       "\u200f", "\u200e", "\u202e", "\u202c", "\u2067", "\u2069"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u00a0", "\u2028", "\u2029", "\t",
             "\u3000"]
MARKS = ["e\u0301", "\u00e9", "\u4e2d\u56fd", "\u00df", "\u0130", "\u1e9e"]
ENDS = [".", "!", "?", "...", "\u2026", "", ".\u201d", ";", ":"]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\r\n", "\r", " \n \n", "\n\n\n\n"]

name = st.sampled_from(NAMES)
who = st.one_of(name, st.sampled_from(ROLES), st.builds("{} {}".format, st.sampled_from(ROLES), name))
clause = st.sampled_from(CLAUSES)
cue = st.sampled_from(CUES)
quote = st.sampled_from(QUOTES)
odd = st.sampled_from(EMOJI + RTL + INVISIBLE + MARKS + DASHES)
end = st.sampled_from(ENDS)


@st.composite
def direct(draw) -> str:
    """'"We will not sign," Solberg said.' and its variants: speaker first, split, unbalanced marks."""
    left, right = draw(quote)
    body = draw(clause)
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"{left}{body},{right} {draw(who)} {draw(cue)}{draw(end)}"
    if form == 1:
        return f"{draw(who)} {draw(cue)}: {left}{body}{draw(end)}{right}"
    if form == 2:
        return f"{left}{body},{right} {draw(who)} {draw(cue)}, {left}{draw(clause)}{draw(end)}{right}"
    return f"{draw(who)} {draw(cue)} {left}{body}{right} and {left}{draw(clause)}{right}{draw(end)}"


@st.composite
def indirect(draw) -> str:
    """'Solberg said that talks would resume.', 'According to X, ...', and mixed quotes."""
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"{draw(who)} {draw(cue)} that {draw(clause)}{draw(end)}"
    if form == 1:
        return f"According to {draw(who)}, {draw(clause)}{draw(end)}"
    if form == 2:
        left, right = draw(quote)
        return f"{draw(who)} {draw(cue)} {draw(clause)} and called it {left}{draw(clause)}{right}{draw(end)}"
    return f"{draw(clause).capitalize()}, {draw(who)} {draw(cue)} in {draw(st.sampled_from(PLACES))}{draw(end)}"


@st.composite
def event(draw) -> str:
    """Event-like sentences: meetings, accusations, attacks, aid."""
    verb = draw(st.sampled_from(["met", "accused", "attacked", "sent aid to", "threatened", "agreed with",
                                 "called on", "rejected a proposal from", "signed a deal with"]))
    return f"{draw(who)} {verb} {draw(who)} in {draw(st.sampled_from(PLACES))} on Monday{draw(end)}"


@st.composite
def long_sentence(draw) -> str:
    """One sentence of up to a few hundred words, clauses joined without a full stop."""
    parts = draw(st.lists(st.one_of(clause, who, cue), min_size=20, max_size=80))
    return ", ".join(parts) + draw(end)


@st.composite
def noise(draw) -> str:
    """Bullets, dashes, emoji, right-to-left text, invisible characters, or a little random Unicode."""
    form = draw(st.integers(0, 3))
    if form == 0:
        return draw(st.sampled_from(BULLETS)) + draw(st.one_of(direct(), indirect()))
    if form == 1:
        return "".join(draw(st.lists(odd, min_size=1, max_size=6)))
    if form == 2:
        return f"{draw(who)} {draw(st.sampled_from(DASHES))} {draw(st.one_of(direct(), indirect()))}"
    alphabet = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
    return draw(st.text(alphabet=alphabet, min_size=1, max_size=12))


@st.composite
def sprinkled(draw, piece) -> str:
    """A piece with an odd character put in at a random place."""
    text = draw(piece)
    if not text or not draw(st.booleans()):
        return text
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(odd) + text[at:]


sentence = st.one_of(
    sprinkled(direct()), sprinkled(indirect()), event(), noise(),
    st.builds(str.upper, indirect()),  # a shouted headline
)


@st.composite
def article(draw) -> str:
    """An article: sentences and the occasional long one, joined by spaces, line and paragraph breaks."""
    pieces = draw(st.lists(st.one_of(sentence, sentence, sentence, long_sentence()), min_size=1, max_size=8))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    text = "".join(p + s for p, s in zip(pieces, seps))
    return text if text.strip() else "Katrin Solberg said so."
