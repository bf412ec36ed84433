"""What a new case is made of, and the checks of text that people type into it: one place for the limits, so a
form, the command line and a spreadsheet import refuse the same things with the same Danish messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR
from jobcenter_desktop.core.dates import local_time_problem
from jobcenter_desktop.core.deadlines import Anchor, Deadline
from jobcenter_desktop.core.rules import Catalogue, MilestoneRule
from jobcenter_desktop.core.text import TextError, check_identity, check_text
from jobcenter_desktop.services.errors import Problem, ValidationError

MAX_NAME = 200
MAX_NOTES = 10_000
MAX_REASON = 500


@dataclass(frozen=True)
class NewCase:
    group: str
    party_name: str
    party_id: str  # CPR or CVR as typed
    triggers: Mapping[str, Anchor]  # trigger kind -> date (or date-time where the rule counts hours)
    caseworker: str = ""
    team: str = ""
    notes: str = ""
    opened_on: date | None = None


@dataclass(frozen=True)
class MilestonePreview:
    rule: MilestoneRule
    deadline: Deadline | None  # None: its trigger is not registered yet


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # ask for confirmation, do not block

    @property
    def ok(self) -> bool:
        return not self.problems


def text_field(value: str, *, field: str, what: str, limit: int, multiline: bool = False,
               required: bool = False) -> str:  # fmt: skip
    """Free text from a person, checked (too long is refused, never cut); a ValidationError names the field."""
    try:
        return check_text(value, limit=limit, what=what, multiline=multiline, required=required)
    except TextError as e:
        raise ValidationError([Problem(field, str(e))]) from None


def trigger_day(cat: Catalogue, kind: str, when: Anchor) -> date:
    """An event's date (and time) checked as every way of entering one checks it: a clock time where the
    deadline counts hours, a year within range, a time that exists in Danish time. Returns its day."""
    if cat.trigger_needs_time(kind) and not isinstance(when, datetime):
        raise ValidationError([Problem(f"trigger_{kind}", "Angiv også klokkeslæt: fristen regnes i timer.")])
    day = when.date() if isinstance(when, datetime) else when
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError([Problem(f"trigger_{kind}", "Ugyldig dato.")])
    if isinstance(when, datetime) and (problem := local_time_problem(when)):
        raise ValidationError([Problem(f"trigger_{kind}", problem)])
    return day


def identity_field(value: str, *, field: str, what: str) -> str:
    """A caseworker's user name or a team's name (see core.text.check_identity)."""
    try:
        return check_identity(value, what)
    except TextError as e:
        raise ValidationError([Problem(field, str(e))]) from None


def _problem(problems: list[Problem], check: Callable[[], object]) -> None:
    try:
        check()
    except ValidationError as e:
        problems.extend(e.problems)
