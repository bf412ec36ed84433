"""core.stored.done_late: the one rule for "done after the deadline" that a completion, a laptop check-in and a
conflict decision all apply - to the minute for hours deadlines, by the day otherwise."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jobcenter_desktop.core.stored import StoredMilestone, case_from_json, case_to_json, done_late

DUE_AT = datetime(2026, 11, 3, 10, 0)


@pytest.mark.parametrize(("done_on", "done_at", "late"), [
    (date(2026, 11, 3), datetime(2026, 11, 3, 10, 0), False),  # at the due instant: on time
    (date(2026, 11, 3), datetime(2026, 11, 3, 10, 1), True),  # a minute after
    (date(2026, 11, 3), None, False),  # the day is all that is known: met
    (date(2026, 11, 4), None, True),
    (date(2026, 11, 2), datetime(2026, 11, 2, 23, 59), False),
])  # fmt: skip
def test_hours_deadlines_to_the_minute(done_on: date, done_at: datetime | None, late: bool) -> None:
    ms = StoredMilestone("ja_kontakt", state="done", due_on=DUE_AT.date(), due_at=DUE_AT, done_on=done_on,
                         done_at=done_at)  # fmt: skip
    assert done_late(ms) is late


def test_day_deadlines_by_the_day() -> None:
    ms = StoredMilestone("kh_ydelse", state="done", due_on=date(2026, 11, 9), done_on=date(2026, 11, 9))
    assert not done_late(ms)
    ms.done_on = date(2026, 11, 10)
    assert done_late(ms)
    assert not done_late(StoredMilestone("kh_ydelse"))  # not done: not late


def test_done_at_and_exempt_reason_survive_a_laptops_base_copy() -> None:
    from jobcenter_desktop.core.models import Party
    from jobcenter_desktop.core.rules import PartyKind
    from jobcenter_desktop.core.stored import StoredCase

    case = StoredCase(number="2026-00001", group="jobaabninger", catalogue_id="albertslund-2016",
                      party=Party(PartyKind.COMPANY, "Fiktiv ApS", "11111111"), caseworker="anna.k", team="",
                      opened_on=date(2026, 11, 2), notes="",
                      milestones=[StoredMilestone("ja_kontakt", state="done", due_on=DUE_AT.date(), due_at=DUE_AT,
                                                  done_on=DUE_AT.date(), done_at=DUE_AT),
                                  StoredMilestone("ja_henvisning", state="exempt",
                                                  exempt_reason="Lukket")])  # fmt: skip
    back = case_from_json(case_to_json(case))
    assert back.milestones[0].done_at == DUE_AT and back.milestones[1].exempt_reason == "Lukket"
