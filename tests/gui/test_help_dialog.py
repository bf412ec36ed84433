"""Hjælp: the guide from resources/help and the Om box with version, catalogue and licence."""

from __future__ import annotations

from jobcenter_desktop import __version__
from jobcenter_desktop.ui.help_dialog import GuideDialog, show_about


def test_guide_and_about(qtbot, window) -> None:
    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    text = guide.text.toPlainText()
    assert "Kort vejledning" in text and "Ctrl+D" in text and "Ctrl+Shift+O" in text
    for action in window.case_actions.actions:  # the guide names each case action's real shortcut
        assert action.shortcut().toString() in text
    box = show_about(window, window.app)
    qtbot.addWidget(box)
    assert __version__ in box.text() and window.app.catalogue.label in box.text() and "Licens" in box.text()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus[-1] == "Hjælp"
