"""``case …`` and ``milestone …``: register, show and change cases and their milestones."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from jobcenter_desktop.cli.common import (
    EXIT_OK,
    UsageError,
    _clock_arg,
    _date_arg,
    _emit_json,
    _find_case,
    _find_milestone,
    _open,
    _shown,
    _SubParser,
    _today,
)
from jobcenter_desktop.core.calendar import (
    format_date,
)
from jobcenter_desktop.core.dates import DateParseError, format_anchor, parse_anchor
from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, DeadlineFilter
from jobcenter_desktop.core.notice import NOTICE_STYLES
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.text import count, printable
from jobcenter_desktop.core.urgency import PALETTE, Urgency


def _notices(app: Any, case: CaseRecord, today: date) -> dict[Any, Any]:
    return {r.milestone_id: r.notice for r in app.deadlines.list(DeadlineFilter(case_id=case.id, include_done=True),
                                                                 today)}  # fmt: skip


def _case_json(app: Any, case: CaseRecord, reveal: bool, today: date) -> dict[str, Any]:
    cat = app.ctx.catalogue_of(case.catalogue_id)  # the catalogue the case is registered under (and keeps)
    notices = _notices(app, case, today)
    return {
        "id": case.id, "number": case.number, "group": case.group, "status": case.status.value,
        "catalogue_id": case.catalogue_id,
        "party": {"kind": case.party.kind.value, "name": _shown(case.party.name, reveal),
                  "id": display_party_id(case.party.kind, case.party.identifier, reveal=reveal)},
        "caseworker": case.caseworker, "team": case.team, "opened_on": case.opened_on, "closed_on": case.closed_on,
        "notes": case.notes if reveal else hide_cpr_in_text(case.notes), "version": case.version,
        "triggers": {t.kind: format_anchor(t.occurred) for t in case.triggers},
        "milestones": [{"id": m.id, "rule_id": m.rule_id,
                        "name": cat.milestones[m.rule_id].name if m.rule_id in cat.milestones else m.rule_id,
                        "state": m.state.value, "due": format_anchor(m.due_at or m.due) if m.due else None,
                        "provisional": m.provisional, "done_on": m.done_on, "done_late": m.done_late,
                        "exempt_reason": m.exempt_reason, "notice_sent_on": m.notice_sent_on,
                        "notice": notices[m.id].value if notices.get(m.id) else None,
                        "steps": list(m.steps)} for m in case.milestones],
        "pauses": [{"start": p.start, "end": p.end, "reason": _shown(p.reason, reveal), "milestone_id": p.milestone_id}
                   for p in case.pauses],
    }  # fmt: skip


def _print_case(app: Any, case: CaseRecord, today: date, reveal: bool) -> None:
    cat = app.ctx.catalogue_of(case.catalogue_id)
    ident = display_party_id(case.party.kind, case.party.identifier, reveal=reveal)
    group = cat.groups[case.group].name if case.group in cat.groups else case.group
    print(f"Sag {case.number} — {group} — {'åben' if case.status is CaseStatus.OPEN else 'lukket'}")
    print(f"  Part: {_shown(case.party.name, reveal)} ({ident})   Sagsbehandler: {case.caseworker} {case.team}")
    print(f"  Regelkatalog: {cat.title} ({case.catalogue_id})")
    for p in case.pauses:
        print(f"  Pause: {format_date(p.start)}–{format_date(p.end) if p.end else ''}  {_shown(p.reason, reveal)}")
    for t in case.triggers:
        name = cat.triggers[t.kind].name if t.kind in cat.triggers else t.kind
        print(f"  Hændelse: {name}: {format_anchor(t.occurred)}")
    states = {r.milestone_id: r.urgency for r in app.deadlines.list(DeadlineFilter(case_id=case.id), today)}
    notices = _notices(app, case, today)
    for m in case.milestones:
        name = cat.milestones[m.rule_id].name if m.rule_id in cat.milestones else m.rule_id
        due = (format_date(m.due) + (f" kl. {m.due_at:%H:%M}" if m.due_at else "")) if m.due else "—"
        fallback = PALETTE[Urgency.NOT_STARTED if m.due is None else Urgency.NOT_APPLICABLE].label
        state = PALETTE[states[m.id]].label if m.id in states else fallback
        if m.done_on:
            state = f"udført {format_date(m.done_on)}" + (" (for sent)" if m.done_late else "")
        if m.exempt_reason:
            state = f"fritaget: {_shown(m.exempt_reason)[:40]}"
        print(f"  {case.number}/{m.rule_id:<24} {due:<17} {state:<22} {name}")
        if (notice := notices.get(m.id)) is not None:
            style = NOTICE_STYLES[notice]
            sent = f" {format_date(m.notice_sent_on)}" if m.notice_sent_on else ""
            print(f"  {'':<35}{style.symbol} {style.label}{sent}")
    if case.notes:
        notes = case.notes if reveal else hide_cpr_in_text(case.notes)  # a CPR number typed into the note
        print(f"  Bemærkning: {printable(notes)}")


def cmd_case_add(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services.cases import NewCase

    app, today = _open(args), _today(args)
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
        _emit_json(_case_json(app, case, reveal=False, today=today))
    else:
        _print_case(app, case, today, reveal=False)
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    app = _open(args)
    status = None if args.status == "all" else CaseStatus(args.status)
    rows = app.cases.search(args.search or "", status, caseworker=args.caseworker)
    if args.json:
        _emit_json([{"id": r.id, "number": r.number, "group": r.group, "status": r.status.value,
                     "party": _shown(r.party.name), "party_id": display_party_id(r.party.kind, r.party.identifier),
                     "caseworker": r.caseworker, "team": r.team, "opened_on": r.opened_on,
                     "open_milestones": r.open_milestones, "next_due": r.next_due} for r in rows])  # fmt: skip
        return EXIT_OK
    if rows:
        print(f"{'Sagsnr.':<10}  {'Målgruppe':<18} {'Part':<30} {'CPR/CVR':<12} {'Sagsbeh.':<10} Næste frist")
    for r in rows:
        nd = format_date(r.next_due) if r.next_due else "—"
        print(f"{r.number}  {r.group:<18} {_shown(r.party.name):<30} "
              f"{display_party_id(r.party.kind, r.party.identifier):<12} {r.caseworker:<10} {nd}")  # fmt: skip
    print(f"{count(len(rows), 'sag', 'sager')}.")
    return EXIT_OK


def cmd_case_show(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case = _find_case(app, args.ref)
    if args.reveal_cpr:
        _audit_reveal(app, case)
    if args.json:
        _emit_json(_case_json(app, case, reveal=args.reveal_cpr, today=today))
    else:
        _print_case(app, case, today, reveal=args.reveal_cpr)
    return EXIT_OK


def _event(text: str) -> tuple[str, Anchor]:
    kind, sep, value = text.partition("=")
    if not sep:
        raise UsageError("hændelsen skal have formen hændelse=DATO")
    try:
        return kind.strip(), parse_anchor(value)
    except DateParseError as e:
        raise UsageError(str(e)) from None


# One change of a case each: (app, case, args, today) -> the changed case, always with the version it was read at.
_CASE_CHANGES: dict[str, Callable[[Any, CaseRecord, argparse.Namespace, date], CaseRecord]] = {
    "close": lambda app, c, a, t: app.cases.close(c.id, a.on or t, expected_version=c.version),
    "reopen": lambda app, c, a, t: app.cases.reopen(c.id, t, expected_version=c.version),
    "trigger": lambda app, c, a, t: app.cases.add_trigger(c.id, *_event(a.event), t, expected_version=c.version),
    "pause": lambda app, c, a, t: app.cases.pause(c.id, a.on or t, a.reason, t, expected_version=c.version),
    "resume": lambda app, c, a, t: app.cases.resume(c.id, a.on or t, t, expected_version=c.version),
    "reassign": lambda app, c, a, t: app.cases.reassign(c.id, a.to, a.case_team, t, expected_version=c.version),
    "notes": lambda app, c, a, t: app.cases.update_notes(c.id, a.text, expected_version=c.version),
}


def cmd_case_change(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case = _CASE_CHANGES[args.case_cmd](app, _find_case(app, args.ref), args, today)
    _print_case(app, case, today, reveal=False)
    return EXIT_OK


def cmd_case_correct(args: argparse.Namespace) -> int:
    """A correction with its reason: the party's name or CPR/CVR, or a registered event's date."""
    app, today = _open(args), _today(args)
    case = _find_case(app, args.ref)
    if args.event and (args.name is not None or args.party_id is not None):
        raise UsageError("ret enten parten (--name/--id) eller en hændelse (--trigger), ikke begge på én gang")
    if args.event:
        kind, when = _event(args.event)
        case = app.corrections.trigger(case.id, kind, when, args.reason, today, expected_version=case.version)
    else:
        case = app.corrections.party(case.id, name=args.name, party_id=args.party_id, reason=args.reason,
                                     expected_version=case.version)  # fmt: skip
    print(f"Sag {case.number} er rettet; rettelsen og begrundelsen står i historikken.")
    _print_case(app, case, today, reveal=False)
    return EXIT_OK


def _audit_reveal(app: Any, case: CaseRecord) -> None:
    app.cases.reveal_party_id(case.id, "Fuldt CPR-nummer vist (kommandolinje)")


def cmd_milestone_done(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case, mid = _find_milestone(app, args.ref)
    on = args.on or today
    at = datetime.combine(on, args.at) if args.at is not None else None
    _print_case(app, app.cases.complete(mid, on, today, expected_version=case.version, at=at), today, False)
    return EXIT_OK


def cmd_milestone_exempt(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case, mid = _find_milestone(app, args.ref)
    if args.ms_cmd == "exempt":
        done = app.cases.exempt(mid, args.reason, expected_version=case.version)
        print(f"{args.ref} er fritaget ({_shown(args.reason)}); den tæller som fritaget i rettidighedstallene.")
    else:
        done = app.cases.unexempt(mid, expected_version=case.version)
        print(f"Fritagelsen af {args.ref} er ophævet; milepælen er åben igen.")
    _print_case(app, done, today, False)
    return EXIT_OK


def cmd_milestone_undo(args: argparse.Namespace) -> int:
    app, today = _open(args), _today(args)
    case, mid = _find_milestone(app, args.ref)
    _print_case(app, app.cases.undo_complete(mid, today, expected_version=case.version), today, False)
    return EXIT_OK


def cmd_milestone_why(args: argparse.Namespace) -> int:
    case, mid = _find_milestone(_open(args), args.ref)
    m = next(m for m in case.milestones if m.id == mid)
    for step in m.steps or ("Ingen frist endnu: hændelsen er ikke registreret.",):
        print(step)
    return EXIT_OK


def register(sub: Any) -> None:
    """The ``case`` and ``milestone`` command groups, each sub-command with its own function."""
    case = sub.add_parser("case", help="sager").add_subparsers(dest="case_cmd", required=True, parser_class=_SubParser)
    s = case.add_parser("add", help="opret en sag")
    s.add_argument("--group", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--id", dest="party_id", required=True, help="CPR (DDMMÅÅ-NNNN) eller CVR (8 cifre)")
    s.add_argument("--trigger", action="append", help="hændelse=DATO, fx foerste_fremmoede=2026-11-23")
    s.add_argument("--caseworker")
    s.add_argument("--case-team", dest="case_team")
    s.add_argument("--notes")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_case_add)
    s = case.add_parser("list", help="sagsregistret")
    s.add_argument("--search")
    s.add_argument("--status", choices=["open", "closed", "all"], default="open")
    s.add_argument("--caseworker")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_case_list)
    s = case.add_parser("show", help="vis en sag (SAGSNR eller id)")
    s.add_argument("ref")
    s.add_argument("--reveal-cpr", action="store_true", help="vis fuldt CPR-nummer (logges i historikken)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_case_show)
    for name, helptext in (("close", "luk en sag"), ("reopen", "genåbn en sag"), ("pause", "sæt sagen på pause"),
                           ("resume", "genoptag sagen")):  # fmt: skip
        s = case.add_parser(name, help=helptext)
        s.add_argument("ref")
        if name in ("close", "pause", "resume"):
            s.add_argument("--on", type=_date_arg)
        if name == "pause":
            s.add_argument("--reason", required=True)
        s.set_defaults(func=cmd_case_change)
    s = case.add_parser("trigger", help="registrér en senere hændelse, fx ansoegning_sps34=2026-11-23")
    s.add_argument("ref")
    s.add_argument("event")
    s.set_defaults(func=cmd_case_change)
    s = case.add_parser("reassign", help="giv sagen til en anden sagsbehandler")
    s.add_argument("ref")
    s.add_argument("--to", required=True)
    s.add_argument("--case-team", dest="case_team")
    s.set_defaults(func=cmd_case_change)
    s = case.add_parser("correct", help="ret partens navn eller CPR/CVR, eller en hændelses dato (med begrundelse)")
    s.add_argument("ref")
    s.add_argument("--name", help="det rettede navn")
    s.add_argument("--id", dest="party_id", help="det rettede CPR-nummer (DDMMÅÅ-NNNN) eller CVR-nummer")
    s.add_argument("--trigger", dest="event", help="HÆNDELSE=DATO, fx ledigmelding=2026-11-24")
    s.add_argument("--reason", required=True, help="hvorfor der rettes (står i historikken)")
    s.set_defaults(func=cmd_case_correct)
    s = case.add_parser("notes", help="ret sagens bemærkning")
    s.add_argument("ref")
    s.add_argument("text")
    s.set_defaults(func=cmd_case_change)

    ms = sub.add_parser("milestone", help="milepæle").add_subparsers(dest="ms_cmd", required=True,
                                                                    parser_class=_SubParser)  # fmt: skip
    s = ms.add_parser("done", help="markér udført (SAGSNR/milepæl)")
    s.add_argument("ref")
    s.add_argument("--on", type=_date_arg)
    s.add_argument("--at", type=_clock_arg, help="klokkeslæt TT:MM (frister i timer: til tiden på minuttet)")
    s.set_defaults(func=cmd_milestone_done)
    s = ms.add_parser("exempt", help="fritag en åben milepæl (med begrundelse); tæller som fritaget")
    s.add_argument("ref")
    s.add_argument("--reason", required=True, help="hvorfor milepælen er fritaget")
    s.set_defaults(func=cmd_milestone_exempt)
    s = ms.add_parser("unexempt", help="ophæv en fritagelse")
    s.add_argument("ref")
    s.set_defaults(func=cmd_milestone_exempt)
    s = ms.add_parser("undo", help="fortryd udført")
    s.add_argument("ref")
    s.set_defaults(func=cmd_milestone_undo)
    s = ms.add_parser("why", help="hvorfor denne dato?")
    s.add_argument("ref")
    s.set_defaults(func=cmd_milestone_why)
