"""ui.loader.BackgroundLoad on real QThreadPool threads: the newest request wins, a superseded load is told to
stop at its next progress report and its answer never arrives, errors arrive as Danish messages, and the busy
signal brackets the whole burst of requests. Also the worklist: typing while its rows load filters the rows
that arrive."""

from __future__ import annotations

import threading
import time

from support.qt_wait import settled

from jobcenter_desktop.services.errors import Cancelled, ServiceError
from jobcenter_desktop.ui.loader import BackgroundLoad


def test_the_newest_request_wins_and_the_older_one_is_stopped(qtbot) -> None:  # type: ignore[no-untyped-def]
    loader = BackgroundLoad()
    got: list[object] = []
    busy: list[bool] = []
    loader.loaded.connect(got.append)
    loader.busy.connect(busy.append)
    started, stopped = threading.Event(), threading.Event()

    def slow(progress):  # type: ignore[no-untyped-def]
        started.set()
        for i in range(500):
            if not progress(i, 500):
                stopped.set()
                raise Cancelled
            time.sleep(0.01)
        return "old"

    loader.request(slow)
    assert started.wait(5)
    loader.request(lambda progress: "new")
    qtbot.waitUntil(lambda: got == ["new"], timeout=5000)
    assert stopped.wait(5)  # the superseded load noticed at its next progress report
    qtbot.wait(50)
    assert got == ["new"] and busy == [True, False] and not loader.running
    assert BackgroundLoad.wait_idle(5000)


def test_a_service_error_arrives_as_its_message_and_a_crash_as_a_danish_one(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    loader = BackgroundLoad()
    failed: list[str] = []
    loader.failed.connect(failed.append)

    def refused(_progress):  # type: ignore[no-untyped-def]
        raise ServiceError("Slutdatoen ligger før startdatoen.")

    loader.request(refused)
    qtbot.waitUntil(lambda: len(failed) == 1, timeout=5000)

    def crash(_progress):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    loader.request(crash)
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=5000)
    assert failed[0] == "Slutdatoen ligger før startdatoen."
    assert "kunne ikke hentes" in failed[1] and "boom" not in failed[1]
    assert "boom" in caplog.text  # the details go to the log


def test_cancel_drops_a_running_load(qtbot) -> None:  # type: ignore[no-untyped-def]
    loader = BackgroundLoad()
    got: list[object] = []
    loader.loaded.connect(got.append)
    release = threading.Event()
    loader.request(lambda _p: release.wait(5) and "late")
    loader.cancel()
    assert not loader.running
    release.set()
    assert BackgroundLoad.wait_idle(5000)
    qtbot.wait(50)
    assert got == []


def test_typing_while_the_worklist_loads_filters_what_arrives(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    worklist = window.worklist
    worklist.caseworker_combo.setCurrentIndex(worklist.caseworker_combo.findData(""))  # "Alle": a new load
    assert worklist.loading
    worklist.search_edit.setText("2026-0000")  # typed before the rows are in
    settled(qtbot, window)
    rows = worklist.rows()
    assert rows and all(r.case_number.startswith("2026-0000") for r in rows)
    assert len(rows) < worklist.model.total()
