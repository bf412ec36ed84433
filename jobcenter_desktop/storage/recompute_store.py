"""A recompute's bulk read (every open case, column-wise) and its bulk write (only the milestones that move).

Both sides avoid ORM rows and per-value conversions: the database hands back day numbers and ids as the driver
gives them (storage.sql.day_number / raw_id), and the moves are written with one executemany statement per
table, guarded by the case versions read (a case changed meanwhile makes the whole recompute fail, unwritten).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from itertools import repeat
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from jobcenter_desktop.core.models import CaseStatus, MilestoneState
from jobcenter_desktop.storage.case_store import StaleCase
from jobcenter_desktop.storage.orm import AuditRow, CaseRow, MilestoneRow, PauseRow, TriggerEventRow, utcnow
from jobcenter_desktop.storage.sql import day_number, plain_rows, raw_id

if TYPE_CHECKING:
    from jobcenter_desktop.core.bulk_cases import MilestoneWrite, OpenCases

_OPEN = MilestoneState.OPEN.value


def open_cases_columns(s: Session, *, only: Sequence[str] = (), besides: Sequence[str] = ()) -> OpenCases:
    """Open cases with an open milestone, column-wise. ``only``/``besides``: the cases registered under (or not
    under) these catalogues, as each is planned with its own.

    Each table is read in plain scans as the driver's plain tuples (no join: the rows of other cases are
    dropped here, which at 100k cases is ~2× faster on SQLite than an index lookup per case; no ORM result
    processing) and turned into columns with numpy, not row by row. The milestones come in two reads: the open
    ones with everything a recompute compares, the others with only what anchors a chain (case, rule, done
    day) – half the values of one wide read, which was 40 % of a recompute. Dates come as the driver stores
    them and are turned into day numbers once per distinct value (:class:`_PlainDays`): in SQL that cost more
    than the transfer."""
    import numpy as np  # numpy: only for a recompute

    from jobcenter_desktop.core.bulk import NO_DATE, NO_TIME, FactColumnsBuilder
    from jobcenter_desktop.core.bulk_cases import OpenCases, OpenMilestones, small_codes

    q_cases = select(raw_id(CaseRow.id), CaseRow.number, CaseRow.group, CaseRow.version).where(
        CaseRow.status == CaseStatus.OPEN.value)
    if only:
        q_cases = q_cases.where(CaseRow.catalogue_id.in_(list(only)))
    if besides:
        q_cases = q_cases.where(CaseRow.catalogue_id.not_in(list(besides)))
    m = MilestoneRow
    # Two in five milestones are open: SQLite reads them faster in one pass over the table than through the
    # state index and a lookup per row (0.42 s against 0.55 at 100k cases); PostgreSQL's planner decides itself.
    state = m.state.concat("") if s.get_bind().dialect.name == "sqlite" else m.state
    q_open = select(raw_id(m.id), raw_id(m.case_id), m.rule_id, m.done_on, m.due_on, m.due_at, m.warn_on,
                    m.provisional, m.catalogue_version).where(state == _OPEN)  # fmt: skip
    q_rest = select(raw_id(m.case_id), m.rule_id, m.done_on).where(m.state != _OPEN)
    dates = _PlainDays(NO_DATE, NO_TIME)
    all_cases = plain_rows(s, q_cases)
    o_key, o_case, o_rule, o_done, o_due_on, o_due_at, o_warn, o_prov, o_ver = _columns(plain_rows(s, q_open), 9)
    r_case, r_rule, r_done = _columns(plain_rows(s, q_rest), 3)
    with_open = set(o_case)
    cases = [c for c in all_cases if c[0] in with_open]
    index = {c[0]: i for i, c in enumerate(cases)}
    n = len(cases)
    b = FactColumnsBuilder([c[2] for c in cases])

    o_row, r_row = _positions(index, o_case), _positions(index, r_case)
    row = np.concatenate((o_row, r_row))
    codes, rule_code = small_codes((*o_rule, *r_rule))
    done = np.concatenate((dates.days(o_done), dates.days(r_done)))
    ours = row >= 0
    present: dict[str, Any] = {}
    for rule_id, code in codes.items():
        mine = (rule_code == code) & ours
        present[rule_id] = have = np.zeros(n, dtype=np.bool_)
        have[row[mine]] = True
        finished = mine & (done != NO_DATE)
        b.done_days(rule_id, row[finished], done[finished])
    at = np.flatnonzero(o_row >= 0)
    pos = [int(j) for j in at]
    due = dates.day_of(o_due_at, o_due_on)
    milestones = OpenMilestones([o_key[j] for j in pos], o_row[at], [o_rule[j] for j in pos], due[at],
                                dates.minutes(o_due_at)[at], dates.days(o_warn)[at],
                                np.array(o_prov, dtype=np.bool_)[at], [o_ver[j] for j in pos])  # fmt: skip

    q_trig = select(raw_id(TriggerEventRow.case_id), TriggerEventRow.kind, TriggerEventRow.occurred_on,
                    TriggerEventRow.occurred_at)  # fmt: skip
    t_case, t_kind, t_on, t_at = _columns(plain_rows(s, q_trig), 4)
    t_row = _positions(index, t_case)
    kind_codes, t_code = small_codes(t_kind)
    days, minutes = dates.day_of(t_at, t_on), dates.minutes(t_at)
    for kind, code in kind_codes.items():
        mine = (t_code == code) & (t_row >= 0)
        b.trigger_days(kind, t_row[mine], days[mine], minutes[mine])

    named = np.zeros(n, dtype=np.bool_)
    q_pause = select(raw_id(PauseRow.case_id), PauseRow.milestone_id.is_(None), day_number(PauseRow.start_on),
                     func.coalesce(day_number(PauseRow.end_on), NO_DATE), PauseRow.reason != "")  # fmt: skip
    for key, whole_case, start, end, has_reason in plain_rows(s, q_pause):  # a few per cent of the cases
        if (i := index.get(key)) is None:
            continue
        named[i] |= bool(has_reason)
        if whole_case:
            b.pause_days(i, start, end)
        else:
            b.paused(i)  # a milestone's own pause: plan_case counts it
    return OpenCases([c[0] for c in cases], [c[1] for c in cases], np.array([c[3] for c in cases], dtype=np.int64),
                     b.build(), milestones, present, named)  # fmt: skip


def _positions(index: Mapping[object, int], keys: Sequence[object]) -> Any:
    """Each key's position in ``index`` (-1: not one of the cases read), at C speed (map, no generator)."""
    import numpy as np

    return np.fromiter(map(index.get, keys, repeat(-1)), dtype=np.int64, count=len(keys))


