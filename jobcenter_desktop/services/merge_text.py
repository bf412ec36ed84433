"""Conflict and check-in values in Danish, for the conflict list, the dialog and the audit log."""

from __future__ import annotations

from datetime import date, datetime

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.merge import DELETED, Value
from jobcenter_desktop.core.party import hide_cpr_in_text

RECORDS = {"case": "Sag", "milestone": "Milepæl", "trigger": "Hændelse", "pause": "Pause"}
FIELDS = {"status": "status", "caseworker": "sagsbehandler", "notes": "bemærkning", "done": "udført", "party": "part",
          "when": "tidspunkt", "pause": "pause", "ny sag": "ny sag", "sag": "sag",
          "udlån afsluttet": "udlån afsluttet", "afvist": "ikke taget af teamdatabasen"}  # fmt: skip
STATES = {"open": "åben", "done": "udført", "not_applicable": "bortfaldet", "closed": "lukket", "exempt": "fritaget"}


def _day(text: str | None) -> str:
    if not text:
        return ""
    try:
        return format_date(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def describe(record: str, field: str, value: Value) -> str:
    """One value as a person reads it: "udført 03-12-2026", "lukket 04-12-2026", "bo.l (Team Vest)"."""
    if value is None:
        return "(ingen)"
    if value == DELETED:
        return "(slettet på den bærbare)"
    if isinstance(value, dict):  # a whole case kept in a conflict
        return f"sag {value.get('number', '')} ({value.get('group', '')}), {len(value.get('milestones', []))} milepæle"
    if field in ("done", "status") and isinstance(value, list):
        state = STATES.get(str(value[0]), str(value[0]))
        notice = f", underretning sendt {_day(value[4])}" if len(value) > 4 and value[4] else ""
        return f"{state} {_day(value[1])}".strip() + notice
    if field == "party" and isinstance(value, list):  # the CPR number masked, as everywhere by default
        return f"{value[0]} ({hide_cpr_in_text(str(value[1]))})"
    if field == "caseworker" and isinstance(value, list):
        return f"{value[0]} ({value[1]})" if value[1] else str(value[0])
    if field == "when" and isinstance(value, list):
        if value[1]:
            at = datetime.fromisoformat(value[1])
            return f"{_day(value[0])} kl. {at:%H:%M}"
        return _day(value[0])
    if field == "pause" and isinstance(value, list):
        end = _day(value[1]) if value[1] else "(ikke afsluttet)"
        return f"{_day(value[0])}–{end}: {value[2]}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(ingen)"
    return str(value)


def what(record: str, key: str, field: str) -> str:
    """Which record and field: "Milepæl kh_ydelse: udført"."""
    name = RECORDS.get(record, record)
    if key and record != "case":
        return f"{name} {key}: {FIELDS.get(field, field)}"
    return f"{name}: {FIELDS.get(field, field)}"
