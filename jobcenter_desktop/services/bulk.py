"""Work on many cases at once (the worklist's and the register's multi-select): mark done with one date,
reassign (to one colleague, or spread over several), close, pause. Each batch is planned first (what will
happen, what is skipped and why: the one confirmation), then carried out in ONE transaction with one audit
entry per changed record, and can be undone as a batch by compensating changes (each audited too)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from jobcenter_desktop.core.models import CaseRecord, CaseStatus, MilestoneState
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.cases import CaseService, Step
from jobcenter_desktop.services.errors import ServiceError

Progress = Callable[[int, int], bool]  # (done, total) → go on?


@dataclass(frozen=True, slots=True)
class Target:
    """A selected row: the case at the version the user saw, and the milestone when the row is one."""

    case_id: uuid.UUID
    number: str
    version: int
    milestone_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """What a batch will do, for the one confirmation: ``steps`` run, ``skipped`` are named with the reason."""

    title: str
    summary: str
    steps: tuple[Step, ...]
    undo: tuple[Callable[[dict[uuid.UUID, int]], Step], ...]  # built against the versions after the batch
    skipped: tuple[str, ...] = ()
    cases: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class Done:
    """A carried-out batch: the changed cases and how to undo it (``BulkService.undo``)."""

    label: str
    records: tuple[CaseRecord, ...]
    undo_steps: tuple[Callable[[dict[uuid.UUID, int]], Step], ...] = field(repr=False, default=())

    @property
    def cases(self) -> frozenset[uuid.UUID]:
        return frozenset(r.id for r in self.records)


class BulkService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases

    # ------------------------------------------------------------ planning
    def _records(self, targets: Sequence[Target]) -> dict[uuid.UUID, CaseRecord]:
        """Each selected case as it is now, for deciding what to skip. The steps still check the version the
        user SAW (``Target.version``): a colleague's change since then refuses the batch."""
        return {t.case_id: self.cases.get(t.case_id) for t in {t.case_id: t for t in targets}.values()}

    def plan_complete(self, targets: Sequence[Target], on: date, today: date, at: datetime | None = None) -> Plan:
        """``at``: the clock time, for milestones whose deadline has one (done on time to the minute)."""
        records = self._records(targets)
        steps, undo, skipped = [], [], []
        for t in targets:
            m = next((m for m in records[t.case_id].milestones if m.id == t.milestone_id), None)
            if m is None or m.state is not MilestoneState.OPEN or m.due is None:
                skipped.append(f"{t.number}: " + ("ikke en åben milepæl med frist" if m else "ingen milepæl valgt"))
                continue
            steps.append(Step(self.cases.complete_act(m.id, on, today, at if m.due_at else None), milestone_id=m.id,
                              expected_version=t.version))  # fmt: skip
            undo.append(lambda v, mid=m.id, cid=t.case_id: Step(self.cases.undo_complete_act(mid, today), cid,
                                                                expected_version=v[cid]))  # fmt: skip
        what = count(len(steps), "milepæl", "milepæle")
        return Plan("Markér udført", f"{what} markeres udført den {on:%d-%m-%Y}.", _versions(steps, targets),
                    tuple(undo), tuple(skipped), tuple(records))  # fmt: skip

    def plan_reassign(self, targets: Sequence[Target], to: Sequence[tuple[str, str | None]]) -> Plan:
        """To one colleague, or spread evenly over several (case by case, in the order selected)."""
        if not to:
            raise ServiceError("Vælg mindst én sagsbehandler.")
        records = self._records(targets)
        seen = _seen(targets)
        steps, undo, skipped = [], [], []
        spread: dict[str, int] = {}
        for i, case_id in enumerate(records):
            rec = records[case_id]
            worker, team = to[i % len(to)]
            if rec.status is not CaseStatus.OPEN:
                skipped.append(f"{rec.number}: sagen er lukket")
                continue
            if rec.caseworker == worker and (not team or team == rec.team):
                skipped.append(f"{rec.number}: har allerede {worker}")
                continue
            spread[worker] = spread.get(worker, 0) + 1
            steps.append(Step(self.cases.reassign_act(worker, team), case_id, expected_version=seen[case_id]))
            undo.append(lambda v, cid=case_id, w=rec.caseworker, tm=rec.team: Step(
                self.cases.reassign_act(w, tm or None), cid, expected_version=v[cid]))  # fmt: skip
        to_whom = ", ".join(f"{w} ({n})" for w, n in spread.items()) or "ingen"
        summary = f"{count(len(steps), 'sag', 'sager')} overdrages til {to_whom}."
        return Plan("Overdrag", summary, tuple(steps), tuple(undo), tuple(skipped), tuple(records))

    def plan_close(self, targets: Sequence[Target], on: date, today: date) -> Plan:
        records = self._records(targets)
        seen = _seen(targets)
        steps, undo, skipped = [], [], []
        for case_id, rec in records.items():
            if rec.status is not CaseStatus.OPEN:
                skipped.append(f"{rec.number}: er allerede lukket")
                continue
            steps.append(Step(self.cases.close_act(on), case_id, expected_version=seen[case_id]))
            undo.append(lambda v, cid=case_id: Step(self.cases.reopen_act(today), cid, expected_version=v[cid]))
        summary = f"{count(len(steps), 'sag', 'sager')} lukkes den {on:%d-%m-%Y}; deres åbne frister bortfalder."
        return Plan("Luk sager", summary, tuple(steps), tuple(undo), tuple(skipped), tuple(records))

    def plan_pause(self, targets: Sequence[Target], start: date, reason: str, today: date,
                   expected_end: date | None = None) -> Plan:  # fmt: skip
        records = self._records(targets)
        seen = _seen(targets)
        steps, undo, skipped = [], [], []
        for case_id, rec in records.items():
            if rec.status is not CaseStatus.OPEN:
                skipped.append(f"{rec.number}: sagen er lukket")
                continue
            if any(p.milestone_id is None and p.end is None for p in rec.pauses):
                skipped.append(f"{rec.number}: er allerede på pause")
                continue
            steps.append(Step(self.cases.pause_act(start, reason, None, expected_end), case_id,
                              expected_version=seen[case_id]))  # fmt: skip
            undo.append(lambda v, cid=case_id: Step(self.cases.cancel_pause_act(start, None, today), cid,
                                                    expected_version=v[cid]))  # fmt: skip
        summary = f"{count(len(steps), 'sag', 'sager')} sættes på pause fra {start:%d-%m-%Y}: {reason}"
        summary += f" (forventet slut {expected_end:%d-%m-%Y})" if expected_end else ""
        return Plan("Pause sager", summary, tuple(steps), tuple(undo), tuple(skipped), tuple(records))

    # ------------------------------------------------------------ carrying out
    def run(self, plan: Plan, progress: Progress | None = None) -> Done:
        """All of the plan in one transaction, or nothing (a refusal, a colleague's change, a cancel)."""
        if not plan.steps:
            raise ServiceError("Der er intet at gøre: " + ("; ".join(plan.skipped) or "ingen valgt") + ".")
        records = self.cases.act_many(list(plan.steps), progress)
        return Done(plan.title, tuple(records), plan.undo)

    def undo(self, done: Done, progress: Progress | None = None) -> Done:
        """The batch's compensating changes, in one transaction; refused whole if a case changed since."""
        versions = {r.id: r.version for r in done.records}  # a case's last record: its version now
        steps = _first_step_checks([make(versions) for make in done.undo_steps], lambda s: s.case_id)
        records = self.cases.act_many(list(steps), progress)
        return Done(f"Fortryd: {done.label}", tuple(records))


def _seen(targets: Sequence[Target]) -> dict[uuid.UUID, int]:
    """The version of each case as the user saw it (its first selected row)."""
    seen: dict[uuid.UUID, int] = {}
    for t in targets:
        seen.setdefault(t.case_id, t.version)
    return seen


def _versions(steps: list[Step], targets: Sequence[Target]) -> tuple[Step, ...]:
    case_of = {t.milestone_id: t.case_id for t in targets}
    return _first_step_checks(steps, lambda s: case_of.get(s.milestone_id))


def _first_step_checks(steps: Sequence[Step], case_of: Callable[[Step], uuid.UUID | None]) -> tuple[Step, ...]:
    """Several steps on one case in one batch: the case's version rises with each, so only a case's first
    step checks the version expected (the user's, or the batch's result for an undo)."""
    seen: set[uuid.UUID | None] = set()
    out = []
    for step in steps:
        case = case_of(step)
        out.append(step if case not in seen else Step(step.act, step.case_id, step.milestone_id, None))
        seen.add(case)
    return tuple(out)
