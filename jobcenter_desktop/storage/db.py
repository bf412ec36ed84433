"""Opening the database: engine, SQLite pragmas, transactions and start-up faults with clear messages."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker

from jobcenter_desktop.storage import crypto
from jobcenter_desktop.storage.instances import InstanceLock

BUSY_TIMEOUT_MS = 15_000


class DatabaseError(Exception):
    """A database that cannot be used as it is. The message is Danish and says what to do."""


class StorageError(Exception):
    """A read or write that the database refused; nothing of the transaction was kept. Danish message."""


class UniqueViolation(StorageError):
    """A unique constraint refused the change (two people did the same at once); ``constraint`` is its name
    (see :data:`UNIQUE_NAMES`). Other integrity errors (NOT NULL, foreign keys) are bugs and stay as they are."""

    def __init__(self, constraint: str) -> None:
        self.constraint = constraint
        super().__init__(f"Ændringen findes allerede i databasen ({constraint}); intet er ændret.")


class DatabaseBusy(StorageError):
    def __init__(self) -> None:
        super().__init__("Databasen er optaget af et andet program; prøv igen om lidt. Intet er ændret.")


class DatabaseFull(StorageError):
    def __init__(self) -> None:
        super().__init__("Der er ikke mere plads på disken, så ændringen kunne ikke gemmes; intet er ændret. "
                         "Frigør plads og prøv igen.")  # fmt: skip


class DatabaseUnwritable(StorageError):
    pass


class ConnectionLost(StorageError):
    def __init__(self) -> None:
        super().__init__("Forbindelsen til teamdatabasen er afbrudt (netværk, VPN eller serveren). Intet af "
                         "handlingen er gemt, og det du har skrevet står der stadig. Prøv igen, når forbindelsen er "
                         "tilbage; programmet forbinder selv igen.")  # fmt: skip


class AccessDenied(StorageError):
    """The server's roles or row-level security refused the change (another team's case, admin-only data)."""


# SQLite names the columns of a violated unique constraint, PostgreSQL the constraint: both map to one name.
UNIQUE_NAMES = {
    "cases.group_id, cases.party_key": "uq_cases_open_party",
    "cases.number": "uq_cases_number",
    "caseworker.username": "uq_caseworker_username",
    "team.name": "uq_team_name",
    "closure_day.day": "uq_closure_day_day",
}


def _constraint_of(e: exc.IntegrityError) -> str:
    diag = getattr(e.orig, "diag", None)  # psycopg
    name = getattr(diag, "constraint_name", None)
    if name:
        return str(name)
    text_ = str(e.orig)
    if "UNIQUE constraint failed: " in text_:
        cols = text_.split("UNIQUE constraint failed: ", 1)[1].strip()
        return UNIQUE_NAMES.get(cols, cols)
    return text_.splitlines()[0][:80]


@contextmanager
def storage_errors() -> Iterator[None]:
    """Driver errors that a user can meet in daily work, as StorageError with a Danish message."""
    try:
        yield
    except exc.DBAPIError as e:
        state = getattr(e.orig, "sqlstate", None)  # PostgreSQL's error class; None on SQLite
        if e.connection_invalidated or (state is not None and str(state).startswith("08")) or (
                state is None and isinstance(e, exc.OperationalError) and _is_server_error(e)):  # fmt: skip
            raise ConnectionLost() from e
        if state == "42501":  # insufficient_privilege, also "new row violates row-level security policy"
            raise AccessDenied("Teamdatabasen tillader ikke ændringen: den hører til et team, du ikke er med i, "
                               "eller kun en administrator må gøre det. Intet er ændret.") from e  # fmt: skip
        if state in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock not available
            raise DatabaseBusy() from e
        if state == "53100":  # disk_full
            raise DatabaseFull() from e
        _sqlite_errors(e)
        raise


def _is_server_error(e: exc.OperationalError) -> bool:
    return type(e.orig).__module__.startswith("psycopg")


def _sqlite_errors(e: exc.DBAPIError) -> None:
    """The user-facing SQLite errors (and PostgreSQL's unique_violation) as StorageError; others return."""
    if isinstance(e, exc.IntegrityError):
        if getattr(e.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(e.orig):
            raise UniqueViolation(_constraint_of(e)) from e
    elif isinstance(e, exc.OperationalError):
        message = str(e.orig).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseBusy() from e
        if "full" in message:  # SQLITE_FULL: "database or disk is full"
            raise DatabaseFull() from e
        if "readonly" in message or "read-only" in message or "disk i/o" in message:
            raise DatabaseUnwritable(
                f"Databasen kan ikke skrives lige nu ({e.orig}); intet er ændret. Kontrollér at filen stadig findes "
                "og at der er skriveadgang.") from e  # fmt: skip


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any, *, wal: bool = True) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself, so write transactions can take the lock up front.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    if wal:  # switching to WAL rewrites the file header: only once the file is known to be ours
        # On read-only media the mode stays as it was; reading still works, so the answer is not checked.
        _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous = FULL")  # a committed change survives power loss, not only kill -9
    cur.close()


def _sqlite_pragmas_no_wal(dbapi_conn: sqlite3.Connection, record: Any) -> None:
    _sqlite_pragmas(dbapi_conn, record, wal=False)


def _switch_to_wal(cur: Any) -> None:
    """``PRAGMA journal_mode = WAL``, retried within the busy timeout: the switch needs an exclusive lock, and
    when two processes open a brand-new file at once SQLite refuses one of them at once ("database is locked")
    instead of waiting — its busy handler does not cover two connections changing the journal mode together."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except Exception as e:  # sqlite3 or sqlcipher3 OperationalError: the two share no base class
            if "locked" not in str(e).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(conn: Any) -> None:
    # Writers take the write lock at BEGIN (IMMEDIATE) and so wait on busy_timeout instead of failing
    # half-way with SQLITE_BUSY when another instance wrote first; readers stay DEFERRED and never block.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, wal: bool = True, key: str | None = None, path: Path | None = None) -> Engine:
    """``wal=False``: leave the journal mode alone (for checking a file before it is known to be ours).
    ``key``: open ``path`` encrypted with SQLCipher (the URL still picks SQLAlchemy's file-database pool)."""
    if key is not None:
        assert path is not None
        keyed_path = path

        def creator() -> Any:
            return crypto.connect(keyed_path, key, check_same_thread=False)

        engine = create_engine(url, future=True, creator=creator)
    else:
        engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas if wal else _sqlite_pragmas_no_wal)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class DatabaseReplaced(StorageError):
    pass


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Database:
    """An open database: one engine, sessions for reading and write transactions for changes.

    For a file, ``lock`` is this instance's registration (storage.instances) and the file's identity (device and
    inode) is taken at open: every write first checks that the path still names that same file, so a database
    deleted, moved or replaced under a running window (encrypt, a copy from elsewhere) is never written into
    unseen."""

    def __init__(self, engine: Engine, path: Path | None = None, key: str | None = None,
                 lock: InstanceLock | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.path = path
        self.key = key  # in memory only while open: backups of an encrypted database need it
        self.lock = lock
        self._identity = _identity(path) if path is not None else None
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        writer = engine.execution_options(sqlite_begin="IMMEDIATE") if engine.dialect.name == "sqlite" else engine
        self._write = sessionmaker(bind=writer, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with storage_errors(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action = one transaction: everything inside commits together or not at all."""
        self.check_same_file()
        with storage_errors(), self._write() as session, session.begin():
            yield session

    def check_same_file(self) -> None:
        if self.path is None or self._identity is None:
            return
        if _identity(self.path) != self._identity:
            raise DatabaseReplaced(
                f"Databasefilen {self.path} er flyttet, slettet eller erstattet af et andet program, mens Frister "
                "var åben. Intet er gemt, og det du har skrevet står stadig i vinduet. Kopiér det du vil beholde, "
                "luk programmet og start det igen.")  # fmt: skip

    def check_pages(self) -> None:
        """SQLite's quick_check over the open file (reads every page: ~0.6 s at 100k cases); DatabaseError with a
        Danish message when it finds damage. Nothing to do on the team database (the server checks its own)."""
        if self.path is None or self.engine.dialect.name != "sqlite":
            return
        with storage_errors(), self.engine.connect() as conn:
            ok = conn.execute(text("PRAGMA quick_check")).scalar_one()
        if ok != "ok":
            raise DatabaseError(f"Databasen {self.path} er beskadiget ({ok}). Filen er ikke ændret, og dagens "
                                "sikkerhedskopi er ikke taget. Gendan en sikkerhedskopi (Filer → Sikkerhedskopier).")

    def wipe_free_space(self) -> tuple[int, int]:
        """After personal data was blanked (retention): rebuild the file so nothing deleted is left in free pages,
        and empty the WAL. Returns the file's size before and after. Nothing to do on the team database (the
        server's own storage; PostgreSQL's VACUUM is the DBA's)."""
        if self.path is None or self.engine.dialect.name != "sqlite":
            return 0, 0
        before = self.path.stat().st_size
        busy = DatabaseBusy()
        with storage_errors(), self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            try:
                raw.execute("PRAGMA secure_delete = ON")
                raw.execute("VACUUM")  # a new file from the live rows only: no free page keeps old content
                # VACUUM went through the WAL: fold it back and empty it; a reader still open keeps it (busy).
                if raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
                    raise busy
            except DatabaseBusy:
                raise
            except Exception as e:  # the driver's own (sqlite3/sqlcipher3 OperationalError: locked, busy)
                raise busy from e
        self.renew_identity()
        return before, self.path.stat().st_size

    def renew_identity(self) -> None:
        """After this instance itself replaced the file's contents in place (a restore)."""
        if self.path is not None:
            self._identity = _identity(self.path)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


class EncryptedDatabaseError(DatabaseError):
    """The file is encrypted (or damaged) and no passphrase was given."""


def check_sqlite_file(path: Path, key: str | None = None) -> None:
    """Refuse files that are not SQLite databases or cannot be written, before anything touches them."""
    if not path.exists():
        parent = path.parent
        if parent.exists() and not parent.is_dir():
            raise DatabaseError(f"{parent} er en fil, ikke en mappe. Vælg en anden placering til databasen.")
        if not parent.exists():
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(f"Mappen til databasen kan ikke oprettes: {parent} ({e.strerror}).") from e
        if not os.access(parent, os.W_OK):
            raise DatabaseError(f"Der kan ikke skrives i mappen {parent}. Vælg en anden placering til databasen.")
        return
    if path.is_dir():
        raise DatabaseError(f"{path} er en mappe, ikke en databasefil.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as e:
        raise DatabaseError(f"Databasefilen {path} kan ikke læses ({e.strerror}).") from e
    if not head and not _has_journal(path):
        # SQLite would silently start a new, empty database in it. An empty file where a database is expected
        # is a truncated copy, a failed download or a wrong path: say so and leave it for the user to decide.
        raise DatabaseError(
            f"Databasefilen {path} er tom (0 byte). Den kan være afkortet eller forkert kopieret. Gendan en "
            "sikkerhedskopi, eller slet den tomme fil, hvis du vil starte på en ny database. Filen er ikke ændret."
        )
    if head and head != b"SQLite format 3\x00" and key is None:
        raise EncryptedDatabaseError(
            f"Databasen {path} er krypteret eller beskadiget. Start med adgangskoden, eller gendan en "
            "sikkerhedskopi. Filen er ikke ændret."
        )
    if head and head != b"SQLite format 3\x00" and crypto.available() is None:
        raise DatabaseError(
            f"Filen {path} er krypteret eller beskadiget, og kryptering (SQLCipher) er ikke installeret på denne "
            "maskine. Filen er ikke ændret. Gendan en sikkerhedskopi ('jobcenter-desktop backup restore')."
        )
    if not os.access(path, os.W_OK):
        raise DatabaseError(
            f"Databasefilen {path} er skrivebeskyttet. Giv skriveadgang til filen, eller kopiér den til en mappe "
            "hvor du har skriveadgang."
        )


def _has_journal(path: Path) -> bool:
    # A 0-byte main file next to a non-empty WAL is a database whose first checkpoint has not happened yet.
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def probe(engine: Engine, path: Path | None, *, keyed: bool = False, deep: bool = True) -> None:
    """Touch the file once so corruption and locks show up as a clear message at start-up.

    ``deep`` adds SQLite's quick_check, which reads every page (0.6 s for a 100k-case file): the caller asks
    for it once a day, before the daily backup, so a damaged file is caught before it is copied."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            if path is not None and deep:
                ok = conn.execute(text("PRAGMA quick_check")).scalar_one()
                if ok != "ok":
                    raise DatabaseError(
                        f"Databasen {path} er beskadiget ({ok}). Filen er ikke ændret. Gendan en sikkerhedskopi."
                    )
    except crypto.WrongKeyError as e:
        raise EncryptedDatabaseError(str(e)) from e
    except exc.OperationalError as e:
        if "locked" in str(e.orig) or "busy" in str(e.orig):
            raise DatabaseError(
                f"Databasen {path} er låst af et andet program. Luk det andet program og prøv igen."
            ) from e
        raise DatabaseError(f"Databasen {path} kan ikke åbnes: {e.orig}. Filen er ikke ændret.") from e
    except exc.DatabaseError as e:
        if keyed:  # SQLCipher says "file is not a database" for a wrong key
            raise EncryptedDatabaseError("Forkert adgangskode til databasen (eller filen er beskadiget).") from e
        raise DatabaseError(
            f"Databasen {path} er beskadiget eller ikke en database. Filen er ikke ændret. Gendan en sikkerhedskopi."
        ) from e
