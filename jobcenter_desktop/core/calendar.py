"""The Danish working-day calendar.

A *hverdag* (working day) is Monday–Friday that is not

* a statutory Danish helligdag (``holidays`` DK, Danish names; Store Bededag up to 2023 only),
* by default Grundlovsdag (5 June), Juleaftensdag (24 Dec) or Nytårsaftensdag (31 Dec) — the convention of
  forældelsesloven § 27 and the municipal agreements; each can be switched off in :class:`CalendarSettings`,
* a local closure day (a date and a reason, kept in the database).

Working days are held as a sorted array of ordinals, so "the N-th working day after" is one binary search.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

import holidays

#: Years the calendar can count in. Outside this range a clear error beats a silent wrong date.
#: MAX_YEAR is bounded by the ``holidays`` library, which returns no Danish holidays after 2100.
MIN_YEAR = 1950
MAX_YEAR = 2100

DANISH_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
DANISH_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip


def _load_denmark() -> Any:
    """The ``holidays`` class for Denmark without the rest of the world. The library's registry reaches it
    through the ``holidays.countries`` package, whose ``__init__`` imports every country (~280 modules,
    ~0.11 s of every process that counts a date); Denmark's own module needs none of them. So the package is
    stood in by its bare spec (its search path, its ``__init__`` not run) while ``denmark`` is imported, and
    removed again: a later ``import holidays.countries`` runs for real and reuses the same Denmark module.
    Called under ``_DENMARK_LOCK`` (calendars are extended on worker threads)."""
    name = "holidays.countries"
    found = getattr(sys.modules.get(name), "Denmark", None)
    if found is not None:
        return found
    try:
        spec = importlib.util.find_spec(name)
        if spec is None or name in sys.modules:  # a real import of the package is under way elsewhere
            raise ImportError(name)
        bare = sys.modules[name] = importlib.util.module_from_spec(spec)
        try:
            return importlib.import_module(f"{name}.denmark").Denmark
        finally:
            if sys.modules.get(name) is bare:
                del sys.modules[name]
    except (ImportError, AttributeError):  # a layout this does not know: the registry's way
        return holidays.country_holidays("DK").__class__


_DENMARK: list[Any] = []
_DENMARK_LOCK = threading.Lock()


def _denmark() -> Any:
    with _DENMARK_LOCK:
        if not _DENMARK:
            _DENMARK.append(_load_denmark())
        return _DENMARK[0]


_SPECIAL_NAMES = {(6, 5): "Grundlovsdag", (12, 24): "Juleaftensdag", (12, 31): "Nytårsaftensdag"}


class CalendarRangeError(ValueError):
    """A date outside the years the calendar supports."""


class DayKind(StrEnum):
    WEEKEND = "weekend"
    HOLIDAY = "helligdag"
    SPECIAL = "fridag"  # Grundlovsdag, 24 Dec, 31 Dec: off by agreement, not by law
    CLOSURE = "lukkedag"


@dataclass(frozen=True, slots=True)
class NonWorkingDay:
    day: date
    kind: DayKind
    reason: str  # Danish, e.g. "Juledag", "lørdag", "Lukket: fredag efter Kristi himmelfart"


@dataclass(frozen=True, slots=True)
class CalendarSettings:
    """Which agreement days are off, and the local closure days (date -> reason)."""

    grundlovsdag_off: bool = True
    christmas_eve_off: bool = True
    new_years_eve_off: bool = True
    closures: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))

    def fingerprint(self) -> str:
        """A short stable hash stored with each computed due date, to see later what it was computed with."""
        parts = [
            f"g{int(self.grundlovsdag_off)}c{int(self.christmas_eve_off)}n{int(self.new_years_eve_off)}",
            *(f"{d.isoformat()}" for d in sorted(self.closures)),
        ]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]

    def describe(self) -> str:
        """Danish one-liner for reports and "Om listen"."""
        on = [
            name
            for name, flag in (
                ("Grundlovsdag", self.grundlovsdag_off),
                ("juleaftensdag", self.christmas_eve_off),
                ("nytårsaftensdag", self.new_years_eve_off),
            )
            if flag
        ]
        special = ", ".join(on) if on else "ingen"
        return f"Helligdage + fridage: {special}; lokale lukkedage: {len(self.closures)}"


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarRangeError(f"Året {year} ligger uden for kalenderens område ({MIN_YEAR}–{MAX_YEAR}).")


def format_date(d: date) -> str:
    """Danish short date: dd-mm-yyyy."""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def format_day(d: date) -> str:
    """Weekday and date, e.g. ``torsdag 18-12-2025``."""
    return f"{DANISH_WEEKDAYS[d.weekday()]} {format_date(d)}"


class WorkingCalendar:
    """Answers "is this a hverdag?" and counts working days. Immutable once built; cheap to query."""

    # Years are loaded in blocks of 4 (the holidays library costs ~7 ms a year): a start-up needs the years
    # around today only, and a batch over many years extends the block a few times.
    _BLOCK = 4

    def __init__(self, settings: CalendarSettings | None = None) -> None:
        self.settings = settings or CalendarSettings()
        self._named: dict[date, NonWorkingDay] = {}  # holidays, special days and closures
        self._years: set[int] = set()
        self._lo_year = 0
        self._hi_year = -1
        self._workdays: list[int] = []  # sorted ordinals of working days in [_lo_year, _hi_year]

    # ------------------------------------------------------------------ loading
    def _named_days_of(self, year: int) -> dict[date, NonWorkingDay]:
        out: dict[date, NonWorkingDay] = {}
        denmark = _denmark()
        statutory = denmark(years=year, language="da")
        for d, name in statutory.items():
            out[d] = NonWorkingDay(d, DayKind.HOLIDAY, str(name))
        optional = denmark(years=year, language="da", categories=("optional",))
        wanted = {
            (6, 5): self.settings.grundlovsdag_off,
            (12, 24): self.settings.christmas_eve_off,
            (12, 31): self.settings.new_years_eve_off,
        }
        for d, name in optional.items():
            # 1 May (Arbejdernes kampdag) is a working day by default: only half a day off in most agreements.
            if wanted.get((d.month, d.day), False) and d not in out:
                # The agreements' (and forældelseslovens) names, so calendar and settings say the same.
                label = _SPECIAL_NAMES.get((d.month, d.day), str(name))
                out[d] = NonWorkingDay(d, DayKind.SPECIAL, label)
        for d, reason in self.settings.closures.items():
            if d.year == year and d not in out:
                out[d] = NonWorkingDay(d, DayKind.CLOSURE, f"Lukkedag: {reason}")
        return out

    def _ensure(self, year: int) -> None:
        if self._lo_year <= year <= self._hi_year:
            return
        _check_year(year)
        start = max(MIN_YEAR, year - year % self._BLOCK)
        lo = min(start, self._lo_year) if self._years else start
        hi = max(start + self._BLOCK - 1, self._hi_year) if self._years else start + self._BLOCK - 1
        hi = min(hi, MAX_YEAR)
        for y in range(lo, hi + 1):
            if y not in self._years:
                self._named.update(self._named_days_of(y))
                self._years.add(y)
        first, last = date(lo, 1, 1).toordinal(), date(hi, 12, 31).toordinal()
        named = {d.toordinal() for d in self._named}
        # date.fromordinal(1) is a Monday, so (ordinal - 1) % 7 is the weekday.
        self._workdays = [o for o in range(first, last + 1) if (o - 1) % 7 < 5 and o not in named]
        self._lo_year, self._hi_year = lo, hi

    # ------------------------------------------------------------------ queries
    def non_working_reason(self, d: date) -> str | None:
        """Danish reason why ``d`` is not a hverdag, or None if it is one."""
        self._ensure(d.year)
        named = self._named.get(d)
        if named is not None:
            return named.reason
        if d.weekday() >= 5:
            return DANISH_WEEKDAYS[d.weekday()]
        return None

    def non_working_day(self, d: date) -> NonWorkingDay | None:
        self._ensure(d.year)
        named = self._named.get(d)
        if named is not None:
            return named
        if d.weekday() >= 5:
            return NonWorkingDay(d, DayKind.WEEKEND, DANISH_WEEKDAYS[d.weekday()])
        return None

    def is_working_day(self, d: date) -> bool:
        self._ensure(d.year)
        o = d.toordinal()
        i = bisect_left(self._workdays, o)
        return i < len(self._workdays) and self._workdays[i] == o

    def non_working_days(self, year: int, *, include_weekends: bool = True) -> list[NonWorkingDay]:
        """Every non-working day of ``year`` with its Danish reason, in date order."""
        self._ensure(year)
        out: list[NonWorkingDay] = []
        d = date(year, 1, 1)
        while d.year == year:
            nwd = self.non_working_day(d)
            if nwd is not None and (include_weekends or nwd.kind is not DayKind.WEEKEND):
                out.append(nwd)
            d += timedelta(days=1)
        return out

    def add_working_days(self, anchor: date, n: int) -> date:
        """The ``n``-th working day after ``anchor`` (the anchor day itself never counts).

        If the anchor is not a working day, counting still starts from the next working day, so the first
        working day after a Saturday anchor is the Monday. ``n == 0`` gives the anchor itself when it is a
        working day, else the next working day. Negative ``n`` counts backwards.
        """
        # 200 is fewer working days than any year has, so this span always covers the answer.
        reach = abs(n) // 200 + 1
        self._ensure(anchor.year)
        self._ensure(min(MAX_YEAR, anchor.year + reach) if n >= 0 else max(MIN_YEAR, anchor.year - reach))
        o = anchor.toordinal()
        i = bisect_right(self._workdays, o) + n - 1 if n > 0 else bisect_left(self._workdays, o) + n
        if not 0 <= i < len(self._workdays):
            raise CalendarRangeError(f"Fristen falder uden for kalenderens område ({MIN_YEAR}–{MAX_YEAR}).")
        return date.fromordinal(self._workdays[i])

    def working_day_ordinals(self, first_year: int, last_year: int) -> list[int]:
        """Ordinals of every working day from 1 January ``first_year`` to 31 December ``last_year``, sorted
        (the tables of the vectorised :mod:`~jobcenter_desktop.core.bulk` path)."""
        self._ensure(first_year)
        self._ensure(last_year)
        lo = bisect_left(self._workdays, date(first_year, 1, 1).toordinal())
        hi = bisect_right(self._workdays, date(last_year, 12, 31).toordinal())
        return self._workdays[lo:hi]

    def next_working_day(self, d: date) -> date:
        """``d`` itself if it is a working day, else the first working day after it."""
        return self.add_working_days(d, 0)

    def previous_working_day(self, d: date) -> date:
        """``d`` itself if it is a working day, else the last working day before it."""
        if self.is_working_day(d):
            return d
        return self.add_working_days(d, -1)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``; negative (−count of ``(end, start]``) when ``end < start``.

        With ``start`` = today and ``end`` = a due date this is "hverdage til frist": 0 on the due day,
        1 the working day before, −1 one working day overdue.
        """
        if end < start:
            return -self.working_days_between(end, start)
        self._ensure(start.year)
        self._ensure(end.year)
        return bisect_right(self._workdays, end.toordinal()) - bisect_right(self._workdays, start.toordinal())

    def working_days_in(self, start: date, end_exclusive: date) -> list[date]:
        """The working days ``d`` with ``start <= d < end_exclusive``."""
        if end_exclusive <= start:
            return []
        self._ensure(start.year)
        self._ensure(end_exclusive.year)
        lo = bisect_left(self._workdays, start.toordinal())
        hi = bisect_left(self._workdays, end_exclusive.toordinal())
        return [date.fromordinal(o) for o in self._workdays[lo:hi]]

    def skipped_between(self, start: date, end: date) -> list[NonWorkingDay]:
        """Non-working days ``d`` with ``start < d < end`` (what a count from start to end stepped over)."""
        out: list[NonWorkingDay] = []
        d = start + timedelta(days=1)
        while d < end:
            nwd = self.non_working_day(d)
            if nwd is not None:
                out.append(nwd)
            d += timedelta(days=1)
        return out


def group_runs(days: Iterable[NonWorkingDay]) -> list[list[NonWorkingDay]]:
    """Split non-working days into runs of consecutive dates (for compact explanations)."""
    runs: list[list[NonWorkingDay]] = []
    for nwd in days:
        if runs and (nwd.day - runs[-1][-1].day).days == 1:
            runs[-1].append(nwd)
        else:
            runs.append([nwd])
    return runs
