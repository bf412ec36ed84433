"""``jobcenter-desktop`` command line: a contract other tools and tests rely on.

Every bad input exits with code 2 and one line naming what is wrong; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from jobcenter_desktop import __version__
from jobcenter_desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    PASSPHRASE_ENV,
    UsageError,
    _add_globals,
    _anchor_arg,
    _date_arg,
    _Parser,
    _positive_int,
    _SubParser,
    _week_arg,
    _year_arg,
    log,
)
from jobcenter_desktop.cli.files import cmd_backup, cmd_encrypt, cmd_export, cmd_import
from jobcenter_desktop.cli.help_texts import document
from jobcenter_desktop.cli.lists import cmd_audit, cmd_closure, cmd_deadlines, cmd_demo, cmd_recompute
from jobcenter_desktop.cli.stateless import cmd_calendar, cmd_due, cmd_rules
from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR, CalendarRangeError
from jobcenter_desktop.core.dates import DateParseError
from jobcenter_desktop.core.deadlines import DeadlineError
from jobcenter_desktop.core.rules import CatalogueError
from jobcenter_desktop.core.text import printable
from jobcenter_desktop.logsetup import setup_logging


def cmd_self_test() -> int:
    from jobcenter_desktop.services.selftest import run_self_test

    for line in run_self_test():
        print(f"ok: {line}")
    print(f"Selvtest bestået (Jobcenter Frister {__version__}).")
    return EXIT_OK


def no_display() -> bool:
    """Linux without X or Wayland (an SSH session, a server): Qt would abort with an English message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: the desktop app (imported late so the command line never loads Qt)."""
    if no_display():
        print("jobcenter-desktop: der er ingen skærm her (hverken DISPLAY eller WAYLAND_DISPLAY er sat), så "
              "vinduet kan ikke åbnes. Brug kommandolinjen, fx 'jobcenter-desktop deadlines', eller se "
              "'jobcenter-desktop --help'.", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    from jobcenter_desktop.ui.app import run

    return run(args.db, catalogue=args.catalogue, actor=args.actor, server=getattr(args, "server", None))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="jobcenter-desktop", description="Frister for jobcentrets sager.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--self-test", action="store_true", help="kontrollér installationen (midlertidig database)")
    _add_globals(p, top=True)
    sub = p.add_subparsers(dest="command", parser_class=_SubParser)

    s = sub.add_parser("rules", help="målgrupper og milepæle i regelkataloget")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_rules)

    s = sub.add_parser("calendar", help="alle ikke-arbejdsdage i et år med begrundelse")
    s.add_argument("--year", type=_year_arg, required=True)
    s.add_argument("--holidays-only", action="store_true", help="udelad almindelige weekender")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_calendar)

    s = sub.add_parser("due", help="beregn én frist (uden database), eller mange fra en CSV-fil")
    s.add_argument("--milestone")
    s.add_argument("--anchor", type=_anchor_arg, help="ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTTT:MM")
    s.add_argument("--batch", help="CSV med overskriften milestone,anchor")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_due)

    from jobcenter_desktop.cli import cases as case_commands
    from jobcenter_desktop.cli import citizen as citizen_commands
    from jobcenter_desktop.cli import notice as notice_commands
    from jobcenter_desktop.cli import retention as retention_commands

    case_commands.register(sub)
    notice_commands.register(sub)
    citizen_commands.register(sub)
    retention_commands.register(sub)

    s = sub.add_parser("deadlines", help="mine åbne frister (arbejdsliste)")
    s.add_argument("--from", dest="date_from", type=_date_arg)
    s.add_argument("--to", dest="date_to", type=_date_arg)
    s.add_argument("--caseworker")
    s.add_argument("--team", help="alle sager i dette team")
    s.add_argument("--group")
    s.add_argument("--search")
    s.add_argument("--all", action="store_true", help="alle sagsbehandlere")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_deadlines)

    s = sub.add_parser("recompute", help="vis (og anvend) flytninger efter ændret katalog/kalender")
    s.add_argument("--apply", action="store_true")
    s.add_argument("--reason")
    s.set_defaults(func=cmd_recompute)

    closure = sub.add_parser("closure", help="lokale lukkedage").add_subparsers(dest="closure_cmd", required=True,
                                                                               parser_class=_SubParser)  # fmt: skip
    s = closure.add_parser("add")
    s.add_argument("day", type=_date_arg)
    s.add_argument("reason")
    s = closure.add_parser("remove")
    s.add_argument("day", type=_date_arg)
    closure.add_parser("list")
    sub.choices["closure"].set_defaults(func=cmd_closure)

    s = sub.add_parser("demo", help="fyld en demodatabase med opdigtede sager")
    s.add_argument("--cases", type=_positive_int, default=300)
    s.add_argument("--seed", type=_positive_int, default=2026)
    s.set_defaults(func=cmd_demo)

    export = sub.add_parser("export", help="arbejdslister (Excel), kalender (.ics) og importskabelon").add_subparsers(
        dest="export_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    s = export.add_parser("worklist", help="arbejdsliste som .xlsx (standard: mine frister i denne uge)")
    s.add_argument("--week", type=_week_arg)
    s.add_argument("--from", dest="date_from", type=_date_arg)
    s.add_argument("--to", dest="date_to", type=_date_arg)
    s.add_argument("--next-days", type=_positive_int, help="de næste N hverdage")
    s.add_argument("--caseworker")
    s.add_argument("--team")
    s.add_argument("--all", action="store_true", help="alle sagsbehandlere")
    s.add_argument("--per-caseworker", action="store_true", help="et ark pr. sagsbehandler")
    s.add_argument("--include-cpr", action="store_true", help="fulde CPR-numre (registreres i historikken)")
    s.add_argument("--out", help="FIL.xlsx (standard: fx 'Frister uge 48 2026 - Team Vest.xlsx')")
    s = export.add_parser("ics", help="åbne frister som kalender (.ics) til Outlook; uden persondata",
                          epilog="Eksempel: jobcenter-desktop export ics --team 'Team Vest' --out frister.ics")
    s.add_argument("--caseworker", help="sagsbehandlerens brugernavn (standard: dig selv)")
    s.add_argument("--team", help="hele teamets frister, fx 'Team Vest'")
    s.add_argument("--from", dest="date_from", type=_date_arg, help="første frist med, DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD")
    s.add_argument("--to", dest="date_to", type=_date_arg, help="sidste frist med, DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD")
    s.add_argument("--out", required=True, help="FIL.ics; en ny eksport til samme fil opdaterer kalenderen")
    s = export.add_parser("template", help="skabelon til import af sager")
    s.add_argument("--out", required=True)
    sub.choices["export"].set_defaults(func=cmd_export)
    from jobcenter_desktop.cli import kpi as kpi_commands

    kpi_commands.register(sub, export)  # kpi, export kpi, catalogue

    imp = sub.add_parser("import", help="importér sager fra Excel").add_subparsers(
        dest="import_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    s = imp.add_parser("cases", help="sager fra en .xlsx (se 'export template')")
    s.add_argument("file")
    s.add_argument("--dry-run", action="store_true", help="vis kun hvad der ville ske")
    s.add_argument("--skip-invalid", action="store_true", help="importér de gyldige rækker, spring fejl over")
    sub.choices["import"].set_defaults(func=cmd_import)

    backup = sub.add_parser("backup", help="sikkerhedskopier af databasen").add_subparsers(
        dest="backup_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    backup.add_parser("list", help="vis sikkerhedskopier, nyeste først")
    backup.add_parser("create", help="tag en sikkerhedskopi nu")
    s = backup.add_parser("restore", help="gendan (den nuværende tilstand gemmes først)")
    s.add_argument("backup", help="nummer fra 'backup list' eller filnavn")
    sub.choices["backup"].set_defaults(func=cmd_backup)

    s = sub.add_parser("encrypt", help=f"kryptér databasen (SQLCipher); adgangskoden spørges om ({PASSPHRASE_ENV})")
    s.set_defaults(func=cmd_encrypt)
    s = sub.add_parser("decrypt", help="gør databasen ukrypteret igen")
    s.set_defaults(func=cmd_encrypt)

    s = sub.add_parser("gui", help="start skrivebordsprogrammet (det samme som ingen kommando)")
    s.set_defaults(func=cmd_gui)

    s = sub.add_parser("audit", help="historik over ændringer")
    s.add_argument("--case")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_audit)

    from jobcenter_desktop.cli import laptop as laptop_commands
    from jobcenter_desktop.cli import server as server_commands

    server_commands.register(sub)
    laptop_commands.register(sub)
    document(p)  # help texts with formats and an example for every command (cli/help_texts.py)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from jobcenter_desktop.services.errors import ServiceError, ValidationError

    argv = list(sys.argv[1:] if argv is None else argv)
    # A windowed Windows bundle has no console: print() would fail on a missing stdout.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    parser = build_parser()
    log_path = setup_logging()
    args: argparse.Namespace | None = None
    try:
        _check_argv(argv)
        args = parser.parse_args(argv)
        args.db_given = bool(args.db or getattr(args, "server", None))
        if args.self_test:
            return cmd_self_test()
        if args.command is None:
            return cmd_gui(args)
        return int(args.func(args))
    except UsageError as e:
        _fail(str(e))
    except CatalogueError as e:
        _fail(str(e).replace("\n", " "))
    except ValidationError as e:
        _fail(" ".join(p.message for p in e.problems))
    except ServiceError as e:
        _fail(str(e).replace("\n", " "))
    except (DeadlineError, CalendarRangeError, DateParseError) as e:
        _fail(str(e))
    except OverflowError:  # date arithmetic past year 9999: every date input is range-checked, this is the net
        log.warning("Dato uden for det mulige område", exc_info=True)
        _fail(f"en dato ligger uden for det mulige område ({MIN_YEAR}–{MAX_YEAR})")
    except BrokenPipeError:
        return EXIT_OK  # `... | head` closed the pipe: not an error
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("Uventet fejl i kommandolinjen")
        print(f"jobcenter-desktop: uventet fejl; detaljer i logfilen {log_path}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        app = getattr(args, "_app", None) if args is not None else None
        if app is not None:
            app.close()
    return EXIT_USAGE


def _check_argv(argv: Sequence[str]) -> None:
    """An argument with bytes that are not UTF-8 (Python carries them as lone surrogates) can be neither shown
    nor stored: refuse it here, for every command, before anything reads it."""
    for i, arg in enumerate(argv, start=1):
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            raise UsageError(f"argument {i} indeholder tegn der ikke er gyldig tekst (UTF-8); skriv det igen")


def _fail(message: str) -> None:
    one_line = printable(" ".join(message.split()))  # the contract is one line, whatever the input held
    print(f"jobcenter-desktop: fejl: {one_line}", file=sys.stderr)
