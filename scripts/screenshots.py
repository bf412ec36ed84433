"""Render every window and dialog with demo data (fake people) to PNG files, on a laptop's screen.

    .venv/bin/python scripts/screenshots.py [OUT_DIR] [--screen 1366x768|1024x700]   (default: docs/screenshots)

Runs offscreen on a virtual screen of that size (Qt's offscreen platform with a screen config), so windows
size themselves as on that laptop; 1024x700 pictures get the suffix "-1024". A fixed "today" keeps pictures
comparable between runs.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

SCREEN = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--screen=")), "1366x768")
sys.argv = [a for a in sys.argv if not a.startswith("--screen=")]
SCREEN_W, SCREEN_H = (int(x) for x in SCREEN.split("x"))
SUFFIX = "" if SCREEN_W >= 1366 else f"-{SCREEN_W}"
_config = Path(tempfile.gettempdir()) / f"frister-screen-{SCREEN}.json"
_config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN_W,
                                           "height": SCREEN_H, "logicalDpi": 96, "dpr": 1}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from jobcenter_desktop.cli import main as cli_main
from jobcenter_desktop.ui.app import build_main_window, ensure_qapp
from jobcenter_desktop.ui.case.dialog import CaseDialog
from jobcenter_desktop.ui.export_dialog import ExportDialog
from jobcenter_desktop.ui.import_dialog import ImportDialog
from jobcenter_desktop.ui.new_case_dialog import NewCaseDialog
from jobcenter_desktop.ui.settings_dialog import SettingsDialog

TODAY = date(2026, 11, 23)


def fill_sample(path: Path) -> None:
    """A small case list as a team might keep it: mixed date styles, one unknown group, one bad CPR."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Sager"]
    ws.delete_rows(2)
    ws.append(["Dagpenge", "Fiktiv Jensen", "0101901235", date(2026, 11, 16), None, "anna.k", "Team Vest", ""])
    ws.append(["kontanthjælp", "Fiktiv Hansen", "020290-1235", "17-11-2026", None, "", "", "Tolk: arabisk"])
    ws.append(["Løntilskud", "Fiktiv Tømrer ApS", "12345678", "2026-11-18", "10:30", "", "", ""])
    ws.append(["Sygedagpenge", "Fiktiv Olsen", "030390-1235", "18.11.2026", None, "", "", ""])
    ws.append(["Dagpenge", "Fiktiv Berg", "310290-1235", "18-11-2026", None, "", "", ""])
    wb.save(path)


