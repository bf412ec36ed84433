"""Sag: the milestone timeline, marking done, a colleague's concurrent change (conflict, then reload),
revealing the CPR number (audited) and the history tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui.case import dialog as case_dialog_module
from jobcenter_desktop.ui.case.dialog import CaseDialog

TODAY = date(2026, 11, 23)
CPR = "010190-1235"


@pytest.fixture
def case(frister):
    new = NewCase("fastholdelse", "Fiktiv Person", CPR, {"foerste_henvendelse": date(2026, 11, 16)})
    return frister.cases.register(new, TODAY)


@pytest.fixture
def dialog(qtbot, frister, case, today):
    dlg = CaseDialog(frister, case.id, today)
    qtbot.addWidget(dlg)
    return dlg


@pytest.fixture
def errors(monkeypatch):
    """show_error would open a modal box: record (title, message) instead."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(case_dialog_module, "show_error",
                        lambda parent, message, title="Fejl": shown.append((title, message)))  # fmt: skip
    return shown


def _rows(dlg: CaseDialog) -> dict[str, tuple[str, str, str]]:
    """Milestone name -> (state text, due text, done text), as the table shows them."""
    t = dlg.milestones
    return {t.item(r, dlg.COL_NAME).text(): (t.item(r, dlg.COL_STATE).text(), t.item(r, dlg.COL_DUE).text(),
                                             t.item(r, dlg.COL_DONE).text()) for r in range(t.rowCount())}  # fmt: skip


def _select(dlg: CaseDialog, rule_id: str):
    m = next(m for m in dlg.case.milestones if m.rule_id == rule_id)
    for row in range(dlg.milestones.rowCount()):
        if dlg.milestones.item(row, dlg.COL_STATE).data(Qt.ItemDataRole.UserRole) == m.id:
            dlg.milestones.selectRow(row)
            assert dlg.selected() == m.id
            return m
    raise AssertionError(rule_id)


TALK = "Personlig samtale med fastholdelseskonsulent"
OFFER = "Tilbud om mødedato på arbejdspladsen"


def test_shows_the_case(dialog, case) -> None:
    assert dialog.objectName() == "CaseDialog"
    assert dialog.windowTitle() == f"Sag {case.number} — Fiktiv Person"
    assert dialog.header.party_label.text() == "Fiktiv Person (010190-XXXX)"
    assert _rows(dialog) == {TALK: ("Frist i dag", "man 23-11-2026", ""),
                             OFFER: ("Foreløbig", "man 30-11-2026", "")}  # fmt: skip
    # The first open milestone is selected and explained.
    assert dialog.selected_milestone().rule_id == "fh_samtale"
    assert dialog.why.count() > 1
    assert dialog.done_button.isEnabled()
    assert not dialog.undo_button.isEnabled()


def test_mark_done_updates_state_text(dialog, frister) -> None:
    m = _select(dialog, "fh_samtale")
    assert dialog._run(lambda v: frister.cases.complete(m.id, TODAY, TODAY, expected_version=v))
    assert dialog.changed
    rows = _rows(dialog)
    assert rows[TALK] == ("Udført til tiden", "man 23-11-2026", "23-11-2026")
    assert rows[OFFER] == ("Senere", "man 30-11-2026", "")  # counted from the real completion now
    assert dialog.selected() == m.id  # the selection survives the refresh
    assert dialog.undo_button.isEnabled() and not dialog.done_button.isEnabled()


def test_mark_done_button_asks_for_the_date(qtbot, dialog, frister, answer_modal) -> None:
    _select(dialog, "fh_samtale")

    def answer(dlg) -> None:
        assert dlg.objectName() == "date_reason_dialog"
        assert dlg.date_edit.date() == QDate(2026, 11, 23)
        assert dlg.date_edit.maximumDate() == QDate(2026, 11, 23)  # never in the future
        dlg.date_edit.setDate(QDate(2026, 11, 20))
        dlg.accept()

    answer_modal.schedule(answer)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    answer_modal.check()
    rows = _rows(dialog)
    assert rows[TALK] == ("Udført til tiden", "man 23-11-2026", "20-11-2026")
    assert rows[OFFER] == ("Senere", "fre 27-11-2026", "")  # a week after Friday 20th, no longer provisional
    stored = {m.rule_id: m for m in frister.cases.get(dialog.case_id).milestones}
    assert stored["fh_samtale"].done_on == date(2026, 11, 20)
    assert stored["fh_moedetilbud"].due == date(2026, 11, 27) and not stored["fh_moedetilbud"].provisional


