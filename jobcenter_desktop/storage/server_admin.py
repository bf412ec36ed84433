"""Setting up the team database: schema (the same Alembic migrations as a file), group roles, grants and
row-level security; and the logins of the people who use it. Run as the database's owner.

Who may see what is decided by PostgreSQL, never by the client:

* three group roles without login: ``frister_caseworker``, ``frister_teamlead``, ``frister_admin``; every
  person is a login role in one of them, and their team memberships are rows of ``membership``;
* row-level security on every table with personal data: a case is visible and changeable to the members of
  its team (and to admins); milestones, triggers, pauses, parties and audit entries follow their case, also
  for raw SQL through psql;
* the audit log has INSERT and SELECT grants only (no UPDATE, no DELETE, for any role), and an entry must name
  the login that writes it;
* closure days, settings and the catalogue choice are read by all and changed by admins only.

The owner runs migrations and bypasses the policies (not FORCEd): it is the DBA's account, not a user's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, exc, text

from jobcenter_desktop.storage.migrations import upgrade
from jobcenter_desktop.storage.server import describe_connect_error, server_engine
from jobcenter_desktop.storage.server_rowlog import apply_row_log
from jobcenter_desktop.storage.target import ServerTarget
from jobcenter_desktop.storage.watch import CHANNEL

ROLES = ("caseworker", "teamlead", "admin")
GROUPS = tuple(f"frister_{r}" for r in ROLES)
ADMIN = "frister_admin"

# Tables every login reads and writes (row-level security narrows the rows).
_CASE_TABLES = ("cases", "milestone", "trigger_event", "pause", "party")
# Written so PostgreSQL can use the indexes (at 100k cases the first form, with subqueries over every case per
# table, made "Mine frister" 320 ms; this one 22 ms): a case's team against the login's teams as one array, and
# a child row's case looked up by key.
_CASE = "team_id = ANY (frister_my_teams()) OR (team_id IS NULL AND frister_is_admin())"
_POLICIES = {
    "cases": _CASE,
    "milestone": "EXISTS (SELECT 1 FROM cases c WHERE c.id = milestone.case_id)",
    "trigger_event": "EXISTS (SELECT 1 FROM cases c WHERE c.id = trigger_event.case_id)",
    "pause": "EXISTS (SELECT 1 FROM cases c WHERE c.id = pause.case_id)",
    # A new party is inserted just before its case, so inserting is open; seeing and changing one is not.
    "party": "EXISTS (SELECT 1 FROM cases c WHERE c.party_id = party.id)",
}


class AdminError(Exception):
    """The administrator's command cannot be done; the message is Danish."""


@contextmanager
def owner_engine(target: ServerTarget) -> Iterator[Engine]:
    """An engine for the database owner's administrative commands; failures become AdminError."""
    engine = server_engine(target, pool_size=1)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        yield engine
    except exc.OperationalError as e:
        raise AdminError(str(describe_connect_error(e, target))) from e
    except exc.ProgrammingError as e:
        first = str(getattr(e, "orig", e)).splitlines()[0]
        raise AdminError(f"Kommandoen kræver databasens ejer (den login der oprettede databasen): {first}") from e
    finally:
        engine.dispose()


