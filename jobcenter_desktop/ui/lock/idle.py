"""The idle clock: an application-wide event filter. Any mouse, key, wheel, touch or tablet input in any window
of the app restarts it; after ``minutes`` without input it emits ``locked`` (0 = never). Idle time is measured
on both the monotonic and the wall clock, so a laptop that slept with the lid closed is locked on wake-up: the
first input after the deadline locks instead of counting as activity."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
)
from shiboken6 import isValid

log = logging.getLogger("jobcenter_desktop.ui.lock")

LOCK_MINUTES_KEY = "privacy/lock_minutes"
DEFAULT_LOCK_MINUTES = 10
MAX_LOCK_MINUTES = 240
CHECK_EVERY_MS = 5000  # how often the idle clock is looked at (also bounds the delay after a laptop wakes up)

_INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.NativeGesture,
})  # fmt: skip


def read_lock_minutes(settings: QSettings) -> int:
    """``privacy/lock_minutes`` from QSettings: 0 (never) to MAX_LOCK_MINUTES; a damaged value gives the default."""
    raw = settings.value(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES)
    try:
        minutes = int(str(raw).strip())
    except (TypeError, ValueError):
        return DEFAULT_LOCK_MINUTES
    return max(0, min(MAX_LOCK_MINUTES, minutes))


def idle_text(interval_ms: int) -> str:
    """``10 minutters`` / ``1 minuts`` (genitive, as in "efter 10 minutters inaktivitet"); seconds below a minute."""
    if interval_ms < 60_000:
        seconds = max(1, round(interval_ms / 1000))
        return f"{seconds} sekunds" if seconds == 1 else f"{seconds} sekunders"
    minutes = round(interval_ms / 60_000)
    return f"{minutes} minuts" if minutes == 1 else f"{minutes} minutters"


class IdleLock(QObject):
    """Emits ``locked`` once the app has had no user input for ``interval_ms`` (0 = off).

    Installed on the QApplication as an event filter when created; ``uninstall()`` removes it. After ``locked``
    the clock is paused until ``resume()`` (the window calls it on unlock).
    """

    locked = Signal()

    def __init__(self, parent: QObject | None = None, *, minutes: int = DEFAULT_LOCK_MINUTES,
                 interval_ms: int | None = None, monotonic: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("idle_lock")
        self._monotonic, self._wall = monotonic, wall
        self._interval_ms = 0
        self._paused = False
        self._last_mono, self._last_wall = monotonic(), wall()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._installed_on: QObject | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._installed_on = app
        self.set_interval_ms(interval_ms if interval_ms is not None else minutes * 60_000)

    # ------------------------------------------------------------ configuration
    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    @property
    def enabled(self) -> bool:
        return self._interval_ms > 0

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        """The idle time before locking, in milliseconds (tests use a few hundred); 0 switches the lock off.
        Counting starts again from now."""
        self._interval_ms = max(0, int(interval_ms))
        self.reset()

    # ------------------------------------------------------------ state
    def reset(self) -> None:
        """Count idle time from now (re-arms the check unless off or paused)."""
        self._last_mono, self._last_wall = self._monotonic(), self._wall()
        self._arm(self._interval_ms)

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self._paused = False
        self.reset()

    @property
    def paused(self) -> bool:
        return self._paused

    def uninstall(self) -> None:
        self._timer.stop()
        self._paused = True
        if self._installed_on is not None and isValid(self._installed_on):
            self._installed_on.removeEventFilter(self)
        self._installed_on = None

    def idle_ms(self) -> int:
        """Milliseconds since the last input. The wall clock also runs while a laptop sleeps; the monotonic
        clock does not on every OS. A wall clock set back is ignored; one set forward locks early (the safe way)."""
        mono = self._monotonic() - self._last_mono
        wall = self._wall() - self._last_wall
        return int(max(mono, wall if wall >= 0 else 0) * 1000)

    def _due(self) -> bool:
        return self.enabled and not self._paused and self.idle_ms() >= self._interval_ms

    def _arm(self, remaining_ms: int) -> None:
        if not self.enabled or self._paused:
            self._timer.stop()
            return
        self._timer.start(max(1, min(remaining_ms, CHECK_EVERY_MS)))

    def _check(self) -> None:
        if not self.enabled or self._paused:
            return
        idle = self.idle_ms()
        if idle >= self._interval_ms:
            self._fire()
        else:
            self._arm(self._interval_ms - idle)

    def _fire(self) -> None:
        self.pause()
        log.info("Låst efter %d ms uden aktivitet", self._interval_ms)
        self.locked.emit()

    # ------------------------------------------------------------ the filter
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and event.spontaneous() and not self._paused and self.enabled:
            if self._due():
                # Input arriving after the deadline (e.g. the first touch after a laptop woke up) locks, and
                # the event itself is dropped: it must not act on data the user can no longer see.
                self._fire()
                return True
            self._last_mono, self._last_wall = self._monotonic(), self._wall()
        return False
