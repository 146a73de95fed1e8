"""How the command line fails: one line naming what and why, exit status 1, never a traceback.

Every command runs inside `Main.invoke`, so an error raised anywhere below is reported the same way:
click's own errors with their control characters escaped (a file name or a server's reason may carry
an ESC sequence), a failed write (a missing directory, a full disk) or a store that fails mid-run as
one `Error:` line. Commands that write files open them with `output_file`, which names the file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from contextlib import contextmanager, suppress
from typing import Any, Iterator, TextIO

import click

from communique.ingest import printable


def store_errors() -> tuple[type, ...]:
    """The exceptions a store raises when its database fails (a full disk, a lost server, a corrupt file)."""
    errors: tuple[type, ...] = (sqlite3.Error,)
    try:
        import psycopg

        errors += (psycopg.Error,)
    except ImportError:
        pass
    return errors


class Main(click.Group):
    """The `communique` group: whatever a command raises is shown as one escaped line."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; turn its failures into `click.ClickException`s with printable messages."""
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # output still buffered fails here, where it can be reported, not at exit
        except click.ClickException as exc:
            exc.message = printable(exc.message)
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # the reader went away (`| head`): click ends quietly
            _discard_stdout()
            raise click.ClickException(os_error_line(exc)) from None
        except store_errors() as exc:
            db = getattr(ctx.obj, "db", "")
            where = f"the store {_shown(db)}" if db else "the store"
            raise click.ClickException(printable(f"{where} failed: {_reason(exc)}")) from None


def os_error_line(exc: OSError, path: str = "") -> str:
    """`cannot write PATH: reason` for a write to `path`; else `FILE: reason` for the file the error names, and
    for none, a full or failing device is standard output's (files this package writes are named)."""
    reason = exc.strerror or _reason(exc)
    if path:
        return printable(f"cannot write {path}: {reason}")
    if exc.filename:
        return printable(f"{os.fsdecode(exc.filename)}: {reason}")
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO, errno.EROFS):
        return f"cannot write to standard output: {reason}"
    return printable(reason)


def _shown(db: str) -> str:
    """The --db value for messages, without a password."""
    from communique.store.backend import _redact

    return _redact(db)


def _reason(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so the bytes still buffered do not fail again at exit."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's buffer): nothing is flushed at exit
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


class _Output:
    """A file opened for writing whose failed writes are reported as `cannot write PATH: reason`."""

    def __init__(self, path: str):
        self.path = path
        self.shown = "to standard output" if path == "-" else path
        self.file = self._do(lambda: click.open_file(path, "w", encoding="utf-8", lazy=False))

    def _do(self, action: Any) -> Any:
        """Run `action`; an OSError (but a closed pipe, which click ends quietly) becomes one line."""
        try:
            return action()
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise
            if self.path == "-":
                _discard_stdout()
            raise click.ClickException(os_error_line(exc, self.shown)) from None

    def write(self, text: str) -> int:
        """Write `text`."""
        return self._do(lambda: self.file.write(text))

    def finish(self) -> None:
        """Flush, and close a file (standard output stays open for click's own messages)."""
        self._do(self.file.flush)
        if self.path != "-":
            self._do(self.file.close)

    def abandon(self) -> None:
        """Close a file after another error, quietly: that first error is the one to report."""
        if self.path != "-":
            with suppress(OSError):
                self.file.close()


@contextmanager
def output_file(path: str) -> Iterator[TextIO]:
    """The file at `path` (- for standard output) for writing; failing to open, write or close it is one
    `cannot write PATH: reason` line, and errors of the caller's own pass through as they are."""
    out = _Output(path)
    try:
        yield out  # type: ignore[misc]
    except BaseException:
        out.abandon()
        raise
    out.finish()
