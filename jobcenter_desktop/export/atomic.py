"""Files written whole or not at all: a temporary file next to the target, then an atomic replace. Without the
spreadsheet library, so a letter does not load openpyxl."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from jobcenter_desktop.export.errors import ExportError

_APP = {".xlsx": "Excel", ".docx": "Word"}


class Savable(Protocol):
    """An openpyxl workbook or a docxtpl document."""

    def save(self, filename: Any) -> Any: ...


def save_atomically(wb: Savable, target: Path, before_save: Callable[[], None] | None = None) -> None:
    """Write to a temporary file next to the target, then replace it: never a half-written workbook or letter."""
    folder = target.parent
    if not folder.exists():
        raise ExportError(f"Mappen findes ikke: {folder}. Vælg en anden placering.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~frister-", suffix=target.suffix or ".tmp", dir=folder)
    except OSError as e:
        raise ExportError(f"Der kan ikke skrives i mappen {folder} ({e.strerror}). Vælg en anden placering.") from e
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if before_save is not None:
            before_save()
        try:
            wb.save(tmp)
        except OSError as e:  # a full disk, a folder that went away
            raise ExportError(f"Filen {target.name} kunne ikke skrives ({e.strerror or e}). Intet er gemt; frigør "
                              "plads eller vælg en anden mappe.") from e  # fmt: skip
        try:
            os.replace(tmp, target)
        except PermissionError as e:
            app = _APP.get(target.suffix.lower(), "et andet program")
            raise ExportError(f"Filen {target.name} kan ikke overskrives; den er måske åben i {app}. "
                              "Luk den eller vælg et andet filnavn.") from e  # fmt: skip
        except OSError as e:
            raise ExportError(f"Filen {target} kan ikke gemmes ({e.strerror}). Vælg et andet filnavn.") from e
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
