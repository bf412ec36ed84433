"""The main window: object names, accessible names, shortcuts, the start-up summary, restored window state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from support.qt_wait import settled

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui.main_window import TAB_CALENDAR, TAB_CASES, TAB_WORKLIST

TODAY = date(2026, 11, 23)
INTERACTIVE = (QLineEdit, QComboBox, QPushButton, QTableView, QDateEdit, QCheckBox)


def _show(qtbot, window) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_object_names_exist(window) -> None:
    """The calendar and the register are built when their tab is first shown, and named then."""
    assert window.objectName() == "MainWindow"
    assert window.findChild(QTableView, "worklist_view") is not None
    lazy = ((TAB_CALENDAR, QCalendarWidget, "deadline_calendar"), (TAB_CASES, QTableView, "case_register_view"))
    for tab, cls, name in lazy:
        assert window.findChild(cls, name) is None, name
        window.tabs.setCurrentIndex(tab)
        assert window.findChild(cls, name) is not None, name
    assert window.findChild(QAction, "action_new_case") is window.action_new_case


def _carries_own_name(w: QWidget) -> bool:
    """The line edit inside a spin box / date edit or an editable combo is named through its owner."""
    parent = w.parentWidget()
    return not (isinstance(w, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox))


def test_every_interactive_widget_has_an_accessible_name(window) -> None:
    offenders = sorted(
        f"{type(w).__name__} {w.objectName() or '(no objectName)'} in "
        f"{type(w.parentWidget()).__name__} {w.parentWidget().objectName()}"
        for cls in INTERACTIVE
        for w in window.findChildren(cls)
        if _carries_own_name(w) and not w.accessibleName().strip()
    )
    assert not offenders, "widgets without an accessibleName:\n" + "\n".join(offenders)


def test_shortcuts(qtbot, window) -> None:
    assert window.action_new_case.shortcut() == QKeySequence("Ctrl+N")
    assert window.action_search.shortcut() == QKeySequence("Ctrl+F")
    assert window.action_refresh.shortcut() == QKeySequence("F5")

    _show(qtbot, window)
    window.tabs.setCurrentIndex(TAB_CALENDAR)
    window.worklist.search_edit.setText("abc")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    # Ctrl+F goes back to Mine frister, focuses the search box and selects its text for overtyping.
    assert window.tabs.currentIndex() == TAB_WORKLIST
    qtbot.waitUntil(lambda: window.worklist.search_edit.hasFocus())
    assert window.worklist.search_edit.selectedText() == "abc"

    window.tabs.setCurrentIndex(TAB_CASES)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.cases.search_edit.hasFocus())


def test_action_tooltips_name_their_shortcut(window) -> None:
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith("action_")]
    assert len(actions) >= 9
    for action in actions:
        tip = action.toolTip()
        assert tip and not tip.endswith("()"), (action.objectName(), tip)  # no empty "()" for unbound keys
        keys = action.shortcut().toString()
        if keys:
            assert tip.endswith(f"({keys})"), (action.objectName(), tip)


def test_f5_refreshes_from_the_database(qtbot, make_window, fresh_db, qsettings) -> None:
    window = make_window(fresh_db, qsettings)
    _show(qtbot, window)
    assert window.worklist.model.rowCount() == 0
    other = Frister.open(fresh_db, actor="bo.l", team="Team Vest")  # a colleague on the same file
    try:
        other.cases.register(NewCase("fastholdelse", "Fiktiv Person", "010190-1235", {"foerste_henvendelse": TODAY},
                                     caseworker="anna.k"), TODAY)  # fmt: skip
    finally:
        other.close()
    assert window.worklist.model.rowCount() == 0  # nothing polls behind the user's back
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.worklist.loading and window.worklist.busy_bar.isVisible()  # off the UI thread, and says so
    settled(qtbot, window)
    assert not window.worklist.busy_bar.isVisible()
    assert [r.rule_id for r in window.worklist.rows()] == ["fh_samtale", "fh_moedetilbud"]


def test_start_summary_counts_my_overdue_and_due_today(qtbot, window) -> None:
    rows = window.app.deadlines.list(DeadlineFilter(caseworker="anna.k"), TODAY)
    overdue = sum(r.urgency is Urgency.OVERDUE for r in rows)
    due_today = sum(r.urgency is Urgency.DUE_TODAY for r in rows)
    assert overdue and due_today, "the demo data should give anna.k something overdue and due today"

    frame = window.findChild(QFrame, "start_summary")
    assert frame is window.summary_frame
    text = frame.findChild(QLabel, "summary_label").text()
    said = count(overdue, "overskredet frist", "overskredne frister")
    assert f"Du har <b>{said}</b> og <b>{due_today}</b> med frist i dag" in text
    assert "anna.k" in text

    # Counted from the worklist's own rows when it shows mine, from the database otherwise: the same numbers
    # whatever is typed in the search field or chosen as caseworker.
    window.worklist.search_edit.setText("zzz-ingen")
    window.refresh()
    settled(qtbot, window)
    assert f"Du har <b>{said}</b>" in frame.findChild(QLabel, "summary_label").text()
    window.worklist.caseworker_combo.setCurrentIndex(window.worklist.caseworker_combo.findData(""))  # "Alle"
    window.refresh()
    settled(qtbot, window)
    assert f"og <b>{due_today}</b> med frist i dag" in frame.findChild(QLabel, "summary_label").text()
    assert window.worklist.model.total() > len(rows)

    window.show()
    assert frame.isVisible()
    close = frame.findChild(QWidget, "close_summary_button")
    assert close.accessibleName()
    close.click()
    assert not frame.isVisible()


def test_geometry_and_tab_restored_on_next_start(make_window, demo_db, settings_path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    first = make_window(demo_db, settings)
    assert first.width() <= 1280 and first.height() <= 760  # the first-start default, kept within the screen
    # Kept inside the small offscreen screen (800×800) so that restoring does not clamp it.
    first.setGeometry(QRect(10, 30, 700, 500))
    first.tabs.setCurrentIndex(TAB_CASES)
    assert first.close()

    again = QSettings(str(settings_path), QSettings.Format.IniFormat)  # read back from the file
    assert int(again.value("window/tab")) == TAB_CASES
    second = make_window(demo_db, again)
    assert second.geometry() == QRect(10, 30, 700, 500)
    assert second.tabs.currentIndex() == TAB_CASES
    assert second.cases.model.rowCount() > 0  # the restored tab was loaded, not left empty


SCREEN_SCRIPT = """
import json, sys
from datetime import date
from PySide6.QtCore import QSettings
from jobcenter_desktop.ui.app import build_main_window, ensure_qapp
app = ensure_qapp()
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
w = build_main_window(sys.argv[1], actor="anna.k", today=lambda: date(2026, 11, 23), settings=settings)
w.show()
app.processEvents()
area, frame = w.screen().availableGeometry(), w.frameGeometry()
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()]}))
"""


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 700)])
def test_the_first_window_opens_within_the_available_screen(demo_db, tmp_path, width: int, height: int) -> None:
    """On a laptop's screen (taskbar taken off), the status bar is not hidden below its edge."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}]}))
    env = os.environ | {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run([sys.executable, "-c", SCREEN_SCRIPT, str(demo_db), str(tmp_path / "s.ini")], env=env,
                         capture_output=True, text=True, check=True, timeout=120).stdout  # fmt: skip
    got = json.loads(out.strip().splitlines()[-1])
    ax, ay, aw, ah = got["area"]
    fx, fy, fw, fh = got["frame"]
    assert (aw, ah) == (width, height)
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, got


@pytest.mark.parametrize("width", [1366, 1024])
def test_f1_never_widens_the_window(qtbot, window, width: int) -> None:
    _show(qtbot, window)
    window.resize(width, 700)
    for tab in (TAB_WORKLIST, TAB_CALENDAR, TAB_CASES):
        window.tabs.setCurrentIndex(tab)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: window.legend_dock.isVisible())
        assert window.width() == width, f"F1 widened the window to {window.width()} on tab {tab}"
        assert window.action_legend.isChecked()
        # Docked beside the tabs where there is room; floating over the window's right edge where not.
        assert window.legend_dock.isFloating() == (width < 1100)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: not window.legend_dock.isVisible())
        assert not window.action_legend.isChecked()


