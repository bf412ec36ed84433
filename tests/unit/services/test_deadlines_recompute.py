"""Worklist classification, calendar day summaries, and recompute (preview, then apply) after calendar changes.

Hand-counted scenario, seen on Tue 10 Mar 2026 (March 2026 has no holidays):
  A kontanthjælp, first attendance Fri 6 Mar: kh_visitation 2 wd -> Tue 10 Mar (due today)
                                              kh_ydelse     5 wd -> Fri 13 Mar (3 wd left: due soon)
  B dagpenge, registered Mon 2 Mar:           dp_telefon    5 wd -> Mon 9 Mar  (overdue)
                                              dp_samtale 4 weeks -> Mon 30 Mar (later)
  C fastholdelse, first contact Mon 9 Mar:    fh_samtale 1 week -> Mon 16 Mar (4 wd left: later)
                                              fh_moedetilbud    -> Mon 23 Mar (provisional)
  D kontanthjælp, first attendance Mon 9 Mar, case paused since Tue 10 Mar (still open):
                                              kh_visitation -> Wed 11 Mar (paused)
                                              kh_ydelse     -> Mon 16 Mar (paused)
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date, datetime

import pytest

from jobcenter_desktop.core.models import DeadlineFilter, MilestoneState
from jobcenter_desktop.core.urgency import Urgency, most_urgent
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError

TODAY = date(2026, 3, 10)



@pytest.fixture
def app(backend):  # type: ignore[no-untyped-def]
    """Calendar settings and recompute are an administrator's on the team database (caseworkers read them)."""
    return backend.open("adam.a" if backend.kind == "postgresql" else "anna.k", "Team Vest")

