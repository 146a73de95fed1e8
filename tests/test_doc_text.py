"""Doc.text is read once per document in the pipeline: per-mention code reads docutil.text(doc) instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Every place the pipeline may read Doc.text, as (module, enclosing function); each runs once per document.
ALLOWED = {
    # the cache itself: the one read that fills docutil.text(doc) for a document
    ("communique/extract/docutil.py", "text"),
    # a parse made in pieces is joined once per article, to check its text and seed docutil.text's cache
    ("communique/pieces.py", "_join"),
}


def _is_doc_type(annotation: ast.AST | None) -> bool:
    """The annotation names spaCy's Doc (`Doc`, `tokens.Doc`, `"Doc"`, `Optional[Doc]`)."""
    if annotation is None:
        return False
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name) and node.id == "Doc" or isinstance(node, ast.Attribute) and node.attr == "Doc":
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"\bDoc\b", node.value):
            return True
    return False


class _Reads(ast.NodeVisitor):
    """Collects (enclosing function, line) of each `.text` read on a Doc."""

    def __init__(self):
        self.scope: list[str] = []
        self.doc_names: list[set[str]] = [{"doc"}]
        self.found: list[tuple[str, int]] = []

    def _enter(self, node, names: set[str]) -> None:
        """Visit a class or function body with its name on the scope and its Doc-typed names known."""
        self.scope.append(node.name)
        self.doc_names.append(self.doc_names[-1] | names)
        self.generic_visit(node)
        self.doc_names.pop()
        self.scope.pop()

    def visit_FunctionDef(self, node) -> None:
        """A function: its parameters annotated Doc are Docs inside it."""
        params = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        self._enter(node, {a.arg for a in params if _is_doc_type(a.annotation)})

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node) -> None:
        """A class: its methods are named after it."""
        self._enter(node, set())

    def visit_AnnAssign(self, node) -> None:
        """`x: Doc = ...` makes x a Doc for the rest of the scope."""
        if isinstance(node.target, ast.Name) and _is_doc_type(node.annotation):
            self.doc_names[-1].add(node.target.id)
        self.generic_visit(node)

    def visit_Attribute(self, node) -> None:
        """`doc.text`, `span.doc.text`, `self.doc.text`, or `.text` on a name annotated Doc."""
        owner = node.value
        if node.attr == "text" and isinstance(node.ctx, ast.Load) and (
                isinstance(owner, ast.Name) and owner.id in self.doc_names[-1]
                or isinstance(owner, ast.Attribute) and owner.attr == "doc"):
            self.found.append((".".join(self.scope) or "<module>", node.lineno))
        self.generic_visit(node)


def doc_text_reads(source: str) -> list[tuple[str, int]]:
    """(enclosing function, line) of each read of Doc.text in a module's source."""
    reads = _Reads()
    reads.visit(ast.parse(source))
    return reads.found


def _pipeline_modules():
    """(path, source) of the per-document pipeline: extract/ and every other module that imports spaCy."""
    for path in sorted((ROOT / "communique").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        if rel.startswith("communique/evaluate/"):
            continue  # the evaluation harness scores gold files; it never runs when articles are analysed
        if rel.startswith("communique/extract/") or re.search(r"^\s*(?:from|import) spacy\b", source, re.M):
            yield rel, source


def test_the_scan_finds_each_way_of_reading_doc_text_and_nothing_else():
    source = '''
"""doc.text in a docstring is no read."""
from spacy.tokens import Doc

def f(doc, span, other: Doc, maybe: "Optional[Doc]"):
    a = doc.text                  # 6
    b = span.doc.text             # 7
    c = other.text                # 8
    d = maybe.text                # 9
    e = doc[0:3].text             # a span's own text
    g = span.text + doc.text_     # a span, and another attribute
    h = "doc.text"                # a string

class Coder:
    def code(self):
        kept: Doc = self.make()
        return self.doc.text, kept.text   # 17

def g(d):
    return d.text                 # an unannotated name is not known to be a Doc
'''
    assert doc_text_reads(source) == [("f", 6), ("f", 7), ("f", 8), ("f", 9), ("Coder.code", 17),
                                      ("Coder.code", 17)]


def test_the_pipeline_reads_doc_text_only_in_the_allowed_once_per_document_places():
    """Doc.text is not stored: spaCy joins every token's text each time it is read. Per-mention code that read it
    once per name cost 7% of the pipeline's CPU, and a profile is the only other place that shows it. So this
    scans the source instead, exactly: the syntax tree (not comments or strings) for `.text` read on a name `doc`,
    on any `.doc` attribute, or on a name annotated Doc. Code that needs the text reads docutil.text(doc), which
    joins it once per document; a new place that must read Doc.text itself, once per document, joins ALLOWED with
    a comment saying why. An entry that no longer reads it fails too, so the list stays exact."""
    found = {(rel, func) for rel, source in _pipeline_modules() for func, _ in doc_text_reads(source)}
    assert found - ALLOWED == set(), "read docutil.text(doc) instead of Doc.text"
    assert ALLOWED - found == set(), "allowed reads that are gone: drop them from ALLOWED"
