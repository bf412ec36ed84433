"""Indstillinger → Kataloger over tid: the list of catalogues with their validity and closed groups, adding a
municipality's own file (every problem reported; a valid one listed at once), and moving open cases previewed
in a dialog before one audited apply."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from support.catalogues import catalogue_variant

from jobcenter_desktop.paths import default_catalogue_path
from jobcenter_desktop.ui.catalogue_panel import CataloguePanel, MovePreviewDialog

TODAY = date(2026, 11, 23)


def _newer(tmp_path: Path) -> Path:
    return catalogue_variant(tmp_path, "kommune-2027", "2027-01-01")


def test_lists_catalogues_adds_one_and_previews_a_move(qtbot, frister, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.services.cases import NewCase

    frister.cases.register(NewCase("dagpenge", "Fiktiv Lund", "020285-1234", {"ledigmelding": TODAY}), TODAY)
    panel = CataloguePanel(frister, lambda: TODAY)
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "albertslund-2016"
    assert "Revalidering fra 01-02-2026" in panel.closed_label.text()
    assert panel.table.item(0, 4).text() == "1"

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(_newer(tmp_path)), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    panel._add()
    assert panel.table.rowCount() == 2 and "01-01-2027" in panel.added_message
    assert [panel.table.item(r, 3).text() for r in range(2)] == ["31-12-2026", "—"]

    panel.table.selectRow(1)
    shown: list[str] = []

    def accept(self: QDialog) -> QDialog.DialogCode:
        shown.append(self.lines.toPlainText())  # type: ignore[attr-defined]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MovePreviewDialog, "exec", accept)
    panel._move()
    assert shown and shown[0].startswith("2026-00001 (albertslund-2016 → kommune-2027)")
    assert panel.moved == 1
    assert frister.cases.by_number("2026-00001").catalogue_id == "kommune-2027"
    assert panel.table.item(1, 4).text() == "1" and panel.table.item(0, 4).text() == "0"


def test_a_bad_file_says_every_problem(qtbot, frister, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text(default_catalogue_path().read_text(encoding="utf-8").replace('id = "albertslund-2016"',
                   'id = "b"', 1).replace("target = 0.75", "target = 7"), encoding="utf-8")  # fmt: skip
    panel = CataloguePanel(frister, lambda: TODAY)
    qtbot.addWidget(panel)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    errors: list[str] = []
    monkeypatch.setattr("jobcenter_desktop.ui.catalogue_panel.show_error", lambda _p, msg, *a: errors.append(msg))
    panel._add()
    assert errors and "bad.toml: catalogue.target" in errors[0]
    assert panel.table.rowCount() == 1
