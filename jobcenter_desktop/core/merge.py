"""The three-way merge of a case checked in from a laptop: base (what was checked out), server (the team
database now) and laptop (the laptop's file now), field by field, record by record.

- A field changed on one side only takes that side's value; changed on both sides to the same value is fine;
  changed on both sides to different values is a conflict, and the server's value stands until a person
  decides (docs/merge-rules.md).
- Facts with their own dates merge as facts: a milestone's completion is one field (state and day together),
  so "done on the 3rd" against "done on the 5th" is one conflict, never a half of each. Pauses are records of
  their own (both sides' pauses are kept); a trigger is one value per kind.
- Records added on one side are added. The app never deletes case data, so a record missing on one side that
  the base had is a conflict, never a silent deletion.
- Due dates are not merged at all: the caller recomputes them from the merged facts.
- ``distrust``: the laptop's check-out was ended (a lost laptop): every laptop change becomes a conflict.

Values are compared and stored as JSON-ready tuples; ``describe`` renders them in Danish for people.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from jobcenter_desktop.core.models import Party
from jobcenter_desktop.core.rules import PROMISE_SUFFIX
from jobcenter_desktop.core.stored import StoredCase, StoredMilestone, StoredPause, StoredTrigger

Value = Any  # a JSON-ready value: str, None, or a list of those

DELETED = "__slettet__"  # the laptop no longer has a record the base had


@dataclass(frozen=True)
class FieldConflict:
    record: str  # case | milestone | trigger | pause
    key: str  # "" for the case, the rule id, the trigger kind, the pause id
    field: str
    base: Value
    server: Value
    laptop: Value


@dataclass
class MergeResult:
    merged: StoredCase
    applied: list[tuple[str, str, str, Value, Value]] = field(default_factory=list)  # record, key, field, was, now
    conflicts: list[FieldConflict] = field(default_factory=list)


def _iso(v: date | datetime | None) -> str | None:
    return v.isoformat() if v is not None else None


# ---------------------------------------------------------------- the fields, as (get, set) pairs
def _set_status(c: StoredCase, v: Value) -> None:
    c.status, c.closed_on = v[0], date.fromisoformat(v[1]) if v[1] else None


def _set_assignment(c: StoredCase, v: Value) -> None:
    c.caseworker, c.team = v[0], v[1]


def _set_notes(c: StoredCase, v: Value) -> None:
    c.notes = v


def _set_party(c: StoredCase, v: Value) -> None:
    c.party = Party(c.party.kind, v[0], v[1])


Getter = Callable[[StoredCase], Value]
Setter = Callable[[StoredCase, Value], None]


def _case_fields() -> dict[str, tuple[Getter, Setter]]:
    """A reassignment moves caseworker and team together; closing sets status and day together."""
    return {
        "status": (lambda c: [c.status, _iso(c.closed_on)], _set_status),
        "caseworker": (lambda c: [c.caseworker, c.team], _set_assignment),
        "notes": (lambda c: c.notes, _set_notes),
        # A correction of the party's name or CPR/CVR (services/corrections.py): name and number together.
        "party": (lambda c: [c.party.name, c.party.identifier], _set_party),
    }


CASE_FIELDS = _case_fields()


def milestone_value(m: StoredMilestone) -> Value:
    extra = [_iso(m.done_at), m.exempt_reason] if m.done_at or m.exempt_reason or m.notice_sent_on else []
    notice = [_iso(m.notice_sent_on)] if m.notice_sent_on else []
    return [m.state, _iso(m.done_on), *extra, *notice]  # two parts, as before, where nothing else is used


def set_milestone(m: StoredMilestone, v: Value) -> None:
    m.state, m.done_on = v[0], date.fromisoformat(v[1]) if v[1] else None
    # Values from before exemptions and clock times have two parts, from before underretning four.
    m.done_at = datetime.fromisoformat(v[2]) if len(v) > 2 and v[2] else None
    m.exempt_reason = v[3] if len(v) > 3 else ""
    m.notice_sent_on = date.fromisoformat(v[4]) if len(v) > 4 and v[4] else None


def trigger_value(t: StoredTrigger | None) -> Value:
    return None if t is None else [t.occurred_on.isoformat(), _iso(t.occurred_at)]


def pause_value(p: StoredPause) -> Value:
    return [_iso(p.start_on), _iso(p.end_on), p.reason, str(p.milestone_id) if p.milestone_id else None,
            _iso(p.expected_end_on)]


def set_pause(p: StoredPause, v: Value) -> None:
    import uuid

    p.start_on = date.fromisoformat(v[0])
    p.end_on = date.fromisoformat(v[1]) if v[1] else None
    p.reason = v[2]
    p.milestone_id = uuid.UUID(v[3]) if v[3] else None
    p.expected_end_on = date.fromisoformat(v[4]) if len(v) > 4 and v[4] else None  # older values have 4 parts


# ---------------------------------------------------------------- the merge
def merge_case(base: StoredCase, server: StoredCase, laptop: StoredCase, *, distrust: bool = False) -> MergeResult:
    merged = copy.deepcopy(server)
    result = MergeResult(merged)

    def decide(record: str, key: str, name: str, b: Value, s: Value, lap: Value) -> bool:
        """True when the laptop's value is to be applied."""
        if lap in (b, s):
            return False
        if s == b and not distrust and lap != DELETED:  # nothing is deleted: a missing record is a conflict
            result.applied.append((record, key, name, s, lap))
            return True
        result.conflicts.append(FieldConflict(record, key, name, b, s, lap))
        return False

    for name, (get, put) in CASE_FIELDS.items():
        if decide("case", "", name, get(base), get(server), get(laptop)):
            put(merged, get(laptop))

    base_ms = {m.rule_id: m for m in base.milestones}
    merged_ms = {m.rule_id: m for m in merged.milestones}
    lap_ms = {m.rule_id: m for m in laptop.milestones}
    for rule_id, gone in base_ms.items():
        if rule_id not in lap_ms:
            kept = merged_ms.get(rule_id)
            result.conflicts.append(FieldConflict("milestone", rule_id, "done", milestone_value(gone),
                                                  milestone_value(kept) if kept else None, DELETED))  # fmt: skip
    for rule_id, lm in lap_ms.items():
        sm = merged_ms.get(rule_id)
        bm = base_ms.get(rule_id)
        if sm is None:  # the laptop has a milestone the server lacks (a catalogue that gained one)
            merged.milestones.append(copy.deepcopy(lm))
            result.applied.append(("milestone", rule_id, "done", None, milestone_value(lm)))
            continue
        b = milestone_value(bm) if bm else milestone_value(sm)
        if decide("milestone", rule_id, "done", b, milestone_value(sm), milestone_value(lm)):
            set_milestone(sm, milestone_value(lm))

    for kind in sorted({t.kind for t in (*base.triggers, *server.triggers, *laptop.triggers)}):
        b, s, lap = (trigger_value(c.trigger(kind)) for c in (base, merged, laptop))
        if lap is None and b is not None:
            lap = DELETED
        if decide("trigger", kind, "when", b, s, lap):
            st = merged.trigger(kind)
            lt = laptop.trigger(kind)
            assert lt is not None
            if st is None:
                merged.triggers.append(StoredTrigger(lt.kind, lt.occurred_on, lt.occurred_at, lt.id))
            else:
                st.occurred_on, st.occurred_at = lt.occurred_on, lt.occurred_at

    _keep_closure_whole(result, server)
    _keep_promises_with_decisions(result)

    base_p = {p.id: p for p in base.pauses}
    merged_p = {p.id: p for p in merged.pauses}
    for pid, bp in base_p.items():
        if pid not in {p.id for p in laptop.pauses}:
            sp = merged_p.get(pid)
            result.conflicts.append(FieldConflict("pause", str(pid), "pause", pause_value(bp),
                                                  pause_value(sp) if sp else None, DELETED))  # fmt: skip
    for lp in laptop.pauses:
        sp = merged_p.get(lp.id)
        if sp is None:
            if lp.id in base_p:  # the server lost a pause the base had: nobody deletes; say so
                result.conflicts.append(FieldConflict("pause", str(lp.id), "pause", pause_value(base_p[lp.id]),
                                                      None, pause_value(lp)))  # fmt: skip
            elif distrust:
                result.conflicts.append(FieldConflict("pause", str(lp.id), "pause", None, None, pause_value(lp)))
            else:
                merged.pauses.append(copy.deepcopy(lp))
                result.applied.append(("pause", str(lp.id), "pause", None, pause_value(lp)))
            continue
        b = pause_value(base_p[lp.id]) if lp.id in base_p else pause_value(sp)
        if decide("pause", str(lp.id), "pause", b, pause_value(sp), pause_value(lp)):
            set_pause(sp, pause_value(lp))
    return result


