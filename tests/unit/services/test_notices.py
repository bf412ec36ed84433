"""Underretning (retssikkerhedsloven § 3, stk. 2) through the services layer, on both databases: worked
scenarios where the right answer is known by hand.

A fleksjob case started Thursday 11 June 2026: fj_afgoerelse (+6 months) is due Friday 11 December 2026. With the
default 5 working days, "Underretning mangler" shows from Friday 4 December (Mon 7 – Fri 11 are the 5 days left);
on Thursday 3 December 6 are left and nothing shows.
"""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter_desktop.core.models import CaseRecord, DeadlineFilter, DeadlineRow, MilestoneState
from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError

D = date
STARTED = D(2026, 6, 11)
DUE = D(2026, 12, 11)
PROMISE = "fj_afgoerelse_forventet"


def _case(app: Frister, started: date = STARTED, ident: str = "110690-4321") -> CaseRecord:
    return app.cases.register(NewCase("fleksjob", "Fie Fleksen", ident, {"sag_paabegyndt": started}),
                              started)  # fmt: skip


def _ms(case: CaseRecord, rule_id: str):  # type: ignore[no-untyped-def]
    return next(m for m in case.milestones if m.rule_id == rule_id)


def _rows(app: Frister, case: CaseRecord, today: date) -> dict[str, DeadlineRow]:
    rows = app.deadlines.list(DeadlineFilter(case_id=case.id, include_done=True), today)
    return {r.rule_id: r for r in rows}


def test_due_from_five_working_days_before_the_deadline(app: Frister) -> None:
    case = _case(app)
    assert _ms(case, "fj_afgoerelse").due == DUE
    assert _rows(app, case, D(2026, 12, 3))["fj_afgoerelse"].notice is None
    for today in (D(2026, 12, 4), D(2026, 12, 6), D(2026, 12, 8), DUE):  # the weekend too: Friday is near
        assert _rows(app, case, today)["fj_afgoerelse"].notice is NoticeState.DUE, today
    # after the deadline without a notice it is a breach of § 3, stk. 2, not only overdue
    row = _rows(app, case, D(2026, 12, 14))["fj_afgoerelse"]
    assert (row.urgency, row.notice) == (Urgency.OVERDUE, NoticeState.BREACH)
    # no promise row before any notice
    assert PROMISE not in {m.rule_id for m in app.cases.get(case.id).milestones}


def test_notice_days_is_a_setting(app: Frister, backend) -> None:  # type: ignore[no-untyped-def]
    case = _case(app)
    admin = backend.open("adam.a") if backend.kind == "postgresql" else app  # the team's settings: admins only
    admin.settings.set_notice_days(10)
    app.ctx.invalidate()
    assert _rows(app, case, D(2026, 11, 27))["fj_afgoerelse"].notice is NoticeState.DUE  # 10 left
    assert _rows(app, case, D(2026, 11, 26))["fj_afgoerelse"].notice is None  # 11 left
    with pytest.raises(ValidationError, match="0–60"):
        admin.settings.set_notice_days(61)