def test_concurrent_change_is_a_conflict_then_reloads(dialog, frister, fresh_db, errors) -> None:
    m = _select(dialog, "fh_samtale")
    shown_version = dialog.case.version
    colleague = Frister.open(fresh_db, actor="bo.l", team="Team Vest")  # another PC on the same file
    try:
        colleague.cases.update_notes(dialog.case_id, "Borgeren har ringet")
    finally:
        colleague.close()

    ok = dialog._run(lambda v: frister.cases.complete(m.id, TODAY, TODAY, expected_version=v))
    assert not ok
    assert len(errors) == 1
    title, message = errors[0]
    assert title == "Ændret af en anden"
    assert "ændret af en anden" in message and "genindlæst" in message
    # Nothing was overwritten; the dialog now shows the colleague's version.
    assert dialog.case.version != shown_version
    assert dialog.case.notes == "Borgeren har ringet"
    assert dialog.notes.log.item(0, 2).text() == "Borgeren har ringet"  # the newest note, first in the log
    assert _rows(dialog)[TALK][0] == "Frist i dag"
    assert "bo.l" in {dialog.history.item(r, 1).text() for r in range(dialog.history.rowCount())}

    # Trying again, on the version now shown, works.
    assert dialog._run(lambda v: frister.cases.complete(m.id, TODAY, TODAY, expected_version=v))
    assert len(errors) == 1
    assert _rows(dialog)[TALK][0] == "Udført til tiden"


