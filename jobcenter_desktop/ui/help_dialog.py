"""Hjælp: a short guide (resources/help/vejledning.html) and the Om box (version, catalogue, database, licence)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from jobcenter_desktop import __version__
from jobcenter_desktop.paths import resource_path
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.ui.theme import app_icon
from jobcenter_desktop.ui.widgets import dialog_buttons

translate = QCoreApplication.translate


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self.setWindowTitle(self.tr("Kort vejledning"))
        self.setAccessibleName(self.tr("Kort vejledning"))
        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        self.text.setAccessibleName(self.tr("Vejledning"))
        path = resource_path("help", "vejledning.html")
        try:
            self.text.setHtml(path.read_text(encoding="utf-8"))
        except OSError:
            self.text.setPlainText(self.tr("Vejledningen blev ikke fundet ({0}).").format(path))
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)


def about_text(app: Frister) -> str:
    cat = app.catalogue
    return translate("Help", "<h3>Jobcenter Frister {0}</h3><p>Frister for jobcentrets sager efter "
                             "retssikkerhedslovens § 3, stk. 2.</p><p><b>Regelkatalog:</b> {1} — {2}<br>"
                             "<b>Database:</b> {3}</p><p><b>Licens:</b> {4}</p>").format(
        __version__, html.escape(cat.label), html.escape(cat.title), html.escape(app.location),
        translate("Help", "Proprietær; til brug i kommunens jobcenter."))  # fmt: skip


def show_about(parent: QWidget, app: Frister) -> QMessageBox:
    """The Om box (not modal to the code: shown and returned, so a test can read it)."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("Help", "Om Jobcenter Frister"), about_text(app),
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("about_box")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.open()
    return box
