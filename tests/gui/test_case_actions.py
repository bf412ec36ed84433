"""The case actions on the real main window: multi-select in the worklist and the register, the Sag menu and
its shortcuts, the one confirmation, the batch, and "Fortryd" in the status bar."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from support.qt_wait import settled

from jobcenter_desktop.core.models import CaseStatus, DeadlineFilter, MilestoneState
from jobcenter_desktop.ui.main_window import TAB_CASES, TAB_WORKLIST

TODAY = date(2026, 11, 23)  # the demo data's today (conftest)


@pytest.fixture
def window(make_window, demo_db, qsettings, tmp_path):  # type: ignore[no-untyped-def]
    """Each test changes cases: on its own copy of the module's demo database."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, copy)
    return make_window(copy, qsettings)


def _select_rows(view, rows) -> None:  # type: ignore[no-untyped-def]
    sel = view.selectionModel()
    sel.clearSelection()
    for row in rows:
        sel.select(view.model().index(row, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip


def _press(box_name: str, text: str):  # type: ignore[no-untyped-def]
    def handle(box) -> None:  # type: ignore[no-untyped-def]
        assert box.objectName() == box_name, box.objectName()
        [button] = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text]
        button.click()

    return handle


def test_menu_shortcuts_and_tooltips(window) -> None:
    actions = window.case_actions
    assert [a.shortcut().toString() for a in actions.actions] == ["Ctrl+D", "Ctrl+Shift+P", "Ctrl+Shift+O",
                                                                  "Ctrl+Shift+L"]  # fmt: skip
    assert all(a.shortcut().toString() in a.toolTip() for a in actions.actions)
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "case_menu")
    assert [a.text() for a in menu.actions() if a.text()][:4] == [a.text() for a in actions.actions]
    assert window.worklist.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_mark_three_deadlines_done_then_undo_from_the_status_bar(qtbot, window, answer_modal) -> None:
    window.show()
    window.tabs.setCurrentIndex(TAB_WORKLIST)
    table = window.worklist.table
    rows = [r for r in window.worklist.model.rows() if r.state is MilestoneState.OPEN][:3]
    _select_rows(table, [window.worklist.model.rows().index(r) for r in rows])
    assert window.case_actions.done.isEnabled()

    def date_dialog(dlg) -> None:  # type: ignore[no-untyped-def]
        assert "3 milepæle" in dlg.windowTitle()
        answer_modal.schedule(confirm)
        dlg.accept()

    def confirm(box) -> None:  # type: ignore[no-untyped-def]
        assert "3 milepæle markeres udført den 23-11-2026" in box.text()
        _press("bulk_confirm", "Udfør")(box)

    answer_modal.schedule(date_dialog)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # the shortcut, from the table
    answer_modal.check()
    assert answer_modal.seen, "Ctrl+D opened nothing"
    for r in rows:
        m = next(m for m in window.app.cases.get(r.case_id).milestones if m.id == r.milestone_id)
        assert (m.state, m.done_on) == (MilestoneState.DONE, TODAY)
    assert "ændret" in window.statusBar().currentMessage()
    undo = window.case_actions.undo_button
    assert undo.isVisible() and window.case_actions.undo.isEnabled()
    undo.click()
    settled(qtbot, window)
    for r in rows:
        m = next(m for m in window.app.cases.get(r.case_id).milestones if m.id == r.milestone_id)
        assert m.state is MilestoneState.OPEN
    assert not undo.isVisible() and "Fortrudt" in window.statusBar().currentMessage()
    shown = {r.milestone_id for r in window.worklist.model.rows()}
    assert {r.milestone_id for r in rows} <= shown  # the rows came back into the worklist


def test_reassign_a_whole_caseload_spread_over_two(qtbot, window, answer_modal) -> None:
    window.show()
    window.tabs.setCurrentIndex(TAB_CASES)
    window.cases.reload()
    settled(qtbot, window)  # the register searches off the UI thread
    table = window.cases.table
    mine = [i for i in range(window.cases.proxy.rowCount())
            if window.cases.model.row_at(window.cases.proxy.mapToSource(window.cases.proxy.index(i, 0)).row())
            .caseworker == "anna.k"]  # fmt: skip
    assert len(mine) >= 2
    _select_rows(table, mine)

    def reassign(dlg) -> None:  # type: ignore[no-untyped-def]
        spread = dlg.spread_list
        for i in range(spread.count()):
            if spread.item(i).data(Qt.ItemDataRole.UserRole) in ("bo.l", "carla.m"):
                spread.item(i).setCheckState(Qt.CheckState.Checked)
        answer_modal.schedule(_press("bulk_confirm", "Udfør"))
        dlg.accept()

    answer_modal.schedule(reassign)
    window.case_actions.reassign.trigger()
    answer_modal.check()
    rows = window.app.deadlines.list(DeadlineFilter(caseworker="anna.k"), TODAY)
    assert not [r for r in rows if r.state is MilestoneState.OPEN]  # all of anna.k's open work moved
    moved = window.app.cases.search("", CaseStatus.OPEN, caseworker="bo.l") + window.app.cases.search(
        "", CaseStatus.OPEN, caseworker="carla.m")
    assert len(moved) >= len(mine)


def test_a_refused_batch_says_so_and_changes_nothing(qtbot, window, answer_modal) -> None:
    window.show()
    window.tabs.setCurrentIndex(TAB_WORKLIST)
    first = window.worklist.model.row_at(0)
    _select_rows(window.worklist.table, [0])
    window.app.cases.update_notes(first.case_id, "en kollega skrev imens")  # the row's version is now old

    def close_dialog(dlg) -> None:  # type: ignore[no-untyped-def]
        answer_modal.schedule(lambda box: (_press("bulk_confirm", "Udfør")(box),
                                           answer_modal.schedule(lambda err: err.accept())))  # fmt: skip
        dlg.accept()

    answer_modal.schedule(close_dialog)
    window.case_actions.close.trigger()
    answer_modal.check()
    assert window.app.cases.get(first.case_id).status is CaseStatus.OPEN
    error = [w for w in answer_modal.seen if isinstance(w, QMessageBox) and w.objectName() == "error_box"]
    assert error, "the conflict was not shown"


def test_closing_a_case_in_its_window_can_be_undone_from_the_status_bar(qtbot, window, answer_modal) -> None:
    from jobcenter_desktop.ui.case.dialog import CaseDialog

    window.show()
    row = window.worklist.model.row_at(0)

    def in_case_window(dlg) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dlg, CaseDialog)

        def date_dialog(d) -> None:  # type: ignore[no-untyped-def]
            d.accept()

        answer_modal.schedule(date_dialog)
        dlg.close_button.click()  # Luk sag, today
        assert dlg.case.status is CaseStatus.CLOSED
        dlg.reject()

    answer_modal.schedule(in_case_window)
    window.open_case(row.case_id)
    answer_modal.check()
    assert window.app.cases.get(row.case_id).status is CaseStatus.CLOSED
    assert window.case_actions.undo_button.isVisible() and row.case_number in window.statusBar().currentMessage()
    window.case_actions.undo_button.click()
    assert window.app.cases.get(row.case_id).status is CaseStatus.OPEN
