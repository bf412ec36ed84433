"""Filer → Aflever sager: a laptop file's changes back into the team database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.laptop import CheckinReport
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.encryption import is_encrypted
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.tasks import run_task
from jobcenter_desktop.ui.widgets import dialog_buttons


class CheckinDialog(QDialog):
    def __init__(self, app: Frister, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = today
        self.report: CheckinReport | None = None
        self.setObjectName("CheckinDialog")
        self.setWindowTitle(self.tr("Aflever sager"))
        intro = QLabel(self.tr("Den bærbares ændringer flettes ind i teamdatabasen felt for felt. Hvor en kollega "
                               "har ændret det samme, bliver det en konflikt, du afgør bagefter; intet går tabt."))
        intro.setWordWrap(True)
        self.file_edit = QLineEdit(str(Path.home() / "frister-baerbar.sqlite3"))
        self.file_edit.setObjectName("checkin_file")
        self.file_edit.setAccessibleName(self.tr("Den bærbares fil"))
        browse = QPushButton(self.tr("Vælg …"))
        browse.setObjectName("checkin_browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("checkin_passphrase")
        self.pass_edit.setAccessibleName(self.tr("Adgangskode til kopien"))
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.release_check = QCheckBox(self.tr("Fjern kopien bagefter (udlånet afsluttes)"))
        self.release_check.setObjectName("checkin_release")
        self.release_check.setAccessibleName(self.tr("Fjern kopien bagefter"))
        form = QFormLayout()
        form.addRow(self.tr("Fil:"), row)
        form.addRow(self.tr("&Adgangskode:"), self.pass_edit)
        form.addRow("", self.release_check)
        self.buttons = dialog_buttons(self, self.tr("Aflever"), on_ok=self._go)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.file_edit.textChanged.connect(self._update)
        self.resize(560, 220)
        self._update()

    def _path(self) -> Path:
        return Path(self.file_edit.text().strip())

    def _update(self) -> None:
        path = self._path()
        exists = path.is_file()
        self.pass_edit.setEnabled(exists and is_encrypted(path))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(exists)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Den bærbares fil"), self.file_edit.text(),
                                              self.tr("Database (*.sqlite3)"))  # fmt: skip
        if path:
            self.file_edit.setText(path)

    def _go(self) -> None:
        path = self._path()
        key = self.pass_edit.text() if self.pass_edit.isEnabled() else None
        release = self.release_check.isChecked()
        outcome = run_task(self, self.tr("Aflever sager"), self.tr("Fletter den bærbares ændringer …"),
                           lambda progress: self.app.checkins.checkin(path, passphrase=key, today=self.today,
                                                                      release=release, progress=progress))
        if outcome.error:
            show_error(self, outcome.error)
            return
        if outcome.cancelled:
            return
        self.report = outcome.result
        self.accept()

    def summary(self) -> str:
        r = self.report
        if r is None:
            return ""
        lines = [self.tr("{0} afleveret: {1} overført, {2}, {3}.").format(
            count(r.cases, self.tr("sag"), self.tr("sager")),
            count(r.changes, self.tr("ændring"), self.tr("ændringer")),
            count(r.audit_entries, self.tr("historikpost"), self.tr("historikposter")),
            count(r.conflicts, self.tr("konflikt"), self.tr("konflikter")))]  # fmt: skip
        lines += [self.tr("Ny sag {0} har fået nummeret {1}.").format(a, b) for a, b in r.numbers.items()]
        return "\n".join(lines)
