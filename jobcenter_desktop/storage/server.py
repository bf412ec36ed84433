"""The team database: PostgreSQL through psycopg 3. Clients connect as their own login role; the server decides
what each may see and change (roles, row-level security, append-only audit grants: storage.server_admin).

A desktop client keeps a small pool that survives VPN drops, server restarts and a closed laptop lid: every
checkout is pinged first (``pool_pre_ping``) and old connections are recycled, so after an outage the next
action reconnects by itself. What was in flight when the connection broke is rolled back by the server.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, exc, text

from jobcenter_desktop.storage.db import Database, DatabaseError
from jobcenter_desktop.storage.target import ServerTarget

CONNECT_TIMEOUT_S = 5


class ServerUnreachable(DatabaseError):
    pass


class LoginFailed(DatabaseError):
    """Wrong or missing password (or the login does not exist): ask the person again."""


def server_engine(target: ServerTarget, *, pool_size: int = 2) -> Engine:
    return create_engine(
        target.sqlalchemy_url(), pool_pre_ping=True, pool_size=pool_size, max_overflow=4, pool_recycle=900,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "jobcenter-frister"},
    )  # fmt: skip


def describe_connect_error(e: BaseException, target: ServerTarget) -> DatabaseError:
    """A connection that did not come about, as the Danish message a person can act on."""
    message = str(getattr(e, "orig", e))
    low = message.lower()
    if "password authentication failed" in low or "no password supplied" in low or ("does not exist" in low and \
            "role" in low):  # fmt: skip
        return LoginFailed(f"Login til teamdatabasen mislykkedes for {target.login}: forkert eller manglende "
                           "adgangskode (eller ukendt bruger).")  # fmt: skip
    if ("invalid" in low and ("option" in low or "value" in low or "sslmode" in low)) or "invalid connection" in low:
        return DatabaseError(f"Adressen til teamdatabasen har en ugyldig indstilling ({message.splitlines()[0][:120]})."
                             " Ret adressen.")  # fmt: skip
    if "database" in low and "does not exist" in low:
        return DatabaseError(f"Teamdatabasen {target.dbname} findes ikke på {target.host}. Kontrollér adressen, "
                             "eller bed administratoren oprette den ('server init').")  # fmt: skip
    return ServerUnreachable(f"Teamdatabasen på {target.host}:{target.port} kan ikke nås lige nu (netværk, VPN "
                             "eller serveren er nede). Prøv igen om lidt.")  # fmt: skip


def open_server(target: ServerTarget, schema_head: str) -> tuple[Database, str]:
    """Connect as the target's login; returns the database and the login the server says we are (the actor
    of every change). A schema behind the program is the administrator's to upgrade ('server init')."""
    engine = server_engine(target)
    try:
        with engine.connect() as conn:
            login = str(conn.execute(text("SELECT current_user")).scalar_one())
            has_version = conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar_one()
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_version else None
    except exc.OperationalError as e:
        engine.dispose()
        raise describe_connect_error(e, target) from e
    except exc.DBAPIError as e:
        engine.dispose()
        raise DatabaseError(f"Teamdatabasen kan ikke bruges: {str(getattr(e, 'orig', e)).splitlines()[0]}") from e
    if revision != schema_head:
        engine.dispose()
        if revision is None:
            raise DatabaseError(f"Databasen {target.dbname} er ikke sat op til Frister endnu. Bed administratoren "
                                "køre 'jobcenter-desktop --server … server init'.")  # fmt: skip
        raise DatabaseError(f"Teamdatabasen har skemaversion {revision}, og programmet bruger {schema_head}. Bed "
                            "administratoren køre 'server init' (opgraderer), eller opdatér programmet.")  # fmt: skip
    return Database(engine, None, None), login


def server_driver() -> str:
    """psycopg's and libpq's versions: the self-test proves a bundle can reach a team database at all."""
    import psycopg
    from sqlalchemy.dialects.postgresql import psycopg as _dialect  # noqa: F401  loaded by name at connect

    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})"
