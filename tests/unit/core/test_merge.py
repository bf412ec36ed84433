"""The three-way merge as worked examples, one per rule (docs/merge-rules.md)."""

from __future__ import annotations

import copy
from datetime import date

from jobcenter_desktop.core.merge import DELETED, merge_case
from jobcenter_desktop.core.models import Party
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.stored import (
    StoredCase,
    StoredMilestone,
    StoredPause,
    StoredTrigger,
    case_from_json,
    case_to_json,
)

D1, D2, D3 = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def _base() -> StoredCase:
    return StoredCase(number="2026-00001", group="dagpenge", catalogue_id="k", caseworker="anna.k", team="Team Vest",
                      party=Party(PartyKind.CITIZEN, "Fiktiv", "010190-1235"), opened_on=D1, notes="start",
                      version=3, milestones=[StoredMilestone("a"), StoredMilestone("b")],
                      triggers=[StoredTrigger("ledigmelding", D1)])  # fmt: skip


def _three() -> tuple[StoredCase, StoredCase, StoredCase]:
    b = _base()
    return b, copy.deepcopy(b), copy.deepcopy(b)


def test_one_side_changed_takes_that_side() -> None:
    b, s, lap = _three()
    lap.notes = "fra den bærbare"
    s.milestones[1].state, s.milestones[1].done_on = "done", D2
    r = merge_case(b, s, lap)
    assert r.merged.notes == "fra den bærbare" and r.merged.milestones[1].done_on == D2 and not r.conflicts
    assert r.applied == [("case", "", "notes", "start", "fra den bærbare")]


def test_both_changed_alike_is_fine_and_differently_is_a_conflict_where_the_server_stands() -> None:
    b, s, lap = _three()
    s.notes = lap.notes = "det samme"
    s.milestones[0].state, s.milestones[0].done_on = "done", D2
    lap.milestones[0].state, lap.milestones[0].done_on = "done", D3
    r = merge_case(b, s, lap)
    assert r.merged.notes == "det samme" and r.merged.milestones[0].done_on == D2
    [c] = r.conflicts
    assert (c.record, c.key, c.field, c.server, c.laptop) == ("milestone", "a", "done", ["done", D2.isoformat()],
                                                              ["done", D3.isoformat()])  # fmt: skip


def test_a_completion_is_one_fact_never_half_of_each() -> None:
    b, s, lap = _three()
    b.milestones[0].state, b.milestones[0].done_on = "done", D1
    s.milestones[0].state, s.milestones[0].done_on = "done", D2  # the office corrected the day …
    lap.milestones[0].state, lap.milestones[0].done_on = "open", None  # … the laptop undid it
    r = merge_case(b, s, lap)
    m = r.merged.milestones[0]
    assert (m.state, m.done_on) == ("done", D2) and len(r.conflicts) == 1


def test_both_sides_pauses_are_kept_and_a_missing_record_is_a_conflict_not_a_deletion() -> None:
    b, s, lap = _three()
    b.pauses = [StoredPause(D1, reason="gammel")]
    s.pauses = [*copy.deepcopy(b.pauses), StoredPause(D2, reason="kontoret")]
    lap.pauses = [StoredPause(D3, reason="ude")]  # the base's pause is gone on the laptop
    r = merge_case(b, s, lap)
    assert {p.reason for p in r.merged.pauses} == {"gammel", "kontoret", "ude"}
    [c] = r.conflicts
    assert c.record == "pause" and c.laptop == DELETED


def test_triggers_merge_by_kind_and_a_lost_laptop_applies_nothing() -> None:
    b, s, lap = _three()
    lap.triggers.append(StoredTrigger("anden", D2))
    lap.notes = "skrevet på den tabte"
    r = merge_case(b, s, lap)
    assert r.merged.trigger("anden") is not None and r.merged.notes == "skrevet på den tabte"
    lost = merge_case(b, s, lap, distrust=True)
    assert lost.merged.trigger("anden") is None and lost.merged.notes == "start" and len(lost.conflicts) == 2


def test_a_case_survives_its_json_base_copy() -> None:
    b = _base()
    b.pauses = [StoredPause(D1, b.milestones[0].id, D2, "Sygdom")]
    b.milestones[0].done_on = D3
    assert case_from_json(case_to_json(b)) == b


def _with_decision() -> tuple[StoredCase, StoredCase, StoredCase]:
    b = _base()
    b.milestones.append(StoredMilestone("fj_afgoerelse", due_on=D2))
    return b, copy.deepcopy(b), copy.deepcopy(b)


def test_a_notice_from_the_laptop_merges_with_its_promise_and_first_day() -> None:
    b, s, lap = _with_decision()
    decision = next(m for m in lap.milestones if m.rule_id == "fj_afgoerelse")
    decision.notice_sent_on = D1
    lap.milestones.append(StoredMilestone("fj_afgoerelse_forventet", due_on=date(2027, 1, 15)))
    lap.triggers.append(StoredTrigger("fj_afgoerelse_lovet", date(2027, 1, 15)))
    r = merge_case(b, s, lap)
    merged = {m.rule_id: m for m in r.merged.milestones}
    assert merged["fj_afgoerelse"].notice_sent_on == D1 and merged["fj_afgoerelse_forventet"].state == "open"
    assert r.merged.trigger("fj_afgoerelse_lovet") is not None and not r.conflicts


def test_a_laptops_promise_follows_a_decision_the_server_made_meanwhile() -> None:
    b, s, lap = _with_decision()
    next(m for m in s.milestones if m.rule_id == "fj_afgoerelse").state = "done"
    next(m for m in s.milestones if m.rule_id == "fj_afgoerelse").done_on = D3
    lap_decision = next(m for m in lap.milestones if m.rule_id == "fj_afgoerelse")
    lap_decision.notice_sent_on = D1
    lap.milestones.append(StoredMilestone("fj_afgoerelse_forventet", due_on=D2))
    lap.triggers.append(StoredTrigger("fj_afgoerelse_lovet", D2))
    r = merge_case(b, s, lap)
    merged = {m.rule_id: m for m in r.merged.milestones}
    assert merged["fj_afgoerelse"].state == "done"  # the server's decision stands (a conflict over the notice)
    promise = merged["fj_afgoerelse_forventet"]
    assert (promise.state, promise.done_on, promise.done_late) == ("done", D3, True)  # never open on a decision
    # and in a case the server closed, the laptop's promise lapses with the rest
    b, s, lap = _with_decision()
    s.status, s.closed_on = "closed", D3
    for m in s.milestones:
        m.state = "not_applicable"
    lap.milestones.append(StoredMilestone("fj_afgoerelse_forventet", due_on=D2))
    r = merge_case(b, s, lap)
    assert {m.rule_id: m.state for m in r.merged.milestones}["fj_afgoerelse_forventet"] == "not_applicable"