def shoot_notice(window, out: Path, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """Underretning (rsl. § 3, stk. 2): a decision due within five working days without a notice, in the
    worklist ("Alle"), its case window and the letter dialog with the draft written."""
    from jobcenter_desktop.core.models import DeadlineFilter
    from jobcenter_desktop.core.notice import NoticeState
    from jobcenter_desktop.ui.notice_dialog import NoticeDialog

    rows = window.app.deadlines.list(DeadlineFilter(), TODAY)
    flagged = [r for r in rows if r.notice is NoticeState.DUE]
    due = next((r for r in flagged if r.caseworker == window.app.ctx.actor), flagged[0] if flagged else None)
    if due is None:
        print("no decision with an underretning due in the demo data", file=sys.stderr)
        return
    window.worklist.search_edit.setText(due.case_number)
    settle(window)
    grab(window, out / "underretning-arbejdsliste.png")
    window.worklist.search_edit.clear()
    case = CaseDialog(window.app, due.case_id, lambda: TODAY, window)
    for row in range(case.milestones.rowCount()):
        item = case.milestones.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == due.milestone_id:
            case.milestones.selectRow(row)
    grab(case, out / "underretning-sag.png")
    record = next(m for m in case.case.milestones if m.id == due.milestone_id)
    dlg = NoticeDialog(window.app, case.case, record, NoticeState.DUE, lambda: TODAY, case)
    dlg.target.setText(str(tmp / "Underretning.docx"))
    dlg.reason.setPlainText("Vi venter på en lægeerklæring fra din egen læge.")
    dlg.write_draft()
    grab(dlg, out / "underretning-dialog.png")
    dlg.close()
    case.close()


def settle(widget: QWidget) -> None:
    """Until the window's background loads are in (the lists load off the UI thread; the Kalender, Sager and
    Team tabs start theirs when first shown)."""
    from jobcenter_desktop.ui.loader import BackgroundLoad

    QApplication.processEvents()
    deadline = time.monotonic() + 30
    while any(lo.running for lo in widget.window().findChildren(BackgroundLoad)) and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    QApplication.processEvents()


def grab(widget: QWidget, path: Path) -> None:
    widget.show()
    settle(widget)
    path = path.with_name(path.stem + SUFFIX + path.suffix)
    widget.grab().save(str(path))
    print(path, f"{widget.width()}x{widget.height()}")


def shoot_desk(window, out: Path, tmp: str) -> None:  # type: ignore[no-untyped-def]
    """The round-2 desk: several cases selected and the one confirmation, the pause dialog, reassigning a
    caseload, the digest, the guide, the Om box, the print preview."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QMessageBox

    from jobcenter_desktop.ui import printing
    from jobcenter_desktop.ui.digest_dialog import DigestDialog, digest_rows
    from jobcenter_desktop.ui.help_dialog import GuideDialog, show_about
    from jobcenter_desktop.ui.input_dialogs import DateReasonDialog, ReassignDialog, pause_reasons

    table = window.worklist.table
    for row in range(4):
        table.selectionModel().select(table.model().index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    grab(window, out / "flere-valgt.png")
    targets = window.case_actions.targets()
    plan = window.app.bulk.plan_complete(targets, TODAY, TODAY)
    box = QMessageBox(QMessageBox.Icon.Question, plan.title, plan.summary, parent=window)
    box.addButton("Udfør", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Annullér", QMessageBox.ButtonRole.RejectRole)
    grab(box, out / "bekraeft-flere.png")
    box.close()
    pause = DateReasonDialog("Pause sag", "Pause fra:", TODAY, reason="Årsag:", choices=pause_reasons(None),
                             until="Forventet slut:", parent=window)  # fmt: skip
    grab(pause, out / "pause.png")
    pause.close()
    spread = ReassignDialog(window.app.caseworkers(), "anna.k", window, cases=len({t.case_id for t in targets}))
    grab(spread, out / "overdrag-flere.png")
    spread.close()
    digest = DigestDialog(digest_rows(window.app, TODAY), window.settings, lambda: TODAY, window)
    grab(digest, out / "dagens-frister.png")
    digest.close()
    guide = GuideDialog(window)
    grab(guide, out / "vejledning.png")
    guide.close()
    about = show_about(window, window.app)
    grab(about, out / "om.png")
    about.close()
    text = printing.deadlines_html("Frister", window.worklist.model.rows(), "anna.k", datetime(2026, 11, 23, 9, 30))
    preview = printing.preview(window, "Frister", text)
    grab(preview, out / "udskrift.png")
    preview.close()
    table.clearSelection()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite3"
        cli_main(["--db", str(db), "--as", "anna.k", "--my-team", "Team Vest", "--today", TODAY.isoformat(),
                  "demo", "--cases", "400"])  # fmt: skip
        qapp = ensure_qapp()
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings)
        window.resize(SCREEN_W, SCREEN_H - 40)  # the taskbar takes the rest
        grab(window, out / "mine-frister.png")
        window.tabs.setCurrentIndex(1)
        window.calendar.go_today()
        grab(window, out / "kalender.png")
        window.tabs.setCurrentIndex(2)
        grab(window, out / "sager.png")
        window.tabs.setCurrentIndex(3)
        team = window.team
        settle(window)  # the figures are in before a cell is clicked
        team.matrix.setCurrentCell(0, 2)
        team._cell_clicked(0, 2)
        grab(window, out / "team.png")
        team.figure_tabs.setCurrentIndex(1)
        grab(window, out / "team-diagram.png")
        team.figure_tabs.setCurrentIndex(2)
        grab(window, out / "team-udvikling.png")
        team.figure_tabs.setCurrentIndex(3)
        grab(window, out / "team-fritagelser.png")
        team.by_combo.setCurrentIndex(2)
        team.figure_tabs.setCurrentIndex(1)
        grab(window, out / "team-diagram-sagsbehandlere.png")
        window.tabs.setCurrentIndex(0)
        window.show_legend(True)
        grab(window, out / "forklaring.png")
        if window.legend_dock.isFloating():
            grab(window.legend_dock, out / "forklaring-svævende.png")
        window.show_legend(False)
        shoot_desk(window, out, tmp)

        dlg = NewCaseDialog(window.app, lambda: TODAY, window)
        dlg.group_combo.setCurrentIndex(dlg.group_combo.findData("fastholdelse"))
        dlg.party_name_edit.setText("Fiktiv Person")
        dlg.party_id_edit.setText("010190-12")
        grab(dlg, out / "ny-sag-fejl.png")
        dlg.party_id_edit.setText("010190-1235")
        grab(dlg, out / "ny-sag.png")
        dlg.party_name_edit.clear()  # closing a filled-in Ny sag asks first
        dlg.party_id_edit.clear()
        dlg.close()

        rows = window.worklist.rows()
        chained = next((r for r in rows if r.rule_id in ("fh_moedetilbud", "lt_blanket", "jr_besaettelse")), rows[0])
        case = CaseDialog(window.app, chained.case_id, lambda: TODAY, window)
        grab(case, out / "sag.png")
        case.tabs.setCurrentIndex(2)
        grab(case, out / "sag-historik.png")
        case.close()
        shoot_notice(window, out, Path(tmp))

        export_dlg = ExportDialog(window.app, lambda: TODAY, window, folder=Path(tmp))
        grab(export_dlg, out / "eksport.png")
        export_dlg.close()
        sample = Path(tmp) / "sager.xlsx"
        window.app.importer.write_template(sample)
        fill_sample(sample)
        import_dlg = ImportDialog(window.app, lambda: TODAY, window)
        import_dlg.load(sample)
        grab(import_dlg, out / "import.png")
        import_dlg.close()

        window.lock()
        grab(window, out / "laast.png")
        window.try_unlock("anna.k")

        settings_dlg = SettingsDialog(window.app, settings, TODAY, window)
        grab(settings_dlg, out / "indstillinger.png")
        settings_dlg.tabs.setCurrentIndex(1)
        grab(settings_dlg, out / "indstillinger-katalog.png")
        settings_dlg.tabs.setCurrentIndex(3)
        grab(settings_dlg, out / "indstillinger-kataloger.png")
        settings_dlg.close()

        from jobcenter_desktop.ui.first_run import FirstRunDialog

        first = FirstRunDialog()
        first.user_edit.setText("anna.k\x1b[31m")  # refused inline: control characters in an identity
        grab(first, out / "foerste-start-fejl.png")
        first.close()
        QTimer.singleShot(0, qapp.quit)
        window.close()
        for w in qapp.topLevelWidgets():
            if isinstance(w, QDialog):
                w.close()
        window.app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
