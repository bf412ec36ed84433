"""The real PostgreSQL server the test command starts (scripts/pg-cluster.sh, ``JOBCENTER_TEST_PG``): a template
database set up once with ``server init`` and the test logins, and a fresh copy of it per test."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import create_engine, text

from jobcenter_desktop.services import server
from jobcenter_desktop.storage.target import parse_server_url

PASSWORD = "test-kode-123"
TEMPLATE = "frister_template"
# Every login the storage/services tests act as, with the teams they use (first = the caseworker's own team).
LOGINS: dict[str, tuple[str, tuple[str, ...]]] = {
    "anna.k": ("caseworker", ("Team Vest", "Team Øst", "Team Test")),
    "bo.l": ("caseworker", ("Team Vest", "Team Øst", "Team Test")),
    "carla.m": ("caseworker", ("Team Vest", "Team Øst", "Team Test")),
    "dennis.p": ("caseworker", ("Team Vest", "Team Øst")),
    "eva.s": ("caseworker", ("Team Vest", "Team Øst")),
    "child": ("caseworker", ("Team Vest",)),
    "olga.o": ("caseworker", ("Team Nord",)),  # another team only: sees nothing of Team Vest
    "tina.t": ("teamlead", ("Team Vest",)),
    "adam.a": ("admin", ("Team Vest",)),
}


def server_url() -> str | None:
    return os.environ.get("JOBCENTER_TEST_PG") or None


class PgServer:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 5432
        self.superuser = url
        self._admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT",
                                    pool_pre_ping=True)  # a test restarts the server
        self._make_template()

    def owner_url(self, db: str) -> str:
        base = self.superuser.rsplit("/", 1)[0]
        return f"{base}/{db}"

    def url(self, login: str, db: str) -> str:
        return f"postgresql://{login}:{PASSWORD}@{self.host}:{self.port}/{db}"

    def _make_template(self) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {TEMPLATE}"))
        target = parse_server_url(self.owner_url(TEMPLATE))
        server.init(target)
        for login, (role, teams) in LOGINS.items():
            for team in teams:
                server.add_user(target, login, team, role, PASSWORD)
        # Each test starts with an empty history, as a new file does (the owner is not bound by the grants).
        engine = create_engine(target.sqlalchemy_url())
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
        engine.dispose()

    def new_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        with self._admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}"))
        return name

    def clone(self, source: str) -> str:
        """A copy of a database (nobody may be connected to ``source``)."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        with self._admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {source}"))
        return name

    def drop(self, name: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def close(self) -> None:
        self._admin.dispose()


def pg_ctl(*args: str) -> None:
    """pg_ctl on the test command's own cluster (JOBCENTER_TEST_PG_DIR), as the postgres user: stop, start."""
    import os
    import subprocess

    data = Path(os.environ["JOBCENTER_TEST_PG_DIR"]) / "data"
    binary = next(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), None)
    cmd = [str(binary or "pg_ctl"), "-D", str(data), "-w", *args]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def stop_server() -> None:
    pg_ctl("-m", "fast", "stop")


def start_server() -> None:
    import os

    folder = Path(os.environ["JOBCENTER_TEST_PG_DIR"])
    pg_ctl("-l", str(folder / "server.log"), "-o", (folder / "server.opts").read_text().strip(), "start")