class _PlainDays:
    """Day numbers (``date.toordinal()``) and minutes of the day from the driver's plain values – SQLite's ISO
    text, psycopg's date and datetime objects – as numpy columns; None is ``no_date``/``no_time``. Dates repeat
    (a few thousand distinct ones among 100,000 cases): each distinct value is converted once."""

    def __init__(self, no_date: int, no_time: int) -> None:
        self._days: dict[Any, int] = {None: no_date}
        self._minutes: dict[Any, int] = {None: no_time}

    def days(self, values: Sequence[Any]) -> Any:
        return _converted(values, self._days, _day_number)

    def minutes(self, values: Sequence[Any]) -> Any:
        return _converted(values, self._minutes, _minute_of_day)

    def day_of(self, stamps: Sequence[Any], dates: Sequence[Any]) -> Any:
        """The timestamp's day where there is one, else the date's (SQL's ``coalesce(at, on)``)."""
        import numpy as np

        at = self.days(stamps)
        return np.where(at != self._days[None], at, self.days(dates))


def _day_number(v: str | date) -> int:
    return (date.fromisoformat(v[:10]) if isinstance(v, str) else v).toordinal()


def _minute_of_day(v: str | datetime) -> int:
    t = datetime.fromisoformat(v) if isinstance(v, str) else v
    return t.hour * 60 + t.minute


def _converted(values: Sequence[Any], known: dict[Any, int], convert: Callable[[Any], int]) -> Any:
    """``values`` through ``known`` (None is already in it), converting each value not seen before once."""
    import numpy as np

    if not any(values):  # every value None (an open milestone's done day, most clock times): no lookups
        return np.full(len(values), known[None], dtype=np.int64)
    for v in set(values).difference(known):
        known[v] = convert(v)
    return np.fromiter(map(known.__getitem__, values), dtype=np.int64, count=len(values))


def _columns(rows: Sequence[Any], width: int) -> list[Sequence[Any]]:
    return list(zip(*rows, strict=True)) if rows else [() for _ in range(width)]


def write_moves(s: Session, case_versions: Mapping[object, int], writes: Sequence[MilestoneWrite],
                audit: Sequence[Mapping[str, Any]]) -> None:  # fmt: skip
    """Store the moved milestones (one executemany per table) and their audit entries. ``case_versions``: the
    cases touched, with the version read; a case changed since raises :class:`StaleCase` (nothing is kept: the
    caller's transaction rolls back)."""
    if not writes:
        return
    from jobcenter_desktop.core.bulk_cases import as_uuid  # the few rows written get real UUIDs for the binds

    now = utcnow()
    cases_t: Table = CaseRow.__table__  # type: ignore[assignment]
    ms_t: Table = MilestoneRow.__table__  # type: ignore[assignment]
    bump = (update(cases_t)
            .where(cases_t.c.id == bindparam("k"),
                   cases_t.c.version == bindparam("v"))
            .values(version=cases_t.c.version + 1, updated_at=now))  # fmt: skip
    done = _rowcount(s.execute(bump, [{"k": as_uuid(k), "v": v} for k, v in case_versions.items()]))
    if done != len(case_versions):
        raise StaleCase()  # a colleague (or a laptop's check-in) changed one of the cases meanwhile
    store = (update(ms_t)
             .where(ms_t.c.id == bindparam("k"), ms_t.c.state == _OPEN)
             .values(due_on=bindparam("due_on"), due_at=bindparam("due_at"), provisional=bindparam("provisional"),
                     warn_on=bindparam("warn_on"), explanation=bindparam("explanation"),
                     catalogue_version=bindparam("catalogue_version"),
                     calendar_fingerprint=bindparam("calendar_fingerprint"), version=ms_t.c.version + 1,
                     updated_at=now))  # fmt: skip
    params = [{"k": as_uuid(w.milestone), "due_on": w.due_on, "due_at": w.due_at, "provisional": w.provisional,
               "warn_on": w.warn_on, "explanation": w.explanation, "catalogue_version": w.catalogue_version,
               "calendar_fingerprint": w.calendar_fingerprint} for w in writes]  # fmt: skip
    if _rowcount(s.execute(store, params)) != len(writes):
        raise StaleCase()
    if audit:
        s.execute(insert(AuditRow), list(audit))


def _rowcount(result: Any) -> int:
    """Rows an executemany UPDATE matched: the sum over its parameter sets (sqlite3, psycopg 3.1+)."""
    return int(result.rowcount)


def audit_text(value: date | datetime | None) -> str:
    """A due value as the audit log writes it (Repository.audit's format)."""
    if value is None:
        return ""
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value.isoformat()
