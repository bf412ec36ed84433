"""While the window runs: an hours deadline of mine (jobåbninger, løntilskud: 24 hours) that comes due within
the next hour raises one notification - in the system tray where there is one, else in the status bar."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from jobcenter_desktop.core.models import DeadlineFilter, MilestoneState
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.ui.theme import app_icon

translate = QCoreApplication.translate
AHEAD = timedelta(hours=1)
CHECK_EVERY_MS = 60_000


class HoursReminder(QObject):
    def __init__(self, app: Frister, now: Callable[[], datetime], show_status: Callable[[str, int], None],
                 parent: QObject | None = None, *, tray: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self.now, self.show_status = app, now, show_status
        self.told: set[uuid.UUID] = set()  # once per milestone
        self.tray: QSystemTrayIcon | None = None
        if tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(translate("Reminders", "Jobcenter Frister"))
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> list[str]:
        """Tells of each hours deadline of mine due within the hour, not told before. Returns the messages."""
        now = self.now()
        rows = self.app.deadlines.list(DeadlineFilter(caseworker=self.app.ctx.actor, date_from=now.date(),
                                                      date_to=(now + AHEAD).date()), now.date(), now)  # fmt: skip
        messages = []
        for r in rows:
            if (r.due_at is None or r.state is not MilestoneState.OPEN or r.milestone_id in self.told
                    or not now <= r.due_at <= now + AHEAD or r.paused):  # fmt: skip
                continue
            self.told.add(r.milestone_id)
            # No name or CPR: a tray message can be read by anyone passing the screen.
            text = translate("Reminders", "Sag {0}: »{1}« skal være klaret kl. {2}.").format(
                r.case_number, r.milestone_name, f"{r.due_at:%H:%M}")  # fmt: skip
            messages.append(text)
            if self.tray is not None:
                self.tray.showMessage(translate("Reminders", "Frist inden for en time"), text,
                                      QSystemTrayIcon.MessageIcon.Warning, 15_000)  # fmt: skip
            else:
                self.show_status(text, 60_000)
        return messages

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
