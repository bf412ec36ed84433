"""A case as it is stored, as plain mutable values: what the services change and the repository writes back.
The repository is the only code that sees ORM rows; the services load a StoredCase, change it with the domain
rules, and hand it back to be saved (the row version they loaded is checked then). The same values are what a
laptop checks out and what a check-in compares field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID, uuid4

from jobcenter_desktop.core.deadlines import Anchor, CaseFacts, Pause
from jobcenter_desktop.core.models import MilestoneState, Party

OPEN = MilestoneState.OPEN.value


@dataclass(slots=True)
class StoredMilestone:
    rule_id: str
    state: str = OPEN  # open | done | not_applicable
    id: UUID = field(default_factory=uuid4)
    due_on: date | None = None
    due_at: datetime | None = None
    provisional: bool = False
    warn_on: date | None = None
    done_on: date | None = None
    done_late: bool = False
    catalogue_version: str = ""
    calendar_fingerprint: str = ""
    explanation: str = ""
    done_at: datetime | None = None  # the clock time it was done, where the deadline has one (hours)
    exempt_reason: str = ""  # why it is fritaget (state "exempt")
    notice_sent_on: date | None = None  # the first underretning sent about a decision (rsl. § 3, stk. 2)


def done_late(ms: StoredMilestone) -> bool:
    """Done after the deadline: to the minute where both the deadline and the completion have a clock time
    (hours deadlines), else by the day (a completion without a clock time on the due day counts as met)."""
    if ms.done_on is None or ms.due_on is None:
        return False
    if ms.due_at is not None and ms.done_at is not None:
        return ms.done_at > ms.due_at
    return ms.done_on > ms.due_on


@dataclass(slots=True)
class StoredTrigger:
    kind: str
    occurred_on: date
    occurred_at: datetime | None = None
    id: UUID = field(default_factory=uuid4)

    @staticmethod
    def of(kind: str, when: Anchor) -> StoredTrigger:
        if isinstance(when, datetime):
            return StoredTrigger(kind, when.date(), when)
        return StoredTrigger(kind, when)

    @property
    def when(self) -> Anchor:
        return self.occurred_at if self.occurred_at is not None else self.occurred_on


@dataclass(slots=True)
class StoredPause:
    start_on: date
    milestone_id: UUID | None = None
    end_on: date | None = None
    reason: str = ""
    id: UUID = field(default_factory=uuid4)
    expected_end_on: date | None = None  # a reminder only: deadlines move at the real resume


@dataclass(slots=True)
class StoredCase:
    number: str
    group: str
    catalogue_id: str
    party: Party
    caseworker: str  # user name
    team: str  # team name, "" for none
    opened_on: date
    status: str = "open"
    closed_on: date | None = None
    notes: str = ""
    id: UUID = field(default_factory=uuid4)
    version: int = 0  # the row version it was loaded at (0: not stored yet)
    milestones: list[StoredMilestone] = field(default_factory=list)
    triggers: list[StoredTrigger] = field(default_factory=list)
    pauses: list[StoredPause] = field(default_factory=list)

    def milestone(self, milestone_id: UUID | None) -> StoredMilestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)

    def trigger(self, kind: str) -> StoredTrigger | None:
        return next((t for t in self.triggers if t.kind == kind), None)


def case_facts(case: StoredCase) -> CaseFacts:
    """The facts the deadline engine plans from: triggers, completions, pauses (per milestone and whole case)."""
    rule_of = {ms.id: ms.rule_id for ms in case.milestones}
    per_rule: dict[str, list[Pause]] = {}
    case_pauses: list[Pause] = []
    for p in case.pauses:
        pause = Pause(p.start_on, p.end_on, p.reason)
        if p.milestone_id is None:
            case_pauses.append(pause)
        else:
            per_rule.setdefault(rule_of.get(p.milestone_id, ""), []).append(pause)
    return CaseFacts(
        group=case.group,
        triggers={t.kind: t.when for t in case.triggers},
        completions={ms.rule_id: ms.done_on for ms in case.milestones if ms.done_on is not None},
        pauses=per_rule,
        case_pauses=case_pauses,
    )


# ---------------------------------------------------------------- JSON (a laptop's base copy)
def _enc(v: object) -> object:
    if isinstance(v, UUID):
        return str(v)
    if isinstance(v, datetime | date):
        return v.isoformat()
    return v


def _rec(obj: object, fields: tuple[str, ...]) -> dict[str, object]:
    return {f: _enc(getattr(obj, f)) for f in fields}


_MS = ("id", "rule_id", "state", "due_on", "due_at", "provisional", "warn_on", "done_on", "done_late",
       "catalogue_version", "calendar_fingerprint", "explanation", "done_at", "exempt_reason",
       "notice_sent_on")  # fmt: skip
_TR = ("id", "kind", "occurred_on", "occurred_at")
_PA = ("id", "milestone_id", "start_on", "end_on", "reason", "expected_end_on")
_CA = ("id", "number", "group", "catalogue_id", "caseworker", "team", "opened_on", "status", "closed_on", "notes",
       "version")  # fmt: skip


def case_to_json(case: StoredCase) -> dict[str, object]:
    out = _rec(case, _CA)
    out["party"] = {"kind": case.party.kind.value, "name": case.party.name, "identifier": case.party.identifier}
    out["milestones"] = [_rec(m, _MS) for m in case.milestones]
    out["triggers"] = [_rec(t, _TR) for t in case.triggers]
    out["pauses"] = [_rec(p, _PA) for p in case.pauses]
    return out


def _d(v: object) -> date | None:
    return date.fromisoformat(str(v)) if v else None


def _dt(v: object) -> datetime | None:
    return datetime.fromisoformat(str(v)) if v else None


def _u(v: object) -> UUID | None:
    return UUID(str(v)) if v else None


def case_from_json(d: dict[str, object]) -> StoredCase:
    from jobcenter_desktop.core.rules import PartyKind

    p = d["party"]
    assert isinstance(p, dict)
    ms = d["milestones"]
    tr = d["triggers"]
    pa = d["pauses"]
    assert isinstance(ms, list) and isinstance(tr, list) and isinstance(pa, list)
    return StoredCase(
        id=UUID(str(d["id"])), number=str(d["number"]), group=str(d["group"]), catalogue_id=str(d["catalogue_id"]),
        party=Party(PartyKind(p["kind"]), str(p["name"]), str(p["identifier"])), caseworker=str(d["caseworker"]),
        team=str(d["team"]), opened_on=date.fromisoformat(str(d["opened_on"])), status=str(d["status"]),
        closed_on=_d(d["closed_on"]), notes=str(d["notes"]), version=int(str(d["version"])),
        milestones=[StoredMilestone(
            id=UUID(m["id"]), rule_id=m["rule_id"], state=m["state"], due_on=_d(m["due_on"]), due_at=_dt(m["due_at"]),
            provisional=bool(m["provisional"]), warn_on=_d(m["warn_on"]), done_on=_d(m["done_on"]),
            done_late=bool(m["done_late"]), catalogue_version=m["catalogue_version"],
            calendar_fingerprint=m["calendar_fingerprint"], explanation=m["explanation"],
            done_at=_dt(m.get("done_at")), exempt_reason=m.get("exempt_reason") or "",
            notice_sent_on=_d(m.get("notice_sent_on"))) for m in ms],
        triggers=[StoredTrigger(t["kind"], date.fromisoformat(t["occurred_on"]), _dt(t["occurred_at"]),
                                UUID(t["id"])) for t in tr],
        pauses=[StoredPause(date.fromisoformat(x["start_on"]), _u(x["milestone_id"]), _d(x["end_on"]), x["reason"],
                            UUID(x["id"]), _d(x.get("expected_end_on"))) for x in pa],
    )  # fmt: skip
