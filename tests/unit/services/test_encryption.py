"""Encrypted databases (SQLCipher): unreadable without the key, no plaintext CPR on disk, backups included."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from support.cli import Cli

from jobcenter_desktop.services import encryption
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import PassphraseRequired, ServiceError

pytestmark = pytest.mark.skipif(encryption.available() is None, reason="SQLCipher is not installed here")

TODAY = date(2026, 11, 23)
KEY = "korrekt-hest-batteri"
CPR = "010190-1235"


def _plain_db(path: Path) -> Path:
    app = Frister.open(path, actor="anna.k")
    try:
        app.cases.register(NewCase("dagpenge", "Fiktiv Østergaard", CPR, {"ledigmelding": date(2026, 11, 16)}), TODAY)
        app.backups.create("manuel")
    finally:
        app.close()
    return path


def _bytes_of(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_encrypt_then_the_file_cannot_be_read_without_the_key(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    assert CPR.replace("-", "").encode() in _bytes_of(tmp_path) or CPR.encode() in _bytes_of(tmp_path)
    converted = encryption.encrypt(db, KEY)
    assert converted == 1  # the manual backup was converted too
    assert encryption.is_encrypted(db)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"), sqlite3.connect(db) as conn:
        conn.execute("SELECT count(*) FROM cases").fetchone()
    with pytest.raises(PassphraseRequired):
        Frister.open(db, actor="anna.k")
    with pytest.raises(PassphraseRequired, match="Forkert adgangskode"):
        Frister.open(db, actor="anna.k", passphrase="forkert-gæt")
    app = Frister.open(db, actor="anna.k", passphrase=KEY)
    try:
        [case] = app.cases.search("")
        assert case.party.identifier == CPR
        app.backups.create("manuel")  # a backup of an encrypted database is encrypted with the same key
    finally:
        app.close()
    # No plaintext CPR (with or without dash), and no party name, anywhere in the folder: db, WAL, backups.
    disk = _bytes_of(tmp_path)
    for needle in (CPR, CPR.replace("-", ""), "Østergaard"):
        assert needle.encode() not in disk, needle


def test_decrypt_gives_back_a_plain_database_with_the_same_data(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    encryption.encrypt(db, KEY)
    with pytest.raises(ServiceError, match="Forkert adgangskode"):
        encryption.decrypt(db, "forkert-gæt")
    assert encryption.decrypt(db, KEY) == 1
    assert not encryption.is_encrypted(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT identifier FROM party").fetchall() == [(CPR,)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_restore_of_an_encrypted_backup(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    encryption.encrypt(db, KEY)
    app = Frister.open(db, actor="anna.k", passphrase=KEY)
    try:
        backup = app.backups.create("manuel")
        app.cases.register(NewCase("dagpenge", "Fiktiv Senere", "020290-1235", {"ledigmelding": TODAY}), TODAY)
        app.backups.restore(backup.path)
    finally:
        app.close()
    app = Frister.open(db, actor="anna.k", passphrase=KEY)
    try:
        assert [c.party.name for c in app.cases.search("")] == ["Fiktiv Østergaard"]
    finally:
        app.close()


def test_a_new_database_opened_with_a_passphrase_is_created_encrypted(tmp_path: Path) -> None:
    db = tmp_path / "laptop.sqlite3"
    Frister.open(db, actor="anna.k", passphrase=KEY).close()
    assert encryption.is_encrypted(db)


def test_weak_or_repeated_encryption_is_refused(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    with pytest.raises(ServiceError, match="mindst 8 tegn"):
        encryption.encrypt(db, "kort")
    encryption.encrypt(db, KEY)
    with pytest.raises(ServiceError, match="allerede krypteret"):
        encryption.encrypt(db, KEY)


def test_cli_encrypt_and_decrypt(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    monkeypatch.setenv("JOBCENTER_PASSPHRASE", KEY)
    assert "er nu krypteret" in cli.ok("--db", db, "encrypt")
    assert "Fiktiv Østergaard" in cli.ok("--db", db, "case", "list")
    monkeypatch.setenv("JOBCENTER_PASSPHRASE", "forkert-gæt")
    assert "Forkert adgangskode" in cli.fails("--db", db, "case", "list")
    monkeypatch.delenv("JOBCENTER_PASSPHRASE")
    assert "krypteret" in cli.fails("--db", db, "case", "list")  # no key and no terminal: a clear message
    monkeypatch.setenv("JOBCENTER_PASSPHRASE", KEY)
    assert "er nu ukrypteret" in cli.ok("--db", db, "decrypt")
