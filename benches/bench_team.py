"""Many writers at once: N client processes, each its own login (on the team database) or its own app instance
(on a SQLite file), adding cases and marking milestones done as fast as they can. Prints throughput and the
median / p95 latency of one user action for both, in alternating rounds (PG, SQLite, PG, SQLite, ...), and the
ratio team/file. Goal (issue 12): p95 of a single action < 100 ms with 20 concurrent clients.

    python benches/bench_team.py [--clients 20] [--actions 30] [--rounds 2]

Uses JOBCENTER_TEST_PG (a superuser URL, as the test command exports) or starts a throw-away cluster itself.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import json, random, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, {root!r})
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
app = Frister.open({target!r}, **{kwargs!r})
go = Path({go!r})
# Warm up as a window does before its first click: calendar, catalogue, holidays, one validation read.
warm = NewCase("dagpenge", "Fiktiv", "010170-1000", {{"ledigmelding": date(2026, 11, 23)}})
app.cases.check(warm, date(2026, 11, 23))
print("READY", flush=True)
while not go.exists():
    time.sleep(0.002)
today = date(2026, 11, 23)
times, last = [], None
rng = random.Random({client})
for i in range({actions}):
    time.sleep(rng.uniform(0, 2 * {think}))  # a person between two clicks (0 = as fast as possible)
    t = time.perf_counter()
    if last is None or i % 2 == 0:
        cpr = f"{{(i % 28) + 1:02d}}{{({client} % 12) + 1:02d}}{{70 + {client} % 30:02d}}-{{1000 + i}}"
        last = app.cases.register(NewCase("dagpenge", f"Fiktiv {{i}}", cpr, {{"ledigmelding": today}}), today)
    else:
        m = next(m for m in last.milestones if m.due is not None and m.done_on is None)
        last = app.cases.complete(m.id, today, today, expected_version=last.version)
    times.append(time.perf_counter() - t)
app.close()
print(json.dumps(times), flush=True)
"""


def _run(targets: list[tuple[str, dict[str, object]]], actions: int, think: float) -> tuple[float, list[float]]:
    """All clients start together; returns (wall seconds, every action's latency)."""
    with tempfile.TemporaryDirectory() as tmp:
        go = Path(tmp) / "go"
        procs = []
        for client, (target, kwargs) in enumerate(targets):
            script = CHILD.format(root=str(ROOT), target=target, kwargs=kwargs, go=str(go), actions=actions,
                                  client=client, think=think)  # fmt: skip
            procs.append(subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True))
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "READY"
        start = time.perf_counter()
        go.touch()
        latencies: list[float] = []
        for p in procs:
            out, _ = p.communicate(timeout=600)
            assert p.returncode == 0, out
            latencies += json.loads(out.strip().splitlines()[-1])
        return time.perf_counter() - start, latencies


def _team_db(superuser: str, clients: int) -> str:
    from sqlalchemy import create_engine, text

    from jobcenter_desktop.services import server
    from jobcenter_desktop.storage.target import parse_server_url

    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(superuser.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    owner = parse_server_url(superuser.rsplit("/", 1)[0] + "/" + name)
    server.init(owner)
    for i in range(clients):
        server.add_user(owner, f"bench{i:02d}", "Team Bench", "caseworker", "bench-kode")
    return name


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--actions", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--think", type=float, default=0.5, help="mean seconds between two actions of one client")
    args = ap.parse_args()
    superuser = os.environ.get("JOBCENTER_TEST_PG")
    cluster = None
    if not superuser:
        cluster = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        cluster.rmdir()
        out = subprocess.run(["bash", str(ROOT / "scripts" / "pg-cluster.sh"), "start", str(cluster)], check=True,
                             capture_output=True, text=True).stdout  # fmt: skip
        superuser = next(line.split("=", 1)[1] for line in out.splitlines() if "JOBCENTER_TEST_PG=" in line)
    try:
        host = superuser.split("@", 1)[1].rsplit("/", 1)[0]
        results: dict[str, list[tuple[float, list[float]]]] = {"team": [], "file": []}
        for _ in range(args.rounds):
            db = _team_db(superuser, args.clients)
            urls = [(f"postgresql://bench{i:02d}:bench-kode@{host}/{db}", {}) for i in range(args.clients)]
            results["team"].append(_run(urls, args.actions, args.think))
            with tempfile.TemporaryDirectory() as tmp:
                path = str(Path(tmp) / "bench.sqlite3")
                from jobcenter_desktop.services.app import Frister

                Frister.open(path, actor="setup").close()  # created and migrated once, not by 20 at once
                files = [(path, {"actor": f"bench{i:02d}", "team": "Team Bench"}) for i in range(args.clients)]
                results["file"].append(_run(files, args.actions, args.think))
        n = args.clients * args.actions
        print(f"# {args.clients} clients x {args.actions} actions (add a case / mark a milestone done), mean think "
              f"time {args.think} s, {args.rounds} alternating rounds; medians over rounds")  # fmt: skip
        figures = {}
        for kind, runs in results.items():
            thr = statistics.median(n / wall for wall, _ in runs)
            p50 = statistics.median(_pct(lat, 0.50) for _, lat in runs) * 1000
            p95 = statistics.median(_pct(lat, 0.95) for _, lat in runs) * 1000
            spread = [round(_pct(lat, 0.95) * 1000) for _, lat in runs]
            figures[kind] = (thr, p50, p95)
            print(f"{kind:<5} throughput {thr:7.1f} actions/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms "
                  f"(p95 per round {spread})")  # fmt: skip
        t, f = figures["team"], figures["file"]
        print(f"ratio team/file: throughput {t[0] / f[0]:.2f}, p95 {t[2] / f[2]:.2f}   goal: p95 < 100 ms on the "
              f"team database: {'met' if t[2] < 100 else 'MISSED'}")  # fmt: skip
    finally:
        if cluster is not None:
            subprocess.run(["bash", str(ROOT / "scripts" / "pg-cluster.sh"), "stop", str(cluster)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
