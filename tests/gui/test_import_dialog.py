"""The import dialog on real files: the template imported unchanged imports nothing (its example row is
refused), rows left out stay in view after importing and can be saved as a workbook to fix (audited: it has
CPR numbers), and the file dialogs start where the template went."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from jobcenter_desktop.ui.import_dialog import ImportDialog

TODAY = date(2026, 3, 5)
GOOD = [["Kontanthjælp", "Testperson Et", "010190-1235", "02-03-2026"],
        ["Dagpenge", "Testperson To", "020285-1234", "2026-03-02"]]  # fmt: skip
BAD = ["Dagpenge", "Testperson Tre", "320190-1235", "2026-03-02"]


def _dialog(qtbot, frister, tmp_path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dlg = ImportDialog(frister, lambda: TODAY, settings=settings)
    qtbot.addWidget(dlg)
    return dlg


def test_the_template_unchanged_imports_nothing(qtbot, frister, tmp_path: Path) -> None:
    dlg = _dialog(qtbot, frister, tmp_path)
    template = tmp_path / "skabelon" / "Skabelon.xlsx"
    template.parent.mkdir()
    frister.importer.write_template(template)
    dlg._remember(template)
    assert dlg.folder() == template.parent  # the next file dialog starts there
    dlg.load(template)
    assert dlg.preview is not None and len(dlg.preview.rows) == 1 and not dlg.preview.accepted
    assert "eksempelrække" in dlg.table.item(0, 2).text()
    assert not dlg.import_button.isEnabled()


def test_rejected_rows_stay_and_can_be_saved_to_fix(qtbot, frister, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "sager.xlsx"
    frister.importer.write_template(source)
    wb = load_workbook(source)
    ws = wb["Sager"]
    ws.delete_rows(2)
    for row in [*GOOD, BAD]:
        ws.append(row)
    wb.save(source)
    dlg = _dialog(qtbot, frister, tmp_path)
    dlg.load(source)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # "skip the bad?"
    dlg.accept()
    assert dlg.imported == ["2026-00001", "2026-00002"]
    assert dlg.result() != QDialog.DialogCode.Accepted and dlg.table.rowCount() == 1  # stays, showing the row out
    assert "Testperson Tre" in dlg.table.item(0, 1).text() and "2 sager importeret" in dlg.summary.text()
    assert dlg.save_rejected_button.isVisibleTo(dlg)
    out = dlg._save_rejected(path=tmp_path / "afviste.xlsx")
    assert out == tmp_path / "afviste.xlsx"
    rows = list(load_workbook(out)["Sager"].iter_rows(values_only=True))
    assert rows[0][-1].startswith("Fejl") and rows[1][:3] == ("Dagpenge", "Testperson Tre", "320190-1235")
    assert "CPR" in rows[1][-1] or "dato" in rows[1][-1].lower()
    audited = [e for e in frister.audit() if e.entity == "export" and e.entity_id == "afviste.xlsx"]
    assert audited and audited[0].action == "reveal_cpr"
