"""Worker processes for the local runner: a spawn-based pool whose workers never outlive the run.

A parent killed with kill -9 or SIGTERM used to leave its workers (about 350 MB each) running under
init, blocked for ever on queues nobody reads and holding the command's stdout and stderr, so
`communique ingest ... | tee log` never ended. So each worker asks the kernel to kill it when its
parent dies (and exits at once if that happened before it could ask), and writes its own output to a
pipe the parent copies to stderr: nothing of the command's output stays open in a worker. The
multiprocessing resource tracker, which spawn starts and which inherits stdout and stderr too, ends by
itself once the workers are gone: it waits for end-of-file on a pipe only they and the parent hold.

No spaCy import here: a spawned worker unpickles this module first, so it arms the parent-death
signal a fraction of a second after it starts rather than after the seconds a model import takes.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, Callable, Iterator, Optional

from communique.options import Options

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
TERMINATED = 128 + signal.SIGTERM  # the exit status a shell reports for a process ended by SIGTERM
WATCH_SECONDS = 1.0  # how often a worker without prctl checks that its parent lives


class Terminated(SystemExit):
    """Raised in the main thread when SIGTERM arrives, so the run unwinds: workers stopped, store and files closed."""


class Stop:
    """A `sigterm_unwinds` block's state: `status` is 143 once a SIGTERM ended it early, else 0."""

    def __init__(self) -> None:
        self.status = 0
        self.held = False
        self.pending = False

    @contextmanager
    def hold(self) -> Iterator[None]:
        """A SIGTERM arriving inside waits for the end of it (a result stored and counted is never cut in two)."""
        self.held = True
        try:
            yield
        finally:
            self.held = False
        if self.pending:
            raise Terminated(TERMINATED)

    def signalled(self) -> None:
        """SIGTERM: unwind now, or at the end of the held part."""
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM kills at once, should the unwinding hang
        if self.held:
            self.pending = True
        else:
            raise Terminated(TERMINATED)


@contextmanager
def sigterm_unwinds() -> Iterator[Stop]:
    """Inside the block a first SIGTERM unwinds it (a Terminated exception, caught here) instead of killing the process.

    The caller closes its workers' generator inside the block, so they are stopped before the block ends."""
    stop = Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # signal handlers can only be set from the main thread
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: stop.signalled())
    try:
        yield stop
    except Terminated as exc:
        stop.status = exc.code
    finally:
        signal.signal(signal.SIGTERM, previous)


class Output:
    """One pipe for every worker's stdout and stderr, copied line by line to this process's stderr.

    When the parent dies the read end closes with it, so no worker can keep the command's own
    stdout or stderr (a terminal, a file, `| tee`) open."""

    def __init__(self) -> None:
        self.reader, self.writer = multiprocessing.Pipe(duplex=False)
        self.thread = threading.Thread(target=self._copy, name="worker-output", daemon=True)
        self.thread.start()

    def _copy(self) -> None:
        """Copy lines until every write end is closed (this process's and the workers')."""
        with open(self.reader.fileno(), "r", encoding="utf-8", errors="replace", closefd=False) as lines:
            for line in lines:
                try:
                    sys.stderr.write(line)
                    sys.stderr.flush()
                except (OSError, ValueError):
                    pass  # our own stderr is gone: keep draining so the workers never block on a full pipe

    def close(self, timeout: float = 5.0) -> None:
        """Close this end of the pipe and wait (a little) for what the workers wrote last."""
        self.writer.close()
        self.thread.join(timeout)
        if not self.thread.is_alive():
            self.reader.close()


class Pool:
    """Worker processes and their output pipe, started when the first chunk is submitted."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.output: Optional[Output] = None
        self.executor: Optional[ProcessPoolExecutor] = None

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Run fn(*args) in a worker."""
        if self.executor is None:
            self.output = self.output or Output()
            self.executor = new_pool(self.options, self.output)
        return self.executor.submit(fn, *args)

    def restart(self) -> None:
        """Kill the workers (after one died, the pool is broken); the next submit starts new ones."""
        if self.executor is not None:
            stop(self.executor, finished=False)
        self.executor = None

    def close(self, finished: bool) -> None:
        """Stop the workers (waiting for them only if the run `finished`) and the output copying."""
        if self.executor is not None:
            stop(self.executor, finished)
        if self.output is not None:
            self.output.close()


def new_pool(options: Options, output: Output) -> ProcessPoolExecutor:
    """A spawn-based pool: children start clean (no inherited threads or half-loaded models)."""
    return ProcessPoolExecutor(
        max_workers=options.workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
        initargs=(os.getpid(), output.writer, options),  # the Connection's fd is passed along at spawn
    )


def stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Shut the pool down; a run that did not finish kills its workers first instead of waiting for their chunks."""
    if not finished:
        # No public way to end running workers before Python 3.14 (terminate_workers); their chunks'
        # results would be thrown away, and waiting for them could take up to the time budget.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def init_worker(parent: int, output: Connection, options: Options) -> None:
    """In each worker: die with the parent, write to the parent's pipe, then load the model once."""
    die_with_parent(parent)
    redirect_output(output)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent stops the workers
    from communique.pipeline import get_nlp  # imports spaCy: only now, after the parent-death signal is armed

    get_nlp(options)


def die_with_parent(parent: int) -> None:
    """Have the kernel send SIGKILL when the parent dies (Linux), or watch for it; exit if it already has.

    Strictly, the signal comes when the parent's thread that started this worker ends: the thread that
    consumes the run, which the run does not outlive."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError, TypeError):  # not Linux: no prctl, or no C library to ask
        armed = False
    if not armed:
        threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _watch(parent: int) -> None:
    """End this process once its parent is gone (re-parented: the parent pid changes)."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def redirect_output(output: Connection) -> None:
    """Point this process's stdin at /dev/null and its stdout and stderr at the parent's pipe."""
    sys.stdout.flush()
    sys.stderr.flush()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(output.fileno(), 1)
    os.dup2(output.fileno(), 2)
    os.close(null)
    output.close()
