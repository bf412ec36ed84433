"""Sager: the register's model and sort proxy pass Qt's model checks; search (debounced) and the status
filter; closing and reopening a case from the register."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from support.qt_wait import settled

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui.main_window import TAB_CASES
from jobcenter_desktop.ui.models import CaseTableModel

TODAY = date(2026, 11, 23)


def _show_all(view) -> None:
    view.status_combo.setCurrentIndex(view.status_combo.findData(""))
    settled(None, view.window())


def test_models_pass_qt_model_checks(qtmodeltester, window) -> None:
    window.tabs.setCurrentIndex(TAB_CASES)
    settled(None, window)  # the register searches off the UI thread
    view = window.cases
    _show_all(view)
    assert view.model.rowCount() == 80
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    view.table.sortByColumn(CaseTableModel.COL_NEXT, Qt.SortOrder.AscendingOrder)
    view.table.sortByColumn(CaseTableModel.COL_OPEN, Qt.SortOrder.DescendingOrder)
    view.status_combo.setCurrentIndex(view.status_combo.findData(CaseStatus.OPEN.value))


def test_sorting_uses_the_sort_role(window) -> None:
    window.tabs.setCurrentIndex(TAB_CASES)
    settled(None, window)  # the register searches off the UI thread
    view = window.cases
    view.table.sortByColumn(CaseTableModel.COL_OPEN, Qt.SortOrder.DescendingOrder)
    counts = [view.proxy.index(r, CaseTableModel.COL_OPEN).data() for r in range(view.proxy.rowCount())]
    assert [int(c) for c in counts] == sorted((int(c) for c in counts), reverse=True)  # numbers, not text
    view.table.sortByColumn(CaseTableModel.COL_NEXT, Qt.SortOrder.AscendingOrder)
    shown = [view.proxy.index(r, CaseTableModel.COL_NEXT).data() for r in range(view.proxy.rowCount())]
    dated = [date(int(s[6:]), int(s[3:5]), int(s[:2])) for s in shown if s != "—"]
    assert dated == sorted(dated)  # by date, not by the dd-mm-yyyy text
    assert all(s == "—" for s in shown[len(dated) :])  # no next deadline: last


def test_search_and_masked_ids(qtbot, window) -> None:
    window.tabs.setCurrentIndex(TAB_CASES)
    settled(None, window)  # the register searches off the UI thread
    view = window.cases
    citizen = next(view.model.row_at(r) for r in range(view.model.rowCount())
                   if view.model.row_at(r).party.kind is PartyKind.CITIZEN)  # fmt: skip
    ids = [view.model.index(r, CaseTableModel.COL_PARTY_ID).data() for r in range(view.model.rowCount())]
    assert all(re.fullmatch(r"\d{6}-XXXX|\d{8}", i) for i in ids)
    qtbot.keyClicks(view.search_edit, citizen.party.identifier.replace("-", ""))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)  # searching waits for a short pause in typing
    assert view.model.row_at(0).id == citizen.id
    assert view.count_label.text() == "1 sag"  # Danish singular


def test_close_and_reopen_from_the_register(qtbot, make_window, fresh_db, qsettings, frister, answer_modal) -> None:
    case = frister.cases.register(NewCase("fastholdelse", "Fiktiv Person", "010190-1235",
                                          {"foerste_henvendelse": TODAY}), TODAY)  # fmt: skip
    window = make_window(fresh_db, qsettings)
    window.tabs.setCurrentIndex(TAB_CASES)
    settled(None, window)  # the register searches off the UI thread
    view = window.cases
    assert not view.close_button.isEnabled()
    view.table.selectRow(0)
    assert view.current().id == case.id
    assert view.close_button.isEnabled() and not view.reopen_button.isEnabled()
    assert len(window.worklist.rows()) == 2

    def yes(box) -> None:
        assert isinstance(box, QMessageBox)
        assert case.number in box.text() and "bortfalder" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_modal.schedule(yes)
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    answer_modal.check()
    settled(qtbot, window)
    assert frister.cases.get(case.id).status is CaseStatus.CLOSED
    assert view.model.rowCount() == 0  # "Åbne sager"
    assert window.worklist.rows() == []  # the register's change refreshed Mine frister

    _show_all(view)
    view.table.selectRow(0)
    assert view.reopen_button.isEnabled()
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert frister.cases.get(case.id).status is CaseStatus.OPEN
    assert len(window.worklist.rows()) == 2


def test_closing_from_the_register_a_case_a_colleague_changed_is_a_conflict(
        qtbot, make_window, fresh_db, qsettings, frister, answer_modal, monkeypatch) -> None:  # fmt: skip
    """The register used to close without the version it showed, silently overwriting the colleague's change."""
    from jobcenter_desktop.ui import case_register_view

    shown: list[str] = []
    monkeypatch.setattr(case_register_view, "show_error", lambda parent, message, *a: shown.append(message))
    case = frister.cases.register(NewCase("fastholdelse", "Fiktiv Person", "010190-1235",
                                          {"foerste_henvendelse": TODAY}), TODAY)  # fmt: skip
    window = make_window(fresh_db, qsettings)
    window.tabs.setCurrentIndex(TAB_CASES)
    settled(None, window)  # the register searches off the UI thread
    view = window.cases
    view.table.selectRow(0)
    assert view.current().version == case.version
    frister.cases.reassign(case.id, "bo.l", "Team Øst", TODAY, expected_version=case.version)  # meanwhile

    answer_modal.schedule(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    answer_modal.check()
    assert len(shown) == 1 and "ændret af en anden" in shown[0]
    kept = frister.cases.get(case.id)
    assert (kept.status, kept.caseworker) == (CaseStatus.OPEN, "bo.l")
