"""ui/tasks.run_task with real threads: the work runs off the UI thread, its progress reaches the dialog,
a ServiceError comes back as a message, an unexpected error as a Danish message (logged), and Annullér stops
the work at its next progress report."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from jobcenter_desktop.services.errors import Cancelled, ServiceError
from jobcenter_desktop.ui.tasks import run_task


def test_result_from_another_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    ui_thread = threading.get_ident()
    seen: list[int] = []

    def work(progress) -> int:  # type: ignore[no-untyped-def]
        seen.append(threading.get_ident())
        for i in range(5):
            assert progress(i, 5)
        return 42

    outcome = run_task(None, "Arbejder", "Et øjeblik …", work)
    assert outcome.result == 42 and outcome.error is None and not outcome.cancelled
    assert seen and seen[0] != ui_thread


def test_errors_come_back_as_messages(qapp, caplog) -> None:  # type: ignore[no-untyped-def]
    def refused(_progress) -> None:  # type: ignore[no-untyped-def]
        raise ServiceError("Filen findes ikke.")

    def broken(_progress) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("intern fejl 123")

    assert run_task(None, "A", "B", refused).error == "Filen findes ikke."
    outcome = run_task(None, "A", "B", broken)
    assert outcome.error is not None and "uventet fejl" in outcome.error and "123" not in outcome.error
    assert "intern fejl 123" in caplog.text  # the details go to the log


def test_annuller_stops_the_work(qapp) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    reports: list[bool] = []

    def work(progress) -> None:  # type: ignore[no-untyped-def]
        started.set()
        for i in range(2000):
            going_on = progress(i, 2000)
            reports.append(going_on)
            if not going_on:
                raise Cancelled
            threading.Event().wait(0.005)

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        if started.is_set() and dialogs:
            [button] = dialogs[0].findChildren(QPushButton)
            assert button.text() == "Annullér"
            button.click()  # what the user does (QProgressDialog.cancel() alone would not tell the worker)
        else:
            QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(20, press_cancel)
    outcome = run_task(None, "Lang opgave", "Arbejder …", work)
    assert outcome.cancelled and outcome.result is None
    assert reports[-1] is False and len(reports) < 2000
