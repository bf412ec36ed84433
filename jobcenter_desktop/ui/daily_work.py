"""The first start of the day's page check and backup, after the window is painted: off the UI thread, with a
status line while it runs and a clear message when it finds a damaged file (nothing is copied then)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.ui.loader import BackgroundLoad


class DailyWork(QObject):
    def __init__(self, window: QWidget, app: Frister, status: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self.window, self.status = window, status
        self.loader = BackgroundLoad(self)
        self.loader.loaded.connect(self._done)
        self.loader.failed.connect(self._failed)
        self.loader.busy.connect(self._busy)
        self.loader.request(app.daily_work)

    def _busy(self, on: bool) -> None:
        if on:
            self.status(self.tr("Dagens kontrol af databasen og sikkerhedskopi kører …"), 0)

    def _done(self, message: str) -> None:
        self.status(message or self.tr("Klar"), 15000)

    def _failed(self, message: str) -> None:
        self.status(self.tr("Dagens kontrol fandt en fejl i databasen"), 0)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Databasen er beskadiget"), message, parent=self.window)
        box.setObjectName("daily_check_failed")
        box.open()  # not modal for the event loop: the worklist stays usable
