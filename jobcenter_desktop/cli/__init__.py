"""``jobcenter-desktop`` command line: a contract other tools and tests rely on.

Every bad input exits with code 2 and one line naming what is wrong; never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import re
import sys
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from jobcenter_desktop import __version__
from jobcenter_desktop.core.calendar import (
    DANISH_WEEKDAYS,
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    WorkingCalendar,
    format_date,
)
from jobcenter_desktop.core.dates import DateParseError, format_anchor, parse_anchor, parse_date
from jobcenter_desktop.core.deadlines import Anchor, Deadline, DeadlineError, compute_due
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, DeadlineFilter
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.rules import Catalogue, CatalogueError, load_catalogue
from jobcenter_desktop.core.text import TextError, check_identity, printable
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.logsetup import setup_logging
from jobcenter_desktop.paths import default_catalogue_path, default_db_path, demo_db_path

log = logging.getLogger("jobcenter_desktop.cli")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input: exit 2 with this one-line message."""


# argparse speaks English; the few messages a user meets are said in Danish instead.
_ARGPARSE_DANISH = (
    (re.compile(r"invalid choice: (.+?) \(choose from (.+)\)"), r"ugyldigt valg: \1 (vælg mellem \2)"),
    (re.compile(r"the following arguments are required: (.+)"), r"disse skal angives: \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"ukendte argumenter: \1"),
    (re.compile(r"expected one argument"), "mangler en værdi"),
    (re.compile(r"invalid (\w+) value: (.+)"), r"ugyldig værdi: \2"),
    (re.compile(r"not allowed with argument (.+)"), r"kan ikke bruges sammen med \1"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for pattern, danish in _ARGPARSE_DANISH:
            message = pattern.sub(danish, message)
        raise UsageError(message)


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def _date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except DateParseError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _anchor_arg(text: str) -> Anchor:
    try:
        return parse_anchor(text)
    except DateParseError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} er ikke et helt tal") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("skal ligge mellem 0 og 1.000.000")
    return value


def _year_arg(text: str) -> int:
    value = _positive_int(text)
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}")
    return value


def _shown(text: str, reveal: bool = False) -> str:
    """Stored free text as output shows it: CPR-shaped numbers masked (unless revealed, which is audited) and
    one line without control characters."""
    return printable(text if reveal else hide_cpr_in_text(text))


def _emit_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(o: object) -> object:
    if isinstance(o, datetime) and o.tzinfo is not None:
        return o.isoformat(timespec="seconds")  # audit timestamps: UTC, with the zone
    if isinstance(o, datetime):
        return o.strftime("%Y-%m-%dT%H:%M")
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, uuid.UUID):
        return str(o)
    if isinstance(o, frozenset | set | tuple):
        return list(o)
    return str(o)


# ---------------------------------------------------------------------------- stateless commands
def _catalogue(args: argparse.Namespace) -> Catalogue:
    return load_catalogue(args.catalogue or default_catalogue_path())


def cmd_rules(args: argparse.Namespace) -> int:
    cat = _catalogue(args)
    if args.json:
        _emit_json({
            "id": cat.id, "title": cat.title, "version": cat.version, "valid_from": cat.valid_from,
            "source": cat.source,
            "groups": [{"id": g.id, "name": g.name, "party": g.party.value, "initial_trigger": g.initial_trigger,
                        "triggers": [t.id for t in cat.triggers_of(g.id)],
                        "milestones": [{"id": r.id, "name": r.name, "trigger": r.trigger, "after": r.after,
                                        "amount": r.amount, "unit": r.unit.value, "roll": r.roll.value,
                                        "soft": r.soft, "warn": asdict(r.warn) if r.warn else None,
                                        "conditions": list(r.conditions), "source": r.source}
                                       for r in cat.milestones_of(g.id)]}
                       for g in cat.groups.values()],
        })  # fmt: skip
        return EXIT_OK
    print(f"{cat.title} ({cat.label}, gyldig fra {format_date(cat.valid_from)})")
    for g in cat.groups.values():
        party = "CPR" if g.party.value == "citizen" else "CVR"
        print(f"\n{g.name} [{g.id}] — part: {party}")
        for r in cat.milestones_of(g.id):
            start = f"efter {r.after}" if r.after else f"fra {cat.triggers[r.trigger or ''].name.lower()}"
            extra = " (forventet)" if r.soft else ""
            print(f"  {r.id:<26} {r.period.danish():<14} {start}{extra} — {r.name}")
    return EXIT_OK


