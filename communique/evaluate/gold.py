"""Development gold for real stories: drafts with strings in, offsets-only gold files out, and back.

Annotators write drafts that follow ../shared/design/annotation-guide.md (strings copied from the story). The
repository keeps only offsets and labels, never a story's sentences, so `build` turns each draft into a gold file of
`[start, end]` offsets and `load` turns a gold file back into strings using the story text read at evaluation time.
Standard library only, so a draft can be checked without the project's environment:

    python3 communique/evaluate/gold.py build DRAFT_DIR OUT_DIR --stories ../shared/data/voa/stories.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

EVENT_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
KINDS = {"direct", "indirect", "mixed"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")
EVENT_LABELS = ("event_type", "mode", "actor", "actor_country", "recipient", "recipient_country", "negated",
                "future", "hypothetical", "claimed_by")
STATEMENT_LABELS = ("kind", "speaker", "addressee", "date", "date_alternatives")


class GoldError(ValueError):
    """A draft that does not match its story."""


def read_stories(path: Path) -> dict[str, dict]:
    """Stories by id from a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return {str(row["id"]): row for row in map(json.loads, filter(str.strip, handle))}


def _all(text: str, needle: str) -> list[int]:
    """Every start offset of needle in text."""
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _locate(text: str, needle: str, near: int, what: str) -> list[int]:
    """Offsets of needle in text, the occurrence closest to `near`."""
    if not needle:
        raise GoldError(f"{what}: empty")
    hits = _all(text, needle)
    if not hits:
        raise GoldError(f"{what}: not found verbatim in the story: {needle[:80]!r}")
    start = min(hits, key=lambda at: abs(at - near))
    return [start, start + len(needle)]


def _in_span(text: str, span: list[int], needle: Optional[str], what: str,
             near: Optional[int] = None) -> Optional[list[int]]:
    """Offsets of needle inside text[span], or None for no needle: a whole-word occurrence ("he" is not the end
    of "the"), the one closest to `near` when given (the content a cue introduces), else the first."""
    if needle is None:
        return None
    hits = [at for at in _all(text[span[0]:span[1]], needle)]
    if not hits:
        raise GoldError(f"{what}: {needle!r} is not inside its sentence")
    hits = [span[0] + at for at in hits]
    whole = [at for at in hits if _whole_word(text, at, at + len(needle))] or hits
    at = min(whole, key=lambda h: abs(h - near)) if near is not None else whole[0]
    return [at, at + len(needle)]


def _whole_word(text: str, start: int, end: int) -> bool:
    """The span neither starts nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (after.isalnum() and text[end - 1].isalnum())


def _check_date(value: Any, what: str) -> None:
    """A date is null, an ISO day or an inclusive ISO range."""
    if value is not None and not (isinstance(value, str) and DATE_RE.match(value)):
        raise GoldError(f"{what}: date {value!r} is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD")


def _sentence(text: str, item: dict, what: str) -> list[int]:
    """Offsets of the item's sentence (the `occurrence`-th when it repeats, counting from 1)."""
    sentence = item.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        raise GoldError(f"{what}: needs a non-empty sentence")
    hits = _all(text, sentence)
    if not hits:
        raise GoldError(f"{what}: sentence not found verbatim: {sentence[:80]!r}")
    index = int(item.get("occurrence", 1)) - 1
    if not 0 <= index < len(hits):
        raise GoldError(f"{what}: occurrence {index + 1} of {len(hits)}")
    return [hits[index], hits[index] + len(sentence)]


def build_statement(text: str, item: dict, what: str) -> dict:
    """One draft statement as offsets and labels."""
    if item.get("kind") not in KINDS:
        raise GoldError(f"{what}: kind must be one of {sorted(KINDS)}")
    if not item.get("speaker"):
        raise GoldError(f"{what}: needs a speaker")
    span = _sentence(text, item, what)
    parts = item.get("content")
    parts = [parts] if isinstance(parts, str) else parts
    if not parts or not all(isinstance(p, str) for p in parts):
        raise GoldError(f"{what}: content must be a string or a list of strings")
    content = [_locate(text, part, span[0], f"{what} content") for part in parts]
    _check_date(item.get("date"), what)
    for alt in item.get("date_alternatives") or []:
        _check_date(alt, what)
    out = {label: item.get(label) for label in STATEMENT_LABELS}
    cue = _in_span(text, span, item.get("cue"), f"{what} cue", near=content[0][0])
    out.update(sentence=span, content=content,
               mention=_in_span(text, span, item.get("mention"), f"{what} mention",
                                near=cue[0] if cue else content[0][0]),
               cue=cue)
    return out


