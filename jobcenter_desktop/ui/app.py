"""Starting the desktop app. ``build_main_window(db_path)`` is what start-up and the tests both use."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from jobcenter_desktop import __version__
from jobcenter_desktop.logsetup import setup_logging
from jobcenter_desktop.paths import APP_NAME, default_db_path
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.context import os_username
from jobcenter_desktop.services.errors import StartupError
from jobcenter_desktop.ui.errors import install_excepthook
from jobcenter_desktop.ui.main_window import MainWindow
from jobcenter_desktop.ui.theme import app_icon, stylesheet


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    qapp = QApplication(argv or [sys.argv[0]])
    qapp.setWindowIcon(app_icon())
    qapp.setStyleSheet(stylesheet())
    return qapp


def build_main_window(
    db_path: str | Path, *, catalogue: str | Path | None = None, actor: str | None = None,
    today: Callable[[], date] | None = None, settings: QSettings | None = None,
    unlock_check: Callable[[str], bool] | None = None,
) -> MainWindow:  # fmt: skip
    """The MainWindow over this SQLite file (created and migrated if needed). Raises StartupError.

    ``unlock_check``: for an encrypted database, verifies the passphrase typed on the idle-lock page."""
    ensure_qapp()
    qsettings = settings or QSettings()
    who = actor or str(qsettings.value("identity/username", "") or "") or os_username()
    team = str(qsettings.value("identity/team", "") or "")
    app = Frister.open(Path(db_path), catalogue_path=Path(catalogue) if catalogue else None, actor=who, team=team)
    window = MainWindow(app, qsettings, today or date.today, unlock_check=unlock_check)
    window.destroyed.connect(lambda *_: app.close())
    return window


def run(db_path: str | Path | None = None, *, catalogue: str | Path | None = None, actor: str | None = None) -> int:
    log_path = setup_logging()
    qapp = ensure_qapp(sys.argv[:1])
    install_excepthook(log_path)
    try:
        window = build_main_window(db_path or default_db_path(), catalogue=catalogue, actor=actor)
    except StartupError as e:
        box = QMessageBox(QMessageBox.Icon.Critical, "Jobcenter Frister kan ikke starte", str(e))
        box.setObjectName("startup_error")
        box.exec()
        return 2
    window.show()
    return qapp.exec()
