"""Gemte visninger: the worklist's filters saved under a name (per user, in QSettings) and shown again with
one click; from the button beside the filters and Vis → Gemte visninger."""

from __future__ import annotations

import functools
import json

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from jobcenter_desktop.core.text import TextError, check_identity
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.worklist_view import WorklistView

VIEWS_KEY = "views/worklist"
MAX_VIEWS = 30
translate = QCoreApplication.translate


def load_views(settings: QSettings) -> dict[str, dict[str, object]]:
    try:
        raw = json.loads(str(settings.value(VIEWS_KEY, "") or "{}"))
    except ValueError:
        return {}  # a damaged value: start again rather than fail
    return {str(k): v for k, v in raw.items() if isinstance(v, dict)} if isinstance(raw, dict) else {}


class SavedViews(QObject):
    def __init__(self, worklist: WorklistView, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.worklist, self.settings, self.parent_widget = worklist, settings, parent
        self.menu = QMenu(translate("SavedViews", "&Gemte visninger"), parent)
        self.menu.setObjectName("saved_views_menu")
        self.menu.aboutToShow.connect(self._fill)
        self.button = QToolButton()
        self.button.setObjectName("saved_views_button")
        self.button.setText(translate("SavedViews", "Visninger"))
        self.button.setAccessibleName(translate("SavedViews", "Gemte visninger"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        worklist.filters_row.addWidget(self.button)
        self._fill()

    def _fill(self) -> None:
        self.menu.clear()
        views = load_views(self.settings)
        for name in sorted(views, key=str.casefold):
            shown = self.menu.addAction(name)
            shown.triggered.connect(functools.partial(self.show_view, name))
        if views:
            self.menu.addSeparator()
        self.menu.addAction(translate("SavedViews", "Gem denne visning …"), self.ask_and_save)
        if views:
            remove = self.menu.addMenu(translate("SavedViews", "Slet visning"))
            for name in sorted(views, key=str.casefold):
                gone = remove.addAction(name)
                gone.triggered.connect(functools.partial(self.delete, name))

    def save(self, name: str) -> str:
        name = check_identity(name, "Navnet")
        views = load_views(self.settings)
        if name not in views and len(views) >= MAX_VIEWS:
            raise TextError(translate("SavedViews", "Der kan højst gemmes {0} visninger.").format(MAX_VIEWS))
        views[name] = self.worklist.view_state()
        self.settings.setValue(VIEWS_KEY, json.dumps(views, ensure_ascii=False))
        self._fill()
        return name

    def ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(self.parent_widget, translate("SavedViews", "Gem visning"),
                                        translate("SavedViews", "Navn på visningen:"))  # fmt: skip
        if not ok:
            return
        try:
            self.save(name)
        except TextError as e:
            show_error(self.parent_widget, str(e))

    def show_view(self, name: str) -> bool:
        view = load_views(self.settings).get(name)
        if view is None:
            return False
        self.worklist.apply_view_state(view)
        return True

    def delete(self, name: str) -> None:
        views = load_views(self.settings)
        views.pop(name, None)
        self.settings.setValue(VIEWS_KEY, json.dumps(views, ensure_ascii=False))
        self._fill()
