"""Converting a database file to and from SQLCipher encryption (``jobcenter-desktop encrypt|decrypt``).

Runs only while no other window or command has the database open (storage.instances), because it replaces the
file: a window still holding the old file would go on writing into it. Its backups are converted too: a
plaintext backup next to an encrypted database would leave the CPR numbers readable on the laptop's disk.

The conversion is resumable and complete: every file is converted on its own (write a converted copy, then
replace), leftovers of an interrupted run (half-written backups, conversion copies) are removed first, and a
second run picks up whatever the first left. When a file cannot be converted the command names it and says why,
after converting all the others. Each run is written to the audit log.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage import crypto, instances
from jobcenter_desktop.storage.backup import (
    default_folder,
    foreign_files,
    list_backups,
    remove_partials,
    remove_staged_restore,
)
from jobcenter_desktop.storage.db import Database, make_engine, sqlite_url
from jobcenter_desktop.storage.repository import Repository

MIN_PASSPHRASE = 8
_WORK_SUFFIXES = (".encrypting", ".decrypting")


@dataclass
class Conversion:
    """What one run did: the backups converted now, and the files it could not convert (name, why)."""

    database_converted: bool = False
    backups_converted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Something was converted, or tried and failed: worth an audit entry."""
        return self.database_converted or bool(self.backups_converted) or bool(self.failed)


def available() -> str | None:
    """SQLCipher's version when encryption works on this machine (shown in Indstillinger), else None."""
    return crypto.available()


def is_encrypted(db_path: Path) -> bool:
    return db_path.exists() and crypto.looks_encrypted(db_path)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ServiceError(f"Adgangskoden skal have mindst {MIN_PASSPHRASE} tegn.")


def _driver_errors() -> tuple[type[BaseException], ...]:
    # sqlite3 and sqlcipher3 raise look-alike errors that share no base class.
    errors: list[type[BaseException]] = [OSError, sqlite3.DatabaseError, crypto.CryptoError]
    with contextlib.suppress(ImportError):
        import sqlcipher3

        errors.append(sqlcipher3.DatabaseError)
    return tuple(errors)


def _convert(path: Path, work: str, convert: Callable[[Path, Path], None]) -> str | None:
    """Convert ``path`` in place through a copy; returns why it failed (the file is then unchanged)."""
    tmp = path.with_name(path.name + work)
    try:
        convert(path, tmp)
        os.replace(tmp, path)
    except _driver_errors() as e:
        return str(e) if isinstance(e, crypto.CryptoError) else f"kan ikke læses som database ({e})"
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    for suffix in ("-wal", "-shm", "-journal"):  # belonged to the old file
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()
    return None


def _checkpoint(path: Path, key: str | None) -> None:
    """Fold the write-ahead log into the file so the conversion sees every committed change."""
    conn = crypto.connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


@contextlib.contextmanager
def _alone(db_path: Path, actor: str, what: str) -> Iterator[None]:
    """Hold the database exclusively (no other window or command open) for the whole conversion."""
    try:
        lock = instances.register(db_path, actor, "exclusive")
    except instances.InstanceError as e:
        raise ServiceError(str(e)) from e
    if lock is not None:
        try:
            instances.require_alone(lock, what)
        except instances.InstanceError as e:
            lock.release()
            raise ServiceError(str(e)) from e
    try:
        yield
    finally:
        if lock is not None:
            lock.release()