def initialise(engine: Engine) -> tuple[str | None, str]:
    """Migrate to head, then (re)apply roles, grants and policies. Returns (revision before, revision now)."""
    with engine.connect() as conn:
        known = conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar_one()
        before = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if known else None
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(20261201)"))  # two admins at once: one waits
        apply_security(conn)
        now = str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())
    return (str(before) if before is not None else None), now


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_security(conn: Connection) -> None:
    """Roles, grants and policies; idempotent (running it again changes nothing)."""
    for group in GROUPS:
        conn.execute(text(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN "
                          f"CREATE ROLE {group} NOLOGIN; END IF; END $$"))  # fmt: skip
    everyone = ", ".join(GROUPS)
    db = conn.execute(text("SELECT current_database()")).scalar_one()
    conn.execute(text(f"REVOKE ALL ON DATABASE {_quote_ident(db)} FROM PUBLIC"))
    conn.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {_quote_ident(db)} TO {everyone}"))
    conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {everyone}"))
    conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {everyone}"))
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_is_admin() RETURNS boolean LANGUAGE sql STABLE AS "
        f"$$ SELECT pg_has_role(current_user, '{ADMIN}', 'MEMBER') $$"))  # fmt: skip
    conn.execute(text(f"REVOKE ALL ON FUNCTION frister_is_admin() FROM PUBLIC; "
                      f"GRANT EXECUTE ON FUNCTION frister_is_admin() TO {everyone}"))  # fmt: skip
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_my_teams() RETURNS uuid[] LANGUAGE sql STABLE AS $$ SELECT CASE WHEN "
        "frister_is_admin() THEN ARRAY(SELECT id FROM team) ELSE ARRAY(SELECT team_id FROM membership WHERE "
        "login = current_user) END $$"))  # fmt: skip
    conn.execute(text(f"REVOKE ALL ON FUNCTION frister_my_teams() FROM PUBLIC; "
                      f"GRANT EXECUTE ON FUNCTION frister_my_teams() TO {everyone}"))  # fmt: skip
    # Retention (storage/retention_store.py): the one way to blank personal values in the append-only audit log,
    # the check-in conflicts and snapshots of cases past the retention period; admins only, and only closed cases.
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_retention_blank(ids uuid[], cutoff date) RETURNS integer "
        "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$ DECLARE n integer; BEGIN "
        "IF NOT pg_has_role(session_user, 'frister_admin', 'MEMBER') THEN "
        "RAISE EXCEPTION 'only an admin may blank personal data' USING ERRCODE = '42501'; END IF; "
        "PERFORM 1 FROM public.cases WHERE id = ANY(ids) FOR UPDATE; "  # a reopen meanwhile waits, then is seen
        "IF EXISTS (SELECT 1 FROM public.cases WHERE id = ANY(ids) AND (status <> 'closed' OR closed_on IS NULL "
        "OR closed_on >= cutoff)) THEN "
        "RAISE EXCEPTION 'only cases closed before the cutoff' USING ERRCODE = '42501'; END IF; "
        "UPDATE public.audit_log SET before = CASE WHEN before <> '' THEN '[slettet]' ELSE before END, "
        "after = CASE WHEN after <> '' THEN '[slettet]' ELSE after END, "
        "reason = CASE WHEN reason <> '' THEN '[slettet]' ELSE reason END "
        "WHERE case_id = ANY(ids) AND (before <> '' OR after <> '' OR reason <> ''); "
        "GET DIAGNOSTICS n = ROW_COUNT; "
        "UPDATE public.conflict SET base = '\"[slettet]\"', server = '\"[slettet]\"', laptop = '\"[slettet]\"', "
        "resolution = '' WHERE case_id = ANY(ids); "
        "UPDATE public.checkin_applied SET snapshot = '' WHERE case_id = ANY(ids); "
        "RETURN n; END $$"))  # fmt: skip
    conn.execute(text("DROP FUNCTION IF EXISTS frister_retention_blank(uuid[])"))
    conn.execute(text("REVOKE ALL ON FUNCTION frister_retention_blank(uuid[], date) FROM PUBLIC; "
                      f"GRANT EXECUTE ON FUNCTION frister_retention_blank(uuid[], date) TO {ADMIN}"))  # fmt: skip
    # Short OLTP queries: JIT compilation costs more than it saves (50 ms on "Alle" at 100k cases).
    conn.execute(text(f"ALTER DATABASE {_quote_ident(db)} SET jit = off"))
    # Case data: read and write, rows narrowed by the policies below. No DELETE: the app never deletes case
    # data (a case is closed, a pause ended), so nobody can make a case vanish with raw SQL either.
    for table in _CASE_TABLES:
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE ON {table} TO {everyone}"))
    # Shared, read by all: who exists, which team, the schema version; case numbers are counted by all.
    for table in ("caseworker", "team", "alembic_version", "membership"):
        conn.execute(text(f"GRANT SELECT ON {table} TO {everyone}"))
    # Case numbers only through the owner's function: nobody can set the counter back (or to its maximum) and so
    # stop everyone's adds. SECURITY DEFINER with a fixed search_path, the usual safe form.
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_next_number(counter_name text) RETURNS integer LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = public, pg_temp AS $$ DECLARE n integer; BEGIN "
        "INSERT INTO counter (name, value) VALUES (counter_name, 0) ON CONFLICT (name) DO NOTHING; "
        "UPDATE counter SET value = value + 1 WHERE name = counter_name RETURNING value INTO n; RETURN n; END $$"))
    conn.execute(text("REVOKE ALL ON FUNCTION frister_next_number(text) FROM PUBLIC"))
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION frister_next_number(text) TO {everyone}"))
    conn.execute(text(f"GRANT SELECT ON counter TO {everyone}"))
    # Calendar and settings: everyone reads, only admins change.
    for table in ("closure_day", "setting"):
        conn.execute(text(f"GRANT SELECT ON {table} TO {everyone}"))
        conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {ADMIN}"))
    # The audit trail: append-only for every role.
    conn.execute(text(f"GRANT SELECT, INSERT ON audit_log TO {everyone}"))

    # A case may only name a citizen that no other team's case names (else a second case would show that team's
    # citizen); the owner's function can see every case, the policy passes it the login.
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_party_usable(pid uuid, login name) RETURNS boolean LANGUAGE sql STABLE "
        "SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT pg_has_role(login, 'frister_admin', "
        "'MEMBER') OR NOT EXISTS (SELECT 1 FROM cases c WHERE c.party_id = pid AND (c.team_id IS NULL OR "
        "c.team_id NOT IN (SELECT team_id FROM membership WHERE membership.login = $2))) $$"))  # fmt: skip
    conn.execute(text("REVOKE ALL ON FUNCTION frister_party_usable(uuid, name) FROM PUBLIC"))
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION frister_party_usable(uuid, name) TO {everyone}"))
    for table, rule in _POLICIES.items():
        check = rule if table != "party" else None
        if table == "cases":
            check = f"({rule}) AND frister_party_usable(party_id, current_user)"
        _policy(conn, table, "frister_rows", "ALL", using=rule, check=check)
    # One open case per citizen and group *within a team* on the server: a unique index across teams would tell a
    # caseworker, by refusing an insert, that another team has an open case for a CPR number.
    conn.execute(text("DROP INDEX IF EXISTS uq_cases_open_party"))
    conn.execute(text("CREATE UNIQUE INDEX IF NOT EXISTS uq_cases_open_party_team ON cases (team_id, group_id, "
                      "party_key) WHERE status = 'open'"))  # fmt: skip
    _policy(conn, "party", "frister_new_party", "INSERT", check="true")
    # Entries about a case follow the case; entries about no case are the shared calendar's and settings' for
    # all, and otherwise the writer's own (an export's file name may name a person) or an admin's.
    visible_case = "EXISTS (SELECT 1 FROM cases c WHERE c.id = audit_log.case_id)"
    _policy(conn, "audit_log", "frister_read", "SELECT",
            using=f"frister_is_admin() OR {visible_case} OR (case_id IS NULL AND (actor = current_user OR entity "
                  "IN ('closure_day', 'setting')))")  # fmt: skip
    # An entry names its writer and, when it concerns a case, a case the writer can see.
    _policy(conn, "audit_log", "frister_append", "INSERT",
            check=f"actor = current_user AND (case_id IS NULL OR {visible_case})")
    # The server's clock, not the client's, dates every entry: a wrong or forged client time cannot reorder history.
    conn.execute(text("CREATE OR REPLACE FUNCTION frister_audit_time() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$ BEGIN NEW.at := clock_timestamp(); RETURN NEW; END $$"))  # fmt: skip
    conn.execute(text("DROP TRIGGER IF EXISTS frister_audit_time ON audit_log"))
    conn.execute(text("CREATE TRIGGER frister_audit_time BEFORE INSERT ON audit_log FOR EACH ROW "
                      "EXECUTE FUNCTION frister_audit_time()"))  # fmt: skip
    _policy(conn, "membership", "frister_own", "SELECT", using="login = current_user OR frister_is_admin()")
    _laptop_security(conn, everyone)
    _notify_triggers(conn)
    apply_row_log(conn, ADMIN)


