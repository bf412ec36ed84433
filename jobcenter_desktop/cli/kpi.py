"""``kpi`` (the timeliness figures), ``export kpi`` (the same as a workbook) and ``catalogue …`` (which rule
catalogue applies from which day; adding, removing, moving open cases to a newer one)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from jobcenter_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    _date_arg,
    _emit_json,
    _now,
    _open,
    _SubParser,
    _today,
)
from jobcenter_desktop.core.kpi import BREAKDOWN_DA, Breakdown, KpiPeriod, KpiRow, KpiTable, PeriodError, percent
from jobcenter_desktop.core.text import count


def _period_arg(text: str) -> KpiPeriod:
    try:
        return KpiPeriod.parse(text)
    except PeriodError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _month_arg(text: str) -> KpiPeriod:
    if not re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", text, flags=re.ASCII):
        raise argparse.ArgumentTypeError(f"{text[:20]!r} er ikke en måned (brug ÅÅÅÅ-MM, fx 2026-11)")
    return _period_arg(text)


def add_scope_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument("--caseworker", help="én sagsbehandlers sager (brugernavn)")
    s.add_argument("--team", help="et teams sager, fx 'Team Vest'")
    s.add_argument("--all", action="store_true", help="alle sager, du har adgang til")


def add_period_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument("--period", type=_period_arg, help="ÅÅÅÅ-MM, ÅÅÅÅ-Qn (kvartal) eller ÅÅÅÅ (år)")
    s.add_argument("--month", type=_month_arg, help="en måned, ÅÅÅÅ-MM")
    s.add_argument("--from", dest="date_from", type=_date_arg, help="første fristdag (med --to)")
    s.add_argument("--to", dest="date_to", type=_date_arg, help="sidste fristdag (med --from)")
    s.add_argument("--by", choices=[b.value for b in Breakdown], default=Breakdown.GROUP.value,
                   help="opdeling: group (målgruppe), milestone, caseworker eller team")  # fmt: skip


def register(sub: Any, export: Any) -> None:
    s = sub.add_parser("kpi", help="rettidighed: frister til tiden, for sent, overskredet og fritaget pr. periode")
    add_period_arguments(s)
    add_scope_arguments(s)
    s.add_argument("--json", action="store_true", help="rækker med key, label, tal, share_on_time og target")
    s.set_defaults(func=cmd_kpi)
    s = export.add_parser("kpi", help="rettidighedstal som .xlsx med diagram, udvikling og »Om tallene«")
    add_period_arguments(s)
    add_scope_arguments(s)
    s.add_argument("--out", help="FIL.xlsx (standard: fx 'Rettidighed 3. kvartal 2026 - Team Vest.xlsx')")
    s.set_defaults(func=cmd_export_kpi)

    cat = sub.add_parser("catalogue", help="regelkataloger over tid: hvilket gælder fra hvornår").add_subparsers(
        dest="catalogue_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    cat.add_parser("list", help="katalogerne, og hvilket der gælder for nye sager fra hvilken dag")
    s = cat.add_parser("add", help="tilføj et kommunalt katalog (TOML; kontrolleres først)")
    s.add_argument("file")
    s = cat.add_parser("remove", help="fjern et tilføjet katalog (ikke når sager er oprettet efter det)")
    s.add_argument("id")
    s = cat.add_parser("move", help="flyt åbne sager til et nyere katalog (vis først; --apply gemmer)")
    s.add_argument("--to", required=True, help="katalogets id")
    s.add_argument("--apply", action="store_true")
    s.add_argument("--reason", help="begrundelse (registreres i historikken)")
    sub.choices["catalogue"].set_defaults(func=cmd_catalogue)


def _period(args: argparse.Namespace, today: Any) -> KpiPeriod:
    given = [args.period is not None, args.month is not None, bool(args.date_from or args.date_to)]
    if sum(given) > 1:
        raise UsageError("angiv enten --period, --month eller --from/--to")
    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise UsageError("--from og --to skal angives sammen")
        try:
            return KpiPeriod.between(args.date_from, args.date_to)
        except PeriodError as e:
            raise UsageError(str(e)) from None
    return args.period or args.month or KpiPeriod.of_month(today)


def _scope(app: Any, args: argparse.Namespace) -> Any:
    from jobcenter_desktop.services.worklist import Scope

    if sum((bool(args.caseworker), bool(args.team), bool(args.all))) > 1:
        raise UsageError("angiv højst én af --caseworker, --team og --all")
    if args.all:
        return Scope(everyone=True)
    if args.caseworker or args.team:
        return Scope(caseworker=args.caseworker, team=args.team)
    return app.kpi.default_scope()


def _line(row: KpiRow, width: int) -> str:
    status = "" if row.target is None or row.share_on_time is None else (
        "UNDER MÅL" if row.below_target else "mål nået")  # fmt: skip
    target = percent(row.target) if row.target is not None else "–"
    return (f"{row.label[:width]:<{width}} {row.on_time:>8} {row.late:>8} {row.overdue:>11} {row.exempt:>8} "
            f"{row.not_yet_due:>13} {row.soft:>9} {percent(row.share_on_time):>9} {target:>7}  {status}")


def print_table(table: KpiTable, scope_label: str) -> None:
    name = BREAKDOWN_DA[table.by]
    width = max([len(name), 12, *(min(len(r.label), 34) for r in table.rows)])
    print(f"Rettidighed {table.period.label} ({scope_label}), pr. {name.lower()}:")
    print(f"{name:<{width}} {'Til tiden':>8} {'For sent':>8} {'Overskredet':>11} {'Fritaget':>8} "
          f"{'Ikke forfaldne':>13} {'Forventede':>9} {'Andel':>9} {'Mål':>7}")
    for row in (*table.rows, table.total):
        print(_line(row, width))
    print(f"{count(len(table.rows), 'række', 'rækker')}. Andel til tiden = til tiden / (til tiden + for sent + "
          "overskredet); fritagne, ikke forfaldne og forventede tider tæller ikke med.")
    print(notice_line(table.total))


def notice_line(row: KpiRow) -> str:
    """The decisions' underretning (rsl. § 3, stk. 2) in one sentence."""
    return (f"Afgørelser på ansøgninger (rsl. § 3, stk. 2): {row.decisions_on_time} inden fristen; ikke nået: "
            f"{row.notified_in_time} med underretning i tide, {row.not_notified} uden underretning i tide.")


