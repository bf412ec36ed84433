"""Writing a case's computed due dates into its stored milestones: the engine plans from the case's facts
(triggers, completions, pauses) and the sync stores the fresh plan with what moved."""

from __future__ import annotations

import uuid

from jobcenter_desktop.core.deadlines import plan_case
from jobcenter_desktop.core.stored import OPEN, StoredCase, StoredMilestone, case_facts
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import ServiceError


def milestone_of(case: StoredCase, milestone_id: uuid.UUID | None) -> StoredMilestone:
    found = case.milestone(milestone_id)
    if found is None:
        raise ServiceError("Milepælen hører ikke til sagen.")
    return found


Move = tuple[StoredMilestone, object, object]


def sync_case(ctx: Context, case: StoredCase, affected: set[str] | None,
              also: frozenset[str] = frozenset()) -> list[Move]:  # fmt: skip
    """Write fresh due dates into the case's affected open milestones (and the milestones named in ``also``
    whatever their state: a completion handed in from a laptop, whose due date moved with the laptop's
    facts); return (milestone, before, after) per move."""
    cal, cat = ctx.calendar, ctx.catalogue_of(case.catalogue_id)
    if case.group not in cat.groups:
        return []  # a case from a catalogue that no longer has its group: left as stored
    plan = plan_case(cat, cal, case_facts(case))
    fingerprint = cal.settings.fingerprint()
    by_rule = {ms.rule_id: ms for ms in case.milestones}
    moves: list[Move] = []
    for rule_id, deadline in plan.items():
        ms = by_rule.get(rule_id)
        if ms is None:  # the catalogue gained a milestone for this group since the case was made
            if deadline is None and cat.milestones[rule_id].promise_of is not None:
                continue  # a "Forventet afgørelse" comes with its notice, not before
            ms = StoredMilestone(rule_id=rule_id)
            case.milestones.append(ms)
        if rule_id not in also and (ms.state != OPEN or (affected is not None and rule_id not in affected)):
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
