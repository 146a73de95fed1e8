"""Bounded reading: regular files only, byte limits while reading, long lines counted and dropped."""

from __future__ import annotations

import io
import os

import pytest

from communique import reader
from communique.reader import LongLine, Unreadable


class Counting(io.RawIOBase):
    """An endless stream of one byte that counts what was taken from it."""

    def __init__(self, byte: bytes = b"a"):
        self.byte = byte
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        buf[:] = self.byte * len(buf)
        self.taken += len(buf)
        return len(buf)


def test_byte_limits_follow_the_character_cap():
    assert reader.byte_limit("text", 1_000) == 4_000
    assert reader.byte_limit("html", 1_000) == 8_000
    assert reader.line_limit(1_000) == 6_000 + 65_536


def test_an_endless_stream_is_read_only_just_past_the_limit():
    raw = Counting()
    with pytest.raises(Unreadable, match=r"^input is over 4,000 bytes, more than 1,000 characters can take"):
        reader.read_bounded(io.BufferedReader(raw, buffer_size=1024), 4_000, 1_000)
    assert raw.taken <= 4_001 + 1024


def test_a_file_at_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 4_000)
    assert reader.read_file(str(path), 4_000, 1_000) == b"x" * 4_000
    path.write_bytes(b"x" * 4_001)
    with pytest.raises(Unreadable, match=r"^input is 4,001 bytes, more than 1,000 characters can take"):
        reader.read_file(str(path), 4_000, 1_000)


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_being_opened(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    opened = []
    monkeypatch.setattr(reader, "_open_fd", lambda path: opened.append(path))
    with pytest.raises(Unreadable, match=r"^not a regular file: a FIFO \(named pipe\)$"):
        reader.open_regular(str(fifo))
    assert opened == []


@pytest.mark.parametrize("device, kind", [("/dev/null", "a character device"), ("/dev/zero", "a character device")])
def test_devices_are_refused(device, kind):
    with pytest.raises(Unreadable, match=f"^not a regular file: {kind}$"):
        reader.open_regular(device)


def test_a_fifo_swapped_in_after_the_check_is_refused_without_blocking(tmp_path, monkeypatch):
    fifo = tmp_path / "swap.txt"
    os.mkfifo(fifo)
    regular = os.stat(__file__)
    monkeypatch.setattr(reader.os, "stat", lambda path: regular)  # the check saw a regular file
    with pytest.raises(Unreadable, match=r"^not a regular file: a FIFO \(named pipe\)$"):
        reader.open_regular(str(fifo))


def test_bounded_lines_keep_short_lines_and_count_long_ones():
    data = b"short\n" + b"y" * 50 + b"\r\n" + b"z" * 10 + b"\nlast"
    assert list(reader.bounded_lines(io.BytesIO(data), 20)) == [
        b"short\n", LongLine(50), b"z" * 10 + b"\n", b"last"]


def test_a_runaway_line_ends_the_reading():
    stream = io.BufferedReader(Counting(b"q"))
    lines = reader.bounded_lines(io.BufferedReader(reader._Prefixed(b"first\n", stream)), 100)
    first, runaway = list(lines)
    assert first == b"first\n"
    assert runaway.runaway and 6_400 < runaway.length < 6_400 + 2 * reader.CHUNK


def test_joined_gives_back_the_head_then_the_rest():
    stream = reader.joined(b"head ", io.BytesIO(b"and the rest\nsecond\n"))
    assert stream.readline() == b"head and the rest\n"
    assert stream.read() == b"second\n"


def test_a_text_stream_is_read_as_utf8_bytes_a_piece_at_a_time():
    stream = reader.binary_stdin(io.StringIO("caf\u00e9 " * 10_000))
    assert reader.read_upto(stream, 5) == b"caf\xc3\xa9"
    assert len(stream.read()) == 6 * 10_000 - 5
