"""Opening the app's state: database (migrated), rule catalogue, calendar, the acting caseworker."""

from __future__ import annotations

import getpass
import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from jobcenter_desktop.core.calendar import CalendarSettings, WorkingCalendar
from jobcenter_desktop.core.catalogues import Catalogues
from jobcenter_desktop.core.laptop import LAPTOP_LOGIN
from jobcenter_desktop.core.notice import DEFAULT_NOTICE_DAYS
from jobcenter_desktop.core.rules import Catalogue, CatalogueError, load_catalogue, parse_catalogue_text
from jobcenter_desktop.core.text import TextError, check_identity
from jobcenter_desktop.core.urgency import DEFAULT_DUE_SOON_DAYS
from jobcenter_desktop.paths import default_catalogue_path
from jobcenter_desktop.services.errors import (
    DuplicateError,
    PassphraseRequired,
    PasswordRequired,
    StartupError,
    StoreError,
)
from jobcenter_desktop.storage import crypto, instances
from jobcenter_desktop.storage.backup import backed_up_on
from jobcenter_desktop.storage.db import (
    Database,
    DatabaseError,
    EncryptedDatabaseError,
    StorageError,
    UniqueViolation,
    check_sqlite_file,
    make_engine,
    probe,
    sqlite_url,
)
from jobcenter_desktop.storage.migrations import SCHEMA_HEAD, create_database, upgrade
from jobcenter_desktop.storage.repository import OPEN_CASE_INDEX, Repository
from jobcenter_desktop.storage.server import LoginFailed, open_server
from jobcenter_desktop.storage.target import (
    FileTarget,
    ServerTarget,
    Target,
    TargetError,
    is_server_url,
    parse_server_url,
    parse_target,
)

# Setting keys
GRUNDLOVSDAG = "calendar.grundlovsdag_off"
CHRISTMAS_EVE = "calendar.christmas_eve_off"
NEW_YEARS_EVE = "calendar.new_years_eve_off"
DUE_SOON_DAYS = "urgency.due_soon_days"
NOTICE_DAYS = "notice.days"  # "Underretning mangler" this many working days before a decision's deadline
NOTICE_TEMPLATE = "notice.template"  # the municipality's own letter template (.docx), else the shipped one
log = logging.getLogger(__name__)
CATALOGUE_PATH = "catalogue.path"
#: A municipality's own catalogues live in the database (the TOML text under this prefix + its id), so every
#: PC of a team database sees the same ones.
CATALOGUE_FILE = "catalogue.file."


def os_username() -> str:
    try:
        return getpass.getuser() or "ukendt"
    except (OSError, KeyError):  # no user name in some containers and locked-down sessions
        return os.environ.get("USERNAME") or os.environ.get("USER") or "ukendt"


