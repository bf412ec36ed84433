"""One working day through the real widgets: two new cases with Ctrl+N, their deadlines in Mine frister and
on the calendar, then the fastholdelse case is opened from the list, its talk marked done (the follow-up
stops being provisional and moves), the case paused, and finally closed (its deadlines leave the list).

Modal dialogs are answered from inside their own event loop (the ``answer_modal`` fixture), so the code
under test runs exactly as when a caseworker clicks: exec(), accept, refresh."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit
from support.qt_wait import settled

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.ui.case.dialog import CaseDialog
from jobcenter_desktop.ui.main_window import TAB_CALENDAR, TAB_WORKLIST
from jobcenter_desktop.ui.models import DeadlineTableModel
from jobcenter_desktop.ui.new_case_dialog import NewCaseDialog

TODAY = date(2026, 11, 23)  # Monday, week 48
CPR = "010190-1235"
CVR = "12345678"  # 8 digits that fail the modulus-11 check: not a real company


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _new_case_with_ctrl_n(qtbot, window, answer_modal, fill) -> None:
    created = []

    def answer(dlg) -> None:
        assert isinstance(dlg, NewCaseDialog)
        fill(qtbot, dlg)
        assert dlg.ok_button.isEnabled(), dlg.ok_button.toolTip()
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        created.append(dlg.created)

    answer_modal.schedule(answer)
    _activate(qtbot, window)  # shortcuts reach the active window only
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    answer_modal.check()
    assert created and created[0] is not None
    assert window.statusBar().currentMessage().startswith(f"Sag {created[0].number} oprettet")


def _fill_citizen(qtbot, dlg) -> None:
    dlg.group_combo.setCurrentIndex(dlg.group_combo.findData("fastholdelse"))
    qtbot.keyClicks(dlg.party_name_edit, "Fiktiv Person")
    qtbot.keyClicks(dlg.party_id_edit, CPR)
    dlg.findChild(QDateEdit, "trigger_foerste_henvendelse").setDate(QDate(2026, 11, 16))


def _fill_company(qtbot, dlg) -> None:
    dlg.group_combo.setCurrentIndex(dlg.group_combo.findData("loentilskud"))
    qtbot.keyClicks(dlg.party_name_edit, "Fiktiv Tømrer ApS")
    qtbot.keyClicks(dlg.party_id_edit, CVR)
    dlg.caseworker_edit.clear()
    qtbot.keyClicks(dlg.caseworker_edit, "bo.l")  # a colleague's case
    edit = dlg.findChild(QDateTimeEdit, "trigger_henvendelse")
    assert not isinstance(edit, QDateEdit)
    edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(14, 30)))  # Friday afternoon


def _listed(window) -> list[tuple[str, str, str, str]]:
    """(case party, milestone id, due text, status text) as Mine frister shows them, top to bottom."""
    settled(None, window)  # the worklist loads off the UI thread
    m = window.worklist.model
    return [(m.row_at(r).party.name, m.row_at(r).rule_id, m.data(m.index(r, DeadlineTableModel.COL_DUE)),
             m.data(m.index(r, DeadlineTableModel.COL_STATUS))) for r in range(m.rowCount())]  # fmt: skip


def _open_from_worklist(qtbot, window, answer_modal, party: str, handle, *, keyboard: bool = False) -> None:
    """Open the party's case from Mine frister by double-click (or by selecting the row and pressing Enter)."""
    table = window.worklist.table
    model = window.worklist.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).party.name == party)
    answer_modal.schedule(handle)
    if keyboard:
        table.setFocus()
        table.selectRow(row)
        qtbot.keyClick(table, Qt.Key.Key_Return)
    else:
        center = table.visualRect(model.index(row, DeadlineTableModel.COL_MILESTONE)).center()
        # A real double-click starts with a press; QTest's mouseDClick alone sends no press to the view.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    answer_modal.check()
    assert isinstance(answer_modal.seen[-1], CaseDialog) or isinstance(answer_modal.seen[-2], CaseDialog)


