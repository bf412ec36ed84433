"""export/ics.py on its own: what an event holds, and a write that fails leaves the old file untouched."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from jobcenter_desktop.export.ics import DeadlineEvent, write_ics
from jobcenter_desktop.export.xlsx_common import ExportError

STAMP = datetime(2026, 12, 1, 8, 30)
EVENT = DeadlineEvent(uuid.UUID(int=7), "2026-00012", "Samtale", "Dagpenge", date(2026, 12, 24), None, 2)


def test_an_all_day_event(tmp_path: Path) -> None:
    out = tmp_path / "f.ics"
    write_ics([EVENT], out, STAMP)
    [e] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(e["uid"]) == "00000000-0000-0000-0000-000000000007@jobcenter-frister"
    assert str(e["summary"]) == "2026-00012: Samtale (Dagpenge)"
    assert e.decoded("dtstart") == date(2026, 12, 24) and e.decoded("dtend") == date(2026, 12, 25)
    assert "DTSTART;VALUE=DATE:20261224" in out.read_text()
    assert int(e["sequence"]) == 2 and str(e["class"]) == "PRIVATE" and str(e["transp"]) == "TRANSPARENT"


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "f.ics"
    out.write_bytes(b"old")

    def broken(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jobcenter_desktop.export.ics.os.replace", broken)
    with pytest.raises(ExportError, match="kunne ikke skrives"):
        write_ics([EVENT], out, STAMP)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.ics"]  # no temporary file left behind
