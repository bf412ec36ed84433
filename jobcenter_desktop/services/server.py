"""The administrator's side of the team database: ``server init`` (schema, roles, grants, row-level security;
run again it upgrades and is otherwise a no-op) and the logins of the people who use it. Run with the database
owner's login; nothing here is reachable from a caseworker's or team lead's login (they own nothing)."""

from __future__ import annotations

import re

from jobcenter_desktop.core.text import TextError, check_identity
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage import server_admin
from jobcenter_desktop.storage.server_admin import AdminError, Login, owner_engine
from jobcenter_desktop.storage.target import ServerTarget

_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,62}$")


def check_login(login: str) -> str:
    """A login: lower-case letters, digits, '.', '_' and '-' (it is typed into connection strings and pgpass)."""
    try:
        value = check_identity(login, "Brugernavnet")
    except TextError as e:
        raise ServiceError(str(e)) from None
    if not _LOGIN.match(value) or value.startswith(("pg_", "frister_")):
        raise ServiceError(f"Brugernavnet {value!r} kan ikke bruges som login: brug små bogstaver, tal, punktum, "
                           "bindestreg og understreg (fx anna.k).")  # fmt: skip
    return value


def init(target: ServerTarget) -> str:
    """Create or upgrade the schema and (re)apply roles, grants and policies. Returns a Danish summary."""
    try:
        with owner_engine(target) as engine:
            before, now = server_admin.initialise(engine)
    except AdminError as e:
        raise ServiceError(str(e)) from e
    if before is None:
        return f"Teamdatabasen {target.dbname} er sat op (skemaversion {now}, roller og adgangsregler)."
    if before != now:
        return f"Teamdatabasen {target.dbname} er opgraderet fra skemaversion {before} til {now}."
    return f"Teamdatabasen {target.dbname} var allerede sat op (skemaversion {now}); adgangsreglerne er genskabt."


def add_user(target: ServerTarget, login: str, team: str, role: str, password: str | None) -> None:
    login = check_login(login)
    try:
        team = check_identity(team, "Teamet")
        with owner_engine(target) as engine:
            server_admin.add_user(engine, login, team, role, password)
    except (TextError, AdminError) as e:
        raise ServiceError(str(e)) from e


def list_users(target: ServerTarget) -> list[Login]:
    try:
        with owner_engine(target) as engine:
            return server_admin.list_users(engine)
    except AdminError as e:
        raise ServiceError(str(e)) from e


def remove_user(target: ServerTarget, login: str) -> None:
    try:
        with owner_engine(target) as engine:
            server_admin.remove_user(engine, login.strip())
    except AdminError as e:
        raise ServiceError(str(e)) from e
