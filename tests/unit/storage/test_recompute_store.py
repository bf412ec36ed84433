"""The recompute's bulk read (plain day numbers and ids, no ORM rows) and its guarded bulk write, on both
databases: the columns must say exactly what the stored cases say, and a case changed after the read must make
the write fail without a trace."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jobcenter_desktop.core.bulk import NO_TIME
from jobcenter_desktop.core.bulk_cases import MilestoneWrite, as_due
from jobcenter_desktop.core.models import MilestoneState
from jobcenter_desktop.core.stored import case_facts
from jobcenter_desktop.services import demo
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.storage import recompute_store
from jobcenter_desktop.storage.repository import Repository, StaleCase

TODAY = date(2026, 3, 10)


@pytest.fixture
def filled(backend):  # type: ignore[no-untyped-def]
    demo.generate(backend.open_owner().ctx, 120, TODAY)
    app = backend.open("adam.a" if backend.kind == "postgresql" else "anna.k", "Team Vest")
    # an hours trigger with a time of day, and a case paused on one milestone
    app.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": datetime(2026, 3, 2, 14, 35)}),
                       TODAY)  # fmt: skip
    return app


def test_columns_say_what_the_stored_cases_say(filled) -> None:  # type: ignore[no-untyped-def]
    with filled.ctx.read() as s:
        cols = recompute_store.open_cases_columns(s)
        repo = Repository(s)
        stored = {c.id: c for c in repo.load_cases(repo.open_case_ids())}
    assert len(cols.keys) == len(stored) > 40
    by_id = {m_id: (i, j) for j, (m_id, i) in enumerate(zip(cols.milestones.keys, cols.milestones.case, strict=True))}
    seen = 0
    for i in range(len(cols.keys)):
        case = stored[cols.case_id(i)]
        assert (cols.numbers[i], int(cols.versions[i]), cols.facts.groups[i]) == (case.number, case.version, case.group)
        if not cols.facts.paused[i]:
            assert _facts(cols.facts_of(i)) == _facts(case_facts(case))  # triggers (times of day too), completions
        for ms in case.milestones:
            assert bool(cols.present[ms.rule_id][i])
            if ms.state != MilestoneState.OPEN.value:
                continue
            found = [j for m_key, (ci, j) in by_id.items() if ci == i and cols.milestones.rule[j] == ms.rule_id]
            assert len(found) == 1
            j = found[0]
            m = cols.milestones
            assert as_due(int(m.day[j]), int(m.minute[j])) == (ms.due_at or ms.due_on)
            assert (int(m.warn[j]) or None) == (ms.warn_on.toordinal() if ms.warn_on else None)
            assert (bool(m.provisional[j]), m.catalogue_version[j]) == (ms.provisional, ms.catalogue_version)
            seen += 1
    assert seen > 60
    assert any(m != NO_TIME for m in cols.milestones.minute)  # the hours milestone kept its time of day


def _facts(f):  # type: ignore[no-untyped-def]
    """What the planner reads (a pause's reason only reaches the steps: the columns leave it out)."""
    return f.group, dict(f.triggers), dict(f.completions), [(p.start, p.end) for p in f.case_pauses], dict(f.pauses)


def test_a_case_changed_after_the_read_fails_the_whole_write(filled) -> None:  # type: ignore[no-untyped-def]
    with filled.ctx.read() as s:
        cols = recompute_store.open_cases_columns(s)
    a, b = 0, 1
    ja = next(j for j in range(len(cols.milestones)) if cols.milestones.case[j] == a)
    jb = next(j for j in range(len(cols.milestones)) if cols.milestones.case[j] == b)
    writes = [MilestoneWrite(cols.milestones.keys[j], date(2030, 1, 2), None, False, None, "x", "v", "f")
              for j in (ja, jb)]  # fmt: skip
    versions = {cols.keys[a]: int(cols.versions[a]), cols.keys[b]: int(cols.versions[b])}
    filled.cases.add_note(cols.case_id(b), "En kollega skrev imens")  # bumps case b's version
    with pytest.raises(StaleCase), filled.ctx.write() as s:
        recompute_store.write_moves(s, versions, writes, [])
    with filled.ctx.read() as s:
        repo = Repository(s)
        for case in repo.load_cases([cols.case_id(a), cols.case_id(b)]):
            assert all(ms.due_on != date(2030, 1, 2) for ms in case.milestones)  # neither was written
    # with the versions as they are now, the same write goes through and bumps both cases once
    with filled.ctx.read() as s:
        now = recompute_store.open_cases_columns(s)
    fresh = {now.keys[i]: int(now.versions[i]) for i in range(len(now.keys)) if now.keys[i] in versions}
    with filled.ctx.write() as s:
        recompute_store.write_moves(s, fresh, writes, [])
    with filled.ctx.read() as s:
        after = recompute_store.open_cases_columns(s)
    for i, key in enumerate(after.keys):
        if key in fresh:
            assert int(after.versions[i]) == fresh[key] + 1
    assert sum(1 for d in after.milestones.day if d == date(2030, 1, 2).toordinal()) == 2


@pytest.mark.parametrize("text", ["100%", "a%%b", "O'Brien", "50 % – ½", "x' OR '1'='1"])
def test_plain_rows_hands_back_values_as_they_are(backend, text: str) -> None:  # type: ignore[no-untyped-def]
    """plain_rows renders the values into the SQL: a % (psycopg's dialect writes it as %%) or a quote must come
    back, and compare, as the very same text on both databases."""
    from sqlalchemy import literal, select

    from jobcenter_desktop.storage.sql import plain_rows

    app = backend.open()
    with app.ctx.read() as s:
        value = literal(text)
        assert plain_rows(s, select(value, value == text, value.contains("%", autoescape=True))) == [
            (text, True, "%" in text)]
