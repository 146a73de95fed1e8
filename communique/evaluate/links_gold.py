"""The links test corpus: its articles and its gold (incidents, remarks, responses), matched to stored records."""

from __future__ import annotations

import json
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

    def __init__(self, db: Any):
        self.db = db
        self._texts: dict[str, str] = {}

    def span(self, doc: str, snippet: str) -> tuple[int, int]:
        """Where the snippet stands in its article; it must be there exactly once."""
        if doc not in self._texts:
            row = self.db.execute("SELECT text FROM articles WHERE doc = ?", (doc,)).fetchone()
            if row is None:
                raise ValueError(f"gold names article {doc!r}, which is not in the store")
            self._texts[doc] = row[0]
        text = self._texts[doc]
        start = text.find(snippet)
        if start < 0 or text.find(snippet, start + 1) >= 0:
            raise ValueError(f"gold snippet {snippet!r} is not in {doc} exactly once")
        return start, start + len(snippet)

    def event(self, doc: str, types: list[str], snippet: str) -> Optional[str]:
        """The event of one of `types` whose trigger starts inside the snippet."""
        lo, hi = self.span(doc, snippet)
        for (js,) in self.db.execute("SELECT json FROM events WHERE doc = ? ORDER BY rowid", (doc,)):
            ev = json.loads(js)
            if ev["event_type"] in types and lo <= ev["trigger"]["start"] < hi:
                return ev["id"]
        return None

    def statement(self, doc: str, snippet: str) -> Optional[str]:
        """The statement whose cue-and-content span overlaps the snippet most."""
        lo, hi = self.span(doc, snippet)
        best, best_overlap = None, 0
        for (js,) in self.db.execute("SELECT json FROM statements WHERE doc = ? ORDER BY rowid", (doc,)):
            st = json.loads(js)
            spans = [st["content"]] + ([st["cue"]] if st.get("cue") else [])
            s, e = min(x["start"] for x in spans), max(x["end"] for x in spans)
            overlap = min(e, hi) - max(s, lo)
            if overlap > best_overlap:
                best, best_overlap = st["id"], overlap
        return best
