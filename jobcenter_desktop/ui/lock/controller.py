"""The lock state machine of the main window: lock (hide every piece of personal data), check what is typed on
the lock page, unlock (bring back exactly what was shown). The window keeps its widgets; this keeps the state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from shiboken6 import isValid

from jobcenter_desktop.services.context import os_username
from jobcenter_desktop.ui.lock.curtain import UnlockWaiter, WindowCurtain, commit_input_method
from jobcenter_desktop.ui.lock.idle import idle_text

if TYPE_CHECKING:
    from jobcenter_desktop.ui.main_window import MainWindow

log = logging.getLogger("jobcenter_desktop.ui.lock")
translate = QCoreApplication.translate


class LockController:
    def __init__(self, window: MainWindow, unlock_check: Callable[[str], bool] | None) -> None:
        """``unlock_check(text)``: verifies the passphrase of an encrypted database; without it the OS user name
        or the caseworker identity unlocks."""
        self.window = window
        self.unlock_check = unlock_check
        self.locked = False
        self.curtain = WindowCurtain()
        self.waiter = UnlockWaiter()
        self.running_dialogs: set[int] = set()  # ids of dialogs inside exec_dialog: the curtain leaves them
        self._state: dict[str, object] = {}

    def lockable_actions(self) -> list[QAction]:
        """Everything but Afslut: nothing can open a window or show data over the lock page."""
        w = self.window
        found = list(w.actions()) + list(w.toolbar.actions())
        for menu in w.menuBar().findChildren(QMenu):
            found += menu.actions()
        unique = dict.fromkeys(a for a in found if not a.isSeparator() and a.menu() is None)
        return [a for a in unique if a is not w.action_quit and a.isEnabled()]

    def lock(self, idle: bool = False) -> None:
        """The lock page replaces the tabs, the other windows of the app are hidden (kept, with their input),
        the legend, toolbar and status text go, the actions are disabled."""
        w = self.window
        if self.locked:
            return
        self.locked = True
        w.idle_lock.pause()
        commit_input_method()
        app_was_active = QApplication.activeWindow() is not None
        focus = QApplication.focusWidget()
        self._state = {
            "title": w.windowTitle(),
            "legend": not w.legend_dock.isHidden(),
            "toolbar": not w.toolbar.isHidden(),
            "actions": {a: a.isEnabled() for a in self.lockable_actions()},
            "focus": focus if focus is not None and w.isAncestorOf(focus) else None,
        }
        w.setWindowTitle(translate("MainWindow", "Jobcenter Frister — låst"))
        w.statusBar().clearMessage()
        w.status_label.setText(translate("MainWindow", "Låst"))
        w.legend_dock.hide()
        w.toolbar.hide()
        actions = self._state["actions"]
        assert isinstance(actions, dict)
        for action in actions:
            action.setEnabled(False)
        self.curtain.hide_all(keep=lambda other: other is w)
        if idle:
            message = translate("MainWindow", "Låst efter {0} inaktivitet — ingen persondata vises.").format(
                idle_text(w.idle_lock.interval_ms))  # fmt: skip
        else:
            message = translate("MainWindow", "Låst — ingen persondata vises.")
        w.lock_page.show_locked(message)
        w.stack.setCurrentWidget(w.lock_page)
        if app_was_active and w.isVisible():
            w.activateWindow()
        w.lock_page.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("Skærmen er låst (%s)", "inaktivitet" if idle else "manuelt")
        w.lock_changed.emit(True)

    def accepts(self, text: str) -> bool:
        if self.unlock_check is not None:
            try:
                return bool(self.unlock_check(text))
            except Exception as e:  # never log the text itself: it is a passphrase
                log.error("Kontrollen af adgangsudtrykket fejlede: %s", type(e).__name__)
                return False
        typed = text.strip().casefold()
        if not typed:
            return False
        typed_names = {typed, typed.rsplit("\\", 1)[-1]}  # DOMÆNE\bruger is fine too
        known = {os_username(), self.window.app.ctx.actor}
        return any(name.strip().casefold() in typed_names for name in known if name.strip())

    def try_unlock(self, text: str) -> bool:
        """Unlock if ``text`` is accepted; otherwise a Danish message, the field is cleared, it stays locked."""
        if not self.locked:
            return True
        if self.accepts(text):
            self.unlock()
            return True
        if self.unlock_check is not None:
            wrong = translate("MainWindow", "Forkert adgangsudtryk. Skærmen forbliver låst.")
        elif not text.strip():
            wrong = translate("MainWindow", "Skriv dit brugernavn for at låse op.")
        else:
            wrong = translate("MainWindow", "Det er ikke dit brugernavn. Skærmen forbliver låst.")
        self.window.lock_page.show_wrong(wrong)
        log.info("Forkert forsøg på at låse op")
        return False

    def unlock(self) -> None:
        w = self.window
        if not self.locked:
            return
        self.locked = False
        w.catch_up()  # changes that arrived while locked
        state = self._state
        w.lock_page.show_locked("")
        w.stack.setCurrentWidget(w.tabs)
        w.setWindowTitle(str(state.get("title") or translate("MainWindow", "Jobcenter Frister")))
        self.restore_chrome()
        actions = state.get("actions")
        if isinstance(actions, dict):
            for action, enabled in actions.items():
                action.setEnabled(bool(enabled))
        w.after_unlock()
        self.curtain.restore(skip=lambda other: id(other) in self.running_dialogs)
        focus = state.get("focus")
        if isinstance(focus, QWidget) and isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._state = {}
        self.waiter.release()  # dialogs hidden inside exec() are run again (exec_dialog)
        w.idle_lock.resume()
        log.info("Skærmen er låst op")
        w.lock_changed.emit(False)

    def restore_chrome(self) -> None:
        """The legend and toolbar as they were before the lock (also what is saved when closing while locked)."""
        if self.locked or self._state:
            self.window.legend_dock.setVisible(bool(self._state.get("legend", False)))
            self.window.toolbar.setVisible(bool(self._state.get("toolbar", True)))
