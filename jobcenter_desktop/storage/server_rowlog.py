"""The server's own record of who changed which row: every INSERT and UPDATE of case data on the team database,
by any client (the app, psql, a script), lands in ``frister_row_log`` with the login, the server's time, the
table, the row and the names of the columns that changed; never their values, so no CPR number is copied.

The app writes its own, readable audit entries (``audit_log``); this log is the guarantee underneath it: a
caseworker who edits a row of their own team with raw SQL still leaves a trace they cannot remove. Only admins
read it (psql: ``SELECT * FROM frister_row_log ORDER BY id DESC``); nobody can change or delete it, not even an
admin's client: the trigger function runs as the database owner and is the only writer."""

from __future__ import annotations

from sqlalchemy import Connection, text

TABLE = "frister_row_log"
WATCHED = ("cases", "milestone", "trigger_event", "pause", "party")

_CREATE = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    login name NOT NULL,
    tbl text NOT NULL,
    op text NOT NULL,
    row_id uuid,
    case_id uuid,
    columns text[] NOT NULL
)
"""

# session_user, not current_user: inside a SECURITY DEFINER function current_user is the owner, and a login's
# SET ROLE changes current_user but never session_user.
_FUNCTION = f"""
CREATE OR REPLACE FUNCTION frister_row_log() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n jsonb := to_jsonb(NEW);
    o jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE '{{}}'::jsonb END;
    changed text[];
BEGIN
    SELECT coalesce(array_agg(key ORDER BY key), '{{}}') INTO changed
      FROM jsonb_each(n) WHERE value IS DISTINCT FROM o -> key;
    IF TG_OP = 'UPDATE' AND changed = '{{}}' THEN
        RETURN NULL;
    END IF;
    INSERT INTO {TABLE} (login, tbl, op, row_id, case_id, columns)
    VALUES (session_user, TG_TABLE_NAME, TG_OP, (n ->> 'id')::uuid,
            CASE WHEN TG_TABLE_NAME = 'cases' THEN (n ->> 'id')::uuid ELSE (n ->> 'case_id')::uuid END, changed);
    RETURN NULL;
END $$
"""


def apply_row_log(conn: Connection, admin: str) -> None:
    """Idempotent: the table, the owner's trigger function, a trigger on every case table, admins' SELECT."""
    conn.execute(text(_CREATE))
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_case ON {TABLE} (case_id)"))
    conn.execute(text(_FUNCTION))
    conn.execute(text("REVOKE ALL ON FUNCTION frister_row_log() FROM PUBLIC"))
    conn.execute(text(f"REVOKE ALL ON {TABLE} FROM PUBLIC"))
    conn.execute(text(f"GRANT SELECT ON {TABLE} TO {admin}"))
    for table in WATCHED:
        conn.execute(text(f"DROP TRIGGER IF EXISTS frister_row_log ON {table}"))
        conn.execute(text(f"CREATE TRIGGER frister_row_log AFTER INSERT OR UPDATE ON {table} "
                          "FOR EACH ROW EXECUTE FUNCTION frister_row_log()"))  # fmt: skip
