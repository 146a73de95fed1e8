"""Speaker-label lines: transcripts ("PENCE: Well, ...") and headline attributions ("Lopez: Talks near deal")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from communique.extract import docutil

# A paragraph that opens with a short capitalised label and a colon.
LABEL = re.compile(r"^[ \t]*[\"\u201c]?(?P<name>[A-Z][\w.'\u2019\-]*(?: [A-Z][\w.'\u2019\-]*){0,3}):[ \t]+(?P<rest>\S)", re.M)
NOT_SPEAKERS = frozenset(
    "note update updated editor related photo photos video source sources watch read see also correction "
    "disclosure warning q a breaking live exclusive analysis opinion".split()
)


@dataclass
class LabelLine:
    """One labelled line: who speaks, the colon, and what follows to the end of the paragraph."""

    speaker: Span
    colon: int
    content: tuple[int, int]


def label_lines(doc: Doc) -> list[LabelLine]:
    """Every paragraph that starts with a speaker label."""
    text = docutil.text(doc)
    out = []
    for m in LABEL.finditer(text):
        name = m.group("name")
        if name.lower().rstrip(".") in NOT_SPEAKERS or name.split()[0].lower() in NOT_SPEAKERS:
            continue
        span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
        if span is None or not any(t.pos_ in ("PROPN", "NOUN") for t in span):
            continue
        end = text.find("\n", m.start("rest"))
        end = len(text) if end < 0 else end
        while end > m.start("rest") and (text[end - 1].isspace() or text[end - 1] in "\"\u201d"):
            end -= 1
        if end - m.start("rest") >= 8:
            out.append(LabelLine(span, m.end("name"), (m.start("rest"), end)))
    return out


SIGNATURE_DASHES = "\u2015\u2014\u2013-"


def signed_quotes(doc: Doc, quotes) -> list[tuple[object, LabelLine]]:
    """Quotes signed with a dash and a name, as in vox pops: '"We are afraid." \u2015Ana Ruiz'."""
    text = docutil.text(doc)
    out = []
    for q in quotes:
        i = q.end
        while i < len(text) and text[i] in "\"\u201d\u00bb' ":
            i += 1
        if i >= len(text) or text[i] not in SIGNATURE_DASHES:
            continue
        start = i + 1
        while start < len(text) and text[start] == " ":
            start += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        name = doc.char_span(start, end, alignment_mode="contract")
        if name is None or not 0 < len(name) <= 20 or not name[0].is_title:
            continue
        head = name[: next((k for k, t in enumerate(name) if t.text == ","), len(name))]
        if 0 < len(head) <= 5 and all(t.is_title or t.is_punct for t in head):
            out.append((q, LabelLine(name, i, q.pieces[0])))
    return out
