"""Open deadlines as an RFC 5545 calendar (.ics) for Outlook and other calendars, written with ``icalendar``.

Stable UIDs (from the milestone's id) make a second import update the events instead of adding copies;
SEQUENCE rises when a date moved. Date deadlines are all-day events (VALUE=DATE, DTEND the next day), hours
deadlines timed events in Danish time. Every event is TRANSP:TRANSPARENT (a deadline does not make anyone
busy) and CLASS:PRIVATE, and carries no personal data: case number, milestone and group only."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from jobcenter_desktop.export.xlsx_common import ExportError

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
UID_DOMAIN = "jobcenter-frister"
HOURS_EVENT = timedelta(minutes=30)  # the length shown for a deadline at a clock time


@dataclass(frozen=True, slots=True)
class DeadlineEvent:
    milestone_id: uuid.UUID
    case_number: str
    milestone: str
    group: str
    due: date
    due_at: datetime | None  # naive Danish time (hours deadlines)
    sequence: int

    @property
    def uid(self) -> str:
        return f"{self.milestone_id}@{UID_DOMAIN}"

    @property
    def summary(self) -> str:
        return f"{self.case_number}: {self.milestone} ({self.group})"


def calendar_of(events: Sequence[DeadlineEvent], stamp: datetime) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Jobcenter Frister//frister//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Frister")
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
        ev.add("summary", e.summary)
        if e.due_at is not None:
            start = e.due_at.replace(tzinfo=DANISH_TIME)
            ev.add("dtstart", start)
            ev.add("dtend", start + HOURS_EVENT)
        else:
            ev.add("dtstart", e.due)  # a date: VALUE=DATE
            ev.add("dtend", e.due + timedelta(days=1))
        ev.add("sequence", e.sequence)
        ev.add("transp", "TRANSPARENT")
        ev.add("class", "PRIVATE")
        ev.add("categories", ["Frist"])
        cal.add_component(ev)
    if any(e.due_at is not None for e in events):
        cal.add_missing_timezones()  # the VTIMEZONE of Europe/Copenhagen the timed events refer to
    return cal


def write_ics(events: Sequence[DeadlineEvent], target: Path, stamp: datetime) -> None:
    """Written next to the target and moved into place: a failed write leaves the old file as it was."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Mappen findes ikke: {folder}. Vælg en anden placering.")
    data = calendar_of(events, stamp).to_ical()
    try:
        fd, tmp = tempfile.mkstemp(prefix=".~frister-", suffix=".ics", dir=folder)
    except OSError as e:
        raise ExportError(f"Der kan ikke skrives i mappen {folder} ({e.strerror}). Vælg en anden placering.") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"Filen {target.name} kunne ikke skrives ({e.strerror or e}). Intet er gemt.") from e
