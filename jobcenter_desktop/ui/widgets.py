"""Small widgets and set-ups every view shares, so each behaves the same everywhere: note fields that Tab
leaves, tables that Tab leaves and that show a cut-off cell's full text as a tooltip, search boxes whose Enter
or Down goes to the first hit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QHelpEvent, QIcon, QKeyEvent, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTableView,
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


class CheckableCombo(QComboBox):
    """A filter list where several entries can be ticked (the first entry, data "", means "all"). Choosing an
    entry with setCurrentIndex or the keyboard selects just it; clicking entries in the open list ticks and
    unticks them, and the list stays open. ``changed`` is emitted with every change of the ticked set."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ticked: list[str] = []
        self.view().pressed.connect(self._toggle)
        self.currentIndexChanged.connect(self._chose)
        self.model().rowsInserted.connect(self._checkable)
        self._keep_open = False

    def _item(self, row: int) -> QStandardItem | None:
        model = self.model()
        return model.item(row) if isinstance(model, QStandardItemModel) else None

    def _checkable(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(max(first, 1), last + 1):  # every entry but the first ("all") can be ticked
            item = self._item(row)
            if item is not None:
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Unchecked)

    def _sync(self) -> None:
        for row in range(1, self.count()):
            item = self._item(row)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked if str(self.itemData(row)) in self._ticked
                                   else Qt.CheckState.Unchecked)  # fmt: skip
        self.setToolTip(self.summary())
        self.update()
        self.changed.emit()

    def _chose(self, row: int) -> None:
        if self._keep_open:
            return
        value = str(self.itemData(row) or "")
        self._ticked = [value] if value else []
        self._sync()

    def _toggle(self, index: QModelIndex) -> None:
        value = str(self.itemData(index.row()) or "")
        if not value:
            self._ticked = []
        elif value in self._ticked:
            self._ticked.remove(value)
        else:
            self._ticked.append(value)
        self._keep_open = True  # the click also changes the current index: not a "select just this one"
        self._sync()

    def hidePopup(self) -> None:
        if self._keep_open:
            self._keep_open = False
            return  # a tick: the list stays open for the next one
        super().hidePopup()

    def ticked(self) -> list[str]:
        return list(self._ticked)

    def set_ticked(self, values: list[str]) -> None:
        self._ticked = [v for v in values if self.findData(v) > 0]
        self._sync()

    def summary(self) -> str:
        if not self._ticked:
            return self.itemText(0)
        return ", ".join(self.itemText(self.findData(v)) for v in self._ticked)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        opt.currentText = self.summary()
        if len(self._ticked) > 1:
            opt.currentIcon = QIcon()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


def choosable_columns(view: QTableView) -> None:
    """Columns can be moved (drag a header), sized, and hidden or shown again (right-click a header); the
    window saves the header's state between starts."""
    header = view.horizontalHeader()
    header.setSectionsMovable(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu(pos: QPoint) -> None:
        chooser = QMenu(header)
        chooser.setObjectName("column_menu")
        model = view.model()
        shown = sum(not view.isColumnHidden(c) for c in range(model.columnCount()))
        for col in range(model.columnCount()):
            action = chooser.addAction(str(model.headerData(col, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not view.isColumnHidden(col))
            action.setEnabled(view.isColumnHidden(col) or shown > 1)  # the last shown column stays
            action.toggled.connect(lambda on, c=col: view.setColumnHidden(c, not on))
        chooser.exec(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(menu)


def dialog_buttons(dialog: QDialog, ok: str | None = None, *, on_ok: Callable[[], object] | None = None,
                   cancel: str | None = None) -> QDialogButtonBox:  # fmt: skip
    """The app's OK/Annullér row: ``ok`` names what OK does ("Eksportér", "Log ind"; without it only a Luk
    button), ``on_ok`` runs instead of accept(). Esc and the Annullér/Luk button reject."""
    if ok is None:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(cancel or QCoreApplication.translate("Dialog", "Luk"))
    else:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(
            cancel or QCoreApplication.translate("Dialog", "Annullér"))  # fmt: skip
        box.accepted.connect(on_ok or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def fit_to_screen(window: QWidget, width: int, height: int, margin: int = 40) -> None:
    """``width`` × ``height``, or less where the screen (taskbar off) is smaller: a dialog never hangs off it."""
    parent = window.parentWidget()
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    window.resize(min(width, area.width() - margin), min(height, area.height() - margin))


def fit_screen(window: QWidget) -> None:
    """Within the screen's available area (a 768 px laptop screen minus the taskbar), frame included."""
    area = window.screen().availableGeometry()
    frame_w = max(0, window.frameGeometry().width() - window.width()) or 16
    frame_h = max(0, window.frameGeometry().height() - window.height()) or 40
    width, height = min(window.width(), area.width() - frame_w), min(window.height(), area.height() - frame_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    geo = window.frameGeometry()
    if not area.contains(geo):
        window.move(max(area.left(), min(geo.left(), area.right() - geo.width())),
                    max(area.top(), min(geo.top(), area.bottom() - geo.height())))  # fmt: skip


def busy_bar(name: str, accessible: str, *, width: int = 80, text: str | None = None) -> QProgressBar:
    """A bar that shows while a view's load runs off the UI thread (connect ``BackgroundLoad.busy`` to its
    ``setVisible``), hidden until then: busy without an end and without text, or, given ``text``, one the load's
    own progress reports fill."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
    bar.setFixedWidth(width)
    if text is None:
        bar.setRange(0, 0)
        bar.setTextVisible(False)
    else:
        bar.setFormat(text)
        bar.setValue(0)  # a bar below its minimum shows no text: "Tæller …" from the start, not a blank box
    bar.hide()
    return bar
