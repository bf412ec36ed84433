"""Shared helpers for the benchmarks: a generated database of N fake cases (cached), timing and printing.

Benchmarks print one line per figure, each as a ratio against a baseline measured in the same run, because
these machines are noisy: absolute times wander ±30 %, ratios much less. Quote medians.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "out" / "bench"
TODAY = date(2026, 11, 23)


def bench_db(cases: int) -> Path:
    """A demo database with ``cases`` generated cases (fake people), built once and reused."""
    from jobcenter_desktop.cli import main

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"bench-{cases}.sqlite3"
    if not path.exists():
        t = time.perf_counter()
        tmp = path.with_suffix(".building")
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        main(["--db", str(tmp), "--as", "anna.k", "--my-team", "Team Vest", "--today", TODAY.isoformat(),
              "demo", "--cases", str(cases)])  # fmt: skip
        tmp.rename(path)
        print(f"# generated {cases:,} cases in {time.perf_counter() - t:.0f} s → {path}")
    return path


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def alternate(candidate: Callable[[], object], baseline: Callable[[], object], rounds: int = 7
              ) -> tuple[list[float], list[float]]:  # fmt: skip
    """Times of ``rounds`` runs each, alternating baseline and candidate (B A B A …), so a load swing on the
    machine moves both alike; one untimed warm-up of each first."""
    baseline()
    candidate()
    a: list[float] = []
    b: list[float] = []
    for _ in range(rounds):
        for fn, out in ((baseline, b), (candidate, a)):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return a, b


def spread(values: list[float], scale: float = 1.0, digits: int = 3) -> str:
    """``median [min–max]`` of the values (times ``scale``)."""
    v = sorted(x * scale for x in values)
    return f"{statistics.median(v):.{digits}f} [{v[0]:.{digits}f}–{v[-1]:.{digits}f}]"


def report_pair(figure: str, a: list[float], b: list[float], target: str = "", unit: str = "ms") -> float:
    """One line: candidate and baseline as median [min–max], and the median of the per-round ratios."""
    scale = 1000.0 if unit == "ms" else 1.0
    ratios = [x / y for x, y in zip(a, b, strict=True) if y]
    ratio = statistics.median(ratios) if ratios else float("inf")
    print(f"{figure:<44} {spread(a, scale)} {unit}  baseline {spread(b, scale)} {unit}  "
          f"ratio {ratio:5.2f} [{min(ratios):.2f}–{max(ratios):.2f}]  {target}")  # fmt: skip
    return ratio


def callgrind_instructions(argv: list[str]) -> int | None:
    """Instructions a command executes under valgrind's callgrind (counts the same on a loaded machine);
    None where valgrind is not installed."""
    import shutil

    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", *argv],
                             capture_output=True, text=True, cwd=ROOT)  # fmt: skip
        for line in out.stderr.splitlines():
            if "Collected :" in line:
                return int(line.rsplit(":", 1)[1].strip().replace(",", ""))
    return None


def report(figure: str, value: float, baseline: float, target: str = "", unit: str = "s") -> None:
    ratio = value / baseline if baseline else float("inf")
    print(f"{figure:<48} {value:9.3f} {unit}  baseline {baseline:9.3f} {unit}  ratio {ratio:6.2f}  {target}")


@contextlib.contextmanager
def postgres_superuser() -> Iterator[str]:
    """JOBCENTER_TEST_PG (as the test command exports it), else a throw-away cluster for the bench's run."""
    given = os.environ.get("JOBCENTER_TEST_PG")
    if given:
        yield given
        return
    cluster = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    cluster.rmdir()
    script = str(ROOT / "scripts" / "pg-cluster.sh")
    out = subprocess.run(["bash", script, "start", str(cluster)], check=True, capture_output=True, text=True).stdout
    try:
        yield next(line.split("=", 1)[1] for line in out.splitlines() if "JOBCENTER_TEST_PG=" in line)
    finally:
        subprocess.run(["bash", script, "stop", str(cluster)], check=False)
