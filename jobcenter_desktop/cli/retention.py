"""``retention preview`` / ``retention apply``: the yearly clean-up of closed cases' personal data.

    retention preview [--closed-before DATE]           counts per group and closing year, never the people
    retention apply [--closed-before DATE] [--yes] [--rewrite-backups]
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jobcenter_desktop.cli.common import EXIT_OK, UsageError, _date_arg, _open, _SubParser, _today
from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.text import count

BACKUP_NOTE = ("Sikkerhedskopier taget før sletningen indeholder stadig oplysningerne, indtil de roteres ud; "
               "--rewrite-backups erstatter dem med én ny kopi af den rensede database.")  # fmt: skip


def _print_plan(plan: Any) -> None:
    print(f"Lukkede sager lukket før {format_date(plan.closed_before)}: {count(plan.total, 'sag', 'sager')}.")
    for (group, year), n in plan.by_group_year.items():
        print(f"  {group:<32} lukket {year}: {n:>6}")


def cmd_retention(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    plan = app.retention.preview(today, args.closed_before)
    _print_plan(plan)
    if args.retention_cmd == "preview":
        print("Intet er ændret. Slet med 'retention apply' (samme valg).")
        return EXIT_OK
    if plan.total == 0:
        app.retention.wipe()  # a run cut off after its commit left the file to be cleaned: clean it now
        print("Intet at slette.")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("sletning kræver en bekræftelse: kør i en terminal, eller tilføj --yes (planlagte job)")
        print(f"Navne, CPR/CVR, bemærkninger og fritekst i {count(plan.total, 'sag', 'sager')} slettes for altid. "
              f"{BACKUP_NOTE}")  # fmt: skip
        if input("Skriv ja for at slette: ").strip().casefold() != "ja":
            print("Intet er slettet.")
            return EXIT_OK
    result = app.retention.apply(today, args.closed_before, rewrite_backups=args.rewrite_backups)
    print(f"Persondata slettet i {count(result.plan.total, 'sag', 'sager')} ({result.audit_entries} "
          "historikposter renset); handlingen står i historikken.")  # fmt: skip
    if result.file_before:
        print(f"Databasefilen er genopbygget: {result.file_before / 1e6:.1f} MB → {result.file_after / 1e6:.1f} MB.")
    if result.file_before:  # a file: its backups are ours (the team database's are the DBA's)
        print(f"{result.backups_replaced} ældre sikkerhedskopier erstattet af en ny." if args.rewrite_backups
              else BACKUP_NOTE)  # fmt: skip
    return EXIT_OK


def register(sub: Any) -> None:
    retention = sub.add_parser("retention", help="slet persondata i lukkede sager efter opbevaringsperioden")
    cmds = retention.add_subparsers(dest="retention_cmd", required=True, parser_class=_SubParser)
    for name, text in (("preview", "vis hvor mange lukkede sager der er over perioden (intet ændres)"),
                       ("apply", "slet deres persondata (med bekræftelse)")):  # fmt: skip
        s = cmds.add_parser(name, help=text)
        s.add_argument("--closed-before", dest="closed_before", type=_date_arg,
                       help="sager lukket før denne dato (standard: opbevaringsperioden fra Indstillinger)")
        if name == "apply":
            s.add_argument("--yes", action="store_true", help="uden at spørge (planlagte job)")
            s.add_argument("--rewrite-backups", action="store_true",
                           help="erstat de ældre sikkerhedskopier med én ny af den rensede database")
        s.set_defaults(func=cmd_retention)
