"""Converting a database file to and from SQLCipher encryption (``jobcenter-desktop encrypt|decrypt``).

Runs on a closed database. Its backups are converted too: a plaintext backup next to an encrypted database
would leave the CPR numbers readable on the laptop's disk.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage import crypto
from jobcenter_desktop.storage.backup import list_backups

MIN_PASSPHRASE = 8


def available() -> str | None:
    """SQLCipher's version when encryption works on this machine (shown in Indstillinger), else None."""
    return crypto.available()


def is_encrypted(db_path: Path) -> bool:
    return db_path.exists() and crypto.looks_encrypted(db_path)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ServiceError(f"Adgangskoden skal have mindst {MIN_PASSPHRASE} tegn.")


def _convert(path: Path, work: str, convert: object) -> None:
    tmp = path.with_name(path.name + work)
    try:
        convert(path, tmp)  # type: ignore[operator]
        os.replace(tmp, path)
    except crypto.CryptoError as e:
        raise ServiceError(str(e)) from e
    except (OSError, sqlite3.DatabaseError) as e:
        raise ServiceError(f"{path.name} kunne ikke konverteres ({e}); filen er uændret.") from e
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    for suffix in ("-wal", "-shm"):  # belonged to the old file
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _checkpoint(path: Path, key: str | None) -> None:
    """Fold the write-ahead log into the file so the conversion sees every committed change."""
    conn = crypto.connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def encrypt(db_path: Path, passphrase: str) -> int:
    """Encrypt the database and its backups in place; returns how many backups were converted."""
    if crypto.available() is None:
        raise ServiceError("Kryptering (SQLCipher) er ikke installeret på denne maskine; databasen forbliver "
                           "ukrypteret.")  # fmt: skip
    if not db_path.is_file():
        raise ServiceError(f"Databasen findes ikke: {db_path}")
    if is_encrypted(db_path):
        raise ServiceError("Databasen er allerede krypteret.")
    check_passphrase(passphrase)
    _checkpoint(db_path, None)
    _convert(db_path, ".encrypting", lambda src, dest: crypto.encrypt_file(src, dest, passphrase))
    converted = 0
    for b in list_backups(db_path.parent / "backups", db_path):
        if not crypto.looks_encrypted(b.path):
            _convert(b.path, ".encrypting", lambda src, dest: crypto.encrypt_file(src, dest, passphrase))
            converted += 1
    return converted


def decrypt(db_path: Path, passphrase: str) -> int:
    """Decrypt the database and its encrypted backups in place; returns how many backups were converted."""
    if not is_encrypted(db_path):
        raise ServiceError("Databasen er ikke krypteret.")
    if not crypto.check_key(db_path, passphrase):
        raise ServiceError("Forkert adgangskode.")
    _checkpoint(db_path, passphrase)
    _convert(db_path, ".decrypting", lambda src, dest: crypto.decrypt_file(src, passphrase, dest))
    converted = 0
    for b in list_backups(db_path.parent / "backups", db_path):
        if crypto.looks_encrypted(b.path) and crypto.check_key(b.path, passphrase):
            _convert(b.path, ".decrypting", lambda src, dest: crypto.decrypt_file(src, passphrase, dest))
            converted += 1
    return converted
