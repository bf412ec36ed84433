"""Printing: the worklist as shown and a case summary, through the real print preview and a real PDF on A4."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtPrintSupport import QPrintPreviewDialog
from support.qt_wait import settled

from jobcenter_desktop.ui import printing

WHEN = datetime(2026, 11, 23, 9, 30)


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_worklist_prints_as_shown_with_masked_cpr(window, tmp_path: Path) -> None:
    window.worklist.caseworker_combo.setCurrentIndex(window.worklist.caseworker_combo.findData(""))  # everyone's
    rows = settled(None, window).worklist.model.rows()
    assert len(rows) > 40
    text = printing.deadlines_html("Frister", rows, "anna.k", WHEN)
    assert "Udskrevet 23-11-2026 09:30 af anna.k" in text
    for header in ("Status", "Frist", "Milepæl", "Målgruppe", "Sagsnr.", "CPR/CVR"):
        assert f"<th>{header}</th>" in text
    assert all(r.case_number in text for r in rows)
    cprs = re.findall(r"\d{6}-\d{4}", text)
    assert not cprs, f"full CPR numbers printed: {cprs[:3]}"
    assert "-XXXX" in text
    pdf = tmp_path / "frister.pdf"
    printing.save_pdf(text, pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and _pages(pdf) >= 2  # the team's deadlines: several A4 pages


def test_ctrl_p_opens_the_preview_of_the_current_list(qtbot, window, answer_modal) -> None:
    seen = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QPrintPreviewDialog)
        seen.append((dialog.windowTitle(), dialog.findChild(object, "save_pdf_action") is not None))
        dialog.reject()

    answer_modal.schedule(look)
    window.action_print.trigger()
    answer_modal.check()
    assert seen == [("Udskriv: Frister", True)]
    assert window.action_print.shortcut().toString() == "Ctrl+P"


def test_case_summary_has_milestones_reasons_and_history(window, tmp_path: Path) -> None:
    from jobcenter_desktop.services.history import history

    row = window.worklist.model.row_at(0)
    case = window.app.cases.get(row.case_id)
    lines = history(window.app.audit(case.id), window.app.catalogue)
    text = printing.case_html(case, window.app.catalogue, lines, "anna.k", WHEN)
    assert f"Sag {case.number}" in text and "Hvorfor denne dato?" in text and "Historik" in text
    assert all(window.app.catalogue.milestones[m.rule_id].name in text for m in case.milestones)
    assert case.party.identifier not in text or case.party.kind.value == "company"
    revealed = printing.case_html(case, window.app.catalogue, lines, "anna.k", WHEN, reveal=True)
    assert case.party.identifier in revealed
    pdf = tmp_path / "sag.pdf"
    printing.save_pdf(text, pdf)
    assert _pages(pdf) >= 1
