"""export.xlsx_common: text the workbook refuses never reaches it, and styled cells keep their own style."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill

from jobcenter_desktop.export.xlsx_common import MAX_CELL, StyleCache, _clean, plain_text, text_cell

NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def test_every_character_the_cleaning_removes_is_one_isprintable_refuses() -> None:
    """The fast path (printable text as it is) is only sound if no printable text holds a removable character:
    checked over every code point."""
    removed = [chr(c) for c in range(0x110000) if ILLEGAL_CHARACTERS_RE.search(chr(c)) or NOT_XML.search(chr(c))]
    assert len(removed) > 2000 and not any(c.isprintable() for c in removed)


def test_cleaning_removes_what_excel_refuses_and_keeps_the_rest() -> None:
    assert _clean("Åse Ødegård, 3. sal") == "Åse Ødegård, 3. sal"
    assert _clean("linje 1\nlinje 2\x07\ufffe") == "linje 1\nlinje 2"
    assert _clean("x" * (MAX_CELL + 10)) == "x" * MAX_CELL
    assert _clean("\ud800ok") == "ok"


def test_shared_styles_and_formula_looking_text_read_back(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Ark")
    styles = StyleCache(ws)
    red, bold = PatternFill("solid", fgColor="FFC7CE"), Font(bold=True)
    for i in range(3):
        ws.append([styles.cell(f"række {i}", "red", fill=red), styles.cell(i, "bold", font=bold),
                   plain_text(ws, "=SUM(A1)"), text_cell(ws, "fri\x01tekst")])  # fmt: skip
    path = tmp_path / "a.xlsx"
    wb.save(path)
    back = load_workbook(path)["Ark"]
    for row in back.iter_rows(min_row=1, max_row=3):
        assert row[0].fill.fgColor.rgb.endswith("FFC7CE") and not row[0].font.bold
        assert row[1].font.bold and row[1].fill.fill_type is None
        assert row[2].value == "=SUM(A1)" and row[2].data_type == "s"  # text, never a formula
        assert row[3].value == "fritekst"
