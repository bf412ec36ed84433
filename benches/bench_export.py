"""Excel export of 50,000 rows with full formatting, against openpyxl write-only mode writing the same cell
values unformatted (the baseline). Target: within 1.5×.

    .venv/bin/python benches/bench_export.py [ROWS]        (default 50000)
"""

from __future__ import annotations

import random
import sys
import tempfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from common import TODAY, alternate, report_pair
from openpyxl import Workbook

from jobcenter_desktop.core.models import DeadlineRow, MilestoneState, Party
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.urgency import OPEN_STATES, PALETTE
from jobcenter_desktop.export.worklist_xlsx import COLUMNS, WorklistMeta, write_worklist


def rows(n: int) -> list[DeadlineRow]:
    rng = random.Random(7)
    states = sorted(OPEN_STATES)
    out = []
    for i in range(n):
        due = TODAY + timedelta(days=rng.randrange(-60, 30))
        out.append(DeadlineRow(
            milestone_id=uuid.uuid4(), case_id=uuid.uuid4(), case_number=f"2026-{i:05d}", rule_id="kh_ydelse",
            group="kontanthjaelp", party=Party(PartyKind.CITIZEN, f"Fiktiv Person {i}", "010190-1235"),
            caseworker=f"cw{i % 40}", team=f"Team {i % 5}", state=MilestoneState.OPEN, due=due, due_at=None,
            provisional=False, done_on=None, paused=False, notes="Afventer svar" if i % 7 == 0 else "",
            urgency=rng.choice(states), working_days_left=(due - TODAY).days, milestone_name="Tid hos ydelse",
            group_name="Kontanthjælp (over 30 år)",
        ))  # fmt: skip
    return out


def main(n: int, rounds: int = 7) -> None:
    data = rows(n)
    meta = WorklistMeta(title="Frister uge 48 2026 - Alle", period="uge 48 2026", generated_by="bench",
                        generated_at=datetime(2026, 11, 23, 9, 0), catalogue="albertslund-2016",
                        calendar="standard")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, base_path = Path(tmp) / "ours.xlsx", Path(tmp) / "base.xlsx"

        def ours() -> None:
            write_worklist(ours_path, data, meta)

        def baseline() -> None:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Frister")
            ws.append([c[0] for c in COLUMNS])
            for r in data:
                assert r.due is not None
                ws.append([r.due, "mandag", r.due.isocalendar().week, PALETTE[r.urgency].label,
                           r.working_days_left, r.group_name, r.milestone_name, r.case_number, r.party.name,
                           "010190-XXXX", r.caseworker, r.team, r.notes])  # fmt: skip
            wb.save(base_path)

        a, b = alternate(ours, baseline, rounds)
        report_pair(f"Excel export {n:,} rows, full formatting", a, b, "target ≤ 1.3×", "s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000, int(sys.argv[2]) if len(sys.argv) > 2 else 7)
