"""``citizen report``: the citizen's access report (indsigt) as a workbook.

    citizen report --id 010190-1235 --out indsigt.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jobcenter_desktop.cli.common import EXIT_OK, _open, _SubParser, _today
from jobcenter_desktop.core.text import count


def cmd_citizen_report(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    out = Path(args.out)
    n = app.insight.report(args.party_id, out, today)
    print(f"Indsigtsrapport skrevet til {out}: {count(n, 'sag', 'sager')}. Den er noteret i sagernes historik.")
    return EXIT_OK


def register(sub: Any) -> None:
    citizen = sub.add_parser("citizen", help="en borgers eller virksomheds oplysninger")
    cmds = citizen.add_subparsers(dest="citizen_cmd", required=True, parser_class=_SubParser)
    s = cmds.add_parser("report", help="indsigtsrapport: alt om én person (Excel); logges i historikken")
    s.add_argument("--id", dest="party_id", required=True, help="CPR-nummer (DDMMÅÅ-NNNN) eller CVR-nummer")
    s.add_argument("--out", required=True, help="rapporten, FIL.xlsx")
    s.set_defaults(func=cmd_citizen_report)
