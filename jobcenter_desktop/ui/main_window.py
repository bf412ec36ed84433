"""The main window: Mine frister, Kalender and Sager as tabs; the legend as a dock; actions with shortcuts."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolButton,
)

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.ui.calendar_view import CalendarView
from jobcenter_desktop.ui.case_dialog import CaseDialog
from jobcenter_desktop.ui.case_register_view import CaseRegisterView
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.export_dialog import ExportDialog
from jobcenter_desktop.ui.import_dialog import ImportDialog
from jobcenter_desktop.ui.legend import Legend
from jobcenter_desktop.ui.new_case_dialog import NewCaseDialog
from jobcenter_desktop.ui.recompute_dialog import preview_and_apply
from jobcenter_desktop.ui.settings_dialog import SettingsDialog
from jobcenter_desktop.ui.theme import app_icon, now_for
from jobcenter_desktop.ui.worklist_view import WorklistView

TAB_WORKLIST, TAB_CALENDAR, TAB_CASES = range(3)
KeyLike = QKeySequence | QKeySequence.StandardKey | str


class MainWindow(QMainWindow):
    def __init__(self, app: Frister, settings: QSettings, today: Callable[[], date]) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.today = today
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Jobcenter Frister"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Jobcenter Frister"))

        self.worklist = WorklistView(app, today)
        self.calendar = CalendarView(app, today, self._calendar_filter)
        self.cases = CaseRegisterView(app, today)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.addTab(self.worklist, self.tr("&Mine frister"))
        self.tabs.addTab(self.calendar, self.tr("&Kalender"))
        self.tabs.addTab(self.cases, self.tr("&Sager"))
        self.setCentralWidget(self.tabs)

        self.legend_dock = QDockWidget(self.tr("Forklaring"), self)
        self.legend_dock.setObjectName("legend_dock")
        self.legend_dock.setWidget(Legend())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.legend_dock)
        self.legend_dock.hide()

        self._build_actions()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.statusBar().addPermanentWidget(self.status_label)
        self._update_status()

        for view in (self.worklist, self.calendar, self.cases):
            view.open_case.connect(self.open_case)
        self.cases.changed.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._stale: set[int] = set()
        self.summary_label: QLabel | None = None
        self._restore()
        self.refresh()
        self.show_summary()

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
        self.action_import = self._action("action_import", self.tr("&Importér sager …"), self.import_cases,
                                          "Ctrl+I")  # fmt: skip
        self.action_settings = self._action("action_settings", self.tr("&Indstillinger …"), self.open_settings,
                                            QKeySequence.StandardKey.Preferences)  # fmt: skip
        self.action_recompute = self._action("action_recompute", self.tr("&Genberegn frister …"), self.recompute)
        self.action_legend = self.legend_dock.toggleViewAction()
        self.action_legend.setObjectName("action_legend")
        self.action_legend.setText(self.tr("&Forklaring af farver"))
        self.action_legend.setShortcut(QKeySequence("F1"))
        self.action_legend.setToolTip(self.tr("Forklaring af farver (F1)"))
        self.action_quit = self._action("action_quit", self.tr("&Afslut"), self.close, QKeySequence.StandardKey.Quit)
        self.action_today = self._action("action_today", self.tr("Gå til i &dag"), self.go_today, "Ctrl+T")

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Filer"))
        file_menu.addActions([self.action_new_case, self.action_export, self.action_import])
        file_menu.addSeparator()
        file_menu.addActions([self.action_settings, self.action_recompute])
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        view_menu = menu.addMenu(self.tr("&Vis"))
        view_menu.addActions([self.action_refresh, self.action_search, self.action_today, self.action_legend])
        toolbar = self.addToolBar(self.tr("Værktøjer"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.action_new_case, self.action_refresh, self.action_export, self.action_legend,
                            self.action_settings])  # fmt: skip

    # ---------------------------------------------------------------- behaviour
    def _calendar_filter(self) -> DeadlineFilter:
        f = self.worklist.current_filter()
        return DeadlineFilter(caseworker=f.caseworker, team=f.team, group=f.group)

    def refresh(self) -> None:
        self.worklist.refill_people()
        self.worklist.reload()
        self._update_summary()
        if self.tabs.currentIndex() == TAB_CALENDAR:
            self.calendar.reload()
        if self.tabs.currentIndex() == TAB_CASES:
            self.cases.reload()
        self._stale = {TAB_CALENDAR, TAB_CASES} - {self.tabs.currentIndex()}

    def _tab_changed(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            (self.calendar.reload if index == TAB_CALENDAR else self.cases.reload)()

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
        dlg = NewCaseDialog(self.app, self.today, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.created is not None:
            self.statusBar().showMessage(dlg.created_summary(), 8000)
            self.refresh()

    def open_case(self, case_id: uuid.UUID) -> None:
        try:
            dlg = CaseDialog(self.app, case_id, self.today, self)
        except Exception as e:
            show_error(self, self.tr("Sagen kan ikke åbnes: {0}").format(e))
            return
        dlg.exec()
        if dlg.changed:
            self.refresh()

    def export(self) -> None:
        dlg = ExportDialog(self.app, self.today, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.written is not None:
            self.statusBar().showMessage(self.tr("{0} frister gemt i {1}").format(dlg.count, dlg.written), 10000)

    def import_cases(self) -> None:
        dlg = ImportDialog(self.app, self.today, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.imported:
            self.statusBar().showMessage(self.tr("{0} sager importeret ({1}–{2}).").format(
                len(dlg.imported), dlg.imported[0], dlg.imported[-1]), 10000)  # fmt: skip
            self.refresh()

    def open_settings(self) -> None:
        dlg = SettingsDialog(self.app, self.settings, self.today(), self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self._update_status()
            self.worklist.refill_people(select_me=True)  # "Mine frister" follows a changed identity
            self.refresh()

    def recompute(self) -> None:
        if preview_and_apply(self.app, self.tr("Genberegning startet fra menuen"), self) is not None:
            self.refresh()

    def show_summary(self) -> None:
        """A short, non-modal summary of my overdue and due-today deadlines at start."""
        frame = QFrame()
        frame.setObjectName("start_summary")
        frame.setProperty("role", "summary")
        label = QLabel()
        label.setObjectName("summary_label")
        self.summary_label = label
        close = QToolButton()
        close.setText("×")
        close.setObjectName("close_summary_button")
        close.setAccessibleName(self.tr("Luk oversigten"))
        close.clicked.connect(frame.hide)
        row = QHBoxLayout(frame)
        row.addWidget(label, 1)
        row.addWidget(close)
        self.summary_frame = frame
        self.worklist.summary_slot.addWidget(frame)
        self._update_summary()

    def _update_summary(self) -> None:
        """My overdue and due-today counts; kept current as deadlines are completed."""
        if self.summary_label is None:
            return
        today = self.today()
        rows = self.app.deadlines.list(DeadlineFilter(caseworker=self.app.ctx.actor), today, now_for(today))
        overdue = sum(1 for r in rows if r.urgency is Urgency.OVERDUE)
        due_today = sum(1 for r in rows if r.urgency is Urgency.DUE_TODAY)
        text = self.tr("<b>Hej {0}.</b> Du har <b>{1}</b> overskredne frister og <b>{2}</b> med frist i dag.")
        self.summary_label.setText(text.format(self.app.ctx.actor, overdue, due_today))

    def _update_status(self) -> None:
        ctx = self.app.ctx
        self.status_label.setText(self.tr("{0} · {1} · database: {2}").format(
            ctx.actor, ctx.catalogue.label, ctx.db.path))  # fmt: skip

    # ---------------------------------------------------------------- window state
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/calendar_splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.calendar.splitter.restoreState(splitter)
        tab = self.settings.value("window/tab", TAB_WORKLIST)
        with contextlib.suppress(TypeError, ValueError):
            self.tabs.setCurrentIndex(int(tab))  # type: ignore[call-overload]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/calendar_splitter", self.calendar.splitter.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()
        super().closeEvent(event)


