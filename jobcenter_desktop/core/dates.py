"""Parsing dates as people and spreadsheets write them: ISO, dd-mm-yyyy and dd.mm.yyyy, optional HH:MM."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR

_DMY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$", re.ASCII)  # only 0-9 (not full-width digits)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$", re.ASCII)


DANISH_TIME = ZoneInfo("Europe/Copenhagen")


class DateParseError(ValueError):
    pass


def local_time_problem(value: datetime) -> str | None:
    """Why a wall-clock time cannot be a Danish time, or None. On the spring-forward night the hour 02:00–02:59
    does not exist; on the autumn night it happens twice. An hours deadline counted from either would be a
    guess, so such a time is refused with what to type instead."""
    first, second = value.replace(tzinfo=DANISH_TIME, fold=0), value.replace(tzinfo=DANISH_TIME, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    when = f"Klokken {value:%H:%M} den {value:%d-%m-%Y}"
    if first.astimezone(UTC).astimezone(DANISH_TIME).replace(tzinfo=None) != value:
        return f"{when} findes ikke i dansk tid: urene stilles frem til sommertid. Angiv et klokkeslæt før 02:00 " \
               "eller fra 03:00."  # fmt: skip
    return f"{when} findes to gange i dansk tid: urene stilles tilbage til vintertid. Angiv et klokkeslæt før " \
           "02:00 eller fra 03:00, så fristen ikke bliver tvetydig."  # fmt: skip


def parse_date(text: str) -> date:
    """``2025-12-18``, ``18-12-2025`` or ``18.12.2025``; years outside the calendar's range are refused."""
    t = text.strip()
    m = _ISO.match(t)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _DMY.match(t)
        if not m:
            raise DateParseError(f"{t[:40]!r} er ikke en dato (brug ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).")
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateParseError(f"Året {y} ligger uden for {MIN_YEAR}–{MAX_YEAR}.")
    try:
        return date(y, mo, d)
    except ValueError:
        raise DateParseError(f"{t!r} er ikke en gyldig dato.") from None


def parse_anchor(text: str) -> date | datetime:
    """A date, or a date with a time: ``2025-12-18T15:00`` / ``2025-12-18 15:00`` / ``18-12-2025 15:00``."""
    t = text.strip()
    parts = re.split(r"[T ]", t, maxsplit=1) if ("T" in t or " " in t) else [t]
    day = parse_date(parts[0])
    if len(parts) == 1:
        return day
    m = _TIME.match(parts[1].strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise DateParseError(f"{parts[1][:20]!r} er ikke et klokkeslæt (brug TT:MM).")
    value = datetime(day.year, day.month, day.day, int(m[1]), int(m[2]))
    problem = local_time_problem(value)
    if problem:
        raise DateParseError(problem)
    return value


def format_anchor(value: date | datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value.isoformat()
