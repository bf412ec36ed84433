"""Starting the window on the team database: the password is asked when libpq has none (and asked again when
it is wrong), the login is the identity, and nothing of the profile's own identity is used."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QLabel
from support.keyrings import MemoryKeyring
from support.postgres import PASSWORD

from jobcenter_desktop.services import credentials
from jobcenter_desktop.ui.password_dialog import PasswordDialog


@pytest.fixture
def team_url(pg_server, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # no password from libpq's own places
    name = pg_server.new_database()
    yield f"postgresql://anna.k@{pg_server.host}:{pg_server.port}/{name}"
    pg_server.drop(name)


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    import keyring

    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def _typed(text: str, prompts: list[str], *, remember: bool = False):  # type: ignore[no-untyped-def]
    def handle(dlg) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dlg, PasswordDialog)
        prompts.append(dlg.findChild(QLabel, "password_message").text())
        dlg.password_edit.setText(text)
        dlg.remember_check.setChecked(remember)
        dlg.accept()
    return handle


def test_the_password_is_asked_again_until_it_is_right(qtbot, team_url, answer_modal) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.ui.app import open_server_window

    prompts: list[str] = []
    answer_modal.schedule(_typed("forkert", prompts))
    answer_modal.schedule(_typed(PASSWORD, prompts), timeout_ms=15000)
    window = open_server_window(team_url, catalogue=None)
    answer_modal.check()
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert len(prompts) == 2 and "forkert eller manglende adgangskode" in prompts[1]
        assert window.app.ctx.actor == "anna.k" and window.app.is_team_database
        assert "postgresql://anna.k@" in window.status_label.text() and PASSWORD not in window.status_label.text()
    finally:
        window.close()
        window.app.close()


def test_cancelling_the_password_opens_nothing(qtbot, team_url, answer_modal) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.ui.app import open_server_window

    answer_modal.schedule(lambda dlg: dlg.reject())
    assert open_server_window(team_url, catalogue=None) is None
    answer_modal.check()


def test_husk_keeps_the_password_in_the_credential_store_until_the_server_refuses_it(
        qtbot, team_url, answer_modal, store, pg_server) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.ui.app import open_server_window

    prompts: list[str] = []
    answer_modal.schedule(_typed(PASSWORD, prompts, remember=True))
    window = open_server_window(team_url, catalogue=None)
    answer_modal.check()
    assert window is not None and len(prompts) == 1
    window.close()
    window.app.close()
    assert store.stored == {(credentials.SERVICE, credentials.account(team_url)): PASSWORD}
    assert PASSWORD not in (credentials.account(team_url) or "")

    def never(url: str, message: str):  # type: ignore[no-untyped-def]
        raise AssertionError(f"asked although remembered: {message}")

    window = open_server_window(team_url, catalogue=None, ask=never)
    assert window is not None and window.app.ctx.actor == "anna.k"
    window.close()
    window.app.close()

    # The password changes on the server: the remembered one is refused once, forgotten, and asked for.
    import psycopg

    with psycopg.connect(pg_server.superuser, autocommit=True) as conn:
        conn.execute("ALTER ROLE \"anna.k\" PASSWORD 'ny-kode-456'")
    try:
        asked: list[str] = []

        def ask(url: str, message: str):  # type: ignore[no-untyped-def]
            asked.append(message)
            return None  # cancel

        assert open_server_window(team_url, catalogue=None, ask=ask) is None
        assert len(asked) == 1 and store.stored == {}
    finally:
        with psycopg.connect(pg_server.superuser, autocommit=True) as conn:
            conn.execute(f"ALTER ROLE \"anna.k\" PASSWORD '{PASSWORD}'")


def test_without_a_credential_store_husk_cannot_be_ticked(qtbot) -> None:  # type: ignore[no-untyped-def]
    import keyring

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dlg = PasswordDialog("postgresql://anna.k@host:5432/frister", "Skriv adgangskoden.")
        qtbot.addWidget(dlg)
        assert not dlg.remember_check.isEnabled() and not dlg.remember()
        assert "intet adgangskodelager" in dlg.remember_check.toolTip()
        assert not credentials.remember("postgresql://anna.k@host:5432/frister", "x")
    finally:
        keyring.set_keyring(before)
