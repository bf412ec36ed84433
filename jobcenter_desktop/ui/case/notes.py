"""The case's notes as a dated log (who wrote what, when; newest first) and a field for a new one. The newest
note is also what the worklist shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from jobcenter_desktop.core.party import hide_cpr_in_text
from jobcenter_desktop.core.text import printable
from jobcenter_desktop.services.case_view import NoteLine
from jobcenter_desktop.ui.widgets import NoteEdit, read_only_table


class NotesTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = read_only_table("notes_log", self.tr("Bemærkninger"),
                                   [self.tr("Tidspunkt"), self.tr("Skrevet af"), self.tr("Bemærkning")], stretch=2,
                                   widths={0: 130, 1: 110})  # fmt: skip
        self.log.setWordWrap(True)
        self.edit = NoteEdit()
        self.edit.setObjectName("case_notes_edit")
        self.edit.setAccessibleName(self.tr("Ny bemærkning"))
        self.edit.setPlaceholderText(self.tr("Skriv en ny bemærkning …"))
        self.edit.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("&Tilføj bemærkning"))
        self.add_button.setObjectName("save_notes_button")
        self.add_button.setAccessibleName(self.tr("Tilføj bemærkning"))
        self.add_button.setEnabled(False)
        self.edit.textChanged.connect(lambda: self.add_button.setEnabled(bool(self.edit.toPlainText().strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.log, 1)
        layout.addWidget(QLabel(self.tr("Ny bemærkning:")))
        layout.addWidget(self.edit)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_notes(self, notes: tuple[NoteLine, ...], *, revealed: bool) -> None:
        self.log.setRowCount(len(notes))
        for row, n in enumerate(notes):
            text = printable(n.text if revealed else hide_cpr_in_text(n.text))  # a CPR typed into a note
            for col, value in enumerate((n.at.strftime("%d-%m-%Y %H:%M"), n.author, text)):
                item = QTableWidgetItem(value)
                item.setToolTip(n.text if revealed else hide_cpr_in_text(n.text))
                self.log.setItem(row, col, item)
        self.log.resizeRowsToContents()

    def typed(self) -> str:
        """What is typed and not yet added (closing the window asks about it)."""
        return self.edit.toPlainText() if self.edit.document().isModified() else ""
