"""Start-up with a missing or broken rule catalogue: a clear Danish message; the database is not touched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import StartupError


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "frister.sqlite3"
    app = Frister.open(path, actor="anna.k")
    app.cases.register(NewCase("dagpenge", "Fiktiv Person", "010190-1235", {"ledigmelding": date(2026, 11, 16)}),
                       date(2026, 11, 23))  # fmt: skip
    app.close()
    return path


def test_missing_catalogue_file(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "findes-ikke.toml"
    before = db.read_bytes()
    with pytest.raises(StartupError, match=r"findes-ikke\.toml.*kan ikke læses"):
        Frister.open(db, actor="anna.k", catalogue_path=missing)
    assert db.read_bytes() == before


def test_broken_catalogue_lists_every_problem(db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "kommune.toml"
    broken.write_text('[catalogue]\nid = "x"\n\n[[milestones]]\nid = "a"\nunit = "fortnights"\n', encoding="utf-8")
    with pytest.raises(StartupError) as info:
        Frister.open(db, actor="anna.k", catalogue_path=broken)
    message = str(info.value)
    assert "Regelkataloget har" in message
    for part in ("catalogue.title", "milestones[a].unit", "ukendt enhed 'fortnights'", str(broken)):
        assert part in message


def test_a_stored_catalogue_path_that_went_missing(db: Path, tmp_path: Path) -> None:
    """The catalogue chosen in Indstillinger was deleted: the message names the file, nothing is changed."""
    moved = tmp_path / "valgt.toml"
    moved.write_text((Path(__file__).resolve().parents[3] / "resources" / "rules" / "albertslund-2016.toml")
                     .read_text(encoding="utf-8"), encoding="utf-8")  # fmt: skip
    app = Frister.open(db, actor="anna.k")
    app.settings.set_catalogue_path(str(moved))
    app.close()
    moved.unlink()
    with pytest.raises(StartupError, match=r"valgt\.toml"):
        Frister.open(db, actor="anna.k")
