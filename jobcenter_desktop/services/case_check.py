"""The checks of a new case before it is saved, shared by the form (live, as the user types), the command line
and the import: every problem per field in Danish, plausibility warnings, the duplicate party, and the
milestones it would get."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR, CalendarRangeError
from jobcenter_desktop.core.dates import local_time_problem
from jobcenter_desktop.core.deadlines import Anchor, CaseFacts, DeadlineError, plan_case
from jobcenter_desktop.core.party import PartyIdError, hide_cpr_in_text, normalize_party_id
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.services.case_input import (
    MAX_NAME,
    MAX_NOTES,
    CheckResult,
    MilestonePreview,
    NewCase,
    _problem,
    identity_field,
    text_field,
)
from jobcenter_desktop.services.context import Context, plausible_date_warning
from jobcenter_desktop.services.errors import Problem
from jobcenter_desktop.storage.repository import Repository


class NewCaseChecks:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def start_of(self, new: NewCase, today: date) -> date:
        """A case starts on its initial event (the day the citizen or company came), else when it is opened."""
        group = self.ctx.catalogues.group(new.group)
        when = new.triggers.get(group.initial_trigger) if group is not None else None
        if when is not None:
            return when.date() if isinstance(when, datetime) else when
        return new.opened_on or today

    def catalogue_for(self, new: NewCase, today: date) -> Catalogue:
        """The catalogue in force on the case's start: the case is registered under it and keeps it."""
        start = self.start_of(new, today)
        return self.ctx.catalogue_on(start) if MIN_YEAR <= start.year <= MAX_YEAR else self.ctx.catalogue

    def check(self, new: NewCase, today: date) -> CheckResult:
        """Inline validation for the new-case form and the importer (Danish messages per field)."""
        cat = self.catalogue_for(new, today)
        problems: list[Problem] = []
        warnings: list[Problem] = []
        group = cat.groups.get(new.group)
        start = self.start_of(new, today)
        closed = self.ctx.catalogues.why_not(new.group, start) if MIN_YEAR <= start.year <= MAX_YEAR else None
        if group is None:
            known = self.ctx.catalogues.group(new.group)
            problems.append(Problem("group", closed if known is not None and closed else
                                    f"Ukendt målgruppe: {new.group!r}."))  # fmt: skip
        elif closed:
            problems.append(Problem("group", closed))
        if not new.party_name.strip():
            problems.append(Problem("party_name", "Navn mangler."))
        elif hide_cpr_in_text(new.party_name) != new.party_name:
            problems.append(Problem("party_name", "Navnet indeholder noget, der ligner et CPR-nummer; CPR-nummeret "
                                                  "skrives i feltet CPR/CVR."))  # fmt: skip
        _problem(problems, lambda: text_field(new.party_name, field="party_name", what="Navnet", limit=MAX_NAME))
        if group is not None:
            try:
                normalize_party_id(group.party, new.party_id)
            except PartyIdError as e:
                problems.append(Problem("party_id", str(e)))
        _problem(problems, lambda: identity_field(new.caseworker or self.ctx.actor, field="caseworker",
                                                  what="Sagsbehandleren"))  # fmt: skip
        if new.team.strip():
            _problem(problems, lambda: identity_field(new.team, field="team", what="Teamet"))
        _problem(problems, lambda: text_field(new.notes, field="notes", what="Bemærkningen", limit=MAX_NOTES,
                                              multiline=True))  # fmt: skip
        if group is not None:
            allowed = {t.id for t in cat.triggers_of(group.id)}
            for kind, when in new.triggers.items():
                field_name = f"trigger_{kind}"
                if kind not in allowed:
                    problems.append(Problem(field_name, f"Hændelsen {kind!r} hører ikke til målgruppen."))
                    continue
                day = when.date() if isinstance(when, datetime) else when
                if not MIN_YEAR <= day.year <= MAX_YEAR:
                    problems.append(Problem(field_name, f"Datoen skal ligge mellem {MIN_YEAR} og {MAX_YEAR}."))
                    continue
                if cat.trigger_needs_time(kind) and not isinstance(when, datetime):
                    problems.append(Problem(field_name, "Angiv også klokkeslæt: fristen regnes i timer."))
                if isinstance(when, datetime) and (problem := local_time_problem(when)):
                    problems.append(Problem(field_name, problem))
                    continue
                warning = plausible_date_warning(day, today)
                if warning:
                    warnings.append(Problem(field_name, warning))
            if group.initial_trigger not in new.triggers:
                name_ = cat.triggers[group.initial_trigger].name
                problems.append(Problem(f"trigger_{group.initial_trigger}", f"Dato for »{name_}« mangler."))
            if not problems:
                try:  # a date late in the calendar's last year can put a deadline beyond the calendar
                    plan_case(cat, self.ctx.calendar, CaseFacts(group.id, new.triggers), explain=False)
                except (DeadlineError, CalendarRangeError) as e:
                    problems.append(Problem(f"trigger_{group.initial_trigger}", str(e)))
            if not problems:  # said early for the form; the database's unique index is what enforces it
                dup = self.duplicate_problem(group.id, normalize_party_id(group.party, new.party_id))
                if dup is not None:
                    problems.append(dup)
        return CheckResult(problems, warnings)

    def duplicate_problem(self, group: str, identifier: str) -> Problem | None:
        with self.ctx.read() as s:
            dups = Repository(s).open_duplicates(group, identifier)
        if not dups:
            return None
        return Problem("party_id", f"Der er allerede en åben sag i målgruppen for denne part (sag {', '.join(dups)}).",
                       tuple(dups))

    def preview(self, group: str, triggers: Mapping[str, Anchor], today: date | None = None) -> list[MilestonePreview]:
        """The milestones a new case would get, with computed due dates (no database write)."""
        start = NewCase(group, "", "", triggers)
        cat = self.catalogue_for(start, today) if today is not None else self.ctx.catalogue
        if group not in cat.groups:
            return []
        usable = {}
        for kind, when in triggers.items():
            if cat.trigger_needs_time(kind) and not isinstance(when, datetime):
                continue
            usable[kind] = when
        try:
            plan = plan_case(cat, self.ctx.calendar, CaseFacts(group, usable))
        except (DeadlineError, CalendarRangeError):
            plan = {}
        return [MilestonePreview(rule, plan.get(rule.id)) for rule in cat.registered_of(group)]

    # ------------------------------------------------------------ register
