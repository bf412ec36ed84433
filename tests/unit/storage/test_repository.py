"""Repository behaviour on a real SQLite file: round trips, search, worklist filters and optimistic locking.

Expected dates are counted by hand on the Danish calendar (2025/2026):
Dec 2025: 24 Juleaftensdag (off by default), 25 Juledag, 26 Anden juledag, 27–28 weekend.
Apr 2026: 2 Skærtorsdag, 3 Langfredag, 5 Påskedag, 6 Anden påskedag.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from support.catalogues import prereform_catalogue

from jobcenter_desktop.core.models import CaseStatus, DeadlineFilter, MilestoneState
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ConflictError
from jobcenter_desktop.storage.repository import Repository


def _ms(case, rule_id):
    return next(m for m in case.milestones if m.rule_id == rule_id)


# ---------------------------------------------------------------- round trip
def test_case_round_trips_through_the_database_with_every_field(backend) -> None:  # type: ignore[no-untyped-def]
    today = date(2025, 12, 19)
    app = backend.open("anna.k", "Team Vest")
    try:
        new = NewCase(group="loentilskud", party_name="  Bageri Ærø ApS ", party_id="12345678",
                      triggers={"henvendelse": datetime(2025, 12, 18, 15, 0)}, caseworker="bo.l",
                      team="Team Øst", notes="Ring før kl. 10.\nSpørg efter Jørgen.")  # fmt: skip
        created = app.cases.register(new, today)
        henvisning = _ms(created, "lt_henvisning")
        app.cases.pause(created.id, date(2025, 12, 22), "Afventer virksomheden", today, milestone_id=henvisning.id)
        app.cases.resume(created.id, date(2025, 12, 23), date(2025, 12, 23), milestone_id=henvisning.id)
        last = app.cases.pause(created.id, date(2026, 1, 5), "Sygdom", date(2026, 1, 5))
    finally:
        app.close()

    other = backend.open("carla.m", None)  # a second program start on the same database
    try:
        back = other.cases.by_number(created.number)
    finally:
        other.close()

    assert back == last  # every field, every child row, versions included
    assert back.id == created.id
    assert back.number == "2025-00001"
    assert back.group == "loentilskud"
    assert back.catalogue_id == "albertslund-2016"
    assert back.party.kind is PartyKind.COMPANY
    assert back.party.name == "Bageri Ærø ApS"  # trimmed
    assert back.party.identifier == "12345678"
    assert (back.caseworker, back.team) == ("bo.l", "Team Øst")
    assert back.status is CaseStatus.OPEN
    assert back.opened_on == today
    assert back.closed_on is None
    assert back.notes == "Ring før kl. 10.\nSpørg efter Jørgen."

    assert [(t.kind, t.occurred) for t in back.triggers] == [("henvendelse", datetime(2025, 12, 18, 15, 0))]

    kontakt = _ms(back, "lt_kontakt")  # 24 hours: Thu 18-12 15:00 -> Fri 19-12 15:00
    assert (kontakt.due, kontakt.due_at, kontakt.provisional) == (date(2025, 12, 19), datetime(2025, 12, 19, 15), False)
    assert kontakt.steps[-1] == "Frist: fredag 19-12-2025 kl. 15:00."
    # 3 working days: 19, 22, 23 Dec; the milestone pause 22-12 (one working day) moves it one working day on,
    # past 24–28 Dec, to Mon 29 Dec.
    henv = _ms(back, "lt_henvisning")
    assert (henv.due, henv.due_at, henv.provisional) == (date(2025, 12, 29), None, False)
    assert any(step.startswith("Pause 22-12-2025") for step in henv.steps)
    samtale = _ms(back, "lt_samtale")  # 1 week: Thu 25 Dec (Juledag) rolls forward to Mon 29 Dec
    assert (samtale.due, samtale.provisional) == (date(2025, 12, 29), False)
    blanket = _ms(back, "lt_blanket")  # after lt_samtale: 29 Dec + 2 weeks, provisional until lt_samtale is done
    assert (blanket.due, blanket.due_at, blanket.provisional) == (date(2026, 1, 12), None, True)
    assert blanket.steps[-1] == "Foreløbig: regnet fra forrige milepæls frist, indtil den er udført."
    for m in back.milestones:
        assert m.state is MilestoneState.OPEN
        assert (m.done_on, m.done_late) == (None, False)
        assert m.catalogue_version == "2016-08-09"
        assert len(m.calendar_fingerprint) == 12

    assert [(p.milestone_id, p.start, p.end, p.reason) for p in back.pauses] == [
        (henvisning.id, date(2025, 12, 22), date(2025, 12, 23), "Afventer virksomheden"),
        (None, date(2026, 1, 5), None, "Sygdom"),
    ]


def test_round_trip_of_a_citizen_with_a_cpr_typed_without_dash(app: Frister, backend) -> None:  # type: ignore[no-untyped-def]
    created = app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "0101901235",
                                         {"foerste_fremmoede": date(2025, 12, 18)}), date(2025, 12, 18))  # fmt: skip
    other = backend.open("bo.l", None)
    try:
        back = other.cases.get(created.id)
    finally:
        other.close()
    assert back == created
    assert back.party.kind is PartyKind.CITIZEN
    assert back.party.identifier == "010190-1235"
    assert back.team == "Team Vest"  # the actor's own team
    # 2 and 5 working days after Thu 18 Dec 2025: Fri 19, Mon 22 | 23, 29, 30 (24–28 Dec off)
    assert _ms(back, "kh_visitation").due == date(2025, 12, 22)
    assert _ms(back, "kh_ydelse").due == date(2025, 12, 30)
    assert _ms(back, "kh_sps34").due is None  # its trigger is not registered yet


# ---------------------------------------------------------------- search
def _register_parties(app: Frister) -> Frister:
    today = date(2026, 3, 2)
    app.ctx.catalogue = prereform_catalogue()  # jobrotation on a 2026 date: as before lov nr. 1750
    for group, name, ident, trig in [
        ("kontanthjaelp", "Søren Østergaard", "010190-1235", "foerste_fremmoede"),
        ("dagpenge", "Åse Lund", "020285-1234", "ledigmelding"),
        ("jobrotation", "Bageri Ærø ApS", "12345678", "ansoegning_modtaget"),
        ("dagpenge", "Peter Østergård", "030375-1234", "ledigmelding"),
    ]:
        app.cases.register(NewCase(group, name, ident, {trig: today}), today)
    return app


@pytest.fixture(scope="module")
def register_of_parties(tmp_path_factory: pytest.TempPathFactory):
    """Read-only for the tests that use it, so it is built once per module."""
    app = Frister.open(tmp_path_factory.mktemp("search") / "frister.sqlite3", actor="anna.k")
    yield _register_parties(app)
    app.close()


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("østergaard", ["Søren Østergaard"]),
        ("ØSTERGAARD", ["Søren Østergaard"]),
        ("Østergå", ["Peter Østergård"]),
        ("øster", ["Søren Østergaard", "Peter Østergård"]),
        ("åse", ["Åse Lund"]),
        (unicodedata.normalize("NFD", "åse"), ["Åse Lund"]),  # decomposed å (pasted from some programs)
        ("ærø", ["Bageri Ærø ApS"]),
        ("søren østergaard", ["Søren Østergaard"]),  # every word must match ...
        ("søren lund", []),  # ... so this matches nobody
        ("2026-00002", ["Åse Lund"]),
        ("010190-1235", ["Søren Østergaard"]),
        ("0101901235", ["Søren Østergaard"]),
        ("12345678", ["Bageri Ærø ApS"]),
        ("ingen-sådan", []),
        ("%", []),  # LIKE wildcards are escaped, not interpreted
        ("", ["Søren Østergaard", "Åse Lund", "Bageri Ærø ApS", "Peter Østergård"]),
    ],
)
def test_list_cases_text_search(register_of_parties: Frister, query: str, names: list[str]) -> None:
    with register_of_parties.ctx.db.read() as s:
        found = Repository(s).list_cases(text=query)
    assert [c.party.name for c in found] == names  # case number order


def test_list_cases_status_caseworker_and_counts(app: Frister) -> None:
    _register_parties(app)
    first = app.cases.by_number("2026-00001")
    app.cases.reassign(first.id, "bo.l", "Team Øst", date(2026, 3, 2))
    app.cases.close(app.cases.by_number("2026-00003").id, date(2026, 3, 3))
    with app.ctx.db.read() as s:
        repo = Repository(s)
        assert [c.number for c in repo.list_cases(status=CaseStatus.OPEN)] == ["2026-00001", "2026-00002",
                                                                                "2026-00004"]  # fmt: skip
        assert [c.number for c in repo.list_cases(status=CaseStatus.CLOSED)] == ["2026-00003"]
        assert [c.number for c in repo.list_cases(caseworker="bo.l")] == ["2026-00001"]
        assert [c.number for c in repo.list_cases(team="Team Øst")] == ["2026-00001"]
        summary = {c.number: c for c in repo.list_cases()}
    # kontanthjælp from Mon 2 Mar 2026: kh_visitation Wed 4 Mar, kh_ydelse Mon 9 Mar (kh_sps34 not started)
    assert (summary["2026-00001"].open_milestones, summary["2026-00001"].next_due) == (2, date(2026, 3, 4))
    # closed case: its milestones are not applicable any more
    assert (summary["2026-00003"].open_milestones, summary["2026-00003"].next_due) == (0, None)


# ---------------------------------------------------------------- worklist rows
def _build_worklist(app: Frister) -> Frister:
    today = date(2026, 3, 5)
    app.ctx.catalogue = prereform_catalogue()  # jobrotation on a 2026 date: as before lov nr. 1750
    app.cases.register(NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235",
                               {"foerste_fremmoede": date(2026, 3, 2)}, caseworker="anna.k", team="Team Vest"),
                       today)  # fmt: skip
    app.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": date(2026, 3, 3)},
                               caseworker="dennis.p", team="Team Øst"), today)  # fmt: skip
    app.cases.register(NewCase("jobrotation", "Bageri Ærø ApS", "12345678",
                               {"ansoegning_modtaget": date(2026, 3, 5)}, caseworker="bo.l", team="Team Vest"),
                       today)  # fmt: skip
    return app


@pytest.fixture(scope="module")
def worklist(tmp_path_factory: pytest.TempPathFactory):
    """Read-only for the tests that use it, so it is built once per module."""
    app = Frister.open(tmp_path_factory.mktemp("worklist") / "frister.sqlite3", actor="anna.k")
    yield _build_worklist(app)
    app.close()


# Hand-counted:
#   kontanthjælp from Mon 2 Mar: kh_visitation 2 wd -> Wed 4 Mar; kh_ydelse 5 wd -> Mon 9 Mar.
#   dagpenge from Tue 3 Mar: dp_telefon 5 wd -> Tue 10 Mar; dp_samtale 4 weeks -> Tue 31 Mar.
#   jobrotation from Thu 5 Mar: jr_svar 1 week -> Thu 12 Mar; jr_besaettelse 3 weeks later -> Thu 2 Apr
#   (Skærtorsdag), rolled forward past Langfredag, the weekend/Påskedag and Anden påskedag to Tue 7 Apr.
ALL_ROWS = [
    ("2026-00001", "kh_visitation", date(2026, 3, 4)),
    ("2026-00001", "kh_ydelse", date(2026, 3, 9)),
    ("2026-00002", "dp_telefon", date(2026, 3, 10)),
    ("2026-00003", "jr_svar", date(2026, 3, 12)),
    ("2026-00002", "dp_samtale", date(2026, 3, 31)),
    ("2026-00003", "jr_besaettelse", date(2026, 4, 7)),
]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (DeadlineFilter(), ALL_ROWS),
        (DeadlineFilter(caseworker="anna.k"), [r for r in ALL_ROWS if r[0] == "2026-00001"]),
        (DeadlineFilter(team="Team Vest"), [r for r in ALL_ROWS if r[0] != "2026-00002"]),
        (DeadlineFilter(team="Team Øst"), [r for r in ALL_ROWS if r[0] == "2026-00002"]),
        (DeadlineFilter(group="dagpenge"), [r for r in ALL_ROWS if r[0] == "2026-00002"]),
        (DeadlineFilter(date_from=date(2026, 3, 9), date_to=date(2026, 3, 12)), ALL_ROWS[1:4]),
        (DeadlineFilter(date_from=date(2026, 3, 31)), ALL_ROWS[4:]),
        (DeadlineFilter(team="Team Vest", date_to=date(2026, 3, 31)), ALL_ROWS[0:2] + ALL_ROWS[3:4]),
        (DeadlineFilter(text="ærø"), [r for r in ALL_ROWS if r[0] == "2026-00003"]),
        (DeadlineFilter(caseworker="nobody"), []),
        (DeadlineFilter(limit=2), ALL_ROWS[:2]),
    ],
)
def test_deadline_rows_filters_in_due_order(worklist: Frister, f: DeadlineFilter, expected) -> None:
    with worklist.ctx.db.read() as s:
        rows = Repository(s).deadline_rows(f)
    assert [(r.case_number, r.rule_id, r.due) for r in rows] == expected


def test_deadline_rows_state_and_context(app: Frister) -> None:
    _build_worklist(app)
    visitation = _ms(app.cases.by_number("2026-00001"), "kh_visitation")
    app.cases.complete(visitation.id, date(2026, 3, 4), date(2026, 3, 5))
    app.cases.pause(app.cases.by_number("2026-00002").id, date(2026, 3, 5), "Sygdom", date(2026, 3, 5))
    with app.ctx.db.read() as s:
        repo = Repository(s)
        open_rows = repo.deadline_rows(DeadlineFilter())
        with_done = repo.deadline_rows(DeadlineFilter(include_done=True))
    assert [(r.case_number, r.rule_id) for r in open_rows] == [(c, r) for c, r, _ in ALL_ROWS[1:]]
    assert [(r.rule_id, r.state, r.done_on) for r in with_done[:1]] == [
        ("kh_visitation", MilestoneState.DONE, date(2026, 3, 4))]  # fmt: skip
    by_rule = {r.rule_id: r for r in open_rows}
    assert by_rule["dp_telefon"].paused and by_rule["dp_samtale"].paused
    assert not by_rule["kh_ydelse"].paused
    assert by_rule["jr_besaettelse"].provisional and not by_rule["jr_svar"].provisional
    row = by_rule["dp_telefon"]
    assert (row.caseworker, row.team, row.group) == ("dennis.p", "Team Øst", "dagpenge")
    assert (row.party.kind, row.party.name, row.party.identifier) == (PartyKind.CITIZEN, "Åse Lund", "020285-1234")


# ---------------------------------------------------------------- optimistic locking
def test_second_editor_with_a_stale_version_gets_a_conflict(backend) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 3, 2)
    setup = backend.open("anna.k", None)
    case = setup.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": today}), today)
    setup.close()

    first = backend.open("anna.k", None)
    second = backend.open("bo.l", None)
    try:
        seen_by_first = first.cases.get(case.id)
        seen_by_second = second.cases.get(case.id)
        n = seen_by_first.version
        assert seen_by_second.version == n

        moved = first.cases.reassign(case.id, "carla.m", "Team Vest", today, expected_version=n)
        assert moved.version > n
        with pytest.raises(ConflictError, match="ændret af en anden"):
            second.cases.reassign(case.id, "eva.s", "Team Øst", today, expected_version=n)
        with pytest.raises(ConflictError):
            second.cases.update_notes(case.id, "min bemærkning", expected_version=n)

        kept = second.cases.get(case.id)  # the second editor reloads and sees the first change
        assert (kept.caseworker, kept.team, kept.notes) == ("carla.m", "Team Vest", "")
        assert kept.version == moved.version
        reassigns = [(e.actor, e.field, e.before, e.after) for e in second.audit(case.id) if e.action == "reassign"]
        # In a file anna.k had no team, so the case moves into one; on the server her first team is Team Vest.
        moved_team = [("anna.k", "team", "", "Team Vest")] if backend.kind == "sqlite" else []
        assert reassigns == [("anna.k", "caseworker", "anna.k", "carla.m"), *moved_team]
        # With the fresh version the second editor's change goes through.
        again = second.cases.reassign(case.id, "eva.s", "Team Øst", today, expected_version=kept.version)
        assert (again.caseworker, again.team) == ("eva.s", "Team Øst")
    finally:
        first.close()
        second.close()


def test_next_number_counts_per_year(app: Frister) -> None:
    with app.ctx.db.write() as s:
        repo = Repository(s)
        numbers = [repo.next_number(2026), repo.next_number(2026), repo.next_number(2027), repo.next_number(2026)]
    assert numbers == ["2026-00001", "2026-00002", "2027-00001", "2026-00003"]