def _scenario(app: Frister) -> None:
    reg = app.cases.register
    reg(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235", {"foerste_fremmoede": date(2026, 3, 6)}), TODAY)
    reg(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": date(2026, 3, 2)}), TODAY)
    reg(NewCase("fastholdelse", "Peter Møller", "030375-1234", {"foerste_henvendelse": date(2026, 3, 9)}), TODAY)
    d = reg(NewCase("kontanthjaelp", "Fatima Ahmed", "040480-1234", {"foerste_fremmoede": date(2026, 3, 9)}), TODAY)
    app.cases.pause(d.id, date(2026, 3, 10), "Sygdom", TODAY)


@pytest.fixture
def scenario(app: Frister) -> Frister:
    _scenario(app)
    return app


@pytest.fixture(scope="module")
def shared_scenario(tmp_path_factory: pytest.TempPathFactory):
    """Read-only use only: built once for the classification tests."""
    app = Frister.open(tmp_path_factory.mktemp("scenario") / "frister.sqlite3", actor="anna.k")
    _scenario(app)
    yield app
    app.close()


EXPECTED = [
    ("2026-00002", "dp_telefon", date(2026, 3, 9), Urgency.OVERDUE, -1),
    ("2026-00001", "kh_visitation", date(2026, 3, 10), Urgency.DUE_TODAY, 0),
    ("2026-00004", "kh_visitation", date(2026, 3, 11), Urgency.PAUSED, 1),
    ("2026-00001", "kh_ydelse", date(2026, 3, 13), Urgency.DUE_SOON, 3),
    ("2026-00003", "fh_samtale", date(2026, 3, 16), Urgency.LATER, 4),
    ("2026-00004", "kh_ydelse", date(2026, 3, 16), Urgency.PAUSED, 4),
    ("2026-00003", "fh_moedetilbud", date(2026, 3, 23), Urgency.PROVISIONAL, 9),
    ("2026-00002", "dp_samtale", date(2026, 3, 30), Urgency.LATER, 14),
]


def _stored(app: Frister) -> dict[tuple[str, str], date | None]:
    rows = app.deadlines.list(DeadlineFilter(), TODAY)
    return {(r.case_number, r.rule_id): r.due for r in rows}


# ---------------------------------------------------------------- classification
def test_list_classifies_every_row_for_a_fixed_day(shared_scenario: Frister) -> None:
    rows = shared_scenario.deadlines.list(DeadlineFilter(), TODAY)
    assert [(r.case_number, r.rule_id, r.due, r.urgency, r.working_days_left) for r in rows] == EXPECTED
    names = {r.rule_id: (r.milestone_name, r.group_name) for r in rows}
    assert names["dp_telefon"] == ("Telefonisk kontakt", "Dagpenge")
    assert names["fh_moedetilbud"] == ("Tilbud om mødedato på arbejdspladsen", "Fastholdelse ved længerevarende sygdom")


def test_classification_depends_on_the_day(shared_scenario: Frister) -> None:
    # Seen on Thu 5 Mar: dp_telefon (Mon 9 Mar) is 2 working days away, kh_visitation (Tue 10 Mar) 3: both soon;
    # kh_ydelse (Fri 13 Mar) is 6 away: later.
    rows = {(r.case_number, r.rule_id): (r.urgency, r.working_days_left)
            for r in shared_scenario.deadlines.list(DeadlineFilter(), date(2026, 3, 5))}  # fmt: skip
    assert rows[("2026-00002", "dp_telefon")] == (Urgency.DUE_SOON, 2)
    assert rows[("2026-00001", "kh_visitation")] == (Urgency.DUE_SOON, 3)
    assert rows[("2026-00001", "kh_ydelse")] == (Urgency.LATER, 6)
    # A week later (Tue 17 Mar) everything dated up to Mon 16 Mar and not paused or provisional is overdue.
    later = {(r.case_number, r.rule_id): r.urgency
             for r in shared_scenario.deadlines.list(DeadlineFilter(), date(2026, 3, 17))}  # fmt: skip
    assert later == {
        ("2026-00002", "dp_telefon"): Urgency.OVERDUE,
        ("2026-00001", "kh_visitation"): Urgency.OVERDUE,
        ("2026-00004", "kh_visitation"): Urgency.PAUSED,
        ("2026-00001", "kh_ydelse"): Urgency.OVERDUE,
        ("2026-00003", "fh_samtale"): Urgency.OVERDUE,
        ("2026-00004", "kh_ydelse"): Urgency.PAUSED,
        ("2026-00003", "fh_moedetilbud"): Urgency.PROVISIONAL,
        ("2026-00002", "dp_samtale"): Urgency.LATER,
    }


def test_list_filters_by_state(shared_scenario: Frister) -> None:
    f = DeadlineFilter(states=frozenset({Urgency.OVERDUE, Urgency.DUE_TODAY}))
    rows = shared_scenario.deadlines.list(f, TODAY)
    assert [(r.case_number, r.rule_id) for r in rows] == [("2026-00002", "dp_telefon"), ("2026-00001", "kh_visitation")]


def test_due_soon_threshold_is_a_setting(scenario: Frister) -> None:
    app = scenario
    app.settings.set_due_soon_days(1)
    rows = {(r.case_number, r.rule_id): r.urgency for r in app.deadlines.list(DeadlineFilter(), date(2026, 3, 5))}
    assert rows[("2026-00002", "dp_telefon")] is Urgency.LATER  # 2 working days away > 1
    assert rows[("2026-00001", "kh_visitation")] is Urgency.LATER
    rows = {(r.case_number, r.rule_id): r.urgency for r in app.deadlines.list(DeadlineFilter(), date(2026, 3, 6))}
    assert rows[("2026-00002", "dp_telefon")] is Urgency.DUE_SOON  # Fri 6 -> Mon 9: 1 working day
    with pytest.raises(ValidationError, match="0–30"):
        app.settings.set_due_soon_days(31)


def test_done_milestones_are_classified_on_time_or_late(scenario: Frister) -> None:
    app = scenario
    b = app.cases.by_number("2026-00002")
    telefon = next(m for m in b.milestones if m.rule_id == "dp_telefon")
    app.cases.complete(telefon.id, TODAY, TODAY)  # due Mon 9 Mar, done Tue 10 Mar
    rows = app.deadlines.list(DeadlineFilter(case_id=b.id), TODAY)
    assert [(r.rule_id, r.urgency) for r in rows] == [("dp_telefon", Urgency.DONE_LATE), ("dp_samtale", Urgency.LATER)]
    assert ("2026-00002", "dp_telefon") not in _stored(app)  # the worklist shows open milestones only


# ---------------------------------------------------------------- calendar day summary
def test_day_summary_counts_and_most_urgent_state(shared_scenario: Frister) -> None:
    summary = shared_scenario.deadlines.day_summary(date(2026, 3, 9), date(2026, 3, 16), DeadlineFilter(), TODAY)
    assert summary == {
        date(2026, 3, 9): (1, Urgency.OVERDUE),
        date(2026, 3, 10): (1, Urgency.DUE_TODAY),
        date(2026, 3, 11): (1, Urgency.PAUSED),
        date(2026, 3, 13): (1, Urgency.DUE_SOON),
        date(2026, 3, 16): (2, Urgency.PAUSED),  # fh_samtale (later) + D's kh_ydelse (paused): paused wins
    }
    only_b = shared_scenario.deadlines.day_summary(date(2026, 3, 1), date(2026, 3, 31),
                                                   DeadlineFilter(group="dagpenge"), TODAY)  # fmt: skip
    assert only_b == {date(2026, 3, 9): (1, Urgency.OVERDUE), date(2026, 3, 30): (1, Urgency.LATER)}


# ---------------------------------------------------------------- recompute after a closure day
def test_closure_day_moves_nothing_until_recompute_is_applied(scenario: Frister) -> None:
    app = scenario
    before = _stored(app)
    assert before == {(c, r): d for c, r, d, _, _ in EXPECTED}

    app.settings.add_closure(date(2026, 3, 12), "Personaledag")
    assert _stored(app) == before  # a calendar change alone moves no stored date
    assert app.settings.calendar().closures == {date(2026, 3, 12): "Personaledag"}

    # Thu 12 Mar is no longer a working day. Only working-day counts across it move:
    #   A kh_ydelse from Fri 6 Mar: 9, 10, 11, 13, 16 -> Mon 16 Mar (was Fri 13)
    #   D kh_ydelse from Mon 9 Mar: 10, 11, 13, 16, 17 -> Tue 17 Mar (was Mon 16)
    # Week-based dates (fh_samtale Mon 16, dp_samtale Mon 30) land on working days and stay.
    preview = app.recompute.preview()
    expected_moves = [
        ("2026-00001", "kh_ydelse", date(2026, 3, 13), date(2026, 3, 16), 3),
        ("2026-00004", "kh_ydelse", date(2026, 3, 16), date(2026, 3, 17), 1),
    ]
    assert [(m.case_number, m.rule_id, m.before, m.after, m.days) for m in preview] == expected_moves
    assert _stored(app) == before  # preview writes nothing
    assert app.recompute.preview() == preview

    applied = app.recompute.apply("Ny lukkedag 12-03-2026")
    assert [(m.case_number, m.rule_id, m.before, m.after) for m in applied] == [e[:4] for e in expected_moves]
    after = _stored(app)
    assert after == {**before, ("2026-00001", "kh_ydelse"): date(2026, 3, 16),
                     ("2026-00004", "kh_ydelse"): date(2026, 3, 17)}  # fmt: skip

    audit = [e for e in app.audit() if e.action == "recompute"]
    per_milestone = sorted((e.actor, e.entity_id, e.field, e.before, e.after, e.reason)
                           for e in audit if e.entity == "milestone")  # fmt: skip
    assert per_milestone == [
        (scenario.ctx.actor, "2026-00001/kh_ydelse", "due", "2026-03-13", "2026-03-16", "Ny lukkedag 12-03-2026"),
        (scenario.ctx.actor, "2026-00004/kh_ydelse", "due", "2026-03-16", "2026-03-17", "Ny lukkedag 12-03-2026"),
    ]
    assert [(e.entity, e.after, e.reason) for e in audit if e.entity == "system"] == [
        ("system", "2 frister flyttet", "Ny lukkedag 12-03-2026")]  # fmt: skip
    closure_audit = [(e.entity, e.entity_id, e.after) for e in app.audit() if e.entity == "closure_day"]
    assert closure_audit == [("closure_day", "2026-03-12", "Personaledag")]

    assert app.recompute.preview() == []  # nothing left to move
    # The moved milestone explains itself with the closure day.
    a = app.cases.by_number("2026-00001")
    steps = next(m.steps for m in a.milestones if m.rule_id == "kh_ydelse")
    assert any("Lukkedag: Personaledag" in step for step in steps)

    # Removing the closure day again and recomputing restores the original dates.
    assert app.settings.remove_closure(date(2026, 3, 12))
    assert [(m.case_number, m.rule_id, m.after) for m in app.recompute.preview()] == [
        ("2026-00001", "kh_ydelse", date(2026, 3, 13)), ("2026-00004", "kh_ydelse", date(2026, 3, 16))]  # fmt: skip
    app.recompute.apply("Lukkedag fjernet")
    assert _stored(app) == before


def test_recompute_leaves_done_and_closed_milestones_alone(scenario: Frister) -> None:
    app = scenario
    a = app.cases.by_number("2026-00001")
    ydelse = next(m for m in a.milestones if m.rule_id == "kh_ydelse")
    app.cases.complete(ydelse.id, TODAY, TODAY)
    app.cases.close(app.cases.by_number("2026-00004").id, TODAY)
    app.settings.add_closure(date(2026, 3, 12), "Personaledag")
    assert app.recompute.preview() == []  # the only two movable milestones are done / not applicable
    assert app.recompute.apply("Lukkedag") == []
    done = next(m for m in app.cases.get(a.id).milestones if m.rule_id == "kh_ydelse")
    assert (done.due, done.done_on) == (date(2026, 3, 13), TODAY)


# ---------------------------------------------------------------- Grundlovsdag setting
def test_grundlovsdag_as_working_day_moves_deadlines_back_on_recompute(app: Frister) -> None:
    # Thu 4 Jun 2026; Fri 5 Jun is Grundlovsdag (off by default).
    #   kh_visitation 2 wd: (5 Jun off) Mon 8, Tue 9 -> Tue 9 Jun; with 5 Jun as a working day: 5, 8 -> Mon 8 Jun
    #   kh_ydelse 5 wd: 8, 9, 10, 11, 12 -> Fri 12 Jun; with 5 Jun working: 5, 8, 9, 10, 11 -> Thu 11 Jun
    today = date(2026, 6, 4)
    case = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235",
                                      {"foerste_fremmoede": today}), today)  # fmt: skip
    dues = {m.rule_id: m.due for m in case.milestones}
    assert (dues["kh_visitation"], dues["kh_ydelse"]) == (date(2026, 6, 9), date(2026, 6, 12))

    app.settings.set_calendar_flag("grundlovsdag", False)
    assert app.settings.calendar().grundlovsdag_off is False
    assert app.calendar.is_working_day(date(2026, 6, 5))
    assert {m.rule_id: m.due for m in app.cases.get(case.id).milestones} == dues  # unchanged until recompute

    preview = app.recompute.preview()
    assert [(m.rule_id, m.before, m.after, m.days) for m in preview] == [
        ("kh_visitation", date(2026, 6, 9), date(2026, 6, 8), -1),
        ("kh_ydelse", date(2026, 6, 12), date(2026, 6, 11), -1),
    ]
    app.recompute.apply("Grundlovsdag er en arbejdsdag")
    moved = {m.rule_id: m.due for m in app.cases.get(case.id).milestones}
    assert (moved["kh_visitation"], moved["kh_ydelse"]) == (date(2026, 6, 8), date(2026, 6, 11))
    setting = [(e.entity, e.entity_id, e.before, e.after) for e in app.audit() if e.entity == "setting"]
    assert setting == [("setting", "calendar.grundlovsdag_off", "", "0")]
    assert app.recompute.preview() == []

    # Switching it back on (the default) moves them forward again, in the same two steps.
    app.settings.set_calendar_flag("grundlovsdag", True)
    assert [(m.rule_id, m.after) for m in app.recompute.preview()] == [
        ("kh_visitation", date(2026, 6, 9)), ("kh_ydelse", date(2026, 6, 12))]  # fmt: skip


