"""The timeliness figures for a quarter at 100,000 cases (issue 15: < 1 s, SQL aggregates, not Python loops over
rows), against the floor: one plain COUNT(*) of the same milestones (due in the quarter) without buckets.
Alternating runs, medians and spread; the breakdown by caseworker and the 12-month trend are timed too.

    .venv/bin/python benches/bench_kpi.py [N_CASES] [--rounds 7]     (default 100000)
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime

from common import TODAY, bench_db
from sqlalchemy import func, select

from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.worklist import Scope
from jobcenter_desktop.storage.orm import MilestoneRow

NOW = datetime(2026, 11, 23, 12, 0)


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", type=int, nargs="?", default=100_000)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    app = Frister.open(bench_db(args.cases), actor="anna.k", team="Team Vest")
    quarter = KpiPeriod.parse("2026-Q4")
    everyone = Scope(everyone=True)

    def floor() -> int:
        with app.ctx.read() as s:
            q = select(func.count()).select_from(MilestoneRow).where(MilestoneRow.due_on >= quarter.start,
                                                                     MilestoneRow.due_on <= quarter.end)
            return int(s.scalar(q) or 0)

    figures = {
        "quarter by group (everyone)": lambda: app.kpi.table(quarter, Breakdown.GROUP, everyone, TODAY, NOW),
        "quarter by caseworker (everyone)": lambda: app.kpi.table(quarter, Breakdown.CASEWORKER, everyone, TODAY,
                                                                  NOW),
        "quarter by group (one team)": lambda: app.kpi.table(quarter, Breakdown.GROUP, Scope(team="Team Vest"),
                                                             TODAY, NOW),
        "12-month trend (everyone)": lambda: app.kpi.trend(quarter, everyone, TODAY, NOW),
    }
    counted = app.kpi.table(quarter, Breakdown.GROUP, everyone, TODAY, NOW).total
    print(f"# {args.cases:,} cases; {floor():,} milestones due in {quarter.label}; "
          f"counted on time {counted.on_time:,}, late {counted.late:,}, overdue {counted.overdue:,}")
    for name, fn in figures.items():
        ours, base = [], []
        for _ in range(args.rounds):  # alternating, so drift hits both alike
            ours.append(_timed(fn))
            base.append(_timed(floor))
        o, b = statistics.median(ours), statistics.median(base)
        print(f"{name:<36} median {o:7.3f} s (min {min(ours):.3f}, max {max(ours):.3f})  floor COUNT(*) "
              f"{b:7.3f} s  ratio {o / b:5.1f}  target < 1 s: {'ok' if o < 1 else 'MISSED'}")
    app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
