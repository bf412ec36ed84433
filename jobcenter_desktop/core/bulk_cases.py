"""The open cases a recompute looks at, column-wise, and what a fresh bulk plan changes in them.

The repository reads these as plain columns (day numbers, ids as the database hands them): at 100,000 cases
turning every value into ``date`` and ``uuid.UUID`` objects cost more than planning. Only the rows that move
become objects (:class:`Change`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from jobcenter_desktop.core.bulk import NO_DATE, NO_TIME, Days, FactColumns, Mask, RulePlan
from jobcenter_desktop.core.deadlines import Anchor, CaseFacts, Pause


def as_uuid(key: object) -> uuid.UUID:
    """An id as the database handed it (a hex string on SQLite, a UUID from PostgreSQL's driver)."""
    return key if isinstance(key, uuid.UUID) else uuid.UUID(str(key))


def small_codes(values: Sequence[str]) -> tuple[dict[str, int], Days]:
    """Each distinct value (a rule id, an event kind) as a small integer, in order of first appearance, and the
    values as those codes, at C speed: one integer comparison per value and group instead of a string one."""
    codes = {v: c for c, v in enumerate(dict.fromkeys(values))}
    return codes, np.fromiter(map(codes.__getitem__, values), dtype=np.int64, count=len(values))


def as_due(day: int, minute: int) -> date | datetime | None:
    """A stored or planned due value from its day number and minute of the day."""
    if day == NO_DATE:
        return None
    d = date.fromordinal(day)
    return datetime(d.year, d.month, d.day, minute // 60, minute % 60) if minute != NO_TIME else d


@dataclass(frozen=True, slots=True)
class OpenMilestones:
    """The stored open milestones of those cases, one position per milestone."""

    keys: Sequence[object]  # the milestone's id as the database hands it (as_uuid)
    case: Days  # row of its case in the FactColumns
    rule: Sequence[str]
    day: Days  # stored due day (NO_DATE: none yet)
    minute: Days  # stored due time of day (NO_TIME: a date only)
    warn: Days  # stored "due soon from" day (NO_DATE: none)
    provisional: Mask
    catalogue_version: Sequence[str]  # the catalogue version its explanation was written with

    def __len__(self) -> int:
        return len(self.keys)


@dataclass(frozen=True, slots=True)
class OpenCases:
    """Open cases with at least one open milestone (built by the repository without ORM rows)."""

    keys: Sequence[object]  # case ids as the database hands them
    numbers: Sequence[str]
    versions: Days  # each case's row version when read (a write checks it: optimistic locking)
    facts: FactColumns
    milestones: OpenMilestones
    present: Mapping[str, Mask]  # rule id -> which cases have a stored milestone of it (in any state)
    pause_reasons: Mask  # cases with a pause whose reason the explanation names (read in full to explain)

    def case_id(self, i: int) -> uuid.UUID:
        return as_uuid(self.keys[i])

    def facts_of(self, i: int) -> CaseFacts:
        """Case ``i``'s facts from the columns (cases without pauses the columns cannot hold)."""
        f = self.facts
        triggers: dict[str, Anchor] = {}
        for kind, days in f.trigger_day.items():
            if (day := int(days[i])) != NO_DATE:
                m = int(f.trigger_minute[kind][i])
                triggers[kind] = as_due(day, m)  # type: ignore[assignment]
        completions = {rule: date.fromordinal(int(days[i])) for rule, days in f.done_day.items() if days[i] != NO_DATE}
        pauses: tuple[Pause, ...] = ()
        if f.pause_start[i] != NO_DATE:
            end = int(f.pause_end[i])
            pauses = (Pause(date.fromordinal(int(f.pause_start[i])), date.fromordinal(end) if end else None),)
        return CaseFacts(f.groups[i], triggers, completions, case_pauses=pauses)


@dataclass(frozen=True, slots=True)
class Change:
    """An open milestone whose stored due value differs from the fresh plan."""

    milestone: int  # position in OpenCases.milestones
    case: int  # row of its case
    rule_id: str
    before: date | datetime | None
    after: date | datetime | None


@dataclass(frozen=True, slots=True)
class MilestoneWrite:
    """What a recompute stores in one open milestone: its fresh deadline (as ``case_sync.sync_case`` writes it)."""

    milestone: object  # its id as the database hands it
    due_on: date | None
    due_at: datetime | None
    provisional: bool
    warn_on: date | None
    explanation: str
    catalogue_version: str
    calendar_fingerprint: str


def _aligned(plans: Mapping[str, RulePlan], cases: OpenCases) -> list[tuple[RulePlan, Days, Days]]:
    """Per rule: its plan, the open milestones of it (positions j) and their position k in the plan."""
    ms = cases.milestones
    # Positions grouped by rule at C speed (a Python loop over 90,000 milestones, three times a recompute,
    # was a tenth of it): rules as small codes, a stable sort keeps each group's positions ascending.
    codes, code = small_codes(ms.rule)
    order = np.argsort(code, kind="stable")
    bounds = np.searchsorted(code[order], np.arange(len(codes) + 1))
    out = []
    for rule_id, c in codes.items():
        p = plans.get(rule_id)
        if p is None or not len(p.cases):
            continue  # the catalogue no longer has this milestone (or none of its cases): left as stored
        j: Days = order[bounds[c] : bounds[c + 1]].astype(np.int64)
        k = np.minimum(np.searchsorted(p.cases, ms.case[j]), len(p.cases) - 1)
        mine = p.cases[k] == ms.case[j]
        out.append((p, j[mine], k[mine]))
    return out


def changed(plans: Mapping[str, RulePlan], cases: OpenCases) -> list[Change]:
    """The stored open milestones whose due value differs from the plan, with the new value."""
    ms = cases.milestones
    out: list[Change] = []
    for p, j, k in _aligned(plans, cases):
        differs = (p.due[k] != ms.day[j]) | (p.minute[k] != ms.minute[j])
        for x in np.flatnonzero(differs):
            jj, kk = int(j[x]), int(k[x])
            out.append(Change(jj, int(ms.case[jj]), p.rule.id, as_due(int(ms.day[jj]), int(ms.minute[jj])),
                              as_due(int(p.due[kk]), int(p.minute[kk]))))  # fmt: skip
    return out


def outdated(plans: Mapping[str, RulePlan], cases: OpenCases) -> Mask:
    """Open milestones whose stored deadline differs from the plan in anything a recompute writes: the due
    value, and also the warn day or the provisional mark (a closure day can move those alone)."""
    ms = cases.milestones
    out = np.zeros(len(ms), dtype=np.bool_)
    for p, j, k in _aligned(plans, cases):
        out[j] = ((p.due[k] != ms.day[j]) | (p.minute[k] != ms.minute[j]) | (p.warn[k] != ms.warn[j])
                  | (p.provisional[k] != ms.provisional[j]))  # fmt: skip
    return out


def planned(plans: Mapping[str, RulePlan], cases: OpenCases) -> Mask:
    """Open milestones the plan speaks for: its rule is in the catalogue for the case's group. The others (a
    rule or a group a newer catalogue version dropped) are left as stored, as ``sync_case`` leaves them."""
    out = np.zeros(len(cases.milestones), dtype=np.bool_)
    for _p, j, _k in _aligned(plans, cases):
        out[j] = True
    return out


def stale_text(cases: OpenCases, version: str) -> Mask:
    """Open milestones whose explanation was written with another version of the catalogue."""
    return np.fromiter((v != version for v in cases.milestones.catalogue_version), dtype=np.bool_,
                       count=len(cases.milestones))  # fmt: skip


def incomplete(plans: Mapping[str, RulePlan], cases: OpenCases) -> Mask:
    """Cases lacking a stored milestone their group has in the catalogue (it gained one since)."""
    out = np.zeros(len(cases.keys), dtype=np.bool_)
    for rule_id, p in plans.items():
        have = cases.present.get(rule_id)
        lacking = p.cases if have is None else p.cases[~have[p.cases]]
        if p.rule.promise_of is not None:  # a "Forventet afgørelse" is only lacking once a notice promised a date
            lacking = lacking[p.due[np.searchsorted(p.cases, lacking)] != NO_DATE] if len(lacking) else lacking
        out[lacking] = True
    return out