def test_unknown_calendar_flag_is_refused(app: Frister) -> None:
    with pytest.raises(ValidationError, match="Ukendt kalenderindstilling"):
        app.settings.set_calendar_flag("sankthans", False)


def test_bulk_preview_names_exactly_what_apply_moves(app: Frister, backend) -> None:  # type: ignore[no-untyped-def]
    """The preview runs the vectorised planner (core.bulk); apply runs plan_case case by case. Over a few
    hundred generated cases (pauses, chains, hours, done milestones) both must name the same moves."""
    from jobcenter_desktop.services import demo

    demo.generate(backend.open_owner().ctx, 300, date(2026, 3, 10))  # demo staff: created by the owner
    for case in app.cases.search(limit=60)[::2]:  # finished pauses that span the new closure days
        with contextlib.suppress(ServiceError):  # some generated cases are paused already
            app.cases.pause(case.id, date(2026, 3, 9), "Sygdom", date(2026, 3, 10))
            app.cases.resume(case.id, date(2026, 3, 24), date(2026, 3, 24))
    for day in (date(2026, 3, 12), date(2026, 3, 20), date(2026, 4, 1), date(2026, 2, 27)):
        app.settings.add_closure(day, "Personaledag")
    app.settings.set_calendar_flag("grundlovsdag", False)

    def key(m):
        return (m.milestone_id, m.case_number, m.rule_id, m.before, m.after)

    versions_before = _case_versions(app)
    preview = app.recompute.preview()
    assert len(preview) > 20  # a real test: many dates move
    applied = app.recompute.apply("Nye lukkedage")
    assert sorted(map(key, preview)) == sorted(map(key, applied))
    assert app.recompute.preview() == []
    # Apply writes with bulk statements: what it stored must be exactly what plan_case gives for every case.
    moved = {(m.case_number, m.rule_id) for m in applied}
    _assert_stored_equals_plan_case(app, moved)
    versions_after = _case_versions(app)
    moved_cases = {n for n, _ in moved}
    assert {n for n in versions_after if versions_after[n] != versions_before[n]} == moved_cases  # only those
    assert all(versions_after[n] == versions_before[n] + 1 for n in moved_cases)
    audit = {(e.entity_id, e.before, e.after) for e in app.audit() if e.action == "recompute" and e.field == "due"}
    assert audit == {(f"{m.case_number}/{m.rule_id}", _text(m.before), _text(m.after)) for m in applied}


