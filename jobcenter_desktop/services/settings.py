"""Settings that live in the database and affect everyone on it: calendar toggles, closure days, thresholds.

Changing the calendar changes no stored due date: the caller shows the recompute preview, then applies.
"""

from __future__ import annotations

from datetime import date

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR, CalendarSettings
from jobcenter_desktop.core.notice import MAX_NOTICE_DAYS
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.services.case_input import identity_field, text_field
from jobcenter_desktop.services.context import (
    CATALOGUE_PATH,
    CHRISTMAS_EVE,
    DUE_SOON_DAYS,
    GRUNDLOVSDAG,
    NEW_YEARS_EVE,
    NOTICE_DAYS,
    NOTICE_TEMPLATE,
    Context,
)
from jobcenter_desktop.services.errors import Problem, ValidationError
from jobcenter_desktop.storage.repository import Repository

_FLAGS = {"grundlovsdag": GRUNDLOVSDAG, "christmas_eve": CHRISTMAS_EVE, "new_years_eve": NEW_YEARS_EVE}


class SettingsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def set_identity(self, actor: str, team: str) -> tuple[str, str]:
        """Who acts from now on (the settings dialog); both checked like every identity. Returns them cleaned."""
        actor = identity_field(actor, field="actor", what="Brugernavnet")
        team = identity_field(team, field="team", what="Teamet") if team.strip() else ""
        if self.ctx.server is not None and actor != self.ctx.actor:
            raise ValidationError([Problem("actor", "På teamdatabasen handler du som den, du logger ind som "
                                                    f"({self.ctx.actor}).")])  # fmt: skip
        self.ctx.actor, self.ctx.team = actor, team
        return actor, team

    def calendar(self) -> CalendarSettings:
        return self.ctx.calendar_settings()

    def set_calendar_flag(self, name: str, off: bool) -> None:
        """``name``: grundlovsdag | christmas_eve | new_years_eve; ``off`` = the day is not a working day."""
        key = _FLAGS.get(name)
        if key is None:
            raise ValidationError([Problem(name, f"Ukendt kalenderindstilling: {name!r}.")])
        self._set(key, "1" if off else "0")

    def set_due_soon_days(self, days: int) -> None:
        if not 0 <= days <= 30:
            raise ValidationError([Problem("due_soon_days", "Antal hverdage for 'snart' skal være 0–30.")])
        self._set(DUE_SOON_DAYS, str(days))

    def set_notice_days(self, days: int) -> None:
        """How many working days before a decision's deadline "Underretning mangler" shows."""
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_NOTICE_DAYS:
            raise ValidationError([Problem("notice_days", "Antal hverdage før en afgørelsesfrist, hvor "
                                                          f"underretning skal sendes, skal være 0–{MAX_NOTICE_DAYS}.")])
        self._set(NOTICE_DAYS, str(days))

    def set_retention_years(self, years: int) -> None:
        """How many years after closing a case's personal data is kept (0: retention off). Team-wide."""
        from jobcenter_desktop.services.retention import RETENTION_YEARS

        if isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= 100:
            raise ValidationError([Problem("retention_years", "Opbevaringsperioden skal være 0–100 år (0: fra).")])
        self._set(RETENTION_YEARS, str(years))

    def notice_template(self) -> str:
        """The municipality's own letter template, or "" for the shipped one."""
        with self.ctx.read() as s:
            return Repository(s).setting(NOTICE_TEMPLATE) or ""

    def set_notice_template(self, path: str) -> None:
        """Use a municipality's own underretning template (checked first: every placeholder must be there);
        "" goes back to the shipped one."""
        if path.strip():
            from jobcenter_desktop.services.notices import checked_template

            path = checked_template(path)
        self._set(NOTICE_TEMPLATE, path.strip())

    def set_catalogue_path(self, path: str) -> None:
        self._set(CATALOGUE_PATH, path)

    def use_catalogue(self, path: str, catalogue: Catalogue) -> None:
        """Switch to an already loaded and validated catalogue, remembered for the next start."""
        self.set_catalogue_path(path)
        self.ctx.catalogue = catalogue

    def add_closure(self, day: date, reason: str) -> None:
        reason = text_field(reason, field="reason", what="Begrundelsen for lukkedagen", limit=200)
        if not reason:
            raise ValidationError([Problem("reason", "Angiv en begrundelse for lukkedagen.")])
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValidationError([Problem("day", "Ugyldig dato.")])
        with self.ctx.write() as s:
            repo = Repository(s)
            before = repo.closures().get(day, "")
            repo.add_closure(day, reason)
            repo.audit(actor=self.ctx.actor, entity="closure_day", entity_id=day.isoformat(), action="set",
                       field="reason", before=before, after=reason)  # fmt: skip
        self.ctx.invalidate()
        self.ctx.note_own(calendar=True)

    def remove_closure(self, day: date) -> bool:
        with self.ctx.write() as s:
            repo = Repository(s)
            before = repo.closures().get(day, "")
            removed = repo.remove_closure(day)
            if removed:
                repo.audit(actor=self.ctx.actor, entity="closure_day", entity_id=day.isoformat(), action="delete",
                           field="reason", before=before)  # fmt: skip
        self.ctx.invalidate()
        self.ctx.note_own(calendar=True)
        return removed

    def _set(self, key: str, value: str) -> None:
        with self.ctx.read() as s:
            if Repository(s).setting(key) == value:
                return  # nothing to change (on the team database only an administrator may write settings)
        with self.ctx.write() as s:
            repo = Repository(s)
            before = repo.set_setting(key, value)
            if before != value:
                repo.audit(actor=self.ctx.actor, entity="setting", entity_id=key, action="set", field=key,
                           before=before or "", after=value)  # fmt: skip
        self.ctx.invalidate()
        self.ctx.note_own(calendar=True)
