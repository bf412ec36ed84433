"""Work on many cases at once, on both databases: one plan (what will happen, what is skipped), one
transaction (all or nothing: a colleague's change, a refusal or a cancel leaves everything as it was), one audit
entry per changed record, and undo of the whole batch by audited compensating changes."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter_desktop.core.models import CaseStatus, MilestoneState
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.bulk import Target
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import Cancelled, ConflictError, ServiceError

MON = date(2026, 3, 2)
WED = date(2026, 3, 4)
PEOPLE = ["010190-1235", "020285-1234", "150670-1234", "290260-1234", "010100-4321"]


def _cases(app: Frister, n: int = 4):  # type: ignore[no-untyped-def]
    return [app.cases.register(NewCase("kontanthjaelp", f"Testperson {i}", PEOPLE[i], {"foerste_fremmoede": MON}),
                               MON) for i in range(n)]  # fmt: skip


def _target(case, rule_id: str | None = None) -> Target:  # type: ignore[no-untyped-def]
    mid = next(m.id for m in case.milestones if m.rule_id == rule_id) if rule_id else None
    return Target(case.id, case.number, case.version, mid)


def _snapshot(app: Frister) -> list[tuple[object, ...]]:
    rows = []
    for c in app.cases.search("", None):
        full = app.cases.get(c.id)
        rows.append((full.number, full.status, full.caseworker, full.team, full.version, len(full.pauses),
                     tuple((m.rule_id, m.state, m.due, m.done_on) for m in full.milestones)))  # fmt: skip
    return sorted(rows)


def test_mark_done_with_one_date_and_undo(app: Frister) -> None:
    cases = _cases(app)
    targets = [_target(c, "kh_visitation") for c in cases] + [_target(cases[0])]  # a case row: nothing to mark
    plan = app.bulk.plan_complete(targets, WED, WED)
    assert len(plan.steps) == 4 and plan.skipped == (f"{cases[0].number}: ingen milepæl valgt",)
    assert "4 milepæle markeres udført den 04-03-2026" in plan.summary
    done = app.bulk.run(plan)
    assert done.cases == {c.id for c in cases}
    for c in cases:
        m = next(m for m in app.cases.get(c.id).milestones if m.rule_id == "kh_visitation")
        assert (m.state, m.done_on) == (MilestoneState.DONE, WED)
        assert len([e for e in app.audit(c.id) if e.action == "complete"]) == 1  # one entry per record
    undone = app.bulk.undo(done)
    assert undone.cases == done.cases
    for c in cases:
        m = next(m for m in app.cases.get(c.id).milestones if m.rule_id == "kh_visitation")
        assert (m.state, m.done_on, m.due) == (MilestoneState.OPEN, None, date(2026, 3, 4))
        assert [e.action for e in app.audit(c.id)].count("undo_complete") == 1


def test_two_milestones_of_one_case_in_one_batch(app: Frister) -> None:
    [case] = _cases(app, 1)
    plan = app.bulk.plan_complete([_target(case, "kh_visitation"), _target(case, "kh_ydelse")], WED, WED)
    done = app.bulk.run(plan)
    states = {m.rule_id: m.state for m in app.cases.get(case.id).milestones}
    assert states["kh_visitation"] is states["kh_ydelse"] is MilestoneState.DONE
    app.bulk.undo(done)
    states = {m.rule_id: m.state for m in app.cases.get(case.id).milestones}
    assert states["kh_visitation"] is states["kh_ydelse"] is MilestoneState.OPEN


def test_reassign_a_caseload_spread_over_two_colleagues_and_undo(app: Frister) -> None:
    cases = _cases(app)
    plan = app.bulk.plan_reassign([_target(c) for c in cases], [("bo.l", None), ("carla.m", None)])
    assert "4 sager overdrages til bo.l (2), carla.m (2)" in plan.summary
    done = app.bulk.run(plan)
    assert [app.cases.get(c.id).caseworker for c in cases] == ["bo.l", "carla.m", "bo.l", "carla.m"]
    assert all(len([e for e in app.audit(c.id) if e.action == "reassign" and e.field == "caseworker"]) == 1
               for c in cases)  # fmt: skip
    app.bulk.undo(done)
    assert {app.cases.get(c.id).caseworker for c in cases} == {"anna.k"}


def test_close_and_pause_batches_and_their_undo(app: Frister) -> None:
    cases = _cases(app, 3)
    closed = app.bulk.run(app.bulk.plan_close([_target(cases[0]), _target(cases[1])], WED, WED))
    assert [app.cases.get(c.id).status for c in cases] == [CaseStatus.CLOSED, CaseStatus.CLOSED, CaseStatus.OPEN]
    plan = app.bulk.plan_pause([_target(app.cases.get(c.id)) for c in cases], WED, "Sygdom", WED)
    assert len(plan.steps) == 1 and len(plan.skipped) == 2  # the closed ones are named, not paused
    paused = app.bulk.run(plan)
    assert [p.reason for p in app.cases.get(cases[2].id).pauses] == ["Sygdom"]
    dues = {m.rule_id: m.due for m in app.cases.get(cases[2].id).milestones}
    app.bulk.undo(paused)
    [pause] = app.cases.get(cases[2].id).pauses
    assert pause.start == pause.end == WED  # ended the day it began: it counts no day
    assert {m.rule_id: m.due for m in app.cases.get(cases[2].id).milestones} == dues
    assert [e.action for e in app.audit(cases[2].id)].count("undo_pause") == 1
    app.bulk.undo(closed)
    assert {app.cases.get(c.id).status for c in cases} == {CaseStatus.OPEN}


def test_a_colleagues_change_in_between_changes_nothing(app: Frister) -> None:
    cases = _cases(app)
    plan = app.bulk.plan_close([_target(c) for c in cases], WED, WED)
    app.cases.update_notes(cases[2].id, "ringet op")  # someone else, after the plan was shown
    before = _snapshot(app)
    with pytest.raises(ConflictError):
        app.bulk.run(plan)
    assert _snapshot(app) == before


def test_the_version_seen_counts_not_the_one_at_planning(app: Frister) -> None:
    """The rows were read, a colleague changed one case, then the batch was planned: still refused."""
    cases = _cases(app, 3)
    seen = [_target(c) for c in cases]
    app.cases.update_notes(cases[1].id, "ringet op")
    for plan in (app.bulk.plan_close(seen, WED, WED), app.bulk.plan_pause(seen, WED, "Sygdom", WED),
                 app.bulk.plan_reassign(seen, [("bo.l", None)]),
                 app.bulk.plan_complete([_target(c, "kh_visitation") for c in cases], WED, WED)):  # fmt: skip
        before = _snapshot(app)
        with pytest.raises(ConflictError):
            app.bulk.run(plan)
        assert _snapshot(app) == before


def test_a_cancel_midway_rolls_the_whole_batch_back(app: Frister) -> None:
    cases = _cases(app)
    before = _snapshot(app)
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2  # cancel after two cases were changed inside the transaction

    with pytest.raises(Cancelled):
        app.bulk.run(app.bulk.plan_close([_target(c) for c in cases], WED, WED), progress)
    assert seen == [(0, 4), (1, 4), (2, 4)]
    assert _snapshot(app) == before


def test_undo_is_refused_whole_when_a_case_changed_since(app: Frister) -> None:
    cases = _cases(app, 2)
    done = app.bulk.run(app.bulk.plan_reassign([_target(c) for c in cases], [("bo.l", None)]))
    app.cases.update_notes(cases[1].id, "ny bemærkning")
    before = _snapshot(app)
    with pytest.raises(ConflictError):
        app.bulk.undo(done)
    assert _snapshot(app) == before


def test_nothing_to_do_says_why(app: Frister) -> None:
    [case] = _cases(app, 1)
    app.cases.close(case.id, WED)
    plan = app.bulk.plan_close([_target(app.cases.get(case.id))], WED, WED)
    with pytest.raises(ServiceError, match="er allerede lukket"):
        app.bulk.run(plan)