@dataclass
class Context:
    db: Database
    catalogue: Catalogue
    actor: str
    team: str = ""
    backup_made: str | None = None
    private_tmp: Path | None = None  # openpyxl's temporary files (default: the data folder's tmp/)
    server: ServerTarget | None = None  # the team database, when this is not a file
    # What this window itself changed since the change feed last looked (services.changes subtracts it).
    own_cases: set[uuid.UUID] = field(default_factory=set, repr=False)
    own_calendar: bool = field(default=False, repr=False)
    _calendar: WorkingCalendar | None = field(default=None, repr=False)
    _due_soon: int | None = field(default=None, repr=False)
    _notice_days: int | None = field(default=None, repr=False)
    extra_catalogues: tuple[Catalogue, ...] = ()  # added in Indstillinger (stored in the database)
    _catalogues: tuple[tuple[Catalogue, ...], Catalogues] | None = field(default=None, repr=False)

    @property
    def catalogues(self) -> Catalogues:
        """Built (sorted and checked) once per set of catalogues: the worklist asks once per row."""
        members = (self.catalogue, *self.extra_catalogues)
        cached = self._catalogues  # the members it was built from (kept, so their identity stays theirs)
        if cached is None or list(map(id, cached[0])) != list(map(id, members)):
            self._catalogues = cached = (members, Catalogues.of(members))
        return cached[1]

    def catalogue_of(self, catalogue_id: str) -> Catalogue:
        """The catalogue a case was registered under (the main one for an id no longer known)."""
        return self.catalogues.get(catalogue_id) or self.catalogue

    def catalogue_on(self, day: date) -> Catalogue:
        """The catalogue a case starting on ``day`` is registered under (the oldest before the first)."""
        cats = self.catalogues
        return cats.in_force(day) or (cats.items[0] if day < cats.items[0].valid_from else cats.newest())

    @property
    def calendar(self) -> WorkingCalendar:
        if self._calendar is None:
            self._calendar = WorkingCalendar(self.calendar_settings())
        return self._calendar

    def calendar_settings(self) -> CalendarSettings:
        with self.read() as s:
            repo = Repository(s)
            values = repo.settings()
            closures = repo.closures()

        def flag(key: str) -> bool:
            return values.get(key, "1") == "1"

        return CalendarSettings(flag(GRUNDLOVSDAG), flag(CHRISTMAS_EVE), flag(NEW_YEARS_EVE), closures)

    @property
    def due_soon_days(self) -> int:
        if self._due_soon is None:
            with self.read() as s:
                raw = Repository(s).setting(DUE_SOON_DAYS)
            self._due_soon = int(raw) if raw and raw.isdigit() else DEFAULT_DUE_SOON_DAYS
        return self._due_soon

    @property
    def notice_days(self) -> int:
        if self._notice_days is None:
            with self.read() as s:
                raw = Repository(s).setting(NOTICE_DAYS)
            self._notice_days = int(raw) if raw and raw.isdigit() else DEFAULT_NOTICE_DAYS
        return self._notice_days

    @contextmanager
    def read(self) -> Iterator[Session]:
        with service_errors(), self.db.read() as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action = one transaction; what the database refuses becomes a Danish ServiceError."""
        with service_errors(), self.db.write() as s:
            yield s

    def note_own(self, case_id: uuid.UUID | None = None, *, calendar: bool = False) -> None:
        """This window changed a case (or the calendar): the change feed need not report it back."""
        if case_id is not None:
            self.own_cases.add(case_id)
        self.own_calendar = self.own_calendar or calendar

    def invalidate(self) -> None:
        """Settings changed: rebuild the calendar and thresholds on next use."""
        self._calendar = None
        self._due_soon = self._notice_days = None

    def close(self) -> None:
        self.db.close()


DUPLICATE_MESSAGES = {
    OPEN_CASE_INDEX: "Der er allerede en åben sag i målgruppen for denne part (oprettet i mellemtiden).",
    "uq_cases_number": "Sagsnummeret er allerede brugt; prøv igen.",
    "uq_caseworker_username": "Sagsbehandleren findes allerede.",
    "uq_team_name": "Teamet findes allerede.",
    "uq_closure_day_day": "Lukkedagen findes allerede.",
}


@contextmanager
def service_errors() -> Iterator[None]:
    try:
        yield
    except UniqueViolation as e:
        # The team database keeps the one-open-case rule per team (storage.server_admin): the same rule.
        constraint = OPEN_CASE_INDEX if e.constraint == OPEN_CASE_INDEX + "_team" else e.constraint
        message = DUPLICATE_MESSAGES.get(constraint, f"Ændringen strider mod en regel i databasen ({constraint}); "
                                                     "intet er ændret.")  # fmt: skip
        raise DuplicateError(constraint, message) from e
    except StorageError as e:  # busy, full, unwritable, another constraint
        raise StoreError(str(e)) from e


_CATALOGUES: dict[tuple[str, int, int], Catalogue] = {}


def load_catalogue_or_fail(path: Path | None) -> Catalogue:
    """A catalogue is immutable: one parsed per file version (path, size, mtime) serves every database opened
    in this process (a laptop check-in opens several)."""
    file = path or default_catalogue_path()
    try:
        st = Path(file).stat()
        key = (str(Path(file).resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _CATALOGUES:
        return _CATALOGUES[key]
    try:
        found = load_catalogue(file)
        if key is not None:
            _CATALOGUES[key] = found
        return found
    except CatalogueError as e:
        raise StartupError(f"{e}\nRet filen, eller start med et andet katalog: jobcenter-desktop --catalogue FIL "
                           "(standardkataloget ligger i programmets resources/rules).") from e  # fmt: skip


def open_database(db_path: Path, *, migrate: bool = True, key: str | None = None, owner: str | None = None,
                  purpose: str = "window", deep: bool | None = None) -> tuple[Database, str | None]:  # fmt: skip
    """Open (creating if missing) and migrate a SQLite database. Faults become a Danish StartupError;
    the file is never overwritten. ``key``: the passphrase of an encrypted (SQLCipher) database; a new file
    opened with a key is created encrypted."""
    # The file itself, not a name for it: a symbolic link (or another spelling of the path) must find the same
    # lock folder and the same backups as everyone else who has the file open.
    db_path = db_path.resolve()
    if key is not None and db_path.exists() and db_path.stat().st_size and not crypto.looks_encrypted(db_path):
        key = None  # a plain database: nothing to unlock
    check = None
    lock = None
    try:
        check_sqlite_file(db_path, key)
        if migrate and not db_path.exists() and create_database(db_path, key):
            log.info("Ny database oprettet: %s%s", db_path, " (krypteret)" if key else "")
        # Registered before the file is read, so encrypt/decrypt/restore elsewhere see this instance at once.
        lock = instances.register(db_path, owner or os_username(), purpose)
        # Probe and migrate without switching to WAL: that pragma rewrites the file header, and a file that
        # turns out to be foreign or from a newer version must be left byte for byte as it was.
        check = make_engine(sqlite_url(db_path), wal=False, key=key, path=db_path)
        # The page-by-page check runs once a day, with the daily backup (BackupService.daily) that follows;
        # ``deep=False``: the caller runs both after the window is painted (Frister.daily_work).
        if deep is None:
            deep = not backed_up_on(db_path, datetime.now().date())
        probe(check, db_path, keyed=key is not None, deep=deep)
        backup = upgrade(check, db_path, key=key) if migrate else None
    except BaseException as e:
        if lock is not None:
            lock.release()
        if isinstance(e, EncryptedDatabaseError):
            raise PassphraseRequired(str(e)) from e
        if isinstance(e, DatabaseError | crypto.CryptoError | instances.InstanceError):
            raise StartupError(str(e)) from e
        if isinstance(e, SQLAlchemyError):  # e.g. still locked after the busy timeout while another migrates
            raise StartupError(f"Databasen {db_path} kan ikke åbnes lige nu ({getattr(e, 'orig', e)}). Prøv igen "
                               "om lidt; filen er ikke ændret.") from e  # fmt: skip
        raise
    finally:
        if check is not None:
            check.dispose()
    return Database(make_engine(sqlite_url(db_path), key=key, path=db_path), db_path, key, lock), backup


def open_context(
    target: Path | str | Target, *, catalogue_path: Path | None = None, actor: str | None = None,
    team: str | None = None, passphrase: str | None = None, password: str | None = None, deep: bool | None = None,
) -> Context:
    """Open a database file (``passphrase`` for an encrypted one) or the team database (a ``postgresql://``
    URL; ``password`` when libpq's own places have none)."""
    try:
        where = target if isinstance(target, FileTarget | ServerTarget) else parse_target(target)
    except TargetError as e:
        raise StartupError(str(e)) from None
    if isinstance(where, ServerTarget):
        return _open_server_context(where, catalogue_path=catalogue_path, actor=actor, team=team, password=password)
    try:  # checked before the database is touched: an identity goes into every audit entry
        who = check_identity(actor or os_username(), "Brugernavnet")
        team_name = check_identity(team, "Teamet") if team and team.strip() else ""
    except TextError as e:
        raise StartupError(str(e)) from None
    db, backup = open_database(where.path, key=passphrase, owner=who, deep=deep)
    catalogue, extra = _catalogue_of(db, catalogue_path)
    # A laptop's copy of the team database acts as the login it was checked out to, whoever runs it: its
    # entries go back to the server under that login.
    with service_errors(), db.read() as s:
        laptop_login = Repository(s).setting(LAPTOP_LOGIN)
    if laptop_login:
        who = laptop_login
    return Context(db=db, catalogue=catalogue, actor=who, team=team_name, backup_made=backup,
                   extra_catalogues=extra)


def names_team_database(text: str) -> bool:
    """Whether a database given as text is the team database (a postgresql:// URL) rather than a file."""
    return is_server_url(text)


def parse_server_target(url: str) -> ServerTarget:
    """The team database's address for the administrator's commands (a Danish ServiceError if unusable)."""
    try:
        return parse_server_url(url)
    except TargetError as e:
        raise StartupError(str(e)) from None


def _catalogue_of(db: Database, override: Path | None) -> tuple[Catalogue, tuple[Catalogue, ...]]:
    """The main catalogue (a file) and the municipality's own ones kept in the database, checked together."""
    try:
        with service_errors(), db.read() as s:
            values = Repository(s).settings()
        stored = values.get(CATALOGUE_PATH)
        main = load_catalogue_or_fail(override or (Path(stored) if stored else None))
        try:
            extra = tuple(parse_catalogue_text(text, f"{key[len(CATALOGUE_FILE):]} (i databasen)")
                          for key, text in sorted(values.items()) if key.startswith(CATALOGUE_FILE) and text)
            extra = tuple(c for c in extra if c.id != main.id)  # the main file wins over a stored copy of itself
            Catalogues.of((main, *extra))
        except CatalogueError as e:
            raise StartupError(f"{e}\nFjern eller ret kataloget i Indstillinger → Katalog og database (som "
                               "administrator).") from e  # fmt: skip
        return main, extra
    except Exception:
        db.close()
        raise


def _open_server_context(where: ServerTarget, *, catalogue_path: Path | None, actor: str | None, team: str | None,
                         password: str | None) -> Context:  # fmt: skip
    """On the team database the actor is the login, as the server sees it: never a name the client picks."""
    if actor and actor.strip() != where.login:
        raise StartupError(f"--as kan ikke bruges på teamdatabasen: du handler som den, du logger ind som "
                           f"({where.login}).")  # fmt: skip
    try:
        db, login = open_server(where.with_password(password if password is not None else where.password),
                                SCHEMA_HEAD)  # fmt: skip
    except LoginFailed as e:
        raise PasswordRequired(str(e)) from e
    except DatabaseError as e:
        raise StartupError(str(e)) from e
    try:
        with service_errors(), db.read() as s:
            repo = Repository(s)
            teams = repo.teams_of(login)
            me = repo.find_caseworker(login)
            own = me[1] if me is not None else ""
    except Exception:
        db.close()
        raise
    if team and team.strip() and team.strip() not in teams:
        db.close()
        raise StartupError(f"{login} er ikke med i {team.strip()} (teams: {', '.join(teams) or 'ingen'}).")
    catalogue, extra = _catalogue_of(db, catalogue_path)
    default = own if own in teams else (teams[0] if teams else "")  # the caseworker's own team first
    return Context(db=db, catalogue=catalogue, actor=login, team=(team or "").strip() or default, server=where,
                   extra_catalogues=extra)


def plausible_date_warning(d: date, today: date) -> str | None:
    """A date far from today is probably a typo; the UI asks for confirmation."""
    if (today - d).days > 366:
        return "Datoen ligger mere end et år tilbage. Er den rigtig?"
    if (d - today).days > 92:
        return "Datoen ligger mere end tre måneder ude i fremtiden. Er den rigtig?"
    return None