def _keep_closure_whole(result: MergeResult, server: StoredCase) -> None:
    """Closing a case lapses its open milestones and reopening revives them: one fact with the case's status.
    A laptop's close or reopen that did not win (a status conflict) takes its milestone changes back with it;
    a milestone the laptop reopened in a case that stays closed is a conflict of its own, not an open
    milestone in a closed case."""
    merged = result.merged
    before = {m.rule_id: milestone_value(m) for m in server.milestones}
    conflicted = {(c.record, c.key) for c in result.conflicts}
    kept = []
    for entry in result.applied:
        record, key, _field, was, now = entry
        m = next((x for x in merged.milestones if x.rule_id == key), None) if record == "milestone" else None
        if m is None or key not in before:
            kept.append(entry)
            continue
        lapse = {was[0], now[0]} == {"open", "not_applicable"}
        if (merged.status == "closed" and m.state == "open") or (lapse and merged.status == "open"
                                                                   and m.state == "not_applicable"):  # fmt: skip
            set_milestone(m, before[key])
            if not lapse and ("milestone", key) not in conflicted:
                result.conflicts.append(FieldConflict("milestone", key, "done", was, was, now))
            continue
        kept.append(entry)
    result.applied[:] = kept


def _keep_promises_with_decisions(result: MergeResult) -> None:
    """A "Forventet afgørelse" follows its decision (services/notices.py): a promise the laptop added or kept
    open while the merged decision is done, exempt or lapsed (the server's side won, or the case is closed)
    takes the decision's end, as it would have on one database."""
    merged = result.merged
    by_rule = {m.rule_id: m for m in merged.milestones}
    for m in merged.milestones:
        decision = by_rule.get(m.rule_id.removesuffix(PROMISE_SUFFIX)) if m.rule_id.endswith(PROMISE_SUFFIX) else None
        if decision is None or m.state != "open":
            continue
        was = milestone_value(m)
        if decision.state == "done":
            m.state, m.done_on, m.done_at = "done", decision.done_on, None
            m.done_late = bool(m.due_on and m.done_on and m.done_on > m.due_on)
        elif decision.state == "exempt":
            m.state, m.exempt_reason = "exempt", f"{decision.exempt_reason} (følger af afgørelsen)"
        elif decision.state == "not_applicable" or merged.status == "closed":
            m.state = "not_applicable"
        else:
            continue
        result.applied.append(("milestone", m.rule_id, "done", was, milestone_value(m)))


def encode(value: Value) -> str:
    return json.dumps(value, ensure_ascii=False)


def decode(text: str) -> Value:
    return json.loads(text) if text else None
