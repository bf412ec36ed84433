"""Render the main views and dialogs with demo data (fake people) to PNG files.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]      (default: docs/screenshots)

Runs offscreen; no display needed. Uses a fixed "today" so pictures are comparable between runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
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


def grab(widget: QWidget, path: Path) -> None:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


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
        window.resize(1366, 768)
        grab(window, out / "mine-frister.png")
        window.tabs.setCurrentIndex(1)
        window.calendar.go_today()
        grab(window, out / "kalender.png")
        window.tabs.setCurrentIndex(2)
        grab(window, out / "sager.png")
        window.legend_dock.show()
        window.tabs.setCurrentIndex(0)
        grab(window, out / "forklaring.png")
        window.legend_dock.hide()

        dlg = NewCaseDialog(window.app, lambda: TODAY, window)
        dlg.group_combo.setCurrentIndex(dlg.group_combo.findData("fastholdelse"))
        dlg.party_name_edit.setText("Fiktiv Person")
        dlg.party_id_edit.setText("010190-12")
        grab(dlg, out / "ny-sag-fejl.png")
        dlg.party_id_edit.setText("010190-1235")
        grab(dlg, out / "ny-sag.png")
        dlg.close()

        rows = window.worklist.rows()
        chained = next((r for r in rows if r.rule_id in ("fh_moedetilbud", "lt_blanket", "jr_besaettelse")), rows[0])
        case = CaseDialog(window.app, chained.case_id, lambda: TODAY, window)
        grab(case, out / "sag.png")
        case.tabs.setCurrentIndex(2)
        grab(case, out / "sag-historik.png")
        case.close()

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
