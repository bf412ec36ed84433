"""export ics on both databases, read back with icalendar: one event per open deadline, UIDs that stay the
same (a second import updates Outlook's events), SEQUENCE rising when a date moves, all-day events for date
deadlines and timed ones in Danish time for hours deadlines, never a name or CPR number."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from jobcenter_desktop.core.models import DeadlineFilter, MilestoneState
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError

MON = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0)


def _read(path: Path) -> dict[str, object]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_events_are_stable_dated_and_without_personal_data(app: Frister, tmp_path: Path) -> None:
    kh = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235", {"foerste_fremmoede": MON}),
                            MON)  # fmt: skip
    lt = app.cases.register(NewCase("loentilskud", "Bageri Ærø ApS", "12345678",
                                    {"henvendelse": datetime(2026, 3, 2, 10, 0)}), MON)  # fmt: skip
    out = tmp_path / "frister.ics"
    n = app.calendar_export.export(DeadlineFilter(caseworker="anna.k"), out, MON, NOW)
    events = _read(out)
    expected = [m for c in (kh, lt) for m in c.milestones if m.state is MilestoneState.OPEN and m.due]
    assert n == len(events) == len(expected)
    text = out.read_text(encoding="utf-8")
    for secret in ("Søren", "Østergaard", "010190", "Bageri", "12345678"):
        assert secret not in text
    for m in expected:
        e = events[f"{m.id}@jobcenter-frister"]
        assert str(e["transp"]) == "TRANSPARENT" and str(e["class"]) == "PRIVATE"
        start, end = e.decoded("dtstart"), e.decoded("dtend")
        if m.due_at is not None:  # lt_kontakt: 24 hours, a clock time in Danish time
            assert start.tzinfo is not None and start.replace(tzinfo=None) == m.due_at
            assert str(start.tzinfo) == "Europe/Copenhagen" and end - start == timedelta(minutes=30)
        else:
            assert type(start) is date and start == m.due and end == m.due + timedelta(days=1)
        number = kh.number if m in kh.milestones else lt.number
        assert str(e["summary"]).startswith(number)
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Copenhagen" in text


def test_exporting_again_keeps_uids_and_raises_sequence_when_a_date_moved(app: Frister, tmp_path: Path) -> None:
    case = app.cases.register(NewCase("kontanthjaelp", "Testperson", "010190-1235", {"foerste_fremmoede": MON}),
                              MON)  # fmt: skip
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    app.calendar_export.export(DeadlineFilter(caseworker="anna.k"), first, MON, NOW)
    app.cases.pause(case.id, MON, "Sygdom", MON)
    app.cases.resume(case.id, MON + timedelta(days=3), MON + timedelta(days=3))  # moves the open deadlines
    app.calendar_export.export(DeadlineFilter(caseworker="anna.k"), second, MON, NOW)
    before, after = _read(first), _read(second)
    assert set(before) == set(after)
    moved = [uid for uid in after if after[uid].decoded("dtstart") != before[uid].decoded("dtstart")]
    assert moved
    for uid in after:
        grew = int(after[uid]["sequence"]) > int(before[uid]["sequence"])
        assert grew == (uid in moved), uid


def test_team_and_period_filters_and_bad_input(app: Frister, tmp_path: Path) -> None:
    app.cases.register(NewCase("kontanthjaelp", "Testperson", "010190-1235", {"foerste_fremmoede": MON}), MON)
    out = tmp_path / "team.ics"
    n_all = app.calendar_export.export(DeadlineFilter(team="Team Vest"), out, MON, NOW)
    n_week = app.calendar_export.export(DeadlineFilter(team="Team Vest", date_from=MON, date_to=date(2026, 3, 6)),
                                        out, MON, NOW)  # fmt: skip
    assert 0 < n_week < n_all
    assert all(MON <= e.decoded("dtstart") <= date(2026, 3, 6) for e in _read(out).values())
    with pytest.raises(ServiceError, match="Slutdatoen"):
        app.calendar_export.export(DeadlineFilter(date_from=MON, date_to=date(2026, 3, 1)), out, MON, NOW)
    with pytest.raises(ServiceError, match="Mappen findes ikke"):
        app.calendar_export.export(DeadlineFilter(), tmp_path / "nope" / "x.ics", MON, NOW)
