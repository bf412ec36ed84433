"""The team database's password, asked when libpq's own places (PGPASSWORD, the pgpass file) and the credential
store have none that the server takes; "husk" keeps it in the operating system's credential store."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.services import credentials
from jobcenter_desktop.ui.widgets import dialog_buttons


class PasswordDialog(QDialog):
    def __init__(self, url: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PasswordDialog")
        self.setWindowTitle(self.tr("Teamdatabase"))
        intro = QLabel(message)
        intro.setObjectName("password_message")
        intro.setWordWrap(True)
        where = QLabel(credentials.account(url) or url)
        where.setObjectName("password_account")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Adgangskode"))
        self.remember_check = QCheckBox(self.tr("&Husk adgangskoden på denne pc"))
        self.remember_check.setObjectName("password_remember")
        self.remember_check.setAccessibleName(self.tr("Husk adgangskoden på denne pc"))
        if credentials.can_remember():
            self.remember_check.setToolTip(self.tr("Gemmes i styresystemets adgangskodelager (i Windows: "
                                                   "Legitimationsoplysninger), aldrig i en fil."))  # fmt: skip
        else:
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(self.tr("Denne pc har intet adgangskodelager, programmet kan bruge. "
                                                   "Adgangskoden skal skrives ved hver start."))  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("Database:"), where)
        form.addRow(self.tr("&Adgangskode:"), self.password_edit)
        buttons = dialog_buttons(self, self.tr("Log ind"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return self.remember_check.isEnabled() and self.remember_check.isChecked()


def ask_password(url: str, message: str) -> tuple[str, bool] | None:
    """(password, remember) or None when the person cancels."""
    dlg = PasswordDialog(url, message)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.password(), dlg.remember()