def _states(dlg: CaseDialog) -> dict[str, str]:
    t = dlg.milestones
    return {t.item(r, dlg.COL_NAME).text(): t.item(r, dlg.COL_STATE).text() for r in range(t.rowCount())}


def _select(dlg: CaseDialog, rule_id: str) -> None:
    m = next(m for m in dlg.case.milestones if m.rule_id == rule_id)
    row = next(r for r in range(dlg.milestones.rowCount())
               if dlg.milestones.item(r, dlg.COL_STATE).data(Qt.ItemDataRole.UserRole) == m.id)  # fmt: skip
    dlg.milestones.selectRow(row)


def _date_reason(day: date | None = None, reason: str | None = None):
    def answer(dlg) -> None:
        assert dlg.objectName() == "date_reason_dialog"
        if day is not None:
            dlg.date_edit.setDate(QDate(day.year, day.month, day.day))
        if reason is not None:
            dlg.reason_edit.setText(reason)
        dlg.accept()

    return answer


TALK = "Personlig samtale med fastholdelseskonsulent"
OFFER = "Tilbud om mødedato på arbejdspladsen"


@pytest.fixture(params=["sqlite", "postgresql"])
def day_db(request, fresh_db):  # type: ignore[no-untyped-def]
    """The same working day on a file and on the team database (the real PostgreSQL server, as anna.k)."""
    if request.param == "sqlite":
        yield fresh_db
        return
    pg = request.getfixturevalue("pg_server")
    name = pg.new_database()
    yield pg.url("anna.k", name)
    pg.drop(name)


