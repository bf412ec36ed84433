"""Starting the desktop app. ``build_main_window(db_path)`` is what start-up and the tests both use."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from jobcenter_desktop import __version__
from jobcenter_desktop.logsetup import setup_logging
from jobcenter_desktop.paths import APP_NAME, default_db_path
from jobcenter_desktop.services import credentials
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.context import names_team_database, os_username
from jobcenter_desktop.services.encryption import available, is_encrypted
from jobcenter_desktop.services.errors import PassphraseRequired, PasswordRequired, StartupError
from jobcenter_desktop.ui.errors import install_excepthook
from jobcenter_desktop.ui.first_run import FirstRunDialog, needs_identity
from jobcenter_desktop.ui.i18n import install_translators
from jobcenter_desktop.ui.loader import BackgroundLoad
from jobcenter_desktop.ui.main_window import MainWindow
from jobcenter_desktop.ui.password_dialog import ask_password
from jobcenter_desktop.ui.settings_dialog import SERVER_KEY  # Indstillinger → Teamdatabase
from jobcenter_desktop.ui.theme import app_icon, stylesheet

translate = QCoreApplication.translate  # module-level texts: context "App"

log = logging.getLogger("jobcenter_desktop.ui")


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    qapp = QApplication(argv or [sys.argv[0]])
    install_translators(qapp)
    qapp.setWindowIcon(app_icon())
    qapp.setStyleSheet(stylesheet())
    return qapp


def build_main_window(
    db_path: str | Path, *, catalogue: str | Path | None = None, actor: str | None = None,
    today: Callable[[], date] | None = None, settings: QSettings | None = None,
    unlock_check: Callable[[str], bool] | None = None, passphrase: str | None = None, password: str | None = None,
) -> MainWindow:  # fmt: skip
    """The MainWindow over this SQLite file (created and migrated if needed). Raises StartupError
    (PassphraseRequired for an encrypted file opened without, or with a wrong, ``passphrase``).

    ``unlock_check``: verifies what is typed on the idle-lock page; an encrypted database's own passphrase
    check is used when none is given."""
    ensure_qapp()
    qsettings = settings or QSettings()
    cat = Path(catalogue) if catalogue else None
    if isinstance(db_path, str) and names_team_database(db_path):
        # The team database: the login is the identity (nothing from the profile), the team the server's.
        app = Frister.open(db_path, catalogue_path=cat, actor=actor, password=password)
    else:
        who = actor or str(qsettings.value("identity/username", "") or "") or os_username()
        team = str(qsettings.value("identity/team", "") or "")
        # The day's page check and backup wait for the window (MainWindow.start_day runs them off the UI thread).
        app = Frister.open(Path(db_path), catalogue_path=cat, actor=who, team=team, passphrase=passphrase,
                           defer_daily=True)
    if unlock_check is None and passphrase is not None and app.ctx.db.key is not None:
        unlock_check = passphrase_checker(passphrase)
    window = MainWindow(app, qsettings, today or date.today, unlock_check=unlock_check)
    # A load still running on a worker thread finishes its statement before the database closes.
    window.destroyed.connect(lambda *_: _close_after_loads(app))
    return window


def _close_after_loads(app: Frister) -> None:
    if not BackgroundLoad.wait_idle():  # a worker still reads after 30 s: leave the database to the exit
        log.warning("En baggrundsindlæsning sluttede ikke; databasen lukkes ved programmets afslutning")
        return
    app.close()


def passphrase_checker(passphrase: str) -> Callable[[str], bool]:
    """Compares typed text with the passphrase by salted digest: the text itself is not kept around."""
    salt = secrets.token_bytes(16)
    digest = hashlib.sha256(salt + passphrase.encode()).digest()
    return lambda typed: hmac.compare_digest(hashlib.sha256(salt + typed.encode()).digest(), digest)


def ask_passphrase(db: Path, message: str = "") -> str | None:
    text, ok = QInputDialog.getText(
        None, translate("App", "Krypteret database"),
        (message + "\n\n" if message else "") + translate("App", "Adgangskode til {0}:").format(db.name),
        QLineEdit.EchoMode.Password,
    )  # fmt: skip
    return text if ok else None


def open_server_window(url: str, *, catalogue: str | Path | None,
                       ask: Callable[[str, str], tuple[str, bool] | None] = ask_password) -> MainWindow | None:
    """The window on the team database. The password comes from libpq's own places first, then from the
    credential store where the person once ticked "husk" (forgotten there as soon as the server refuses it),
    else it is asked (three tries)."""
    stored = credentials.remembered(url)
    password: str | None = None
    keep = False
    asked = 0
    while True:
        try:
            window = build_main_window(url, catalogue=catalogue, password=password)
        except PasswordRequired as e:
            if stored is not None and password == stored:  # changed on the server since: do not offer it again
                credentials.forget(url)
                stored = None
            elif password is None and stored is not None:
                password = stored
                continue
            if asked == 3:
                raise StartupError("Forkert adgangskode tre gange. Start programmet igen.") from None
            asked += 1
            answer = ask(url, str(e))
            if answer is None:
                return None
            password, keep = answer
            continue
        if keep and password:
            credentials.remember(url, password)
        return window


def open_window(db: Path | str, *, catalogue: str | Path | None, actor: str | None) -> MainWindow | None:
    """Build the window, asking for the passphrase of an encrypted database (three tries)."""
    if isinstance(db, str):
        return open_server_window(db, catalogue=catalogue)
    passphrase: str | None = None
    message = ""
    for _ in range(3):
        if is_encrypted(db):
            passphrase = ask_passphrase(db, message)
            if passphrase is None:
                return None
        try:
            return build_main_window(db, catalogue=catalogue, actor=actor, passphrase=passphrase)
        except PassphraseRequired as e:
            if available() is None:
                raise StartupError(str(e)) from e
            message = str(e)
    raise StartupError("Forkert adgangskode tre gange. Start programmet igen.")


def run(db_path: str | Path | None = None, *, catalogue: str | Path | None = None, actor: str | None = None,
        server: str | None = None) -> int:  # fmt: skip
    """``server``: the team database's URL (also JOBCENTER_SERVER, or Indstillinger → Teamdatabase); else a file."""
    log_path = setup_logging()
    logging.getLogger("jobcenter_desktop.ui").info("Jobcenter Frister %s startet", __version__)
    qapp = ensure_qapp(sys.argv[:1])
    install_excepthook(log_path)
    settings = QSettings()
    url = server or (None if db_path else (os.environ.get("JOBCENTER_SERVER")
                                           or str(settings.value(SERVER_KEY, "") or "") or None))  # fmt: skip
    db: Path | str = url if url else (Path(db_path) if db_path else default_db_path())
    if url is None and actor is None and needs_identity(settings):  # first start on this user profile
        first = FirstRunDialog()
        first.exec()
        first.store(settings)
    while True:  # a restore from a backup closes the window and opens the restored database again
        try:
            window = open_window(db, catalogue=catalogue, actor=actor)
        except StartupError as e:
            box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Jobcenter Frister kan ikke starte"), str(e))
            box.setObjectName("startup_error")
            box.exec()
            return 2
        if window is None:
            return 0
        window.show()
        window.start_day()
        if os.environ.get("JOBCENTER_QUIT_AFTER_START"):  # start-up timing and smoke tests of the bundle
            if os.environ["JOBCENTER_QUIT_AFTER_START"] == "charts":
                window.team.load_charts()  # the bundle's check that pyqtgraph loads frozen (raises if not)
            QTimer.singleShot(0, window.close)
        rc = qapp.exec()
        if not window.restart_requested:
            return rc
