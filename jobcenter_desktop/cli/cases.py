"""``case …`` and ``milestone …``: register, show and change cases and their milestones."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from jobcenter_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    _emit_json,
    _find_case,
    _find_milestone,
    _open,
    _shown,
    _today,
)
from jobcenter_desktop.core.calendar import (
    format_date,
)
from jobcenter_desktop.core.dates import DateParseError, format_anchor, parse_anchor
from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, DeadlineFilter
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.text import printable
from jobcenter_desktop.core.urgency import PALETTE, Urgency


def _case_json(app: Any, case: CaseRecord, reveal: bool) -> dict[str, Any]:
    cat = app.catalogue
    return {
        "id": case.id, "number": case.number, "group": case.group, "status": case.status.value,
        "party": {"kind": case.party.kind.value, "name": _shown(case.party.name, reveal),
                  "id": display_party_id(case.party.kind, case.party.identifier, reveal=reveal)},
        "caseworker": case.caseworker, "team": case.team, "opened_on": case.opened_on, "closed_on": case.closed_on,
        "notes": case.notes if reveal else hide_cpr_in_text(case.notes), "version": case.version,
        "triggers": {t.kind: format_anchor(t.occurred) for t in case.triggers},
        "milestones": [{"id": m.id, "rule_id": m.rule_id,
                        "name": cat.milestones[m.rule_id].name if m.rule_id in cat.milestones else m.rule_id,
                        "state": m.state.value, "due": format_anchor(m.due_at or m.due) if m.due else None,
                        "provisional": m.provisional, "done_on": m.done_on, "done_late": m.done_late,
                        "steps": list(m.steps)} for m in case.milestones],
        "pauses": [{"start": p.start, "end": p.end, "reason": _shown(p.reason, reveal), "milestone_id": p.milestone_id}
                   for p in case.pauses],
    }  # fmt: skip


def _print_case(app: Any, case: CaseRecord, today: date, reveal: bool) -> None:
    cat = app.catalogue
    ident = display_party_id(case.party.kind, case.party.identifier, reveal=reveal)
    group = cat.groups[case.group].name if case.group in cat.groups else case.group
    print(f"Sag {case.number} — {group} — {case.status.value}")
    print(f"  Part: {_shown(case.party.name, reveal)} ({ident})   Sagsbehandler: {case.caseworker} {case.team}")
    for p in case.pauses:
        print(f"  Pause: {p.start.isoformat()}–{p.end.isoformat() if p.end else ''}  {_shown(p.reason, reveal)}")
    for t in case.triggers:
        name = cat.triggers[t.kind].name if t.kind in cat.triggers else t.kind
        print(f"  Hændelse: {name}: {format_anchor(t.occurred)}")
    states = {r.milestone_id: r.urgency for r in app.deadlines.list(DeadlineFilter(case_id=case.id), today)}
    for m in case.milestones:
        name = cat.milestones[m.rule_id].name if m.rule_id in cat.milestones else m.rule_id
        due = format_anchor(m.due_at or m.due) if m.due else "—"
        fallback = PALETTE[Urgency.NOT_STARTED if m.due is None else Urgency.NOT_APPLICABLE].label
        state = PALETTE[states[m.id]].label if m.id in states else fallback
        if m.done_on:
            state = f"udført {m.done_on.isoformat()}" + (" (for sent)" if m.done_late else "")
        print(f"  {case.number}/{m.rule_id:<24} {due:<17} {state:<22} {name}")
    if case.notes:
        notes = case.notes if reveal else hide_cpr_in_text(case.notes)  # a CPR number typed into the note
        print(f"  Bemærkning: {printable(notes)}")


def cmd_case(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services.cases import NewCase

    app = _open(args)
    today = _today(args)
    if args.case_cmd == "add":
        triggers: dict[str, Anchor] = {}
        for item in args.trigger or []:
            kind, sep, value = item.partition("=")
            if not sep:
                raise UsageError(f"--trigger skal have formen hændelse=DATO, ikke {item[:40]!r}")
            try:
                triggers[kind.strip()] = parse_anchor(value)
            except DateParseError as e:
                raise UsageError(f"--trigger {kind.strip()}: {e}") from None
        new = NewCase(group=args.group, party_name=args.name, party_id=args.party_id, triggers=triggers,
                      caseworker=args.caseworker or "", team=args.case_team or "", notes=args.notes or "")  # fmt: skip
        case = app.cases.register(new, today)
        if args.json:
            _emit_json(_case_json(app, case, reveal=False))
        else:
            _print_case(app, case, today, reveal=False)
        return EXIT_OK
    if args.case_cmd == "list":
        status = None if args.status == "all" else CaseStatus(args.status)
        rows = app.cases.search(args.search or "", status, caseworker=args.caseworker)
        if args.json:
            _emit_json([{"id": r.id, "number": r.number, "group": r.group, "status": r.status.value,
                         "party": _shown(r.party.name), "party_id": display_party_id(r.party.kind, r.party.identifier),
                         "caseworker": r.caseworker, "team": r.team, "opened_on": r.opened_on,
                         "open_milestones": r.open_milestones, "next_due": r.next_due} for r in rows])  # fmt: skip
        else:
            for r in rows:
                nd = format_date(r.next_due) if r.next_due else "—"
                print(f"{r.number}  {r.group:<18} {_shown(r.party.name):<30} "
                      f"{display_party_id(r.party.kind, r.party.identifier):<12} {r.caseworker:<10} {nd}")  # fmt: skip
            print(f"{len(rows)} sager.")
        return EXIT_OK
    case = _find_case(app, args.ref)
    if args.case_cmd == "show":
        if args.reveal_cpr:
            _audit_reveal(app, case)
        if args.json:
            _emit_json(_case_json(app, case, reveal=args.reveal_cpr))
        else:
            _print_case(app, case, today, reveal=args.reveal_cpr)
        return EXIT_OK
    if args.case_cmd == "close":
        case = app.cases.close(case.id, args.on or today, expected_version=case.version)
    elif args.case_cmd == "reopen":
        case = app.cases.reopen(case.id, today, expected_version=case.version)
    elif args.case_cmd == "trigger":
        kind, sep, value = args.event.partition("=")
        if not sep:
            raise UsageError("hændelsen skal have formen hændelse=DATO")
        try:
            when = parse_anchor(value)
        except DateParseError as e:
            raise UsageError(str(e)) from None
        case = app.cases.add_trigger(case.id, kind.strip(), when, today, expected_version=case.version)
    elif args.case_cmd == "pause":
        case = app.cases.pause(case.id, args.on or today, args.reason, today, expected_version=case.version)
    elif args.case_cmd == "resume":
        case = app.cases.resume(case.id, args.on or today, today, expected_version=case.version)
    elif args.case_cmd == "reassign":
        case = app.cases.reassign(case.id, args.to, args.case_team, today, expected_version=case.version)
    _print_case(app, case, today, reveal=False)
    return EXIT_OK


def _audit_reveal(app: Any, case: CaseRecord) -> None:
    app.cases.reveal_party_id(case.id, "Fuldt CPR-nummer vist (kommandolinje)")


def cmd_milestone(args: argparse.Namespace) -> int:
    app = _open(args)
    today = _today(args)
    case, mid = _find_milestone(app, args.ref)
    if args.ms_cmd == "done":
        case = app.cases.complete(mid, args.on or today, today, expected_version=case.version)
    elif args.ms_cmd == "undo":
        case = app.cases.undo_complete(mid, today, expected_version=case.version)
    elif args.ms_cmd == "why":
        m = next(m for m in case.milestones if m.id == mid)
        for step in m.steps or ("Ingen frist endnu: hændelsen er ikke registreret.",):
            print(step)
        return EXIT_OK
    _print_case(app, case, today, reveal=False)
    return EXIT_OK
