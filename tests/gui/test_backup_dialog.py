"""Indstillinger → Sikkerhedskopier (restore reopens the window) and opening an encrypted database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from support.qt_wait import settled

from jobcenter_desktop.services import encryption
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import PassphraseRequired
from jobcenter_desktop.ui.app import build_main_window, passphrase_checker
from jobcenter_desktop.ui.backup_dialog import BackupDialog
from jobcenter_desktop.ui.settings_dialog import SettingsDialog

TODAY = date(2026, 11, 23)


def _db(tmp_path: Path, name: str = "Fiktiv Før") -> Path:
    db = tmp_path / "frister.sqlite3"
    app = Frister.open(db, actor="anna.k")
    try:
        app.cases.register(NewCase("dagpenge", name, "010190-1235", {"ledigmelding": date(2026, 11, 16)}), TODAY)
    finally:
        app.close()
    return db


def test_backup_dialog_lists_creates_and_restores(qtbot, tmp_path: Path, monkeypatch) -> None:
    db = _db(tmp_path)
    app = Frister.open(db, actor="anna.k")  # takes the daily backup
    dlg = BackupDialog(app)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 1).text() == "Daglig (ved start)"
    dlg.findChild(type(dlg.restore_button), "create_backup_button").click()
    assert dlg.table.rowCount() == 2
    assert not dlg.restore_button.isEnabled()  # nothing selected yet
    app.cases.register(NewCase("dagpenge", "Fiktiv Efter", "020290-1235", {"ledigmelding": TODAY}), TODAY)
    dlg.table.selectRow(1)  # the oldest: the daily copy with one case
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dlg.restore_button.click()
    assert dlg.restored
    app.close()
    reopened = Frister.open(db, actor="anna.k")
    try:
        assert [c.party.name for c in reopened.cases.search("")] == ["Fiktiv Før"]
    finally:
        reopened.close()


def test_settings_show_encryption_status_and_restore_restarts_the_window(qtbot, tmp_path: Path) -> None:
    db = _db(tmp_path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    dlg = SettingsDialog(window.app, settings, TODAY, window)
    qtbot.addWidget(dlg)
    label = dlg.encryption_label.text()
    assert label.startswith("Ukrypteret")
    if encryption.available():
        assert "SQLCipher" in label
    window.restart()
    assert window.restart_requested


@pytest.mark.skipif(encryption.available() is None, reason="SQLCipher is not installed here")
def test_an_encrypted_database_needs_its_passphrase_and_the_lock_uses_it(qtbot, tmp_path: Path) -> None:
    db = _db(tmp_path)
    encryption.encrypt(db, "korrekt-hest-batteri")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    with pytest.raises(PassphraseRequired):
        build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings)
    with pytest.raises(PassphraseRequired, match="Forkert adgangskode"):
        build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings, passphrase="forkert-gæt")
    window = build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings,
                               passphrase="korrekt-hest-batteri")  # fmt: skip
    qtbot.addWidget(window)
    settled(qtbot, window)  # the rows are read on a worker thread, through the same SQLCipher key
    assert window.worklist.model.total() == 2  # dagpenge: dp_telefon and dp_samtale are open
    check = window.locker.unlock_check
    assert check is not None and check("korrekt-hest-batteri") and not check("anna.k")
    dlg = SettingsDialog(window.app, settings, TODAY, window)
    qtbot.addWidget(dlg)
    assert dlg.encryption_label.text().startswith("Krypteret")


def test_passphrase_checker_compares_digests() -> None:
    check = passphrase_checker("hemmelig123")
    assert check("hemmelig123")
    assert not check("hemmelig12")
    assert not check("")


def test_first_run_asks_for_identity_and_stores_it(qtbot, tmp_path: Path) -> None:
    from jobcenter_desktop.ui.first_run import FirstRunDialog, needs_identity

    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    assert needs_identity(settings)
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    assert dlg.user_edit.text()  # prefilled with the OS user name
    dlg.user_edit.setText("bo.l")
    dlg.team_edit.setText("Team Øst")
    dlg.store(settings)
    assert not needs_identity(settings)
    window = build_main_window(_db(tmp_path), today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    assert (window.app.ctx.actor, window.app.ctx.team) == ("bo.l", "Team Øst")


def test_first_run_refuses_an_identity_with_control_characters(qtbot, tmp_path: Path) -> None:
    from jobcenter_desktop.ui.first_run import FirstRunDialog, needs_identity

    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    ok = dlg._buttons.button(dlg._buttons.StandardButton.Ok)
    for bad, message in (("bo\tl", "styretegn"), ("x" * 65, "for langt"), ("   ", "mangler")):
        dlg.user_edit.setText(bad)
        assert not ok.isEnabled() and message in dlg.problem_label.text()
    dlg.user_edit.setText("bo.l")
    dlg.team_edit.setText("Team\u202eVest")
    assert not ok.isEnabled() and "styretegn" in dlg.problem_label.text()
    dlg.store(settings)
    assert needs_identity(settings)  # nothing unusable was stored
    dlg.team_edit.setText("Team Vest")
    assert ok.isEnabled() and dlg.problem_label.isHidden()
    dlg.store(settings)
    assert settings.value("identity/username") == "bo.l" and settings.value("identity/team") == "Team Vest"