def test_columns_chosen_moved_and_sized_are_remembered(make_window, demo_db, settings_path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    first = make_window(demo_db, settings)
    table = first.worklist.table
    header = table.horizontalHeader()
    table.setColumnHidden(8, True)  # Sagsbehandler: not needed in my own list
    header.moveSection(header.visualIndex(7), 0)  # Sagsnr. first
    header.resizeSection(4, 233)  # Målgruppe (an interactive column; Milepæl stretches)
    assert header.sectionsMovable() and header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert first.close()
    second = make_window(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    again = second.worklist.table
    assert again.isColumnHidden(8)
    assert again.horizontalHeader().logicalIndex(0) == 7
    assert again.horizontalHeader().sectionSize(4) == 233


def test_the_other_tabs_are_built_when_first_shown(window) -> None:
    """A start builds the worklist only; each other tab's view is built (and loaded) the first time it is shown."""
    pages = window.pages
    assert not (pages.calendar_page.built or pages.cases_page.built or pages.team_page.built)
    window.tabs.setCurrentIndex(TAB_CASES)
    assert pages.cases_page.built and not pages.calendar_page.built
    settled(None, window.cases)
    assert window.cases.model.rowCount() > 0
    assert window.tabs.currentWidget().findChild(QTableView, "case_register_view") is window.cases.table


def test_a_tabs_layout_survives_a_session_that_never_opened_it(make_window, demo_db, settings_path) -> None:
    """The register's columns are restored when it is built; a session that never showed it keeps them as stored."""
    first = make_window(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    first.tabs.setCurrentIndex(TAB_CASES)
    first.cases.table.horizontalHeader().resizeSection(1, 211)
    first.tabs.setCurrentIndex(TAB_WORKLIST)  # the next start opens on the worklist
    assert first.close()
    second = make_window(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert not second.pages.cases_page.built
    assert second.close()  # never shown: nothing to save, the stored layout stays
    third = make_window(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    third.tabs.setCurrentIndex(TAB_CASES)
    assert third.cases.table.horizontalHeader().sectionSize(1) == 211


def test_the_team_tab_builds_no_calendar_and_prints_nothing(window) -> None:
    """The Team tab has no case list: the case actions and Ctrl+P find none there (they once fell through to the
    calendar's day list, which built the calendar for the Team tab and printed it)."""
    from jobcenter_desktop.ui.main_window import TAB_TEAM

    window.tabs.setCurrentIndex(TAB_TEAM)
    assert window.pages.team_page.built and not window.pages.calendar_page.built
    assert window.current_case_view() is None
    window.print_current()
    assert not window.pages.calendar_page.built and not window.pages.cases_page.built
    assert "ingen liste" in window.statusBar().currentMessage()
