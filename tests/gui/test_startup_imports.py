"""What a start of the window imports: the heavy libraries wait until they are used (an export, a recompute, the
Team tab's charts). openpyxl once crept back in through an import chain (the Team tab → the export dialog →
the worklist service → the Excel writer) and cost ~0.3 s of every start; this holds the line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LATER = ("openpyxl", "numpy", "alembic", "pyqtgraph", "icalendar", "docxtpl", "keyring", "psycopg",
         "sqlalchemy.dialects.postgresql")  # fmt: skip


def test_opening_the_window_module_imports_none_of_the_libraries_used_later(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = ("import json, sys; import jobcenter_desktop.ui.app, jobcenter_desktop.ui.main_window; "
            f"print(json.dumps([m for m in {LATER!r} if m in sys.modules]))")  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_window_module_leaves_the_other_tabs_modules_until_they_are_shown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The calendar, register and Team tabs are built when first shown (ui.tab_pages), their modules imported then."""
    tabs = ("jobcenter_desktop.ui.calendar_view", "jobcenter_desktop.ui.case_register_view",
            "jobcenter_desktop.ui.team_view")  # fmt: skip
    code = ("import json, sys; import jobcenter_desktop.ui.app, jobcenter_desktop.ui.main_window; "
            f"print(json.dumps([m for m in {tabs!r} if m in sys.modules]))")  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