def cmd_kpi(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    period, scope = _period(args, today), _scope(app, args)
    table = app.kpi.table(period, Breakdown(args.by), scope, today, _now(args))
    if args.json:
        _emit_json([r.as_json() for r in table.rows])
        return EXIT_OK
    print_table(table, scope.label())
    return EXIT_OK


def cmd_export_kpi(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    period, scope = _period(args, today), _scope(app, args)
    from jobcenter_desktop.cli.files import fill_placeholders

    out = Path(fill_placeholders(args.out, period, today)) if args.out else (
        Path.cwd() / app.kpi_export.default_filename(period, scope))  # fmt: skip
    if out.suffix.lower() != ".xlsx":
        raise UsageError("--out skal være en .xlsx-fil")
    table = app.kpi_export.export(period, Breakdown(args.by), scope, out, today, _now(args))
    print(f"Rettidighed {period.label} ({scope.label()}) skrevet til {out}: andel til tiden "
          f"{percent(table.total.share_on_time)} af {count(table.total.counted, 'frist', 'frister')}.")
    return EXIT_OK


def cmd_catalogue(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    if args.catalogue_cmd == "list":
        for line in app.ctx.catalogues.describe():
            print(line)
        now = app.ctx.catalogue_on(today)
        print(f"{count(len(app.ctx.catalogues.items), 'katalog', 'kataloger')}; nye sager i dag: {now.title} "
              f"({now.id}).")  # fmt: skip
        return EXIT_OK
    if args.catalogue_cmd == "add":
        cat = app.catalogues.add(Path(args.file))
        print(f"Kataloget {cat.id} ({cat.title}) er tilføjet; det gælder for nye sager fra "
              f"{cat.valid_from:%d-%m-%Y}. Åbne sager beholder deres katalog (flyt dem med 'catalogue move').")
        return EXIT_OK
    if args.catalogue_cmd == "remove":
        app.catalogues.remove(args.id)
        print(f"Kataloget {args.id} er fjernet.")
        return EXIT_OK
    plan = app.catalogues.move_preview(args.to, today)
    for line in plan.lines():
        print(line)
    if not args.apply:
        print(f"{count(len(plan.cases), 'sag', 'sager')} vil blive flyttet til {args.to} (intet er ændret; brug "
              "--apply).")  # fmt: skip
        return EXIT_OK
    moved = app.catalogues.move_apply(plan, args.reason or f"Flyttet til regelkatalog {args.to}", today)
    print(f"{count(moved, 'sag', 'sager')} flyttet til {args.to}.")
    return EXIT_OK
