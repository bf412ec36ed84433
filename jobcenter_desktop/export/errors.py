"""Export errors, without the spreadsheet library: the services catch them at start-up cost zero (openpyxl is
imported only when a workbook is written or read)."""

from __future__ import annotations


class ExportError(Exception):
    """The file could not be written; the message is Danish and says what to do."""


class ExportCancelled(Exception):
    """The user cancelled an export; the partial file has been removed."""