def cmd_calendar(args: argparse.Namespace) -> int:
    cal = _open(args).calendar if args.db_given else WorkingCalendar()
    days = cal.non_working_days(args.year, include_weekends=not args.holidays_only)
    if args.json:
        _emit_json([{"date": d.day, "weekday": DANISH_WEEKDAYS[d.day.weekday()], "kind": d.kind.value,
                     "reason": _shown(d.reason)} for d in days])  # fmt: skip
        return EXIT_OK
    for d in days:
        print(f"{format_date(d.day)}  {d.kind.value:<9} {_shown(d.reason)}")
    print(f"I alt {len(days)} ikke-arbejdsdage i {args.year}.")
    return EXIT_OK


def _due(cat: Catalogue, cal: WorkingCalendar, milestone: str, anchor: Anchor, explain: bool) -> Deadline:
    rule = cat.milestones.get(milestone)
    if rule is None:
        raise UsageError(f"ukendt milepæl {milestone!r} (se 'jobcenter-desktop rules')")
    return compute_due(rule, anchor, cal, explain=explain)


def cmd_due(args: argparse.Namespace) -> int:
    cat = _catalogue(args)
    cal = _open(args).calendar if args.db_given else WorkingCalendar()
    if args.batch:
        return _due_batch(args, cat, cal)
    if not args.milestone or args.anchor is None:
        raise UsageError("angiv --milestone og --anchor, eller --batch FIL.csv")
    d = _due(cat, cal, args.milestone, args.anchor, explain=True)
    if args.json:
        _emit_json({"milestone": args.milestone, "anchor": format_anchor(args.anchor), "due": d.due_text(),
                    "provisional": d.provisional, "steps": list(d.steps)})  # fmt: skip
    else:
        print(d.due_text())
        for step in d.steps:
            print(f"  {step}")
    return EXIT_OK


MAX_BATCH_BYTES = 64 * 1024 * 1024  # about two million lines


def _csv_line(line: str) -> list[str]:
    try:
        return next(csv.reader([line], strict=False), [])
    except csv.Error:
        return [line]


def _due_batch(args: argparse.Namespace, cat: Catalogue, cal: WorkingCalendar) -> int:
    try:
        with Path(args.batch).open("rb") as fh:
            data = fh.read(MAX_BATCH_BYTES + 1)  # bounded: a device or a huge file is refused, not read whole
    except FileNotFoundError:
        raise UsageError(f"filen findes ikke: {args.batch}") from None
    except OSError as e:
        raise UsageError(f"filen kan ikke læses: {args.batch} ({e.strerror or e})") from None
    if len(data) > MAX_BATCH_BYTES:
        raise UsageError(f"filen er for stor (højst {MAX_BATCH_BYTES // (1024 * 1024)} MB); del den op")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"filen er ikke UTF-8-tekst: {args.batch}") from None
    if "\x00" in text:
        raise UsageError(f"filen er ikke en CSV-fil (den indeholder binære data): {args.batch}")
    # Line by line, each line parsed on its own: an unbalanced quote spoils only its own line (the csv module
    # would otherwise read the rest of the file as one field), and every line keeps its number.
    rows = (_csv_line(line) for line in text.splitlines())
    reader = iter(rows)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header[:2]] != ["milestone", "anchor"]:
        raise UsageError("CSV-filen skal have overskriften 'milestone,anchor'")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["milestone", "anchor", "due"])
    cache: dict[tuple[str, str], str] = {}  # bulk what-if files repeat (milestone, anchor) pairs a lot
    bad: list[str] = []
    for line_no, row in enumerate(reader, start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) < 2:
            bad.append(f"linje {line_no}: der skal være to felter (milestone,anchor)")
            continue
        milestone, anchor_text = row[0].strip(), row[1].strip()
        key = (milestone, anchor_text)
        due = cache.get(key)
        if due is None:
            try:
                due = _due(cat, cal, milestone, parse_anchor(anchor_text), explain=False).due_text()
            except (UsageError, DateParseError, DeadlineError, CalendarRangeError) as e:
                bad.append(f"linje {line_no}: {' '.join(str(e).split())}")
                continue
            cache[key] = due
        writer.writerow([milestone, anchor_text, due])
    # Every good line is printed; every bad line is named on stderr with its line number, and the exit code
    # says that some were bad, so a script cannot take a partial result for a whole one.
    sys.stdout.write(out.getvalue())
    for message in bad:
        print(f"jobcenter-desktop: fejl: {printable(message)}", file=sys.stderr)
    return EXIT_USAGE if bad else EXIT_OK