def _text(v: date | datetime | None) -> str:
    return "" if v is None else v.strftime("%Y-%m-%dT%H:%M") if isinstance(v, datetime) else v.isoformat()


def _case_versions(app: Frister) -> dict[str, int]:
    from jobcenter_desktop.storage.repository import Repository

    with app.ctx.read() as s:
        repo = Repository(s)
        return {c.number: c.version for c in repo.load_cases(repo.open_case_ids())}


def _assert_stored_equals_plan_case(app: Frister, moved: set[tuple[str, str]]) -> None:
    from jobcenter_desktop.core.deadlines import plan_case
    from jobcenter_desktop.core.stored import case_facts
    from jobcenter_desktop.storage.repository import Repository

    checked = 0
    with app.ctx.read() as s:
        repo = Repository(s)
        for case in repo.load_cases(repo.open_case_ids()):
            plan = plan_case(app.ctx.catalogue_of(case.catalogue_id), app.calendar, case_facts(case))
            for ms in case.milestones:
                if ms.state != MilestoneState.OPEN.value:
                    continue
                d = plan[ms.rule_id]
                want = (d.due, d.due_at, d.provisional, d.warn_from) if d else (None, None, False, None)
                assert (ms.due_on, ms.due_at, ms.provisional, ms.warn_on) == want, (case.number, ms.rule_id)
                if (case.number, ms.rule_id) in moved:  # unmoved milestones keep the steps they were stored with
                    assert ms.explanation == "\n".join(d.steps if d else ()), (case.number, ms.rule_id)
                    assert ms.calendar_fingerprint == app.calendar.settings.fingerprint()
                checked += 1
    assert checked > 150


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory):
    from jobcenter_desktop.services import demo

    app = Frister.open(tmp_path_factory.mktemp("demo") / "frister.sqlite3", actor="anna.k")
    demo.generate(app.ctx, 400, date(2026, 3, 10))
    paused_milestones = 0
    for i, case in enumerate(app.cases.search(limit=40, newest_first=True)[::2]):  # open pauses, half on one milestone
        open_ms = [m for m in app.cases.get(case.id).milestones if m.state is MilestoneState.OPEN and m.due]
        target = open_ms[0].id if i % 2 and open_ms else None
        with contextlib.suppress(ServiceError):  # some generated cases are paused already
            app.cases.pause(case.id, date(2026, 3, 9), "Sygdom", date(2026, 3, 10), milestone_id=target)
            paused_milestones += target is not None
    assert paused_milestones > 3
    yield app
    app.close()


