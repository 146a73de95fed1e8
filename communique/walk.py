"""Which files a run reads: the paths given, and the article files in the directories given.

Directories are walked in sorted order, hidden entries ignored, following symbolic links to
directories, but never one back to a directory it is inside (a loop, which would never end) nor into
a directory already read (its articles would be read twice). Each such link, and each directory that
cannot be listed, becomes a Skip: one line naming it and why, and the run goes on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from communique.reader import os_reason
from communique.records import Skip

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
NO_FILES = "no .txt, .text, .html, .htm, .jsonl or .ndjson files in this directory"

Key = tuple[int, int]  # a directory's identity: (device, inode), the same whichever link leads to it
Listing = Union[list[os.DirEntry], Skip]


def expand_paths(paths: Iterable[str]) -> Iterator[Union[str, Skip]]:
    """The files `read_paths` would read, in the same order, and a Skip for each directory with none to read."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = False
            for file in walk(path):
                found = True
                yield file
            if not found:
                yield Skip(path, NO_FILES)
        else:
            yield path


def walk(root: str) -> Iterator[Union[str, Skip]]:
    """Article files under `root` in sorted order, depth first, and a Skip for each directory not read.

    A stack rather than recursion: no depth of nesting (or chain of links) can exhaust Python's stack."""
    first = _key(root)
    listing = _listing(root)
    if isinstance(listing, Skip) or first is None:
        yield listing if isinstance(listing, Skip) else Skip(_shown(root), "cannot read this directory")
        return
    seen: dict[Key, str] = {first: root}
    stack: list[tuple[Key, Iterator[os.DirEntry]]] = [(first, iter(listing))]
    while stack:
        entry = next(stack[-1][1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif not _is_dir(entry):
            if Path(entry.name).suffix.lower() in FORMATS:
                yield entry.path
        else:
            opened = _enter(entry, seen, [key for key, _ in stack])
            if isinstance(opened, Skip):
                yield opened
            else:
                stack.append(opened)


def _enter(entry: os.DirEntry, seen: dict[Key, str], above: list[Key]) -> Union[tuple[Key, Iterator], Skip]:
    """The subdirectory's identity and entries, or a Skip for a loop, a repeat or a listing that fails."""
    key = _key(entry.path)
    if key is None:
        return Skip(_shown(entry.path), "cannot read this directory")
    if key in above:
        return Skip(_shown(entry.path), f"symbolic link back to {_shown(seen[key])}, which holds it: not followed "
                                        "(a loop)")
    if key in seen:
        return Skip(_shown(entry.path), f"the same directory as {_shown(seen[key])}, already read: not read again")
    listing = _listing(entry.path)
    if isinstance(listing, Skip):
        return listing
    seen[key] = entry.path
    return key, iter(listing)


def _listing(path: str) -> Listing:
    """The directory's entries sorted by name, or a Skip saying why it cannot be listed."""
    try:
        with os.scandir(path) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as err:
        return Skip(_shown(path), f"cannot read this directory: {os_reason(err)}")


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether the entry is a directory or a symbolic link to one (a broken link is neither)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _key(path: str) -> Optional[Key]:
    """The directory's (device, inode) after following links, or None if it cannot be reached."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _shown(path: str) -> str:
    """A path as messages and the store show it (undecodable bytes as U+FFFD)."""
    from communique.ingest import display_path  # ingest imports this module

    return display_path(path)
