"""Deadline arithmetic at scale.

    .venv/bin/python benches/bench_due.py [N_CASES] [--rounds R] [--callgrind] [--synthetic N] [--batch-rows N]

1. Bulk recompute of every open milestone of N cases (calendar + rules + chains + pauses, as `recompute` does)
   against numpy.busday_offset over the same anchors and working-day offsets (the baseline). Target: ≤ 3×.
   Alternating runs (B A B A …), medians [min–max]; with --callgrind also instructions (valgrind), which count
   the same on a loaded machine.
2. The same planner on N synthetic cases without a database (--synthetic, e.g. 1,000,000).
3. `recompute` after one new closure day on a copy of the database: the preview, and apply (writes only what
   moves). Target: apply < 3 s. Baseline: fetching every milestone row once with the bare driver.
4. `due --batch` throughput, whole process, against the same numpy baseline (--batch-rows, default 100,000).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from common import ROOT, TODAY, alternate, bench_db, callgrind_instructions, report_pair, spread

from jobcenter_desktop.core.bulk import NO_DATE, FactColumns, FactColumnsBuilder, RulePlan, plan_columns
from jobcenter_desktop.core.calendar import WorkingCalendar
from jobcenter_desktop.core.rules import Catalogue, Unit, load_catalogue
from jobcenter_desktop.paths import default_catalogue_path

EPOCH = date(1970, 1, 1).toordinal()


def numpy_calendar(cal: WorkingCalendar, first: int, last: int) -> np.busdaycalendar:
    holidays = [d.day for y in range(first, last + 1) for d in cal.non_working_days(y, include_weekends=False)]
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))


def synthetic(cat: Catalogue, n: int, seed: int = 1) -> FactColumns:
    """n made-up cases shaped like the demo: started over four months, most past milestones done, 3 % paused."""
    rng = np.random.default_rng(seed)
    groups = [g for g in cat.groups.values() if g.open_on(TODAY)]
    pick = rng.integers(0, len(groups), n)
    b = FactColumnsBuilder([groups[i].id for i in pick])
    today = TODAY.toordinal()
    for gi, g in enumerate(groups):
        rows = np.flatnonzero(pick == gi)
        start = today - rng.integers(0, 120, len(rows))
        b.trigger_days(g.initial_trigger, rows, start, rng.integers(8 * 60, 16 * 60, len(rows)))  # office hours
        for rule in (r for r in cat.milestones.values() if r.group == g.id):
            done = rng.random(len(rows)) < 0.5
            b.done_days(rule.id, rows[done], np.minimum(start[done] + rng.integers(1, 30, int(done.sum())), today))
    for i in rng.choice(n, n * 3 // 100, replace=False):
        b.pause_days(int(i), today - 10, NO_DATE)
    return b.build()


def _baseline(cat: Catalogue, cal: WorkingCalendar, cols: FactColumns, plans: dict[str, RulePlan]):  # type: ignore[no-untyped-def]
    """The same anchors and amounts, each counted as "N working days" by numpy in one call."""
    anchors, offsets = [], []
    for rule_id, p in plans.items():
        rule = cat.milestones[rule_id]
        started = p.due != NO_DATE
        if rule.after is None:
            day = cols.trigger_day.get(rule.trigger or "")
            a = day[p.cases] if day is not None else np.zeros(len(p.cases), np.int64)
        else:
            done = cols.done_day.get(rule.after)
            a = done[p.cases] if done is not None else np.zeros(len(p.cases), np.int64)
            a = np.where(a != NO_DATE, a, plans[rule.after].due)
        anchors.append(a[started])
        offsets.append(np.full(int(started.sum()), max(1, rule.amount) if rule.unit is not Unit.HOURS else 1))
    flat = np.concatenate(anchors)
    a = (flat - EPOCH).astype("datetime64[D]")
    o = np.concatenate(offsets)
    years = [date.fromordinal(int(x)).year for x in (flat.min(), flat.max())]
    bdc = numpy_calendar(cal, years[0] - 1, years[1] + 3)
    return (lambda: np.busday_offset(a, o, roll="backward", busdaycal=bdc)), len(o)


def planner(label: str, cat: Catalogue, cal: WorkingCalendar, cols: FactColumns, rounds: int,
            scalar_facts=lambda ids: {}) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    def ours() -> dict[str, RulePlan]:
        return plan_columns(cat, cal, cols, scalar_facts)

    baseline, n_ms = _baseline(cat, cal, cols, ours())
    a, b = alternate(ours, baseline, rounds)
    report_pair(f"{label} {len(cols):,} cases / {n_ms:,} ms", a, b, "target ≤ 3×")


def from_database(n: int, rounds: int) -> None:
    from jobcenter_desktop.services.app import Frister
    from jobcenter_desktop.services.recompute import RecomputeService
    from jobcenter_desktop.storage import recompute_store

    db = bench_db(n)
    app = Frister.open(db, actor="bench")
    cat, cal = app.catalogue, app.calendar
    t = time.perf_counter()
    with app.ctx.db.read() as s:
        cases = recompute_store.open_cases_columns(s)
        from jobcenter_desktop.storage.repository import Repository

        paused = [int(i) for i in np.flatnonzero(cases.facts.paused)]
        loaded = RecomputeService._loaded_facts(Repository(s), cases, paused)
    print(f"#   reading the columns ({len(cases.keys):,} open cases, {len(cases.milestones):,} open milestones): "
          f"{time.perf_counter() - t:.2f} s")  # fmt: skip
    planner("bulk recompute", cat, cal, cases.facts, rounds, lambda ids: {i: loaded[i] for i in ids})
    app.close()


def closure_day(n: int, rounds: int) -> None:
    """Preview and apply after one more closure day, each round on a fresh copy of the database."""
    from jobcenter_desktop.services.app import Frister

    src = bench_db(n)
    with tempfile.TemporaryDirectory() as tmp:
        previews, applies, floors, moved = [], [], [], 0
        for r in range(rounds):
            path = Path(tmp) / "copy.sqlite3"
            with sqlite3.connect(src) as a, sqlite3.connect(path) as b:  # consistent, with what the WAL holds
                a.backup(b)
            app = Frister.open(path, actor="bench")
            app.settings.add_closure(TODAY + timedelta(days=11 + 7 * (r % 2)), "Personaledag")  # a Friday
            t = time.perf_counter()
            with sqlite3.connect(path) as raw:
                raw.execute("SELECT * FROM milestone").fetchall()
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            preview = app.recompute.preview()
            previews.append(time.perf_counter() - t)
            t = time.perf_counter()
            moved = len(app.recompute.apply("Ny lukkedag"))
            applies.append(time.perf_counter() - t)
            assert moved == len(preview)
            app.close()
            path.unlink()
        report_pair(f"recompute preview, one closure day ({moved:,} moves)", previews, floors, "", "s")
        report_pair("recompute apply (writes only the moves)", applies, floors, "target < 3 s", "s")


def due_batch(rows: int, rounds: int) -> None:
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
        bdc = numpy_calendar(WorkingCalendar(), 2016, 2028)
        a = np.array(anchors, dtype="datetime64[D]")
        o = np.full(len(anchors), 5)
        ours, base = alternate(lambda: subprocess.run(exe, check=True, stdout=subprocess.DEVNULL, cwd=ROOT),
                               lambda: np.busday_offset(a, o, roll="backward", busdaycal=bdc), max(3, rounds // 2))
        report_pair(f"due --batch {rows:,} rows (whole process)", ours, base, "", "s")
        print(f"#   {rows / sorted(ours)[len(ours) // 2]:,.0f} rows/s; {spread(ours)} s")


def child(what: str, n: int, repeat: int) -> None:
    """One process for callgrind: build n synthetic cases, then run the planner (or numpy) ``repeat`` times."""
    cat, cal = load_catalogue(default_catalogue_path()), WorkingCalendar()
    cols = synthetic(cat, n)
    plans = plan_columns(cat, cal, cols, lambda ids: {})
    baseline, _ = _baseline(cat, cal, cols, plans)
    for _ in range(repeat):
        plan_columns(cat, cal, cols, lambda ids: {}) if what == "plan" else baseline()


def instructions(n: int) -> None:
    """Instructions per run: (setup + 3 runs) − (setup + 0 runs), over 3 — the setup cancels out."""
    here = [sys.executable, str(Path(__file__)), "--child"]
    counts = {}
    for what in ("plan", "numpy"):
        zero = callgrind_instructions([*here, what, str(n), "0"])
        three = callgrind_instructions([*here, what, str(n), "3"])
        if zero is None or three is None:
            print("#   valgrind not installed: no instruction counts")
            return
        counts[what] = (three - zero) / 3
    print(f"instructions, bulk planner {n:,} synthetic cases   {counts['plan'] / 1e6:9.1f} M  "
          f"numpy {counts['numpy'] / 1e6:9.1f} M  ratio {counts['plan'] / counts['numpy']:5.2f}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="?", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--synthetic", type=int, default=0)
    ap.add_argument("--batch-rows", type=int, default=100_000)
    ap.add_argument("--callgrind", type=int, default=0, metavar="N", help="instruction counts on N synthetic cases")
    ap.add_argument("--no-closure", action="store_true")
    ap.add_argument("--child", nargs=3)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return
    t0 = time.perf_counter()
    if args.cases:
        from_database(args.cases, args.rounds)
        if not args.no_closure:
            closure_day(args.cases, max(3, args.rounds // 2))
    if args.synthetic:
        cat = load_catalogue(default_catalogue_path())
        planner("bulk planner, synthetic", cat, WorkingCalendar(), synthetic(cat, args.synthetic), args.rounds)
    if args.callgrind:
        instructions(args.callgrind)
    if args.batch_rows:
        due_batch(args.batch_rows, args.rounds)
    print(f"# total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
