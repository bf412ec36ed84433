"""The export dialog and what follows it, on the real window: a worklist written and read back, a bad file
name said in the dialog, and "Åbn fil" / "Åbn mappe" afterwards."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from jobcenter_desktop.ui import export_dialog as export_module
from jobcenter_desktop.ui.export_dialog import ExportDialog


def test_export_writes_my_week_and_offers_to_open_it(qtbot, window, tmp_path: Path, answer_modal, monkeypatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(export_module, "open_url", lambda p: opened.append(p) or True)
    target = tmp_path / "uge.xlsx"

    def fill(dlg) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dlg, ExportDialog)
        dlg.file_edit.setText(str(tmp_path / "uge.txt"))
        dlg.accept()
        assert ".xlsx" in dlg.message.text() and dlg.isVisible()  # said in place; the dialog stays
        dlg.file_edit.setText(str(target))
        dlg.accept()

    answer_modal.schedule(fill)
    window.export()
    answer_modal.check()
    rows = list(load_workbook(target)["Frister"].iter_rows(min_row=2, values_only=True))
    assert rows and {r[10] for r in rows} == {"anna.k"}
    box = window.export_done
    assert isinstance(box, QMessageBox) and box.isVisible() and str(len(rows)) in box.text()
    buttons = {b.text(): b for b in box.findChildren(QPushButton)}
    buttons["Åbn mappe"].click()
    assert opened == [tmp_path]


def test_a_missing_documents_folder_falls_back_to_home(monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _loc: str(tmp_path / "Dokumenter-findes-ikke"))
    assert export_module.documents_dir() == Path.home()


def test_cancel_leaves_no_file(qtbot, window, tmp_path: Path, answer_modal) -> None:
    def cancel(dlg) -> None:  # type: ignore[no-untyped-def]
        dlg.file_edit.setText(str(tmp_path / "x.xlsx"))
        dlg.reject()

    answer_modal.schedule(cancel)
    window.export()
    answer_modal.check()
    assert not list(tmp_path.glob("*.xlsx"))
    assert answer_modal.seen and answer_modal.seen[0].result() == QDialog.DialogCode.Rejected
