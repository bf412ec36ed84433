"""Filer → Tag sager med ud: my open cases (all ticked), the laptop file, its name and the passphrase."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.checkout import CheckoutResult, device_name
from jobcenter_desktop.services.encryption import MIN_PASSPHRASE
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.tasks import run_task
from jobcenter_desktop.ui.widgets import dialog_buttons


class CheckoutDialog(QDialog):
    def __init__(self, app: Frister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.result_: CheckoutResult | None = None
        self.setObjectName("CheckoutDialog")
        self.setWindowTitle(self.tr("Tag sager med ud"))
        intro = QLabel(self.tr("Sagerne kopieres til en fil på den bærbare, så du kan arbejde uden net. Kolleger kan "
                               "stadig ændre dem; ved afleveringen flettes ændringerne, og konflikter vises."))
        intro.setWordWrap(True)
        self.case_list = QListWidget()
        self.case_list.setObjectName("checkout_cases")
        self.case_list.setAccessibleName(self.tr("Sager der tages med"))
        for c in app.cases.search("", CaseStatus.OPEN, caseworker=app.ctx.actor):
            item = QListWidgetItem(f"{c.number}  {c.party.name}  ({app.catalogue.groups[c.group].name})"
                                   if c.group in app.catalogue.groups else f"{c.number}  {c.party.name}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.case_list.addItem(item)
        self.file_edit = QLineEdit(str(Path.home() / "frister-baerbar.sqlite3"))
        self.file_edit.setObjectName("checkout_file")
        self.file_edit.setAccessibleName(self.tr("Fil på den bærbare"))
        browse = QPushButton(self.tr("Vælg …"))
        browse.setObjectName("checkout_browse")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.device_edit = QLineEdit(device_name())
        self.device_edit.setObjectName("checkout_device")
        self.device_edit.setAccessibleName(self.tr("Den bærbares navn"))
        self.pass_edit, self.again_edit = QLineEdit(), QLineEdit()
        for edit, name, label in ((self.pass_edit, "checkout_passphrase", self.tr("Adgangskode")),
                                  (self.again_edit, "checkout_passphrase_again", self.tr("Gentag adgangskoden"))):
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.plain_check = QCheckBox(self.tr("Uden kryptering (kun efter aftale)"))
        self.plain_check.setObjectName("checkout_plain")
        self.plain_check.setAccessibleName(self.tr("Uden kryptering"))
        form = QFormLayout()
        form.addRow(self.tr("Fil:"), file_row)
        form.addRow(self.tr("&Bærbarens navn:"), self.device_edit)
        form.addRow(self.tr("&Adgangskode:"), self.pass_edit)
        form.addRow(self.tr("&Gentag:"), self.again_edit)
        form.addRow("", self.plain_check)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("checkout_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")
        self.buttons = dialog_buttons(self, self.tr("Tag med ud"), on_ok=self._go)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Mine åbne sager ({0}):").format(self.case_list.count())))
        layout.addWidget(self.case_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        for edit in (self.pass_edit, self.again_edit, self.file_edit, self.device_edit):
            edit.textChanged.connect(self._validate)
        self.plain_check.toggled.connect(self._validate)
        self.case_list.itemChanged.connect(lambda _item: self._validate())
        self.resize(560, 560)
        self._validate()

    def chosen(self) -> list[uuid.UUID]:
        return [self.case_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.case_list.count())
                if self.case_list.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip

    def problem(self) -> str:
        if not self.chosen():
            return self.tr("Vælg mindst én sag.")
        if not self.file_edit.text().strip():
            return self.tr("Vælg en fil.")
        if Path(self.file_edit.text().strip()).exists():
            return self.tr("Filen findes allerede; aflever den først, eller vælg et andet navn.")
        plain = self.plain_check.isChecked()
        self.pass_edit.setEnabled(not plain)
        self.again_edit.setEnabled(not plain)
        if plain:
            return ""
        if len(self.pass_edit.text()) < MIN_PASSPHRASE:
            return self.tr("Adgangskoden skal have mindst {0} tegn.").format(MIN_PASSPHRASE)
        if self.pass_edit.text() != self.again_edit.text():
            return self.tr("De to adgangskoder er ikke ens.")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        warning = self.tr("Advarsel: kopien bliver UKRYPTERET. En bærbar med CPR-numre skal være krypteret.")
        text = problem or (warning if self.plain_check.isChecked() else "")
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Fil på den bærbare"), self.file_edit.text(),
                                              self.tr("Database (*.sqlite3)"))  # fmt: skip
        if path:
            self.file_edit.setText(path)

    def _go(self) -> None:
        if self.problem():
            return
        to = Path(self.file_edit.text().strip())
        passphrase = None if self.plain_check.isChecked() else self.pass_edit.text()
        ids, device = self.chosen(), self.device_edit.text()
        try:
            device = device_name(device)
        except ServiceError as e:
            show_error(self, str(e))
            return
        outcome = run_task(self, self.tr("Tag sager med ud"), self.tr("Kopierer sagerne …"),
                           lambda _p: self.app.checkouts.checkout(to, ids, passphrase=passphrase, device=device))
        if outcome.error:
            show_error(self, outcome.error)
            return
        self.result_ = outcome.result
        self.accept()
