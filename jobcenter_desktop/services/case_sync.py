"""Writing a case's computed due dates into its stored milestones: the facts of a case (triggers, completions,
pauses) as the engine sees them, and the sync that stores a fresh plan with what moved."""

from __future__ import annotations

import uuid
from datetime import datetime

from jobcenter_desktop.core.deadlines import Anchor, CaseFacts, Pause, plan_case
from jobcenter_desktop.core.models import MilestoneState
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage.orm import CaseRow, MilestoneRow, TriggerEventRow


def trigger_row(kind: str, when: Anchor) -> TriggerEventRow:
    if isinstance(when, datetime):
        return TriggerEventRow(kind=kind, occurred_on=when.date(), occurred_at=when)
    return TriggerEventRow(kind=kind, occurred_on=when, occurred_at=None)


def milestone_of(row: CaseRow, milestone_id: uuid.UUID | None) -> MilestoneRow:
    for ms in row.milestones:
        if ms.id == milestone_id:
            return ms
    raise ServiceError("Milepælen hører ikke til sagen.")


def case_facts(row: CaseRow) -> CaseFacts:
    rule_of = {ms.id: ms.rule_id for ms in row.milestones}
    per_rule: dict[str, list[Pause]] = {}
    case_pauses: list[Pause] = []
    for p in row.pauses:
        pause = Pause(p.start_on, p.end_on, p.reason)
        if p.milestone_id is None:
            case_pauses.append(pause)
        else:
            per_rule.setdefault(rule_of.get(p.milestone_id, ""), []).append(pause)
    return CaseFacts(
        group=row.group,
        triggers={t.kind: (t.occurred_at if t.occurred_at is not None else t.occurred_on) for t in row.triggers},
        completions={ms.rule_id: ms.done_on for ms in row.milestones if ms.done_on is not None},
        pauses=per_rule,
        case_pauses=case_pauses,
    )


def sync_case(ctx: Context, row: CaseRow, affected: set[str] | None) -> list[tuple[MilestoneRow, object, object]]:
    """Write fresh due dates into the case's affected open milestones; return (row, before, after) per move."""
    cal, cat = ctx.calendar, ctx.catalogue
    if row.group not in cat.groups:
        return []  # a case from a catalogue that no longer has its group: left as stored
    plan = plan_case(cat, cal, case_facts(row))
    fingerprint = cal.settings.fingerprint()
    by_rule = {ms.rule_id: ms for ms in row.milestones}
    moves: list[tuple[MilestoneRow, object, object]] = []
    for rule_id, deadline in plan.items():
        ms = by_rule.get(rule_id)
        if ms is None:  # the catalogue gained a milestone for this group since the case was made
            ms = MilestoneRow(rule_id=rule_id, state=MilestoneState.OPEN.value)
            row.milestones.append(ms)
        if ms.state != MilestoneState.OPEN.value or (affected is not None and rule_id not in affected):
            continue
        before = ms.due_at or ms.due_on
        ms.due_on = deadline.due if deadline else None
        ms.due_at = deadline.due_at if deadline else None
        ms.provisional = deadline.provisional if deadline else False
        ms.warn_on = deadline.warn_from if deadline else None
        ms.explanation = "\n".join(deadline.steps) if deadline else ""
        ms.catalogue_version = cat.version
        ms.calendar_fingerprint = fingerprint
        after = ms.due_at or ms.due_on
        if before != after:
            moves.append((ms, before or "", after or ""))
    return moves
