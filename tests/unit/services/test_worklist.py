"""Exporting worklists through the services layer: which rows (scope, period, overdue always first), titles and
file names, the audit entry when CPR numbers leave the app, and the workbook that comes out.

"Today" is Monday 23 Nov 2026 (ISO week 48: 23–29 Nov). No Danish holidays fall between Pinse and Christmas, so
every date below is counted on plain weekdays:

  A 2026-00001 anna.k    Kontanthjælp, første fremmøde Mon 9 Nov: kh_visitation +2 hverdage = Wed 11 Nov (overdue),
                         kh_ydelse +5 hverdage = Mon 16 Nov (overdue).
  B 2026-00002 anna.k    Dagpenge, ledigmelding Mon 16 Nov: dp_telefon +5 hverdage = Mon 23 Nov (due today),
                         dp_samtale +4 uger = Mon 14 Dec.
  C 2026-00003 bo.l      Kontanthjælp, første fremmøde Fri 20 Nov: kh_visitation = Tue 24 Nov, kh_ydelse = Fri 27 Nov.
  D 2026-00004 dennis.p  Dagpenge (Team Øst), ledigmelding Wed 18 Nov: dp_telefon = Wed 25 Nov, dp_samtale = Wed 16 Dec.
  E 2026-00005 anna.k    Handicap i erhverv, ansøgning Mon 5 Oct: hk_hjaelpemiddel +4 uger = Mon 2 Nov (overdue),
                         hk_personlig_assistance +6 uger (forventet) = Mon 16 Nov (soft overdue).
  F 2026-00006 eva.s     Fastholdelse (Team Øst), første henvendelse Mon 2 Nov: fh_samtale +1 uge = Mon 9 Nov
                         (overdue), fh_moedetilbud 1 uge efter fh_samtale = Mon 16 Nov (provisional).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError
from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 5)
W48 = Period(date(2026, 11, 23), date(2026, 11, 29), "uge 48 2026")
D = date


@pytest.fixture
def cases(app: Frister) -> Frister:
    def add(group: str, name: str, ident: str, trigger: str, when: date, worker: str = "", team: str = "") -> None:
        app.cases.register(NewCase(group, name, ident, {trigger: when}, caseworker=worker, team=team), TODAY)

    add("kontanthjaelp", "Søren Østergaard", "010190-1235", "foerste_fremmoede", D(2026, 11, 9))
    add("dagpenge", "Åse Lund", "020285-1234", "ledigmelding", D(2026, 11, 16))
    add("kontanthjaelp", "Mette Hansen", "150670-1234", "foerste_fremmoede", D(2026, 11, 20), "bo.l", "Team Vest")
    add("dagpenge", "Peter Holm", "290260-1234", "ledigmelding", D(2026, 11, 18), "dennis.p", "Team Øst")
    add("handicap_erhverv", "Ida Friis", "010100-4321", "ansoegning", D(2026, 10, 5))
    add("fastholdelse", "Karl Ærø", "020202-1234", "foerste_henvendelse", D(2026, 11, 2), "eva.s", "Team Øst")
    return app


def keys(rows) -> list[tuple[str, str, date]]:
    return [(r.case_number, r.rule_id, r.due) for r in rows]


ANNA_OVERDUE = [
    ("2026-00005", "hk_hjaelpemiddel", D(2026, 11, 2)),
    ("2026-00001", "kh_visitation", D(2026, 11, 11)),
    ("2026-00001", "kh_ydelse", D(2026, 11, 16)),
    ("2026-00005", "hk_personlig_assistance", D(2026, 11, 16)),  # same day: case number order
]


# ---------------------------------------------------------------- which rows
def test_my_week_overdue_first_then_the_period(cases: Frister) -> None:
    rows = cases.worklists.rows(ExportRequest(Scope(caseworker="anna.k"), W48), TODAY)
    assert keys(rows) == [*ANNA_OVERDUE, ("2026-00002", "dp_telefon", D(2026, 11, 23))]
    assert [r.urgency for r in rows] == [Urgency.OVERDUE, Urgency.OVERDUE, Urgency.OVERDUE, Urgency.SOFT_OVERDUE,
                                         Urgency.DUE_TODAY]  # fmt: skip
    assert [r.working_days_left for r in rows][-1] == 0
    assert all(r.working_days_left is not None and r.working_days_left < 0 for r in rows[:4])
    # kh_visitation (Wed 11 Nov) is 8 working days late on Mon 23 Nov: 12, 13, 16, 17, 18, 19, 20, 23 Nov.
    assert rows[1].working_days_left == -8


def test_overdue_are_listed_for_a_future_week_too(cases: Frister) -> None:
    rows = cases.worklists.rows(ExportRequest(Scope(caseworker="anna.k"), Period.iso_week(2026, 51)), TODAY)
    assert keys(rows) == [*ANNA_OVERDUE, ("2026-00002", "dp_samtale", D(2026, 12, 14))]


def test_a_past_week_lists_each_overdue_deadline_once(cases: Frister) -> None:
    # Week 46 (9–15 Nov) holds kh_visitation (Wed 11 Nov), which is also overdue: listed once, on top.
    rows = cases.worklists.rows(ExportRequest(Scope(caseworker="anna.k"), Period.iso_week(2026, 46)), TODAY)
    assert keys(rows) == ANNA_OVERDUE
    assert len({r.milestone_id for r in rows}) == len(rows)


def test_done_milestones_leave_the_list(cases: Frister) -> None:
    case = cases.cases.by_number("2026-00005")
    ms = next(m for m in case.milestones if m.rule_id == "hk_hjaelpemiddel")
    cases.cases.complete(ms.id, D(2026, 11, 20), TODAY)
    rows = cases.worklists.rows(ExportRequest(Scope(caseworker="anna.k"), W48), TODAY)
    assert keys(rows) == [*ANNA_OVERDUE[1:], ("2026-00002", "dp_telefon", D(2026, 11, 23))]


def test_team_scope(cases: Frister) -> None:
    vest = cases.worklists.rows(ExportRequest(Scope(team="Team Vest"), W48), TODAY)
    assert keys(vest) == [*ANNA_OVERDUE, ("2026-00002", "dp_telefon", D(2026, 11, 23)),
                          ("2026-00003", "kh_visitation", D(2026, 11, 24)),
                          ("2026-00003", "kh_ydelse", D(2026, 11, 27))]  # fmt: skip
    oest = cases.worklists.rows(ExportRequest(Scope(team="Team Øst"), W48), TODAY)
    assert keys(oest) == [("2026-00006", "fh_samtale", D(2026, 11, 9)), ("2026-00004", "dp_telefon", D(2026, 11, 25))]
    # A team scope wins over a caseworker given with it (the UI sends both when a team is picked).
    both = cases.worklists.rows(ExportRequest(Scope(caseworker="anna.k", team="Team Øst"), W48), TODAY)
    assert keys(both) == keys(oest)


def test_everyone(cases: Frister) -> None:
    rows = cases.worklists.rows(ExportRequest(Scope(everyone=True), W48), TODAY)
    assert keys(rows) == [
        ("2026-00005", "hk_hjaelpemiddel", D(2026, 11, 2)),
        ("2026-00006", "fh_samtale", D(2026, 11, 9)),
        ("2026-00001", "kh_visitation", D(2026, 11, 11)),
        ("2026-00001", "kh_ydelse", D(2026, 11, 16)),
        ("2026-00005", "hk_personlig_assistance", D(2026, 11, 16)),
        ("2026-00002", "dp_telefon", D(2026, 11, 23)),
        ("2026-00003", "kh_visitation", D(2026, 11, 24)),
        ("2026-00004", "dp_telefon", D(2026, 11, 25)),
        ("2026-00003", "kh_ydelse", D(2026, 11, 27)),
    ]
    # fh_moedetilbud (provisional, Mon 16 Nov) belongs to week 47: passed, but a forecast, so not "overdue".
    w47 = cases.worklists.rows(ExportRequest(Scope(everyone=True), Period.iso_week(2026, 47)), TODAY)
    assert ("2026-00006", "fh_moedetilbud", D(2026, 11, 16)) in keys(w47)
    assert next(r for r in w47 if r.rule_id == "fh_moedetilbud").urgency is Urgency.PROVISIONAL


def test_someone_without_cases_gets_an_empty_list(cases: Frister) -> None:
    assert cases.worklists.rows(ExportRequest(Scope(caseworker="ingen.x"), W48), TODAY) == []


# ---------------------------------------------------------------- periods
def test_iso_weeks() -> None:
    assert Period.iso_week(2026, 48) == W48
    # 2026 begins on a Thursday, so it has a week 53 (Mon 28 Dec 2026 – Sun 3 Jan 2027); 2025 has not.
    assert Period.iso_week(2026, 53) == Period(D(2026, 12, 28), D(2027, 1, 3), "uge 53 2026")
    assert Period.week_of(D(2027, 1, 1)) == Period.iso_week(2026, 53)
    assert Period.week_of(D(2026, 11, 29)) == W48


@pytest.mark.parametrize(("year", "week"), [(2025, 53), (2026, 54), (2026, 60), (2026, 0)])
def test_weeks_that_do_not_exist(year: int, week: int) -> None:
    with pytest.raises(ValidationError) as info:
        Period.iso_week(year, week)
    assert str(info.value) == f"Uge {week} findes ikke i {year}."
    assert [p.field for p in info.value.problems] == ["week"]


def test_between() -> None:
    assert Period.between(D(2026, 11, 23), D(2026, 12, 6)) == Period(D(2026, 11, 23), D(2026, 12, 6),
                                                                     "23-11-2026–06-12-2026")  # fmt: skip
    assert Period.between(D(2027, 1, 1), D(2028, 1, 2)).end == D(2028, 1, 2)  # 366 days: allowed
    with pytest.raises(ValidationError, match=re.escape("Perioden må højst være et år.")):
        Period.between(D(2027, 1, 1), D(2028, 1, 3))  # 367 days
    with pytest.raises(ValidationError, match=re.escape("Slutdatoen ligger før startdatoen.")):
        Period.between(D(2026, 11, 23), D(2026, 11, 22))


def test_next_working_days(app: Frister) -> None:
    # Mon 23 Nov + 5 hverdage: 24, 25, 26, 27, 30 -> Mon 30 Nov.
    expected = Period(TODAY, D(2026, 11, 30), "de næste 5 hverdage (23-11-2026–30-11-2026)")
    assert app.worklists.next_working_days(TODAY, 5) == expected
    # Across Christmas 2026: 24 Dec (off by default), 25–26 Dec, 27 Dec (Sunday) and 31 Dec (off by default)
    # do not count: Mon 21 Dec + 5 = 22, 23, 28, 29, 30 -> Wed 30 Dec.
    assert app.worklists.next_working_days(D(2026, 12, 21), 5).end == D(2026, 12, 30)
    assert app.worklists.next_working_days(TODAY, 1).end == D(2026, 11, 24)


@pytest.mark.parametrize("n", [0, 261, -1])
def test_next_working_days_bounds(app: Frister, n: int) -> None:
    with pytest.raises(ValidationError, match=re.escape("Antal hverdage skal være 1–260.")):
        app.worklists.next_working_days(TODAY, n)


# ---------------------------------------------------------------- titles and file names
@pytest.mark.parametrize(
    ("scope", "period", "title"),
    [
        (Scope(team="Team Vest"), W48, "Frister uge 48 2026 - Team Vest"),
        (Scope(caseworker="anna.k"), W48, "Frister uge 48 2026 - anna.k"),
        (Scope(everyone=True), W48, "Frister uge 48 2026 - Alle"),
        (Scope(caseworker="anna.k"), Period.between(D(2026, 11, 23), D(2026, 12, 6)),
         "Frister 23-11-2026–06-12-2026 - anna.k"),
    ],
)  # fmt: skip
def test_title_and_default_filename(app: Frister, scope: Scope, period: Period, title: str) -> None:
    req = ExportRequest(scope, period)
    assert app.worklists.title(req) == title
    assert app.worklists.default_filename(req) == f"{title}.xlsx"


def test_default_filename_of_an_awkward_team_name(app: Frister) -> None:
    req = ExportRequest(Scope(team="Vest/Syd: 2?"), W48)
    assert app.worklists.default_filename(req) == "Frister uge 48 2026 - Vest_Syd_ 2_.xlsx"


# ---------------------------------------------------------------- the export itself
def _reveals(app: Frister) -> list:
    return [e for e in app.audit() if e.action == "reveal_cpr"]


def test_export_masks_cpr_and_writes_no_audit_entry(cases: Frister, tmp_path: Path) -> None:
    req = ExportRequest(Scope(team="Team Vest"), W48, per_caseworker=True)
    target = tmp_path / cases.worklists.default_filename(req)
    assert target.name == "Frister uge 48 2026 - Team Vest.xlsx"
    assert cases.worklists.export(req, target, TODAY, NOW) == 7
    wb = load_workbook(target)
    assert wb.sheetnames == ["Frister", "anna.k", "bo.l", "Oversigt", "Om listen"]
    rows = [[c.value for c in r] for r in wb["Frister"].iter_rows(min_row=2)]
    assert [(r[7], r[0].date()) for r in rows] == [(n, due) for n, _, due in keys(
        cases.worklists.rows(req, TODAY))]  # fmt: skip
    assert [r[9] for r in rows] == ["010100-XXXX", "010190-XXXX", "010190-XXXX", "010100-XXXX", "020285-XXXX",
                                    "150670-XXXX", "150670-XXXX"]  # fmt: skip
    assert rows[0][5:7] == ["Handicap i erhverv", "Bevilling af hjælpemiddel"]
    # a decision on an application past its deadline without an underretning: a breach, not only overdue
    assert rows[0][3] == "✉!! Frist overskredet uden underretning (rsl. § 3, stk. 2)"
    assert rows[3][3] == "✉!! Frist overskredet uden underretning (rsl. § 3, stk. 2)"  # personlig assistance
    assert [r[7] for r in [[c.value for c in x] for x in wb["bo.l"].iter_rows(min_row=2)]] == ["2026-00003"] * 2
    about = {r[0].value: r[1].value for r in wb["Om listen"].iter_rows(min_row=2)}
    assert about["Titel"] == "Frister uge 48 2026 - Team Vest"
    assert about["Omfang"] == "Team Vest"
    assert about["Ark pr. sagsbehandler"] == "ja"
    assert about["Dannet af"] == "anna.k"
    assert about["Dannet"] == "23-11-2026 09:05"
    assert about["Regelkatalog"] == ("albertslund-2016 version 2016-08-09 "
                                     "(Jobcenter Albertslunds servicemål for den borgerrettede indsats)")  # fmt: skip
    assert "maskeret" in about["CPR-numre"]
    assert _reveals(cases) == []


def test_export_with_full_cpr_is_audited(cases: Frister, tmp_path: Path) -> None:
    req = ExportRequest(Scope(caseworker="anna.k"), W48, include_cpr=True)
    target = tmp_path / "med-cpr.xlsx"
    assert cases.worklists.export(req, target, TODAY, NOW) == 5
    ids = [r[9].value for r in load_workbook(target)["Frister"].iter_rows(min_row=2)]
    assert ids == ["010100-4321", "010190-1235", "010190-1235", "010100-4321", "020285-1234"]
    (entry,) = _reveals(cases)
    assert (entry.actor, entry.entity, entry.entity_id, entry.after) == ("anna.k", "export", "med-cpr.xlsx",
                                                                         "5 frister")  # fmt: skip
    assert "fulde CPR-numre" in entry.reason


def test_failed_export_is_a_danish_service_error_and_reveals_nothing(cases: Frister, tmp_path: Path) -> None:
    req = ExportRequest(Scope(caseworker="anna.k"), W48, include_cpr=True)
    with pytest.raises(ServiceError, match="Mappen findes ikke"):
        cases.worklists.export(req, tmp_path / "mangler" / "frister.xlsx", TODAY, NOW)
    assert _reveals(cases) == []


def test_export_needs_a_scope(app: Frister, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=re.escape("Vælg en sagsbehandler, et team eller alle.")):
        app.worklists.export(ExportRequest(Scope(), W48), tmp_path / "x.xlsx", TODAY, NOW)
    assert not (tmp_path / "x.xlsx").exists()


def test_empty_export_still_writes_a_workbook(app: Frister, tmp_path: Path) -> None:
    target = tmp_path / "tom.xlsx"
    assert app.worklists.export(ExportRequest(Scope(caseworker="anna.k"), W48), target, TODAY, NOW) == 0
    wb = load_workbook(target)
    assert wb["Frister"].max_row == 1
    assert {r[0].value: r[1].value for r in wb["Om listen"].iter_rows(min_row=2)}["Antal frister"] == "0"
