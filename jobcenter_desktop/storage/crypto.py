"""Optional encryption of the database file with SQLCipher (the ``sqlcipher3`` package), for laptops taken on
outreach visits. Without the key the file reads as "file is not a database" and holds no plaintext.

The passphrase is never stored: it is asked at start and kept in memory only while the database is open.
Where ``sqlcipher3`` cannot be installed, :func:`available` says so and the app runs unencrypted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

SQLITE_HEADER = b"SQLite format 3\x00"


class CryptoError(Exception):
    """Wrong passphrase, or encryption not possible here; the message is Danish."""


class WrongKeyError(CryptoError):
    pass


def _module() -> Any:
    try:
        import sqlcipher3
    except ImportError:
        return None
    return sqlcipher3


def available() -> str | None:
    """The SQLCipher version when encryption can be used on this machine, else None."""
    mod = _module()
    if mod is None:
        return None
    conn = mod.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row and row[0] else None
    finally:
        conn.close()


def looks_encrypted(path: Path) -> bool:
    """A non-empty file that is not a plain SQLite database (it may also just be damaged)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return bool(head) and head != SQLITE_HEADER


def _quote(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def connect(path: Path | str, key: str | None, **kwargs: Any) -> Any:
    """A DB-API connection: SQLCipher keyed with ``key``, or plain sqlite3 when ``key`` is None."""
    if key is None:
        return sqlite3.connect(path, **kwargs)
    mod = _module()
    if mod is None:
        raise CryptoError("Kryptering (SQLCipher) er ikke installeret på denne maskine.")
    conn = mod.connect(str(path), **kwargs)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message to give, not stderr noise
    conn.execute(f"PRAGMA key = {_quote(key)}")
    try:  # the key is only checked on first read: do it now, so a wrong one is one clear error
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except mod.DatabaseError as e:
        conn.close()
        raise WrongKeyError("Forkert adgangskode til databasen (eller filen er beskadiget).") from e
    return conn


def check_key(path: Path, key: str) -> bool:
    """True when ``key`` opens the encrypted file ``path``."""
    try:
        conn = connect(path, key)
    except CryptoError:
        return False
    conn.close()
    return True


def _export(src: Path, src_key: str | None, dest: Path, dest_key: str) -> None:
    """Copy every table of ``src`` into the new file ``dest`` with ``dest_key`` ('' = unencrypted)."""
    if dest.exists():
        dest.unlink()
    mod = _module()
    if mod is None:
        raise CryptoError("Kryptering (SQLCipher) er ikke installeret på denne maskine.")
    # SQLCipher opens a plain file when no key is given; sqlcipher_export needs its connection either way.
    if src_key is not None:
        conn = connect(src, src_key)
    else:
        conn = mod.connect(str(src))
        conn.execute("PRAGMA cipher_log_level = NONE")
    try:
        conn.execute(f"ATTACH DATABASE {_quote(str(dest))} AS target KEY {_quote(dest_key)}")
        conn.execute("SELECT sqlcipher_export('target')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def encrypt_file(src: Path, dest: Path, key: str) -> None:
    """Write an encrypted copy of the plain database ``src`` to ``dest``."""
    if not key:
        raise CryptoError("Adgangskoden må ikke være tom.")
    if _module() is None:
        raise CryptoError("Kryptering (SQLCipher) er ikke installeret på denne maskine.")
    _export(src, None, dest, key)
    if not check_key(dest, key):
        raise CryptoError("Den krypterede kopi kunne ikke åbnes igen; den oprindelige fil er uændret.")


def decrypt_file(src: Path, key: str, dest: Path) -> None:
    """Write a plain copy of the encrypted database ``src`` to ``dest``."""
    if not check_key(src, key):
        raise CryptoError("Forkert adgangskode (eller filen er ikke en krypteret Frister-database).")
    _export(src, key, dest, "")
    with sqlite3.connect(dest) as conn:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise CryptoError("Den dekrypterede kopi er ikke intakt; den krypterede fil er uændret.")
