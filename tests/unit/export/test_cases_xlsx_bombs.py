"""Hostile and broken workbooks (issue 11): the reader never trusts what a file says about itself (the sheet's
<dimension> tag, its row numbers, how small its parts look packed) and bounds its work by what it reads, so every
such file is either read whole or refused with a Danish message naming the limit."""

from __future__ import annotations

import re
import tracemalloc
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from jobcenter_desktop.export import cases_xlsx
from jobcenter_desktop.export.cases_xlsx import ImportFileError, read_cases

HEADER = ["Målgruppe", "Navn", "CPR/CVR", "Startdato"]


def _rows(n: int) -> list[list[object]]:
    return [["dagpenge", f"Fiktiv Person {i}", f"{(i % 28) + 1:02d}0190-{1000 + i}", date(2026, 3, 2)]
            for i in range(n)]


def _save(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in [HEADER, *rows]:
        wb.active.append(row)
    wb.save(path)
    return path


def _rewrite(path: Path, member: str, change) -> Path:  # type: ignore[no-untyped-def]
    """Replace one part of the zip with ``change(old_text)``, keeping every other part as it is."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


SHEET = "xl/worksheets/sheet1.xml"


def test_a_stale_dimension_tag_drops_no_rows(tmp_path: Path, catalogue) -> None:
    """The tag says the sheet ends at row 3; there are 7 rows. All six cases are read (it used to be two)."""
    path = _rewrite(_save(tmp_path / "stale.xlsx", _rows(6)), SHEET,
                    lambda xml: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:D3"', xml))  # fmt: skip
    assert '<dimension ref="A1:D3"' in zipfile.ZipFile(path).read(SHEET).decode()
    got = read_cases(path, catalogue)
    assert [r.name for r in got] == [f"Fiktiv Person {i}" for i in range(6)]
    assert [r.line for r in got] == [2, 3, 4, 5, 6, 7]


def test_a_dimension_claiming_a_million_rows_reads_only_the_real_ones(tmp_path: Path, catalogue) -> None:
    path = _rewrite(_save(tmp_path / "claims.xlsx", _rows(3)), SHEET,
                    lambda xml: re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:XFD1048576"', xml))  # fmt: skip
    assert len(read_cases(path, catalogue)) == 3


def test_a_far_away_row_is_refused_by_the_scanned_rows_limit(tmp_path: Path, catalogue) -> None:
    """One cell in row 1,000,000: the rows between are empty but still rows to scan (433 KB took 117 s)."""
    far = '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>dagpenge</t></is></c></row></sheetData>'
    path = _rewrite(_save(tmp_path / "far.xlsx", _rows(2)), SHEET, lambda xml: xml.replace("</sheetData>", far))
    with pytest.raises(ImportFileError, match=r"mere end 50\.000 rækker \(tomme rækker medregnet\)"):
        read_cases(path, catalogue)


def test_a_shared_strings_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, catalogue) -> None:
    """A few MB packed, hundreds of MB unpacked: refused from the zip directory, within a small memory budget."""
    path = _save(tmp_path / "bomb.xlsx", _rows(1))
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    huge = "<si><t>" + "A" * 1_000_000 + "</t></si>"
    parts["xl/sharedStrings.xml"] = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                     + huge * 200 + "</sst>").encode()  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    del parts
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError, match=r"for stor udpakket: delen xl/sharedStrings\.xml fylder 191 MB"):
            read_cases(path, catalogue)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_too_much_unpacked_in_all_is_refused(tmp_path: Path, catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cases_xlsx, "MAX_UNPACKED_BYTES", 2_000)
    with pytest.raises(ImportFileError, match=r"for stor udpakket \(0 MB, højst 0 MB\)"):
        read_cases(_save(tmp_path / "many.xlsx", _rows(50)), catalogue)


def test_a_row_reaching_the_last_column_reads_only_the_first_columns(tmp_path: Path, catalogue) -> None:
    wide = '<c r="XFD2" t="inlineStr"><is><t>langt ude</t></is></c></row>'
    path = _rewrite(_save(tmp_path / "wide.xlsx", _rows(1)), SHEET, lambda xml: xml.replace("</row>", wide, 2))
    (row,) = read_cases(path, catalogue)
    assert row.name == "Fiktiv Person 0"


def test_a_styles_bomb_is_refused_from_the_zip_directory(tmp_path: Path, catalogue) -> None:
    xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    path = _rewrite(_save(tmp_path / "styles.xlsx", _rows(1)), "xl/styles.xml",
                    lambda xml: xml.replace("</cellXfs>", xf * 100_000 + "</cellXfs>"))  # fmt: skip
    with pytest.raises(ImportFileError, match=r"delen xl/styles\.xml fylder 6 MB \(højst 4 MB\)"):
        read_cases(path, catalogue)


@pytest.mark.parametrize(("rows", "cells"), [(3, 150_000), (20_000, 25)])
def test_millions_of_cells_are_refused_before_parsing(tmp_path: Path, catalogue, rows: int, cells: int) -> None:
    """Few rows of very many cells, or many rows of empty cells (37 s and 46 s before): a byte scan of the XML."""
    body = "".join(f'<row r="{r}">' + '<c t="inlineStr"><is><t></t></is></c>' * cells + "</row>"
                   for r in range(3, 3 + rows))  # fmt: skip
    path = _rewrite(_save(tmp_path / "cells.xlsx", _rows(1)), SHEET, lambda xml: xml.replace("</sheetData>",
                                                                                            body + "</sheetData>"))
    with pytest.raises(ImportFileError, match=r"mere end 400\.000 celler \(tomme medregnet\)"):
        read_cases(path, catalogue)


def test_a_header_past_the_last_read_column_or_twice_is_refused(tmp_path: Path, catalogue) -> None:
    wide = _save(tmp_path / "wide.xlsx", [])
    wb = Workbook()
    wb.active.append([*HEADER, *[f"x{i}" for i in range(100)], "Sagsbehandler"])
    wb.save(wide)
    with pytest.raises(ImportFileError, match=r"mere end 100 kolonner"):
        read_cases(wide, catalogue)
    twice = tmp_path / "twice.xlsx"
    wb = Workbook()
    wb.active.append([*HEADER, "Bemærkning", "bemaerkning"])
    wb.active.append(["dagpenge", "Fiktiv", "020285-1234", date(2026, 3, 2), "a", "b"])
    wb.save(twice)
    with pytest.raises(ImportFileError, match=r"står to gange .*kolonne E og F"):
        read_cases(twice, catalogue)


def test_unused_columns_are_named_not_ignored_in_silence(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "typo.xlsx"
    wb = Workbook()
    wb.active.append([*HEADER, "Sagsbehandlerr"])
    wb.active.append(["dagpenge", "Fiktiv", "020285-1234", date(2026, 3, 2), "bo.l"])
    wb.save(path)
    got = read_cases(path, catalogue)
    assert len(got) == 1 and got.ignored == ("Sagsbehandlerr",)


def test_formulas_without_a_saved_result_are_refused_not_read_as_empty(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "formula.xlsx"
    wb = Workbook()
    wb.active.append([*HEADER, "Sagsbehandler"])
    wb.active.append(["dagpenge", "Fiktiv", "020285-1234", date(2026, 3, 2), '=LOWER("BO.L")'])
    wb.save(path)  # openpyxl stores the formula and no result, as scripts do
    with pytest.raises(ImportFileError, match=r"formler uden gemt resultat \(fx celle E2\)"):
        read_cases(path, catalogue)


def test_data_in_a_column_without_a_header_is_named(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "nohdr.xlsx"
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.append(["dagpenge", "Fiktiv", "020285-1234", date(2026, 3, 2), None, "vigtigt"])
    wb.save(path)
    assert read_cases(path, catalogue).ignored == ("kolonne F uden overskrift",)
