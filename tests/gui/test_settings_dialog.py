"""Indstillinger: a new closure day is stored and leads to the recompute preview (nothing moves silently);
my identity is saved to QSettings and used at the next start."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui import settings_dialog as settings_module
from jobcenter_desktop.ui.settings_dialog import SettingsDialog

TODAY = date(2026, 11, 23)
CLOSURE = date(2026, 11, 27)  # a Friday


@pytest.fixture
def recompute_calls(monkeypatch):
    """Stand-in for the modal preview: records the call and runs the real preview service."""
    calls = []

    def fake_preview_and_apply(app, reason, parent):
        calls.append((reason, app.recompute.preview()))
        return None  # as when the user chooses "Ikke nu"

    monkeypatch.setattr(settings_module, "preview_and_apply", fake_preview_and_apply)
    return calls


@pytest.fixture
def case(frister):
    # Friday 20 November + 1 week: the talk is due on Friday 27 November, the day about to be closed.
    return frister.cases.register(NewCase("fastholdelse", "Fiktiv Person", "010190-1235",
                                          {"foerste_henvendelse": date(2026, 11, 20)}), TODAY)  # fmt: skip


def _dialog(qtbot, frister, qsettings) -> SettingsDialog:
    dlg = SettingsDialog(frister, qsettings, TODAY)
    qtbot.addWidget(dlg)
    return dlg


def test_closure_day_is_stored_and_previewed(qtbot, frister, qsettings, case, recompute_calls) -> None:
    dlg = _dialog(qtbot, frister, qsettings)
    assert dlg.closures.rowCount() == 0
    add = dlg.findChild(QPushButton, "add_closure_button")
    dlg.closure_date.setDate(QDate(CLOSURE.year, CLOSURE.month, CLOSURE.day))

    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # no reason yet
    assert dlg.closures.rowCount() == 0
    assert dlg.closure_message.text() == "Angiv en begrundelse for lukkedagen."

    qtbot.keyClicks(dlg.closure_reason, "Personaledag")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dlg.closure_message.text() == ""
    assert (dlg.closures.item(0, 0).text(), dlg.closures.item(0, 1).text()) == ("27-11-2026", "Personaledag")
    assert frister.settings.calendar().closures == {}  # nothing is stored before OK

    dlg.accept()
    assert dlg.result() == SettingsDialog.DialogCode.Accepted
    assert frister.settings.calendar().closures == {CLOSURE: "Personaledag"}
    assert frister.calendar.non_working_reason(CLOSURE) == "Lukkedag: Personaledag"

    assert len(recompute_calls) == 1
    reason, moves = recompute_calls[0]
    assert reason == "Genberegning: ændret kalender"
    moved = {(m.case_number, m.rule_id): (m.before, m.after) for m in moves}
    assert moved[(case.number, "fh_samtale")] == (CLOSURE, date(2026, 11, 30))
    # Skipping the recompute leaves every stored due date as it was.
    stored = {m.rule_id: m.due for m in frister.cases.get(case.id).milestones}
    assert stored["fh_samtale"] == CLOSURE


def test_removing_a_closure_also_asks_to_recompute(qtbot, frister, qsettings, recompute_calls) -> None:
    frister.settings.add_closure(CLOSURE, "Personaledag")
    dlg = _dialog(qtbot, frister, qsettings)
    assert dlg.closures.rowCount() == 1
    dlg.closures.selectRow(0)
    qtbot.mouseClick(dlg.findChild(QPushButton, "remove_closure_button"), Qt.MouseButton.LeftButton)
    assert dlg.closures.rowCount() == 0
    dlg.accept()
    assert frister.settings.calendar().closures == {}
    assert [reason for reason, _ in recompute_calls] == ["Genberegning: ændret kalender"]


def test_no_calendar_change_no_recompute(qtbot, frister, qsettings, recompute_calls) -> None:
    dlg = _dialog(qtbot, frister, qsettings)
    dlg.due_soon_spin.setValue(5)
    dlg.accept()
    assert recompute_calls == []
    assert frister.ctx.due_soon_days == 5


def test_identity_is_saved_to_qsettings(qtbot, frister, qsettings, settings_path, make_window, fresh_db,
                                        recompute_calls) -> None:  # fmt: skip
    dlg = _dialog(qtbot, frister, qsettings)
    assert dlg.identity_edit.text() == "anna.k"
    dlg.identity_edit.clear()
    qtbot.keyClicks(dlg.identity_edit, "bo.l")
    dlg.team_edit.clear()
    qtbot.keyClicks(dlg.team_edit, "Team Øst")
    dlg.accept()
    assert recompute_calls == []
    assert (frister.ctx.actor, frister.ctx.team) == ("bo.l", "Team Øst")
    qsettings.sync()
    assert (qsettings.value("identity/username"), qsettings.value("identity/team")) == ("bo.l", "Team Øst")
    assert "bo.l" in settings_path.read_text(encoding="utf-8")

    # The next start, without --as, acts as the saved identity.
    window = make_window(fresh_db, qsettings, actor=None)
    assert (window.app.ctx.actor, window.app.ctx.team) == ("bo.l", "Team Øst")
    assert window.worklist.caseworker_combo.currentData() == "bo.l"
    assert "bo.l" in window.status_label.text()


def test_the_ready_made_pause_reasons_are_edited_here(qtbot, frister, qsettings, recompute_calls) -> None:
    from jobcenter_desktop.ui.input_dialogs import DEFAULT_PAUSE_REASONS, DateReasonDialog, pause_reasons

    dlg = _dialog(qtbot, frister, qsettings)
    assert dlg.reasons_edit.toPlainText().splitlines() == list(DEFAULT_PAUSE_REASONS)
    dlg.reasons_edit.setPlainText("Sygdom\n\n  Afventer speciallæge \nsygdom\nFerie")
    dlg.accept()
    assert pause_reasons(qsettings) == ["Sygdom", "Afventer speciallæge", "Ferie"]  # blanks and repeats dropped
    pause = DateReasonDialog("Pause", "Pause fra:", TODAY, reason="Årsag:", choices=pause_reasons(qsettings))
    qtbot.addWidget(pause)
    assert [pause.reason_combo.itemText(i) for i in range(pause.reason_combo.count())] == pause_reasons(qsettings)
    again = _dialog(qtbot, frister, qsettings)
    again.reasons_edit.setPlainText("   ")
    again.accept()
    assert pause_reasons(qsettings) == list(DEFAULT_PAUSE_REASONS)  # emptied: the defaults again


def test_underretning_days_and_a_broken_template_are_checked(qtbot, frister, qsettings, recompute_calls,
                                                              monkeypatch, tmp_path) -> None:  # fmt: skip
    from docx import Document

    shown: list[str] = []
    monkeypatch.setattr(settings_module, "show_error", lambda parent, message, title="Fejl": shown.append(message))
    broken = tmp_path / "kommunens.docx"
    doc = Document()
    doc.add_paragraph("Kære {{ modtager_navn }}, {{ dato }}")
    doc.save(str(broken))
    dlg = _dialog(qtbot, frister, qsettings)
    assert dlg.notice_days_spin.value() == 5
    dlg.notice_days_spin.setValue(8)
    dlg.template_edit.setText(str(broken))
    dlg.accept()
    assert shown and "mangler feltet {{ forventet_dato }}" in shown[0]  # named, in Danish
    assert dlg.isVisible() or dlg.result() == 0  # not closed: nothing of the template stored
    assert frister.settings.notice_template() == ""
    dlg.template_edit.clear()
    dlg.accept()
    assert frister.ctx.notice_days == 8
