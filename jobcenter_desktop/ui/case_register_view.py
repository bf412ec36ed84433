"""Sager: the case register with the same search; open, close and reopen cases."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.models import CaseStatus, CaseSummary
from jobcenter_desktop.core.text import MAX_SEARCH, count
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.loader import BackgroundLoad
from jobcenter_desktop.ui.models import SORT_ROLE, CaseTableModel
from jobcenter_desktop.ui.widgets import busy_bar, search_goes_to_first_hit, setup_table

PAGE = 2_000  # newest cases first; a search narrows it. Light enough for a 100k-case register.


class CaseTable(QTableView):
    open_requested = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CaseRegisterView(QWidget):
    open_case = Signal(object)
    changed = Signal(object)  # the case id closed or reopened here

    def __init__(self, app: Frister, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = today
        self.setObjectName("cases_page")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("case_search_edit")
        self.search_edit.setAccessibleName(self.tr("Søg i sager"))
        self.search_edit.setPlaceholderText(self.tr("Søg navn, sagsnr. eller CPR/CVR …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(MAX_SEARCH)  # the services refuse longer searches
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("case_status_filter")
        self.status_combo.setAccessibleName(self.tr("Vis sager"))
        self.status_combo.addItem(self.tr("Åbne sager"), CaseStatus.OPEN.value)
        self.status_combo.addItem(self.tr("Lukkede sager"), CaseStatus.CLOSED.value)
        self.status_combo.addItem(self.tr("Alle sager"), "")
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.count_label.setObjectName("case_count")

        self.model = CaseTableModel({g.id: g.name for g in app.catalogue.groups.values()}, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = CaseTable()
        self.table.setObjectName("case_register_view")
        self.table.setAccessibleName(self.tr("Sagsregister"))
        self.table.setModel(self.proxy)
        setup_table(self.table)
        search_goes_to_first_hit(self.search_edit, self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseTableModel.COL_NUMBER, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(CaseTableModel.COL_PARTY, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 100), (1, 200), (3, 110), (4, 125), (5, 100), (6, 70), (7, 105), (8, 105)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._open_index)
        self.table.open_requested.connect(self._open_index)

        self.open_button = QPushButton(self.tr("Åbn"))
        self.open_button.setObjectName("case_open_button")
        self.close_button = QPushButton(self.tr("Luk sag"))
        self.close_button.setObjectName("case_close_button")
        self.reopen_button = QPushButton(self.tr("Genåbn"))
        self.reopen_button.setObjectName("case_reopen_button")
        self.open_button.setAccessibleName(self.tr("Åbn sagen"))
        self.close_button.setAccessibleName(self.tr("Luk den valgte sag"))
        self.reopen_button.setAccessibleName(self.tr("Genåbn den valgte sag"))
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.status_combo)
        self.busy_bar = busy_bar("cases_busy", self.tr("Søger"))  # a search runs off the UI thread
        top.addWidget(self.busy_bar)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.loader = BackgroundLoad(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(lambda message: show_error(self, message))
        self.loader.busy.connect(self.busy_bar.setVisible)
        self._select_after: uuid.UUID | None = None
        # Searching queries the database; a short pause after typing keeps 100k-case registers smooth.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.status_combo.currentIndexChanged.connect(self.reload)
        self.open_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        self.close_button.clicked.connect(self._close_case)
        self.reopen_button.clicked.connect(self._reopen_case)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    @property
    def loading(self) -> bool:
        return self.loader.running

    def reload(self) -> None:
        """Search on a worker thread; a keystroke (after the debounce) or a status choice supersedes a search still
        running, so the list shows the answer to what is typed now."""
        status = self.status_combo.currentData()
        text, state = self.search_edit.text(), CaseStatus(status) if status else None
        self.loader.request(lambda _progress: self.app.cases.search(text, state, limit=PAGE, newest_first=True))

    def _loaded(self, rows: list[CaseSummary]) -> None:
        self.model.set_rows(rows)
        more = self.tr(" (de {0} nyeste; søg for at finde ældre)").format(PAGE) if len(rows) >= PAGE else ""
        self.count_label.setText(count(len(rows), self.tr("sag"), self.tr("sager")) + more)
        self._update_buttons()
        if self._select_after is not None:
            case_id, self._select_after = self._select_after, None
            self._select_now(case_id)

    def select_case(self, case_id: uuid.UUID) -> None:
        """Reload, then select and scroll to the case (when it is in the page shown)."""
        self._select_after = case_id
        self.reload()

    def _select_now(self, case_id: uuid.UUID) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == case_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                self.table.setFocus()
                return True
        return False

    def current(self) -> CaseSummary | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row())

    def _open_index(self, idx: object) -> None:
        case = self.current()
        if case is not None:
            self.open_case.emit(case.id)

    def _update_buttons(self) -> None:
        case = self.current()
        self.open_button.setEnabled(case is not None)
        self.close_button.setEnabled(case is not None and case.status is CaseStatus.OPEN)
        self.reopen_button.setEnabled(case is not None and case.status is CaseStatus.CLOSED)

    def _close_case(self) -> None:
        case = self.current()
        if case is None:
            return
        answer = QMessageBox.question(self, self.tr("Luk sag"), self.tr(
            "Luk sag {0} ({1})? Åbne milepæle bortfalder.").format(case.number, case.party.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.app.cases.close(case.id, self.today(), expected_version=case.version)
        except ServiceError as e:
            show_error(self, str(e))
        self.reload()
        self.changed.emit(case.id)

    def _reopen_case(self) -> None:
        case = self.current()
        if case is None:
            return
        try:
            self.app.cases.reopen(case.id, self.today(), expected_version=case.version)
        except ServiceError as e:
            show_error(self, str(e))
        self.reload()
        self.changed.emit(case.id)
