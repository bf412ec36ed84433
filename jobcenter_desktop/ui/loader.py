"""Loads for views, off the UI thread: the newest request wins.

A view asks for its rows with :meth:`BackgroundLoad.request`; the work runs on a worker thread and the result
arrives on the UI thread through :attr:`BackgroundLoad.loaded`. A new request while one runs (a filter changed,
a keystroke) cancels the running one at its next progress report and drops its result, so the view only ever
shows the answer to its latest question. The window keeps painting and taking keys throughout.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from jobcenter_desktop.services.errors import Cancelled, ServiceError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a job's outcome from the worker thread; lives on the UI thread, so delivery is queued there."""

    outcome = Signal(int, object, str)  # generation, result, error (Danish) or ""
    progress = Signal(int, int, int)  # generation, done, total
    partial = Signal(int, object)  # generation, a first part of the result to show meanwhile


class Reporter:
    """What a job is handed: call it with ``(done, total)`` to report progress (False: stop, a newer request
    superseded this one); :meth:`partial` hands the view a first part of the answer to show meanwhile (the
    first screen of a long list)."""

    def __init__(self, job: _Job) -> None:
        self._job = job

    def __call__(self, done: int, total: int) -> bool:
        return self._send(self._job.relay.progress, done, total)

    def partial(self, result: object) -> bool:
        return self._send(self._job.relay.partial, result)

    def _send(self, signal: Any, *args: object) -> bool:
        job = self._job
        if job.owner.generation != job.generation:
            return False  # a newer request superseded this one: stop
        job._emit(signal, job.generation, *args)
        return True


class _Job(QRunnable):
    def __init__(self, owner: BackgroundLoad, generation: int, fn: Callable[[Reporter], Any]) -> None:
        super().__init__()
        self.owner, self.generation, self.fn = owner, generation, fn
        self.relay = owner._relay

    def run(self) -> None:
        try:
            if self.owner.generation != self.generation:
                return  # superseded before it started
            result = self.fn(Reporter(self))
        except Cancelled:
            return
        except ServiceError as e:
            self._emit(self.relay.outcome, self.generation, None, str(e))
        except Exception:
            log.exception("Fejl under indlæsning")
            self._emit(self.relay.outcome, self.generation, None, QCoreApplication.translate(
                "Loader", "Listen kunne ikke hentes. Detaljer står i logfilen."))  # fmt: skip
        else:
            self._emit(self.relay.outcome, self.generation, result, "")

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the view was closed while its load ran: nobody waits for it
            signal.emit(*args)


class BackgroundLoad(QObject):
    """One view's loads. ``loaded(result)`` / ``failed(message)`` arrive on the UI thread for the newest request
    only; ``busy(bool)`` says when a load starts and when the newest one ended (a spinner, a greyed list);
    ``progressed(done, total)`` passes the job's own reports on, ``partial(result)`` its first part of an answer
    (Reporter.partial), before ``loaded``."""

    loaded = Signal(object)
    partial = Signal(object)
    failed = Signal(str)
    busy = Signal(bool)
    progressed = Signal(int, int)

    # Two threads: a superseded load can finish its last statement while the new one already runs.
    _pool: QThreadPool | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.running = False
        self._relay = _Relay(self)
        self._relay.outcome.connect(self._outcome)
        self._relay.progress.connect(self._progress)
        self._relay.partial.connect(self._partial)

    @classmethod
    def pool(cls) -> QThreadPool:
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(2)
            # A process that ends without closing its window (a script, a crash of the caller) must not
            # finalise Python under a worker still reading the database.
            atexit.register(cls.wait_idle)
        return cls._pool

    def request(self, fn: Callable[[Reporter], Any]) -> None:
        """Run ``fn(progress)`` on a worker thread; any earlier request of this loader is cancelled."""
        self.generation += 1
        if not self.running:
            self.running = True
            self.busy.emit(True)
        self.pool().start(_Job(self, self.generation, fn))

    def cancel(self) -> None:
        """Drop whatever is running (the view is closing, or shows something else now)."""
        self.generation += 1
        if self.running:
            self.running = False
            self.busy.emit(False)

    @Slot(int, object, str)
    def _outcome(self, generation: int, result: object, error: str) -> None:
        if generation != self.generation:
            return  # an older request's answer: the view asked something else since
        self.running = False
        self.busy.emit(False)
        if error:
            self.failed.emit(error)
        else:
            self.loaded.emit(result)

    @Slot(int, int, int)
    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progressed.emit(done, total)

    @Slot(int, object)
    def _partial(self, generation: int, result: object) -> None:
        if generation == self.generation and self.running:
            self.partial.emit(result)

    @staticmethod
    def stop_all(root: QObject) -> bool:
        """Drop every load of ``root``'s views and wait until no worker runs any more (the window closes, the
        database file is about to be replaced): no worker may touch a database that is going away."""
        for loader in root.findChildren(BackgroundLoad):
            loader.cancel()
        return BackgroundLoad.wait_idle()

    @staticmethod
    def wait_idle(msecs: int = 30_000) -> bool:
        """Block until no load runs (quitting: a worker must not touch a closed database)."""
        if BackgroundLoad._pool is None:
            return True
        try:
            return BackgroundLoad._pool.waitForDone(msecs)
        except RuntimeError:  # Qt already tore the pool down at exit: its threads are gone with it
            return True
