"""What every command shares: the Danish argument parser, argument types, output helpers, and opening the
database (a file or the team database) with its passphrase or password."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NoReturn

from jobcenter_desktop.core.calendar import (
    MAX_YEAR,
    MIN_YEAR,
)
from jobcenter_desktop.core.dates import DateParseError, parse_anchor, parse_date
from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.models import CaseRecord
from jobcenter_desktop.core.party import hide_cpr_in_text
from jobcenter_desktop.core.text import TextError, check_identity, printable
from jobcenter_desktop.paths import default_db_path
from jobcenter_desktop.services.context import names_team_database

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


log = logging.getLogger("jobcenter_desktop.cli")


class UsageError(Exception):
    """Bad input: exit 2 with this one-line message."""


# argparse speaks English; the few messages a user meets are said in Danish instead.
_ARGPARSE_DANISH = (
    (re.compile(r"invalid choice: (.+?) \(choose from (.+)\)"), r"ugyldigt valg: \1 (vælg mellem \2)"),
    (re.compile(r"the following arguments are required: (.+)"), r"disse skal angives: \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"ukendte argumenter: \1"),
    (re.compile(r"expected one argument"), "mangler en værdi"),
    (re.compile(r"invalid (\w+) value: (.+)"), r"ugyldig værdi: \2"),
    (re.compile(r"not allowed with argument (.+)"), r"kan ikke bruges sammen med \1"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for pattern, danish in _ARGPARSE_DANISH:
            message = pattern.sub(danish, message)
        raise UsageError(message)


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def _date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except DateParseError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _anchor_arg(text: str) -> Anchor:
    try:
        return parse_anchor(text)
    except DateParseError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _clock_arg(text: str) -> time:
    m = re.fullmatch(r"([01]?\d|2[0-3])[:.]([0-5]\d)", text.strip(), flags=re.ASCII)
    if not m:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} er ikke et klokkeslæt (brug TT:MM, fx 14:30)")
    return time(int(m[1]), int(m[2]))


def _now(args: argparse.Namespace) -> datetime:
    """Now, on the day ``--today`` names (the figures' hours deadlines are compared with it)."""
    now = datetime.now()
    return datetime.combine(args.today, now.time()) if getattr(args, "today", None) else now


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} er ikke et helt tal") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("skal ligge mellem 0 og 1.000.000")
    return value


def _year_arg(text: str) -> int:
    value = _positive_int(text)
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}")
    return value


def _week_arg(text: str) -> tuple[int, int] | str:
    """ISO week 'ÅÅÅÅ-Wuu', or 'current'/'next' (resolved against --today: a scheduled task's own week)."""
    if text.strip().lower() in ("current", "next", "denne", "naeste", "næste"):
        return "next" if text.strip().lower() in ("next", "naeste", "næste") else "current"
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), flags=re.IGNORECASE | re.ASCII)
    if not m:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} er ikke en uge (brug ÅÅÅÅ-Wuu, fx 2026-W48, eller "
                                         "current/next)")
    if not MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}")
    return int(m[1]), int(m[2])


def _shown(text: str, reveal: bool = False) -> str:
    """Stored free text as output shows it: CPR-shaped numbers masked (unless revealed, which is audited) and
    one line without control characters."""
    return printable(text if reveal else hide_cpr_in_text(text))


def _emit_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(o: object) -> object:
    if isinstance(o, datetime) and o.tzinfo is not None:
        return o.isoformat(timespec="seconds")  # audit timestamps: UTC, with the zone
    if isinstance(o, datetime):
        return o.strftime("%Y-%m-%dT%H:%M")
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, uuid.UUID):
        return str(o)
    if isinstance(o, frozenset | set | tuple):
        return list(o)
    return str(o)


PASSPHRASE_ENV = "JOBCENTER_PASSPHRASE"