def _laptop_security(conn: Connection, everyone: str) -> None:
    """Check-outs, applied check-in batches and conflicts follow their case, or are the login's own (a case made
    on a laptop has no row until it is checked in). Only the laptop's own login, a team lead or an admin ends a
    check-out (a lost laptop's); nobody deletes any of it."""
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_is_lead() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT "
        "pg_has_role(current_user, 'frister_teamlead', 'MEMBER') OR frister_is_admin() $$"))
    conn.execute(text(f"REVOKE ALL ON FUNCTION frister_is_lead() FROM PUBLIC; "
                      f"GRANT EXECUTE ON FUNCTION frister_is_lead() TO {everyone}"))  # fmt: skip
    # Whether any case has this id, visible or not (the owner's function): a laptop's new case has no row yet,
    # while a row naming another team's case must not be insertable by guessing its id.
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION frister_case_exists(cid uuid) RETURNS boolean LANGUAGE sql STABLE "
        "SECURITY DEFINER SET search_path = public, pg_temp AS "
        "$$ SELECT EXISTS (SELECT 1 FROM cases WHERE id = cid) $$"))
    conn.execute(text(f"REVOKE ALL ON FUNCTION frister_case_exists(uuid) FROM PUBLIC; "
                      f"GRANT EXECUTE ON FUNCTION frister_case_exists(uuid) TO {everyone}"))  # fmt: skip
    for table in ("checkout", "checkin_applied", "conflict"):
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE ON {table} TO {everyone}"))
        seen = f"EXISTS (SELECT 1 FROM cases c WHERE c.id = {table}.case_id)"
        visible = f"login = current_user OR {seen}"
        _policy(conn, table, "frister_read", "SELECT", using=visible)
        own_case = seen if table == "checkout" else f"({seen} OR NOT frister_case_exists({table}.case_id))"
        _policy(conn, table, "frister_add", "INSERT", check=f"login = current_user AND {own_case}")
        if table == "checkout":
            _policy(conn, table, "frister_change", "UPDATE", using=f"login = current_user OR (frister_is_lead() AND "
                                                                    f"({visible}))")  # fmt: skip
        else:
            _policy(conn, table, "frister_change", "UPDATE", using=visible)


