"""The main window: Mine frister, Kalender and Sager as tabs; the legend as a dock; actions with shortcuts.

Idle auto-lock: after ``privacy/lock_minutes`` without input (or Ctrl+L) the tabs give way to a lock page, the
other windows of the app are hidden (not closed) and the title and status bar lose everything personal, until
the user types their user name – or, for an encrypted database, the passphrase checked by ``unlock_check``."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
)

from jobcenter_desktop.core.changes import NOTHING, Changes
from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.case.dialog import CaseDialog
from jobcenter_desktop.ui.case_actions import CaseActions
from jobcenter_desktop.ui.change_feed import ChangeFeed
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.help_dialog import GuideDialog, show_about
from jobcenter_desktop.ui.ics_export import export_calendar
from jobcenter_desktop.ui.laptop_actions import LaptopActions
from jobcenter_desktop.ui.legend import Legend
from jobcenter_desktop.ui.loader import BackgroundLoad
from jobcenter_desktop.ui.lock.controller import LockController
from jobcenter_desktop.ui.lock.curtain import exec_dialog
from jobcenter_desktop.ui.lock.idle import IdleLock, read_lock_minutes
from jobcenter_desktop.ui.lock.page import LockPage
from jobcenter_desktop.ui.new_case_dialog import NewCaseDialog
from jobcenter_desktop.ui.recompute_dialog import preview_and_apply
from jobcenter_desktop.ui.saved_views import SavedViews
from jobcenter_desktop.ui.settings_dialog import SettingsDialog
from jobcenter_desktop.ui.start_summary import StartSummary
from jobcenter_desktop.ui.tab_pages import TabPages
from jobcenter_desktop.ui.theme import app_icon
from jobcenter_desktop.ui.widgets import choosable_columns, fit_screen
from jobcenter_desktop.ui.worklist_view import WorklistView

if TYPE_CHECKING:
    from jobcenter_desktop.ui.calendar_view import CalendarView
    from jobcenter_desktop.ui.case_register_view import CaseRegisterView
    from jobcenter_desktop.ui.team_view import TeamView

TAB_WORKLIST, TAB_CALENDAR, TAB_CASES, TAB_TEAM = range(4)
# Past this many changed cases (an import, a recompute) one reload is cheaper than fetching them by id.
MAX_PATCHED_CASES = 500
LEGEND_MIN_WIDTH = 240
WORKLIST_COLUMNS_KEY = "window/worklist_columns"
KeyLike = QKeySequence | QKeySequence.StandardKey | str
log = logging.getLogger("jobcenter_desktop.ui")


class MainWindow(QMainWindow):
    lock_changed = Signal(bool)  # True when locked, False when unlocked

    def __init__(self, app: Frister, settings: QSettings, today: Callable[[], date], *,
                 unlock_check: Callable[[str], bool] | None = None) -> None:  # fmt: skip
        """``unlock_check(text)``: verifies the passphrase of an encrypted database on the lock page; without
        it the lock page asks for the OS user name or the caseworker identity instead."""
        super().__init__()
        self.app = app
        self.settings = settings
        self.today = today
        self.locker = LockController(self, unlock_check)
        self._pending_status: tuple[str, int] | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Jobcenter Frister"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Jobcenter Frister"))

        self.worklist = WorklistView(app, today)
        self.worklist.loaded.connect(self._update_summary)
        self.pages = TabPages(self)  # the other tabs are built when first shown
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.addTab(self.worklist, self.tr("&Mine frister"))
        self.tabs.addTab(self.pages.calendar_page, self.tr("&Kalender"))
        self.tabs.addTab(self.pages.cases_page, self.tr("&Sager"))
        self.tabs.addTab(self.pages.team_page, self.tr("&Team"))
        # The tabs after the worklist load when shown (built then, the first time), and are marked stale while
        # hidden.
        self._reloads: dict[int, Callable[[], None]] = {
            TAB_CALENDAR: lambda: self.calendar.reload(), TAB_CASES: lambda: self.cases.reload(),
            TAB_TEAM: lambda: self.team.reload()}  # fmt: skip
        self.lock_page = LockPage(passphrase=unlock_check is not None)
        self.lock_page.unlock_requested.connect(self.try_unlock)
        self.stack = QStackedWidget()
        self.stack.setObjectName("central_stack")
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)

        self.legend_dock = QDockWidget(self.tr("Forklaring"), self)
        self.legend_dock.setObjectName("legend_dock")
        scroll = QScrollArea()
        scroll.setWidget(Legend())
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(LEGEND_MIN_WIDTH)
        scroll.setMaximumWidth(LEGEND_MIN_WIDTH + 120)  # the calendar's lists keep their room
        self.legend_dock.setWidget(scroll)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.legend_dock)
        self.legend_dock.hide()

        self._build_actions()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.statusBar().addPermanentWidget(self.status_label)
        self._update_status()

        self.worklist.open_case.connect(self.open_case)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._stale: set[int] = set()
        self.restart_requested = False
        self.summary_label: QLabel | None = None
        self._restore()
        self.refresh()
        self.show_summary()
        self._pending_changes = NOTHING
        self.change_feed = ChangeFeed(app, self.apply_changes, self)
        self.idle_lock = IdleLock(self, minutes=read_lock_minutes(settings))
        self.idle_lock.locked.connect(lambda: self.lock(idle=True))

    # ---------------------------------------------------------------- actions
    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: KeyLike | None = None, tip: str = "") -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # A standard key can have no binding on this platform (Preferences, Quit on Windows): then no "()".
        keys = action.shortcut().toString()
        action.setToolTip(f"{tip or text.replace('&', '')}" + (f" ({keys})" if keys else ""))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.action_new_case = self._action("action_new_case", self.tr("&Ny sag …"), self.new_case,
                                            QKeySequence.StandardKey.New)  # fmt: skip
        self.action_search = self._action("action_search", self.tr("&Søg"), self.focus_search,
                                          QKeySequence.StandardKey.Find)  # fmt: skip
        self.action_refresh = self._action("action_refresh", self.tr("&Opdatér"), self.refresh,
                                           QKeySequence.StandardKey.Refresh)  # fmt: skip
        self.action_export = self._action("action_export", self.tr("&Eksportér arbejdsliste …"), self.export,
                                          "Ctrl+E")  # fmt: skip
        self.action_ics = self._action("action_export_ics", self.tr("Eksportér til &kalender (.ics) …"),
                                       lambda: export_calendar(self))  # fmt: skip
        self.action_print = self._action("action_print", self.tr("&Udskriv …"), self.print_current,
                                         QKeySequence.StandardKey.Print)  # fmt: skip
        self.action_import = self._action("action_import", self.tr("&Importér sager …"), self.import_cases,
                                          "Ctrl+I")  # fmt: skip
        self.action_settings = self._action("action_settings", self.tr("&Indstillinger …"), self.open_settings,
                                            QKeySequence.StandardKey.Preferences)  # fmt: skip
        self.action_recompute = self._action("action_recompute", self.tr("&Genberegn frister …"), self.recompute)
        self.action_legend = self._action("action_legend", self.tr("&Forklaring af farver"),
                                          lambda: self.show_legend(self.action_legend.isChecked()), "F1")  # fmt: skip
        self.action_legend.setCheckable(True)
        self.legend_dock.visibilityChanged.connect(
            lambda _v: self.action_legend.setChecked(not self.legend_dock.isHidden()))  # fmt: skip
        self.action_quit = self._action("action_quit", self.tr("&Afslut"), self.close, QKeySequence.StandardKey.Quit)
        self.action_today = self._action("action_today", self.tr("Gå til i &dag"), self.go_today, "Ctrl+T")
        self.action_lock = self._action("action_lock", self.tr("&Lås nu"), lambda: self.lock(), "Ctrl+L",
                                        self.tr("Lås nu: skjul alle persondata"))  # fmt: skip

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Filer"))
        file_menu.addActions([self.action_new_case, self.action_export, self.action_ics, self.action_import])
        file_menu.addAction(self.action_print)
        file_menu.addSeparator()
        file_menu.addActions([self.action_settings, self.action_recompute])
        file_menu.addSeparator()
        self.laptop = LaptopActions(self, file_menu)  # team database: out and back; a laptop copy: its banner
        file_menu.addAction(self.action_lock)
        file_menu.addAction(self.action_quit)
        self.case_actions = CaseActions(self)
        menu.addMenu(self.case_actions.menu())
        choosable_columns(self.worklist.table)
        self.case_actions.attach(self.worklist.table)  # the other tabs' lists when built (TabPages)
        self.worklist.table.selectionModel().selectionChanged.connect(lambda *_: self.case_actions.update_enabled())
        self.tabs.currentChanged.connect(lambda _i: self.case_actions.update_enabled())
        self.case_actions.update_enabled()
        view_menu = menu.addMenu(self.tr("&Vis"))
        view_menu.addActions([self.action_refresh, self.action_search, self.action_today, self.action_legend])
        self.saved_views = SavedViews(self.worklist, self.settings, self)
        view_menu.addMenu(self.saved_views.menu)
        help_menu = menu.addMenu(self.tr("&Hjælp"))
        self.action_guide = self._action("action_guide", self.tr("Kort &vejledning"), self.show_guide, "Shift+F1")
        self.action_about = self._action("action_about", self.tr("&Om Jobcenter Frister"),
                                         lambda: show_about(self, self.app))  # fmt: skip
        help_menu.addActions([self.action_guide, self.action_legend, self.action_about])
        toolbar = self.addToolBar(self.tr("Værktøjer"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.action_new_case, self.action_refresh, self.action_export, self.action_legend,
                            self.action_settings, self.action_lock])  # fmt: skip
        self.toolbar: QToolBar = toolbar

    # ---------------------------------------------------------------- the lazy tabs
    @property
    def calendar(self) -> CalendarView:
        return self.pages.calendar

    @property
    def cases(self) -> CaseRegisterView:
        return self.pages.cases

    @property
    def team(self) -> TeamView:
        return self.pages.team

    # ---------------------------------------------------------------- behaviour
    def calendar_filter(self) -> DeadlineFilter:
        f = self.worklist.current_filter()
        return DeadlineFilter(caseworker=f.caseworker, team=f.team, group=f.group)

    def refresh(self) -> None:
        self.worklist.refill_people()
        self.worklist.reload()  # off the UI thread: the summary follows when the rows are in (worklist.loaded)
        current = self.tabs.currentIndex()
        if current in self._reloads:
            self._reloads[current]()
        self._stale = set(self._reloads) - {current}

    def apply_changes(self, changes: Changes) -> None:
        """Cases or the calendar changed (here or by a colleague): reload what the change touched. A few cases'
        rows are swapped into the worklist; the calendar's counts and the register's page are fetched again
        where shown (marked stale otherwise); a calendar change or an unknown one reloads everything."""
        if not changes:
            return
        if self.locker.locked:  # nothing is shown while locked; catch up at unlock
            self._pending_changes = self._pending_changes.merge(changes)
            return
        if changes.everything or changes.calendar or len(changes.cases) > MAX_PATCHED_CASES:
            self.refresh()
            return
        self.worklist.refill_people()  # a colleague's new case can bring a caseworker or team into the filters
        self.worklist.reload_cases(changes.cases)  # the summary follows (worklist.loaded)
        self.pages.forget_counts()
        current = self.tabs.currentIndex()
        if current in self._reloads:
            self._reloads[current]()
        self._stale |= set(self._reloads) - {current}

    def _tab_changed(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self._reloads[index]()

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == TAB_CASES:
            self.cases.search_edit.setFocus()
            self.cases.search_edit.selectAll()
        else:
            self.tabs.setCurrentIndex(TAB_WORKLIST)
            self.worklist.focus_search()

    def go_today(self) -> None:
        self.tabs.setCurrentIndex(TAB_CALENDAR)
        self.calendar.go_today()

    def new_case(self) -> None:
        dlg = NewCaseDialog(self.app, self.today, self, settings=self.settings)
        if self._exec(dlg) == QDialog.DialogCode.Accepted and dlg.created is not None:
            self._status(dlg.created_summary(), 8000)
            self.apply_changes(Changes(cases=frozenset({dlg.created.id})))
            self.show_case(dlg.created.id)
        elif dlg.open_instead:
            try:
                existing = self.app.cases.by_number(dlg.open_instead)
            except ServiceError as e:
                show_error(self, str(e))
                return
            self.open_case(existing.id)

    def print_current(self) -> None:
        """Ctrl+P: the list in front of the user as shown (filtered and sorted), or the register's case."""
        from jobcenter_desktop.ui.printing import print_window  # QtPrintSupport: loaded when first printing

        print_window(self)

    def show_case(self, case_id: uuid.UUID) -> None:
        """After an action: the case selected and scrolled to in the worklist, else in the case register."""
        if self.worklist.select_case(case_id):
            self.tabs.setCurrentIndex(TAB_WORKLIST)
            self.worklist.table.setFocus()
            return
        self.tabs.setCurrentIndex(TAB_CASES)
        self.cases.select_case(case_id)

    def open_case(self, case_id: uuid.UUID) -> None:
        try:
            dlg = CaseDialog(self.app, case_id, self.today, self, settings=self.settings)
        except Exception as e:
            show_error(self, self.tr("Sagen kan ikke åbnes: {0}").format(e))
            return
        self._exec(dlg)
        if dlg.changed:
            self.apply_changes(Changes(cases=frozenset({case_id})))
        if dlg.last_done is not None:
            self.case_actions.offer_undo(dlg.last_done, self.tr("Sag {0}: {1}.").format(
                dlg.case.number, dlg.last_done.label.casefold()))  # fmt: skip

    def export(self) -> None:
        from jobcenter_desktop.ui.export_dialog import ExportDialog, offer_open  # openpyxl: not needed at start

        dlg = ExportDialog(self.app, self.today, self)
        if self._exec(dlg) == QDialog.DialogCode.Accepted and dlg.written is not None:
            said = self.tr("{0} gemt i {1}").format(count(dlg.count, self.tr("frist"), self.tr("frister")),
                                                    dlg.written)  # fmt: skip
            self._status(said, 10000)
            self.export_done = offer_open(self, dlg.written, said)

    def import_cases(self) -> None:
        from jobcenter_desktop.ui.import_dialog import ImportDialog  # loads openpyxl: not needed at start

        dlg = ImportDialog(self.app, self.today, self, settings=self.settings)
        self._exec(dlg)
        if dlg.imported:  # also when the dialog stayed open to show the rows it did not import
            self._status(self.tr("{0} importeret ({1}–{2}).").format(
                count(len(dlg.imported), self.tr("sag"), self.tr("sager")), dlg.imported[0],
                dlg.imported[-1]), 10000)  # fmt: skip
            self.refresh()

    def open_settings(self) -> None:
        dlg = SettingsDialog(self.app, self.settings, self.today(), self)
        result = self._exec(dlg)
        if dlg.restored:
            self.restart()
            return
        if result == QDialog.DialogCode.Accepted or dlg.catalogues.moved:  # a move is stored at once
            self.idle_lock.set_minutes(read_lock_minutes(self.settings))
            self._update_status()
            self.worklist.refill_people(select_me=True)  # "Mine frister" follows a changed identity
            self.refresh()

    def restart(self) -> None:
        """Close and let start-up open the (restored) database again."""
        self.restart_requested = True
        self.close()

    def recompute(self) -> None:
        if preview_and_apply(self.app, self.tr("Genberegning startet fra menuen"), self) is not None:
            self.refresh()

    def start_day(self) -> None:
        """At a real start (the tests build windows without it): the day's digest and the hours reminders."""
        from jobcenter_desktop.ui.daily_work import DailyWork
        from jobcenter_desktop.ui.digest_dialog import show_digest
        from jobcenter_desktop.ui.reminders import HoursReminder

        self.digest = show_digest(self, self.app, self.settings, self.today, self.open_case)
        self.reminder = HoursReminder(self.app, datetime.now, self._status, self)
        self.daily = DailyWork(self, self.app, self._status)  # the day's page check and backup, off the UI thread

    def show_guide(self) -> None:
        guide = GuideDialog(self)
        guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        guide.show()  # not modal: read while working

    def show_summary(self) -> None:
        """A short, non-modal summary of my overdue and due-today deadlines at start."""
        self.summary = StartSummary(self.app, self.worklist, self.today)
        self.summary_frame, self.summary_label = self.summary, self.summary.label
        self.worklist.summary_slot.addWidget(self.summary)

    def _update_summary(self) -> None:
        if self.summary_label is not None:
            self.summary.update_counts()

    def current_case_view(self) -> QTableView | None:
        """The list of cases or deadlines the case actions work on: the current tab's (in the calendar, the
        day list unless the week list has the focus or the only selection)."""
        tab = self.tabs.currentIndex()
        if tab == TAB_WORKLIST:
            return self.worklist.table
        if tab == TAB_CASES:
            return self.cases.table
        if tab != TAB_CALENDAR:
            return None  # the Team tab: figures, no case list (and the calendar is not built for it)
        week = self.calendar.week_table
        if week.hasFocus() or (week.selectionModel().hasSelection()
                               and not self.calendar.day_table.selectionModel().hasSelection()):  # fmt: skip
            return week
        return self.calendar.day_table

    def status_message(self, message: str, timeout_ms: int) -> None:
        self._status(message, timeout_ms)

    def _status(self, message: str, timeout_ms: int) -> None:
        """A status bar message; while locked it waits until unlock (it may name a case or a file)."""
        if self.locker.locked:
            self._pending_status = (message, timeout_ms)
        else:
            self.statusBar().showMessage(message, timeout_ms)

    def _update_status(self) -> None:
        if self.locker.locked:
            return  # the lock page shows no identity or database path; unlock() refreshes it
        ctx = self.app.ctx
        self.status_label.setText(self.tr("{0} · {1} · database: {2}").format(
            ctx.actor, ctx.catalogue.label, self.app.location))  # fmt: skip

    # ---------------------------------------------------------------- idle lock
    @property
    def is_locked(self) -> bool:
        return self.locker.locked

    def _exec(self, dlg: QDialog) -> int:
        """``dlg.exec()``, run again as the same dialog after an unlock if the lock hid it meanwhile."""
        return exec_dialog(dlg, lambda: self.locker.locked, self.locker.waiter.wait, self.locker.running_dialogs)

    exec_lockable = _exec  # found by lock.curtain.run_dialog for dialogs opened inside other dialogs

    def lock(self, idle: bool = False) -> None:
        self.locker.lock(idle)

    def try_unlock(self, text: str) -> bool:
        return self.locker.try_unlock(text)

    def unlock(self) -> None:
        self.locker.unlock()

    def catch_up(self) -> None:
        pending, self._pending_changes = self._pending_changes, NOTHING
        if pending:
            self.apply_changes(pending)

    def after_unlock(self) -> None:
        self._update_status()
        if self._pending_status is not None:
            self.statusBar().showMessage(*self._pending_status)
            self._pending_status = None

    def show_legend(self, visible: bool) -> None:
        """F1 never widens the window: without room beside the tabs the legend floats over the right edge."""
        dock = self.legend_dock
        if not visible:
            dock.hide()
            return
        room = self.width() - self.stack.minimumSizeHint().width()
        dock.setFloating(room < LEGEND_MIN_WIDTH + 20)
        if dock.isFloating():
            top_right = self.mapToGlobal(self.rect().topRight())
            dock.resize(LEGEND_MIN_WIDTH + 230, min(self.height() - 80, 480))
            dock.move(top_right.x() - dock.width() - 16, top_right.y() + 60)
        dock.show()

    # ---------------------------------------------------------------- window state
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        fit_screen(self)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        columns = self.settings.value(WORKLIST_COLUMNS_KEY)  # the other tabs' layout: when built (TabPages)
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            self.worklist.table.horizontalHeader().restoreState(columns)
        tab = self.settings.value("window/tab", TAB_WORKLIST)
        with contextlib.suppress(TypeError, ValueError):
            self.tabs.setCurrentIndex(int(tab))  # type: ignore[call-overload]

    def closeEvent(self, event: QCloseEvent) -> None:
        BackgroundLoad.stop_all(self)  # a running load has nobody to show its rows to, and the database closes
        self.locker.restore_chrome()  # save the layout the user chose, not the locked one
        self.idle_lock.uninstall()
        self.locker.waiter.release()  # dialogs waiting for an unlock give up (exec_dialog returns Rejected)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue(WORKLIST_COLUMNS_KEY, self.worklist.table.horizontalHeader().saveState())
        self.pages.save()
        self.settings.sync()
        super().closeEvent(event)
