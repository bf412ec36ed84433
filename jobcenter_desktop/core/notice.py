"""Underretning (retssikkerhedsloven § 3, stk. 2): when a decision on an application cannot be made within the
published deadline, the applicant must be told in writing when a decision can be expected.

A decision milestone that is open and due within N working days without a notice shows "Underretning mangler";
past its deadline without one it is a breach of § 3, stk. 2, not only overdue. A "Forventet afgørelse" (the
promised date) is watched the same way: a promise about to slip needs a new notice.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from jobcenter_desktop.core.calendar import WorkingCalendar
from jobcenter_desktop.core.party import display_party_id
from jobcenter_desktop.core.rules import Catalogue, MilestoneRule, PartyKind

if TYPE_CHECKING:
    from jobcenter_desktop.core.models import CaseRecord
    from jobcenter_desktop.core.stored import StoredCase, StoredMilestone
from jobcenter_desktop.core.urgency import StateStyle

DEFAULT_NOTICE_DAYS = 5
MAX_NOTICE_DAYS = 60


class NoticeState(StrEnum):
    DUE = "notice_due"  # Underretning mangler
    BREACH = "notice_breach"  # deadline passed without a notice
    SENT = "notice_sent"  # sent on or before the deadline
    SENT_LATE = "notice_sent_late"  # sent, but after the deadline had passed


# The same palette record as the urgency states (colour, light fill, icon, symbol): one look in the UI, Excel and
# print. Colour is never alone: each has its text and its icon (an envelope).
NOTICE_STYLES: MappingProxyType[NoticeState, StateStyle] = MappingProxyType({
    NoticeState.DUE: StateStyle("Underretning mangler", "#B35900", "#FFD9A8", "notice_due", "✉!", 0),
    NoticeState.BREACH: StateStyle("Frist overskredet uden underretning (rsl. § 3, stk. 2)", "#9E0031", "#F5C0CF",
                                   "notice_breach", "✉!!", 1),
    NoticeState.SENT: StateStyle("Underretning sendt", "#0072B2", "#B3D5EA", "notice_sent", "✉", 2),
    NoticeState.SENT_LATE: StateStyle("Underretning sendt for sent", "#8C4A00", "#E8D5C0", "notice_sent", "✉~", 3),
})  # fmt: skip

#: The states that ask the caseworker to act.
NOTICE_ALERTS = frozenset({NoticeState.DUE, NoticeState.BREACH})


def watched(rule: MilestoneRule | None) -> bool:
    """A decision on an application, or the date promised in a notice about one."""
    return rule is not None and (rule.decision or rule.promise_of is not None)


def notice_state(
    *,
    today: date,
    cal: WorkingCalendar,
    watched: bool,
    due: date | None,
    open_: bool,
    paused: bool = False,
    sent_on: date | None = None,
    notice_days: int = DEFAULT_NOTICE_DAYS,
) -> NoticeState | None:
    """The notice state of one milestone on ``today``. ``watched``: a decision or a promised date;
    ``sent_on``: the first notice sent about it (None: none yet)."""
    if not watched or due is None:
        return None
    if sent_on is not None:
        return NoticeState.SENT if sent_on <= due else NoticeState.SENT_LATE
    if not open_ or paused:  # decided (or dropped); paused: the clock stands still and the deadline moves on
        return None
    if today > due:
        return NoticeState.BREACH
    if cal.working_days_between(today, due) <= notice_days:
        return NoticeState.DUE
    return None


def notice_from(cal: WorkingCalendar, due: date, notice_days: int = DEFAULT_NOTICE_DAYS) -> date:
    """The first day "Underretning mangler" shows for a deadline on ``due``: the earliest day from which at most
    ``notice_days`` working days are left (a weekend before it shows it too)."""
    day = due
    while cal.working_days_between(day - timedelta(days=1), due) <= notice_days:
        day -= timedelta(days=1)
    return day


_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december")  # fmt: skip

#: What a letter says where the app holds no address: the caseworker fills it in.
ADDRESS_LINES = ("[Adresse]", "[Postnummer og by]")


def long_date(d: date) -> str:
    """A letter's date: ``11. december 2026``."""
    return f"{d.day}. {_MONTHS[d.month - 1]} {d.year}"


def letter_fields(*, case: CaseRecord, rule: MilestoneRule, catalogue: Catalogue, deadline: date, expected: date,
                  reason: str, today: date, applied_on: date, team: str,
                  show_id: bool = False) -> dict[str, str | tuple[str, ...]]:  # fmt: skip
    """The placeholders of the underretning letter (export.notice_docx lists them), in plain Danish."""
    trigger = catalogue.triggers.get(rule.trigger) if rule.trigger else None
    group = catalogue.groups.get(case.group)
    company = case.party.kind is PartyKind.COMPANY
    return {
        "dato": long_date(today), "sagsnummer": case.number, "modtager_navn": case.party.name,
        "modtager_adresse": ADDRESS_LINES,
        "modtager_id": display_party_id(case.party.kind, case.party.identifier, reveal=show_id),
        "id_type": "CVR-nr." if company else "CPR-nr.",
        "emne": rule.name, "haendelse": (trigger.name if trigger else "Sagen oprettet").lower(),
        "ansoegt_den": long_date(applied_on), "frist": rule.period.danish(), "fristdato": long_date(deadline),
        "begrundelse": reason.strip(), "forventet_dato": long_date(expected), "sagsbehandler": case.caseworker,
        "team": team, "maalgruppe": group.name if group else case.group, "kilde": rule.source,
    }  # fmt: skip


def follow_decisions(cat: Catalogue, case: StoredCase) -> list[tuple[StoredMilestone, str, str]]:
    """Make each "Forventet afgørelse" agree with its decision after a change that went round the usual actions
    (a conflict decided, a check-in): done with it, exempt with it, lapsed with it or with the case, open again
    with it. Returns (promise, state before, state after) for each one changed."""
    by_rule = {m.rule_id: m for m in case.milestones}
    out = []
    for m in case.milestones:
        rule = cat.milestones.get(m.rule_id)
        decision = by_rule.get(rule.promise_of) if rule is not None and rule.promise_of else None
        if decision is None or m.due_on is None:
            continue
        before = m.state
        if decision.state == "open" and case.status == "open" and m.state != "open":
            m.state, m.done_on, m.done_at, m.done_late, m.exempt_reason = "open", None, None, False, ""
        elif m.state == "open" and decision.state == "done":
            m.state, m.done_on, m.done_at = "done", decision.done_on, None
            m.done_late = bool(m.done_on and m.done_on > m.due_on)
        elif m.state == "open" and decision.state == "exempt":
            name = cat.milestones[decision.rule_id].name if decision.rule_id in cat.milestones else decision.rule_id
            m.state, m.exempt_reason = "exempt", f"{decision.exempt_reason} (følger af »{name}«)"[:500]
        elif m.state == "open" and (decision.state == "not_applicable" or case.status == "closed"):
            m.state = "not_applicable"
        if m.state != before:
            out.append((m, before, m.state))
    return out
