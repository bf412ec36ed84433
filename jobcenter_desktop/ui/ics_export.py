"""Filer → Eksportér til kalender: the worklist's caseworker (or team) as an .ics file for Outlook. The file
holds no personal data, so it needs no warning and no audit entry; exporting to the same file again updates
the events already imported."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.export_dialog import remembered_folder

if TYPE_CHECKING:
    from jobcenter_desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate
AskPath = Callable[[QWidget, str, str, str], str]  # parent, title, suggested file, filter → chosen ("" = none)


def _ask(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]


def export_calendar(window: MainWindow, ask: AskPath = _ask) -> Path | None:
    f = window.worklist.current_filter()
    scope = DeadlineFilter(caseworker=f.caseworker, team=None if f.caseworker else f.team)
    who = f.caseworker or f.team or translate("IcsExport", "alle")
    folder = remembered_folder(window.settings, "export/ics_folder")
    chosen = ask(window, translate("IcsExport", "Eksportér frister til kalender"),
                 str(folder / translate("IcsExport", "Frister {0}.ics").format(who)),
                 translate("IcsExport", "Kalender (*.ics)"))  # fmt: skip
    if not chosen:
        return None
    path = Path(chosen) if chosen.lower().endswith(".ics") else Path(chosen + ".ics")
    try:
        n = window.app.calendar_export.export(scope, path, window.today(), datetime.now())
    except ServiceError as e:
        show_error(window, str(e))
        return None
    window.settings.setValue("export/ics_folder", str(path.parent))
    window.status_message(translate("IcsExport", "{0} gemt i {1} (uden persondata). Åbn filen i Outlook for at "
                                                 "lægge dem i kalenderen.").format(
        count(n, translate("IcsExport", "frist"), translate("IcsExport", "frister")), path), 12000)  # fmt: skip
    return path