SERVER_ENV = "JOBCENTER_SERVER"


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    """From the environment (scheduled jobs) or typed without echo; never from a command-line argument,
    which other users of the machine could read in the process list."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise UsageError(f"databasen er krypteret eller beskadiget: angiv adgangskoden i {PASSPHRASE_ENV}, "
                         "kør interaktivt, eller gendan en sikkerhedskopi")
    import getpass

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Gentag adgangskoden: ") != first:
        raise UsageError("de to adgangskoder er ikke ens")
    return first


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def _server_url(args: argparse.Namespace) -> str | None:
    """``--server URL`` or ``JOBCENTER_SERVER`` (not both a file and a server)."""
    url = getattr(args, "server", None) or (None if args.db else os.environ.get(SERVER_ENV))
    if url and args.db:
        raise UsageError("angiv enten --db (en fil) eller --server (teamdatabasen), ikke begge")
    if url and not names_team_database(url):  # a typo must not quietly become a new database file
        raise UsageError("teamdatabasen angives som postgresql://LOGIN@VÆRT:PORT/DATABASE, ikke "
                         f"{url.split('://')[0][:20]!r}")  # fmt: skip
    return url or None


def _open(args: argparse.Namespace) -> Any:
    from jobcenter_desktop.services.app import Frister
    from jobcenter_desktop.services.encryption import is_encrypted
    from jobcenter_desktop.services.errors import PasswordRequired

    if getattr(args, "_app", None) is not None:
        return args._app
    catalogue = Path(args.catalogue) if args.catalogue else None
    url = _server_url(args)
    if url is not None:
        # The password comes from libpq's own places (PGPASSWORD, the pgpass file); asked only when missing.
        try:
            args._app = Frister.open(url, catalogue_path=catalogue, actor=args.actor, team=args.my_team)
        except PasswordRequired as e:
            if not sys.stdin.isatty():
                raise UsageError(f"{e} Angiv adgangskoden i PGPASSWORD eller pgpass-filen, eller kør "
                                 "interaktivt") from None
            import getpass

            args._app = Frister.open(url, catalogue_path=catalogue, actor=args.actor, team=args.my_team,
                                     password=getpass.getpass("Adgangskode til teamdatabasen: "))  # fmt: skip
        return args._app
    db = _db_path(args)
    key = _passphrase("Adgangskode til databasen: ") if is_encrypted(db) else None
    args._app = Frister.open(db, catalogue_path=catalogue, actor=args.actor, team=args.my_team, passphrase=key)
    return args._app


def _file_only(args: argparse.Namespace, what: str) -> None:
    """Backups, encryption and the like are a file's; on the team database they are the server's job."""
    if _server_url(args) is not None:
        raise UsageError(f"{what} gælder kun en databasefil; på teamdatabasen er det serverens opgave "
                         "(pg_dump og driftens sikkerhedskopier, kryptering af forbindelsen og disken)")  # fmt: skip


def _actor(args: argparse.Namespace) -> str:
    """Who acts, for commands that do not open the database through the services (checked the same way)."""
    from jobcenter_desktop.services.context import os_username

    try:
        return check_identity(args.actor or os_username(), "Brugernavnet")
    except TextError as e:
        raise UsageError(str(e)) from None


def _find_case(app: Any, ref: str) -> CaseRecord:
    try:
        return app.cases.get(uuid.UUID(ref))  # type: ignore[no-any-return]
    except ValueError:
        return app.cases.by_number(ref)  # type: ignore[no-any-return]


def _find_milestone(app: Any, ref: str) -> tuple[CaseRecord, uuid.UUID]:
    """A milestone as ``CASENUMBER/rule_id`` (e.g. 2026-00012/kh_ydelse) or its UUID."""
    from jobcenter_desktop.services.errors import ServiceError

    if "/" in ref:
        number, rule_id = ref.rsplit("/", 1)
        case = app.cases.by_number(number)
        for m in case.milestones:
            if m.rule_id == rule_id:
                return case, m.id
        raise ServiceError(f"sag {number} har ingen milepæl {rule_id!r}")
    try:
        mid = uuid.UUID(ref)
    except ValueError:
        raise UsageError(f"{ref!r} er hverken SAGSNR/milepæl eller et milepæls-id") from None
    return app.cases.by_milestone(mid), mid


def _add_globals(p: argparse.ArgumentParser, *, top: bool) -> None:
    # The same options work before and after the command (`--db X demo` and `demo --db X`); on
    # sub-commands they default to SUPPRESS so they never overwrite a value given before the command.
    kw: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    p.add_argument("--db", help="databasefil (standard: JOBCENTER_DB eller brugerens datamappe)", **kw)
    p.add_argument("--server", help="teamdatabasen: postgresql://LOGIN@VÆRT:PORT/DB (eller JOBCENTER_SERVER)", **kw)
    p.add_argument("--catalogue", help="regelkatalog (TOML); standard: Albertslund 2016", **kw)
    p.add_argument("--as", dest="actor", help="sagsbehandler-id (standard: brugernavnet i styresystemet)", **kw)
    p.add_argument("--my-team", dest="my_team", help="mit team (når jeg opretter sager)", **kw)
    p.add_argument("--today", type=_date_arg, help=argparse.SUPPRESS, **kw)  # what-if and tests


class _SubParser(_Parser):
    def __init__(self, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        _add_globals(self, top=False)
