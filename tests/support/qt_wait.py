"""Waiting for a window's or a view's background loads (ui.loader) to end, as a user waits for the busy bar."""

from __future__ import annotations

import time
from typing import Any


def _running(widget: Any) -> bool:
    from jobcenter_desktop.ui.loader import BackgroundLoad

    loaders = [*widget.findChildren(BackgroundLoad)]
    if isinstance(widget, BackgroundLoad):
        loaders.append(widget)
    return any(lo.running for lo in loaders)


def settled(qtbot: Any, widget: Any, timeout: int = 15_000) -> Any:
    """Wait until no BackgroundLoad under ``widget`` runs (the rows asked for last are in); returns ``widget``.
    ``qtbot`` may be None (helpers without the fixture): the events are then processed here."""
    if qtbot is not None:
        qtbot.waitUntil(lambda: not _running(widget), timeout=timeout)
        return widget
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout / 1000
    while _running(widget):
        if time.monotonic() > deadline:
            raise AssertionError("the background load did not end in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    return widget