def test_sent_in_time_makes_a_promise_that_is_a_deadline_of_its_own(app: Frister) -> None:
    case = _case(app)
    decision = _ms(case, "fj_afgoerelse")
    after = app.notices.record(decision.id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    assert _ms(after, "fj_afgoerelse").notice_sent_on == D(2026, 12, 8)
    promise = _ms(after, PROMISE)
    assert (promise.state, promise.due) == (MilestoneState.OPEN, D(2027, 1, 15))
    rows = _rows(app, after, D(2026, 12, 8))
    assert rows["fj_afgoerelse"].notice is NoticeState.SENT
    assert (rows[PROMISE].urgency, rows[PROMISE].notice) == (Urgency.LATER, None)
    assert rows[PROMISE].milestone_name == "Forventet afgørelse: Afgørelse om fleksjobberettigelse"
    # still sent in time once the deadline has passed; the decision itself is overdue
    rows = _rows(app, after, D(2026, 12, 15))
    assert (rows["fj_afgoerelse"].urgency, rows["fj_afgoerelse"].notice) == (Urgency.OVERDUE, NoticeState.SENT)
    # both days are audited
    entries = [e for e in app.audit(case.id) if e.action in ("notice", "trigger")]
    assert {(e.field, e.after) for e in entries} >= {("notice_sent_on", "2026-12-08"),
                                                     ("fj_afgoerelse_lovet", "2027-01-15")}  # fmt: skip


def test_sent_late(app: Frister) -> None:
    case = _case(app)
    assert _rows(app, case, D(2026, 12, 14))["fj_afgoerelse"].notice is NoticeState.BREACH
    app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 14), D(2027, 1, 15), D(2026, 12, 14))
    assert _rows(app, case, D(2026, 12, 14))["fj_afgoerelse"].notice is NoticeState.SENT_LATE


def test_a_promise_that_slips_is_flagged_again_and_gets_a_new_notice(app: Frister) -> None:
    case = _case(app)
    app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    assert _rows(app, case, D(2027, 1, 7))[PROMISE].notice is None  # Fri 8 – Fri 15: 6 working days left
    assert _rows(app, case, D(2027, 1, 8))[PROMISE].notice is NoticeState.DUE  # Mon 11 – Fri 15: 5
    late = _rows(app, case, D(2027, 1, 18))[PROMISE]
    assert (late.urgency, late.notice) == (Urgency.OVERDUE, NoticeState.BREACH)
    # a new notice moves the promise; the first notice stays what the law's deadline is held against
    after = app.notices.record(late.milestone_id, D(2027, 1, 18), D(2027, 2, 12), D(2027, 1, 18))
    assert _ms(after, PROMISE).due == D(2027, 2, 12)
    assert _ms(after, "fj_afgoerelse").notice_sent_on == D(2026, 12, 8)
    row = _rows(app, case, D(2027, 1, 18))[PROMISE]
    assert (row.urgency, row.notice) == (Urgency.LATER, None)
    with pytest.raises(ServiceError, match="allerede lovet"):
        app.notices.record(late.milestone_id, D(2027, 1, 18), D(2027, 2, 12), D(2027, 1, 18))


def test_a_pause_moves_the_deadline_so_no_notice_is_due_yet(app: Frister) -> None:
    case = _case(app)
    app.cases.pause(case.id, D(2026, 12, 1), "Afventer lægeerklæring", D(2026, 12, 1))
    row = _rows(app, case, D(2026, 12, 8))["fj_afgoerelse"]
    assert (row.urgency, row.notice) == (Urgency.PAUSED, None)
    resumed = app.cases.resume(case.id, D(2026, 12, 8), D(2026, 12, 8))  # 5 working days paused: Dec 1 – 7
    assert _ms(resumed, "fj_afgoerelse").due == D(2026, 12, 18)
    assert _rows(app, case, D(2026, 12, 10))["fj_afgoerelse"].notice is None  # 6 left
    assert _rows(app, case, D(2026, 12, 11))["fj_afgoerelse"].notice is NoticeState.DUE


