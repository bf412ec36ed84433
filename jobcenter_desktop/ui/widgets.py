"""Small widgets and set-ups every view shares, so each behaves the same everywhere: note fields that Tab
leaves, tables that Tab leaves and that show a cut-off cell's full text as a tooltip, search boxes whose Enter
or Down goes to the first hit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QToolTip,
    QWidget,
)


class NoteEdit(QPlainTextEdit):
    """Multi-line text where Tab moves on to the next field (Ctrl+Tab types a tab, as Qt does)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class ElidedTipDelegate(QStyledItemDelegate):
    """Cells are elided on the right; hovering one whose text does not fit shows the whole text."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:  # fmt: skip
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            own = index.data(Qt.ItemDataRole.ToolTipRole)
            if text and not own and is_elided(option, text, self, index):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def is_elided(option: QStyleOptionViewItem, text: str, delegate: QStyledItemDelegate,
              index: QModelIndex | QPersistentModelIndex) -> bool:  # fmt: skip
    """Does ``text`` need more room than the cell has (its icon and margins counted)?"""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    needed = delegate.sizeHint(opt, index).width()
    return needed > option.rect.width()


def setup_table(view: QAbstractItemView) -> None:
    """Tab leaves the table (arrows move within it), cut-off cells show their text on hover."""
    view.setTabKeyNavigation(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(ElidedTipDelegate(view))
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class _FirstHit(QObject):
    def __init__(self, edit: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(edit)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in keys:
            return False
        model = self.view.model()
        if model is None or model.rowCount() == 0:
            return False
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        first = model.index(0, 0)
        self.view.setCurrentIndex(first)
        self.view.scrollTo(first)
        return True


def search_goes_to_first_hit(edit: QLineEdit, view: QAbstractItemView) -> None:
    """Enter or Down in the search box selects the first row of ``view`` and moves the focus there."""
    edit.installEventFilter(_FirstHit(edit, view))


def read_only_table(name: str, accessible: str, headers: list[str], *, stretch: int | None = None,
                    widths: dict[int, int] | None = None, rows: int = 0) -> QTableWidget:  # fmt: skip
    """The app's read-only list table: whole rows selected one at a time, no row numbers, one column
    stretched, set up by :func:`setup_table`."""
    table = QTableWidget(rows, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    if stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for col, width in (widths or {}).items():
        table.setColumnWidth(col, width)
    setup_table(table)
    return table
