"""``jobcenter-desktop --self-test``: proves an installation (or the frozen bundle) works end to end, offline.

Opens a temporary database and migrates it, loads the catalogue and the holiday data, computes a known
deadline, registers a case, exports a small worklist and reads it back. Nothing outside a temp folder is touched.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from jobcenter_desktop.core.dates import local_time_problem
from jobcenter_desktop.core.deadlines import compute_due
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope
from jobcenter_desktop.storage.server import server_driver

# A worked example from the catalogue: first fremmøde Thu 18 Dec 2025 + 5 hverdage over Christmas.
ANCHOR, EXPECTED = date(2025, 12, 18), date(2025, 12, 30)


def _letter_check(app: Frister, tmp: Path, today: date) -> str:
    """The underretning letter from the bundled template (docxtpl, python-docx and the template all present)."""
    from jobcenter_desktop.export.notice_docx import letter_text

    case = app.cases.register(NewCase("fleksjob", "Selvtest Fleksen", "020290-1235",
                                      {"sag_paabegyndt": date(2025, 7, 1)}), today)  # fmt: skip
    decision = next(m for m in case.milestones if m.rule_id == "fj_afgoerelse")
    out = app.notices.draft(decision.id, expected=date(2026, 2, 2), reason="Selvtest.", target=tmp / "brev.docx",
                            today=today)  # fmt: skip
    text = letter_text(out)
    if "2. februar 2026" not in text or "{{" in text:
        raise ServiceError("underretningsbrevet blev ikke udfyldt fra skabelonen")
    return "underretning skrevet fra skabelonen og læst igen (Word)"


def run_self_test() -> list[str]:
    """Returns the checks that passed (Danish lines); raises ServiceError naming the first that failed."""
    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="frister-selftest-") as tmp:
        db = Path(tmp) / "selftest.sqlite3"
        app = Frister.open(db, actor="selvtest")
        try:
            done.append(f"database oprettet og migreret ({db.name})")
            cat = app.catalogue
            done.append(f"regelkatalog indlæst: {cat.label}, {len(cat.milestones)} milepæle")
            reason = app.calendar.non_working_reason(date(2025, 12, 25))
            if reason != "Juledag":
                raise ServiceError(f"helligdagsdata mangler: 25-12-2025 gav {reason!r}")
            due = compute_due(cat.milestones["kh_ydelse"], ANCHOR, app.calendar).due
            if due != EXPECTED:
                raise ServiceError(f"kendt frist forkert: kh_ydelse fra {ANCHOR} gav {due}, ikke {EXPECTED}")
            done.append(f"kendt frist beregnet: kh_ydelse fra {ANCHOR:%d-%m-%Y} = {due:%d-%m-%Y}")
            today = date(2025, 12, 18)
            app.cases.register(NewCase("kontanthjaelp", "Selvtest Person", "010190-1235",
                                       {"foerste_fremmoede": ANCHOR}), today)  # fmt: skip
            moves = app.recompute.preview()  # the vectorised planner (numpy) agrees with the stored dates
            if moves:
                raise ServiceError(f"genberegning uenig med gemte frister: {len(moves)} ville flytte")
            done.append("genberegning (samlet, numpy) enig med gemte frister")
            if local_time_problem(datetime(2026, 3, 29, 2, 30)) is None:
                raise ServiceError("tidszonedata mangler: 29-03-2026 02:30 blev godtaget (findes ikke i dansk tid)")
            done.append("dansk tid kendt (sommertid 29-03-2026)")
            done.append(f"driver til teamdatabasen: {server_driver()}")
            app.ctx.private_tmp = Path(tmp) / "private"  # the export's temporary files stay in this temp folder
            out = Path(tmp) / "selvtest.xlsx"
            req = ExportRequest(Scope(caseworker="selvtest"), Period.iso_week(2025, 52))
            n = app.worklists.export(req, out, today, datetime(2025, 12, 18, 12, 0))
            from openpyxl import load_workbook  # the export layer's own reader, as a user would open it

            wb = load_workbook(out, read_only=True)
            try:
                rows = list(wb["Frister"].iter_rows(min_row=2, values_only=True))
            finally:
                wb.close()
            if n < 1 or len(rows) != n:
                raise ServiceError(f"arbejdslisten har {len(rows)} rækker, ventede {n}")
            done.append(f"arbejdsliste eksporteret og læst igen ({n} {'frist' if n == 1 else 'frister'})")
            done.append(_letter_check(app, Path(tmp), today))
        finally:
            app.close()
    return done
