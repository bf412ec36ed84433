"""Underretning in the window (retssikkerhedsloven § 3, stk. 2): the flag in the case window and the worklist
three working days before a fleksjob decision is due, the letter in two clicks ("Skriv underretning…", "Skriv
udkast") read back from disk, and "Registrér som sendt" making the promised date a deadline of its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.export.notice_docx import letter_text
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui import notice_dialog as notice_module
from jobcenter_desktop.ui.case.dialog import CaseDialog
from jobcenter_desktop.ui.models import DeadlineTableModel
from jobcenter_desktop.ui.notice_dialog import REASON_TO_FILL, NoticeDialog

TODAY = date(2026, 12, 8)  # Tuesday: the decision is due Friday 11 December, three working days on


@pytest.fixture
def case(frister):
    new = NewCase("fleksjob", "Fiktiv Fleksen", "010190-1235", {"sag_paabegyndt": date(2026, 6, 11)})
    return frister.cases.register(new, TODAY)


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(notice_module, "show_error", lambda parent, message, title="Fejl": shown.append(message))
    return shown


def _decision(case):  # type: ignore[no-untyped-def]
    return next(m for m in case.milestones if m.rule_id == "fj_afgoerelse")


def test_the_flag_shows_in_the_case_window_and_the_worklist(qtbot, frister, case) -> None:
    dlg = CaseDialog(frister, case.id, lambda: TODAY)
    qtbot.addWidget(dlg)
    states = [dlg.milestones.item(r, dlg.COL_STATE) for r in range(dlg.milestones.rowCount())]
    assert [s.text() for s in states] == ["Underretning mangler"]
    assert not states[0].icon().isNull()
    assert states[0].background().color().name().upper() == "#FFD9A8"  # the notice's own fill, with the words
    assert dlg.notice_button.isEnabled()
    model = DeadlineTableModel()
    model.set_rows(frister.deadlines.list(DeadlineFilter(case_id=case.id), TODAY))
    index = model.index(0, model.COL_STATUS)
    assert model.data(index) == "Underretning mangler"
    assert "retssikkerhedslovens § 3, stk. 2" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()


def test_the_letter_in_two_clicks(qtbot, frister, case, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(type(frister.notices), "default_target",
                        lambda self, c, m: tmp_path / f"Underretning {c.number}.docx")  # fmt: skip
    dlg = NoticeDialog(frister, case, _decision(case), NoticeState.DUE, lambda: TODAY)
    qtbot.addWidget(dlg)
    assert dlg.expected.date() == QDate(2027, 1, 8)  # four weeks after the deadline, a Friday
    qtbot.mouseClick(dlg.draft_button, Qt.MouseButton.LeftButton)
    written = tmp_path / f"Underretning {case.number}.docx"
    assert dlg.written == written and written.exists()
    text = letter_text(written)
    assert "8. januar 2027" in text and REASON_TO_FILL in text and "010190-XXXX" in text
    assert dlg.open_button.isEnabled() and str(written) in dlg.status.text()
    assert [e.action for e in frister.audit(case.id)].count("notice_draft") == 1


def test_registering_it_sent_makes_the_promise_a_deadline(qtbot, frister, case, errors) -> None:
    dlg = NoticeDialog(frister, case, _decision(case), NoticeState.DUE, lambda: TODAY)
    qtbot.addWidget(dlg)
    dlg.expected.setDate(QDate(2026, 12, 10))  # before the deadline: refused in Danish, nothing stored
    assert not dlg.record_sent()
    assert errors and "efter fristen" in errors[0]
    dlg.expected.setDate(QDate(2027, 1, 15))
    assert dlg.record_sent() and dlg.recorded
    after = frister.cases.get(case.id)
    assert _decision(after).notice_sent_on == TODAY
    promise = next(m for m in after.milestones if m.rule_id == "fj_afgoerelse_forventet")
    assert promise.due == date(2027, 1, 15)
    window = CaseDialog(frister, case.id, lambda: TODAY)
    qtbot.addWidget(window)
    texts = {window.milestones.item(r, window.COL_NAME).text(): window.milestones.item(r, window.COL_STATE).text()
             for r in range(window.milestones.rowCount())}  # fmt: skip
    assert texts["Afgørelse om fleksjobberettigelse"] == "Snart · underretning sendt"
    assert texts["Forventet afgørelse: Afgørelse om fleksjobberettigelse"] == "Senere"


def test_indsigt_from_the_case_window(qtbot, frister, case, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    dlg = CaseDialog(frister, case.id, lambda: TODAY)
    qtbot.addWidget(dlg)
    assert dlg.header.insight_button.isVisible() or not dlg.isVisible()
    assert dlg.write_insight(tmp_path / "indsigt")  # ".xlsx" is added
    rows = list(load_workbook(tmp_path / "indsigt.xlsx")["Sager"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [case.number]
    assert any(line.action == "Indsigtsrapport" for line in dlg.view.history)


def test_ret_corrects_the_name_and_an_event_date_with_a_reason(qtbot, frister, case, monkeypatch) -> None:
    from jobcenter_desktop.ui import correct_dialog as correct_module
    from jobcenter_desktop.ui.correct_dialog import CorrectPartyDialog

    shown: list[str] = []
    monkeypatch.setattr(correct_module, "show_error", lambda parent, message, title="Fejl": shown.append(message))
    dlg = CorrectPartyDialog(frister, case, lambda: TODAY)
    qtbot.addWidget(dlg)
    dlg.name_edit.setText("Fiktiv Fleksen-Hansen")
    dlg.accept()  # no reason: refused in Danish, nothing changed
    assert shown and "Begrundelsen" in shown[-1]
    assert frister.cases.get(case.id).party.name == "Fiktiv Fleksen"
    dlg.reason_edit.setText("Navneændring")
    dlg.accept()
    assert frister.cases.get(case.id).party.name == "Fiktiv Fleksen-Hansen"
    again = CorrectPartyDialog(frister, frister.cases.get(case.id), lambda: TODAY)
    qtbot.addWidget(again)
    again.trigger_edit.setText("12-06-2026")
    again.reason_edit.setText("Forkert dato tastet")
    again.accept()
    decision = _decision(frister.cases.get(case.id))
    assert decision.due == date(2026, 12, 14)  # 12 June + 6 months = Sat 12 Dec → Mon 14 Dec