@pytest.mark.parametrize(
    "f",
    [DeadlineFilter(), DeadlineFilter(caseworker="anna.k"), DeadlineFilter(team="Team Øst"),
     DeadlineFilter(group="kontanthjaelp"), DeadlineFilter(text="møller"), DeadlineFilter(include_done=True),
     DeadlineFilter(states=frozenset({Urgency.OVERDUE, Urgency.PAUSED})),
     DeadlineFilter(caseworker="bo.l", include_done=True, text="a")],
    ids=["all", "caseworker", "team", "group", "text", "done", "states", "combined"],
)  # fmt: skip
def test_calendar_counts_in_sql_equal_counting_the_worklist_rows(demo_app: Frister, f: DeadlineFilter) -> None:
    """day_summary counts in the database; list() classifies row by row. Same days, counts and states."""
    today, start, end = date(2026, 3, 10), date(2026, 1, 26), date(2026, 4, 26)
    now = datetime(2026, 3, 10, 12, 0)
    expected: dict[date, tuple[int, Urgency]] = {}
    rows = demo_app.deadlines.list(replace(f, date_from=start, date_to=end), today, now)
    for r in rows:
        assert r.due is not None
        n, state = expected.get(r.due, (0, r.urgency))
        expected[r.due] = (n + 1, most_urgent([state, r.urgency]))  # type: ignore[assignment]
    got = demo_app.deadlines.day_summary(start, end, f, today, now)
    assert got == expected
    assert sum(n for n, _ in got.values()) == len(rows) > 0


