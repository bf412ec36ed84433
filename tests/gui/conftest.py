"""GUI test fixtures: real widgets (offscreen), real SQLite files under tmp dirs, a fixed "today", and a
QSettings ini file per test, so nothing here ever touches the user's settings, data or log folders."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from support.qt_wait import settled

from jobcenter_desktop.ui.loader import BackgroundLoad

TODAY = date(2026, 11, 23)  # a Monday; the demo data is generated around it
ACTOR = "anna.k"
DEMO_CASES = 80


@pytest.fixture(scope="session", autouse=True)
def _danish(qapp: QApplication) -> None:
    """The translators start-up installs (ensure_qapp), so the widgets under test show what a user sees."""
    from jobcenter_desktop.ui.i18n import install_translators

    assert len(install_translators(qapp)) == 2


@pytest.fixture(autouse=True)
def _guard_user_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Fail if anything falls back to the default database instead of the file the test gave it."""
    guard = tmp_path / "guard" / "default-db-must-not-be-used.sqlite3"
    monkeypatch.setenv("JOBCENTER_DB", str(guard))
    yield
    assert not guard.parent.exists(), "something opened the default database"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database (~80 fake cases around TODAY, some for anna.k), filled once per module by the CLI."""
    from jobcenter_desktop import logsetup
    from jobcenter_desktop.cli import main as cli_main

    folder = tmp_path_factory.mktemp("gui-demo")
    db = folder / "demo.sqlite3"
    root = logging.getLogger()
    before = list(root.handlers)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(logsetup, "log_dir", lambda: folder / "logs")  # the CLI logs to a file: keep it here
        rc = cli_main(["--db", str(db), "--as", ACTOR, "--my-team", "Team Vest", "--today", TODAY.isoformat(),
                       "demo", "--cases", str(DEMO_CASES)])  # fmt: skip
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    assert rc == 0
    return db


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    """An empty database file (created and migrated when first opened)."""
    return tmp_path / "frister.sqlite3"


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def qsettings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def today() -> Callable[[], date]:
    return lambda: TODAY


@pytest.fixture
def make_window(qtbot, today):
    """Build MainWindows with build_main_window; each is closed and its Frister closed at teardown."""
    from jobcenter_desktop.ui.app import build_main_window

    built = []

    def make(db: Path, settings: QSettings, *, actor: str | None = ACTOR):
        """``actor=None``: the identity comes from the settings, as at a normal start."""
        window = build_main_window(db, actor=actor, today=today, settings=settings)
        qtbot.addWidget(window)
        built.append(window)
        return settled(qtbot, window)  # the first rows come off the UI thread

    yield make
    for window in built:
        window.close()
        BackgroundLoad.wait_idle()
        window.app.close()


@pytest.fixture
def window(make_window, demo_db: Path, qsettings: QSettings):
    """The main window over the module's demo database, acting as anna.k on TODAY."""
    return make_window(demo_db, qsettings)


@pytest.fixture
def frister(fresh_db: Path):
    """A Frister on the test's fresh database file, acting as anna.k in Team Vest."""
    from jobcenter_desktop.services.app import Frister

    app = Frister.open(fresh_db, actor=ACTOR, team="Team Vest")
    yield app
    app.close()


class ModalAnswerer:
    """Answers the next modal dialog from inside its event loop (a dialog's exec() would block the test).

    ``schedule(handle)`` before the call that opens the dialog; ``handle(dialog)`` runs once it is the active
    modal widget. If it never appears the poll gives up; if the handler fails or leaves the dialog open, the
    dialog is rejected, so a failing step can never hang the run. ``check()`` re-raises a handler's failure.
    """

    def __init__(self) -> None:
        self.seen: list[QWidget] = []
        self.errors: list[BaseException] = []

    def schedule(self, handle: Callable[[QDialog], None], timeout_ms: int = 5000) -> None:
        waited = [0]

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                waited[0] += 20
                if waited[0] < timeout_ms:
                    QTimer.singleShot(20, poll)
                return
            self.seen.append(modal)
            try:
                assert isinstance(modal, QDialog), type(modal)
                handle(modal)
            except BaseException as e:  # re-raised by check() once exec() has returned
                self.errors.append(e)
            finally:
                if isinstance(modal, QDialog) and modal.isVisible():
                    modal.reject()

        QTimer.singleShot(0, poll)

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]


@pytest.fixture
def answer_modal() -> Iterator[ModalAnswerer]:
    answerer = ModalAnswerer()
    yield answerer
    answerer.check()
