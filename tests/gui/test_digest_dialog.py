"""The start-of-day digest on the real window: today's and overdue deadlines of mine, not modal, opening a
case, and "Vis ikke igen i dag" kept until tomorrow."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.ui.digest_dialog import DigestDialog, show_digest, wanted_today

TODAY = date(2026, 11, 23)


def test_digest_lists_my_overdue_and_todays_deadlines(qtbot, window, qsettings) -> None:
    dialog = show_digest(window, window.app, qsettings, lambda: TODAY, window.open_case)
    assert isinstance(dialog, DigestDialog) and dialog.isVisible() and not dialog.isModal()
    assert QApplication.activeModalWidget() is None  # the work can start at once
    rows = dialog.model.rows()
    assert rows and {r.urgency for r in rows} <= {Urgency.OVERDUE, Urgency.DUE_TODAY}
    assert {r.caseworker for r in rows} == {"anna.k"}
    mine = [r for r in window.worklist.loaded_rows() if r.urgency in (Urgency.OVERDUE, Urgency.DUE_TODAY)]
    assert {r.milestone_id for r in rows} == {r.milestone_id for r in mine}
    assert "i dag og" in dialog.summary.text()
    dialog.hide_today.setChecked(True)
    dialog.close()
    assert not wanted_today(qsettings, TODAY) and wanted_today(qsettings, TODAY + timedelta(days=1))
    assert show_digest(window, window.app, qsettings, lambda: TODAY, window.open_case) is None


def test_enter_in_the_digest_opens_the_case(qtbot, window, qsettings, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(window, "open_case", opened.append)
    dialog = show_digest(window, window.app, qsettings, lambda: TODAY, window.open_case)
    assert dialog is not None
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [dialog.model.row_at(0).case_id]
    dialog.close()


def test_a_pause_past_its_expected_end_is_in_the_digest(qtbot, frister, qsettings) -> None:
    from jobcenter_desktop.services.cases import NewCase

    case = frister.cases.register(NewCase("kontanthjaelp", "Fiktiv Pause", "010190-1235",
                                          {"foerste_fremmoede": TODAY}), TODAY)  # fmt: skip
    frister.cases.pause(case.id, TODAY, "Sygdom", TODAY, expected_end=TODAY + timedelta(days=2))
    later = TODAY + timedelta(days=3)
    dialog = show_digest(None, frister, qsettings, lambda: later, lambda _c: None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    [row] = dialog.model.rows()
    assert row.case_id == case.id and row.pause_past_expected_end
    assert "1 pause skulle være slut" in dialog.summary.text()
    assert "skulle slutte 25-11" in dialog.model.data(dialog.model.index(0, 0))
