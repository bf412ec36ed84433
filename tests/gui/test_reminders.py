"""Hours deadlines coming due within the hour: told once each, in the tray or (no tray here) the status bar,
with the case number and milestone only."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui.reminders import HoursReminder


def test_an_hours_deadline_within_the_hour_is_told_once(frister) -> None:
    start = datetime(2026, 3, 2, 10, 0)
    case = frister.cases.register(NewCase("loentilskud", "Bageri Ærø ApS", "12345678", {"henvendelse": start}),
                                  date(2026, 3, 2))  # fmt: skip
    due_at = next(m.due_at for m in case.milestones if m.due_at is not None)  # 24 hours later
    clock = [due_at - timedelta(hours=3)]
    shown: list[str] = []
    reminder = HoursReminder(frister, lambda: clock[0], lambda text, _ms: shown.append(text), tray=False)
    try:
        assert reminder.check() == []  # three hours ahead: not yet
        clock[0] = due_at - timedelta(minutes=50)
        [message] = reminder.check()
        assert message.startswith(f"Sag {case.number}:") and f"kl. {due_at:%H:%M}" in message
        assert "Bageri" not in message and "12345678" not in message
        assert shown == [message]
        clock[0] = due_at - timedelta(minutes=20)
        assert reminder.check() == []  # told once
        clock[0] = due_at + timedelta(minutes=1)
        assert reminder.check() == []  # past: the worklist says overdue, no more reminders
    finally:
        reminder.stop()
