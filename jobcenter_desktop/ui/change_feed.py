"""Colleagues' changes appear without F5: a timer asks the services what other people changed (LISTEN/NOTIFY
on the team database, PRAGMA data_version on a file) and tells the window, which reloads the views the change
touches. Polling costs a non-blocking read on the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from jobcenter_desktop.core.changes import NOTHING, Changes
from jobcenter_desktop.services.app import Frister

INTERVAL_MS = 2000


class ChangeFeed(QObject):
    def __init__(self, app: Frister, apply: Callable[[Changes], None], parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self._apply = app, apply
        self.timer = QTimer(self)
        self.timer.setObjectName("change_feed_timer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.app.changes.poll()  # the starting point: what is in the database now
        self.timer.start()

    def poll(self) -> Changes:
        if QApplication.activeModalWidget() is not None:
            # A dialog (or the lock's own) is running its event loop: the window refreshes when it closes, and
            # nothing is reloaded underneath a form the user is filling in.
            return NOTHING
        changes = self.app.changes.poll()
        if changes:
            self._apply(changes)
        return changes
