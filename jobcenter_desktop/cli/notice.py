"""``notice …``: underretning (retssikkerhedsloven § 3, stk. 2) when a decision's deadline cannot be met.

    notice draft 2026-00042/fj_afgoerelse --expected 2027-01-15 --reason "Vi venter på en lægeerklæring."
    notice sent 2026-00042/fj_afgoerelse --expected 2027-01-15 [--on 2026-12-08]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jobcenter_desktop.cli.common import EXIT_OK, _date_arg, _find_milestone, _open, _SubParser, _today
from jobcenter_desktop.core.calendar import format_date


def cmd_notice_draft(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case, mid = _find_milestone(app, args.ref)
    milestone = next(m for m in case.milestones if m.id == mid)
    target = Path(args.out) if args.out else app.notices.default_target(case, milestone)
    written = app.notices.draft(mid, expected=args.expected, reason=args.reason, target=target, today=today,
                                show_cpr=args.show_cpr)  # fmt: skip
    print(f"Udkast til underretning skrevet: {written}")
    print("Udfyld adressen, læs brevet igen og send det; registrér det derefter med "
          f"'notice sent {args.ref} --expected {args.expected.isoformat()}'.")  # fmt: skip
    return EXIT_OK


def cmd_notice_sent(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case, mid = _find_milestone(app, args.ref)
    on = args.on or today
    app.notices.record(mid, on, args.expected, today, expected_version=case.version)
    print(f"Underretning sendt {format_date(on)} registreret for {args.ref}: afgørelse forventet "
          f"{format_date(args.expected)}. Den lovede dato følges som en frist (Forventet afgørelse).")  # fmt: skip
    return EXIT_OK


def register(sub: Any) -> None:
    notice = sub.add_parser("notice", help="underretning når en afgørelsesfrist ikke kan holdes (rsl. § 3, stk. 2)")
    cmds = notice.add_subparsers(dest="notice_cmd", required=True, parser_class=_SubParser)
    s = cmds.add_parser("draft", help="skriv et udkast til brevet (Word) til borgeren eller virksomheden")
    s.add_argument("ref", help="SAGSNR/milepæl, fx 2026-00042/fj_afgoerelse")
    s.add_argument("--expected", type=_date_arg, required=True, help="hvornår en afgørelse kan forventes")
    s.add_argument("--reason", required=True, help="hvorfor fristen ikke kan holdes (står i brevet)")
    s.add_argument("--out", help="brevets filnavn (.docx); standard: mappen Dokumenter")
    s.add_argument("--show-cpr", action="store_true", help="fuldt CPR-nummer i brevet (logges i historikken)")
    s.set_defaults(func=cmd_notice_draft)
    s = cmds.add_parser("sent", help="registrér at underretningen er sendt, og den lovede dato")
    s.add_argument("ref", help="SAGSNR/milepæl")
    s.add_argument("--expected", type=_date_arg, required=True, help="den dato borgeren er lovet en afgørelse")
    s.add_argument("--on", type=_date_arg, help="hvornår den blev sendt (standard: i dag)")
    s.set_defaults(func=cmd_notice_sent)
