"""Fritagelse: an open milestone marked exempt with a reason. It leaves the worklists, keeps its due date, counts
as exempt in the timeliness figures (the reform lets a municipality exempt up to 25 % of a group) and can be
undone. Both directions are audited; the database refuses an exemption without a reason. Milestones chained on
an exempt one are exempted with it (their clock would never start)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from jobcenter_desktop.core.models import CaseStatus, MilestoneState
from jobcenter_desktop.core.stored import OPEN, StoredCase, StoredMilestone
from jobcenter_desktop.services.case_input import MAX_REASON, text_field
from jobcenter_desktop.services.case_sync import milestone_of
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage.repository import Repository

if TYPE_CHECKING:
    from jobcenter_desktop.services.cases import Act, CaseService

EXEMPT = MilestoneState.EXEMPT.value


def _chained(svc: CaseService, row: StoredCase, rule_id: str) -> list[tuple[StoredMilestone, str]]:
    """The milestones chained on ``rule_id`` (directly or further down): an exempt milestone is never done, so
    their clocks would never start - they are exempted with it, and return with it."""
    cat = svc.ctx.catalogue_of(row.catalogue_id)
    name = cat.milestones[rule_id].name if rule_id in cat.milestones else rule_id
    by_rule = {m.rule_id: m for m in row.milestones}
    return [(by_rule[r.id], f"følger af »{name}«") for r in cat.dependents(rule_id) if r.id in by_rule]


def exempt_act(svc: CaseService, milestone_id: uuid.UUID, reason: str) -> Act:
    why = text_field(reason, field="reason", what="Begrundelsen", limit=MAX_REASON, required=True)

    def act(repo: Repository, row: StoredCase) -> None:
        ms = milestone_of(row, milestone_id)
        if row.status != CaseStatus.OPEN.value:
            raise ServiceError("Sagen er lukket.")
        if ms.state == EXEMPT:
            raise ServiceError("Milepælen er allerede fritaget.")
        if ms.state != OPEN:
            raise ServiceError("Kun en åben milepæl kan fritages.")
        ms.state, ms.exempt_reason = EXEMPT, why
        svc._audit_ms(repo, row, ms, "exempt", "state", "open", EXEMPT, why)
        for follower, because in _chained(svc, row, ms.rule_id):
            if follower.state == OPEN:
                follower.state, follower.exempt_reason = EXEMPT, f"{why} ({because})"[:MAX_REASON]
                svc._audit_ms(repo, row, follower, "exempt", "state", "open", EXEMPT, follower.exempt_reason)

    return act


def unexempt_act(svc: CaseService, milestone_id: uuid.UUID) -> Act:
    def act(repo: Repository, row: StoredCase) -> None:
        ms = milestone_of(row, milestone_id)
        if row.status != CaseStatus.OPEN.value:  # an open milestone in a closed case would count as overdue
            raise ServiceError("Sagen er lukket; genåbn den først.")
        if ms.state != EXEMPT:
            raise ServiceError("Milepælen er ikke fritaget.")
        before = ms.exempt_reason
        ms.state, ms.exempt_reason = OPEN, ""
        svc._audit_ms(repo, row, ms, "unexempt", "state", EXEMPT, "open", f"Fritagelse ophævet ({before})")
        for follower, because in _chained(svc, row, ms.rule_id):
            # Only the ones exempted with it; one exempted on its own keeps its own reason.
            promise = svc.ctx.catalogue_of(row.catalogue_id).milestones.get(follower.rule_id)
            follows = promise is not None and promise.promise_of == ms.rule_id  # a promise always follows
            if follower.state == EXEMPT and (follows or follower.exempt_reason.endswith(f"({because})")):
                follower.state, follower.exempt_reason = OPEN, ""
                svc._audit_ms(repo, row, follower, "unexempt", "state", EXEMPT, "open", "Fritagelse ophævet")

    return act
