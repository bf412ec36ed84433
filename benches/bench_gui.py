"""GUI responsiveness on a database of N generated cases (offscreen Qt).

    .venv/bin/python benches/bench_gui.py [N_CASES]        (default 10000)

1. Cold start to the painted main window and peak RSS (fresh processes, `gui_child.py`) against a bare PySide6
   QMainWindow. Targets: within 2× and under 2 s; < 300 MB above.
2. Worklist search over "Alle": key press to the filtered, repainted table (no debounce). Target: median < 50 ms.
3. Kalender: previous/next month button to the reloaded, repainted month. Target: median < 30 ms. The view
   counts half a year either side at once (after each change or F5), so a switch within it is a lookup; the
   cost of that first view is printed too.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import ROOT, TODAY, bench_db, report, report_pair
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QMainWindow, QToolButton

from jobcenter_desktop.ui.app import build_main_window
from jobcenter_desktop.ui.main_window import TAB_CALENDAR, MainWindow

CHILD = Path(__file__).resolve().parent / "gui_child.py"
TIMEOUT = 120.0
# Search as a caseworker types it: names, a case number, a CPR prefix, each typed and then erased.
TYPED = ["mette", "\b" * 5, "yilmaz", "\b" * 6, "2026-001", "\b" * 8, "ali", "\b" * 3, "0101", "\b" * 4]


def cold_start(kind: str, db: Path) -> tuple[dict[str, float], int]:
    """Seconds from Popen to each phase the child marks, up to its "painted" line; the child's peak RSS (KiB)."""
    tmp = tempfile.TemporaryDirectory(prefix="bench-gui-")  # the child's settings and log; removed below
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(CHILD), kind, str(db), tmp.name], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)  # fmt: skip
    phases: dict[str, float] = {}
    rss = 0
    killer = threading.Timer(TIMEOUT, child.kill)  # a hung child is killed, which ends the loop below
    killer.start()
    try:
        for line in child.stdout or ():
            word, *rest = line.split() or [""]
            if word == "mark":
                phases[rest[0]] = float(rest[1]) - t0  # perf_counter is CLOCK_MONOTONIC: one clock for both
            elif word == "painted":
                phases[word] = time.perf_counter() - t0
            elif word == "rss":
                rss = int(rest[0])
        _, err = child.communicate()
    finally:
        killer.cancel()
        tmp.cleanup()
    if "painted" not in phases or not rss or child.returncode != 0:
        why = f"killed after {TIMEOUT:.0f} s" if child.returncode == -9 else f"rc {child.returncode}"
        raise RuntimeError(f"gui_child.py {kind} failed ({why}):\n{err.strip()}")
    return phases, rss


def bench_cold_start(db: Path, repeat: int = 5) -> None:
    """Fresh processes, alternating bare / floor / app; medians [min–max] of the ratios per round."""
    # An installed app (the wheel, the bundle) starts from compiled bytecode; a checkout under
    # PYTHONDONTWRITEBYTECODE=1 would compile every module of ours at every start instead.
    compileall.compile_dir(str(ROOT / "jobcenter_desktop"), quiet=1)
    runs: dict[str, list[tuple[dict[str, float], int]]] = {"bare": [], "floor": [], "app": []}
    for _ in range(repeat):
        for kind in runs:
            runs[kind].append(cold_start(kind, db))
    med = {kind: {k: statistics.median(r[0][k] for r in rs) for k in rs[0][0]} for kind, rs in runs.items()}
    print("# app start, median s from Popen: " + ", ".join(f"{k} {v:.2f}" for k, v in med["app"].items()))
    painted = {kind: [r[0]["painted"] for r in rs] for kind, rs in runs.items()}
    report_pair("cold start to the painted worklist vs floor", painted["app"], painted["floor"],
                "target < 0.6 s and ≤ 1.5× the floor", "s")  # fmt: skip
    report_pair("  … vs a bare window", painted["app"], painted["bare"], "", "s")
    report_pair("  floor vs a bare window", painted["floor"], painted["bare"], "", "s")
    app_mb, bare_mb = (statistics.median(r[1] for r in runs[kind]) / 1024 for kind in ("app", "bare"))
    report(f"peak memory app vs bare (+{app_mb - bare_mb:.0f} MB)", app_mb, bare_mb, "target < +300 MB", unit="MB")


