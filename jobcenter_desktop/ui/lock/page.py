"""What the main window shows while locked: the app icon, a short Danish text and the unlock form; nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.ui.theme import app_icon


class LockPage(QWidget):
    """The lock screen: the app icon, a short Danish text and the unlock form. No personal data."""

    unlock_requested = Signal(str)

    STYLE = """
        QWidget#lock_page { background: #eef2f5; }
        QFrame#lock_card { background: #ffffff; border: 1px solid #c9d3dc; border-radius: 10px; }
        QFrame#lock_card QLabel { background: transparent; border: 0; }
        QLabel#lock_title { font-size: 18px; font-weight: bold; color: #1f2d3a; }
        QLabel#lock_message { font-size: 13px; color: #33414e; }
        QLabel#unlock_prompt { color: #555; }
        QLabel#unlock_error { color: #A33B00; font-weight: bold; }
        QLineEdit#unlock_edit { padding: 5px 6px; font-size: 13px; }
        QPushButton#unlock_button { padding: 5px 16px; }
    """

    def __init__(self, passphrase: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        self.setAccessibleName(self.tr("Låst skærm"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(self.STYLE)
        self.passphrase = passphrase

        icon = QLabel()
        icon.setObjectName("lock_icon")
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Jobcenter Frister er låst"))
        title.setObjectName("lock_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Låsebesked"))
        prompt_text = (self.tr("Skriv databasens adgangsudtryk for at låse op.") if passphrase
                       else self.tr("Skriv dit brugernavn for at låse op."))  # fmt: skip
        self.prompt = QLabel(prompt_text)
        self.prompt.setObjectName("unlock_prompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("unlock_edit")
        self.edit.setAccessibleName(self.tr("Adgangsudtryk") if passphrase else self.tr("Brugernavn"))
        self.edit.setAccessibleDescription(prompt_text)
        self.edit.setPlaceholderText(self.tr("Adgangsudtryk") if passphrase else self.tr("Brugernavn"))
        if passphrase:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMinimumWidth(220)
        self.prompt.setBuddy(self.edit)
        self.button = QPushButton(self.tr("Lås op"))
        self.button.setObjectName("unlock_button")
        self.button.setAccessibleName(self.tr("Lås op"))
        self.button.setDefault(True)
        self.error = QLabel()
        self.error.setObjectName("unlock_error")
        self.error.setAccessibleName(self.tr("Fejl ved oplåsning"))
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)

        self.edit.returnPressed.connect(self._request)
        self.button.clicked.connect(self._request)

        card = QFrame()
        card.setObjectName("lock_card")
        card.setMaximumWidth(540)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 28, 36, 24)
        inner.setSpacing(10)
        inner.addWidget(icon)
        inner.addWidget(title)
        inner.addWidget(self.message)
        inner.addSpacing(8)
        inner.addWidget(self.prompt)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        inner.addLayout(row)
        inner.addWidget(self.error)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 3)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

    def _request(self) -> None:
        self.unlock_requested.emit(self.edit.text())

    def show_locked(self, message: str) -> None:
        self.message.setText(message)
        self.error.clear()
        self.edit.clear()

    def show_wrong(self, message: str) -> None:
        self.error.setText(message)
        self.edit.clear()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
