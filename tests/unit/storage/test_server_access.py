"""The team database decides who sees and changes what, also for raw SQL (a psql session as each login): another
team's citizens are invisible in every table, the audit log is append-only for every role and names its writer,
and only admins change closure days and settings. Runs against the real PostgreSQL server of the test command."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, StartupError, StoreError

TODAY = date(2026, 11, 23)
CPR = "020285-1234"
PERSONAL = ("cases", "party", "milestone", "trigger_event", "pause", "audit_log")


@pytest.fixture
def team_db(pg_server):  # type: ignore[no-untyped-def]
    """A fresh team database with one Team Vest case (paused, with a note) made by anna.k."""
    name = pg_server.new_database()
    app = Frister.open(pg_server.url("anna.k", name), team="Team Vest")
    try:
        case = app.cases.register(NewCase("dagpenge", "Fiktiv Vest", CPR, {"ledigmelding": TODAY},
                                          notes="Ring efter kl. 10"), TODAY)  # fmt: skip
        app.cases.pause(case.id, TODAY, "Sygdom", TODAY, expected_version=case.version)
        app.cases.reveal_party_id(case.id, "test")
    finally:
        app.close()
    yield name
    pg_server.drop(name)


def _sql(pg_server, login: str, db: str):  # type: ignore[no-untyped-def]
    return psycopg.connect(pg_server.url(login, db), autocommit=True)


def _counts(pg_server, login: str, db: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with _sql(pg_server, login, db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PERSONAL}  # type: ignore[index]


def test_another_teams_login_sees_nothing_of_the_case_in_any_table(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    mine = _counts(pg_server, "anna.k", team_db)
    assert mine["cases"] == 1 and mine["party"] == 1 and mine["milestone"] == 3 and mine["pause"] == 1
    assert mine["audit_log"] > 0
    other = _counts(pg_server, "olga.o", team_db)  # Team Nord only
    case_audit = "SELECT count(*) FROM audit_log WHERE case_id IS NOT NULL"
    assert {t: n for t, n in other.items() if t != "audit_log"} == dict.fromkeys(PERSONAL[:-1], 0)
    with _sql(pg_server, "olga.o", team_db) as conn:
        assert conn.execute(case_audit).fetchone()[0] == 0  # type: ignore[index]
        assert conn.execute("SELECT count(*) FROM party WHERE identifier = %s", (CPR,)).fetchone()[0] == 0  # type: ignore[index]
        # Changing what one cannot see changes nothing; deleting case data is nobody's to do.
        assert conn.execute("UPDATE cases SET notes = 'x'").rowcount == 0
        for table in ("milestone", "cases", "pause", "party", "trigger_event"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"DELETE FROM {table}")
    # A team lead of the same team and an admin do see it.
    assert _counts(pg_server, "tina.t", team_db)["cases"] == 1
    assert _counts(pg_server, "adam.a", team_db)["cases"] == 1
    # The same through the app: nothing in the register, the worklist or by number.
    olga = Frister.open(pg_server.url("olga.o", team_db))
    try:
        assert olga.cases.search("", None) == []
        with pytest.raises(ServiceError, match="Der er ingen sag med nummeret"):
            olga.cases.by_number("2026-00001")
    finally:
        olga.close()


@pytest.mark.parametrize("login", ["anna.k", "tina.t", "adam.a"])
def test_the_audit_log_is_append_only_for_every_role(pg_server, team_db, login: str) -> None:  # type: ignore[no-untyped-def]
    with _sql(pg_server, login, team_db) as conn:
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):  # a forged writer
            conn.execute("INSERT INTO audit_log (id, at, actor, entity, entity_id, action, field, before, after, "
                         "reason) VALUES (gen_random_uuid(), now(), 'somebody.else', 'x', 'x', 'x', '', '', '', '')")


def test_only_admins_change_closure_days_and_settings(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    anna = Frister.open(pg_server.url("anna.k", team_db))
    try:
        assert anna.settings.calendar().closures == {}  # caseworkers read them
        with pytest.raises(StoreError, match="administrator"):
            anna.settings.add_closure(date(2026, 12, 23), "Lukket")
        with pytest.raises(StoreError, match="administrator"):
            anna.settings.set_due_soon_days(5)
    finally:
        anna.close()
    with _sql(pg_server, "tina.t", team_db) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM closure_day")
    admin = Frister.open(pg_server.url("adam.a", team_db))
    try:
        admin.settings.add_closure(date(2026, 12, 23), "Lukket")
    finally:
        admin.close()
    anna = Frister.open(pg_server.url("anna.k", team_db))
    try:
        assert anna.settings.calendar().closures == {date(2026, 12, 23): "Lukket"}
    finally:
        anna.close()


def test_the_actor_is_the_login_never_a_declared_name(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StartupError, match="--as kan ikke bruges på teamdatabasen"):
        Frister.open(pg_server.url("anna.k", team_db), actor="bo.l")
    app = Frister.open(pg_server.url("bo.l", team_db), actor="bo.l")  # the same name is fine
    try:
        case = app.cases.by_number("2026-00001")
        app.cases.update_notes(case.id, "Ringet op", expected_version=case.version)
        assert [e.actor for e in app.audit(case.id)][-1] == "bo.l"
    finally:
        app.close()


def test_a_wrong_password_asks_again_and_a_missing_database_is_a_message(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.services.errors import PasswordRequired

    url = pg_server.url("anna.k", team_db).replace(":test-kode-123@", ":forkert@")
    with pytest.raises(PasswordRequired, match="forkert eller manglende adgangskode"):
        Frister.open(url)
    with pytest.raises(StartupError, match="findes ikke"):
        Frister.open(pg_server.url("anna.k", "findes_ikke"))


def test_case_numbers_cannot_be_tampered_with(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    with _sql(pg_server, "olga.o", team_db) as conn:
        for statement in ("UPDATE counter SET value = 0", "UPDATE counter SET value = 2147483647",
                          "INSERT INTO counter (name, value) VALUES ('case-2027', 99999)"):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    app = Frister.open(pg_server.url("anna.k", team_db), team="Team Vest")
    try:
        case = app.cases.register(NewCase("kontanthjaelp", "Fiktiv Ny", "030385-1234", {"foerste_fremmoede": TODAY}),
                                  TODAY)  # fmt: skip
        assert case.number == "2026-00002"
    finally:
        app.close()


def test_audit_entries_only_for_visible_cases_and_dated_by_the_server(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    with _sql(pg_server, "anna.k", team_db) as conn:
        case_id = conn.execute("SELECT id FROM cases").fetchone()[0]  # type: ignore[index]
    with _sql(pg_server, "olga.o", team_db) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO audit_log (id, at, actor, entity, entity_id, case_id, action, field, before, after, "
                     "reason) VALUES (gen_random_uuid(), now(), 'olga.o', 'case', 'x', %s, 'close', '', '', '', '')",
                     (case_id,))  # another team's case: refused
    with _sql(pg_server, "anna.k", team_db) as conn:
        conn.execute("INSERT INTO audit_log (id, at, actor, entity, entity_id, case_id, action, field, before, after, "
                     "reason) VALUES (gen_random_uuid(), '2020-01-01', 'anna.k', 'case', 'x', %s, 'note', '', '', '', "
                     "'')", (case_id,))  # fmt: skip
        year = conn.execute("SELECT extract(year FROM at) FROM audit_log WHERE action = 'note'").fetchone()[0]  # type: ignore[index]
    assert int(year) >= 2026  # the server's clock, not the one written


def test_entries_about_no_case_are_the_writers_own(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    with _sql(pg_server, "anna.k", team_db) as conn:
        conn.execute("INSERT INTO audit_log (id, at, actor, entity, entity_id, action, field, before, after, reason) "
                     "VALUES (gen_random_uuid(), now(), 'anna.k', 'export', 'Fiktiv 020285-1234.xlsx', 'reveal_cpr', "
                     "'', '', '', '')")  # fmt: skip
    with _sql(pg_server, "olga.o", team_db) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE entity = 'export'").fetchone()[0] == 0  # type: ignore[index]
    with _sql(pg_server, "adam.a", team_db) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE entity = 'export'").fetchone()[0] == 1  # type: ignore[index]


def test_server_user_commands_leave_superusers_and_groups_alone(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.services import server
    from jobcenter_desktop.storage.target import parse_server_url

    owner = parse_server_url(pg_server.owner_url(team_db))
    with psycopg.connect(pg_server.owner_url(team_db), autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS su_test")
        conn.execute("CREATE ROLE su_test SUPERUSER LOGIN PASSWORD 'orig'")
    try:
        with pytest.raises(ServiceError, match="administrator- eller systemkonto"):
            server.add_user(owner, "su_test", "Team Vest", "caseworker", "hijacked")
        for login in ("frister_admin", "postgres"):
            with pytest.raises(ServiceError, match="administrator- eller systemkonto"):
                server.remove_user(owner, login)
        assert "su_test" not in {u.login for u in server.list_users(owner)}
    finally:
        with psycopg.connect(pg_server.owner_url(team_db), autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS su_test")


def test_no_oracle_for_another_teams_citizens(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    """Another team adding a case for the same citizen learns nothing (no refusal that would say "exists"), and
    a case naming the other team's citizen record is refused by the server."""
    olga = Frister.open(pg_server.url("olga.o", team_db))
    try:
        mine = olga.cases.register(NewCase("dagpenge", "Fiktiv Nord", CPR, {"ledigmelding": TODAY}), TODAY)
        assert mine.team == "Team Nord"
    finally:
        olga.close()
    with _sql(pg_server, "anna.k", team_db) as conn:
        party_id = conn.execute("SELECT party_id FROM cases WHERE number = '2026-00001'").fetchone()[0]  # type: ignore[index]
    with _sql(pg_server, "olga.o", team_db) as conn:
        team = conn.execute("SELECT team_id FROM membership WHERE login = 'olga.o'").fetchone()[0]  # type: ignore[index]
        worker = conn.execute("SELECT id FROM caseworker WHERE username = 'olga.o'").fetchone()[0]  # type: ignore[index]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO cases (id, number, group_id, catalogue_id, party_id, caseworker_id, team_id, "
                         "status, opened_on, notes, party_key, created_at, updated_at, version) VALUES "
                         "(gen_random_uuid(), 'X-1', 'kontanthjaelp', 'x', %s, %s, %s, 'open', now(), '', 'x', now(), "
                         "now(), 1)", (party_id, worker, team))  # fmt: skip
        assert conn.execute("SELECT count(*) FROM party WHERE identifier = %s", (CPR,)).fetchone()[0] == 1  # type: ignore[index]


