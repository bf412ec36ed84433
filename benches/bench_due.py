"""Deadline arithmetic at scale.

    .venv/bin/python benches/bench_due.py [N_CASES]        (default 10000)

1. Bulk recompute of every milestone of N cases (calendar + rules + chains, as `recompute` does) against
   numpy.busday_offset over the same anchors and working-day offsets (the baseline). Target: within 3×.
2. `due --batch` throughput on 100,000 rows, whole process, against the same numpy baseline.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from common import ROOT, TODAY, bench_db, median_time, report

from jobcenter_desktop.core.bulk import NO_DATE, RulePlan, plan_columns
from jobcenter_desktop.core.calendar import WorkingCalendar
from jobcenter_desktop.core.deadlines import plan_case
from jobcenter_desktop.core.rules import Unit, load_catalogue
from jobcenter_desktop.paths import default_catalogue_path
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.case_sync import case_facts
from jobcenter_desktop.storage.repository import Repository

EPOCH = date(1970, 1, 1).toordinal()


def numpy_calendar(cal: WorkingCalendar, first: int, last: int) -> np.busdaycalendar:
    holidays = [d.day for y in range(first, last + 1) for d in cal.non_working_days(y, include_weekends=False)]
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))


def recompute(n_cases: int) -> None:
    db = bench_db(n_cases)
    app = Frister.open(db, actor="bench")
    cat, cal = app.catalogue, app.calendar
    t = time.perf_counter()
    with app.ctx.db.read() as s:
        repo = Repository(s)
        cases = repo.open_cases_columns()
        paused = [int(i) for i in np.flatnonzero(cases.facts.paused)]
        rows = {r.id: r for r in repo.cases_with_children([cases.case_ids[i] for i in paused])}
        paused_facts = {i: case_facts(rows[cases.case_ids[i]]) for i in paused}
    t_load = time.perf_counter() - t

    def ours() -> dict[str, RulePlan]:
        return plan_columns(cat, cal, cases.facts, lambda ids: {i: paused_facts[i] for i in ids})

    plans = ours()
    # Baseline: the same anchors and amounts, each counted as "N working days" by numpy in one call.
    anchors, offsets = [], []
    for rule_id, p in plans.items():
        rule = cat.milestones[rule_id]
        started = p.due != NO_DATE
        if rule.after is None:
            a = cases.facts.trigger_day[rule.trigger][p.cases]  # type: ignore[index]
        else:
            done = cases.facts.done_day.get(rule.after)
            a = done[p.cases] if done is not None else np.zeros(len(p.cases), np.int64)
            pred = plans[rule.after]
            a = np.where(a != NO_DATE, a, pred.due)
        anchors.append(a[started])
        offsets.append(np.full(int(started.sum()), max(1, rule.amount) if rule.unit is not Unit.HOURS else 1))
    a = (np.concatenate(anchors) - EPOCH).astype("datetime64[D]")
    o = np.concatenate(offsets)
    years = [date.fromordinal(int(x)).year for x in (np.concatenate(anchors).min(), np.concatenate(anchors).max())]
    bdc = numpy_calendar(cal, years[0] - 1, years[1] + 2)

    def baseline() -> None:
        np.busday_offset(a, o, roll="backward", busdaycal=bdc)

    t_ours, t_base = median_time(ours, 5), median_time(baseline, 5)
    label = f"recompute {len(cases.case_ids):,} cases / {len(o):,} milestones"
    report(label, t_ours, t_base, f"target ≤ 3× ({len(paused):,} cases via plan_case)")
    print(f"#   reading the columns from the database: {t_load:.2f} s")

    # Before: plan_case per case (what the preview ran until the bulk planner), on a sample of 5,000 cases.
    sample = list(range(0, len(cases.case_ids), max(1, len(cases.case_ids) // 5000)))[:5000]
    with app.ctx.db.read() as s:
        repo = Repository(s)
        by_id = {r.id: r for r in repo.cases_with_children([cases.case_ids[i] for i in sample])}
        facts = [case_facts(by_id[cases.case_ids[i]]) for i in sample]
    t_old = median_time(lambda: [plan_case(cat, cal, f, explain=False) for f in facts], 3)
    per_case = t_old / len(facts)
    print(f"#   before: plan_case per case {per_case * 1e6:.1f} µs → {per_case * len(cases.case_ids):.2f} s for all "
          f"({per_case * len(cases.case_ids) / t_base:.0f}× the baseline)")
    t_preview = median_time(app.recompute.preview, 3)
    print(f"#   whole preview (read + plan + compare), as the Indstillinger dialog runs it: {t_preview:.2f} s")
    app.close()


def due_batch(rows: int = 100_000) -> None:
    cat = load_catalogue(default_catalogue_path())
    rng = random.Random(1)
    ids = [m.id for m in cat.milestones.values() if m.unit is not Unit.HOURS]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.csv"
        anchors = []
        with path.open("w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["milestone", "anchor"])
            for _ in range(rows):
                d = TODAY - timedelta(days=rng.randrange(0, 3650))
                anchors.append(d)
                w.writerow([rng.choice(ids), d.isoformat()])
        exe = [sys.executable, "-m", "jobcenter_desktop", "due", "--batch", str(path)]

        def ours() -> None:
            subprocess.run(exe, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)

        bdc = numpy_calendar(WorkingCalendar(), 2016, 2028)
        a = np.array(anchors, dtype="datetime64[D]")
        o = np.full(len(anchors), 5)

        def baseline() -> None:
            np.busday_offset(a, o, roll="backward", busdaycal=bdc)

        t_ours, t_base = median_time(ours, 3), median_time(baseline, 5)
        report(f"due --batch {rows:,} rows (whole process)", t_ours, t_base, f"{rows / t_ours:,.0f} rows/s")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    recompute(n)
    due_batch()
    print(f"# total {time.perf_counter() - t0:.0f} s")
