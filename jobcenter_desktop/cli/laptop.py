"""``checkout``, ``checkin`` and ``conflicts``: cases out to an outreach laptop and back, and the conflicts a
check-in leaves for the caseworker."""

from __future__ import annotations

import argparse
import os
import uuid
from pathlib import Path
from typing import Any

from jobcenter_desktop.cli.common import (
    EXIT_OK,
    SERVER_ENV,
    UsageError,
    _emit_json,
    _open,
    _passphrase,
    _SubParser,
    _today,
)
from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.text import count


def register(sub: Any) -> None:
    s = sub.add_parser("checkout", help="tag sager med ud på en bærbar (fra teamdatabasen), eller vis/afslut udlån")
    s.add_argument("--to", help="den bærbares databasefil, der oprettes")
    s.add_argument("--mine", action="store_true", help="alle mine åbne sager")
    s.add_argument("--case", action="append", default=[], metavar="SAGSNR", help="en sag (kan gentages)")
    s.add_argument("--device", help="den bærbares navn (standard: computerens navn)")
    s.add_argument("--no-encryption", action="store_true",
                   help="UKRYPTERET kopi (kun efter aftale: en bærbar med CPR-numre skal være krypteret)")
    s.add_argument("--list", action="store_true", help="vis de åbne udlån (teamleder: teamets)")
    s.add_argument("--end", action="append", default=[], metavar="ID",
                   help="teamleder: afslut en bortkommen bærbars udlån (dens senere aflevering bliver konflikter)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_checkout)
    s = sub.add_parser("checkin", help="aflever den bærbares ændringer (--db FIL) til teamdatabasen")
    s.add_argument("--release", action="store_true", help="fjern den bærbare kopi bagefter og afslut udlånet")
    s.set_defaults(func=cmd_checkin)
    group = sub.add_parser("conflicts", help="konflikter fra afleveringer").add_subparsers(
        dest="conflicts_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    c = group.add_parser("list", help="de uafgjorte konflikter")
    c.add_argument("--all", action="store_true", help="også de afgjorte")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_conflicts_list)
    c = group.add_parser("resolve", help="afgør en konflikt")
    c.add_argument("id")
    c.add_argument("--keep", choices=["server", "laptop"])
    c.add_argument("--value", help="en ny tekst (kun for en bemærkning)")
    c.set_defaults(func=cmd_conflicts_resolve)


def _server_app(args: argparse.Namespace) -> Any:
    if not (getattr(args, "server", None) or os.environ.get(SERVER_ENV)):
        raise UsageError("angiv teamdatabasen med --server postgresql://LOGIN@VÆRT:PORT/DB")
    laptop, args.db = args.db, None  # --db names the laptop's file here, not the database to open
    try:
        return _open(args)
    finally:
        args.db = laptop


def cmd_checkout(args: argparse.Namespace) -> int:
    app = _server_app(args)
    if args.list or args.end:
        if args.end:
            try:
                ids = [uuid.UUID(i) for i in args.end]
            except ValueError:
                raise UsageError("--end tager et udlåns id (se checkout --list)") from None
            print(f"{app.checkouts.end_lost(ids)} udlån afsluttet; en senere aflevering fra den bærbare bliver "
                  "til konflikter.")  # fmt: skip
            return EXIT_OK
        rows = app.checkouts.checkouts()
        if args.json:
            _emit_json([{"id": c.id, "case": c.case_number, "login": c.login, "device": c.device,
                         "base_version": c.base_version, "since": c.checked_out_at} for c in rows])  # fmt: skip
            return EXIT_OK
        if rows:
            print(f"{'Udlån (id)':<36}  {'Sagsnr.':<14} {'Bruger':<12} {'Bærbar':<16} Siden")
        for c in rows:
            print(f"{c.id}  {c.case_number:<14} {c.login:<12} {c.device:<16} "
                  f"{format_date(c.checked_out_at.date())} {c.checked_out_at:%H:%M}")  # fmt: skip
        print(f"{count(len(rows), 'åbent udlån', 'åbne udlån')}.")
        return EXIT_OK
    if not args.to:
        raise UsageError("angiv den bærbares fil med --to FIL (eller --list)")
    if not args.mine and not args.case:
        raise UsageError("vælg sagerne: --mine eller --case SAGSNR (kan gentages)")
    ids = app.checkouts.case_ids(mine=args.mine, numbers=args.case)
    passphrase = None if args.no_encryption else _passphrase("Ny adgangskode til den bærbare kopi: ", confirm=True)
    out = app.checkouts.checkout(Path(args.to), ids, passphrase=passphrase, device=args.device)
    how = "krypteret" if out.encrypted else "UKRYPTERET (en bærbar med CPR-numre skal være krypteret)"
    print(f"{count(out.cases, 'sag', 'sager')} taget med ud i {out.path} ({how}).")
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services.encryption import is_encrypted

    if not args.db:
        raise UsageError("angiv den bærbares fil med --db FIL")
    laptop = Path(args.db)
    app = _server_app(args)
    key = _passphrase("Adgangskode til den bærbare kopi: ") if laptop.is_file() and is_encrypted(laptop) else None
    r = app.checkins.checkin(laptop, passphrase=key, today=_today(args), release=args.release)
    print(f"{count(r.cases, 'sag', 'sager')} afleveret: {r.applied} behandlet nu, {r.skipped} allerede afleveret, "
          f"{count(r.changes, 'ændring', 'ændringer')} overført, "
          f"{count(r.audit_entries, 'historikpost', 'historikposter')}, "
          f"{count(r.conflicts, 'konflikt', 'konflikter')}.")  # fmt: skip
    for provisional, number in r.numbers.items():
        print(f"  {provisional} → {number}")
    if r.conflicts:
        print("Se konflikterne med 'conflicts list' og afgør dem med 'conflicts resolve ID --keep server|laptop'.")
    print("Den bærbare kopi er fjernet." if args.release else f"{laptop} er nu en frisk kopi af de samme sager.")
    return EXIT_OK


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from jobcenter_desktop.core.merge import decode
    from jobcenter_desktop.services.merge_text import describe, what

    app = _server_app(args)
    rows = app.conflicts.list(open_only=not args.all)
    if args.json:
        _emit_json([{"id": c.id, "case": c.case_number, "record": c.record, "key": c.record_key, "field": c.field,
                     "base": decode(c.base), "server": decode(c.server), "laptop": decode(c.laptop),
                     "server_by": c.server_by, "server_at": c.server_at, "login": c.login, "device": c.device,
                     "resolved_by": c.resolved_by or None, "resolution": c.resolution or None}
                    for c in rows])  # fmt: skip
        return EXIT_OK
    for c in rows:
        state = f"afgjort af {c.resolved_by}: {c.resolution}" if c.resolved_at else "uafgjort"
        print(f"{str(c.id)[:8]}  {c.case_number}  {what(c.record, c.record_key, c.field)}  ({state})")
        print(f"    teamdatabasen: {describe(c.record, c.field, decode(c.server))}"
              + (f"  (ændret af {c.server_by})" if c.server_by else ""))  # fmt: skip
        print(f"    bærbar {c.device}: {describe(c.record, c.field, decode(c.laptop))}")
        print(f"    før udlån: {describe(c.record, c.field, decode(c.base))}")
    print(f"{count(len(rows), 'konflikt', 'konflikter')}.")
    return EXIT_OK


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services.merge_text import what

    app = _server_app(args)
    found = app.conflicts.find(args.id)
    done = app.conflicts.resolve(found.id, keep=args.keep, value=args.value, today=_today(args))
    print(f"Konflikt {str(done.id)[:8]} på sag {done.case_number} ({what(done.record, done.record_key, done.field)}) "
          f"afgjort: {done.resolution}.")  # fmt: skip
    return EXIT_OK