# ---------------------------------------------------------------------------- stateful commands
PASSPHRASE_ENV = "JOBCENTER_PASSPHRASE"
SERVER_ENV = "JOBCENTER_SERVER"


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    """From the environment (scheduled jobs) or typed without echo; never from a command-line argument,
    which other users of the machine could read in the process list."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise UsageError(f"databasen er krypteret eller beskadiget: angiv adgangskoden i {PASSPHRASE_ENV}, "
                         "kør interaktivt, eller gendan en sikkerhedskopi")
    import getpass

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Gentag adgangskoden: ") != first:
        raise UsageError("de to adgangskoder er ikke ens")
    return first


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def _server_url(args: argparse.Namespace) -> str | None:
    """``--server URL`` or ``JOBCENTER_SERVER`` (not both a file and a server)."""
    url = getattr(args, "server", None) or (None if args.db else os.environ.get(SERVER_ENV))
    if url and args.db:
        raise UsageError("angiv enten --db (en fil) eller --server (teamdatabasen), ikke begge")
    return url or None


def _open(args: argparse.Namespace) -> Any:
    from jobcenter_desktop.services.app import Frister
    from jobcenter_desktop.services.encryption import is_encrypted
    from jobcenter_desktop.services.errors import PasswordRequired

    if getattr(args, "_app", None) is not None:
        return args._app
    catalogue = Path(args.catalogue) if args.catalogue else None
    url = _server_url(args)
    if url is not None:
        # The password comes from libpq's own places (PGPASSWORD, the pgpass file); asked only when missing.
        try:
            args._app = Frister.open(url, catalogue_path=catalogue, actor=args.actor, team=args.my_team)
        except PasswordRequired as e:
            if not sys.stdin.isatty():
                raise UsageError(f"{e} Angiv adgangskoden i PGPASSWORD eller pgpass-filen, eller kør "
                                 "interaktivt") from None
            import getpass

            args._app = Frister.open(url, catalogue_path=catalogue, actor=args.actor, team=args.my_team,
                                     password=getpass.getpass("Adgangskode til teamdatabasen: "))  # fmt: skip
        return args._app
    db = _db_path(args)
    key = _passphrase("Adgangskode til databasen: ") if is_encrypted(db) else None
    args._app = Frister.open(db, catalogue_path=catalogue, actor=args.actor, team=args.my_team, passphrase=key)
    return args._app


def _file_only(args: argparse.Namespace, what: str) -> None:
    """Backups, encryption and the like are a file's; on the team database they are the server's job."""
    if _server_url(args) is not None:
        raise UsageError(f"{what} gælder kun en databasefil; på teamdatabasen er det serverens opgave "
                         "(pg_dump og driftens sikkerhedskopier, kryptering af forbindelsen og disken)")  # fmt: skip


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


def _actor(args: argparse.Namespace) -> str:
    """Who acts, for commands that do not open the database through the services (checked the same way)."""
    from jobcenter_desktop.services.context import os_username

    try:
        return check_identity(args.actor or os_username(), "Brugernavnet")
    except TextError as e:
        raise UsageError(str(e)) from None


def _find_case(app: Any, ref: str) -> CaseRecord:
    try:
        return app.cases.get(uuid.UUID(ref))  # type: ignore[no-any-return]
    except ValueError:
        return app.cases.by_number(ref)  # type: ignore[no-any-return]


def _find_milestone(app: Any, ref: str) -> tuple[CaseRecord, uuid.UUID]:
    """A milestone as ``CASENUMBER/rule_id`` (e.g. 2026-00012/kh_ydelse) or its UUID."""
    from jobcenter_desktop.services.errors import ServiceError

    if "/" in ref:
        number, rule_id = ref.rsplit("/", 1)
        case = app.cases.by_number(number)
        for m in case.milestones:
            if m.rule_id == rule_id:
                return case, m.id
        raise ServiceError(f"sag {number} har ingen milepæl {rule_id!r}")
    try:
        mid = uuid.UUID(ref)
    except ValueError:
        raise UsageError(f"{ref!r} er hverken SAGSNR/milepæl eller et milepæls-id") from None
    return app.cases.by_milestone(mid), mid


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
                     "party": _shown(r.party.name), "party_id": display_party_id(r.party.kind, r.party.identifier),
                     "caseworker": r.caseworker, "team": r.team} for r in rows])  # fmt: skip
        return EXIT_OK
    for r in rows:
        st = PALETTE[r.urgency]
        due = format_date(r.due) + (f" {r.due_at:%H:%M}" if r.due_at else "")
        left = f"{r.working_days_left:+d}" if r.working_days_left is not None else ""
        party = f"{_shown(r.party.name)[:24]:<24} {display_party_id(r.party.kind, r.party.identifier):<12}"
        print(f"{st.symbol:>2} {st.label:<22} {due:<17} {left:>4}  {r.case_number}  {r.milestone_name[:34]:<34} "
              f"{party} {r.caseworker}")  # fmt: skip
    who = "alle" if args.all else (worker or args.team)
    print(f"{len(rows)} åbne frister ({who}), set {format_date(today)}.")
    return EXIT_OK


def cmd_recompute(args: argparse.Namespace) -> int:
    app = _open(args)
    if args.apply:
        moves = app.recompute.apply(args.reason or "Genberegning efter ændret katalog/kalender")
        print(f"{len(moves)} frister flyttet.")
    else:
        moves = app.recompute.preview()
        print(f"{len(moves)} frister vil flytte (intet er ændret; brug --apply):")
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
        for day, reason in sorted(app.settings.calendar().closures.items()):
            print(f"{format_date(day)}  {_shown(reason)}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services import demo

    if not args.db and _server_url(args) is None:
        args.db = str(demo_db_path())
    app = _open(args)
    made = demo.generate(app.ctx, args.cases, _today(args), seed=args.seed)
    print(f"{made} demosager (opdigtede personer) lagt i {app.location}.")
    return EXIT_OK


def _week_arg(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), flags=re.IGNORECASE | re.ASCII)
    if not m:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} er ikke en uge (brug ÅÅÅÅ-Wuu, fx 2026-W48)")
    if not MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(f"året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}")
    return int(m[1]), int(m[2])


def cmd_export(args: argparse.Namespace) -> int:
    from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope

    app = _open(args)
    if args.export_cmd == "template":
        out = Path(args.out)
        app.importer.write_template(out)
        print(f"Skabelon gemt: {out}")
        return EXIT_OK
    today = _today(args)
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
    elif args.week:
        period = Period.iso_week(*args.week)
    else:
        period = Period.week_of(today)
    req = ExportRequest(scope, period, per_caseworker=args.per_caseworker, include_cpr=args.include_cpr)
    out = Path(args.out) if args.out else Path.cwd() / app.worklists.default_filename(req)
    if out.suffix.lower() != ".xlsx":
        raise UsageError("--out skal være en .xlsx-fil")
    n = app.worklists.export(req, out, today, datetime.now())
    print(f"{n} frister skrevet til {out}")
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
    print(f"{len(preview.rows)} sager læst i arket (række {first}–{last}): {ok} gyldige og {bad} afviste rækker.")
    if preview.ignored_columns:
        print(f"Kolonner der ikke bruges: {', '.join(_shown(c) for c in preview.ignored_columns)}.")
    if args.dry_run:
        print("Prøvekørsel: intet er gemt.")
        return EXIT_OK
    if bad and not args.skip_invalid:
        raise UsageError(f"{bad} rækker har fejl; intet er importeret (ret filen, eller brug --skip-invalid)")
    numbers = app.importer.commit(preview, today)
    print(f"{len(numbers)} sager importeret ({numbers[0]}–{numbers[-1]}).")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    _file_only(args, "Sikkerhedskopier med 'backup'")
    app = _open(args)
    if args.backup_cmd == "create":
        b = app.backups.create("manuel")
        print(f"Sikkerhedskopi gemt: {b.path}")
        return EXIT_OK
    backups = app.backups.all()
    if args.backup_cmd == "list":
        for i, b in enumerate(backups, start=1):
            print(f"{i:>3}  {b.created:%d-%m-%Y %H:%M:%S}  {b.label:<18} {b.size / 1024:>8.0f} kB  {b.path}")
        print(f"{len(backups)} sikkerhedskopier i {app.backups.folder}.")
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


def cmd_self_test() -> int:
    from jobcenter_desktop.services.selftest import run_self_test

    for line in run_self_test():
        print(f"ok: {line}")
    print(f"Selvtest bestået (Jobcenter Frister {__version__}).")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: the desktop app (imported late so the command line never loads Qt)."""
    from jobcenter_desktop.ui.app import run

    return run(args.db, catalogue=args.catalogue, actor=args.actor, server=getattr(args, "server", None))


