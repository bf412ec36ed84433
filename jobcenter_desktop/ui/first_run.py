"""First start on a new user profile: ask who I am (default: the OS user name) and my team."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from jobcenter_desktop.core.text import TextError, check_identity
from jobcenter_desktop.services.context import os_username


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunDialog")
        self.setWindowTitle(self.tr("Velkommen til Jobcenter Frister"))
        self.setAccessibleName(self.tr("Velkommen"))
        # The window manager cuts a title longer than the dialog: make room for it (and the close button).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.windowTitle()) + 160)
        intro = QLabel(self.tr("Hvem er du? Dit brugernavn står på de sager du opretter, og »Mine frister« viser "
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
        self.problem_label = QLabel()
        self.problem_label.setObjectName("first_run_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020")
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self._buttons.accepted.connect(self.accept)
        self.user_edit.textChanged.connect(self._validate)
        self.team_edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self._buttons)
        self._validate()

    def problem(self) -> str:
        """Why the typed identity cannot be used ("" when it can): the same rules as the command line's --as."""
        try:
            check_identity(self.user_edit.text(), self.tr("Brugernavnet"))
            if self.team_edit.text().strip():
                check_identity(self.team_edit.text(), self.tr("Teamet"))
        except TextError as e:
            return str(e)
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if not self.problem():
            super().accept()

    def store(self, settings: QSettings) -> None:
        if self.problem():  # closed without a usable name: ask again at the next start
            return
        settings.setValue("identity/username", check_identity(self.user_edit.text()))
        team = self.team_edit.text()
        settings.setValue("identity/team", check_identity(team) if team.strip() else "")
        settings.sync()


def needs_identity(settings: QSettings) -> bool:
    return not str(settings.value("identity/username", "") or "").strip()
