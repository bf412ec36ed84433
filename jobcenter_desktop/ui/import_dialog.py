"""Filer → Importér sager: pick an .xlsx, see every row judged (ok or its problem in Danish), then import
all valid rows in one transaction — or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.importer import ImportPreview
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.export_dialog import remembered_folder
from jobcenter_desktop.ui.tasks import run_task
from jobcenter_desktop.ui.theme import state_fill, state_icon
from jobcenter_desktop.ui.widgets import read_only_table

FOLDER_KEY = "import/folder"


class ImportDialog(QDialog):
    def __init__(self, app: Frister, today: Callable[[], date], parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self.today, self.settings = app, today, settings
        self.preview: ImportPreview | None = None
        self.imported: list[str] = []
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Importér sager"))
        self.setAccessibleName(self.tr("Importér sager"))
        self.resize(900, 560)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file_edit")
        self.file_edit.setAccessibleName(self.tr("Fil der importeres"))
        self.file_edit.setReadOnly(True)
        choose = QPushButton(self.tr("Vælg fil …"))
        choose.setObjectName("import_choose_button")
        choose.setAccessibleName(self.tr("Vælg fil"))
        choose.clicked.connect(self._choose)
        template = QPushButton(self.tr("Gem skabelon …"))
        template.setObjectName("import_template_button")
        template.setAccessibleName(self.tr("Gem skabelon til import"))
        template.clicked.connect(self._save_template)
        self.summary = QLabel(self.tr("Vælg en Excel-fil med sager. Intet gemmes, før du trykker Importér."))
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.table = read_only_table("import_preview_table", self.tr("Rækker i filen"),
                                     [self.tr("Række"), self.tr("Sag"), self.tr("Resultat")], stretch=2,
                                     widths={0: 60, 1: 360})  # fmt: skip
        self.table.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Luk"))
        self.import_button = buttons.addButton(self.tr("Importér"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_ok_button")
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_rejected_button = buttons.addButton(self.tr("Gem afviste rækker …"),
                                                      QDialogButtonBox.ButtonRole.ActionRole)  # fmt: skip
        self.save_rejected_button.setObjectName("import_save_rejected_button")
        self.save_rejected_button.setVisible(False)
        self.save_rejected_button.clicked.connect(self._save_rejected)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(choose)
        row.addWidget(template)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def folder(self) -> Path:
        """Where the file dialogs start: where the template or a file was last saved or chosen."""
        return remembered_folder(self.settings, FOLDER_KEY)

    def _remember(self, path: Path) -> None:
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(path.parent))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Vælg Excel-fil"), str(self.folder()),
                                              self.tr("Excel-projektmappe (*.xlsx)"))  # fmt: skip
        if path:
            self._remember(Path(path))
            self.load(Path(path))

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Gem skabelon"),
                                              str(self.folder() / self.tr("Skabelon til import af sager.xlsx")),
                                              self.tr("Excel-projektmappe (*.xlsx)"))  # fmt: skip
        if not path:
            return
        self._remember(Path(path))
        outcome = run_task(self, self.tr("Skabelon"), self.tr("Gemmer skabelon …"),
                           lambda _p: self.app.importer.write_template(Path(path)))  # fmt: skip
        if outcome.error:
            show_error(self, outcome.error)

    def load(self, path: Path) -> None:
        """Read and judge the file (off the UI thread) and show every row."""
        self.file_edit.setText(str(path))
        today = self.today()
        outcome = run_task(self, self.tr("Indlæser"), self.tr("Læser filen …"),
                           lambda progress: self.app.importer.preview(path, today, progress))  # fmt: skip
        self.preview = None
        self.table.setRowCount(0)
        self.import_button.setEnabled(False)
        if outcome.error or outcome.cancelled:
            self.summary.setText(outcome.error or self.tr("Indlæsningen blev annulleret."))
            self.summary.setProperty("role", "error")
            self.summary.style().polish(self.summary)
            return
        preview: ImportPreview = outcome.result
        self.preview = preview
        self.table.setRowCount(len(preview.rows))
        for i, r in enumerate(preview.rows):
            state = Urgency.DONE_ON_TIME if r.ok else Urgency.OVERDUE
            result = QTableWidgetItem(state_icon(state), self.tr("OK") if r.ok else " ".join(r.problems))
            result.setBackground(state_fill(state))
            self.table.setItem(i, 0, QTableWidgetItem(str(r.line)))
            self.table.setItem(i, 1, QTableWidgetItem(r.summary))
            self.table.setItem(i, 2, result)
        self.table.resizeRowsToContents()
        ok, bad = len(preview.accepted), len(preview.rejected)
        self.summary.setProperty("role", "warning" if bad else "")
        self.summary.style().polish(self.summary)
        read = self.tr("{0} læst i arket (række {1}–{2}).").format(
            count(len(preview.rows), self.tr("sag"), self.tr("sager")),
            preview.rows[0].line, preview.rows[-1].line)  # the number judged, never a guess
        if preview.ignored_columns:
            read += " " + self.tr("Kolonner der ikke bruges: {0}.").format(", ".join(preview.ignored_columns))
        self.summary.setText(read + " " + (
            self.tr("{0} kan importeres, {1} har fejl og springes over.").format(ok, bad)
            if bad else self.tr("Alle {0} kan importeres.").format(ok)))  # fmt: skip
        self.import_button.setText(self.tr("Importér {0}").format(count(ok, self.tr("sag"), self.tr("sager"))))
        self.import_button.setEnabled(ok > 0)

    def accept(self) -> None:
        preview = self.preview
        if preview is None or not preview.accepted:
            return
        bad = len(preview.rejected)
        if bad:
            question = self.tr("{0} med fejl bliver ikke importeret. Importér {1}?").format(
                count(bad, self.tr("række"), self.tr("rækker")),
                count(len(preview.accepted), self.tr("gyldig sag"), self.tr("gyldige sager")))
            answer = QMessageBox.question(self, self.tr("Spring fejl over?"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        today = self.today()
        outcome = run_task(self, self.tr("Importerer"), self.tr("Gemmer sager …"),
                           lambda progress: self.app.importer.commit(preview, today, progress))  # fmt: skip
        if outcome.cancelled:
            self.summary.setText(self.tr("Importen blev annulleret; intet er gemt."))
            return
        if outcome.error:
            show_error(self, outcome.error, self.tr("Intet er importeret"))
            return
        self.imported = list(outcome.result)
        if not preview.rejected:
            super().accept()
            return
        self._show_rejected(preview)

    def _show_rejected(self, preview: ImportPreview) -> None:
        """After an import with rows left out: those rows stay in view, to be saved, fixed and imported again."""
        rejected = preview.rejected
        self.table.setRowCount(len(rejected))
        for i, r in enumerate(rejected):
            result = QTableWidgetItem(state_icon(Urgency.OVERDUE), " ".join(r.problems))
            result.setBackground(state_fill(Urgency.OVERDUE))
            for col, item in enumerate((QTableWidgetItem(str(r.line)), QTableWidgetItem(r.summary), result)):
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        self.summary.setText(self.tr("{0} importeret ({1}–{2}). {3} er ikke importeret: gem dem som en "
                                     "projektmappe, ret dem, og importér dem igen.").format(
            count(len(self.imported), self.tr("sag"), self.tr("sager")), self.imported[0], self.imported[-1],
            count(len(rejected), self.tr("række"), self.tr("rækker"))))  # fmt: skip
        self.import_button.setEnabled(False)
        self.save_rejected_button.setVisible(True)

    def _save_rejected(self, *, path: Path | None = None) -> Path | None:
        preview = self.preview
        if preview is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Gem afviste rækker"),
                                                    str(self.folder() / self.tr("Afviste rækker.xlsx")),
                                                    self.tr("Excel-projektmappe (*.xlsx)"))  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        try:
            n = self.app.importer.save_rejected(preview, path)
        except ServiceError as e:
            show_error(self, str(e))
            return None
        self._remember(path)
        self.summary.setText(self.tr("{0} gemt i {1} med en kolonne, der siger hvad der skal rettes.").format(
            count(n, self.tr("række"), self.tr("rækker")), path))  # fmt: skip
        return path
