"""Eksportér arbejdsliste (Ctrl+E): whose deadlines, which period, and where to save the Excel file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ValidationError
from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.tasks import ProgressFn, run_task
from jobcenter_desktop.ui.theme import from_qdate, to_qdate
from jobcenter_desktop.ui.widgets import dialog_buttons


def documents_dir() -> Path:
    """Where files are offered to go: Documents, or the home folder where there is none (a fresh profile)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def remembered_folder(settings: QSettings | None, key: str) -> Path:
    """The folder a file dialog used last time (``key`` in QSettings), or documents_dir() if it is gone."""
    saved = str(settings.value(key, "") or "") if settings is not None else ""
    return Path(saved) if saved and Path(saved).is_dir() else documents_dir()


class ExportDialog(QDialog):
    def __init__(self, app: Frister, today: Callable[[], date], parent: QWidget | None = None,
                 folder: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self.today = app, today
        self.folder = folder or documents_dir()
        self.written: Path | None = None
        self.count = 0
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Eksportér arbejdsliste"))
        self.setAccessibleName(self.tr("Eksportér arbejdsliste"))
        self.resize(600, 460)
        workers = app.caseworkers()

        self.scope_me = QRadioButton(self.tr("Mine frister ({0})").format(app.ctx.actor))
        self.scope_worker = QRadioButton(self.tr("Sagsbehandler:"))
        self.scope_team = QRadioButton(self.tr("Team:"))
        self.scope_all = QRadioButton(self.tr("Alle"))
        self.worker_combo = QComboBox()
        for user, _ in workers:
            self.worker_combo.addItem(user, user)
        self.team_combo = QComboBox()
        for team in sorted({t for _, t in workers if t}):
            self.team_combo.addItem(team, team)
        self.scope_me.setChecked(True)
        self.week_radio = QRadioButton(self.tr("Uge:"))
        self.range_radio = QRadioButton(self.tr("Periode:"))
        self.next_radio = QRadioButton(self.tr("De næste"))
        iso = today().isocalendar()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(iso.year)
        self.week_spin = QSpinBox()
        self.week_spin.setRange(1, 53)
        self.week_spin.setValue(iso.week)
        self.from_edit = QDateEdit(to_qdate(today()))
        self.to_edit = QDateEdit(to_qdate(today() + timedelta(days=13)))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
        self.next_spin = QSpinBox()
        self.next_spin.setRange(1, 260)
        self.next_spin.setValue(10)
        self.week_radio.setChecked(True)
        self.per_worker_check = QCheckBox(self.tr("Ét ark pr. sagsbehandler"))
        self.cpr_check = QCheckBox(self.tr("Fulde CPR-numre (registreres i historikken)"))
        self.file_edit = QLineEdit()
        browse = QPushButton(self.tr("Vælg …"))
        browse.clicked.connect(self._browse)
        names = {
            "scope_me": self.scope_me, "scope_worker": self.scope_worker, "scope_team": self.scope_team,
            "scope_all": self.scope_all, "export_worker_combo": self.worker_combo, "export_team_combo": self.team_combo,
            "period_week": self.week_radio, "period_range": self.range_radio, "period_next": self.next_radio,
            "export_year": self.year_spin, "export_week": self.week_spin, "export_from": self.from_edit,
            "export_to": self.to_edit, "export_next_days": self.next_spin,
            "per_caseworker_check": self.per_worker_check, "include_cpr_check": self.cpr_check,
            "export_file_edit": self.file_edit, "export_browse_button": browse,
        }  # fmt: skip
        for name, widget in names.items():
            widget.setObjectName(name)
            text = widget.text() if hasattr(widget, "text") and isinstance(widget.text(), str) else ""
            widget.setAccessibleName(text.rstrip(":") or name.replace("_", " "))
        self.scope_group = QButtonGroup(self)
        for b in (self.scope_me, self.scope_worker, self.scope_team, self.scope_all):
            self.scope_group.addButton(b)
        self.period_group = QButtonGroup(self)
        for b in (self.week_radio, self.range_radio, self.next_radio):
            self.period_group.addButton(b)

        scope_box = QGroupBox(self.tr("Hvilke frister"))
        g = QGridLayout(scope_box)
        g.addWidget(self.scope_me, 0, 0, 1, 2)
        g.addWidget(self.scope_worker, 1, 0)
        g.addWidget(self.worker_combo, 1, 1)
        g.addWidget(self.scope_team, 2, 0)
        g.addWidget(self.team_combo, 2, 1)
        g.addWidget(self.scope_all, 3, 0, 1, 2)
        period_box = QGroupBox(self.tr("Periode (overskredne frister kommer altid med, øverst)"))
        p = QGridLayout(period_box)

        def period_row(row: int, radio: QRadioButton, *items: QWidget | str) -> None:
            p.addWidget(radio, row, 0)
            line = QHBoxLayout()
            for item in items:
                line.addWidget(QLabel(item) if isinstance(item, str) else item)
            line.addStretch(1)
            p.addLayout(line, row, 1)

        period_row(0, self.week_radio, self.week_spin, self.tr("år"), self.year_spin)
        period_row(1, self.range_radio, self.from_edit, "–", self.to_edit)
        period_row(2, self.next_radio, self.next_spin, self.tr("hverdage"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.message = QLabel()
        self.message.setObjectName("export_message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        buttons = dialog_buttons(self, self.tr("Eksportér"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("export_ok_button")
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(period_box)
        layout.addWidget(self.per_worker_check)
        layout.addWidget(self.cpr_check)
        layout.addWidget(QLabel(self.tr("Gem som:")))
        layout.addLayout(file_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._name_edited = False
        self.file_edit.textEdited.connect(lambda _t: setattr(self, "_name_edited", True))
        for signal in (self.scope_group.buttonToggled, self.period_group.buttonToggled):
            signal.connect(lambda *_: self._suggest_name())
        for spin in (self.week_spin, self.year_spin, self.next_spin):
            spin.valueChanged.connect(lambda *_: self._suggest_name())
        for combo in (self.worker_combo, self.team_combo):
            combo.currentIndexChanged.connect(lambda *_: self._suggest_name())
        self.from_edit.dateChanged.connect(lambda *_: self._suggest_name())
        self.to_edit.dateChanged.connect(lambda *_: self._suggest_name())
        self._suggest_name()

    def request(self) -> ExportRequest:
        if self.scope_all.isChecked():
            scope = Scope(everyone=True)
        elif self.scope_team.isChecked():
            scope = Scope(team=self.team_combo.currentData())
        elif self.scope_worker.isChecked():
            scope = Scope(caseworker=self.worker_combo.currentData())
        else:
            scope = Scope(caseworker=self.app.ctx.actor)
        if self.range_radio.isChecked():
            period = Period.between(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))
        elif self.next_radio.isChecked():
            period = self.app.worklists.next_working_days(self.today(), self.next_spin.value())
        else:
            period = Period.iso_week(self.year_spin.value(), self.week_spin.value())
        return ExportRequest(scope, period, self.per_worker_check.isChecked(), self.cpr_check.isChecked())

    def _suggest_name(self) -> None:
        if self._name_edited:
            return
        try:
            name = self.app.worklists.default_filename(self.request())
        except ValidationError as e:
            self.message.setText(" ".join(p.message for p in e.problems))
            return
        self.message.clear()
        self.file_edit.setText(str(self.folder / name))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Gem arbejdsliste"), self.file_edit.text(),
                                              self.tr("Excel-projektmappe (*.xlsx)"))  # fmt: skip
        if path:
            self.file_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")
            self._name_edited = True

    def accept(self) -> None:
        try:
            req = self.request()
        except ValidationError as e:
            self.message.setText(" ".join(p.message for p in e.problems))
            return
        target = Path(self.file_edit.text().strip())
        if target.suffix.lower() != ".xlsx":
            self.message.setText(self.tr("Filnavnet skal ende på .xlsx."))
            return
        today = self.today()
        def work(progress: ProgressFn) -> int:
            return self.app.worklists.export(req, target, today, datetime.now(), progress)

        outcome = run_task(self, self.tr("Eksporterer"), self.tr("Skriver arbejdslisten …"), work)
        if outcome.cancelled:
            self.message.setText(self.tr("Eksporten blev annulleret; ingen fil er skrevet."))
            return
        if outcome.error:
            # Typically the file is open in Excel or the folder is read-only: say so and let the user pick again.
            show_error(self, outcome.error, self.tr("Arbejdslisten kunne ikke gemmes"))
            self.message.setText(outcome.error)
            self._browse()
            return
        self.written, self.count = target, int(outcome.result)
        super().accept()




def open_url(path: Path) -> bool:
    """The file or folder in the program the PC uses for it (Excel, the file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_open(parent: QWidget, path: Path, message: str) -> QMessageBox:
    """After an export: say where it went, with "Åbn fil" and "Åbn mappe" (shown, not waited for)."""
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("ExportDialog", "Eksporteret"),
                      message, parent=parent)  # fmt: skip
    box.setObjectName("export_done_box")
    open_file = box.addButton(QCoreApplication.translate("ExportDialog", "Åbn fil"), QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(QCoreApplication.translate("ExportDialog", "Åbn mappe"),
                                QMessageBox.ButtonRole.ActionRole)  # fmt: skip
    box.addButton(QCoreApplication.translate("ExportDialog", "Luk"), QMessageBox.ButtonRole.RejectRole)
    open_file.clicked.connect(lambda: open_url(path))
    open_folder.clicked.connect(lambda: open_url(path.parent))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
