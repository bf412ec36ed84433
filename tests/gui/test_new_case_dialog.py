"""Ny sag: widgets named for tests and screen readers, CPR/CVR by group, date-time triggers where the rule
counts hours, the OK button explains itself, a live preview of the due dates, and accept() registers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QDialog, QLineEdit, QToolButton

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.ui.new_case_dialog import NewCaseDialog

TODAY = date(2026, 11, 23)


@pytest.fixture
def dialog(qtbot, frister, today):
    dlg = NewCaseDialog(frister, today)
    qtbot.addWidget(dlg)
    return dlg


def _choose(dlg: NewCaseDialog, group: str) -> None:
    index = dlg.group_combo.findData(group)
    assert index >= 0, group
    dlg.group_combo.setCurrentIndex(index)


def _preview(dlg: NewCaseDialog) -> list[tuple[str, str, str]]:
    t = dlg.preview
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_object_names(dialog, frister) -> None:
    assert dialog.objectName() == "NewCaseDialog"
    for cls, name in ((QComboBox, "group_combo"), (QLineEdit, "party_name_edit"), (QLineEdit, "party_id_edit"),
                      (QLineEdit, "caseworker_edit")):  # fmt: skip
        widget = dialog.findChild(cls, name)
        assert widget is not None and widget.accessibleName(), name
    assert dialog.caseworker_edit.text() == "anna.k"
    for group in ("fastholdelse", "dagpenge", "loentilskud", "jobaabninger"):
        _choose(dialog, group)
        kinds = [t.id for t in frister.catalogue.triggers_of(group)]
        assert kinds
        for kind in kinds:
            edit = dialog.findChild(QDateTimeEdit, f"trigger_{kind}")  # QDateEdit is a QDateTimeEdit too
            assert edit is not None, kind
            assert edit.accessibleName()
        # The previous group's trigger fields are gone, not merely hidden.
        names = {e.objectName() for e in dialog.findChildren(QDateTimeEdit) if e.objectName().startswith("trigger_")}
        assert names == {f"trigger_{k}" for k in kinds}


def test_company_group_asks_for_cvr_and_a_time(dialog) -> None:
    _choose(dialog, "fastholdelse")
    assert dialog.party_id_label.text() == "&CPR-nr.:"
    assert dialog.party_id_edit.accessibleName() == "CPR-nummer"
    edit = dialog.findChild(QDateTimeEdit, "trigger_foerste_henvendelse")
    assert isinstance(edit, QDateEdit)
    assert dialog.triggers() == {"foerste_henvendelse": TODAY}  # the required trigger defaults to today

    _choose(dialog, "loentilskud")
    assert dialog.party_id_label.text() == "&CVR-nr.:"
    assert dialog.party_id_edit.accessibleName() == "CVR-nummer"
    assert "CVR" in dialog.party_kind_label.text()
    edit = dialog.findChild(QDateTimeEdit, "trigger_henvendelse")
    assert not isinstance(edit, QDateEdit)  # a real date-time edit: lt_kontakt counts 24 hours
    assert "HH:mm" in edit.displayFormat()
    edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(14, 30)))
    assert dialog.triggers() == {"henvendelse": datetime(2026, 11, 20, 14, 30)}
    # Friday 14:30 + 24 hours is a Saturday: the same clock time on Monday.
    assert _preview(dialog)[0][:2] == ("Kontakt til virksomheden", "man 23-11-2026 14:30")


def test_ok_disabled_with_danish_reason_until_cpr_valid(qtbot, dialog) -> None:
    _choose(dialog, "fastholdelse")
    ok = dialog.ok_button
    assert not ok.isEnabled()
    assert ok.toolTip().startswith("Kan ikke oprettes endnu:")
    assert "Navn mangler." in ok.toolTip()
    assert not dialog.errors["party_name"].isVisible()  # untouched fields are not shown in red yet

    qtbot.keyClicks(dialog.party_name_edit, "Fiktiv Person")
    qtbot.keyClicks(dialog.party_id_edit, "010190-12")
    assert not ok.isEnabled()
    assert "CPR-nummeret skal have formen DDMMÅÅ-NNNN" in ok.toolTip()
    assert dialog.blocked_label.text() == ok.toolTip()
    assert dialog.errors["party_id"].text().startswith("CPR-nummeret")
    assert dialog.party_id_edit.property("invalid") is True

    qtbot.keyClicks(dialog.party_id_edit, "35")  # 010190-1235
    assert ok.isEnabled()
    assert ok.toolTip() == ""
    assert dialog.errors["party_id"].text() == ""
    assert dialog.party_id_edit.property("invalid") is False

    dialog.party_id_edit.setText("310290-1235")  # 31 February
    assert not ok.isEnabled()
    assert "gyldig fødselsdato" in ok.toolTip()


def test_clearing_the_required_trigger_blocks_ok(qtbot, dialog) -> None:
    _choose(dialog, "fastholdelse")
    dialog.party_name_edit.setText("Fiktiv Person")
    dialog.party_id_edit.setText("010190-1235")
    assert dialog.ok_button.isEnabled()
    clear = dialog.findChild(QToolButton, "clear_trigger_foerste_henvendelse")
    assert clear.accessibleName() == "Ryd Første henvendelse"
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert dialog.triggers() == {}
    assert not dialog.ok_button.isEnabled()
    assert "Første henvendelse" in dialog.ok_button.toolTip()
    assert [row[1] for row in _preview(dialog)] == ["—", "—"]


def test_preview_lists_milestones_with_due_dates(dialog) -> None:
    _choose(dialog, "fastholdelse")
    dialog.findChild(QDateEdit, "trigger_foerste_henvendelse").setDate(QDate(2025, 12, 18))
    # Thursday 18 December + 1 week = Juledag; 26th and the weekend are off too: Monday 29 December.
    # The meeting offer counts a week from that due date, provisionally, until the talk is done.
    assert _preview(dialog) == [
        ("Personlig samtale med fastholdelseskonsulent", "man 29-12-2025", ""),
        ("Tilbud om mødedato på arbejdspladsen", "man 05-01-2026", "Foreløbig"),
    ]
    assert "Juledag" in dialog.preview.item(0, 1).toolTip()  # "hvorfor denne dato?" steps
    assert dialog.preview.item(1, 0).toolTip() == "Foreløbig"


def test_accept_registers_the_case(dialog, frister) -> None:
    _choose(dialog, "fastholdelse")
    dialog.party_name_edit.setText("  Fiktiv   Person ")
    dialog.party_id_edit.setText("0101901235")
    dialog.findChild(QDateEdit, "trigger_foerste_henvendelse").setDate(QDate(2026, 11, 16))
    dialog.notes_edit.setPlainText("Oprettet i en test")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    created = dialog.created
    assert created is not None

    stored = frister.cases.get(created.id)
    assert stored.group == "fastholdelse" and stored.status is CaseStatus.OPEN
    assert stored.party.identifier == "010190-1235"
    assert stored.caseworker == "anna.k" and stored.team == "Team Vest"
    assert stored.notes == "Oprettet i en test"
    assert {t.kind: t.occurred for t in stored.triggers} == {"foerste_henvendelse": date(2026, 11, 16)}
    due = {m.rule_id: (m.due, m.provisional) for m in stored.milestones}
    assert due == {"fh_samtale": (date(2026, 11, 23), False), "fh_moedetilbud": (date(2026, 11, 30), True)}
    assert dialog.created_summary() == f"Sag {created.number} oprettet; første frist 23-11-2026."
    assert [e.action for e in frister.audit(created.id)][:1] == ["create"]


def test_duplicate_open_case_is_refused_inline(qtbot, dialog, frister) -> None:
    _choose(dialog, "fastholdelse")
    dialog.party_name_edit.setText("Fiktiv Person")
    dialog.party_id_edit.setText("010190-1235")
    dialog.accept()
    assert dialog.created is not None

    again = NewCaseDialog(frister, lambda: TODAY)
    qtbot.addWidget(again)
    _choose(again, "fastholdelse")
    again.party_name_edit.setText("Fiktiv Person")
    again.party_id_edit.setText("010190-1235")
    assert not again.ok_button.isEnabled()
    assert dialog.created.number in again.ok_button.toolTip()
    again.accept()  # a disabled OK does nothing
    assert again.created is None


def test_groups_closed_to_new_cases_are_left_out_and_named(dialog) -> None:
    """Lov nr. 1750 closed revalidering and jobrotation to new cases from 1 Feb 2026: on 23 Nov 2026 the form
    does not offer them and says why."""
    offered = {dialog.group_combo.itemData(i) for i in range(dialog.group_combo.count())}
    assert "revalidering" not in offered and "jobrotation" not in offered and "dagpenge" in offered
    assert not dialog.closed_label.isHidden()
    text = dialog.closed_label.text()
    assert "Revalidering fra 01-02-2026" in text and "Jobrotation fra 01-02-2026" in text
    assert "åbne sager kører videre" in text
