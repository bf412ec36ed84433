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


def test_a_first_part_arrives_before_the_whole_and_never_for_a_superseded_load(qtbot) -> None:  # type: ignore[no-untyped-def]
    loader = BackgroundLoad()
    events: list[tuple[str, object]] = []
    loader.partial.connect(lambda r: events.append(("partial", r)))
    loader.loaded.connect(lambda r: events.append(("loaded", r)))
    go_on, old_started = threading.Event(), threading.Event()

    def old(report):  # type: ignore[no-untyped-def]
        old_started.set()
        go_on.wait(5)
        report.partial("old first page")  # superseded meanwhile: dropped
        return "old"

    loader.request(old)
    assert old_started.wait(5)

    def new(report):  # type: ignore[no-untyped-def]
        go_on.set()
        report.partial("first page")
        time.sleep(0.05)
        return "whole"

    loader.request(new)
    qtbot.waitUntil(lambda: ("loaded", "whole") in events, timeout=5000)
    assert BackgroundLoad.wait_idle(5000)
    qtbot.wait(50)
    assert events == [("partial", "first page"), ("loaded", "whole")]


def test_alle_shows_its_first_page_then_the_rest_below_it(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first page of a long list arrives first; the whole list begins with exactly those rows, is appended
    below them (the row the user selected meanwhile stays selected), and equals a load without a first page."""
    from PySide6.QtCore import QItemSelectionModel

    from jobcenter_desktop.ui import worklist_view

    monkeypatch.setattr(worklist_view, "FIRST_PAGE", 12)  # the demo's 80 cases: a page smaller than the list
    inserted: list[tuple[int, int]] = []
    window.worklist.model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))

    worklist = window.worklist
    pages: list[int] = []
    worklist.loader.partial.connect(lambda p: pages.append(len(p[1])))

    def select_first_row() -> None:
        index = worklist.model.index(3, 0)
        worklist.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                               | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
        first_rows.extend(worklist.rows())

    first_rows: list = []
    worklist.loader.partial.connect(lambda _p: select_first_row())
    worklist.caseworker_combo.setCurrentIndex(worklist.caseworker_combo.findData(""))  # "Alle"
    settled(qtbot, window)
    whole = worklist.rows()
    assert pages == [12] and len(first_rows) == 12 < len(whole)
    assert inserted == [(12, len(whole) - 1)]  # appended, not reset
    assert whole[: len(first_rows)] == first_rows
    assert [i.row() for i in worklist.table.selectionModel().selectedRows()] == [3]
    expected = window.app.deadlines.list(worklist.current_filter(), worklist.today())
    assert [r.milestone_id for r in whole] == [r.milestone_id for r in expected]
