"""Where things live: bundled resources (also inside a PyInstaller bundle) and the user's data directory.

The one place that knows the layout; everything else asks here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "JobcenterFrister"


def app_root() -> Path:
    """The folder holding ``resources/`` and ``db/``: the bundle's unpack dir when frozen, else the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (rule catalogues, icons, styles, translations)."""
    override = os.environ.get("JOBCENTER_RESOURCES")
    base = Path(override) if override else app_root() / "resources"
    return base.joinpath(*parts)


def migrations_dir() -> Path:
    """Alembic's script directory (read from disk, so it is bundled as data)."""
    return app_root() / "db"


def default_catalogue_path() -> Path:
    return resource_path("rules", "albertslund-2016.toml")


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """``JOBCENTER_DB`` if set, else ``frister.sqlite3`` in the user's data directory."""
    env = os.environ.get("JOBCENTER_DB")
    return Path(env) if env else data_dir() / "frister.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"
