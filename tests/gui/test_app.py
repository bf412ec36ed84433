"""Starting the window on the team database: the password is asked when libpq has none (and asked again when
it is wrong), the login is the identity, and nothing of the profile's own identity is used."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog
from support.postgres import PASSWORD


@pytest.fixture
def team_url(pg_server, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # no password from libpq's own places
    name = pg_server.new_database()
    yield f"postgresql://anna.k@{pg_server.host}:{pg_server.port}/{name}"
    pg_server.drop(name)


def test_the_password_is_asked_again_until_it_is_right(qtbot, team_url, answer_modal) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.ui.app import open_server_window

    prompts: list[str] = []

    def answer(text: str):  # type: ignore[no-untyped-def]
        def handle(dlg) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(dlg, QInputDialog)
            prompts.append(dlg.labelText())
            dlg.setTextValue(text)
            dlg.accept()
        return handle

    answer_modal.schedule(answer("forkert"))
    answer_modal.schedule(answer(PASSWORD), timeout_ms=15000)
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
