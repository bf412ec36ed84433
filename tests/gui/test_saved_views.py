"""Gemte visninger on the real window: the worklist's filters saved under a name, kept in the settings file,
shown again (after a restart too), deleted; a bad name is refused in Danish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from jobcenter_desktop.core.text import TextError
from jobcenter_desktop.core.urgency import Urgency


def test_save_show_and_delete_a_view(make_window, demo_db, settings_path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = make_window(demo_db, settings)
    wl = window.worklist
    wl.caseworker_combo.setCurrentIndex(wl.caseworker_combo.findData(""))  # Alle
    wl.status_combo.set_ticked([Urgency.OVERDUE.value, Urgency.DUE_TODAY.value])
    wanted = {r.milestone_id for r in wl.rows()}
    assert wanted and {r.urgency for r in wl.rows()} <= {Urgency.OVERDUE, Urgency.DUE_TODAY}
    window.saved_views.save("  Haster i teamet ")
    assert window.saved_views.menu.actions()[0].text() == "Haster i teamet"

    wl.status_combo.set_ticked([])
    wl.caseworker_combo.setCurrentIndex(wl.caseworker_combo.findData("anna.k"))
    assert {r.milestone_id for r in wl.rows()} != wanted
    assert window.close()

    again = make_window(demo_db, QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.saved_views.show_view("Haster i teamet")
    assert {r.milestone_id for r in again.worklist.rows()} == wanted
    assert again.worklist.status_combo.ticked() == [Urgency.OVERDUE.value, Urgency.DUE_TODAY.value]
    again.saved_views.delete("Haster i teamet")
    assert not again.saved_views.show_view("Haster i teamet")
    with pytest.raises(TextError, match="Navnet mangler"):
        again.saved_views.save("   ")
