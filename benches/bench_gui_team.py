"""The window and the team lead's export on the team database, beside the same on a SQLite file, both holding the
same N generated cases (``server_db.py`` copies the bench file into PostgreSQL). Rounds alternate file, team,
file, team, …; each figure is the median over rounds of the per-round median, with the spread over rounds, and the
ratio team/file. Goal (issue 12): team-mode figures within 2× of SQLite's.

    .venv/bin/python benches/bench_gui_team.py [N_CASES] [--rounds 3]     (default 100000)

Uses JOBCENTER_TEST_PG (a superuser URL, as the test command exports) or starts a throw-away cluster itself.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench_gui import cold_start, drain, keystrokes, month_switches, timed
from common import TODAY, bench_db, postgres_superuser
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from server_db import login_url, server_bench_db

from jobcenter_desktop.core.changes import Changes
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope
from jobcenter_desktop.ui.app import build_main_window
from jobcenter_desktop.ui.main_window import TAB_CALENDAR, MainWindow

Figures = dict[str, float]


def _window(target: str, actor: str, tmp: str) -> MainWindow:
    settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(target, actor=actor, today=lambda: TODAY, settings=settings)
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    drain()
    return window


def _once(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    drain()
    return time.perf_counter() - t


def one_round(lead: str, admin: str, cold: str, export_days: int) -> tuple[Figures, int]:
    """``lead``: the team lead's target (bo.l), ``admin``: one that sees every team, ``cold``: anna.k's."""
    out: Figures = {}
    phases, _ = cold_start("app", cold)  # type: ignore[arg-type]  # gui_child takes the URL as it takes a path
    out["cold start to painted window (anna.k)"] = phases["painted"]
    with tempfile.TemporaryDirectory(prefix="bench-team-gui-") as tmp:
        window = _window(lead, "bo.l", tmp)
        wl = window.worklist
        out["Mine frister: reload (median of 5)"] = statistics.median(_once(wl.reload) for _ in range(5))
        out["Mine frister: a filter keystroke (median)"] = timed(keystrokes(wl.search_edit))[0]
        wl.search_edit.clear()
        drain()
        for combo, value in ((wl.caseworker_combo, ""), (wl.team_combo, "Team Vest")):
            combo.blockSignals(True)  # both filters set first: one load of the team, not "Alle" on the way
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        out["the whole team's worklist: load"] = _once(wl.reload)
        out["the team's worklist: a filter keystroke (median)"] = timed(keystrokes(wl.search_edit))[0]
        wl.search_edit.clear()
        drain()
        case_id = wl.model.all_rows()[0].case_id
        out["a colleague's change to one case shown"] = statistics.median(
            _once(lambda: window.apply_changes(Changes(cases=frozenset({case_id})))) for _ in range(5))
        window.tabs.setCurrentIndex(TAB_CALENDAR)
        out["calendar: first view of the team (a year of counts)"] = _once(window.calendar.reload)
        out["calendar: month switch (median)"] = timed(month_switches(window.calendar.calendar, 20))[0]
        window.close()
        window.deleteLater()
        drain()
        app = Frister.open(admin, actor=None if "://" in admin else "bench")
        try:
            req = ExportRequest(Scope(everyone=True), Period.between(TODAY, TODAY + timedelta(days=export_days)))
            rows = len(app.worklists.rows(req, TODAY))
            target = Path(tmp) / "uge.xlsx"
            from datetime import datetime

            out[f"export of every team's deadlines ({rows:,} rows)"] = _once(
                lambda: app.worklists.export(req, target, TODAY, datetime(2026, 11, 23, 9, 0)))
        finally:
            app.close()
    return out, rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", type=int, nargs="?", default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--export-days", type=int, default=120, help="the export's period from today (≈50,000 rows)")
    args = ap.parse_args()
    path = bench_db(args.cases)
    with postgres_superuser() as superuser:
        name = server_bench_db(superuser, path, args.cases)
        sides = {
            "file": (str(path), str(path), str(path)),
            "team": (login_url(superuser, name, "bo.l"), login_url(superuser, name, "adam.a"),
                     login_url(superuser, name, "anna.k")),
        }  # fmt: skip
        runs: dict[str, list[Figures]] = {"file": [], "team": []}
        for _ in range(args.rounds):
            for side, (lead, admin, cold) in sides.items():
                figures, _rows = one_round(lead, admin, cold, args.export_days)
                runs[side].append(figures)
    print(f"# {args.cases:,} cases, {args.rounds} alternating rounds; median over rounds [min–max], in ms")
    print(f"{'figure':<58} {'file':>16} {'team database':>20}  ratio")
    for key in runs["file"][0]:
        cells = []
        for side in ("file", "team"):
            values = [r[key] * 1000 for r in runs[side] if key in r]
            if not values:  # the export's row count is part of its key: the same on both sides
                values = [v * 1000 for r in runs[side] for k, v in r.items() if k.split("(")[0] == key.split("(")[0]]
            cells.append((statistics.median(values), min(values), max(values)))
        (f, fl, fh), (t, tl, th) = cells
        print(f"{key:<58} {f:7.0f} [{fl:.0f}–{fh:.0f}] {t:9.0f} [{tl:.0f}–{th:.0f}]  {t / f:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
