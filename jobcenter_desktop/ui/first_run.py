"""First start on a new user profile: ask who I am (default: the OS user name) and my team."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from jobcenter_desktop.services.context import os_username


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunDialog")
        self.setWindowTitle(self.tr("Velkommen til Jobcenter Frister"))
        self.setAccessibleName(self.tr("Velkommen"))
        intro = QLabel(self.tr("Hvem er du? Dit brugernavn står på de sager du opretter, og 'Mine frister' viser "
                               "dine sager. Det kan ændres senere under Indstillinger."))  # fmt: skip
        intro.setWordWrap(True)
        self.user_edit = QLineEdit(os_username())
        self.user_edit.setObjectName("first_run_user")
        self.user_edit.setAccessibleName(self.tr("Brugernavn"))
        self.team_edit = QLineEdit()
        self.team_edit.setObjectName("first_run_team")
        self.team_edit.setAccessibleName(self.tr("Team"))
        self.team_edit.setPlaceholderText(self.tr("fx Team Vest"))
        form = QFormLayout()
        form.addRow(self.tr("Brugernavn:"), self.user_edit)
        form.addRow(self.tr("Team:"), self.team_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.user_edit.textChanged.connect(
            lambda t: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def store(self, settings: QSettings) -> None:
        settings.setValue("identity/username", self.user_edit.text().strip() or os_username())
        settings.setValue("identity/team", self.team_edit.text().strip())
        settings.sync()


def needs_identity(settings: QSettings) -> bool:
    return not str(settings.value("identity/username", "") or "").strip()
