"""Long work off the UI thread, with a progress dialog and cancel. The window never freezes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from jobcenter_desktop.services.errors import Cancelled, ServiceError

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], bool]


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = False

    def request_cancel(self) -> None:
        self._cancel = True  # read by the worker thread at its next progress report

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except ServiceError as e:
            self.failed.emit(str(e))
        except Exception:
            log.exception("Fejl i baggrundsopgave")
            self.failed.emit(QCoreApplication.translate("Tasks", "Der opstod en uventet fejl. Detaljer står i "
                                                                 "logfilen."))
        else:
            if self._cancel:
                self.cancelled.emit()
            else:
                self.done.emit(result)


class TaskOutcome:
    def __init__(self) -> None:
        self.result: Any = None
        self.error: str | None = None
        self.cancelled = False


class _Receiver(QObject):
    """Lives on the UI thread, so Qt delivers the worker's signals here queued, on the UI thread.
    (Plain Python callables as slots would run on the worker's thread and touch widgets from there.)"""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop, thread: QThread, outcome: TaskOutcome) -> None:
        super().__init__()
        self.dialog, self.loop, self.worker_thread, self.outcome = dialog, loop, thread, outcome

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        self.worker_thread.quit()
        self.loop.quit()

    @Slot(object)
    def done(self, result: Any) -> None:
        self.outcome.result = result
        self._finish()

    @Slot(str)
    def failed(self, message: str) -> None:
        self.outcome.error = message
        self._finish()

    @Slot()
    def cancelled(self) -> None:
        self.outcome.cancelled = True
        self._finish()


def run_task(parent: QWidget | None, title: str, label: str, fn: Callable[[ProgressFn], Any]) -> TaskOutcome:
    """Run ``fn(progress)`` on a worker thread while a progress dialog with "Annullér" is shown.

    ``progress(done, total)`` returns False once the user cancelled; ``fn`` should then stop (services raise
    ``Cancelled`` and roll back). The UI keeps painting meanwhile; the call returns when the work ends.
    """
    outcome = TaskOutcome()
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Annullér"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setObjectName("progress_dialog")
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    thread = QThread()
    worker = _Worker(fn)
    worker.moveToThread(thread)
    loop = QEventLoop()
    receiver = _Receiver(dialog, loop, thread, outcome)
    worker.progressed.connect(receiver.progressed)
    worker.done.connect(receiver.done)
    worker.failed.connect(receiver.failed)
    worker.cancelled.connect(receiver.cancelled)
    dialog.canceled.connect(worker.request_cancel, Qt.ConnectionType.DirectConnection)  # just sets a flag
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return outcome
