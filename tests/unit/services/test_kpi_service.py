"""The timeliness figures (rettidighed) through the services layer, on both databases, against scenarios built
by hand where the right counts are known.

"Today" is Monday 30 Nov 2026, 12:00; the period is November 2026. No holiday falls in November, so working days
are plain weekdays. Every case is anna.k's in Team Vest unless said:

  A kontanthjælp, fremmøde Mon 2 Nov: kh_visitation Wed 4 Nov done 4 Nov (on time); kh_ydelse Mon 9 Nov done
    10 Nov (late).
  B kontanthjælp (bo.l), fremmøde Mon 16 Nov: kh_visitation Wed 18 Nov open (overdue); kh_ydelse Mon 23 Nov exempt.
  C dagpenge, ledigmelding Mon 23 Nov: dp_telefon Mon 30 Nov = today (not yet due); dp_samtale in December.
  D kontanthjælp, fremmøde Mon 9 Nov, paused since Tue 10 Nov: kh_visitation Wed 11 Nov and kh_ydelse Mon 16 Nov
    are held by the pause (not yet due).
  E kontanthjælp, fremmøde Mon 2 Nov, paused since Thu 5 Nov: kh_visitation Wed 4 Nov was overdue before the
    pause (overdue); kh_ydelse Mon 9 Nov is held (not yet due).
  F kontanthjælp, fremmøde Mon 16 Nov, closed Fri 20 Nov: kh_visitation Wed 18 Nov was overdue at the closing
    (overdue); kh_ydelse Mon 23 Nov was never due (left out).
  G handicap i erhverv, ansøgning Mon 5 Oct: hk_hjaelpemiddel +4 weeks Mon 2 Nov open (overdue);
    hk_personlig_assistance (soft, +6 weeks) Mon 16 Nov: the soft column only.
  H jobåbninger, henvendelse Mon 2 Nov 10:00: ja_kontakt (24 hours) done at its due instant (on time);
    ja_henvisning (+3 working days, Thu 5 Nov) open (overdue).
  I jobåbninger, henvendelse Mon 9 Nov 10:00: ja_kontakt done one minute after its due instant (late);
    ja_henvisning Thu 12 Nov done that day (on time).
  J fastholdelse (carla.m, Team Øst), henvendelse Mon 2 Nov: fh_samtale Mon 9 Nov open (overdue); fh_moedetilbud
    provisional, by its current due date Mon 16 Nov (overdue).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod
from jobcenter_desktop.core.models import CaseRecord
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError
from jobcenter_desktop.services.worklist import Scope

D = date
TODAY = D(2026, 11, 30)
NOW = datetime(2026, 11, 30, 12, 0)
NOV = KpiPeriod.month(2026, 11)
EVERYONE = Scope(everyone=True)
FIELDS = ("on_time", "late", "overdue", "exempt", "not_yet_due", "soft")


def _ms(case: CaseRecord, rule_id: str):  # type: ignore[no-untyped-def]
    return next(m for m in case.milestones if m.rule_id == rule_id)


def _add(app: Frister, group: str, name: str, ident: str, trigger: str, when: date | datetime, worker: str = "",
         team: str = "") -> CaseRecord:  # fmt: skip
    return app.cases.register(NewCase(group, name, ident, {trigger: when}, caseworker=worker, team=team), TODAY)


@pytest.fixture
def scenario(app: Frister) -> Frister:
    return build_scenario(app)


def build_scenario(app: Frister) -> Frister:
    c = app.cases
    a = _add(app, "kontanthjaelp", "Anders A", "010180-1111", "foerste_fremmoede", D(2026, 11, 2))
    c.complete(_ms(a, "kh_visitation").id, D(2026, 11, 4), TODAY)
    c.complete(_ms(a, "kh_ydelse").id, D(2026, 11, 10), TODAY)
    b = _add(app, "kontanthjaelp", "Bente B", "020280-2222", "foerste_fremmoede", D(2026, 11, 16), "bo.l", "Team Vest")
    c.exempt(_ms(b, "kh_ydelse").id, "Selv i job fra 1. december")
    _add(app, "dagpenge", "Carl C", "030380-3333", "ledigmelding", D(2026, 11, 23))
    d = _add(app, "kontanthjaelp", "Dorte D", "040480-4444", "foerste_fremmoede", D(2026, 11, 9))
    c.pause(d.id, D(2026, 11, 10), "Sygdom", TODAY)
    e = _add(app, "kontanthjaelp", "Erik E", "050580-5555", "foerste_fremmoede", D(2026, 11, 2))
    c.pause(e.id, D(2026, 11, 5), "Sygdom", TODAY)
    f = _add(app, "kontanthjaelp", "Frida F", "060680-6666", "foerste_fremmoede", D(2026, 11, 16))
    c.close(f.id, D(2026, 11, 20))
    _add(app, "handicap_erhverv", "Gitte G", "070780-7777", "ansoegning", D(2026, 10, 5))
    h = _add(app, "jobaabninger", "Hansens VVS ApS", "11111111", "henvendelse", datetime(2026, 11, 2, 10, 0))
    kontakt = _ms(h, "ja_kontakt")
    assert kontakt.due_at is not None and kontakt.due_at.month == 11
    c.complete(kontakt.id, kontakt.due_at.date(), TODAY, at=kontakt.due_at)  # at the due instant: on time
    i = _add(app, "jobaabninger", "Ibsens Is ApS", "22222222", "henvendelse", datetime(2026, 11, 9, 10, 0))
    kontakt = _ms(i, "ja_kontakt")
    assert kontakt.due_at is not None
    late = kontakt.due_at + timedelta(minutes=1)
    c.complete(kontakt.id, late.date(), TODAY, at=late)
    c.complete(_ms(i, "ja_henvisning").id, _ms(i, "ja_henvisning").due, TODAY)
    _add(app, "fastholdelse", "Jens J", "080880-8888", "foerste_henvendelse", D(2026, 11, 2), "carla.m", "Team Øst")
    return app


def _counts(row) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return tuple(getattr(row, f) for f in FIELDS)


def test_by_group_hand_counted(scenario: Frister) -> None:
    table = scenario.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW)
    got = {r.key: _counts(r) for r in table.rows}
    #             on_time late overdue exempt not_yet_due soft
    assert got == {
        "kontanthjaelp": (1, 1, 3, 1, 3, 0),
        "dagpenge": (0, 0, 0, 0, 1, 0),
        "handicap_erhverv": (0, 0, 1, 0, 0, 1),
        "jobaabninger": (2, 1, 1, 0, 0, 0),
        "fastholdelse": (0, 0, 2, 0, 0, 0),
    }
    assert _counts(table.total) == (3, 2, 7, 1, 4, 1)
    assert table.total.share_on_time == pytest.approx(3 / 12)
    kh = next(r for r in table.rows if r.key == "kontanthjaelp")
    assert kh.label == "Kontanthjælp (over 30 år)" and kh.share_on_time == pytest.approx(1 / 5)
    assert kh.target == 0.75 and kh.below_target  # the catalogue's target; below it
    dp = next(r for r in table.rows if r.key == "dagpenge")
    assert dp.share_on_time is None and not dp.below_target  # nothing counted yet: no share, not "below"
    assert kh.exempt_share == pytest.approx(1 / 6)


def test_by_caseworker_and_team(scenario: Frister) -> None:
    workers = {r.key: _counts(r) for r in scenario.kpi.table(NOV, Breakdown.CASEWORKER, EVERYONE, TODAY, NOW).rows}
    assert workers == {"anna.k": (3, 2, 4, 0, 4, 1), "bo.l": (0, 0, 1, 1, 0, 0), "carla.m": (0, 0, 2, 0, 0, 0)}
    teams = {r.key: _counts(r) for r in scenario.kpi.table(NOV, Breakdown.TEAM, EVERYONE, TODAY, NOW).rows}
    assert teams == {"Team Vest": (3, 2, 5, 1, 4, 1), "Team Øst": (0, 0, 2, 0, 0, 0)}
    only_east = scenario.kpi.table(NOV, Breakdown.GROUP, Scope(team="Team Øst"), TODAY, NOW)
    assert [(r.key, _counts(r)) for r in only_east.rows] == [("fastholdelse", (0, 0, 2, 0, 0, 0))]
    bo = scenario.kpi.table(NOV, Breakdown.MILESTONE, Scope(caseworker="bo.l"), TODAY, NOW)
    assert {r.key: _counts(r) for r in bo.rows} == {"kh_visitation": (0, 0, 1, 0, 0, 0),
                                                    "kh_ydelse": (0, 0, 0, 1, 0, 0)}  # fmt: skip


def test_hours_deadline_at_the_boundary_instant(app: Frister) -> None:
    """Done at the due instant is on time, a minute later is late; before the instant on its day it is not yet
    overdue, a minute after it is."""
    h = _add(app, "jobaabninger", "Hansens VVS ApS", "11111111", "henvendelse", datetime(2026, 11, 2, 10, 0))
    kontakt = _ms(h, "ja_kontakt")
    due_at = kontakt.due_at
    assert due_at is not None
    day = due_at.date()

    def bucket(now: datetime) -> tuple[int, ...]:
        row = next(r for r in app.kpi.table(NOV, Breakdown.MILESTONE, EVERYONE, day, now).rows if r.key == "ja_kontakt")
        return _counts(row)

    assert bucket(due_at) == (0, 0, 0, 0, 1, 0)
    assert bucket(due_at + timedelta(minutes=1)) == (0, 0, 1, 0, 0, 0)
    app.cases.complete(kontakt.id, day, TODAY, at=due_at)
    assert bucket(NOW) == (1, 0, 0, 0, 0, 0)
    app.cases.undo_complete(kontakt.id, TODAY)
    app.cases.complete(kontakt.id, day, TODAY, at=due_at + timedelta(minutes=1))
    assert bucket(NOW) == (0, 1, 0, 0, 0, 0)


def test_exempt_leaves_the_worklist_keeps_its_due_date_and_can_be_undone(app: Frister) -> None:
    case = _add(app, "kontanthjaelp", "Anders A", "010180-1111", "foerste_fremmoede", D(2026, 11, 2))
    ms = _ms(case, "kh_ydelse")
    done = app.cases.exempt(ms.id, "  Selv i job  ")
    after = _ms(done, "kh_ydelse")
    assert (after.state.value, after.due, after.exempt_reason) == ("exempt", ms.due, "Selv i job")
    from jobcenter_desktop.core.models import DeadlineFilter

    open_rules = {r.rule_id for r in app.deadlines.list(DeadlineFilter(caseworker="anna.k"), TODAY)}
    assert "kh_ydelse" not in open_rules and "kh_visitation" in open_rules
    with pytest.raises(ServiceError, match="allerede fritaget"):
        app.cases.exempt(ms.id, "igen")
    with pytest.raises(ServiceError, match="fritaget"):
        app.cases.complete(ms.id, TODAY, TODAY)
    with pytest.raises(ValidationError):
        app.cases.exempt(_ms(done, "kh_visitation").id, "   ")  # a reason is required
    back = app.cases.unexempt(ms.id)
    assert _ms(back, "kh_ydelse").state.value == "open" and _ms(back, "kh_ydelse").exempt_reason == ""
    actions = [e.action for e in app.audit(case.id)]
    assert "exempt" in actions and "unexempt" in actions


def test_an_exemption_without_a_reason_is_refused_by_the_database(app: Frister) -> None:
    """The CHECK constraint, not the service, is what holds: a raw UPDATE is refused on both databases."""
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    from jobcenter_desktop.services.errors import StoreError
    from jobcenter_desktop.storage.orm import MilestoneRow

    case = _add(app, "kontanthjaelp", "Anders A", "010180-1111", "foerste_fremmoede", D(2026, 11, 2))
    with pytest.raises((StoreError, IntegrityError), match="exempt_reason"), app.ctx.write() as s:
        s.execute(update(MilestoneRow).where(MilestoneRow.case_id == case.id).values(state="exempt"))


def test_trend_is_the_monthly_totals(scenario: Frister) -> None:
    trend = scenario.kpi.trend(NOV, EVERYONE, TODAY, NOW)
    assert [p.key for p, _ in trend][-3:] == ["2026-09", "2026-10", "2026-11"] and len(trend) == 12
    assert _counts(trend[-1][1]) == (3, 2, 7, 1, 4, 1)
    assert all(row.counted == 0 for _, row in trend[:-1])  # nothing fell due before November here


def test_missed_lists_the_late_and_overdue_behind_the_numbers(scenario: Frister) -> None:
    missed = scenario.kpi.missed(NOV, EVERYONE, TODAY, NOW)
    assert len(missed) == 2 + 7
    assert [m.due for m in missed] == sorted(m.due for m in missed)
    assert {m.bucket.value for m in missed} == {"late", "overdue"}


def test_overview_counts_each_caseworkers_open_deadlines(scenario: Frister) -> None:
    view = scenario.kpi.overview(EVERYONE, TODAY, NOW)
    by = {w.login: w for w in view.workers}
    assert set(by) == {"anna.k", "bo.l", "carla.m"}
    assert by["bo.l"].caseload == 1 and by["bo.l"].overdue == 1
    assert by["carla.m"].overdue == 1  # fh_samtale; the provisional fh_moedetilbud is "Foreløbig" in the list
    from jobcenter_desktop.core.urgency import Urgency

    assert len(view.cell("bo.l", Urgency.OVERDUE)) == 1
    assert sum(sum(w.counts.values()) for w in view.workers) == len(view.rows)


def test_on_the_server_the_figures_are_what_the_login_may_see(team) -> None:  # type: ignore[no-untyped-def]
    """Row-level security, not a client filter: a team lead of Team Vest counts Team Vest's cases only, a
    caseworker of another team counts nothing, whatever scope the client asks for (``team``: one fresh team
    database opened as each login)."""
    build_scenario(team("anna.k"))
    lead = team("tina.t")
    teams = {r.key: _counts(r) for r in lead.kpi.table(NOV, Breakdown.TEAM, EVERYONE, TODAY, NOW).rows}
    assert teams == {"Team Vest": (3, 2, 5, 1, 4, 1)}
    other = team("olga.o")
    assert other.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW).total.counted == 0
    assert other.kpi.missed(NOV, EVERYONE, TODAY, NOW) == []


def test_a_case_paused_and_then_closed_was_never_overdue(app: Frister) -> None:
    """Closing a paused case ends the pause on the closing day: the deadlines it held were never missed."""
    d = _add(app, "kontanthjaelp", "Dorte D", "040480-4444", "foerste_fremmoede", D(2026, 11, 9))
    app.cases.pause(d.id, D(2026, 11, 10), "Sygdom", TODAY)
    assert _counts(app.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW).total) == (0, 0, 0, 0, 2, 0)
    app.cases.close(d.id, D(2026, 11, 25))
    table = app.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW)
    assert _counts(table.total) == (0, 0, 0, 0, 0, 0) and table.rows == ()  # left out: no empty row either
    # Unpaused and closed after the due days: both missed.
    e = _add(app, "kontanthjaelp", "Erik E", "050580-5555", "foerste_fremmoede", D(2026, 11, 9))
    app.cases.close(e.id, D(2026, 11, 25))
    assert _counts(app.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW).total) == (0, 0, 2, 0, 0, 0)


def test_unexempt_is_refused_on_a_closed_case(app: Frister) -> None:
    case = _add(app, "kontanthjaelp", "Anders A", "010180-1111", "foerste_fremmoede", D(2026, 11, 2))
    app.cases.exempt(_ms(case, "kh_ydelse").id, "Selv i job")
    app.cases.close(case.id, D(2026, 11, 20))
    with pytest.raises(ServiceError, match="lukket"):
        app.cases.unexempt(_ms(case, "kh_ydelse").id)
    assert _counts(app.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW).total)[3] == 1  # still exempt


def test_exempting_a_milestone_exempts_the_ones_chained_on_it_and_undoing_it_returns_them(app: Frister) -> None:
    """fh_moedetilbud counts from fh_samtale's completion: with fh_samtale exempt it would never start and would
    count as overdue once its forecast passed. It is exempted with it, and returns with it."""
    j = _add(app, "fastholdelse", "Jens J", "080880-8888", "foerste_henvendelse", D(2026, 11, 2))
    talk = _ms(j, "fh_samtale")
    done = app.cases.exempt(talk.id, "Raskmeldt")
    assert {m.rule_id: (m.state.value, m.exempt_reason) for m in done.milestones} == {
        "fh_samtale": ("exempt", "Raskmeldt"),
        "fh_moedetilbud": ("exempt", "Raskmeldt (følger af »Personlig samtale med fastholdelseskonsulent«)"),
    }
    assert _counts(app.kpi.table(NOV, Breakdown.GROUP, EVERYONE, TODAY, NOW).total) == (0, 0, 0, 2, 0, 0)
    back = app.cases.unexempt(talk.id)
    assert {m.rule_id: m.state.value for m in back.milestones} == {"fh_samtale": "open", "fh_moedetilbud": "open"}
    # One exempted on its own keeps its own reason when the predecessor's exemption is undone.
    app.cases.exempt(_ms(back, "fh_moedetilbud").id, "Aftalt med arbejdsgiver")
    app.cases.exempt(talk.id, "Raskmeldt")
    after = app.cases.unexempt(talk.id)
    assert _ms(after, "fh_moedetilbud").exempt_reason == "Aftalt med arbejdsgiver"
