"""The services façade the UI and CLI hold: one object per open database."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from jobcenter_desktop.core.calendar import WorkingCalendar
from jobcenter_desktop.core.models import AuditEntry
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.export.tempfiles import clean_leftovers
from jobcenter_desktop.paths import data_dir
from jobcenter_desktop.services.backups import BackupService
from jobcenter_desktop.services.bulk import BulkService
from jobcenter_desktop.services.cases import CaseService
from jobcenter_desktop.services.changes import ChangeService
from jobcenter_desktop.services.context import Context, open_context
from jobcenter_desktop.services.deadlines import DeadlineService
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.recompute import RecomputeService
from jobcenter_desktop.services.settings import SettingsService
from jobcenter_desktop.storage.backup import backed_up_on
from jobcenter_desktop.storage.db import DatabaseError, StorageError
from jobcenter_desktop.storage.repository import Repository
from jobcenter_desktop.storage.target import Target

if TYPE_CHECKING:
    from jobcenter_desktop.services.calendar_export import CalendarExportService
    from jobcenter_desktop.services.catalogue_admin import CatalogueAdmin
    from jobcenter_desktop.services.checkin import CheckinService
    from jobcenter_desktop.services.checkout import CheckoutService
    from jobcenter_desktop.services.conflicts import ConflictService
    from jobcenter_desktop.services.corrections import CorrectionService
    from jobcenter_desktop.services.importer import ImportService
    from jobcenter_desktop.services.insight import InsightService
    from jobcenter_desktop.services.kpi import KpiService
    from jobcenter_desktop.services.kpi_export import KpiExportService
    from jobcenter_desktop.services.notices import NoticeService
    from jobcenter_desktop.services.retention import RetentionService
    from jobcenter_desktop.services.worklist import WorklistService

log = logging.getLogger(__name__)


class Frister:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.cases = CaseService(ctx)
        self.deadlines = DeadlineService(ctx)
        self.recompute = RecomputeService(ctx)
        self.settings = SettingsService(ctx)
        self.backups = BackupService(ctx)
        self.bulk = BulkService(self.cases)

    @cached_property
    def corrections(self) -> CorrectionService:
        from jobcenter_desktop.services.corrections import CorrectionService

        return CorrectionService(self.cases)

    @cached_property
    def retention(self) -> RetentionService:
        from jobcenter_desktop.services.retention import RetentionService

        return RetentionService(self.ctx)

    @cached_property
    def insight(self) -> InsightService:
        """The citizen's access report (loads the spreadsheet library when first used)."""
        from jobcenter_desktop.services.insight import InsightService

        return InsightService(self.ctx)

    @cached_property
    def notices(self) -> NoticeService:
        from jobcenter_desktop.services.notices import NoticeService

        return NoticeService(self.cases)

    @cached_property
    def calendar_export(self) -> CalendarExportService:
        from jobcenter_desktop.services.calendar_export import CalendarExportService

        return CalendarExportService(self.ctx, self.deadlines)

    @cached_property
    def checkouts(self) -> CheckoutService:
        from jobcenter_desktop.services.checkout import CheckoutService

        return CheckoutService(self.ctx)

    @cached_property
    def checkins(self) -> CheckinService:
        from jobcenter_desktop.services.checkin import CheckinService

        return CheckinService(self.ctx)

    @cached_property
    def conflicts(self) -> ConflictService:
        from jobcenter_desktop.services.conflicts import ConflictService

        return ConflictService(self.ctx)

    @property
    def laptop(self) -> dict[str, str] | None:
        """What this file is a laptop copy of (login, laptop, server, time), or None."""
        from jobcenter_desktop.services.checkout import laptop_info

        return laptop_info(self.ctx)

    @cached_property
    def changes(self) -> ChangeService:
        return ChangeService(self.ctx)

    # Excel (openpyxl, ~0.2 s to import) is loaded on the first export or import, not at every start.
    @cached_property
    def worklists(self) -> WorklistService:
        from jobcenter_desktop.services.worklist import WorklistService

        return WorklistService(self.ctx, self.deadlines)

    @cached_property
    def kpi(self) -> KpiService:
        from jobcenter_desktop.services.kpi import KpiService

        return KpiService(self.ctx, self.deadlines)

    @cached_property
    def kpi_export(self) -> KpiExportService:
        from jobcenter_desktop.services.kpi_export import KpiExportService

        return KpiExportService(self.ctx, self.kpi)

    @cached_property
    def catalogues(self) -> CatalogueAdmin:
        from jobcenter_desktop.services.catalogue_admin import CatalogueAdmin

        return CatalogueAdmin(self.ctx)

    @cached_property
    def importer(self) -> ImportService:
        from jobcenter_desktop.services.importer import ImportService

        return ImportService(self.ctx, self.cases)

    @classmethod
    def open(cls, target: Path | str | Target, *, catalogue_path: Path | None = None, actor: str | None = None,
             team: str | None = None, passphrase: str | None = None, password: str | None = None,
             defer_daily: bool = False) -> Frister:  # fmt: skip
        """A database file, or the team database (``postgresql://LOGIN@HOST:PORT/DB``). ``defer_daily``: leave the
        day's page check and backup to :meth:`daily_work` (the window runs it after it is painted)."""
        app = cls(open_context(target, catalogue_path=catalogue_path, actor=actor, team=team, passphrase=passphrase,
                               password=password, deep=False if defer_daily else None))  # fmt: skip
        tmp = data_dir() / "tmp"
        if tmp.is_dir():  # openpyxl's files from an export that was killed: they may hold full CPR numbers
            for folder in clean_leftovers(tmp):
                log.info("Midlertidige eksportfiler fra en afbrudt eksport fjernet: %s", folder.name)
        if app.ctx.server is not None or defer_daily:
            return app  # backups of the team database are the server's (pg_dump, the DBA's schedule)
        try:
            app.backups.daily()
        except ServiceError as e:  # a full disk must not stop the caseworker from working; it is logged
            log.warning("Daglig sikkerhedskopi mislykkedes: %s", e)
        return app

    def daily_work(self, progress: Callable[[int, int], bool] | None = None, now: datetime | None = None) -> str:
        """The first start of the day's work, for after the window is up: SQLite's page-by-page check, then the
        daily backup (a damaged file is never copied over good backups). Returns what happened, in Danish;
        ServiceError when the check finds damage (the window says so; nothing was copied)."""
        path = self.ctx.db.path
        when = now or datetime.now()
        if self.ctx.server is not None or path is None:
            return ""
        if progress is not None and not progress(0, 2):
            return ""
        if not backed_up_on(path, when.date()):  # the day's first start: the whole file is read once
            try:
                self.ctx.db.check_pages()
            except (DatabaseError, StorageError) as e:
                raise ServiceError(str(e)) from e
        if progress is not None:
            progress(1, 2)
        try:
            # Also at later starts: it removes what a killed backup or restore left (and copies nothing then).
            made = self.backups.daily(when)
        except ServiceError as e:  # a full disk must not stop the caseworker from working; it is logged
            log.warning("Daglig sikkerhedskopi mislykkedes: %s", e)
            return f"Dagens sikkerhedskopi mislykkedes: {e}"
        return f"Dagens kontrol er gennemført, og sikkerhedskopien er taget ({made.path.name})." if made else ""

    @property
    def location(self) -> str:
        """Where the data is, for people: the file's path or the team database's address (no password)."""
        if self.ctx.server is not None:
            return self.ctx.server.describe()
        return str(self.ctx.db.path)

    @property
    def is_team_database(self) -> bool:
        return self.ctx.server is not None

    @property
    def catalogue(self) -> Catalogue:
        return self.ctx.catalogue

    @property
    def calendar(self) -> WorkingCalendar:
        return self.ctx.calendar

    def audit(self, case_id: uuid.UUID | None = None) -> list[AuditEntry]:
        with self.ctx.read() as s:
            return Repository(s).audit_entries(case_id)

    def caseworkers(self) -> list[tuple[str, str]]:
        with self.ctx.read() as s:
            return Repository(s).caseworkers()

    def close(self) -> None:
        if "changes" in self.__dict__:
            self.changes.close()
        self.ctx.close()
