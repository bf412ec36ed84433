"""Lists and settings: ``deadlines``, ``recompute``, ``closure``, ``demo`` and ``audit``."""

from __future__ import annotations

import argparse
import shlex
from dataclasses import asdict

from jobcenter_desktop.cli.common import EXIT_OK, UsageError, _emit_json, _find_case, _open, _server_url, _shown, _today
from jobcenter_desktop.core.calendar import (
    format_date,
)
from jobcenter_desktop.core.dates import format_anchor
from jobcenter_desktop.core.models import DeadlineFilter, MilestoneState
from jobcenter_desktop.core.notice import NOTICE_ALERTS, NOTICE_STYLES
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import PALETTE
from jobcenter_desktop.paths import demo_db_path
from jobcenter_desktop.services.history import history


def cmd_deadlines(args: argparse.Namespace) -> int:
    app = _open(args)
    today = _today(args)
    worker = None if args.all else (args.caseworker or (None if args.team else app.ctx.actor))
    f = DeadlineFilter(caseworker=worker, team=args.team, group=args.group, date_from=args.date_from,
                       date_to=args.date_to, text=args.search or "")  # fmt: skip
    rows = app.deadlines.list(f, today)
    if args.json:
        _emit_json([{"milestone_id": r.milestone_id, "case": r.case_number, "milestone": r.rule_id,
                     "name": r.milestone_name, "group": r.group, "due": format_anchor(r.due_at or r.due),
                     "state": r.urgency.value, "state_label": PALETTE[r.urgency].label,
                     "working_days_left": r.working_days_left, "provisional": r.provisional,
                     "notice": r.notice.value if r.notice else None,
                     "notice_label": NOTICE_STYLES[r.notice].label if r.notice else None,
                     "notice_sent_on": r.notice_sent_on,
                     "party": _shown(r.party.name), "party_id": display_party_id(r.party.kind, r.party.identifier),
                     "caseworker": r.caseworker, "team": r.team} for r in rows])  # fmt: skip
        return EXIT_OK
    if rows:
        print(f"{'':>2} {'Status':<22} {'Frist':<17} {'Hvd.':>4}  {'Sagsnr.':<10}  {'Milepæl':<34} {'Part':<24} "
              f"{'CPR/CVR':<12} Sagsbehandler")  # fmt: skip
    for r in rows:
        st = PALETTE[r.urgency]
        due = format_date(r.due) + (f" {r.due_at:%H:%M}" if r.due_at else "")
        left = f"{r.working_days_left:+d}" if r.working_days_left is not None else ""
        party = f"{_shown(r.party.name)[:24]:<24} {display_party_id(r.party.kind, r.party.identifier):<12}"
        print(f"{st.symbol:>2} {st.label:<22} {due:<17} {left:>4}  {r.case_number}  {r.milestone_name[:34]:<34} "
              f"{party} {r.caseworker}")  # fmt: skip
        if r.notice in NOTICE_ALERTS:  # its own line: the flag must not drown in the row
            flag = NOTICE_STYLES[r.notice]
            print(f"{'':>2} {flag.symbol} {flag.label}: {r.case_number}/{r.rule_id} "
                  f"(jobcenter-desktop notice draft {r.case_number}/{r.rule_id} ...)")  # fmt: skip
    who = "alle" if args.all else (worker or args.team)
    print(f"{count(len(rows), 'åben frist', 'åbne frister')} ({who}), set {format_date(today)}.")
    return EXIT_OK


def cmd_recompute(args: argparse.Namespace) -> int:
    app = _open(args)
    if args.apply:
        moves = app.recompute.apply(args.reason or "Genberegning efter ændret katalog/kalender")
        print(f"{count(len(moves), 'frist', 'frister')} flyttet.")
    else:
        moves = app.recompute.preview()
        print(f"{count(len(moves), 'frist', 'frister')} vil flytte (intet er ændret; brug --apply):")
    for m in moves:
        before = format_anchor(m.before) if m.before else "—"
        after = format_anchor(m.after) if m.after else "—"
        print(f"  {m.case_number}/{m.rule_id}: {before} → {after} ({m.days:+d} dage)" if m.days is not None
              else f"  {m.case_number}/{m.rule_id}: {before} → {after}")  # fmt: skip
    return EXIT_OK


def cmd_closure(args: argparse.Namespace) -> int:
    app = _open(args)
    if args.closure_cmd == "add":
        app.settings.add_closure(args.day, args.reason)
        print(f"Lukkedag {format_date(args.day)} gemt. Kør 'recompute' for at se hvilke frister der flytter.")
    elif args.closure_cmd == "remove":
        if not app.settings.remove_closure(args.day):
            raise UsageError(f"der er ingen lukkedag {format_date(args.day)}")
        print(f"Lukkedag {format_date(args.day)} fjernet. Kør 'recompute' for at se hvilke frister der flytter.")
    else:
        closures = sorted(app.settings.calendar().closures.items())
        if closures:
            print(f"{'Dato':<10}  Begrundelse")
        for day, reason in closures:
            print(f"{format_date(day)}  {_shown(reason)}")
        print(f"{count(len(closures), 'lokal lukkedag', 'lokale lukkedage')}.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services import demo

    if not args.db and _server_url(args) is None:
        args.db = str(demo_db_path())
    app = _open(args)
    today = _today(args)
    made = demo.generate(app.ctx, args.cases, today, seed=args.seed)
    print(f"{made} demosager (opdigtede personer) lagt i {app.location}.")
    # What to try next, on exactly these cases (a newcomer's first commands must work).
    where = f"--db {shlex.quote(app.location)}" if args.db else f"--server {shlex.quote(_server_url(args) or '')}"
    print(f"Se fristerne:   jobcenter-desktop {where} deadlines --all")
    mine = [r for r in app.deadlines.list(DeadlineFilter(caseworker=app.ctx.actor), today)
            if r.state is MilestoneState.OPEN and r.due is not None and not r.provisional]  # fmt: skip
    if mine:
        r = mine[0]
        print(f"Markér udført:  jobcenter-desktop {where} milestone done {r.case_number}/{r.rule_id}")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    app = _open(args)
    case_id = _find_case(app, args.case).id if args.case else None
    entries = app.audit(case_id)
    if args.json:
        _emit_json([asdict(e) | {"before": hide_cpr_in_text(e.before), "after": hide_cpr_in_text(e.after),
                                 "reason": hide_cpr_in_text(e.reason), "entity_id": hide_cpr_in_text(e.entity_id)}
                    for e in entries])  # fmt: skip
        return EXIT_OK
    lines = history(entries, app.catalogue)
    if not lines:
        print("Ingen historik." if case_id else "Ingen historik i databasen.")
        return EXIT_OK
    # Whatever is stored (an old entry, a file edited by hand) prints as one line without control characters.
    print(f"{'Tidspunkt':<16} {'Bruger':<10} {'Handling':<16} {'Hvad':<28} Ændring")
    for line in reversed(lines):  # oldest first, like a log read top to bottom
        device = f" ({line.device})" if line.device else ""
        print(f"{line.at:%d-%m-%Y %H:%M} {line.actor:<10} {line.action + device:<16} {line.what:<28} {line.change}")
    return EXIT_OK
