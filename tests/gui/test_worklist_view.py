"""Mine frister: the model passes Qt's model checks; my open deadlines by due date; search-as-you-type,
the status filter, masked CPR numbers, and states shown as Danish text plus an icon (never colour alone)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from support.qt_wait import settled

from jobcenter_desktop.core.models import DeadlineFilter, MilestoneState
from jobcenter_desktop.core.notice import NOTICE_STYLES, NoticeState
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.urgency import OPEN_STATES, PALETTE, Urgency
from jobcenter_desktop.ui.models import DeadlineTableModel

TODAY = date(2026, 11, 23)
M = DeadlineTableModel


@pytest.fixture
def worklist(window):
    return window.worklist


def _all_workers(worklist) -> None:
    worklist.caseworker_combo.setCurrentIndex(worklist.caseworker_combo.findData(""))
    settled(None, worklist)


def _column(model, col: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_model_passes_qt_model_checks(qtmodeltester, worklist) -> None:
    _all_workers(worklist)
    assert worklist.model.rowCount() > 20
    qtmodeltester.check(worklist.model)


def test_model_passes_qt_model_checks_while_filtering_and_sorting(qtmodeltester, worklist) -> None:
    _all_workers(worklist)
    qtmodeltester.check(worklist.model)  # keeps watching the model's signals below
    worklist.search_edit.setText("a")
    worklist.model.sort(M.COL_PARTY, Qt.SortOrder.DescendingOrder)
    worklist.search_edit.clear()
    worklist.model.sort(M.COL_DUE, Qt.SortOrder.AscendingOrder)
    assert worklist.model.rowCount() == worklist.model.total()


def test_default_filter_is_me(window, worklist) -> None:
    assert worklist.caseworker_combo.currentData() == "anna.k"
    assert worklist.caseworker_combo.currentText() == "anna.k (mig)"
    assert worklist.current_filter().caseworker == "anna.k"
    rows = worklist.rows()
    assert rows and {r.caseworker for r in rows} == {"anna.k"}
    expected = window.app.deadlines.list(DeadlineFilter(caseworker="anna.k"), TODAY)
    assert sorted(r.milestone_id for r in rows) == sorted(r.milestone_id for r in expected)
    assert worklist.count_label.text() == f"{len(rows)} frister"


def test_rows_are_open_and_sorted_by_due_date(worklist) -> None:
    _all_workers(worklist)
    rows = worklist.rows()
    assert len({r.caseworker for r in rows}) > 1
    assert all(r.state is MilestoneState.OPEN and r.urgency in OPEN_STATES for r in rows)
    keys = [(r.due, r.due_at.time() if r.due_at else None) for r in rows]
    assert [d for d, _ in keys] == sorted(d for d, _ in keys)
    header = worklist.table.horizontalHeader()
    assert header.sortIndicatorSection() == M.COL_DUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_search_as_you_type_by_name_case_number_and_cpr(qtbot, worklist) -> None:
    _all_workers(worklist)
    rows = worklist.rows()
    total = len(rows)
    target = next(r for r in rows if r.party.kind is PartyKind.CITIZEN)
    surname = target.party.name.split()[-1]

    qtbot.keyClicks(worklist.search_edit, surname[:3].lower())  # lower case, partial: still found
    assert 0 < worklist.model.rowCount() < total
    assert target.milestone_id in {r.milestone_id for r in worklist.rows()}
    assert all(surname[:3].casefold() in (r.party.name + " " + r.milestone_name).casefold()
               for r in worklist.rows())  # fmt: skip
    assert worklist.count_label.text() == f"{worklist.model.rowCount()} af {total} frister"

    worklist.search_edit.clear()
    assert worklist.model.rowCount() == total
    qtbot.keyClicks(worklist.search_edit, target.case_number)
    assert {r.case_number for r in worklist.rows()} == {target.case_number}

    worklist.search_edit.clear()
    digits = target.party.identifier.replace("-", "")
    qtbot.keyClicks(worklist.search_edit, digits)  # all ten digits, no dash
    assert worklist.rows() and {r.party.identifier for r in worklist.rows()} == {target.party.identifier}
    worklist.search_edit.clear()
    qtbot.keyClicks(worklist.search_edit, target.party.identifier)  # with the dash
    assert {r.party.identifier for r in worklist.rows()} == {target.party.identifier}

    worklist.search_edit.clear()
    qtbot.keyClicks(worklist.search_edit, "zzqqxx")
    assert worklist.model.rowCount() == 0
    assert worklist.count_label.text() == f"0 af {total} frister"


def test_status_combo_filters_to_one_state(worklist) -> None:
    _all_workers(worklist)
    combo = worklist.status_combo
    assert combo.currentData() == ""  # "Alle åbne"
    present = {r.urgency for r in worklist.rows()}
    assert len(present) > 1
    for state in present:
        combo.setCurrentIndex(combo.findData(state.value))
        shown = worklist.rows()
        assert shown and {r.urgency for r in shown} == {state}
        assert combo.currentText() == PALETTE[state].label
    combo.setCurrentIndex(combo.findData(""))
    assert worklist.model.rowCount() == worklist.model.total()


def test_cpr_column_is_masked(worklist) -> None:
    _all_workers(worklist)
    model = worklist.model
    by_kind = {PartyKind.CITIZEN: [], PartyKind.COMPANY: []}
    for row, text in enumerate(_column(model, M.COL_PARTY_ID)):
        by_kind[model.row_at(row).party.kind].append(text)
    assert by_kind[PartyKind.CITIZEN] and by_kind[PartyKind.COMPANY]
    assert all(re.fullmatch(r"\d{6}-XXXX", t) for t in by_kind[PartyKind.CITIZEN])
    assert all(re.fullmatch(r"\d{8}", t) for t in by_kind[PartyKind.COMPANY])  # CVR is public
    # No full CPR anywhere in the table's text, tooltips or accessible text.
    serials = {model.row_at(r).party.identifier for r in range(model.rowCount())
               if model.row_at(r).party.kind is PartyKind.CITIZEN}  # fmt: skip
    for col in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            for value in _column(model, col, role):
                assert not any(s in str(value) or s.replace("-", "") in str(value) for s in serials)


def test_status_is_danish_text_and_an_icon(worklist) -> None:
    _all_workers(worklist)
    model = worklist.model
    labels = {PALETTE[s].label for s in Urgency}
    assert model.headerData(M.COL_STATUS, Qt.Orientation.Horizontal) == "Status"
    notices = {s: style.label for s, style in NOTICE_STYLES.items()}
    for row in range(model.rowCount()):
        idx = model.index(row, M.COL_STATUS)
        r = model.row_at(row)
        text = model.data(idx)
        if r.notice in (NoticeState.BREACH, NoticeState.DUE):  # a decision whose underretning is missing
            assert text == notices[r.notice]
        elif r.notice is not None:
            assert text == f"{PALETTE[r.urgency].label} · underrettet"
        else:
            assert text == PALETTE[r.urgency].label
            assert text in labels
        icon = model.data(idx, Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
        assert not icon.pixmap(16, 16).isNull()  # the SVG really loads
        assert text in model.data(idx, Qt.ItemDataRole.AccessibleTextRole)
    assert model.data(QModelIndex()) is None


def test_several_states_at_once(qtbot, worklist) -> None:
    _all_workers(worklist)
    combo = worklist.status_combo
    present = sorted({r.urgency for r in worklist.rows()}, key=lambda s: PALETTE[s].rank)
    assert len(present) >= 2
    pick = present[:2]
    combo.showPopup()
    for state in pick:  # ticked one by one in the open list, which stays open
        combo.view().pressed.emit(combo.model().index(combo.findData(state.value), 0))
        combo.hidePopup()
        assert combo.view().isVisible()
    assert {r.urgency for r in worklist.rows()} == set(pick)
    assert combo.summary() == ", ".join(PALETTE[s].label for s in pick)
    combo.view().pressed.emit(combo.model().index(combo.findData(pick[0].value), 0))  # untick one
    assert {r.urgency for r in worklist.rows()} == {pick[1]}
    combo.view().pressed.emit(combo.model().index(0, 0))  # "Alle åbne"
    assert worklist.model.rowCount() == worklist.model.total()
    combo.hidePopup()
    combo.hidePopup()
