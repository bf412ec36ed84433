"""The main window's Kalender, Sager and Team tabs, each built – and its module imported – when first shown.

A start shows the worklist only; building the other three views and importing their modules (the calendar's
counts, the register, the Team tab's figures) cost ~0.15 s of every start although most starts never open them.
A page is an empty frame until its view is asked for (the tab shown, a case to select in the register, Ctrl+P on
the calendar); the view is then built and wired exactly as it would have been at start. A page never built has
nothing to save at close, and its remembered layout stays as stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from jobcenter_desktop.core.changes import Changes
from jobcenter_desktop.ui.widgets import choosable_columns

if TYPE_CHECKING:
    from jobcenter_desktop.ui.calendar_view import CalendarView
    from jobcenter_desktop.ui.case_register_view import CaseRegisterView
    from jobcenter_desktop.ui.main_window import MainWindow
    from jobcenter_desktop.ui.team_view import TeamView

SPLITTER_KEY = "window/calendar_splitter"
CASES_COLUMNS_KEY = "window/cases_columns"


class LazyPage(QWidget):
    """A tab's page holding one view, built by ``build`` the first time ``view()`` is called."""

    def __init__(self, name: str, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self.setObjectName(f"{name}_tab")
        self._build = build
        self._view: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._view is not None

    def view(self) -> QWidget:
        if self._view is None:
            self._view = self._build()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._view)
        return self._view


class TabPages:
    """The three lazy pages of a main window, and how each view is wired to it once built."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.calendar_page = LazyPage("calendar", self._build_calendar)
        self.cases_page = LazyPage("cases", self._build_cases)
        self.team_page = LazyPage("team", self._build_team)

    @property
    def calendar(self) -> CalendarView:
        return self.calendar_page.view()  # type: ignore[return-value]

    @property
    def cases(self) -> CaseRegisterView:
        return self.cases_page.view()  # type: ignore[return-value]

    @property
    def team(self) -> TeamView:
        return self.team_page.view()  # type: ignore[return-value]

    def _attach(self, *tables: QTableView) -> None:
        actions = self.window.case_actions
        for table in tables:
            actions.attach(table)
            table.selectionModel().selectionChanged.connect(lambda *_: actions.update_enabled())

    def _build_calendar(self) -> QWidget:
        from jobcenter_desktop.ui.calendar_view import CalendarView

        w = self.window
        view = CalendarView(w.app, w.today, w.calendar_filter)
        splitter = w.settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            view.splitter.restoreState(splitter)
        self._attach(view.day_table, view.week_table)
        view.open_case.connect(w.open_case)
        return view

    def _build_cases(self) -> QWidget:
        from jobcenter_desktop.ui.case_register_view import CaseRegisterView

        w = self.window
        view = CaseRegisterView(w.app, w.today)
        choosable_columns(view.table)
        columns = w.settings.value(CASES_COLUMNS_KEY)
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            view.table.horizontalHeader().restoreState(columns)
        self._attach(view.table)
        view.open_case.connect(w.open_case)
        view.changed.connect(lambda case_id: w.apply_changes(Changes(cases=frozenset({case_id}))))
        return view

    def _build_team(self) -> QWidget:
        from jobcenter_desktop.ui.team_view import TeamView

        w = self.window
        view = TeamView(w.app, w.today, w.settings)
        view.open_case.connect(w.open_case)
        return view

    def forget_counts(self) -> None:
        """The calendar's counts are stale after a change; a calendar never built has none."""
        if self.calendar_page.built:
            self.calendar.forget_counts()

    def save(self) -> None:
        """At close: the layout of the views that were built (the others keep what was stored)."""
        settings = self.window.settings
        if self.calendar_page.built:
            settings.setValue(SPLITTER_KEY, self.calendar.splitter.saveState())
        if self.cases_page.built:
            settings.setValue(CASES_COLUMNS_KEY, self.cases.table.horizontalHeader().saveState())
