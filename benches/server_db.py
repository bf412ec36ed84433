"""The benches' team database: the same generated cases as ``common.bench_db(n)``'s SQLite file, copied row for
row into a PostgreSQL database initialised by ``server init`` (the app's own migrations, roles and policies), so
both sides of every ratio hold the same people, deadlines and states. Copying takes about a minute at 100,000
cases; ``demo --cases`` on the server directly takes 15. Built once per server and reused (by name).

The logins: anna.k (caseworker) and bo.l (team lead) in Team Vest, adam.a (admin); password ``bench-kode-1``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, insert, select, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-kode-1"
LOGINS = (("anna.k", "Team Vest", "caseworker"), ("bo.l", "Team Vest", "teamlead"), ("adam.a", "Team Vest", "admin"))
SKIPPED = {"audit_log", "alembic_version"}  # the history is not what the benches read; init writes its own


def _with_db(superuser: str, dbname: str) -> str:
    p = urlsplit(superuser)
    return urlunsplit((p.scheme, p.netloc, f"/{dbname}", p.query, ""))


def server_bench_db(superuser: str, source: Path, cases: int) -> str:
    """The database's name on the server at ``superuser`` (a URL of the postgres superuser)."""
    from jobcenter_desktop.services import server
    from jobcenter_desktop.storage.orm import Base
    from jobcenter_desktop.storage.target import parse_server_url

    name = f"frister_bench_{cases}"
    admin = create_engine(superuser.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": f"{name}"}).scalar():
            admin.dispose()
            return name
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}_building"'))
        conn.execute(text(f'CREATE DATABASE "{name}_building"'))
    t = time.perf_counter()
    from jobcenter_desktop.services.app import Frister

    Frister.open(source, actor="bench").close()  # the file at this program's schema first (a cached old one)
    owner = parse_server_url(_with_db(superuser, f"{name}_building"))
    server.init(owner)
    src = create_engine(f"sqlite:///{source}")
    dst = create_engine(owner.sqlalchemy_url())
    with src.connect() as s, dst.begin() as d:
        d.execute(text("SET session_replication_role = replica"))  # no NOTIFY or audit triggers while copying
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED:
                continue
            d.execute(table.delete())  # what init put there (settings, counter) comes from the file instead
            rows = s.execute(select(table)).mappings()
            while chunk := rows.fetchmany(5000):
                d.execute(insert(table), [dict(r) for r in chunk])
        d.execute(text("SET session_replication_role = origin"))
    src.dispose()
    dst.dispose()
    for login, team, role in LOGINS:
        server.add_user(owner, login, team, role, PASSWORD)
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}_building" RENAME TO "{name}"'))
    admin.dispose()
    analyze = create_engine(_with_db(superuser, name).replace("postgresql://", "postgresql+psycopg://"),
                            isolation_level="AUTOCOMMIT")  # fmt: skip
    with analyze.connect() as conn:
        conn.execute(text("VACUUM ANALYZE"))
    analyze.dispose()
    print(f"# copied {cases:,} cases into the team database {name} in {time.perf_counter() - t:.0f} s")
    return name


def login_url(superuser: str, name: str, login: str) -> str:
    p = urlsplit(superuser)
    netloc = f"{login}:{PASSWORD}@{p.hostname}:{p.port or 5432}"
    return urlunsplit(("postgresql", netloc, f"/{name}", "", ""))