def test_a_deadline_overdue_before_the_pause_stays_overdue(app: Frister) -> None:
    """kh_visitation (due Wed 4 Mar) is overdue when the case is paused on Mon 9 Mar: the pause does not hide
    it. kh_ydelse (due Mon 9 Mar, the pause's first day) is held by the pause. The worklist and the calendar's
    counts agree, and the rows say since when and why."""
    mon = date(2026, 3, 2)
    case = app.cases.register(NewCase("kontanthjaelp", "Testperson", "010190-1235", {"foerste_fremmoede": mon}), mon)
    dues = {m.rule_id: m.due for m in case.milestones}
    assert dues["kh_visitation"] == date(2026, 3, 4) and dues["kh_ydelse"] == date(2026, 3, 9)
    pause_day, today = date(2026, 3, 9), date(2026, 3, 10)
    app.cases.pause(case.id, pause_day, "Sygdom", today)
    rows = {r.rule_id: r for r in app.deadlines.list(DeadlineFilter(case_id=case.id), today)}
    assert rows["kh_visitation"].urgency is Urgency.OVERDUE
    assert rows["kh_ydelse"].urgency is Urgency.PAUSED
    assert {(r.paused_since, r.pause_reason) for r in rows.values()} == {(pause_day, "Sygdom")}
    summary = app.deadlines.day_summary(date(2026, 3, 1), date(2026, 3, 31), DeadlineFilter(case_id=case.id), today)
    assert summary[date(2026, 3, 4)] == (1, Urgency.OVERDUE)
    assert summary[date(2026, 3, 9)] == (1, Urgency.PAUSED)