def test_deciding_completes_the_promise_and_undoing_reopens_it(app: Frister) -> None:
    case = _case(app)
    decision = _ms(case, "fj_afgoerelse")
    after = app.notices.record(decision.id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    with pytest.raises(ServiceError, match="selve afgørelsen"):
        app.cases.complete(_ms(after, PROMISE).id, D(2027, 1, 10), D(2027, 1, 10))
    done = app.cases.complete(decision.id, D(2027, 1, 20), D(2027, 1, 20))
    promise = _ms(done, PROMISE)
    assert (promise.state, promise.done_on, promise.done_late) == (MilestoneState.DONE, D(2027, 1, 20), True)
    rows = _rows(app, case, D(2027, 1, 20))
    assert rows["fj_afgoerelse"].notice is NoticeState.SENT
    undone = app.cases.undo_complete(decision.id, D(2027, 1, 20))
    assert _ms(undone, PROMISE).state is MilestoneState.OPEN


def test_exempting_the_decision_exempts_its_promise(app: Frister) -> None:
    case = _case(app)
    after = app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    exempt = app.cases.exempt(_ms(after, "fj_afgoerelse").id, "Ansøgningen trukket tilbage")
    assert _ms(exempt, PROMISE).state is MilestoneState.EXEMPT
    back = app.cases.unexempt(_ms(after, "fj_afgoerelse").id)
    assert _ms(back, PROMISE).state is MilestoneState.OPEN


@pytest.mark.parametrize(("sent", "expected", "today", "match"), [
    (D(2026, 12, 9), D(2027, 1, 15), D(2026, 12, 8), "fremtiden"),
    (D(2026, 12, 8), D(2026, 12, 11), D(2026, 12, 8), "efter fristen"),
    (D(2026, 12, 8), D(2026, 12, 1), D(2026, 12, 8), "efter fristen"),
])  # fmt: skip
def test_bad_dates_are_refused_in_danish(app: Frister, sent: date, expected: date, today: date, match: str) -> None:
    case = _case(app)
    with pytest.raises(ValidationError, match=match):
        app.notices.record(_ms(case, "fj_afgoerelse").id, sent, expected, today)
    assert _ms(app.cases.get(case.id), "fj_afgoerelse").notice_sent_on is None  # nothing stored


def test_only_open_decisions_get_a_notice(app: Frister) -> None:
    ja = app.cases.register(NewCase("kontanthjaelp", "Kim K", "020290-1234", {"foerste_fremmoede": STARTED}), STARTED)
    with pytest.raises(ServiceError, match="ikke en afgørelse"):
        app.notices.record(_ms(ja, "kh_visitation").id, STARTED, D(2026, 7, 1), STARTED)
    with pytest.raises(ServiceError, match="ikke startet"):  # § 34 not applied for
        app.notices.record(_ms(ja, "kh_sps34").id, STARTED, D(2026, 7, 1), STARTED)
    case = _case(app)
    app.cases.complete(_ms(case, "fj_afgoerelse").id, D(2026, 12, 1), D(2026, 12, 1))
    with pytest.raises(ServiceError, match="ikke åben"):
        app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 2), D(2027, 1, 15), D(2026, 12, 2))