# Change notifications for open windows (storage.watch): the case a row belongs to, or the calendar table. The
# payload is an id, never personal data; a window that cannot see the case finds nothing when it looks.
_NOTIFY = f"""
CREATE OR REPLACE FUNCTION frister_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r record := COALESCE(NEW, OLD);
    cid text := '';
BEGIN
    IF TG_TABLE_NAME = 'cases' THEN
        cid := r.id::text;
    ELSIF TG_TABLE_NAME IN ('milestone', 'pause', 'trigger_event') THEN
        cid := r.case_id::text;
    END IF;
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':' || cid);
    RETURN NULL;
END $$
"""


def _notify_triggers(conn: Connection) -> None:
    conn.execute(text(_NOTIFY))
    for table in ("cases", "milestone", "pause", "trigger_event", "closure_day", "setting"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS frister_notify ON {table}"))
        conn.execute(text(f"CREATE TRIGGER frister_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                          "FOR EACH ROW EXECUTE FUNCTION frister_notify()"))  # fmt: skip


def _policy(conn: Connection, table: str, name: str, command: str, *, using: str | None = None,
            check: str | None = None) -> None:  # fmt: skip
    conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
    conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {table}"))
    clauses = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
    conn.execute(text(f"CREATE POLICY {name} ON {table} FOR {command}{clauses}"))


@dataclass(frozen=True)
class Login:
    login: str
    role: str  # caseworker | teamlead | admin
    teams: tuple[str, ...]


def _team_id(conn: Connection, team: str) -> uuid.UUID:
    conn.execute(text("INSERT INTO team (id, name, created_at, updated_at, version) VALUES (:id, :name, now(), "
                      "now(), 1) ON CONFLICT (name) DO NOTHING"), {"id": uuid.uuid4(), "name": team})  # fmt: skip
    return uuid.UUID(str(conn.execute(text("SELECT id FROM team WHERE name = :n"), {"n": team}).scalar_one()))


def add_user(engine: Engine, login: str, team: str, role: str, password: str | None) -> None:
    """Create the login (or add a team to an existing one), its group role, its caseworker row and the
    membership, in one transaction."""
    if role not in ROLES:
        raise AdminError(f"Ukendt rolle {role!r}: vælg caseworker, teamlead eller admin.")
    with engine.begin() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).scalar()
        if exists:
            _refuse_special(conn, login)
            current = _role_of(conn, login)
            if current is None:
                raise AdminError(f"{login} findes allerede i databaseserveren, men er ikke en Frister-bruger; vælg et "
                                 "andet brugernavn.")  # fmt: skip
            if current != role:
                conn.execute(text(f"REVOKE frister_{current} FROM {_quote_ident(login)}"))
        else:
            conn.execute(text(f"CREATE ROLE {_quote_ident(login)} LOGIN"))
        if password is not None:
            conn.execute(text(f"ALTER ROLE {_quote_ident(login)} PASSWORD {_quote_literal(password)}"))
        conn.execute(text(f"GRANT frister_{role} TO {_quote_ident(login)}"))
        team_id = _team_id(conn, team)
        conn.execute(text("INSERT INTO caseworker (id, username, full_name, team_id, created_at, updated_at, version) "
                          "VALUES (:id, :u, '', :t, now(), now(), 1) ON CONFLICT (username) DO NOTHING"),
                     {"id": uuid.uuid4(), "u": login, "t": team_id})  # fmt: skip
        conn.execute(text("INSERT INTO membership (login, team_id) VALUES (:l, :t) ON CONFLICT DO NOTHING"),
                     {"l": login, "t": team_id})  # fmt: skip
        conn.execute(text("INSERT INTO audit_log (id, at, actor, entity, entity_id, action, field, before, after, "
                          "reason) VALUES (:id, now(), current_user, 'login', :l, 'grant', 'team', '', :a, '')"),
                     {"id": uuid.uuid4(), "l": login, "a": f"{team} ({role})"})  # fmt: skip


def _role_of(conn: Connection, login: str) -> str | None:
    """The Frister group a login is directly in (pg_has_role would say yes for every superuser)."""
    row = conn.execute(text(
        "SELECT g.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m "
        "ON m.oid = am.member WHERE m.rolname = :l AND g.rolname LIKE 'frister\\_%' ORDER BY 1 LIMIT 1"),
        {"l": login}).scalar()  # fmt: skip
    return str(row).removeprefix("frister_") if row else None


def _refuse_special(conn: Connection, login: str) -> None:
    """Superusers, the database owner, roles that cannot log in and Frister's own groups are not people."""
    row = conn.execute(text("SELECT rolsuper, rolcanlogin, rolcreaterole, rolbypassrls FROM pg_roles WHERE "
                            "rolname = :r"), {"r": login}).first()  # fmt: skip
    owner = conn.execute(text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
                              )).scalar()  # fmt: skip
    if login in GROUPS or login == owner or (row is not None and (row[0] or row[2] or row[3] or not row[1])):
        raise AdminError(f"{login} er en administrator- eller systemkonto i databaseserveren, ikke en Frister-bruger; "
                         "den ændres ikke herfra.")  # fmt: skip


def list_users(engine: Engine) -> list[Login]:
    with engine.connect() as conn:
        logins = conn.execute(text(
            "SELECT DISTINCT m.rolname FROM pg_roles m JOIN pg_auth_members am ON am.member = m.oid "
            "JOIN pg_roles g ON g.oid = am.roleid WHERE g.rolname LIKE 'frister\\_%' AND m.rolcanlogin "
            "ORDER BY 1")).scalars().all()  # fmt: skip
        out = []
        for login in logins:
            teams = conn.execute(text("SELECT t.name FROM membership m JOIN team t ON t.id = m.team_id "
                                      "WHERE m.login = :l ORDER BY t.name"), {"l": login}).scalars().all()
            out.append(Login(login, _role_of(conn, login) or "", tuple(teams)))
        return out


def remove_user(engine: Engine, login: str) -> None:
    """The login can no longer connect; its cases, caseworker row and audit history stay."""
    with engine.begin() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).scalar() is None:
            raise AdminError(f"Der er ingen bruger {login!r} i teamdatabasen.")
        _refuse_special(conn, login)
        if _role_of(conn, login) is None:
            raise AdminError(f"{login} er ikke en Frister-bruger; den fjernes ikke herfra.")
        conn.execute(text("DELETE FROM membership WHERE login = :l"), {"l": login})
        conn.execute(text(f"DROP ROLE {_quote_ident(login)}"))
        conn.execute(text("INSERT INTO audit_log (id, at, actor, entity, entity_id, action, field, before, after, "
                          "reason) VALUES (:id, now(), current_user, 'login', :l, 'remove', '', '', '', '')"),
                     {"id": uuid.uuid4(), "l": login})  # fmt: skip


def teams_of(conn: Connection, login: str) -> list[str]:
    return list(conn.execute(text("SELECT t.name FROM membership m JOIN team t ON t.id = m.team_id WHERE "
                                  "m.login = :l ORDER BY t.name"), {"l": login}).scalars())  # fmt: skip