def test_a_working_day(qtbot, make_window, day_db, qsettings, answer_modal) -> None:
    window = make_window(day_db, qsettings)
    window.show()
    qtbot.waitExposed(window)

    # ---- two new cases, made with Ctrl+N
    _new_case_with_ctrl_n(qtbot, window, answer_modal, _fill_citizen)
    _new_case_with_ctrl_n(qtbot, window, answer_modal, _fill_company)

    # ---- Mine frister: mine only by default; "Alle" shows the colleague's company case too
    assert _listed(window) == [
        ("Fiktiv Person", "fh_samtale", "man 23-11-2026", "Frist i dag"),
        ("Fiktiv Person", "fh_moedetilbud", "man 30-11-2026", "Foreløbig"),
    ]
    combo = window.worklist.caseworker_combo
    combo.setCurrentIndex(combo.findData(""))
    assert _listed(window) == [
        ("Fiktiv Person", "fh_samtale", "man 23-11-2026", "Frist i dag"),
        # Friday 14:30 + 24 hours lands on Saturday: the same time on Monday.
        ("Fiktiv Tømrer ApS", "lt_kontakt", "man 23-11-2026 14:30", "Frist i dag"),
        ("Fiktiv Tømrer ApS", "lt_henvisning", "ons 25-11-2026", "Snart"),
        ("Fiktiv Tømrer ApS", "lt_samtale", "fre 27-11-2026", "Senere"),
        ("Fiktiv Person", "fh_moedetilbud", "man 30-11-2026", "Foreløbig"),
        ("Fiktiv Tømrer ApS", "lt_blanket", "fre 11-12-2026", "Foreløbig"),
    ]
    masked = window.worklist.model.data(window.worklist.model.index(0, DeadlineTableModel.COL_PARTY_ID))
    assert masked == "010190-XXXX"

    # ---- the calendar (same filter: everyone), on the right days with the most urgent state
    window.tabs.setCurrentIndex(TAB_CALENDAR)
    cal = window.calendar
    cal.go_today()
    settled(qtbot, window)
    assert cal.calendar.summary == {
        date(2026, 11, 23): (2, Urgency.DUE_TODAY),
        date(2026, 11, 25): (1, Urgency.DUE_SOON),
        date(2026, 11, 27): (1, Urgency.LATER),
        date(2026, 11, 30): (1, Urgency.PROVISIONAL),
        date(2026, 12, 11): (1, Urgency.PROVISIONAL),
    }
    assert {r.rule_id for r in cal.day_model.rows()} == {"fh_samtale", "lt_kontakt"}
    assert cal.week_title.text() == "Uge 48 (23-11-2026–29-11-2026): 4 frister"
    cal.calendar.setSelectedDate(QDate(2026, 11, 30))
    settled(qtbot, window)
    assert [(r.rule_id, r.urgency) for r in cal.day_model.rows()] == [("fh_moedetilbud", Urgency.PROVISIONAL)]
    assert cal.week_title.text().startswith("Uge 49 ")
    window.tabs.setCurrentIndex(TAB_WORKLIST)

    # ---- open the fastholdelse case from the list and mark the talk done on Friday the 20th
    def mark_done(dlg) -> None:
        assert isinstance(dlg, CaseDialog)
        assert _states(dlg) == {TALK: "Frist i dag", OFFER: "Foreløbig"}
        _select(dlg, "fh_samtale")
        answer_modal.schedule(_date_reason(date(2026, 11, 20)))
        qtbot.mouseClick(dlg.done_button, Qt.MouseButton.LeftButton)
        assert _states(dlg) == {TALK: "Udført til tiden", OFFER: "Senere"}
        offer = next(m for m in dlg.case.milestones if m.rule_id == "fh_moedetilbud")
        assert (offer.due, offer.provisional) == (date(2026, 11, 27), False)
        dlg.reject()

    _open_from_worklist(qtbot, window, answer_modal, "Fiktiv Person", mark_done)
    mine = [row for row in _listed(window) if row[0] == "Fiktiv Person"]
    assert mine == [("Fiktiv Person", "fh_moedetilbud", "fre 27-11-2026", "Senere")]  # moved, no longer provisional

    # ---- pause the case
    def pause(dlg) -> None:
        answer_modal.schedule(_date_reason(reason="Sygemeldt"))
        qtbot.mouseClick(dlg.pause_button, Qt.MouseButton.LeftButton)
        assert _states(dlg) == {TALK: "Udført til tiden", OFFER: "Pauset"}
        assert dlg.pause_button.text() == "Genoptag &sag"
        dlg.reject()

    _open_from_worklist(qtbot, window, answer_modal, "Fiktiv Person", pause, keyboard=True)
    assert [row for row in _listed(window) if row[0] == "Fiktiv Person"] == [
        ("Fiktiv Person", "fh_moedetilbud", "fre 27-11-2026", "Pauset siden 23-11 – Sygemeldt")
    ]

    # ---- close the case: its open deadlines lapse and leave Mine frister
    closed = []

    def close(dlg) -> None:
        answer_modal.schedule(_date_reason())
        qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
        assert _states(dlg) == {TALK: "Udført til tiden", OFFER: "Bortfaldet"}
        assert dlg.close_button.text() == "&Genåbn sag"
        closed.append(dlg.case)
        dlg.reject()

    _open_from_worklist(qtbot, window, answer_modal, "Fiktiv Person", close)
    assert closed[0].status is CaseStatus.CLOSED and closed[0].closed_on == TODAY
    assert [row[0] for row in _listed(window)] == ["Fiktiv Tømrer ApS"] * 4
    combo.setCurrentIndex(combo.findData("anna.k"))
    assert _listed(window) == []
    window.tabs.setCurrentIndex(TAB_CALENDAR)  # a stale tab reloads when shown
    settled(qtbot, window)
    assert date(2026, 11, 27) not in window.calendar.calendar.summary
    lt = window.app.cases.search("Tømrer")[0]
    assert {t.kind: t.occurred for t in window.app.cases.get(lt.id).triggers} == {
        "henvendelse": datetime(2026, 11, 20, 14, 30)
    }
