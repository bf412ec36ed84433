"""Files in and out: Excel export and import, backups, and encryption of a database file."""

from __future__ import annotations

import argparse
import logging
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from jobcenter_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    _actor,
    _db_path,
    _file_only,
    _open,
    _passphrase,
    _shown,
    _today,
)
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)


def cmd_encrypt(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services import encryption

    _file_only(args, f"'{args.command}'")
    db = _db_path(args)
    actor = _actor(args)
    if args.command == "encrypt":
        done = encryption.encrypt(db, _passphrase("Ny adgangskode: ", confirm=True), actor)
        print(f"{db} er nu krypteret ({done.backups_converted} sikkerhedskopier også). Adgangskoden gemmes ingen "
              "steder: glem den ikke.")  # fmt: skip
    else:
        done = encryption.decrypt(db, _passphrase("Adgangskode til databasen: "), actor)
        print(f"{db} er nu ukrypteret ({done.backups_converted} sikkerhedskopier også).")
    return EXIT_OK


BACKUP_KINDS = {"daglig": "daglig (ved start)", "manuel": "manuel", "foer-gendannelse": "før gendannelse"}


def cmd_backup(args: argparse.Namespace) -> int:
    _file_only(args, "Sikkerhedskopier med 'backup'")
    app = _open(args)
    if args.backup_cmd == "create":
        b = app.backups.create("manuel")
        print(f"Sikkerhedskopi gemt: {b.path}")
        return EXIT_OK
    backups = app.backups.all()
    if args.backup_cmd == "list":
        if backups:
            print(f"{'Nr.':>3}  {'Taget':<19}  {'Type':<18} {'Størrelse':>11}  Fil")
        for i, b in enumerate(backups, start=1):
            kind = BACKUP_KINDS.get(b.label, "før opdatering" if b.label.startswith("before-") else b.label)
            print(f"{i:>3}  {b.created:%d-%m-%Y %H:%M:%S}  {kind:<18} {b.size / 1024:>8.0f} kB  {b.path}")
        print(f"{count(len(backups), 'sikkerhedskopi', 'sikkerhedskopier')} i {app.backups.folder}.")
        return EXIT_OK
    ref = args.backup
    if ref.isdigit() and 1 <= int(ref) <= len(backups):
        chosen = backups[int(ref) - 1].path
    else:
        chosen = Path(ref)
        if not chosen.is_file():
            raise UsageError(f"ingen sikkerhedskopi {ref!r} (angiv et nummer fra 'backup list' eller en fil)")
    safety = app.backups.restore(chosen)
    print(f"Databasen er gendannet fra {chosen.name}. Den forrige tilstand er gemt som {safety.path.name}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope

    app = _open(args)
    if args.export_cmd == "template":
        out = Path(args.out)
        app.importer.write_template(out)
        print(f"Skabelon gemt: {out}")
        return EXIT_OK
    today = _today(args)
    if args.export_cmd == "ics":
        return _export_ics(app, args, today)
    if sum(x is not None and x is not False for x in (args.caseworker, args.team, args.all or None)) > 1:
        raise UsageError("angiv højst én af --caseworker, --team og --all")
    scope = Scope(everyone=True) if args.all else Scope(caseworker=None if args.team else (
        args.caseworker or app.ctx.actor), team=args.team)  # fmt: skip
    if sum((args.week is not None, bool(args.date_from or args.date_to), args.next_days is not None)) > 1:
        raise UsageError("angiv enten --week, --from/--to eller --next-days")
    if args.next_days is not None:  # 0 too: the service says what is allowed, rather than silently "this week"
        period = app.worklists.next_working_days(today, args.next_days)
    elif args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise UsageError("--from og --to skal angives sammen")
        period = Period.between(args.date_from, args.date_to)
    elif isinstance(args.week, tuple):
        period = Period.iso_week(*args.week)
    else:  # this week (also "current"), or the next one: what a weekly scheduled task asks for
        period = Period.week_of(today + timedelta(days=7) if args.week == "next" else today)
    req = ExportRequest(scope, period, per_caseworker=args.per_caseworker, include_cpr=args.include_cpr)
    out = Path(fill_placeholders(args.out, period, today)) if args.out else (
        Path.cwd() / app.worklists.default_filename(req))  # fmt: skip
    if out.suffix.lower() != ".xlsx":
        raise UsageError("--out skal være en .xlsx-fil")
    try:
        n = app.worklists.export(req, out, today, datetime.now())
    except ServiceError as e:  # an unattended run (Windows Task Scheduler) is read afterwards from the log
        log.error("Arbejdslisten %s blev ikke skrevet: %s", out.name, e)
        raise
    log.info("Arbejdsliste skrevet: %s (%d frister)", out.name, n)
    print(f"{count(n, 'frist', 'frister')} skrevet til {out}")
    return EXIT_OK


def fill_placeholders(text: str, period: Any, today: date) -> str:
    """``{week}`` → the ISO week of the list (2026-W48), ``{date}`` → today (2026-11-30); nothing else."""
    iso = period.start.isocalendar()
    unknown = set(re.findall(r"\{([^{}]*)\}", text)) - {"week", "date"}
    if unknown:
        raise UsageError(f"ukendt pladsholder i --out: {{{sorted(unknown)[0]}}} (brug {{week}} eller {{date}})")
    filled = text.replace("{week}", f"{iso.year}-W{iso.week:02d}").replace("{date}", today.isoformat())
    if "{" in filled or "}" in filled:
        raise UsageError("en krøllet parentes i --out uden pladsholder; brug {week} eller {date} (eller ingen)")
    return filled


def _export_ics(app: Any, args: argparse.Namespace, today: date) -> int:
    from jobcenter_desktop.core.models import DeadlineFilter

    if args.caseworker and args.team:
        raise UsageError("angiv højst én af --caseworker og --team")
    out = Path(args.out)
    if out.suffix.lower() != ".ics":
        raise UsageError("--out skal være en .ics-fil")
    worker = None if args.team else (args.caseworker or app.ctx.actor)
    f = DeadlineFilter(caseworker=worker, team=args.team, date_from=args.date_from, date_to=args.date_to)
    n = app.calendar_export.export(f, out, today, datetime.now())
    print(f"{count(n, 'frist', 'frister')} skrevet til {out} (kalender uden persondata).")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    app = _open(args)
    today = _today(args)
    preview = app.importer.preview(Path(args.file), today)
    for row in preview.rows:
        status = "ok" if row.ok else "FEJL: " + " ".join(row.problems)
        print(f"række {row.line}: {row.summary} — {status}")
    ok, bad = len(preview.accepted), len(preview.rejected)
    first, last = preview.rows[0].line, preview.rows[-1].line
    print(f"{count(len(preview.rows), 'sag', 'sager')} læst i arket (række {first}–{last}): {ok} gyldige og "
          f"{count(bad, 'afvist række', 'afviste rækker')}.")
    if preview.ignored_columns:
        print(f"Kolonner der ikke bruges: {', '.join(_shown(c) for c in preview.ignored_columns)}.")
    if args.dry_run:
        print("Prøvekørsel: intet er gemt.")
        return EXIT_OK
    if bad and not args.skip_invalid:
        raise UsageError(f"{count(bad, 'række', 'rækker')} har fejl; intet er importeret (ret filen, eller brug "
                         "--skip-invalid)")
    numbers = app.importer.commit(preview, today)
    print(f"{count(len(numbers), 'sag', 'sager')} importeret ({numbers[0]}–{numbers[-1]}).")
    return EXIT_OK
