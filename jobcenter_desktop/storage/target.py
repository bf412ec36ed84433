"""Where the data lives: a SQLite file on this PC (optionally SQLCipher-encrypted), or the team's PostgreSQL
server. Everything above storage names a target; only storage knows what opening one means."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit


class TargetError(ValueError):
    """The text names no usable database; the message is Danish."""


@dataclass(frozen=True)
class FileTarget:
    path: Path

    def describe(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class ServerTarget:
    """``postgresql://LOGIN@HOST:PORT/DBNAME``. The password never sits in the URL we keep or show: it comes
    from libpq's usual places (PGPASSWORD, the pgpass file), the credential store, or the person."""

    login: str
    host: str
    port: int
    dbname: str
    password: str | None = field(default=None, repr=False, compare=False)
    options: str = ""  # the URL's query (sslmode=…, …), passed to libpq as is

    def describe(self) -> str:
        return f"postgresql://{self.login}@{self.host}:{self.port}/{self.dbname}"

    def sqlalchemy_url(self) -> str:
        auth = quote(self.login, safe="")
        if self.password is not None:
            auth += ":" + quote(self.password, safe="")
        query = f"?{self.options}" if self.options else ""
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{quote(self.dbname, safe='')}{query}"

    def with_password(self, password: str | None) -> ServerTarget:
        return ServerTarget(self.login, self.host, self.port, self.dbname, password, self.options)


Target = FileTarget | ServerTarget


def is_server_url(text: str) -> bool:
    return text.strip().lower().startswith(("postgresql://", "postgres://"))


def parse_server_url(text: str) -> ServerTarget:
    try:
        parts = urlsplit(text.strip())
        port = parts.port or 5432
    except ValueError as e:
        raise TargetError(f"Adressen til teamdatabasen kan ikke læses ({e}); brug postgresql://BRUGER@VÆRT:PORT/DB."
                          ) from None  # fmt: skip
    if parts.scheme.lower() not in ("postgresql", "postgres") or not parts.hostname:
        raise TargetError("Adressen til teamdatabasen skal have formen postgresql://BRUGER@VÆRT:PORT/DATABASE.")
    login = unquote(parts.username or "")
    dbname = unquote(parts.path.lstrip("/"))
    if not login:
        raise TargetError("Adressen til teamdatabasen mangler brugernavnet (postgresql://BRUGER@VÆRT/DATABASE).")
    if not dbname:
        raise TargetError("Adressen til teamdatabasen mangler databasens navn (postgresql://BRUGER@VÆRT/DATABASE).")
    password = unquote(parts.password) if parts.password is not None else None
    return ServerTarget(login, parts.hostname, port, dbname, password, parts.query)


def parse_target(value: str | Path) -> Target:
    if isinstance(value, Path):
        return FileTarget(value)
    return parse_server_url(value) if is_server_url(value) else FileTarget(Path(value))
