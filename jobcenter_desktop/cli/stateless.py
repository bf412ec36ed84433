"""Commands that need no database: the rule catalogue, the calendar and single or batch deadlines."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import asdict
from pathlib import Path

from jobcenter_desktop.cli.common import EXIT_OK, EXIT_USAGE, UsageError, _emit_json, _open, _shown
from jobcenter_desktop.core.calendar import (
    DANISH_WEEKDAYS,
    CalendarRangeError,
    WorkingCalendar,
    format_date,
    format_day,
)
from jobcenter_desktop.core.dates import DateParseError, format_anchor, parse_anchor
from jobcenter_desktop.core.deadlines import Anchor, Deadline, DeadlineError, compute_due
from jobcenter_desktop.core.rules import Catalogue, load_catalogue
from jobcenter_desktop.core.text import printable
from jobcenter_desktop.paths import default_catalogue_path


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
                                        "conditions": list(r.conditions), "source": r.source,
                                        "decision": r.decision}
                                       for r in cat.registered_of(g.id)]}
                       for g in cat.groups.values()],
        })  # fmt: skip
        return EXIT_OK
    print(f"{cat.title} ({cat.label}, gyldig fra {format_date(cat.valid_from)})")
    for g in cat.groups.values():
        party = "CPR" if g.party.value == "citizen" else "CVR"
        print(f"\n{g.name} [{g.id}] — part: {party}")
        for r in cat.registered_of(g.id):
            start = f"efter {r.after}" if r.after else f"fra {cat.triggers[r.trigger or ''].name.lower()}"
            extra = (" (forventet)" if r.soft else "") + (" (afgørelse)" if r.decision else "")
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
    else:  # for people: the Danish date (JSON and --batch keep ISO for programs)
        print(format_day(d.due) + (f" kl. {d.due_at:%H:%M}" if d.due_at else ""))
        for step in d.steps:
            print(f"  {step}")
    return EXIT_OK


MAX_BATCH_BYTES = 64 * 1024 * 1024  # about two million lines


def _csv_line(line: str) -> list[str]:
    if '"' not in line and "\r" not in line:
        return line.split(",") if line else []  # what the csv module gives for a line without quotes, ~8× faster
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
    # Only newlines end a line (str.splitlines also splits at form feeds and U+2028, which would shift every
    # line number after them).
    rows = (_csv_line(line) for line in text.replace("\r\n", "\n").removesuffix("\n").split("\n"))
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
