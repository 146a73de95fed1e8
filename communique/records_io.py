"""Records as flat rows and back: what crosses a process or machine boundary (Ray blocks, Parquet files).

A row holds the article's fields and its statements and events as JSON text in the contract's
shape, so a row written by one version of Communiqué can be read by `communique load` and by any
Parquet reader. `row_to_output` rebuilds exactly the records that `output_to_row` was given.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from typing import Any, Optional, Union

from communique.records import Article, Event, Result, Skip, Statement

Row = dict[str, Any]
ARTICLE_FIELDS = ("id", "text", "title", "published", "source", "url", "path")
# Every row has every column (None when not applicable), so blocks share one schema.
ROW_FIELDS = ("kind", *ARTICLE_FIELDS, "reason", "statements", "events")


def item_to_row(item: Union[Article, Skip]) -> Row:
    """An article (or an input that could not be read) as a row."""
    row: Row = dict.fromkeys(ROW_FIELDS)
    if isinstance(item, Skip):
        row.update(kind="skip", path=item.path, reason=item.reason)
        return row
    row.update({k: getattr(item, k) for k in ARTICLE_FIELDS}, kind="article")
    row["published"] = item.published.isoformat() if item.published else None
    return row


def row_to_item(row: Row) -> Union[Article, Skip]:
    """The Article or Skip that `item_to_row` was given."""
    if row["kind"] == "skip":
        return Skip(row["path"], row["reason"])
    published = date.fromisoformat(row["published"]) if row.get("published") else None
    return Article(**{k: row.get(k) for k in ARTICLE_FIELDS if k != "published"}, published=published)


def output_to_row(out: Union[Result, Skip]) -> Row:
    """An extraction output as a row: the article plus its records as JSON text, or a skip."""
    if isinstance(out, Skip):
        return item_to_row(out)
    row = item_to_row(out.article)
    row["kind"] = "result"
    row["statements"] = json.dumps([s.to_dict() for s in out.statements], ensure_ascii=False)
    row["events"] = json.dumps([e.to_dict() for e in out.events], ensure_ascii=False)
    return row


def row_to_output(row: Row) -> Union[Result, Skip]:
    """The Result or Skip that `output_to_row` was given."""
    if row["kind"] == "skip":
        return Skip(row["path"], row["reason"])
    article = row_to_item({**row, "kind": "article"})
    assert isinstance(article, Article)
    statements = [from_dict(Statement, d) for d in json.loads(row["statements"] or "[]")]
    events = [from_dict(Event, d) for d in json.loads(row["events"] or "[]")]
    return Result(article, statements, events)


def from_dict(cls: type, data: Optional[dict[str, Any]]) -> Any:
    """A record dataclass rebuilt from its `to_dict()` form (nested records, lists and tuples included)."""
    if data is None:
        return None
    hints = typing.get_type_hints(cls)
    kwargs = {f.name: _value(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _value(hint: Any, value: Any) -> Any:
    """`value` converted to the type `hint` names (Optional, list, tuple and dataclasses)."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _value(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        return [_value(args[0], v) for v in value] if args else list(value)
    if origin is tuple:
        return tuple(value)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value