def test_reveal_cpr_is_audited(qtbot, dialog, frister) -> None:
    assert dialog.header.reveal_button.isVisibleTo(dialog)
    assert "reveal_cpr" not in {e.action for e in frister.audit(dialog.case_id)}
    qtbot.mouseClick(dialog.header.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.header.party_label.text() == f"Fiktiv Person ({CPR})"
    assert not dialog.header.reveal_button.isVisibleTo(dialog)
    reveals = [e for e in frister.audit(dialog.case_id) if e.action == "reveal_cpr"]
    assert len(reveals) == 1
    assert reveals[0].actor == "anna.k"
    assert reveals[0].reason == "Fuldt CPR-nummer vist i sagsvinduet"
    assert dialog.history.item(0, 2).text() == "CPR vist"  # newest first


def test_history_tab_lists_audit_entries(dialog, frister) -> None:
    m = _select(dialog, "fh_samtale")
    dialog._run(lambda v: frister.cases.complete(m.id, TODAY, TODAY, expected_version=v))
    entries = frister.audit(dialog.case_id)
    history = dialog.history
    assert dialog.tabs.tabText(dialog.tabs.indexOf(history)) == "Historik"
    assert history.rowCount() == len(entries) >= 4
    actions = [history.item(r, 2).text() for r in range(history.rowCount())]
    assert actions[-1] == "Oprettet"  # oldest last
    assert actions[0] in ("Udført", "Frist beregnet")
    assert {"Oprettet", "Frist beregnet", "Udført"} <= set(actions)
    assert all(history.item(r, 1).text() == "anna.k" for r in range(history.rowCount()))
    assert all(len(history.item(r, 0).text()) == len("23-11-2026 10:00") for r in range(history.rowCount()))
    # Milestone names, not rule ids; dates as dd-mm-åååå, never ISO.
    whats = [history.item(r, 3).text() for r in range(history.rowCount())]
    assert frister.catalogue.milestones["fh_samtale"].name in whats and "fh_samtale" not in whats
    changes = " ".join(history.item(r, 4).text() for r in range(history.rowCount()))
    assert TODAY.strftime("%d-%m-%Y") in changes and TODAY.isoformat() not in changes


def test_closed_case_disables_actions(dialog, frister) -> None:
    assert dialog._run(lambda v: frister.cases.close(dialog.case_id, TODAY, expected_version=v))
    assert dialog.header.title.text().endswith("lukket 23-11-2026")
    assert {state for state, _, _ in _rows(dialog).values()} == {"Bortfaldet"}
    for button in (dialog.done_button, dialog.undo_button, dialog.pause_ms_button, dialog.pause_button,
                   dialog.trigger_button, dialog.reassign_button):  # fmt: skip
        assert not button.isEnabled(), button.objectName()
    assert dialog.close_button.text() == "&Genåbn sag"


def test_a_database_replaced_under_the_window_is_not_written_and_the_typed_note_stays(
        dialog, frister, fresh_db, errors) -> None:  # fmt: skip
    """E.g. 'encrypt' run elsewhere, or a copy put over the file: the window used to report saves that went into
    the replaced (unlinked) file and were gone at the next start."""
    copy = fresh_db.with_name("copy.sqlite3")
    copy.write_bytes(fresh_db.read_bytes())
    copy.replace(fresh_db)
    dialog.notes_edit.setPlainText("Vigtigt notat fra mødet")
    dialog._save_notes()
    assert len(errors) == 1 and "erstattet" in errors[0][1]
    assert dialog.notes_edit.toPlainText() == "Vigtigt notat fra mødet"  # what the user typed is kept


def test_a_paused_case_says_so_in_header_list_and_why(qtbot, dialog, frister, answer_modal) -> None:
    from PySide6.QtWidgets import QComboBox

    def pause(dlg) -> None:  # type: ignore[no-untyped-def]
        combo = dlg.findChild(QComboBox, "reason_combo")
        assert combo is not None and combo.findText("Sygdom") >= 0  # ready-made reasons
        dlg.accept()  # no reason yet: said in the dialog, which stays open
        assert "begrundelse" in dlg.message.text()
        combo.setCurrentText("Sygdom")
        assert dlg.message.text() == ""  # gone as soon as it is fixed
        dlg.accept()

    answer_modal.schedule(pause)
    dialog.pause_button.click()
    answer_modal.check()
    assert dialog.header.pause_label.isVisibleTo(dialog)
    assert "pause siden 23-11-2026: Sygdom" in dialog.header.pause_label.text()
    m = _select(dialog, "fh_moedetilbud")
    whys = [dialog.why.item(i).text() for i in range(dialog.why.count())]
    assert whys[0].startswith("|| På pause siden 23-11-2026 (Sygdom)")
    status = {r.rule_id: r for r in frister.deadlines.list(DeadlineFilter(case_id=dialog.case_id), TODAY)}
    from jobcenter_desktop.ui.models import DeadlineTableModel

    model = DeadlineTableModel()
    model.set_rows(list(status.values()))
    texts = {model.row_at(i).rule_id: model.data(model.index(i, 0)) for i in range(model.rowCount())}
    assert texts[m.rule_id] == "Pauset siden 23-11 – Sygdom"

    def resume(dlg) -> None:  # type: ignore[no-untyped-def]
        dlg.date_edit.setDate(dlg.date_edit.date().addDays(-3))  # before the pause began: said at once
        assert "før pausens start (23-11-2026)" in dlg.message.text()
        dlg.date_edit.setDate(dlg.date_edit.date().addDays(3))
        assert dlg.message.text() == ""
        dlg.accept()

    answer_modal.schedule(resume)
    dialog.pause_button.click()
    answer_modal.check()
    assert not dialog.header.pause_label.isVisibleTo(dialog)


def test_fritag_asks_why_marks_exempt_and_can_be_undone(dialog, frister, monkeypatch, errors) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    m = _select(dialog, "fh_samtale")
    assert dialog.exempt_button.isEnabled() and dialog.exempt_button.text() == "Fri&tag"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Selv i job om 14 dage", True))
    dialog.exempt_button.click()
    assert _rows(dialog)[TALK][0] == "Fritaget"
    stored = next(x for x in frister.cases.get(dialog.case_id).milestones if x.id == m.id)
    assert stored.exempt_reason == "Selv i job om 14 dage"
    assert "Fritaget" in {line.action for line in dialog.view.history}
    _select(dialog, "fh_samtale")
    assert dialog.exempt_button.text() == "Ophæv fri&tagelse" and not dialog.done_button.isEnabled()
    dialog.exempt_button.click()
    assert _rows(dialog)[TALK][0] != "Fritaget" and errors == []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    _select(dialog, "fh_samtale")
    dialog.exempt_button.click()
    assert errors and "Begrundelsen" in errors[-1][1]  # a reason is required: said, nothing stored