def build_event(text: str, item: dict, what: str) -> dict:
    """One draft event as offsets and labels."""
    if item.get("event_type") not in EVENT_TYPES:
        raise GoldError(f"{what}: event_type {item.get('event_type')!r} is not a PLOVER type")
    span = _sentence(text, item, what)
    out = {"sentence": span}
    out.update({label: item.get(label) for label in EVENT_LABELS})
    for flag in ("negated", "future", "hypothetical"):
        out[flag] = bool(out[flag])
    if item.get("trigger") is not None:
        out["trigger"] = _in_span(text, span, item["trigger"], f"{what} trigger")
    return out


def build(draft: dict, story: dict) -> dict:
    """A gold file (offsets and labels only) from a draft and its story."""
    text, sid = story["text"], str(story["id"])
    if str(draft.get("id")) != sid:
        raise GoldError(f"draft id {draft.get('id')!r} is not story {sid}")
    published = str(story["published"])[:10]
    optional_events = []
    for n, item in enumerate(draft.get("optional_events") or []):
        if item.get("event_type") not in EVENT_TYPES:
            raise GoldError(f"optional event {n}: event_type {item.get('event_type')!r} is not a PLOVER type")
        optional_events.append({"sentence": _sentence(text, item, f"optional event {n}"),
                                "event_type": item["event_type"]})
    optional_statements = []
    for n, item in enumerate(draft.get("optional_statements") or []):
        parts = item.get("content")
        parts = [parts] if isinstance(parts, str) else parts
        optional_statements.append({"content": [_locate(text, p, 0, f"optional statement {n}") for p in parts]})
    return {
        "id": sid,
        "published": published,
        "statements": [build_statement(text, s, f"statement {n}") for n, s in enumerate(draft.get("statements", []))],
        "optional_statements": optional_statements,
        "events": [build_event(text, e, f"event {n}") for n, e in enumerate(draft.get("events", []))],
        "optional_events": optional_events,
    }


def _cut(text: str, span: Optional[list[int]]) -> Optional[str]:
    """The text of one [start, end] span."""
    return None if span is None else text[span[0]:span[1]]


def load(gold: dict, story: dict) -> dict:
    """A gold file with the story's strings filled in beside the offsets (for scoring and for reading)."""
    text = story["text"]
    out = json.loads(json.dumps(gold))
    for item in out["statements"]:
        item["sentence_text"] = _cut(text, item["sentence"])
        item["content_text"] = " ".join(_cut(text, part) for part in item["content"])
        item["mention_text"] = _cut(text, item["mention"])
        item["cue_text"] = _cut(text, item["cue"])
    for item in out["events"] + out["optional_events"]:
        item["sentence_text"] = _cut(text, item["sentence"])
    for item in out["optional_statements"]:
        item["content_text"] = " ".join(_cut(text, part) for part in item["content"])
    return out


def load_dir(gold_dir: Path, stories: dict[str, dict]) -> Iterable[tuple[dict, dict]]:
    """(story, gold with strings) for every gold file in a folder, in id order."""
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        story = stories.get(gold["id"])
        if story is None:
            raise GoldError(f"{path}: story {gold['id']} is not in the stories file")
        yield story, load(gold, story)


def main(argv: Optional[list[str]] = None) -> int:
    """Build offsets-only gold files from drafts; one line per draft that does not match its story."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build"])
    parser.add_argument("drafts", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=Path, default=Path("../shared/data/voa/stories.jsonl"))
    args = parser.parse_args(argv)
    stories = read_stories(args.stories)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in sorted(args.drafts.glob("*.json")):
        try:
            draft = json.loads(path.read_text(encoding="utf-8"))
            story = stories.get(str(draft.get("id")))
            if story is None:
                raise GoldError(f"no story with id {draft.get('id')!r}")
            gold = build(draft, story)
        except (GoldError, ValueError, KeyError, TypeError) as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
            continue
        (args.out / path.name).write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(gold['statements'])} statements, {len(gold['events'])} events")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
