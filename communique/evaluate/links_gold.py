"""The links test corpus: its articles and its gold (incidents, remarks, responses), matched to stored records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Optional

import yaml

from communique.records import Article

Item = tuple[str, str]  # (doc, snippet)


@dataclass
class Gold:
    """Expected groups and answers, each item named by article and snippet."""

    incidents: dict[str, list[tuple[str, list[str], str]]]
    remarks: dict[str, list[Item]]
    responses: list[dict[str, Any]] = field(default_factory=list)


def load_articles(root: Path) -> list[Article]:
    """The corpus articles from ROOT/articles.yaml, in file order."""
    path = root / "articles.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file (a links corpus holds articles.yaml and gold.yaml)")
    out = []
    for rec in yaml.safe_load(path.read_text(encoding="utf-8")):
        published = rec.get("published")
        if isinstance(published, str):
            published = date.fromisoformat(published)
        out.append(Article(id=str(rec["id"]), text=rec["text"], title=rec.get("title"), published=published,
                           source=rec.get("source"), path=str(path)))
    return out


def load_gold(root: Path) -> Gold:
    """The expected links from ROOT/gold.yaml."""
    path = root / "gold.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    incidents = {name: [(doc, [t] if isinstance(t, str) else list(t), snip) for doc, t, snip in items]
                 for name, items in raw.get("incidents", {}).items()}
    remarks = {name: [(doc, snip) for doc, snip in items] for name, items in raw.get("remarks", {}).items()}
    return Gold(incidents, remarks, raw.get("responses", []))


class Matcher:
    """Finds the stored record a gold item names."""

    def __init__(self, links: Any):
        self.links = links
        self._docs: dict[str, tuple[str, list[dict], list[dict]]] = {}

    def _doc(self, doc: str) -> tuple[str, list[dict], list[dict]]:
        """An article's text and records, read once."""
        if doc not in self._docs:
            text, sts, evs = self.links.records(doc)
            if text is None:
                raise ValueError(f"gold names article {doc!r}, which is not in the store")
            self._docs[doc] = (text, sts, evs)
        return self._docs[doc]

    def span(self, doc: str, snippet: str) -> tuple[int, int]:
        """Where the snippet stands in its article; it must be there exactly once."""
        text = self._doc(doc)[0]
        start = text.find(snippet)
        if start < 0 or text.find(snippet, start + 1) >= 0:
            raise ValueError(f"gold snippet {snippet!r} is not in {doc} exactly once")
        return start, start + len(snippet)

    def event(self, doc: str, types: list[str], snippet: str) -> Optional[str]:
        """The event of one of `types` whose trigger starts inside the snippet."""
        lo, hi = self.span(doc, snippet)
        for ev in self._doc(doc)[2]:
            if ev["event_type"] in types and lo <= ev["trigger"]["start"] < hi:
                return ev["id"]
        return None

    def statement(self, doc: str, snippet: str) -> Optional[str]:
        """The statement whose cue-and-content span overlaps the snippet most."""
        lo, hi = self.span(doc, snippet)
        best, best_overlap = None, 0
        for st in self._doc(doc)[1]:
            spans = [st["content"]] + ([st["cue"]] if st.get("cue") else [])
            s, e = min(x["start"] for x in spans), max(x["end"] for x in spans)
            overlap = min(e, hi) - max(s, lo)
            if overlap > best_overlap:
                best, best_overlap = st["id"], overlap
        return best