def cmd_audit(args: argparse.Namespace) -> int:
    app = _open(args)
    case_id = _find_case(app, args.case).id if args.case else None
    entries = app.audit(case_id)
    if args.json:
        _emit_json([asdict(e) | {"before": hide_cpr_in_text(e.before), "after": hide_cpr_in_text(e.after),
                                 "reason": hide_cpr_in_text(e.reason)} for e in entries])  # fmt: skip
        return EXIT_OK
    for e in entries:
        # Whatever is stored (an old entry, a file edited by hand) prints as one line without control characters.
        before, after = hide_cpr_in_text(e.before), hide_cpr_in_text(e.after)  # notes can quote a CPR number
        change = f"{before} → {after}" if before else after
        reason = f"  ({_shown(e.reason)})" if e.reason else ""
        print(f"{e.at.astimezone():%Y-%m-%d %H:%M} {printable(e.actor):<10} {printable(e.action):<14} "
              f"{printable(e.entity_id):<28} {printable(e.field):<10} {printable(change)}{reason}")  # fmt: skip
    return EXIT_OK


# ---------------------------------------------------------------------------- parser
def _add_globals(p: argparse.ArgumentParser, *, top: bool) -> None:
    # The same options work before and after the command (`--db X demo` and `demo --db X`); on
    # sub-commands they default to SUPPRESS so they never overwrite a value given before the command.
    kw: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    p.add_argument("--db", help="databasefil (standard: JOBCENTER_DB eller brugerens datamappe)", **kw)
    p.add_argument("--server", help="teamdatabasen: postgresql://LOGIN@VÆRT:PORT/DB (eller JOBCENTER_SERVER)", **kw)
    p.add_argument("--catalogue", help="regelkatalog (TOML); standard: Albertslund 2016", **kw)
    p.add_argument("--as", dest="actor", help="sagsbehandler-id (standard: brugernavnet i styresystemet)", **kw)
    p.add_argument("--my-team", dest="my_team", help="mit team (når jeg opretter sager)", **kw)
    p.add_argument("--today", type=_date_arg, help=argparse.SUPPRESS, **kw)  # what-if and tests