def test_a_pause_with_an_expected_end_reminds_once_it_has_passed(app: Frister) -> None:
    mon = date(2026, 3, 2)
    case = app.cases.register(NewCase("kontanthjaelp", "Testperson", "010190-1235", {"foerste_fremmoede": mon}), mon)
    with pytest.raises(ValidationError, match="før pausens start"):
        app.cases.pause(case.id, date(2026, 3, 3), "Sygdom", mon, expected_end=date(2026, 3, 2))
    paused = app.cases.pause(case.id, date(2026, 3, 3), "Sygdom", mon, expected_end=date(2026, 3, 6))
    [pause] = paused.pauses
    assert pause.expected_end == date(2026, 3, 6)
    dues_before = {m.rule_id: m.due for m in paused.milestones}
    on_time = app.deadlines.list(DeadlineFilter(case_id=case.id), date(2026, 3, 6))
    late = app.deadlines.list(DeadlineFilter(case_id=case.id), date(2026, 3, 9))
    assert {r.pause_expected_end for r in late} == {date(2026, 3, 6)}
    assert not any(r.pause_past_expected_end for r in on_time) and all(r.pause_past_expected_end for r in late)
    # The expected end moves nothing by itself: only the real resume does.
    assert {m.rule_id: m.due for m in app.cases.get(case.id).milestones} == dues_before



def test_a_milestone_the_catalogue_no_longer_has_keeps_its_date_on_apply(scenario: Frister) -> None:
    """A newer catalogue version that drops a rule or a whole group: apply rewrites the explanations of the
    milestones it still plans, and leaves the others exactly as stored (never a date wiped without a move)."""
    from sqlalchemy import text

    app = scenario
    with app.ctx.write() as s:
        s.execute(text("UPDATE milestone SET catalogue_version = 'old'"))
        s.execute(text("UPDATE milestone SET rule_id = 'dropped_rule' WHERE rule_id = 'dp_samtale'"))
        s.execute(text("UPDATE cases SET group_id = 'dropped_group' WHERE number = '2026-00003'"))
    before = {(r.case_number, r.rule_id): (r.due, r.due_at) for r in app.deadlines.list(DeadlineFilter(), TODAY)}
    assert ("2026-00002", "dropped_rule") in before and ("2026-00003", "fh_samtale") in before
    assert app.recompute.preview() == []
    # The case that "lost" dp_samtale gets it again (the catalogue has it: sync_case adds it, as before).
    applied = app.recompute.apply("Nyt katalog")
    assert [(m.case_number, m.rule_id, m.before, m.after) for m in applied] == [
        ("2026-00002", "dp_samtale", None, date(2026, 3, 30))]
    after = {(r.case_number, r.rule_id): (r.due, r.due_at) for r in app.deadlines.list(DeadlineFilter(), TODAY)}
    assert after == {**before, ("2026-00002", "dp_samtale"): (date(2026, 3, 30), None)}
    case = app.cases.get(app.cases.by_number("2026-00001").id)
    assert all(m.steps for m in case.milestones if m.due is not None)  # still planned: steps written again
