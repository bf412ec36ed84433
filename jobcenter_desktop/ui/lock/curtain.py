"""Hiding the app's other windows while locked, and running dialogs so that a lock does not cancel them.

Windows are hidden, never destroyed, so typed input survives. A dialog running ``exec()`` leaves its event loop
when hidden; ``exec_dialog`` runs it again after unlock, as the same object."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid


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



def commit_input_method() -> None:
    """Commit half-composed input-method text before hiding windows: it stays in its field, and the input
    method's own candidate window (outside Qt's windows) closes."""
    im = QGuiApplication.inputMethod()
    if im is not None:
        im.commit()
