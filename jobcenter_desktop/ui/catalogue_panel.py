"""Indstillinger → Kataloger over tid: which rule catalogue applies to new cases from which day, the groups closed
to new cases, how many cases each catalogue has; adding a municipality's own catalogue file (validated, every
problem with file, milestone and field), removing an unused one, and moving open cases to a newer catalogue -
previewed first (which cases, which milestones appear, disappear or move), then applied in one audited step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.rules import CatalogueError
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.catalogue_admin import MovePlan
from jobcenter_desktop.services.errors import ServiceError, ValidationError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.widgets import dialog_buttons, fit_to_screen, read_only_table


class CataloguePanel(QWidget):
    def __init__(self, app: Frister, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.today = app, today
        self.moved = 0  # cases moved while the settings were open: the caller reloads the views
        self.added_message = ""
        self.setObjectName("catalogue_panel")
        hint = QLabel(self.tr("En sag registreres under det katalog, der gælder på sagens startdato, og beholder "
                              "det. Et nyt katalog flytter ingen sager af sig selv: brug »Flyt åbne sager …«."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.table = read_only_table("catalogue_table", self.tr("Regelkataloger over tid"),
                                     [self.tr("Katalog"), self.tr("Id"), self.tr("Nye sager fra"),
                                      self.tr("Til og med"), self.tr("Sager")], stretch=0)  # fmt: skip
        self.closed_label = QLabel()
        self.closed_label.setObjectName("catalogue_closed_label")
        self.closed_label.setWordWrap(True)
        self.table.currentCellChanged.connect(lambda *_: self._show_closed())
        self.add_button = QPushButton(self.tr("Tilføj katalog …"))
        self.add_button.setObjectName("add_catalogue_button")
        self.remove_button = QPushButton(self.tr("Fjern valgte"))
        self.remove_button.setObjectName("remove_catalogue_button")
        self.move_button = QPushButton(self.tr("Flyt åbne sager til valgte …"))
        self.move_button.setObjectName("move_cases_button")
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.move_button.clicked.connect(self._move)
        row = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.move_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.closed_label)
        layout.addLayout(row)
        self.fill()

    def fill(self) -> None:
        cats = self.app.ctx.catalogues
        used = self.app.catalogues.cases_per_catalogue()
        self.table.setRowCount(len(cats.items))
        for r, cat in enumerate(cats):
            end = cats.end_of(cat)
            values = [cat.title, cat.id, format_date(cat.valid_from), format_date(end) if end else "—",
                      str(used.get(cat.id, 0))]  # fmt: skip
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if self.table.currentRow() < 0 and cats.items:
            self.table.selectRow(0)
        self._show_closed()

    def _show_closed(self) -> None:
        """The selected catalogue's groups closed to new cases, under the table (a column would squeeze the
        dates out of view at 1024 px)."""
        cid = self.selected_id()
        cat = self.app.ctx.catalogues.get(cid) if cid else None
        closed = ", ".join(self.tr("{0} fra {1}").format(g.name, format_date(g.closed_from))
                           for g in cat.groups.values() if g.closed_from is not None) if cat else ""  # fmt: skip
        self.closed_label.setText(self.tr("Lukket for nye sager i {0}: {1}").format(cid, closed or self.tr("ingen"))
                                  if cat else "")  # fmt: skip

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 1) if row >= 0 else None
        return item.text() if item is not None else None

    def _add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Vælg katalogfil"), "", self.tr("Regelkatalog (*.toml)"))
        if not path:
            return
        try:
            cat = self.app.catalogues.add(Path(path))
        except CatalogueError as e:
            show_error(self, str(e), self.tr("Kataloget kan ikke bruges"))
            return
        except ServiceError as e:
            show_error(self, str(e))
            return
        self.fill()
        self.added_message = self.tr("{0} ({1}) er tilføjet og gælder for nye sager fra {2}. Åbne sager beholder "
                                     "deres katalog.").format(cat.title, cat.id, format_date(cat.valid_from))
        QMessageBox.information(self, self.tr("Katalog tilføjet"), self.added_message)

    def _remove(self) -> None:
        cid = self.selected_id()
        if cid is None:
            return
        try:
            self.app.catalogues.remove(cid)
        except ServiceError as e:
            show_error(self, str(e))
            return
        self.fill()

    def _move(self) -> None:
        cid = self.selected_id()
        if cid is None:
            show_error(self, self.tr("Vælg det katalog, sagerne skal flyttes til."))
            return
        try:
            plan = self.app.catalogues.move_preview(cid, self.today())
        except ServiceError as e:
            show_error(self, str(e))
            return
        dlg = MovePreviewDialog(plan, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.moved += self.app.catalogues.move_apply(plan, dlg.reason.text(), self.today())
        except ValidationError as e:
            show_error(self, "\n".join(p.message for p in e.problems))
            return
        except ServiceError as e:
            show_error(self, str(e))
            return
        self.fill()


class MovePreviewDialog(QDialog):
    """What a move would do, case by case, before anything is stored."""

    def __init__(self, plan: MovePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MovePreviewDialog")
        self.setWindowTitle(self.tr("Flyt åbne sager til {0}").format(plan.target))
        title = QLabel(self.tr("{0} flyttes til {1}. + ny milepæl, - bortfalder, ~ ny frist. Intet er gemt "
                               "endnu.").format(count(len(plan.cases), self.tr("sag"), self.tr("sager")),
                                                plan.target))  # fmt: skip
        title.setWordWrap(True)
        self.lines = QPlainTextEdit("\n".join(plan.lines()) or self.tr("Ingen åbne sager at flytte."))
        self.lines.setObjectName("move_preview_text")
        self.lines.setReadOnly(True)
        self.reason = QLineEdit(self.tr("Flyttet til regelkatalog {0}").format(plan.target))
        self.reason.setObjectName("move_reason_edit")
        self.reason.setAccessibleName(self.tr("Begrundelse"))
        buttons = dialog_buttons(self, self.tr("Flyt {0}").format(count(len(plan.cases), self.tr("sag"),
                                                                        self.tr("sager"))))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.lines, 1)
        layout.addWidget(QLabel(self.tr("Begrundelse (står i historikken):")))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 420)
