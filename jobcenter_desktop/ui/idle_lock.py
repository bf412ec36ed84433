"""Idle auto-lock: after a configurable time without user input the main window hides every piece of personal
data behind a lock page until the user confirms who they are.

Three parts:

* ``IdleLock`` – an application-wide event filter. Any mouse, key, wheel, touch or tablet input in any window
  of the app restarts the idle clock; after ``minutes`` without input it emits ``locked`` (0 = never). Idle
  time is measured on both the monotonic and the wall clock, so a laptop that slept with the lid closed is
  locked on wake-up: the first input after the deadline locks instead of counting as activity.
* ``WindowCurtain`` – hides the app's other top-level windows while locked and shows them again afterwards.
  Windows are hidden, never destroyed, so typed input survives. (A dialog running ``exec()`` leaves its event
  loop when hidden; ``exec_dialog`` below runs it again after unlock, as the same object.)
* ``LockPage`` – what the main window shows while locked: a short Danish text and the unlock form, nothing
  else.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from jobcenter_desktop.ui.theme import app_icon

log = logging.getLogger("jobcenter_desktop.ui.idle_lock")

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


class WindowCurtain:
    """Hides the app's other top-level windows while locked and shows the still-open ones again afterwards.

    A modal dialog running ``exec()`` leaves its event loop when hidden (Qt does that; it cannot be avoided), so
    the code that called ``exec()`` continues as if cancelled – unless it ran the dialog through
    ``exec_dialog``, which re-runs the same dialog after unlock. Such dialogs are therefore not shown here; nor
    are other modal dialogs (their ``exec()`` has returned already, showing them again would leave a dead
    dialog). Non-modal windows are shown again unless they were closed meanwhile.
    """

    def __init__(self) -> None:
        self._hidden: list[QWidget] = []
        self._modal: set[int] = set()  # noted when hidden: exec() resets the modality once it has returned
        self._closed: set[int] = set()
        self._watch = _CloseWatcher(self._closed)

    @property
    def hidden(self) -> list[QWidget]:
        return [w for w in self._hidden if isValid(w)]

    def close_popups(self) -> None:
        QToolTip.hideText()
        for _ in range(20):  # a popup can open from a popup (a combo in a menu); never loop forever
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()

    def hide_all(self, keep: Callable[[QWidget], bool]) -> None:
        """Hide every visible top-level widget except those ``keep`` says to leave alone. Modal ones first, top
        of the modal stack first, so that each ``exec()`` is asked to end before the one beneath it."""
        self.close_popups()
        order: list[QWidget] = []
        seen: list[QWidget] = []
        for _ in range(50):
            modal = QApplication.activeModalWidget()
            if modal is None or modal in seen or keep(modal):
                break
            seen.append(modal)
            if self._hide(modal):
                order.append(modal)
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and not keep(w) and w not in seen and self._hide(w):
                order.append(w)
        self._hidden = order

    def _hide(self, w: QWidget) -> bool:
        """Hide ``w``; False if it was answered and closed instead (a message box)."""
        if isinstance(w, QMessageBox) and w.isModal():
            # A question such as "Gem bemærkningen, før vinduet lukkes?": hidden, it would answer "no button",
            # which its caller may take as "discard". Escape answers it the non-committal way (Annullér) instead.
            QApplication.sendEvent(w, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                                Qt.KeyboardModifier.NoModifier))  # fmt: skip
            if not w.isVisible():
                return False
        if w.isModal():
            self._modal.add(id(w))
        w.installEventFilter(self._watch)
        w.hide()
        return True

    def restore(self, skip: Callable[[QWidget], bool]) -> None:
        """Show the hidden non-modal windows again (in their former order), unless closed meanwhile or
        ``skip(window)`` (a dialog that ``exec_dialog`` runs again itself)."""
        hidden, self._hidden = self.hidden, []
        for w in reversed(hidden):
            w.removeEventFilter(self._watch)
            if id(w) in self._closed or id(w) in self._modal or skip(w) or w.windowType() in _TRANSIENT:
                continue
            w.show()
        self._closed.clear()
        self._modal.clear()


_TRANSIENT = frozenset({Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen})


class _CloseWatcher(QObject):
    """Notes windows that are closed or deleted while hidden, so they are not shown again."""

    def __init__(self, closed: set[int]) -> None:
        super().__init__()
        self._closed = closed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Close, QEvent.Type.DeferredDelete):
            self._closed.add(id(watched))
        return False


def exec_dialog(dialog: QDialog, is_locked: Callable[[], bool], wait_for_unlock: Callable[[], None],
                running: set[int]) -> int:  # fmt: skip
    """``dialog.exec()`` that survives the lock: if the lock hid the dialog (its ``exec()`` returned without the
    dialog being finished), wait until unlocked and run the same dialog again – typed input is kept.

    ``running`` holds the ids of dialogs currently run this way (so the curtain leaves re-showing them to us).
    """
    finished: list[int] = []
    dialog.finished.connect(finished.append)
    running.add(id(dialog))
    try:
        while True:
            result = dialog.exec()
            if finished or not isValid(dialog):
                return result
            if is_locked():
                wait_for_unlock()
                if is_locked():  # the wait ended without unlock: the app is closing
                    return int(QDialog.DialogCode.Rejected)
                continue
            return result  # hidden by something else than the lock: treat as closed
    finally:
        running.discard(id(dialog))


def run_dialog(dialog: QDialog) -> int:
    """``exec()`` that survives the idle lock for dialogs opened anywhere (e.g. inside a case dialog): the
    window that owns the lock runs it, so a lock never throws typed input away."""
    w = dialog.parentWidget()
    while w is not None:
        runner = getattr(w, "exec_lockable", None)
        if callable(runner):
            return int(runner(dialog))
        w = w.parentWidget()
    return int(dialog.exec())


class UnlockWaiter:
    """A local event loop that ends on unlock (or when the window closes)."""

    def __init__(self) -> None:
        self._loops: list[QEventLoop] = []

    def wait(self) -> None:
        loop = QEventLoop()
        self._loops.append(loop)
        try:
            loop.exec()
        finally:
            self._loops.remove(loop)

    def release(self) -> None:
        for loop in list(self._loops):
            loop.quit()


class LockPage(QWidget):
    """The lock screen: the app icon, a short Danish text and the unlock form. No personal data."""

    unlock_requested = Signal(str)

    STYLE = """
        QWidget#lock_page { background: #eef2f5; }
        QFrame#lock_card { background: #ffffff; border: 1px solid #c9d3dc; border-radius: 10px; }
        QFrame#lock_card QLabel { background: transparent; border: 0; }
        QLabel#lock_title { font-size: 18px; font-weight: bold; color: #1f2d3a; }
        QLabel#lock_message { font-size: 13px; color: #33414e; }
        QLabel#unlock_prompt { color: #555; }
        QLabel#unlock_error { color: #A33B00; font-weight: bold; }
        QLineEdit#unlock_edit { padding: 5px 6px; font-size: 13px; }
        QPushButton#unlock_button { padding: 5px 16px; }
    """

    def __init__(self, passphrase: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        self.setAccessibleName(self.tr("Låst skærm"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(self.STYLE)
        self.passphrase = passphrase

        icon = QLabel()
        icon.setObjectName("lock_icon")
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Jobcenter Frister er låst"))
        title.setObjectName("lock_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Låsebesked"))
        prompt_text = (self.tr("Skriv databasens adgangsudtryk for at låse op.") if passphrase
                       else self.tr("Skriv dit brugernavn for at låse op."))  # fmt: skip
        self.prompt = QLabel(prompt_text)
        self.prompt.setObjectName("unlock_prompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("unlock_edit")
        self.edit.setAccessibleName(self.tr("Adgangsudtryk") if passphrase else self.tr("Brugernavn"))
        self.edit.setAccessibleDescription(prompt_text)
        self.edit.setPlaceholderText(self.tr("Adgangsudtryk") if passphrase else self.tr("Brugernavn"))
        if passphrase:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMinimumWidth(220)
        self.prompt.setBuddy(self.edit)
        self.button = QPushButton(self.tr("Lås op"))
        self.button.setObjectName("unlock_button")
        self.button.setAccessibleName(self.tr("Lås op"))
        self.button.setDefault(True)
        self.error = QLabel()
        self.error.setObjectName("unlock_error")
        self.error.setAccessibleName(self.tr("Fejl ved oplåsning"))
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)

        self.edit.returnPressed.connect(self._request)
        self.button.clicked.connect(self._request)

        card = QFrame()
        card.setObjectName("lock_card")
        card.setMaximumWidth(540)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 28, 36, 24)
        inner.setSpacing(10)
        inner.addWidget(icon)
        inner.addWidget(title)
        inner.addWidget(self.message)
        inner.addSpacing(8)
        inner.addWidget(self.prompt)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        inner.addLayout(row)
        inner.addWidget(self.error)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 3)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

    def _request(self) -> None:
        self.unlock_requested.emit(self.edit.text())

    def show_locked(self, message: str) -> None:
        self.message.setText(message)
        self.error.clear()
        self.edit.clear()

    def show_wrong(self, message: str) -> None:
        self.error.setText(message)
        self.edit.clear()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


def commit_input_method() -> None:
    """Commit half-composed input-method text before hiding windows: it stays in its field, and the input
    method's own candidate window (outside Qt's windows) closes."""
    im = QGuiApplication.inputMethod()
    if im is not None:
        im.commit()