def drain() -> None:
    """Deliver everything queued, including the UpdateRequest that repaints (offscreen backing store)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()


def timed(actions: list[Callable[[], None]]) -> tuple[float, float]:
    """Median and 90th percentile of each action until its effects are delivered and painted."""
    times = []
    for act in actions:
        t = time.perf_counter()
        act()
        drain()
        times.append(time.perf_counter() - t)
    return statistics.median(times), statistics.quantiles(times, n=10)[-1]


def open_window(db: Path, tmp: str) -> MainWindow:
    settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings)
    window.show()
    QTest.qWaitForWindowExposed(window)
    settle(window)
    return window


def settle(window: MainWindow) -> float:
    """Process events until the window's background loads are in; returns the longest single stretch the UI
    thread was busy meanwhile (what a user feels as a freeze: the slots that take the rows in, the repaint)."""
    from jobcenter_desktop.ui.loader import BackgroundLoad

    loaders = window.findChildren(BackgroundLoad)
    longest = 0.0
    while True:
        t = time.perf_counter()
        drain()
        longest = max(longest, time.perf_counter() - t)
        if not any(lo.running for lo in loaders):
            return longest
        time.sleep(0.001)


def keystrokes(edit: QLineEdit) -> list[Callable[[], None]]:
    def press(k: str) -> Callable[[], None]:
        return (lambda: QTest.keyClick(edit, Qt.Key.Key_Backspace)) if k == "\b" else lambda: QTest.keyClicks(edit, k)

    edit.setFocus()
    return [press(k) for k in "".join(TYPED)[:50]]


def month_switches(cal: QCalendarWidget, n: int = 30) -> list[Callable[[], None]]:
    """Previous, next, previous, … : back and forth over the busy months around today."""
    prev, nxt = (cal.findChild(QToolButton, f"qt_calendar_{name}month") for name in ("prev", "next"))
    assert isinstance(prev, QToolButton) and isinstance(nxt, QToolButton), "QCalendarWidget month buttons not found"
    return [partial(QTest.mouseClick, nxt if i % 2 else prev, Qt.MouseButton.LeftButton) for i in range(n)]


def bench_in_process(db: Path) -> None:
    ours: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        window = open_window(db, tmp)
        wl = window.worklist
        # "Mine" is what a caseworker starts on; "Alle" (every open deadline of the jobcenter) is the worst case.
        first_page: list[float] = []  # when a long list's first page was taken in (worklist_view.FIRST_PAGE)
        wl.loader.partial.connect(lambda _p: first_page.append(time.perf_counter()))
        for view, worker in (("mine", "anna.k"), ("alle", "")):
            window.tabs.setCurrentIndex(0)
            first_page.clear()
            t = time.perf_counter()
            wl.caseworker_combo.setCurrentIndex(wl.caseworker_combo.findData(worker))
            asked = time.perf_counter() - t
            stall = settle(window)
            shown = f"its first page shown after {first_page[0] - t:.2f} s, " if first_page else ""
            print(f"# worklist {view!r}: {wl.model.total():,} rows loaded in {time.perf_counter() - t:.2f} s off the "
                  f"UI thread ({shown}the rest appended below it); the UI thread was busy {asked * 1000:.0f} ms to "
                  f"ask, at most {stall * 1000:.0f} ms at a time while it loaded (taking the rows in)")  # fmt: skip
            keys = timed(keystrokes(wl.search_edit))
            wl.search_edit.clear()
            drain()
            t = time.perf_counter()
            window.tabs.setCurrentIndex(TAB_CALENDAR)
            window.calendar.reload()  # as after F5: counts a year around the month afresh
            settle(window)
            print(f"# calendar {view!r}: first view (a year of counts) {time.perf_counter() - t:.3f} s")
            ours[view] = keys, timed(month_switches(window.calendar.calendar))
        hwm = int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) // 1024
        print(f"# peak memory of this process after 'alle' (every open deadline loaded): {hwm} MB")
        window.close()
        window.deleteLater()
        drain()
    # Baselines: the same Qt widgets alone in a window of the same size, no model or data behind them.
    edit, cal, plain = QLineEdit(), QCalendarWidget(), QMainWindow()
    plain.setCentralWidget(edit)
    plain.resize(1280, 760)
    plain.show()
    QTest.qWaitForWindowExposed(plain)
    base = timed(keystrokes(edit))
    plain.setCentralWidget(cal)
    drain()
    base_cal = timed(month_switches(cal))
    plain.close()
    for view, (keys, months) in ours.items():
        for label, (med, p90), (b_med, b_p90), target in (
            (f"worklist search keystroke, {view}", keys, base, "target median < 0.050 s"),
            (f"calendar month switch, {view}", months, base_cal, "target median < 0.030 s"),
        ):
            report(f"{label} (median)", med, b_med, target)
            report(f"{label} (p90)", p90, b_p90)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    path = bench_db(n)
    bench_cold_start(path)
    bench_in_process(path)
    print(f"# total {time.perf_counter() - t0:.0f} s")
