"""Konflikter: what a check-in could not merge, the team database's value beside the laptop's, decided one by
one. Until decided the team database's value stands (and the case shows "konflikt" in the worklist)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.laptop import Conflict
from jobcenter_desktop.core.merge import decode
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.merge_text import describe, what
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import QT_TRANSLATE_NOOP
from jobcenter_desktop.ui.models import _RowTableModel
from jobcenter_desktop.ui.widgets import NoteEdit, dialog_buttons, setup_table

Index = QModelIndex | QPersistentModelIndex


def _server_side(c: Conflict) -> str:
    who = f"{c.server_by}, {format_date(c.server_at.date())}" if c.server_by and c.server_at else c.server_by
    return f"{describe(c.record, c.field, decode(c.server))}" + (f"  ({who})" if who else "")


class ConflictModel(_RowTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("ConflictModel", "Sag"),
        QT_TRANSLATE_NOOP("ConflictModel", "Hvad"),
        QT_TRANSLATE_NOOP("ConflictModel", "Teamdatabasen (gælder nu)"),
        QT_TRANSLATE_NOOP("ConflictModel", "Bærbar"),
        QT_TRANSLATE_NOOP("ConflictModel", "Før udlån"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Conflict] = []

    @property
    def rows(self) -> list[Conflict]:
        return self._rows

    def set_rows(self, rows: list[Conflict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self._rows[index.row()]
        col = index.column()
        text = (c.case_number, what(c.record, c.record_key, c.field), _server_side(c),
                f"{describe(c.record, c.field, decode(c.laptop))}  ({c.device})",
                describe(c.record, c.field, decode(c.base)))[col]
        return text.replace("\n", " ⏎ ") if role == Qt.ItemDataRole.DisplayRole else text


class ConflictsDialog(QDialog):
    def __init__(self, app: Frister, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = today
        self.changed_cases: set[uuid.UUID] = set()
        self.setObjectName("ConflictsDialog")
        self.setWindowTitle(self.tr("Konflikter fra afleveringer"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = ConflictModel(self)
        self.table = QTableView()
        self.table.setObjectName("conflicts_table")
        self.table.setAccessibleName(self.tr("Konflikter"))
        self.table.setModel(self.model)
        setup_table(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.server_text, self.laptop_text = NoteEdit(), NoteEdit()
        for edit, name, label in ((self.server_text, "conflict_server", self.tr("Teamdatabasens værdi")),
                                  (self.laptop_text, "conflict_laptop", self.tr("Den bærbares værdi"))):
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setReadOnly(True)
            edit.setMaximumHeight(90)
        side = QGridLayout()
        side.addWidget(QLabel(self.tr("Teamdatabasen (gælder nu):")), 0, 0)
        side.addWidget(QLabel(self.tr("Den bærbare:")), 0, 1)
        side.addWidget(self.server_text, 1, 0)
        side.addWidget(self.laptop_text, 1, 1)
        self.keep_server = QPushButton(self.tr("Behold &teamdatabasens"))
        self.keep_server.setObjectName("keep_server")
        self.keep_laptop = QPushButton(self.tr("Brug den &bærbares"))
        self.keep_laptop.setObjectName("keep_laptop")
        self.new_text = QPushButton(self.tr("Skriv &ny tekst …"))
        self.new_text.setObjectName("new_text")
        self.keep_server.clicked.connect(lambda: self._resolve(keep="server"))
        self.keep_laptop.clicked.connect(lambda: self._resolve(keep="laptop"))
        self.new_text.clicked.connect(self._write_new)
        buttons = QHBoxLayout()
        for b in (self.keep_server, self.keep_laptop, self.new_text):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(side)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.resize(1000, 560)
        self.reload()

    def reload(self) -> None:
        rows = self.app.conflicts.list()
        self.model.set_rows(rows)
        self.intro.setText(self.tr("{0} uafgjorte konflikter. Indtil du afgør en konflikt, gælder teamdatabasens "
                                   "værdi; den bærbares er gemt her og i historikken.").format(len(rows))
                           if rows else self.tr("Ingen uafgjorte konflikter."))  # fmt: skip
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 280))
        if rows:
            self.table.selectRow(0)
        self._show_current()

    def current(self) -> Conflict | None:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() and idx.row() < len(self.model.rows) else None

    def _show_current(self) -> None:
        c = self.current()
        self.server_text.setPlainText(_server_side(c) if c else "")
        self.laptop_text.setPlainText(describe(c.record, c.field, decode(c.laptop)) if c else "")
        for b in (self.keep_server, self.keep_laptop):
            b.setEnabled(c is not None)
        self.new_text.setEnabled(c is not None and (c.record, c.field) == ("case", "notes"))

    def _resolve(self, *, keep: str | None = None, value: str | None = None) -> None:
        c = self.current()
        if c is None:
            return
        try:
            self.app.conflicts.resolve(c.id, keep=keep, value=value, today=self.today)
        except ServiceError as e:
            show_error(self, str(e))
        self.changed_cases.add(c.case_id)
        self.reload()

    def _write_new(self) -> None:
        c = self.current()
        if c is None:
            return
        both = f"{decode(c.server)}\n{decode(c.laptop)}"
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Ny bemærkning"),
                                                 self.tr("Bemærkningen (begge udgaver står her):"), both)  # fmt: skip
        if ok:
            self._resolve(value=text)
