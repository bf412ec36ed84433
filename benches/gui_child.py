"""One cold start for bench_gui.py in a fresh process: ``gui_child.py bare|floor|app DB TMPDIR``.

Prints ``mark <phase> <perf_counter>``, ``painted`` once the window is painted with its rows (for the app: the
worklist's first load, which runs off the UI thread, has landed and been painted) and, a second later,
``rss <peak KiB>``. ``floor``: a bare window + importing SQLAlchemy + one indexed query on the same file — what
any Python app over this database pays before it draws anything. The app window is built as ``ui.app.run()``
does (the day's check and backup deferred), settings and log in TMPDIR.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def mark(phase: str) -> None:
    print(f"mark {phase} {time.perf_counter():.6f}", flush=True)


def peak_rss_kib() -> int:
    """VmHWM, the peak RSS of this process image (Linux). Not ru_maxrss: Linux keeps that across the exec, so a
    child started from a 150 MB parent reports at least 150 MB."""
    return int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0])


def main(kind: str, db: str, tmp: Path) -> None:
    # Each kind imports in the order it would ship: the console script `jobcenter-desktop` imports the command
    # line (services, storage, SQLAlchemy) before `cmd_gui` imports Qt; the floor likewise SQLAlchemy first.
    # Order matters: shiboken hooks every import after Qt's (it reads each module's source).
    if kind == "floor":
        from sqlalchemy import create_engine, text
    elif kind == "app":
        import jobcenter_desktop.cli  # noqa: F401  (what the console script imports first)

        mark("cli-imported")
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("qt-imported")
    rows_in = [True]
    window_painted = [False]
    if kind in ("bare", "floor"):
        qapp = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 760)
        if kind == "floor":
            engine = create_engine(f"sqlite:///{db}")
            with engine.connect() as conn:  # anna.k's open deadlines, from the (state, due) index
                conn.execute(text("SELECT m.id, m.due_on FROM milestone m JOIN cases c ON c.id = m.case_id "
                                  "JOIN caseworker w ON w.id = c.caseworker_id WHERE w.username = 'anna.k' "
                                  "AND m.state || '' = 'open' ORDER BY m.due_on")).fetchall()  # fmt: skip
            mark("queried")
    else:
        from common import TODAY

        from jobcenter_desktop.logsetup import setup_logging
        from jobcenter_desktop.ui.app import build_main_window, ensure_qapp

        mark("app-imported")
        setup_logging(tmp / "logs")
        qapp = ensure_qapp(sys.argv[:1])
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("identity/username", "anna.k")
        settings.setValue("identity/team", "Team Vest")
        window = build_main_window(db, actor="anna.k", today=lambda: TODAY, settings=settings)
        mark("window-built")
        rows_in[0] = not window.worklist.loading

        def landed() -> None:
            rows_in[0] = True
            mark("rows-loaded")
            if window_painted[0]:
                QTimer.singleShot(0, lambda: print("painted", flush=True))  # after the repaint the rows asked for

        window.worklist.loaded.connect(landed)

    def finish() -> None:
        print(f"rss {peak_rss_kib()}", flush=True)
        # No teardown: nothing to measure there.
        os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                window_painted[0] = True
                mark("window-painted")
                # The window paints first, its children follow in the same flush: report once that returns
                # (for the app, when its rows are in: see landed above).
                if rows_in[0]:
                    QTimer.singleShot(0, lambda: print("painted", flush=True))
                QTimer.singleShot(1000, finish)
            return False

    first_paint = FirstPaint()  # kept referenced while the loop runs
    window.installEventFilter(first_paint)
    window.show()
    qapp.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
