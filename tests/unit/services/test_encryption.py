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
    assert converted.backups_converted == 1  # the manual backup was converted too
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
    assert encryption.decrypt(db, KEY).backups_converted == 1
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


# ---------------------------------------------------------------- issue 11: nothing left behind, nothing lost
def test_encrypt_decrypt_and_restore_refuse_while_a_window_has_the_database_open(
        tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    db = _plain_db(tmp_path / "frister.sqlite3")
    window = Frister.open(db, actor="bo.l")  # another window on the same file (same machine)
    try:
        with pytest.raises(ServiceError, match=r"åben i et andet vindue .*bo\.l"):
            encryption.encrypt(db, KEY)
        assert not encryption.is_encrypted(db)
        monkeypatch.setenv("JOBCENTER_PASSPHRASE", KEY)
        assert "åben i et andet vindue" in cli.fails("--db", db, "encrypt")
        assert "åben i et andet vindue" in cli.fails("--db", db, "--as", "anna.k", "backup", "restore", "1")
        # The window goes on working on the same file, and nothing it writes is lost.
        window.cases.register(NewCase("dagpenge", "Fiktiv Senere", "020290-1235", {"ledigmelding": TODAY}), TODAY)
    finally:
        window.close()
    app = Frister.open(db, actor="anna.k")
    try:
        assert sorted(c.party.name for c in app.cases.search("")) == ["Fiktiv Senere", "Fiktiv Østergaard"]
    finally:
        app.close()
    assert encryption.encrypt(db, KEY).database_converted  # once the window is closed it works


def test_a_window_never_writes_into_a_file_that_was_replaced_or_deleted(tmp_path: Path) -> None:
    from jobcenter_desktop.services.errors import StoreError

    db = _plain_db(tmp_path / "frister.sqlite3")
    app = Frister.open(db, actor="anna.k")
    try:
        copy = tmp_path / "copy.sqlite3"
        copy.write_bytes(db.read_bytes())
        copy.replace(db)  # e.g. a file copied over it by hand, or another tool's conversion
        with pytest.raises(StoreError, match="erstattet"):
            app.cases.register(NewCase("dagpenge", "Fiktiv Tabt", "020290-1235", {"ledigmelding": TODAY}), TODAY)
        db.unlink()
        with pytest.raises(StoreError, match="slettet"):
            app.settings.add_closure(date(2026, 12, 23), "Lukket")
    finally:
        app.close()


def test_encrypt_cleans_half_written_backups_and_finishes_after_a_damaged_one(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    folder = tmp_path / "backups"
    good = sorted(folder.glob("*.sqlite3"))[0]
    partial = folder / (good.name + ".partial")  # a backup killed half-way: plaintext CPR, never cleaned before
    partial.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    (folder / (partial.name + "-journal")).write_bytes(b"journal")
    damaged = folder / "frister-20261120-090000-manuel.sqlite3"
    damaged.write_bytes(good.read_bytes()[:100] + b"\x00garbage" * 500 + CPR.encode())
    with pytest.raises(ServiceError, match=r"frister-20261120-090000-manuel\.sqlite3") as failed:
        encryption.encrypt(db, KEY)
    assert "Databasen er krypteret" in str(failed.value)
    assert not partial.exists() and not list(folder.glob("*.partial*"))
    assert encryption.is_encrypted(db) and encryption.is_encrypted(good)
    damaged.unlink()  # the user deletes the file named in the message and runs encrypt again: no dead end
    with pytest.raises(ServiceError, match="allerede krypteret"):
        encryption.encrypt(db, KEY)
    disk = _bytes_of(tmp_path)
    assert CPR.encode() not in disk and CPR.replace("-", "").encode() not in disk
    app = Frister.open(db, actor="anna.k", passphrase=KEY)
    try:
        actions = [e.action for e in app.audit()]
        assert actions.count("encrypt") == 1  # the run that changed something is in the audit log
    finally:
        app.close()


def test_an_interrupted_encrypt_resumes(tmp_path: Path) -> None:
    """The database was encrypted but the run stopped before the backups (killed): the next run converts them."""
    db = _plain_db(tmp_path / "frister.sqlite3")
    from jobcenter_desktop.storage import crypto

    tmp = db.with_name(db.name + ".encrypting")
    crypto.encrypt_file(db, tmp, KEY)
    tmp.replace(db)  # what the first run had done when it was killed
    (tmp_path / "backups" / "x.sqlite3.encrypting").write_bytes(b"half a conversion")
    done = encryption.encrypt(db, KEY)
    assert (done.database_converted, done.backups_converted) == (False, 1)
    assert not list((tmp_path / "backups").glob("*.encrypting"))
    assert encryption.decrypt(db, KEY).database_converted
    app = Frister.open(db, actor="anna.k")
    try:
        assert [e.action for e in app.audit() if e.action in ("encrypt", "decrypt")] == ["encrypt", "decrypt"]
    finally:
        app.close()


def test_a_link_to_the_database_finds_the_same_lock_and_backups(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "a.sqlite3")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db.name)
    window = Frister.open(db, actor="bo.l")
    try:
        with pytest.raises(ServiceError, match="åben i et andet vindue"):
            encryption.encrypt(link, KEY)
    finally:
        window.close()
    assert link.is_symlink() and not encryption.is_encrypted(db)
    done = encryption.encrypt(link, KEY)  # once alone: the file behind the link and its backups
    assert done.database_converted and done.backups_converted == 1
    assert link.is_symlink() and encryption.is_encrypted(db)


def test_encrypt_removes_a_killed_restore_and_names_plain_files_of_other_databases(tmp_path: Path) -> None:
    db = _plain_db(tmp_path / "frister.sqlite3")
    staged = tmp_path / ".frister.sqlite3.restoring.partial"
    staged.write_bytes(db.read_bytes())  # what a restore killed half-way left: a full plaintext copy
    other = tmp_path / "backups" / "kopi.sqlite3"
    other.write_bytes(db.read_bytes())  # put there by hand
    with pytest.raises(ServiceError, match=r"kopi\.sqlite3: ukrypteret, men ikke en sikkerhedskopi af denne database"):
        encryption.encrypt(db, KEY)
    assert not staged.exists()
    assert encryption.is_encrypted(db)
    other.unlink()
    with pytest.raises(ServiceError, match="allerede krypteret"):
        encryption.encrypt(db, KEY)
    assert CPR.encode() not in _bytes_of(tmp_path)