def _clean_leftovers(db_path: Path) -> None:
    """Conversion copies of an interrupted run (plaintext or ciphertext, never the only copy) and half-written
    backups (plaintext copies of the database that were never finished)."""
    folder = default_folder(db_path)
    for suffix in _WORK_SUFFIXES:
        for leftover in (db_path.with_name(db_path.name + suffix), *folder.glob(f"*.sqlite3{suffix}")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    remove_partials(folder)
    remove_staged_restore(db_path)


def _audit(db_path: Path, key: str | None, actor: str, action: str, result: Conversion) -> None:
    db = Database(make_engine(sqlite_url(db_path), key=key, path=db_path), db_path, key)
    try:
        with db.write() as s:
            failed = f"; ikke konverteret: {', '.join(n for n, _ in result.failed)}" if result.failed else ""
            Repository(s).audit(actor=actor, entity="system", entity_id="database", action=action,
                                field="encryption", after=f"database {'ja' if result.database_converted else 'før'}, "
                                f"{result.backups_converted} sikkerhedskopier{failed}")  # fmt: skip
    finally:
        db.close()


def _finish(result: Conversion, action: str, target: str) -> Conversion:
    if result.failed:
        names = "; ".join(f"{name}: {why}" for name, why in result.failed)
        done = f"Databasen er {target}" if result.database_converted or result.backups_converted else "Intet nyt"
        raise ServiceError(f"{done}, men {len(result.failed)} fil(er) kunne ikke {action}es og er uændret "
                           f"({names}). Slet eller gendan dem, og kør kommandoen igen.")  # fmt: skip
    if not result.changed:
        raise ServiceError(f"Databasen og alle dens sikkerhedskopier er allerede {target}.")
    return result


def _convert_backups(db_path: Path, passphrase: str, result: Conversion, *, encrypt: bool) -> None:
    """Every backup of the database that is not yet in the target state, each on its own; what cannot be
    converted is named in ``result.failed`` and the rest goes on."""
    for b in list_backups(default_folder(db_path), db_path):
        if crypto.looks_encrypted(b.path) == encrypt:  # already there; with the same passphrase?
            if encrypt and not crypto.check_key(b.path, passphrase):
                result.failed.append((b.path.name, "krypteret med en anden adgangskode"))
            continue
        if not encrypt and not crypto.check_key(b.path, passphrase):
            result.failed.append((b.path.name, "krypteret med en anden adgangskode, eller beskadiget"))
            continue
        if encrypt:
            why = _convert(b.path, ".encrypting", lambda src, dest: crypto.encrypt_file(src, dest, passphrase))
        else:
            why = _convert(b.path, ".decrypting", lambda src, dest: crypto.decrypt_file(src, passphrase, dest))
        if why:
            result.failed.append((b.path.name, why))
        else:
            result.backups_converted += 1


def encrypt(db_path: Path, passphrase: str, actor: str = "system") -> Conversion:
    """Encrypt the database and every backup of it that is not encrypted yet (resuming an interrupted run)."""
    db_path = db_path.resolve()  # a link to the file must find the same lock and backups
    if crypto.available() is None:
        raise ServiceError("Kryptering (SQLCipher) er ikke installeret på denne maskine; databasen forbliver "
                           "ukrypteret.")  # fmt: skip
    if not db_path.is_file():
        raise ServiceError(f"Databasen findes ikke: {db_path}")
    check_passphrase(passphrase)
    result = Conversion()
    with _alone(db_path, actor, "krypteres"):
        _clean_leftovers(db_path)
        if not is_encrypted(db_path):
            _checkpoint(db_path, None)
            why = _convert(db_path, ".encrypting", lambda src, dest: crypto.encrypt_file(src, dest, passphrase))
            if why:
                raise ServiceError(f"{db_path.name} kunne ikke krypteres ({why}); filen er uændret.")
            result.database_converted = True
        elif not crypto.check_key(db_path, passphrase):
            raise ServiceError("Databasen er allerede krypteret med en anden adgangskode.")
        for other in foreign_files(default_folder(db_path), db_path):
            result.failed.append((other.name, "ukrypteret, men ikke en sikkerhedskopi af denne database; kryptér "
                                              "den sammen med sin egen database, eller slet den"))  # fmt: skip
        _convert_backups(db_path, passphrase, result, encrypt=True)
        if result.changed:
            _audit(db_path, passphrase, actor, "encrypt", result)
    return _finish(result, "krypter", "krypteret")


def decrypt(db_path: Path, passphrase: str, actor: str = "system") -> Conversion:
    """Decrypt the database and every encrypted backup of it (resuming an interrupted run)."""
    db_path = db_path.resolve()
    if not db_path.is_file():
        raise ServiceError(f"Databasen findes ikke: {db_path}")
    result = Conversion()
    with _alone(db_path, actor, "dekrypteres"):
        _clean_leftovers(db_path)
        if is_encrypted(db_path):
            if not crypto.check_key(db_path, passphrase):
                raise ServiceError("Forkert adgangskode.")
            _checkpoint(db_path, passphrase)
            why = _convert(db_path, ".decrypting", lambda src, dest: crypto.decrypt_file(src, passphrase, dest))
            if why:
                raise ServiceError(f"{db_path.name} kunne ikke dekrypteres ({why}); filen er uændret.")
            result.database_converted = True
        _convert_backups(db_path, passphrase, result, encrypt=False)
        if result.changed:
            _audit(db_path, None, actor, "decrypt", result)
    return _finish(result, "dekrypter", "ukrypteret")
