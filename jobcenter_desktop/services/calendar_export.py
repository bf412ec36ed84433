"""``export ics`` and the window's "Eksportér til kalender": the open deadlines of a caseworker or a team as
an .ics file (export/ics.py), without any personal data, so no audit entry is needed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from jobcenter_desktop.core.models import DeadlineFilter, MilestoneState
from jobcenter_desktop.export.errors import ExportError
from jobcenter_desktop.export.ics import DeadlineEvent, write_ics
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.deadlines import DeadlineService
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage.repository import Repository


class CalendarExportService:
    def __init__(self, ctx: Context, deadlines: DeadlineService) -> None:
        self.ctx = ctx
        self.deadlines = deadlines

    def events(self, f: DeadlineFilter, today: date) -> list[DeadlineEvent]:
        if f.date_from and f.date_to and f.date_to < f.date_from:
            raise ServiceError("Slutdatoen ligger før startdatoen.")
        rows = [r for r in self.deadlines.list(f, today) if r.state is MilestoneState.OPEN and r.due is not None]
        refs = [f"{r.case_number}/{r.rule_id}" for r in rows]
        with self.ctx.read() as s:
            revisions = Repository(s).due_revisions(refs)
        return [DeadlineEvent(r.milestone_id, r.case_number, r.milestone_name, r.group_name, r.due, r.due_at,
                              revisions.get(ref, 0)) for r, ref in zip(rows, refs, strict=True)
                if r.due is not None]

    def export(self, f: DeadlineFilter, target: Path, today: date, now: datetime) -> int:
        """Writes the calendar; returns the number of events."""
        events = self.events(f, today)
        try:
            write_ics(events, target, now)
        except ExportError as e:
            raise ServiceError(str(e)) from e
        return len(events)
