"""Retention and deletion (GDPR art. 5(1)(e), the municipality's retention rules): personal data of closed cases
past the retention period is blanked in one audited step; what the timeliness figures need stays, so figures for
past periods do not change. Off until an admin sets the period (Indstillinger, or --closed-before).

On a file, the file is then rebuilt (VACUUM) and its WAL emptied, so the deleted names and numbers are not left in
free pages. Backups taken before still hold them until they rotate out; ``rewrite_backups`` replaces them by one
fresh backup of the cleaned file. On the team database only admins run it (PostgreSQL refuses anyone else)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from jobcenter_desktop.services.context import Context, service_errors
from jobcenter_desktop.services.errors import Problem, ServiceError, ValidationError
from jobcenter_desktop.storage import retention_store
from jobcenter_desktop.storage.repository import Repository

RETENTION_YEARS = "retention.years"  # a setting of the database: 0 or absent = off


@dataclass(frozen=True, slots=True)
class RetentionPlan:
    closed_before: date
    by_group_year: dict[tuple[str, int], int] = field(default_factory=dict)  # (group name, closing year) -> cases

    @property
    def total(self) -> int:
        return sum(self.by_group_year.values())


@dataclass(frozen=True, slots=True)
class RetentionResult:
    plan: RetentionPlan
    audit_entries: int
    file_before: int  # bytes (0 on the team database)
    file_after: int
    backups_replaced: int = 0


def years_before(today: date, years: int) -> date:
    """The same day ``years`` earlier (29 February: the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


class RetentionService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def years(self) -> int:
        with self.ctx.read() as s:
            raw = Repository(s).setting(RETENTION_YEARS)
        return int(raw) if raw and raw.isdigit() else 0

    def cutoff(self, today: date, closed_before: date | None) -> date:
        if closed_before is not None:
            if closed_before > today:
                raise ValidationError([Problem("closed_before", "Datoen ligger i fremtiden.")])
            return closed_before
        years = self.years()
        if not years:
            raise ServiceError("Der er ikke sat en opbevaringsperiode. En administrator sætter den under "
                               "Indstillinger, eller angiv --closed-before DATO.")  # fmt: skip
        return years_before(today, years)

    def wipe(self) -> tuple[int, int]:
        """Rebuild the file so nothing blanked is left in free pages or the WAL (again, if a run was interrupted
        before it: the blanking had committed). (0, 0) on the team database."""
        with service_errors():
            return self.ctx.db.wipe_free_space()

    def preview(self, today: date, closed_before: date | None = None) -> RetentionPlan:
        """The closed cases past the period, counted per group and closing year (never the people)."""
        cutoff = self.cutoff(today, closed_before)
        with self.ctx.read() as s:
            found = retention_store.candidates(s, cutoff)
        names = {g.id: g.name for cat in self.ctx.catalogues for g in cat.groups.values()}
        counts = Counter((names.get(c.group, c.group), c.closed_on.year) for c in found)
        return RetentionPlan(cutoff, dict(sorted(counts.items())))

    def apply(self, today: date, closed_before: date | None = None, *,
              rewrite_backups: bool = False) -> RetentionResult:  # fmt: skip
        """Blank the personal data of every closed case past the period, in one transaction with its audit
        entry, then wipe the file's free space."""
        cutoff = self.cutoff(today, closed_before)
        with self.ctx.write() as s:
            found = retention_store.candidates(s, cutoff, lock=True)
            ids = [c.case_id for c in found]
            entries = retention_store.blank(s, ids, cutoff)
            Repository(s).audit(actor=self.ctx.actor, entity="system", entity_id="retention", action="retention",
                                after=f"{len(ids)} sager", reason=f"Persondata slettet i sager lukket før "
                                f"{cutoff.strftime('%d-%m-%Y')}")  # fmt: skip
        names = {g.id: g.name for cat in self.ctx.catalogues for g in cat.groups.values()}
        plan = RetentionPlan(cutoff, dict(sorted(Counter((names.get(c.group, c.group), c.closed_on.year)
                                                         for c in found).items())))  # fmt: skip
        try:
            before, after = self.wipe()
        except ServiceError as e:
            raise ServiceError(f"Persondata er slettet i {len(ids)} sager, men databasefilen kunne ikke renses for "
                               "de slettede værdier, fordi den er åben i et andet vindue. Luk de andre vinduer og "
                               "kør sletningen igen: den renser filen.") from e  # fmt: skip
        replaced = 0
        if rewrite_backups and self.ctx.server is None:
            from jobcenter_desktop.services.backups import BackupService

            backups = BackupService(self.ctx)
            old = backups.all()
            backups.create("manuel")
            for b in old:
                b.path.unlink(missing_ok=True)
            replaced = len(old)
        for case_id in ids:
            self.ctx.note_own(case_id)
        return RetentionResult(plan, entries, before, after, replaced)