def test_raw_sql_changes_leave_a_trace_in_the_servers_row_log(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    """A caseworker editing a row of their own team with psql writes no app audit entry, but the server's row
    log names the login, the row and the changed columns (names, never values); nobody but admins reads it and
    nobody can rewrite it."""
    with _sql(pg_server, "anna.k", team_db) as conn:
        assert conn.execute("UPDATE cases SET notes = 'rettet i psql'").rowcount == 1
        assert conn.execute("UPDATE cases SET notes = notes").rowcount == 1  # changes nothing: no entry
        for sql in ("SELECT count(*) FROM frister_row_log", "DELETE FROM frister_row_log",
                    "INSERT INTO frister_row_log (login, tbl, op, columns) VALUES ('x', 'x', 'x', '{}')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    with _sql(pg_server, "adam.a", team_db) as conn:
        rows = conn.execute("SELECT login, tbl, op, columns, case_id FROM frister_row_log ORDER BY id").fetchall()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE frister_row_log SET login = 'nobody'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM frister_row_log")
    last = rows[-1]
    assert last[:3] == ("anna.k", "cases", "UPDATE") and last[3] == ["notes"]
    # The app's own changes are there too (the case, its party and milestones were inserted by anna.k), and no
    # value is copied into the log.
    assert {("anna.k", "cases", "INSERT"), ("anna.k", "party", "INSERT"), ("anna.k", "milestone", "INSERT")} <= {
        r[:3] for r in rows}
    assert all(CPR not in str(r) and "rettet" not in str(r) for r in rows)
