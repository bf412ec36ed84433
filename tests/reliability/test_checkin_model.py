"""Random scenarios of laptop work against the real team database: cases checked out to one or two laptop
files, random operations on the server (a colleague, bo.l) and on each laptop (anna.k), then check-in, then
the invariants of issue 13:

- no change made on either side is lost without appearing in the merged result or in the conflict list, and a
  server-side change is never overwritten (the rules are restated here from the outside, on CaseRecords);
- no record duplicated (cases, milestones, pauses);
- the audit union is complete: every entry the laptop has is on the server;
- stored due dates equal a fresh computation from the merged facts;
- a second check-in of the same file changes nothing.

SCENARIOS (default 300, JOBCENTER_CHECKIN_SCENARIOS to change) run per CI run; the summary prints what they did.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcenter_desktop.core.deadlines import plan_case
from jobcenter_desktop.core.merge import DELETED, decode
from jobcenter_desktop.core.models import CaseRecord
from jobcenter_desktop.core.stored import case_facts
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage.repository import Repository

SCENARIOS = int(os.environ.get("JOBCENTER_CHECKIN_SCENARIOS", "300"))
TODAY = date(2026, 11, 23)
STATS: Counter[str] = Counter()

OPS = ("complete", "undo", "pause", "resume", "trigger", "reassign", "notes", "close", "reopen", "new")
op = st.tuples(st.sampled_from(("server", "lap0", "lap1")), st.sampled_from(OPS), st.integers(0, 3),
               st.integers(0, 6))  # fmt: skip
scenario = st.tuples(st.integers(1, 3), st.booleans(), st.lists(op, max_size=10))


@pytest.fixture(scope="module")
def world(pg_server, tmp_path_factory):  # type: ignore[no-untyped-def]
    name = pg_server.new_database()
    anna, bo = Frister.open(pg_server.url("anna.k", name)), Frister.open(pg_server.url("bo.l", name))
    yield anna, bo, tmp_path_factory.mktemp("laptops")
    anna.close()
    bo.close()
    pg_server.drop(name)


def _do(app: Frister, kind: str, case: CaseRecord, k: int, seq: int) -> bool:
    """One operation; False when it does not apply to the case as it is (a refused op is a no-op)."""
    c = app.cases.get(case.id)
    day = TODAY - timedelta(days=k % 3)
    try:
        if kind == "complete":
            ms = [m for m in c.milestones if m.state.value == "open" and m.due is not None]
            app.cases.complete(ms[k % len(ms)].id, day, TODAY, expected_version=c.version) if ms else None
            return bool(ms)
        if kind == "undo":
            ms = [m for m in c.milestones if m.state.value == "done"]
            app.cases.undo_complete(ms[k % len(ms)].id, TODAY, expected_version=c.version) if ms else None
            return bool(ms)
        if kind == "pause":
            app.cases.pause(c.id, day, f"Grund {seq}", TODAY, expected_version=c.version)
        elif kind == "resume":
            app.cases.resume(c.id, TODAY, TODAY, expected_version=c.version)
        elif kind == "trigger":
            app.cases.add_trigger(c.id, "ledigmelding", TODAY - timedelta(days=k), TODAY, expected_version=c.version)
        elif kind == "reassign":
            to = ("anna.k", "bo.l", "carla.m")[k % 3]
            app.cases.reassign(c.id, to, "Team Vest", TODAY, expected_version=c.version)
        elif kind == "notes":
            app.cases.update_notes(c.id, f"note {seq} fra {app.ctx.actor}", expected_version=c.version)
        elif kind == "close":
            app.cases.close(c.id, day, expected_version=c.version)
        elif kind == "reopen":
            app.cases.reopen(c.id, TODAY, expected_version=c.version)
    except ServiceError:
        return False
    return True


def _values(c: CaseRecord) -> dict[tuple[str, str, str], object]:
    """Every mergeable value of a case, read through the public records (not the merge's own functions)."""
    out: dict[tuple[str, str, str], object] = {
        ("case", "", "status"): (c.status.value, c.closed_on),
        ("case", "", "caseworker"): (c.caseworker, c.team),
        ("case", "", "notes"): c.notes,
    }
    for m in c.milestones:
        out[("milestone", m.rule_id, "done")] = (m.state.value, m.done_on)
    for t in c.triggers:
        out[("trigger", t.kind, "when")] = t.occurred
    for p in c.pauses:
        out[("pause", str(p.id), "pause")] = (p.start, p.end, p.reason, p.milestone_id)
    return out


def _conflicted(app: Frister, case_id: uuid.UUID) -> set[tuple[str, str, str]]:
    return {(c.record, c.record_key, c.field) for c in app.conflicts.list(case_id=case_id)}


def _snapshot(app: Frister, ids: list[uuid.UUID]) -> tuple[object, ...]:
    """The scenario's cases (every value and version), its conflicts and audit entries."""
    cases = sorted((c.number, c.version, tuple(sorted(_values(c).items(), key=str)))
                   for c in (app.cases.get(i) for i in ids))  # fmt: skip
    return tuple(cases), len(app.conflicts.list(open_only=False)), sum(len(app.audit(i)) for i in ids)


def _check_due_dates(app: Frister, ids: list[uuid.UUID]) -> None:
    with app.ctx.read() as s:
        stored = Repository(s).load_cases(ids)
    for case in stored:
        plan = plan_case(app.ctx.catalogue, app.ctx.calendar, case_facts(case))
        for m in case.milestones:
            if m.state == "open" and m.rule_id in plan:
                d = plan[m.rule_id]
                assert (m.due_on, m.due_at) == ((d.due, d.due_at) if d else (None, None)), (case.number, m.rule_id)


@settings(max_examples=SCENARIOS, deadline=None, derandomize=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])  # fmt: skip
@given(scenario)
def test_random_laptop_work_merges_without_losing_anything(world, s) -> None:  # type: ignore[no-untyped-def]
    anna, bo, folder = world
    n_cases, two_laptops, ops = s
    STATS["scenarios"] += 1
    tag = uuid.uuid4().hex[:6]
    cases = [anna.cases.register(NewCase("dagpenge", f"Fiktiv {tag} {i}", _cpr(), {"ledigmelding": TODAY},
                                         notes="start"), TODAY) for i in range(n_cases)]  # fmt: skip
    laptops: dict[str, Path] = {}
    for side in ("lap0", "lap1") if two_laptops else ("lap0",):
        laptops[side] = folder / f"{tag}-{side}.sqlite3"
        anna.checkouts.checkout(laptops[side], [c.id for c in cases], passphrase=None, device=f"{side}{tag}")
    opened = {side: Frister.open(path) for side, path in laptops.items()}
    try:
        for seq, (side, kind, ci, k) in enumerate(ops):
            app = bo if side == "server" else opened.get(side)
            if app is None:
                continue
            if kind == "new":
                try:
                    app.cases.register(NewCase("dagpenge", f"Fiktiv ny {tag} {seq}", _cpr(),
                                               {"ledigmelding": TODAY}), TODAY)  # fmt: skip
                    STATS[f"{side}:new"] += 1
                except ServiceError:
                    STATS["refused"] += 1
                continue
            ok = _do(app, kind, cases[ci % len(cases)], k, seq)
            STATS[f"{side}:{kind}" if ok else "refused"] += 1
    finally:
        laptop_state = {side: {c.id: c for c in (app.cases.get(x.id) for x in app.cases.search("", None))}
                        for side, app in opened.items()}  # fmt: skip
        laptop_audit = {side: {e.id for e in app.audit()} for side, app in opened.items()}
        for app in opened.values():
            app.close()

    base = {c.id: c for c in cases}  # both laptops checked the cases out as they were registered
    for side, path in laptops.items():
        server_before = {c.id: anna.cases.get(c.id) for c in cases}
        copy = path.with_name(path.name + ".kopi")
        shutil.copy(path, copy)
        report = anna.checkins.checkin(path, passphrase=None, today=TODAY, release=True)
        STATS["conflicts"] += report.conflicts
        STATS["changes"] += report.changes
        lap = laptop_state[side]
        for case_id, b in base.items():
            srv_b, lap_v, merged = _values(server_before[case_id]), _values(lap[case_id]), _values(
                anna.cases.get(case_id))  # fmt: skip
            base_v = _values(b)
            conflicts = _conflicted(anna, case_id)
            for key in set(base_v) | set(srv_b) | set(lap_v):
                bv, sv, lv, mv = base_v.get(key), srv_b.get(key), lap_v.get(key), merged.get(key)
                if sv != bv:  # the server's change is never overwritten …
                    assert mv == sv, (key, bv, sv, lv, mv)
                if lv not in (bv, sv):  # … and the laptop's lands or is listed
                    assert (mv == lv and sv == bv) or key in conflicts, (key, bv, sv, lv, mv, conflicts)
                elif sv is not None:
                    assert mv == sv, (key, bv, sv, lv, mv)
        # New laptop cases are on the server under a server number, or kept whole in a conflict.
        for case_id, c in lap.items():
            if case_id not in base:
                number = report.numbers.get(c.number)
                if number is not None:
                    assert anna.cases.by_number(number).party == c.party
                else:
                    assert any(x.field == "ny sag" and decode(x.laptop)["number"] == c.number
                               for x in anna.conflicts.list(case_id=case_id))  # fmt: skip
        # Every entry the laptop has is on the server.
        ids = [*base, *(anna.cases.by_number(n).id for n in report.numbers.values())]
        server_audit = {e.id for i in [*ids, *lap] for e in anna.audit(i)} | {e.id for e in anna.audit(None)
                                                                              if e.case_id is None}
        assert laptop_audit[side] <= server_audit
        # Due dates are a fresh computation from the merged facts; nothing duplicated.
        _check_due_dates(anna, ids)
        for case in (anna.cases.get(i) for i in base):
            assert len({m.rule_id for m in case.milestones}) == len(case.milestones)
            assert len({p.id for p in case.pauses}) == len(case.pauses)
        # A second check-in of the same file changes nothing.
        before = _snapshot(anna, ids)
        again = anna.checkins.checkin(copy, passphrase=None, today=TODAY, release=True)
        assert (again.applied, again.changes, again.conflicts) == (0, 0, 0)
        assert _snapshot(anna, ids) == before
    for c in anna.conflicts.list():  # leave the next scenario a clean conflict list
        anna.conflicts.resolve(c.id, keep="server", today=TODAY)
    assert DELETED not in {c.laptop for c in anna.conflicts.list(open_only=False)}


_SEQ = [0]


def _cpr() -> str:
    """A fresh, valid-looking fake CPR per case (day 01–28, month, year, a running number)."""
    _SEQ[0] += 1
    n = _SEQ[0]
    return f"{n % 28 + 1:02d}{n // 28 % 12 + 1:02d}{60 + n // 336 % 40:02d}-{1000 + n % 9000:04d}"


def test_the_scenarios_ran(summary) -> None:  # type: ignore[no-untyped-def]
    """Last in the module: how many scenarios ran, and what they did (the reliability summary)."""
    assert STATS["scenarios"] >= min(SCENARIOS, 300)
    done = {k: v for k, v in sorted(STATS.items()) if k != "scenarios"}
    summary(f"test_checkin_model: {STATS['scenarios']} random scenarios on PostgreSQL + laptop files: {done}")
