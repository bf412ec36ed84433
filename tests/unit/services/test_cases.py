"""Case use cases on a real database: register, validate, complete, pause, triggers, reassign, close, audit.

Every expected date below is counted by hand on the Danish calendar:
* Mon 2 Mar 2026 is an ordinary week; Easter 2026: Skærtorsdag 2 Apr – Anden påskedag 6 Apr.
* Christmas 2025: 24 Dec (Juleaftensdag, off by default), 25–26 Dec helligdage, 27–28 Dec weekend,
  31 Dec (Nytårsaften, off by default), 1 Jan helligdag.
* May 2026: Thu 14 May Kristi himmelfartsdag, Mon 25 May Anden pinsedag.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jobcenter_desktop.core.models import CaseStatus, DeadlineFilter, MilestoneState
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError

MON_2_MAR = date(2026, 3, 2)


def _ms(case, rule_id):
    return next(m for m in case.milestones if m.rule_id == rule_id)


def _dues(case) -> dict[str, object]:
    return {m.rule_id: (m.due_at or m.due) for m in case.milestones}


def _entries(app: Frister, case_id, action: str):
    return [e for e in app.audit(case_id) if e.action == action]


# ---------------------------------------------------------------- register every group
D = date
REGISTER_CASES = [
    # group, party id as typed, initial trigger, {rule: due} counted from Mon 2 Mar 2026 (10:00 for hours)
    ("dagpenge", "010190-1235", "ledigmelding",
     {"dp_telefon": D(2026, 3, 9), "dp_samtale": D(2026, 3, 30), "dp_selvvalgt": None}),
    ("kontanthjaelp", "0101901235", "foerste_fremmoede",
     {"kh_visitation": D(2026, 3, 4), "kh_ydelse": D(2026, 3, 9), "kh_sps34": None}),
    ("uddannelseshjaelp", "010100-4321", "foerste_henvendelse",  # born 2000 (7th digit 4, year 00)
     {"uh_samtale": D(2026, 3, 4), "uh_ydelse": D(2026, 3, 9), "uh_sps34": None}),
    # Closed to new cases from 1 Feb 2026 (lov nr. 1750): registered from Mon 12 Jan 2026 instead. 3 months is
    # Sun 12 Apr 2026, rolled forward to Mon 13 Apr (2. påskedag was 6 Apr).
    ("revalidering", "150670-1234", "sag_paabegyndt", {"rev_afgoerelse": D(2026, 4, 13), "rev_forlaengelse": None}),
    ("fleksjob", "150670-1234", "sag_paabegyndt", {"fj_afgoerelse": D(2026, 9, 2)}),
    ("foertidspension", "290260-1234", "anmodning_vurdering", {"fp_afgoerelse": D(2026, 6, 2)}),  # 29 Feb 1960
    ("fastholdelse", "010190-1235", "foerste_henvendelse",
     {"fh_samtale": D(2026, 3, 9), "fh_moedetilbud": D(2026, 3, 16)}),
    ("handicap_erhverv", "010190-1235", "ansoegning",
     {"hk_hjaelpemiddel": D(2026, 3, 30), "hk_personlig_assistance": D(2026, 4, 13)}),
    # Closed from 1 Feb 2026 too: from Mon 12 Jan, 1 week = Mon 19 Jan, then 3 weeks = Mon 9 Feb.
    ("jobrotation", "12345678", "ansoegning_modtaget", {"jr_svar": D(2026, 1, 19), "jr_besaettelse": D(2026, 2, 9)}),
    ("jobaabninger", " 12345678 ", "henvendelse",
     {"ja_kontakt": datetime(2026, 3, 3, 10, 0), "ja_henvisning": D(2026, 3, 5)}),
    ("loentilskud", "87654321", "henvendelse",
     {"lt_kontakt": datetime(2026, 3, 3, 10, 0), "lt_henvisning": D(2026, 3, 5), "lt_samtale": D(2026, 3, 9),
      "lt_blanket": D(2026, 3, 23)}),
]  # fmt: skip
PROVISIONAL = {"fh_moedetilbud", "jr_besaettelse", "lt_blanket"}
CLOSED_FROM_FEB_2026 = {"revalidering", "jobrotation"}


@pytest.mark.parametrize(
    ("group", "party_id", "trigger", "expected"), REGISTER_CASES, ids=[c[0] for c in REGISTER_CASES]
)
def test_register_every_group(app: Frister, group: str, party_id: str, trigger: str, expected) -> None:
    needs_time = trigger == "henvendelse"
    start = D(2026, 1, 12) if group in CLOSED_FROM_FEB_2026 else MON_2_MAR
    when = datetime(2026, 3, 2, 10, 0) if needs_time else start
    case = app.cases.register(NewCase(group, "Testperson Jensen", party_id, {trigger: when}), MON_2_MAR)

    kind = app.catalogue.groups[group].party
    assert case.party.kind is kind
    digits = party_id.strip().replace("-", "")
    assert case.party.identifier == (digits if kind is PartyKind.COMPANY else f"{digits[:6]}-{digits[6:]}")
    assert case.number == "2026-00001"
    assert (case.status, case.opened_on, case.caseworker, case.team) == (CaseStatus.OPEN, MON_2_MAR, "anna.k",
                                                                        "Team Vest")  # fmt: skip
    assert _dues(case) == expected
    assert {m.rule_id for m in case.milestones if m.provisional} == PROVISIONAL & set(expected)
    assert all(m.state is MilestoneState.OPEN for m in case.milestones)
    # One "create" entry plus one "due" entry per milestone that got a date.
    create = _entries(app, case.id, "create")
    assert [(e.actor, e.entity, e.entity_id) for e in create] == [("anna.k", "case", "2026-00001")]
    assert "Testperson Jensen" in create[0].after
    dues = {e.entity_id.split("/")[1]: e.after for e in _entries(app, case.id, "due")}
    assert dues == {r: (v.strftime("%Y-%m-%dT%H:%M") if isinstance(v, datetime) else v.isoformat())
                    for r, v in expected.items() if v is not None}  # fmt: skip


def test_hours_trigger_keeps_its_clock_time_across_a_weekend(app: Frister) -> None:
    # Fri 19 Dec 2025 15:00 + 24 h = Sat 20 Dec 15:00 -> rolled to Mon 22 Dec 15:00.
    case = app.cases.register(NewCase("loentilskud", "Bageri Ærø ApS", "12345678",
                                      {"henvendelse": datetime(2025, 12, 19, 15, 0)}), date(2025, 12, 19))  # fmt: skip
    kontakt = _ms(case, "lt_kontakt")
    assert (kontakt.due, kontakt.due_at) == (date(2025, 12, 22), datetime(2025, 12, 22, 15, 0))
    assert case.triggers[0].occurred == datetime(2025, 12, 19, 15, 0)


# ---------------------------------------------------------------- validation
def _problems(app: Frister, new: NewCase, today: date = MON_2_MAR) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        app.cases.register(new, today)
    return [(p.field, p.message) for p in info.value.problems]


@pytest.mark.parametrize(
    ("new", "field", "message"),
    [
        pytest.param(NewCase("bistandshjaelp", "Åse Lund", "010190-1235", {"ledigmelding": MON_2_MAR}),
                     "group", "Ukendt målgruppe: 'bistandshjaelp'.", id="unknown-group"),
        pytest.param(NewCase("dagpenge", "Åse Lund", "320190-1235", {"ledigmelding": MON_2_MAR}),
                     "party_id", "CPR-nummeret indeholder ikke en gyldig fødselsdato.", id="cpr-bad-day"),
        pytest.param(NewCase("dagpenge", "Åse Lund", "290201-1234", {"ledigmelding": MON_2_MAR}),  # 29 Feb 1901
                     "party_id", "CPR-nummeret indeholder ikke en gyldig fødselsdato.", id="cpr-29-feb-non-leap"),
        pytest.param(NewCase("dagpenge", "Åse Lund", "01019-1235", {"ledigmelding": MON_2_MAR}),
                     "party_id", "CPR-nummeret skal have formen DDMMÅÅ-NNNN (10 cifre).", id="cpr-too-short"),
        pytest.param(NewCase("jobaabninger", "Bageri Ærø ApS", "1234567", {"henvendelse": datetime(2026, 3, 2, 10)}),
                     "party_id", "CVR-nummeret skal være præcis 8 cifre.", id="cvr-7-digits"),
        pytest.param(NewCase("jobaabninger", "Bageri Ærø ApS", "123456789", {"henvendelse": datetime(2026, 3, 2, 10)}),
                     "party_id", "CVR-nummeret skal være præcis 8 cifre.", id="cvr-9-digits"),
        pytest.param(NewCase("kontanthjaelp", "Åse Lund", "010190-1235", {}),
                     "trigger_foerste_fremmoede", "Dato for »Første fremmøde« mangler.", id="missing-initial-trigger"),
        pytest.param(NewCase("loentilskud", "Bageri Ærø ApS", "12345678", {"henvendelse": MON_2_MAR}),
                     "trigger_henvendelse", "Angiv også klokkeslæt: fristen regnes i timer.", id="hours-without-time"),
        pytest.param(NewCase("kontanthjaelp", "Åse Lund", "010190-1235",
                             {"foerste_fremmoede": MON_2_MAR, "ledigmelding": MON_2_MAR}),
                     "trigger_ledigmelding", "Hændelsen 'ledigmelding' hører ikke til målgruppen.",
                     id="foreign-trigger"),
        pytest.param(NewCase("kontanthjaelp", "   ", "010190-1235", {"foerste_fremmoede": MON_2_MAR}),
                     "party_name", "Navn mangler.", id="no-name"),
        pytest.param(NewCase("kontanthjaelp", "x" * 201, "010190-1235", {"foerste_fremmoede": MON_2_MAR}),
                     "party_name", "Navnet er for langt (højst 200 tegn, ikke 201).", id="name-too-long"),
        pytest.param(NewCase("kontanthjaelp", "Åse Lund", "010190-1235", {"foerste_fremmoede": date(1949, 12, 31)}),
                     "trigger_foerste_fremmoede", "Datoen skal ligge mellem 1950 og 2100.", id="date-out-of-range"),
    ],
)  # fmt: skip
def test_validation_problem_per_field(app: Frister, new: NewCase, field: str, message: str) -> None:
    assert _problems(app, new) == [(field, message)]
    assert app.audit() == []  # nothing was written
    with app.ctx.db.read() as s:
        from jobcenter_desktop.storage.repository import Repository

        assert Repository(s).list_cases(status=None) == []


def test_validation_collects_several_problems_at_once(app: Frister) -> None:
    problems = _problems(app, NewCase("kontanthjaelp", "", "999999-9999", {}))
    assert [f for f, _ in problems] == ["party_name", "party_id", "trigger_foerste_fremmoede"]


def test_duplicate_open_case_for_same_party_and_group_is_refused(app: Frister) -> None:
    first = app.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": MON_2_MAR}), MON_2_MAR)
    # Same person typed without the dash: still the same party.
    again = NewCase("dagpenge", "Åse Lund", "0202851234", {"ledigmelding": date(2026, 3, 3)})
    assert _problems(app, again) == [
        ("party_id", "Der er allerede en åben sag i målgruppen for denne part (sag 2026-00001).")]  # fmt: skip
    # Another group for the same person is fine ...
    app.cases.register(NewCase("fastholdelse", "Åse Lund", "020285-1234", {"foerste_henvendelse": MON_2_MAR}),
                       MON_2_MAR)  # fmt: skip
    # ... and so is a new dagpenge case once the first one is closed.
    app.cases.close(first.id, date(2026, 3, 3))
    assert app.cases.register(again, date(2026, 3, 3)).number == "2026-00003"


def test_far_away_dates_are_warnings_not_problems(app: Frister) -> None:
    result = app.cases.check(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": date(2024, 1, 2)}),
                             MON_2_MAR)  # fmt: skip
    assert result.ok
    assert [(w.field, w.message) for w in result.warnings] == [
        ("trigger_ledigmelding", "Datoen ligger mere end et år tilbage. Er den rigtig?")]  # fmt: skip


# ---------------------------------------------------------------- complete / undo
def test_complete_on_time_and_late_with_audit(app: Frister) -> None:
    # Thu 18 Dec 2025: kh_visitation 2 wd -> Mon 22 Dec; kh_ydelse 5 wd -> Tue 30 Dec.
    case = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235",
                                      {"foerste_fremmoede": date(2025, 12, 18)}), date(2025, 12, 18))  # fmt: skip
    visitation, ydelse = _ms(case, "kh_visitation"), _ms(case, "kh_ydelse")
    assert (visitation.due, ydelse.due) == (date(2025, 12, 22), date(2025, 12, 30))

    after = app.cases.complete(visitation.id, date(2025, 12, 23), date(2025, 12, 23))
    v = _ms(after, "kh_visitation")
    assert (v.state, v.done_on, v.done_late) == (MilestoneState.DONE, date(2025, 12, 23), True)
    after = app.cases.complete(ydelse.id, date(2025, 12, 30), date(2025, 12, 30))  # on the due day: on time
    y = _ms(after, "kh_ydelse")
    assert (y.state, y.done_on, y.done_late) == (MilestoneState.DONE, date(2025, 12, 30), False)
    assert after.version > case.version

    done = [(e.actor, e.entity_id, e.field, e.before, e.after, e.reason) for e in _entries(app, case.id, "complete")]
    assert done == [
        ("anna.k", "2025-00001/kh_visitation", "done_on", "", "2025-12-23", "Udført for sent"),
        ("anna.k", "2025-00001/kh_ydelse", "done_on", "", "2025-12-30", "Udført"),
    ]
    with pytest.raises(ServiceError, match="ikke åben"):
        app.cases.complete(ydelse.id, date(2025, 12, 30), date(2025, 12, 30))
    with pytest.raises(ServiceError, match="ikke startet"):
        app.cases.complete(_ms(case, "kh_sps34").id, date(2025, 12, 30), date(2025, 12, 30))


def test_chained_successor_counts_from_the_completion_and_undo_restores_it(app: Frister) -> None:
    # Thu 18 Dec 2025 + 1 week = Thu 25 Dec (Juledag) -> Mon 29 Dec; successor provisional: +1 week = Mon 5 Jan.
    case = app.cases.register(NewCase("fastholdelse", "Åse Lund", "020285-1234",
                                      {"foerste_henvendelse": date(2025, 12, 18)}), date(2025, 12, 18))  # fmt: skip
    samtale, tilbud = _ms(case, "fh_samtale"), _ms(case, "fh_moedetilbud")
    assert (samtale.due, tilbud.due, tilbud.provisional) == (date(2025, 12, 29), date(2026, 1, 5), True)

    done = app.cases.complete(samtale.id, date(2025, 12, 22), date(2025, 12, 22))
    t = _ms(done, "fh_moedetilbud")  # Mon 22 Dec + 1 week = Mon 29 Dec, a working day
    assert (t.due, t.provisional) == (date(2025, 12, 29), False)
    assert not _ms(done, "fh_samtale").done_late
    moves = [(e.entity_id, e.before, e.after, e.reason) for e in _entries(app, case.id, "due")]
    assert moves[-1] == ("2025-00001/fh_moedetilbud", "2026-01-05", "2025-12-29", "fh_samtale udført")

    undone = app.cases.undo_complete(samtale.id, date(2025, 12, 22))
    s, t = _ms(undone, "fh_samtale"), _ms(undone, "fh_moedetilbud")
    assert (s.state, s.done_on, s.done_late, s.due) == (MilestoneState.OPEN, None, False, date(2025, 12, 29))
    assert (t.due, t.provisional) == (date(2026, 1, 5), True)
    undo = [(e.actor, e.entity_id, e.before, e.after) for e in _entries(app, case.id, "undo_complete")]
    assert undo == [("anna.k", "2025-00001/fh_samtale", "2025-12-22", "")]
    moves = [(e.entity_id, e.before, e.after) for e in _entries(app, case.id, "due")]
    assert moves[-1] == ("2025-00001/fh_moedetilbud", "2025-12-29", "2026-01-05")
    with pytest.raises(ServiceError, match="ikke markeret som udført"):
        app.cases.undo_complete(samtale.id, date(2025, 12, 22))


def test_completing_in_the_future_is_refused(app: Frister) -> None:
    case = app.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": MON_2_MAR}), MON_2_MAR)
    telefon = _ms(case, "dp_telefon")
    with pytest.raises(ValidationError) as info:
        app.cases.complete(telefon.id, date(2026, 3, 3), MON_2_MAR)
    assert [(p.field, p.message) for p in info.value.problems] == [
        ("done_on", "En milepæl kan ikke markeres udført i fremtiden.")]  # fmt: skip
    unchanged = app.cases.get(case.id)
    assert unchanged == case
    assert _entries(app, case.id, "complete") == []


# ---------------------------------------------------------------- pause / resume
def test_pausing_the_whole_case_moves_due_dates_by_the_paused_working_days(app: Frister) -> None:
    # Mon 2 Mar 2026: kh_visitation 2 wd -> Wed 4 Mar; kh_ydelse 5 wd -> Mon 9 Mar.
    case = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235",
                                      {"foerste_fremmoede": MON_2_MAR}), MON_2_MAR)  # fmt: skip
    assert (_ms(case, "kh_visitation").due, _ms(case, "kh_ydelse").due) == (date(2026, 3, 4), date(2026, 3, 9))

    paused = app.cases.pause(case.id, date(2026, 3, 3), "  Sygdom ", date(2026, 3, 3))
    assert _dues(paused) == _dues(case)  # an open pause moves nothing yet
    rows = app.deadlines.list(DeadlineFilter(case_id=case.id), date(2026, 3, 4))
    assert [(r.rule_id, r.paused) for r in rows] == [("kh_visitation", True), ("kh_ydelse", True)]
    with pytest.raises(ServiceError, match="allerede en aktiv pause"):
        app.cases.pause(case.id, date(2026, 3, 4), "Igen", date(2026, 3, 4))

    # Resumed Thu 5 Mar: paused Tue 3 + Wed 4 = 2 working days.
    resumed = app.cases.resume(case.id, date(2026, 3, 5), date(2026, 3, 5))
    assert _ms(resumed, "kh_visitation").due == date(2026, 3, 6)  # Wed 4 + 2 wd = Fri 6
    assert _ms(resumed, "kh_ydelse").due == date(2026, 3, 11)  # Mon 9 + 2 wd = Wed 11
    assert _ms(resumed, "kh_sps34").due is None
    assert [(p.start, p.end, p.reason) for p in resumed.pauses] == [(date(2026, 3, 3), date(2026, 3, 5), "Sygdom")]

    assert [(e.actor, e.entity, e.field, e.after, e.reason) for e in _entries(app, case.id, "pause")] == [
        ("anna.k", "pause", "hele sagen", "2026-03-03", "Sygdom")]  # fmt: skip
    assert [(e.before, e.after) for e in _entries(app, case.id, "resume")] == [("2026-03-03", "2026-03-05")]
    moves = {e.entity_id: (e.before, e.after, e.reason) for e in _entries(app, case.id, "due")
             if e.reason.startswith("Pause")}  # fmt: skip
    assert moves == {
        "2026-00001/kh_visitation": ("2026-03-04", "2026-03-06", "Pause 2026-03-03–2026-03-05"),
        "2026-00001/kh_ydelse": ("2026-03-09", "2026-03-11", "Pause 2026-03-03–2026-03-05"),
    }


def test_pause_validation(app: Frister) -> None:
    case = app.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": MON_2_MAR}), MON_2_MAR)
    with pytest.raises(ValidationError, match="begrundelse"):
        app.cases.pause(case.id, MON_2_MAR, "   ", MON_2_MAR)
    with pytest.raises(ServiceError, match="ingen aktiv pause"):
        app.cases.resume(case.id, MON_2_MAR, MON_2_MAR)
    app.cases.pause(case.id, date(2026, 3, 4), "Ferie", date(2026, 3, 4))
    with pytest.raises(ValidationError, match="før pausens start"):
        app.cases.resume(case.id, date(2026, 3, 3), date(2026, 3, 4))


# ---------------------------------------------------------------- later triggers
def test_adding_a_later_trigger_starts_its_milestone(app: Frister) -> None:
    today = date(2026, 5, 11)
    case = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235",
                                      {"foerste_fremmoede": date(2026, 5, 4)}), today)  # fmt: skip
    assert _ms(case, "kh_sps34").due is None
    # Mon 11 May + 10 wd: 12, 13, (14 Kristi himmelfart), 15, 18, 19, 20, 21, 22, (25 Anden pinsedag), 26, 27.
    after = app.cases.add_trigger(case.id, "ansoegning_sps34", date(2026, 5, 11), today)
    sps = _ms(after, "kh_sps34")
    assert (sps.due, sps.provisional) == (date(2026, 5, 27), False)
    assert any("Kristi himmelfartsdag" in step for step in sps.steps)
    assert {r: d for r, d in _dues(after).items() if r != "kh_sps34"} == {
        r: d for r, d in _dues(case).items() if r != "kh_sps34"}  # fmt: skip
    assert [(e.actor, e.field, e.before, e.after) for e in _entries(app, case.id, "trigger")] == [
        ("anna.k", "ansoegning_sps34", "", "2026-05-11")]  # fmt: skip

    # Correcting the date moves the deadline: Tue 12 May + 10 wd = Thu 28 May.
    fixed = app.cases.add_trigger(case.id, "ansoegning_sps34", date(2026, 5, 12), today)
    assert _ms(fixed, "kh_sps34").due == date(2026, 5, 28)
    assert [(e.before, e.after) for e in _entries(app, case.id, "trigger")][-1] == ("2026-05-11", "2026-05-12")
    assert len(fixed.triggers) == 2

    with pytest.raises(ValidationError, match="hører ikke til sagens målgruppe"):
        app.cases.add_trigger(case.id, "henvendelse", datetime(2026, 5, 12, 9, 0), today)


def test_adding_an_hours_trigger_needs_a_time(app: Frister) -> None:
    # loentilskud's initial trigger is in hours; re-registering it as a bare date is refused.
    case = app.cases.register(NewCase("loentilskud", "Bageri Ærø ApS", "12345678",
                                      {"henvendelse": datetime(2026, 3, 2, 9, 30)}), MON_2_MAR)  # fmt: skip
    with pytest.raises(ValidationError, match="klokkeslæt"):
        app.cases.add_trigger(case.id, "henvendelse", date(2026, 3, 3), MON_2_MAR)
    assert app.cases.get(case.id) == case


# ---------------------------------------------------------------- reassign / notes / close / reopen
def test_reassign_and_notes(app: Frister, backend) -> None:  # type: ignore[no-untyped-def]
    case = app.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": MON_2_MAR}), MON_2_MAR)
    moved = app.cases.reassign(case.id, " carla.m ", "Team Øst", MON_2_MAR)
    assert (moved.caseworker, moved.team) == ("carla.m", "Team Øst")
    # In a file the caseworker comes into being in that team; on the team database the administrator's logins
    # and memberships stay as they are and only the case moves.
    expected = ("carla.m", "Team Øst") if backend.kind == "sqlite" else ("carla.m", "Team Vest")
    assert expected in app.caseworkers()
    assert [(e.actor, e.field, e.before, e.after) for e in _entries(app, case.id, "reassign")] == [
        ("anna.k", "caseworker", "anna.k", "carla.m"), ("anna.k", "team", "Team Vest", "Team Øst")]  # fmt: skip
    with pytest.raises(ValidationError, match="Sagsbehandleren mangler"):
        app.cases.reassign(case.id, "  ", None, MON_2_MAR)

    noted = app.cases.update_notes(case.id, "  Tolk: arabisk.\nRing efter kl. 10.\x07 ")
    assert noted.notes == "Tolk: arabisk.\nRing efter kl. 10."
    assert [(e.field, e.before, e.after) for e in _entries(app, case.id, "update")] == [
        ("notes", "", "Tolk: arabisk.\nRing efter kl. 10.")]  # fmt: skip


def test_close_and_reopen(app: Frister) -> None:
    case = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235",
                                      {"foerste_fremmoede": MON_2_MAR}), MON_2_MAR)  # fmt: skip
    app.cases.complete(_ms(case, "kh_visitation").id, date(2026, 3, 4), date(2026, 3, 5))
    app.cases.pause(case.id, date(2026, 3, 5), "Sygdom", date(2026, 3, 5))

    closed = app.cases.close(case.id, date(2026, 3, 6))
    assert (closed.status, closed.closed_on) == (CaseStatus.CLOSED, date(2026, 3, 6))
    states = {m.rule_id: m.state for m in closed.milestones}
    assert states == {"kh_visitation": MilestoneState.DONE, "kh_ydelse": MilestoneState.NOT_APPLICABLE,
                      "kh_sps34": MilestoneState.NOT_APPLICABLE}  # fmt: skip
    assert closed.pauses[0].end == date(2026, 3, 6)  # an open pause ends with the case
    assert app.deadlines.list(DeadlineFilter(), date(2026, 3, 6)) == []
    assert sorted((e.entity_id, e.before, e.after, e.reason) for e in _entries(app, case.id, "not_applicable")) == [
        ("2026-00001/kh_sps34", "open", "not_applicable", "Sagen er lukket"),
        ("2026-00001/kh_ydelse", "open", "not_applicable", "Sagen er lukket"),
    ]
    assert [(e.actor, e.before, e.after) for e in _entries(app, case.id, "close")] == [("anna.k", "open", "closed")]
    with pytest.raises(ServiceError, match="allerede lukket"):
        app.cases.close(case.id, date(2026, 3, 6))
    with pytest.raises(ServiceError, match="lukket"):
        app.cases.add_trigger(case.id, "ansoegning_sps34", date(2026, 3, 6), date(2026, 3, 6))

    reopened = app.cases.reopen(case.id, date(2026, 3, 9))
    assert (reopened.status, reopened.closed_on) == (CaseStatus.OPEN, None)
    states = {m.rule_id: m.state for m in reopened.milestones}
    assert states == {"kh_visitation": MilestoneState.DONE, "kh_ydelse": MilestoneState.OPEN,
                      "kh_sps34": MilestoneState.OPEN}  # fmt: skip
    # kh_ydelse counted again: Mon 9 Mar + the pause Thu 5 Mar until the closing day Fri 6 Mar (exclusive),
    # i.e. 1 working day = Tue 10 Mar.
    assert _ms(reopened, "kh_ydelse").due == date(2026, 3, 10)
    reopens = _entries(app, case.id, "reopen")
    assert [(e.before, e.after) for e in reopens if e.entity == "case"] == [("closed", "open")]
    assert sorted(e.entity_id.split("/")[1] for e in reopens if e.entity == "milestone") == sorted(
        m.rule_id for m in reopened.milestones if m.state is MilestoneState.OPEN)  # each milestone recorded
    with pytest.raises(ServiceError, match="allerede åben"):
        app.cases.reopen(case.id, date(2026, 3, 9))


def test_unknown_case_and_milestone_give_danish_errors(app: Frister) -> None:
    import uuid

    with pytest.raises(ServiceError, match="Der er ingen sag med nummeret '2026-99999'"):
        app.cases.by_number("2026-99999")
    with pytest.raises(ServiceError, match="Sagen findes ikke"):
        app.cases.get(uuid.uuid4())
    with pytest.raises(ServiceError, match="Milepælen findes ikke"):
        app.cases.complete(uuid.uuid4(), MON_2_MAR, MON_2_MAR)


def test_undoing_a_completion_gives_the_due_date_of_todays_facts(app) -> None:  # type: ignore[no-untyped-def]
    """Found by the check-in scenarios: done, then the trigger moved (only open milestones follow), then undone:
    the milestone must not come back with the due date it had before the move. Worked example: ledigmelding
    23-11-2026 → telephone contact due 30-11; moved to 18-11 → due 25-11 (a week, Mon–Fri, no holidays)."""
    from datetime import date as _date

    from jobcenter_desktop.services.cases import NewCase as _New

    today = _date(2026, 11, 23)
    case = app.cases.register(_New("dagpenge", "Fiktiv Fortryd", "020285-1234", {"ledigmelding": today}), today)
    tel = next(m for m in case.milestones if m.rule_id == "dp_telefon")
    assert tel.due == _date(2026, 11, 30)
    case = app.cases.complete(tel.id, today, today, expected_version=case.version)
    case = app.cases.add_trigger(case.id, "ledigmelding", _date(2026, 11, 18), today, expected_version=case.version)
    case = app.cases.undo_complete(tel.id, today, expected_version=case.version)
    assert next(m for m in case.milestones if m.rule_id == "dp_telefon").due == _date(2026, 11, 25)
