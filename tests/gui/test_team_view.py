"""The Team tab through pytest-qt on the demo database: the caseworkers × state matrix equals the services'
overview (a click on a cell lists exactly its deadlines), the figures table and both charts show what
KpiService counts, breakdown and period choices reload, and the Excel export from the tab reads back."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.qt_wait import settled

from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod, percent
from jobcenter_desktop.services.kpi import OVERVIEW_STATES
from jobcenter_desktop.services.worklist import Scope
from jobcenter_desktop.ui.main_window import TAB_TEAM
from jobcenter_desktop.ui.team_view import period_of

TODAY = date(2026, 11, 23)
NOV = KpiPeriod.month(2026, 11)


@pytest.fixture
def team(window):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(TAB_TEAM)
    return settled(None, window.team)  # counted off the UI thread


def _now() -> datetime:
    return datetime.combine(TODAY, time())


def test_the_matrix_is_the_overview_and_a_cell_lists_its_deadlines(team, window) -> None:  # type: ignore[no-untyped-def]
    assert team.scope().team == "Team Vest"
    overview = window.app.kpi.overview(Scope(team="Team Vest"), TODAY, _now())
    assert team.matrix.rowCount() == len(overview.workers) > 0
    for row, w in enumerate(overview.workers):
        assert team.matrix.item(row, 1).text() == str(w.caseload)
        for col, state in enumerate(OVERVIEW_STATES, start=2):
            n = w.counts.get(state, 0)
            assert team.matrix.item(row, col).text() == (str(n) if n else "")
    row = next(r for r, w in enumerate(overview.workers) if w.overdue)
    team._cell_clicked(row, 2)
    login = overview.workers[row].login
    listed = {r.milestone_id for r in team.cell_model.rows()}
    assert listed == {r.milestone_id for r in overview.rows if r.caseworker == login and r.urgency.value == "overdue"}
    assert "Overskredet" in team.cell_title.text()


def test_figures_table_and_charts_show_the_services_counts(team, window) -> None:  # type: ignore[no-untyped-def]
    table = window.app.kpi.table(NOV, Breakdown.GROUP, Scope(team="Team Vest"), TODAY, _now())
    assert team.figures.rowCount() == len(table.rows) + 1
    for r, row in enumerate(table.rows):
        assert team.figures.item(r, 0).text() == row.label
        assert team.figures.item(r, 1).text() == str(row.on_time)
        assert team.figures.item(r, 7).text() == percent(row.share_on_time)
        expected = "–" if row.share_on_time is None else ("Under mål" if row.below_target else "Mål nået")
        assert team.figures.item(r, 9).text() == expected
    assert team.figures.item(len(table.rows), 0).text() == "I alt"
    drawn = {label: share for label, share, _ in team.share_chart.bars}
    assert drawn == {r.label: r.share_on_time for r in table.rows if r.share_on_time is not None}
    assert [key for key, _ in team.trend_chart.points][-1] == "2026-11" and len(team.trend_chart.points) == 12
    assert percent(table.total.share_on_time) in team.summary.text()


def test_choosing_a_breakdown_and_period_reloads(team, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    team.by_combo.setCurrentIndex(team.by_combo.findData(Breakdown.CASEWORKER.value))
    assert team.loading and not team.busy_bar.isHidden()  # the window stays usable while it counts
    settled(qtbot, team)
    logins = {team.figures.item(r, 0).text() for r in range(team.figures.rowCount() - 1)}
    assert logins and logins <= {"anna.k", "bo.l", "carla.m"}
    team.period_combo.setCurrentIndex(team.period_combo.findData("last_quarter"))
    settled(qtbot, team)
    q3 = window.app.kpi.table(KpiPeriod.quarter(2026, 3), Breakdown.CASEWORKER, Scope(team="Team Vest"), TODAY,
                              _now())  # fmt: skip
    total = team.figures.rowCount() - 1
    assert team.figures.item(total, 1).text() == str(q3.total.on_time)
    assert "3. kvartal 2026" in team.summary.text()


@pytest.mark.parametrize(("key", "today", "expected"), [
    ("this_month", date(2026, 1, 15), "2026-01"), ("last_month", date(2026, 1, 15), "2025-12"),
    ("this_quarter", date(2026, 5, 2), "2026-Q2"), ("last_quarter", date(2026, 2, 1), "2025-Q4"),
    ("this_year", date(2026, 12, 31), "2026"),
])  # fmt: skip
def test_period_choices(key: str, today: date, expected: str) -> None:
    assert period_of(key, today).key == expected


def test_export_from_the_tab_reads_back(team, tmp_path: Path, window) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "team.xlsx"
    team.export_to(target)
    ws = load_workbook(target)["Målgruppe"]
    table = window.app.kpi.table(NOV, Breakdown.GROUP, Scope(team="Team Vest"), TODAY, _now())
    got = {r[0]: r[1:4] for r in ws.iter_rows(min_row=6, values_only=True) if r[0]}
    assert got["I alt"] == (table.total.on_time, table.total.late, table.total.overdue)
    assert len(ws._charts) == 1


def test_the_tab_at_1024_wide_keeps_its_controls_visible(team, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 660)
    window.show()
    qtbot.waitExposed(window)
    for widget in (team.scope_combo, team.period_combo, team.by_combo, team.export_button):
        assert widget.isVisible()
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right <= window.width(), widget.objectName()
