"""Exporting worklists: which rows (scope and period, overdue always on top), the title and file name, and the
audit entry when CPR numbers leave the app unmasked."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.export.errors import ExportCancelled, ExportError
from jobcenter_desktop.export.tempfiles import use_private_folder
from jobcenter_desktop.paths import data_dir
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.deadlines import DeadlineService
from jobcenter_desktop.services.errors import Cancelled, Problem, ServiceError, ValidationError
from jobcenter_desktop.storage.repository import Repository

MAX_NEXT_DAYS = 260


@dataclass(frozen=True)
class Scope:
    """Whose deadlines: exactly one of caseworker / team / everyone (None, None, True)."""

    caseworker: str | None = None
    team: str | None = None
    everyone: bool = False

    def label(self) -> str:
        if self.everyone:
            return "Alle"
        if self.team:
            return self.team
        return self.caseworker or ""


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # "uge 48 2026" or "23-11-2026–06-12-2026"

    @staticmethod
    def iso_week(year: int, week: int) -> Period:
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValidationError([Problem("week", f"Uge {week} findes ikke i {year}.")]) from None
        return Period(monday, monday + timedelta(days=6), f"uge {week} {year}")

    @staticmethod
    def week_of(day: date) -> Period:
        iso = day.isocalendar()
        return Period.iso_week(iso.year, iso.week)

    @staticmethod
    def between(start: date, end: date) -> Period:
        if end < start:
            raise ValidationError([Problem("to", "Slutdatoen ligger før startdatoen.")])
        if (end - start).days > 366:
            raise ValidationError([Problem("to", "Perioden må højst være et år.")])
        return Period(start, end, f"{format_date(start)}–{format_date(end)}")


@dataclass(frozen=True)
class ExportRequest:
    scope: Scope
    period: Period
    per_caseworker: bool = False
    include_cpr: bool = False


class WorklistService:
    def __init__(self, ctx: Context, deadlines: DeadlineService) -> None:
        self.ctx = ctx
        self.deadlines = deadlines

    def next_working_days(self, today: date, n: int) -> Period:
        if not 1 <= n <= MAX_NEXT_DAYS:
            raise ValidationError([Problem("next", f"Antal hverdage skal være 1–{MAX_NEXT_DAYS}.")])
        end = self.ctx.calendar.add_working_days(today, n)
        return Period(today, end, f"de næste {n} hverdage ({format_date(today)}–{format_date(end)})")

    def rows(self, req: ExportRequest, today: date) -> list[DeadlineRow]:
        """Open milestones due in the period, plus every open milestone already overdue, overdue first."""
        base = DeadlineFilter(caseworker=None if req.scope.everyone or req.scope.team else req.scope.caseworker,
                              team=req.scope.team)  # fmt: skip
        in_period = self.deadlines.list(replace(base, date_from=req.period.start, date_to=req.period.end), today)
        overdue = [r for r in self.deadlines.list(replace(base, date_to=today), today)
                   if r.urgency in (Urgency.OVERDUE, Urgency.SOFT_OVERDUE)]  # fmt: skip
        seen = {r.milestone_id for r in overdue}
        return overdue + [r for r in in_period if r.milestone_id not in seen]

    def title(self, req: ExportRequest) -> str:
        return f"Frister {req.period.label} - {req.scope.label()}"

    def default_filename(self, req: ExportRequest) -> str:
        from jobcenter_desktop.export.worklist_xlsx import default_filename  # openpyxl: only for an export

        return default_filename(self.title(req))

    def export(self, req: ExportRequest, target: Path, today: date, now: datetime,
               progress: Callable[[int, int], bool] | None = None) -> int:  # fmt: skip
        """Write the workbook; returns the number of deadlines. Every failure is a Danish ServiceError."""
        from jobcenter_desktop.export.worklist_xlsx import WorklistMeta, write_worklist  # openpyxl: here only

        if not (req.scope.everyone or req.scope.team or req.scope.caseworker):
            raise ValidationError([Problem("scope", "Vælg en sagsbehandler, et team eller alle.")])
        rows = self.rows(req, today)
        filters = [("Omfang", req.scope.label()), ("Overskredne frister", "altid med, øverst"),
                   ("Ark pr. sagsbehandler", "ja" if req.per_caseworker else "nej")]  # fmt: skip
        meta = WorklistMeta(
            title=self.title(req), period=req.period.label, generated_by=self.ctx.actor, generated_at=now,
            catalogue=f"{self.ctx.catalogue.id} version {self.ctx.catalogue.version} ({self.ctx.catalogue.title})",
            calendar=self.ctx.calendar.settings.describe(), filters=filters, include_cpr=req.include_cpr,
            per_caseworker=req.per_caseworker,
        )  # fmt: skip
        if not target.parent.is_dir():  # said before anything is recorded or written
            raise ServiceError(f"Mappen findes ikke: {target.parent}. Vælg en anden placering.")
        use_private_folder(self.ctx.private_tmp or data_dir() / "tmp")  # openpyxl's sheet files: not system temp
        if req.include_cpr:
            # Recorded BEFORE anything is written: if the entry cannot be committed (a locked database, a full
            # disk), no file with full CPR numbers is made at all.
            self._audit_export(target, f"{len(rows)} frister", "Arbejdsliste eksporteret med fulde CPR-numre")
        try:
            write_worklist(target, rows, meta, progress)
        except (ExportError, ExportCancelled, OSError) as e:
            if req.include_cpr:  # the entry above stays (append-only); this one says the file was not made
                with contextlib.suppress(ServiceError):
                    self._audit_export(target, "ingen fil", "Eksport med fulde CPR-numre blev ikke gennemført")
            if isinstance(e, ExportCancelled):
                raise Cancelled from e
            if isinstance(e, OSError):
                raise ServiceError(f"Filen {target.name} kunne ikke skrives ({e.strerror or e}). Intet er gemt; "
                                   "frigør plads eller vælg en anden mappe.") from e  # fmt: skip
            raise ServiceError(str(e)) from e
        # Every export is on record (who took which list where): a weekly unattended one can be checked.
        # (The file is written; a busy database must not turn that into a failure.)
        with contextlib.suppress(ServiceError), self.ctx.write() as s:
            Repository(s).audit(actor=self.ctx.actor, entity="export", entity_id=target.name[:64], action="export",
                                after=f"{len(rows)} frister, {req.period.label}",
                                reason=f"Arbejdsliste eksporteret ({req.scope.label()})")  # fmt: skip
        return len(rows)

    def _audit_export(self, target: Path, after: str, reason: str) -> None:
        with self.ctx.write() as s:
            Repository(s).audit(actor=self.ctx.actor, entity="export", entity_id=target.name, action="reveal_cpr",
                                after=after, reason=reason)  # fmt: skip
