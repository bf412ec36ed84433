"""Sikkerhedskopier (from Indstillinger): see the backups, take one now, restore a chosen one.

A restore first saves the current state as a backup of its own, then the window reopens on the restored
database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.backups import KEEP
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import QT_TRANSLATE_NOOP
from jobcenter_desktop.ui.loader import BackgroundLoad
from jobcenter_desktop.ui.widgets import dialog_buttons, read_only_table

BACKUP_LABELS = {
    "daglig": QT_TRANSLATE_NOOP("BackupDialog", "Daglig (ved start)"),
    "manuel": QT_TRANSLATE_NOOP("BackupDialog", "Manuel"),
    "foer-gendannelse": QT_TRANSLATE_NOOP("BackupDialog", "Før gendannelse"),
}


class BackupDialog(QDialog):
    def __init__(self, app: Frister, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.restored = False
        self.setObjectName("BackupDialog")
        self.setWindowTitle(self.tr("Sikkerhedskopier"))
        self.setAccessibleName(self.tr("Sikkerhedskopier"))
        self.resize(640, 420)
        text = self.tr("Der tages automatisk en kopi ved start (højst én om dagen) og før hver opdatering af "
                       "databasen. De {0} nyeste gemmes i {1}.")
        info = QLabel(text.format(KEEP, app.backups.folder))
        info.setWordWrap(True)
        info.setProperty("role", "hint")
        self.table = read_only_table("backup_table", self.tr("Sikkerhedskopier"),
                                     [self.tr("Tidspunkt"), self.tr("Type"), self.tr("Størrelse")], stretch=1,
                                     widths={0: 170})  # fmt: skip
        create = QPushButton(self.tr("Tag sikkerhedskopi nu"))
        create.setObjectName("create_backup_button")
        create.setAccessibleName(create.text())
        create.clicked.connect(self._create)
        self.restore_button = QPushButton(self.tr("Gendan valgte …"))
        self.restore_button.setObjectName("restore_backup_button")
        self.restore_button.setAccessibleName(self.tr("Gendan valgte sikkerhedskopi"))
        self.restore_button.clicked.connect(self._restore)
        buttons = dialog_buttons(self)
        row = QHBoxLayout()
        row.addWidget(create)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update)
        self.reload()

    def reload(self) -> None:
        self.backups = self.app.backups.all()
        self.table.setRowCount(len(self.backups))
        for i, b in enumerate(self.backups):
            if b.label in BACKUP_LABELS:
                label = self.tr(BACKUP_LABELS[b.label])
            else:
                label = self.tr("Før opdatering") if b.label.startswith("before-") else b.label
            for col, text in enumerate((b.created.strftime("%d-%m-%Y %H:%M"), label, f"{b.size / 1024:.0f} kB")):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _create(self) -> None:
        try:
            self.app.backups.create("manuel")
        except ServiceError as e:
            show_error(self, str(e))
        self.reload()

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.backups[rows[0].row()]
        answer = QMessageBox.question(self, self.tr("Gendan sikkerhedskopi"), self.tr(
            "Gendan databasen, som den var {0}? Ændringer siden da forsvinder; den nuværende tilstand gemmes "
            "først som en sikkerhedskopi, så gendannelsen kan fortrydes. Vinduet åbner igen bagefter.").format(
                chosen.created.strftime("%d-%m-%Y %H:%M")))  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        parent = self.parentWidget()
        BackgroundLoad.stop_all(parent.window() if parent is not None else self)  # the file is replaced next
        try:
            self.app.backups.restore(chosen.path)
        except ServiceError as e:
            show_error(self, str(e), self.tr("Gendannelsen mislykkedes"))
            return
        self.restored = True
        self.accept()
