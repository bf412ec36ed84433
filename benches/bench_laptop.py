"""A caseworker's caseload of 150 cases out to a laptop and back (issue 13): check-out (encrypted and not), a day's
work offline (30 cases changed, 3 new), check-in with the refresh of the copy. Medians over rounds, in seconds;
the baseline is the same number of cases listed and read once over the same connection (what any copy must do).

    .venv/bin/python benches/bench_laptop.py [--cases 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from common import postgres_superuser, report
from sqlalchemy import create_engine, text

from jobcenter_desktop.services import server
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.storage.target import parse_server_url

TODAY = date(2026, 11, 23)
PASS = "bærbar-kode-1"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with postgres_superuser() as superuser, tempfile.TemporaryDirectory() as tmp:
        name = f"bench_laptop_{uuid.uuid4().hex[:8]}"
        admin = create_engine(superuser.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        owner = parse_server_url(superuser.rsplit("/", 1)[0] + "/" + name)
        server.init(owner)
        server.add_user(owner, "anna.k", "Team Vest", "caseworker", "bench-kode-1")
        url = f"postgresql://anna.k:bench-kode-1@{superuser.split('@', 1)[1].rsplit('/', 1)[0]}/{name}"
        anna = Frister.open(url)
        for i in range(args.cases):
            cpr = f"{i % 28 + 1:02d}{i // 28 % 12 + 1:02d}{70 + i // 336:02d}-{1000 + i:04d}"
            anna.cases.register(NewCase("dagpenge", f"Fiktiv {i}", cpr, {"ledigmelding": TODAY}), TODAY)
        figures: dict[str, list[float]] = {}

        def timed(label: str, fn):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            out = fn()
            figures.setdefault(label, []).append(time.perf_counter() - t)
            return out

        for r in range(args.rounds):
            timed("baseline: list and read the cases", lambda: [anna.cases.get(c.id) for c in anna.cases.search()])
            ids = anna.checkouts.case_ids(mine=True, numbers=[])
            plain = Path(tmp) / f"plain{r}.sqlite3"
            timed("check-out, unencrypted",
                  lambda p=plain, i=ids: anna.checkouts.checkout(p, i, passphrase=None, device="b"))  # fmt: skip
            anna.checkins.checkin(plain, passphrase=None, today=TODAY, release=True)
            laptop = Path(tmp) / f"laptop{r}.sqlite3"
            timed("check-out, encrypted",
                  lambda p=laptop, i=ids: anna.checkouts.checkout(p, i, passphrase=PASS, device="b"))  # fmt: skip
            lap = Frister.open(laptop, passphrase=PASS)
            for c in lap.cases.search()[:30]:
                full = lap.cases.get(c.id)
                lap.cases.update_notes(c.id, f"runde {r}", expected_version=full.version)
            for i in range(3):
                lap.cases.register(NewCase("dagpenge", f"Ny {r}{i}", f"{i + 1:02d}0{r + 1}99-{4000 + r * 3 + i}",
                                           {"ledigmelding": TODAY}), TODAY)  # fmt: skip
            lap.close()
            done = timed("check-in (33 changed cases) and refresh, encrypted",
                         lambda p=laptop: anna.checkins.checkin(p, passphrase=PASS, today=TODAY))  # fmt: skip
            assert done.applied == 33, done
            anna.checkins.checkin(laptop, passphrase=PASS, today=TODAY, release=True)
        anna.close()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()
    base = statistics.median(figures.pop("baseline: list and read the cases"))
    print(f"# {args.cases} cases, {args.rounds} rounds, medians [min–max]")
    for label, values in figures.items():
        report(f"{label} [{min(values):.2f}–{max(values):.2f}]", statistics.median(values), base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
