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
from datetime import timedelta
from pathlib import Path

import numpy as np
from common import ROOT, TODAY, bench_db, median_time, report

from jobcenter_desktop.core.calendar import WorkingCalendar
from jobcenter_desktop.core.deadlines import plan_case
from jobcenter_desktop.core.rules import Unit, load_catalogue
from jobcenter_desktop.paths import default_catalogue_path
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import case_facts
from jobcenter_desktop.storage.repository import Repository


def numpy_calendar(cal: WorkingCalendar, first: int, last: int) -> np.busdaycalendar:
    holidays = [d.day for y in range(first, last + 1) for d in cal.non_working_days(y, include_weekends=False)]
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))


def recompute(n_cases: int) -> None:
    db = bench_db(n_cases)
    app = Frister.open(db, actor="bench")
    with app.ctx.db.read() as s:
        repo = Repository(s)
        rows = repo.cases_with_children(repo.open_case_ids())
        facts = [case_facts(r) for r in rows]
    cat, cal = app.catalogue, app.calendar
    milestones = sum(len(cat.milestones_of(f.group)) for f in facts)

    def ours() -> None:
        for f in facts:
            plan_case(cat, cal, f, explain=False)

    # Baseline: the same anchors, each counted as "N working days" by numpy in one vectorised call.
    anchors, offsets = [], []
    for f in facts:
        for rule in cat.milestones_of(f.group):
            when = f.triggers.get(rule.trigger or "") if rule.trigger else None
            if when is None:
                continue
            day = when.date() if hasattr(when, "date") and callable(when.date) else when
            anchors.append(np.datetime64(day, "D"))
            offsets.append(rule.amount if rule.unit is Unit.WORKING_DAYS else max(1, rule.amount))
    bdc = numpy_calendar(cal, 2020, 2031)
    a, o = np.array(anchors, dtype="datetime64[D]"), np.array(offsets)

    def baseline() -> None:
        np.busday_offset(a, o, roll="backward", busdaycal=bdc)

    t_ours, t_base = median_time(ours, 3), median_time(baseline, 5)
    report(f"recompute {len(facts):,} cases / {milestones:,} milestones", t_ours, t_base, "target ≤ 3×")
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