class _SubParser(_Parser):
    def __init__(self, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        _add_globals(self, top=False)


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
    s = case.add_parser("list", help="sagsregistret")
    s.add_argument("--search")
    s.add_argument("--status", choices=["open", "closed", "all"], default="open")
    s.add_argument("--caseworker")
    s.add_argument("--json", action="store_true")
    s = case.add_parser("show", help="vis en sag (SAGSNR eller id)")
    s.add_argument("ref")
    s.add_argument("--reveal-cpr", action="store_true", help="vis fuldt CPR-nummer (logges i historikken)")
    s.add_argument("--json", action="store_true")
    for name, helptext in (("close", "luk en sag"), ("reopen", "genåbn en sag"), ("pause", "sæt sagen på pause"),
                           ("resume", "genoptag sagen")):  # fmt: skip
        s = case.add_parser(name, help=helptext)
        s.add_argument("ref")
        if name in ("close", "pause", "resume"):
            s.add_argument("--on", type=_date_arg)
        if name == "pause":
            s.add_argument("--reason", required=True)
    s = case.add_parser("trigger", help="registrér en senere hændelse, fx ansoegning_sps34=2026-11-23")
    s.add_argument("ref")
    s.add_argument("event")
    s = case.add_parser("reassign", help="giv sagen til en anden sagsbehandler")
    s.add_argument("ref")
    s.add_argument("--to", required=True)
    s.add_argument("--case-team", dest="case_team")
    case.required = True
    sub.choices["case"].set_defaults(func=cmd_case)

    ms = sub.add_parser("milestone", help="milepæle").add_subparsers(dest="ms_cmd", required=True,
                                                                    parser_class=_SubParser)  # fmt: skip
    s = ms.add_parser("done", help="markér udført (SAGSNR/milepæl)")
    s.add_argument("ref")
    s.add_argument("--on", type=_date_arg)
    s = ms.add_parser("undo", help="fortryd udført")
    s.add_argument("ref")
    s = ms.add_parser("why", help="hvorfor denne dato?")
    s.add_argument("ref")
    sub.choices["milestone"].set_defaults(func=cmd_milestone)

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

    export = sub.add_parser("export", help="Excel: arbejdslister og importskabelon").add_subparsers(
        dest="export_cmd", required=True, parser_class=_SubParser)  # fmt: skip
    s = export.add_parser("worklist", help="arbejdsliste som .xlsx (standard: mine frister i denne uge)")
    s.add_argument("--week", type=_week_arg, help="ISO-uge, fx 2026-W48")
    s.add_argument("--from", dest="date_from", type=_date_arg)
    s.add_argument("--to", dest="date_to", type=_date_arg)
    s.add_argument("--next-days", type=_positive_int, help="de næste N hverdage")
    s.add_argument("--caseworker")
    s.add_argument("--team")
    s.add_argument("--all", action="store_true", help="alle sagsbehandlere")
    s.add_argument("--per-caseworker", action="store_true", help="et ark pr. sagsbehandler")
    s.add_argument("--include-cpr", action="store_true", help="fulde CPR-numre (registreres i historikken)")
    s.add_argument("--out", help="FIL.xlsx (standard: fx 'Frister uge 48 2026 - Team Vest.xlsx')")
    s = export.add_parser("template", help="skabelon til import af sager")
    s.add_argument("--out", required=True)
    sub.choices["export"].set_defaults(func=cmd_export)

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

    from jobcenter_desktop.cli import server as server_commands

    server_commands.register(sub)
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
