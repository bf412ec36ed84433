"""Filer → Eksportér til kalender in the real window: the worklist's caseworker, a file read back, the folder
remembered, a bad folder said in Danish."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from PySide6.QtWidgets import QMessageBox

from jobcenter_desktop.ui.ics_export import export_calendar


def test_export_the_worklists_caseworker(window, tmp_path: Path) -> None:
    asked = []

    def ask(parent, title, suggested, filters) -> str:  # type: ignore[no-untyped-def]
        asked.append((title, suggested, filters))
        return str(tmp_path / "mine")  # typed without the suffix

    path = export_calendar(window, ask)
    assert path == tmp_path / "mine.ics"
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    shown = {r.milestone_id for r in window.worklist.model.rows() if r.due}
    assert events and {str(e["uid"]).split("@")[0] for e in events} <= {str(m) for m in shown}
    assert asked[0][1].endswith("Frister anna.k.ics") and "*.ics" in asked[0][2]
    assert "gemt i" in window.statusBar().currentMessage()
    export_calendar(window, lambda *a: (asked.append(a[2]), "")[1])  # cancelled: nothing happens
    assert asked[-1].startswith(str(tmp_path))  # the folder used last time is offered again


def test_a_folder_that_went_away_is_a_danish_message(window, tmp_path: Path, answer_modal) -> None:
    def read(box) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(box, QMessageBox) and "Mappen findes ikke" in box.text()
        box.accept()

    answer_modal.schedule(read)
    assert export_calendar(window, lambda *a: str(tmp_path / "gone" / "x.ics")) is None
    answer_modal.check()
    assert answer_modal.seen
