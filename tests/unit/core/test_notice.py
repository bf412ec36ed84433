"""The underretning flag (retssikkerhedsloven § 3, stk. 2) on a Danish working-day calendar: worked examples and a
property against counting working days one by one."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jobcenter_desktop.core.calendar import WorkingCalendar
from jobcenter_desktop.core.notice import (
    DEFAULT_NOTICE_DAYS,
    NOTICE_STYLES,
    NoticeState,
    long_date,
    notice_from,
    notice_state,
)

CAL = WorkingCalendar()
D = date


def state(today: date, due: date, **kw: object) -> NoticeState | None:
    args: dict[str, object] = {"watched": True, "open_": True, **kw}
    return notice_state(today=today, cal=CAL, due=due, **args)  # type: ignore[arg-type]


def test_worked_fleksjob_decision_due_friday_11_december_2026() -> None:
    due = D(2026, 12, 11)
    assert state(D(2026, 12, 3), due) is None  # 6 working days left
    assert state(D(2026, 12, 4), due) is NoticeState.DUE  # Mon 7 – Fri 11: 5 left
    assert state(D(2026, 12, 8), due) is NoticeState.DUE  # three working days before
    assert state(due, due) is NoticeState.DUE
    assert state(D(2026, 12, 12), due) is NoticeState.BREACH  # the Saturday after: passed without a notice
    assert notice_from(CAL, due) == D(2026, 12, 4)


def test_sent_in_time_late_or_not_at_all() -> None:
    due = D(2026, 12, 11)
    assert state(D(2026, 12, 14), due, sent_on=D(2026, 12, 11)) is NoticeState.SENT  # on the day is in time
    assert state(D(2026, 12, 14), due, sent_on=D(2026, 12, 12)) is NoticeState.SENT_LATE
    assert state(D(2027, 3, 1), due, sent_on=D(2026, 12, 1), open_=False) is NoticeState.SENT  # decided later
    assert state(D(2026, 12, 14), due, open_=False) is None  # decided (or dropped) without a notice: nothing due
    assert state(D(2026, 12, 8), due, paused=True) is None  # the clock stands still
    assert state(D(2026, 12, 8), due, watched=False) is None  # not a decision
    assert notice_state(today=D(2026, 12, 8), cal=CAL, watched=True, due=None, open_=True) is None


def test_christmas_counts_no_working_days() -> None:
    # Due Monday 4 January 2027. Not working days: 24 Dec (juleaftensdag, by default), 25 (juledag), 26–27
    # (weekend), 31 Dec (nytårsaftensdag, by default), 1 Jan (nytårsdag), 2–3 (weekend). From Tuesday 22 Dec the
    # five left are 23, 28, 29, 30 Dec and 4 Jan.
    due = D(2027, 1, 4)
    start = notice_from(CAL, due)
    assert start == D(2026, 12, 22)
    assert state(start - timedelta(days=1), due) is None
    assert state(start, due) is NoticeState.DUE


def test_every_flag_has_text_icon_and_symbol_not_colour_alone() -> None:
    for st_ in NoticeState:
        style = NOTICE_STYLES[st_]
        assert style.label and style.icon and style.symbol and style.color.startswith("#")
    assert NOTICE_STYLES[NoticeState.DUE].label == "Underretning mangler"


def test_long_date_in_danish() -> None:
    assert long_date(D(2026, 12, 11)) == "11. december 2026"
    assert long_date(D(2027, 3, 1)) == "1. marts 2027"


@given(today=st.dates(D(2025, 1, 1), D(2028, 12, 31)), span=st.integers(-40, 80), n=st.integers(0, 20))
def test_due_exactly_when_at_most_n_working_days_are_left(today: date, span: int, n: int) -> None:
    due = today + timedelta(days=span)
    left = sum(CAL.is_working_day(today + timedelta(days=k)) for k in range(1, span + 1))  # (today, due]
    expected = NoticeState.BREACH if today > due else (NoticeState.DUE if left <= n else None)
    assert state(today, due, notice_days=n) is expected
    if today <= due:  # the first day shown is where at most n are left, and the day before it has more
        first = notice_from(CAL, due, n)
        assert (first <= today) == (left <= n)


def test_default_is_five_working_days() -> None:
    assert DEFAULT_NOTICE_DAYS == 5


def test_a_promise_follows_its_decision_after_a_change_round_the_usual_actions(catalogue) -> None:
    from jobcenter_desktop.core.models import Party
    from jobcenter_desktop.core.notice import follow_decisions
    from jobcenter_desktop.core.rules import PartyKind
    from jobcenter_desktop.core.stored import StoredCase, StoredMilestone

    def case(decision_state: str, promise_state: str, status: str = "open") -> StoredCase:
        return StoredCase(number="2026-00001", group="fleksjob", catalogue_id=catalogue.id, caseworker="anna.k",
                          team="", party=Party(PartyKind.CITIZEN, "Fiktiv", "010190-1235"), opened_on=D(2026, 6, 11),
                          status=status, milestones=[
                              StoredMilestone("fj_afgoerelse", decision_state, due_on=D(2026, 12, 11),
                                              done_on=D(2027, 1, 20) if decision_state == "done" else None,
                                              exempt_reason="Trukket" if decision_state == "exempt" else ""),
                              StoredMilestone("fj_afgoerelse_forventet", promise_state, due_on=D(2027, 1, 15),
                                              done_on=D(2027, 1, 10) if promise_state == "done" else None),
                          ])  # fmt: skip

    def promise_after(c: StoredCase) -> tuple[str, object, bool, str]:
        follow_decisions(catalogue, c)
        p = c.milestones[1]
        return p.state, p.done_on, p.done_late, p.exempt_reason

    assert promise_after(case("done", "open")) == ("done", D(2027, 1, 20), True, "")
    assert promise_after(case("open", "done")) == ("open", None, False, "")  # the decision was undone
    assert promise_after(case("exempt", "open"))[3] == "Trukket (følger af »Afgørelse om fleksjobberettigelse«)"
    assert promise_after(case("not_applicable", "open", "closed"))[0] == "not_applicable"
    unchanged = case("open", "open")
    assert follow_decisions(catalogue, unchanged) == []