# ---------------------------------------------------------------- the letter
def test_draft_fills_the_template_masks_the_cpr_and_is_audited(app: Frister, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.export.notice_docx import letter_text

    case = _case(app)
    out = tmp_path / "brev.docx"
    app.notices.draft(_ms(case, "fj_afgoerelse").id, expected=D(2027, 1, 15), today=D(2026, 12, 8), target=out,
                      reason="Vi venter på en lægeerklæring fra din egen læge.")  # fmt: skip
    text = letter_text(out)
    assert "{{" not in text and "}}" not in text
    for part in ("Fie Fleksen", case.number, "Afgørelse om fleksjobberettigelse", "6 måneder",
                 "11. december 2026", "15. januar 2027", "8. december 2026", "sag påbegyndt 11. juni 2026",
                 "Vi venter på en lægeerklæring", "[Adresse]", "110690-XXXX", "§ 3, stk. 2", "anna.k"):  # fmt: skip
        assert part in text, part
    assert "4321" not in text  # the CPR serial is masked
    drafts = [e for e in app.audit(case.id) if e.action == "notice_draft"]
    assert len(drafts) == 1 and "lægeerklæring" not in drafts[0].reason  # that one was made, not its text
    assert "fuldt CPR" not in drafts[0].reason
    # the full CPR only when asked, and the audit says so
    app.notices.draft(_ms(case, "fj_afgoerelse").id, expected=D(2027, 1, 15), today=D(2026, 12, 8), target=out,
                      reason="Lægeerklæring mangler.", show_cpr=True)  # fmt: skip
    assert "110690-4321" in letter_text(out)
    assert [e.reason for e in app.audit(case.id) if e.action == "notice_draft"][-1].endswith("med fuldt CPR-nr.")


def test_a_draft_never_goes_into_the_apps_own_folders(app: Frister) -> None:
    from jobcenter_desktop import paths

    case = _case(app)
    own = paths.data_dir() / "brev.docx"
    own.parent.mkdir(parents=True, exist_ok=True)
    with pytest.raises(ValidationError, match="programmets egne mapper"):
        app.notices.draft(_ms(case, "fj_afgoerelse").id, expected=D(2027, 1, 15), today=D(2026, 12, 8),
                          target=own, reason="Lægeerklæring mangler.")  # fmt: skip
    assert not own.exists()
    assert not [e for e in app.audit(case.id) if e.action == "notice_draft"]


@pytest.mark.parametrize(("name", "reason", "expected", "match"), [
    ("brev.txt", "Lægeerklæring mangler.", D(2027, 1, 15), ".docx"),
    ("brev.docx", "   ", D(2027, 1, 15), "Begrundelsen"),
    ("brev.docx", "Lægeerklæring mangler.", D(2026, 12, 10), "efter fristen"),
    ("mappe-findes-ikke/brev.docx", "Lægeerklæring mangler.", D(2027, 1, 15), "Mappen findes ikke"),
])  # fmt: skip
def test_bad_draft_input_is_refused_and_writes_nothing(app: Frister, tmp_path, name, reason, expected,  # type: ignore[no-untyped-def]
                                                       match) -> None:  # fmt: skip
    case = _case(app)
    folder = tmp_path / "breve"
    folder.mkdir()
    with pytest.raises((ValidationError, ServiceError), match=match):
        app.notices.draft(_ms(case, "fj_afgoerelse").id, expected=expected, today=D(2026, 12, 8),
                          target=folder / name, reason=reason)  # fmt: skip
    assert list(folder.iterdir()) == []
    assert not [e for e in app.audit(case.id) if e.action == "notice_draft"]


def test_a_municipalitys_own_template_is_checked_and_used(app: Frister, backend, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    from jobcenter_desktop.export.notice_docx import REQUIRED, letter_text

    admin = backend.open("adam.a") if backend.kind == "postgresql" else app
    broken = tmp_path / "egen.docx"
    doc = Document()
    for name in REQUIRED:
        if name != "forventet_dato":
            doc.add_paragraph("Kolding Kommune: {{ " + name + " }}")
    doc.save(str(broken))
    with pytest.raises(ValidationError, match=r"mangler feltet \{\{ forventet_dato \}\}"):
        admin.settings.set_notice_template(str(broken))
    assert admin.settings.notice_template() == ""  # nothing changed
    doc.add_paragraph("Forventet: {{ forventet_dato }}")
    doc.save(str(broken))
    admin.settings.set_notice_template(str(broken))
    case = _case(app)
    out = tmp_path / "brev.docx"
    app.notices.draft(_ms(case, "fj_afgoerelse").id, expected=D(2027, 1, 15), today=D(2026, 12, 8), target=out,
                      reason="Sagen kræver en udtalelse.")  # fmt: skip
    text = letter_text(out)
    assert "Kolding Kommune" in text and "Forventet: 15. januar 2027" in text and "{{" not in text


# ---------------------------------------------------------------- the team lead's figures
def test_the_figures_count_decisions_on_time_notified_in_time_and_not_notified(app: Frister) -> None:
    from datetime import datetime

    from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod
    from jobcenter_desktop.services.worklist import Scope

    today = D(2026, 12, 21)
    a, b, c, d = (_case(app, ident=f"11069{k}-4321") for k in range(4))
    app.cases.complete(_ms(a, "fj_afgoerelse").id, D(2026, 12, 10), D(2026, 12, 10))  # on time
    app.notices.record(_ms(b, "fj_afgoerelse").id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))  # in time
    app.notices.record(_ms(d, "fj_afgoerelse").id, D(2026, 12, 14), D(2027, 1, 15), D(2026, 12, 14))  # late
    del c  # no notice at all: a breach
    table = app.kpi.table(KpiPeriod.month(2026, 12), Breakdown.MILESTONE, Scope(everyone=True), today,
                          datetime(2026, 12, 21, 12))  # fmt: skip
    row = next(r for r in table.rows if r.key == "fj_afgoerelse")
    assert (row.on_time, row.overdue) == (1, 3)
    assert (row.decisions_on_time, row.notified_in_time, row.not_notified) == (1, 1, 2)
    assert (table.total.notified_in_time, table.total.not_notified) == (1, 2)
    assert row.as_json()["notified_in_time"] == 1 and row.as_json()["not_notified"] == 2
    # the promises are deadlines of their own, in the month they fall in
    jan = app.kpi.table(KpiPeriod.month(2027, 1), Breakdown.MILESTONE, Scope(everyone=True), D(2027, 1, 20),
                        datetime(2027, 1, 20, 12))  # fmt: skip
    assert {r.key: r.overdue for r in jan.rows}["fj_afgoerelse_forventet"] == 2


def test_the_calendar_marks_the_days_with_an_underretning_missing(app: Frister) -> None:
    case = _case(app)
    _case(app, D(2026, 6, 12), ident="120690-4321")  # due Mon 14 Dec: 4 working days after Tue 8 Dec
    f = DeadlineFilter()
    assert app.deadlines.notice_days(D(2026, 11, 1), D(2027, 2, 28), f, D(2026, 12, 3)) == {}
    days = app.deadlines.notice_days(D(2026, 11, 1), D(2027, 2, 28), f, D(2026, 12, 8))
    assert days == {DUE: NoticeState.DUE, D(2026, 12, 14): NoticeState.DUE}
    app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    assert app.deadlines.notice_days(D(2026, 11, 1), D(2027, 2, 28), f, D(2026, 12, 8)) == {
        D(2026, 12, 14): NoticeState.DUE}
    assert app.deadlines.notice_days(D(2026, 11, 1), D(2027, 2, 28), f, D(2026, 12, 15)) == {
        D(2026, 12, 14): NoticeState.BREACH}


# ---------------------------------------------------------------- what a review found
def test_the_promise_is_undone_only_with_its_decision(app: Frister) -> None:
    case = _case(app)
    decision = _ms(case, "fj_afgoerelse")
    after = app.notices.record(decision.id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    done = app.cases.complete(decision.id, D(2027, 1, 10), D(2027, 1, 10))
    with pytest.raises(ServiceError, match="Fortryd selve afgørelsen"):
        app.cases.undo_complete(_ms(after, PROMISE).id, D(2027, 1, 10))
    assert _ms(app.cases.get(case.id), PROMISE).state is MilestoneState.DONE
    assert _ms(done, PROMISE).done_late is False  # decided before the promised day


def test_the_first_notice_is_the_earliest_and_dates_are_checked(app: Frister) -> None:
    case = _case(app)
    decision = _ms(case, "fj_afgoerelse")
    app.notices.record(decision.id, D(2026, 12, 14), D(2027, 1, 15), D(2026, 12, 14))  # typed a day late
    fixed = app.notices.record(decision.id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 14))  # the right day,
    assert _ms(fixed, "fj_afgoerelse").notice_sent_on == D(2026, 12, 8)  # the same promise: only the day moves
    assert _ms(fixed, PROMISE).due == D(2027, 1, 15)
    assert _rows(app, case, D(2026, 12, 14))["fj_afgoerelse"].notice is NoticeState.SENT
    with pytest.raises(ServiceError, match="allerede lovet"):  # nothing new at all
        app.notices.record(decision.id, D(2026, 12, 10), D(2027, 1, 15), D(2026, 12, 14))
    later = app.notices.record(decision.id, D(2026, 12, 15), D(2027, 1, 22), D(2026, 12, 15))  # a new promise
    assert _ms(later, "fj_afgoerelse").notice_sent_on == D(2026, 12, 8)
    reasons = [e.reason for e in app.audit(case.id) if e.action == "notice"]
    assert reasons == ["Underretning sendt", "Første underretning rettet", "Ny underretning sendt"]
    with pytest.raises(ValidationError, match="før ansøgningen"):
        app.notices.record(decision.id, D(2026, 6, 10), D(2027, 1, 29), D(2026, 12, 15))
    with pytest.raises(ValidationError, match="ikke en arbejdsdag"):  # Saturday 23 January 2027
        app.notices.record(decision.id, D(2026, 12, 15), D(2027, 1, 23), D(2026, 12, 15))


def test_a_pause_does_not_move_the_promised_day(app: Frister) -> None:
    case = _case(app)
    app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    app.cases.pause(case.id, D(2027, 1, 4), "Afventer lægeerklæring", D(2027, 1, 4))
    row = _rows(app, case, D(2027, 1, 12))[PROMISE]
    assert (row.due, row.urgency, row.notice) == (D(2027, 1, 15), Urgency.DUE_SOON, NoticeState.DUE)
    resumed = app.cases.resume(case.id, D(2027, 1, 12), D(2027, 1, 12))
    assert _ms(resumed, PROMISE).due == D(2027, 1, 15)  # the decision's own deadline moved; the promise did not
    assert app.recompute.preview() == []  # the bulk planner agrees with the per-case one


def test_a_soft_decision_counts_in_the_notice_figures(app: Frister) -> None:
    from datetime import datetime

    from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod
    from jobcenter_desktop.services.worklist import Scope

    # personlig assistance (soft: an expected time), applied for Mon 5 Oct 2026: +6 weeks, Mon 16 Nov
    app.cases.register(NewCase("handicap_erhverv", "Hans Hjælp", "050570-1111", {"ansoegning": D(2026, 10, 5)}),
                       D(2026, 10, 5))  # fmt: skip
    table = app.kpi.table(KpiPeriod.month(2026, 11), Breakdown.MILESTONE, Scope(everyone=True), D(2026, 11, 30),
                          datetime(2026, 11, 30, 12))  # fmt: skip
    row = next(r for r in table.rows if r.key == "hk_personlig_assistance")
    assert (row.soft, row.not_notified) == (1, 1)


def test_the_figures_count_a_paused_promise_that_passed_as_overdue(app: Frister) -> None:
    from datetime import datetime

    from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod
    from jobcenter_desktop.services.worklist import Scope

    case = _case(app)
    app.notices.record(_ms(case, "fj_afgoerelse").id, D(2026, 12, 8), D(2027, 1, 15), D(2026, 12, 8))
    app.cases.pause(case.id, D(2027, 1, 4), "Afventer lægeerklæring", D(2027, 1, 4))
    table = app.kpi.table(KpiPeriod.month(2027, 1), Breakdown.MILESTONE, Scope(everyone=True), D(2027, 1, 20),
                          datetime(2027, 1, 20, 12))  # fmt: skip
    row = next(r for r in table.rows if r.key == PROMISE)
    assert (row.overdue, row.not_yet_due) == (1, 0)  # the promised day passed; the pause does not hold it
    assert _rows(app, case, D(2027, 1, 20))[PROMISE].urgency is Urgency.OVERDUE  # as the worklist says


def test_the_calendar_never_marks_a_decided_milestone(app: Frister) -> None:
    case = _case(app)
    app.cases.complete(_ms(case, "fj_afgoerelse").id, D(2026, 12, 14), D(2026, 12, 14))  # late, no notice
    f = DeadlineFilter(case_id=case.id)  # every state of the case
    assert app.deadlines.notice_days(D(2026, 11, 1), D(2027, 2, 28), f, D(2026, 12, 15)) == {}
