"""Shared Excel helpers: safe text cells, atomic saving, and the errors the export layer raises."""

from __future__ import annotations

import contextlib
import re
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jobcenter_desktop.core.gcpause import gc_paused as gc_paused  # the writers pause the collector
from jobcenter_desktop.export.atomic import save_atomically as save_atomically
from jobcenter_desktop.export.errors import ExportError as ExportError  # the services' name for it

MAX_CELL = 32_767  # Excel's limit for text in one cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Not control characters, but not allowed in XML 1.0 either: openpyxl would write them and the file would not open.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _clean(value: str) -> str:
    """Text Excel and XML accept. Nearly every text is printable as it is (``str.isprintable`` is False for every
    control character, surrogate and non-character the two patterns remove): those skip the patterns."""
    if value.isprintable():
        return value[:MAX_CELL]
    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))[:MAX_CELL]


def text_cell(ws: WriteOnlyWorksheet, value: str, **style: Any) -> WriteOnlyCell:
    """A cell that is always plain text: never a formula, even if a citizen's note starts with "="."""
    clean = _clean(value)
    cell = WriteOnlyCell(ws, value=clean)
    cell.data_type = "s"
    if clean.startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited later
    for key, val in style.items():
        setattr(cell, key, val)
    return cell


def plain_text(ws: WriteOnlyWorksheet, value: str) -> str | WriteOnlyCell:
    """Unstyled text: the cleaned string itself when it cannot be mistaken for a formula (cheap: no cell
    object), else a text cell."""
    clean = _clean(value)  # the same cleaning as text_cell
    if clean.startswith(FORMULA_STARTS):
        return text_cell(ws, value)
    return clean


class _StyledCell(Cell):  # type: ignore[misc]  # openpyxl ships no types
    """A write-only cell whose style id is known: openpyxl would hash the cell's style array to look it up,
    once per cell (a tenth of a large export)."""

    __slots__ = ("_known_style_id",)

    @property
    def style_id(self) -> int:
        return self._known_style_id  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        # openpyxl's append takes a cell by failing to bind it as a value, and formats the cell into that
        # error's message first: the default repr (sheet title and coordinate) was 4 % of a large export.
        return "<styled cell>"


class StyleCache:
    """Styled cells at speed: openpyxl hashes every style object assigned to a cell to find its id, which
    dominated large exports. Each combination is resolved once (its style array and id); later cells share
    them – a write-only cell is written once and never styled again."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._styles: dict[object, tuple[Any, int]] = {}

    def cell(self, value: object, key: object, **style: Any) -> WriteOnlyCell:
        if isinstance(value, str):
            value = _clean(value)
            if value.startswith(FORMULA_STARTS):  # rare: formula-looking text keeps its own style
                cell = text_cell(self.ws, value)
                for k, v in style.items():
                    setattr(cell, k, v)
                return cell
        found = self._styles.get(key)
        if found is None:
            first = WriteOnlyCell(self.ws, value=value)
            for k, v in style.items():
                setattr(first, k, v)
            array = copy(first._style)
            found = self._styles[key] = (array, self.ws.parent._cell_styles.add(array))
        cell = _StyledCell(self.ws, row=1, column=1, value=value, style_array=found[0])
        cell._known_style_id = found[1]
        if isinstance(value, str):
            cell.data_type = "s"  # text, as text_cell makes it
        return cell


def discard(wb: Workbook) -> None:
    """Release a write-only workbook that will not be saved (cancelled, or the folder failed): finish each sheet's
    row stream and delete openpyxl's temporary file now, instead of leaving both to the garbage collector (which
    reports "Exception ignored in ... _write_rows" and keeps the temporary files until the app exits)."""
    for ws in wb.worksheets:
        if not isinstance(ws, WriteOnlyWorksheet) or ws.closed or ws._writer is None:
            continue
        with contextlib.suppress(Exception):
            ws.close()
            ws._writer.cleanup()


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))
