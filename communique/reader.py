"""Bounded reading: regular files only, byte limits checked while reading, lines of limited length.

Every input goes through here, so no input can make a run read without end (/dev/zero, a FIFO
nobody writes to, an endless pipe) or load more than the character cap allows.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from typing import IO, BinaryIO, Iterator, Optional, Union

CHUNK = 1 << 20  # bytes read at a time
# A character takes at most 4 bytes in UTF-8 and in UTF-16 (a surrogate pair), 1 in Latin-1.
TEXT_BYTES_PER_CHAR = 4
# HTML pages carry markup, scripts and styles around the article text.
HTML_BYTES_PER_CHAR = 8
# A JSON string spends at most 6 bytes on a character of the article ("\u00e9"), plus the other fields.
JSONL_BYTES_PER_CHAR = 6
JSONL_SLACK = 64 * 1024
# A line this many times over the limit is not JSON Lines at all: stop reading that input.
RUNAWAY_LINE = 64

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


class Unreadable(Exception):
    """An input that becomes a Skip with this message."""


@dataclass
class LongLine:
    """A line over the length limit; its bytes were counted and dropped, never held."""

    length: int
    runaway: bool = False  # so long that the rest of the input was not read


Line = Union[bytes, LongLine]


def byte_limit(kind: str, max_chars: int) -> int:
    """The most bytes a text or HTML input may have for an article of `max_chars` characters."""
    per_char = HTML_BYTES_PER_CHAR if kind == "html" else TEXT_BYTES_PER_CHAR
    return per_char * max_chars


def line_limit(max_chars: int) -> int:
    """The most bytes a JSON Lines line may have for an article of `max_chars` characters."""
    return JSONL_BYTES_PER_CHAR * max_chars + JSONL_SLACK


def os_reason(err: OSError) -> str:
    """Short lower-case reason from an OSError ("no such file or directory")."""
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return (err.strerror or str(err)).lower()


def not_regular(mode: int) -> Optional[str]:
    """Why a file of this mode is not read ("not a regular file: a FIFO (named pipe)"), or None."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"not a regular file: {kind}"


def _open_fd(path: str) -> int:
    """A read-only descriptor that cannot block (a FIFO swapped in after the check) nor take a terminal."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    return os.open(path, flags)


def open_regular(path: str) -> tuple[BinaryIO, int]:
    """The open file and its size; FIFOs, devices and sockets are refused without being opened."""
    try:
        reason = not_regular(os.stat(path).st_mode)
        if reason:
            raise Unreadable(reason)
        fd = _open_fd(path)
    except OSError as err:
        raise Unreadable(os_reason(err)) from None
    info = os.fstat(fd)
    reason = not_regular(info.st_mode)
    if reason:  # replaced between the check and the open
        os.close(fd)
        raise Unreadable(reason)
    return os.fdopen(fd, "rb"), info.st_size


def too_many_bytes(limit: int, max_chars: int, size: Optional[int] = None) -> str:
    """The over-the-byte-limit message, with the size when it is known."""
    what = f"{size:,} bytes" if size is not None else f"over {limit:,} bytes"
    return f"input is {what}, more than {max_chars:,} characters can take (--max-chars)"


def read_bounded(fh: IO[bytes], limit: int, max_chars: int) -> bytes:
    """All of `fh`, read in chunks; Unreadable as soon as it passes `limit` bytes."""
    buf = bytearray()
    while True:
        chunk = fh.read(min(CHUNK, limit + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > limit:
            raise Unreadable(too_many_bytes(limit, max_chars))


def read_file(path: str, limit: int, max_chars: int) -> bytes:
    """A regular file's bytes, refused unread when its size is already over `limit`."""
    fh, size = open_regular(path)
    with fh:
        if size > limit:
            raise Unreadable(too_many_bytes(limit, max_chars, size))
        try:
            return read_bounded(fh, limit, max_chars)
        except OSError as err:
            raise Unreadable(os_reason(err)) from None


def bounded_lines(fh: IO[bytes], limit: int) -> Iterator[Line]:
    """The lines of `fh`; a line longer than `limit` bytes (newline aside) is a LongLine, read in chunks."""
    while True:
        line = fh.readline(limit + 2)
        if not line:
            return
        if len(line.rstrip(b"\r\n")) <= limit:
            yield line
            continue
        length, runaway = _drain(fh, line, limit * RUNAWAY_LINE)
        yield LongLine(length, runaway)
        if runaway:
            return


def _drain(fh: IO[bytes], start: bytes, most: int) -> tuple[int, bool]:
    """Skip the rest of a long line: its length (newline aside), and whether it ran past `most` bytes."""
    length = len(start)
    tail = start
    while not tail.endswith(b"\n"):
        if length > most:
            return length, True
        tail = fh.readline(CHUNK)
        if not tail:
            break
        length += len(tail)
    return length - (len(tail) - len(tail.rstrip(b"\r\n"))), False  # the newline is not the line's


class _Prefixed(io.RawIOBase):
    """Bytes already taken from a stream, given back in front of the rest of it."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        """Fill `buf` from the head first, then from the stream (as much as is there)."""
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buf))
        buf[: len(data)] = data
        return len(data)


def joined(head: bytes, rest: IO[bytes]) -> BinaryIO:
    """A stream that yields `head`, then whatever `rest` still holds."""
    return io.BufferedReader(_Prefixed(head, rest))


class _EncodedText(io.RawIOBase):
    """A text stream (a replaced sys.stdin) read as UTF-8 bytes, a bounded piece at a time."""

    def __init__(self, text: IO[str]):
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        """Encode up to a buffer's worth of characters at a time."""
        if not self._pending:
            self._pending = self._text.read(max(1, len(buf) // 4)).encode("utf-8", "surrogateescape")
        n = min(len(buf), len(self._pending))
        buf[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def binary_stdin(stream: IO) -> BinaryIO:
    """Standard input as bytes, read lazily (a replaced text stream without .buffer is encoded)."""
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else io.BufferedReader(_EncodedText(stream))


def read_upto(fh: IO[bytes], n: int) -> bytes:
    """Up to `n` bytes, fewer only at the end of the stream."""
    buf = bytearray()
    while len(buf) < n:
        chunk = fh.read(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return bytes(buf)
