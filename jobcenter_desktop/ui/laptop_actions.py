"""The window's part of outreach laptops. On the team database: Filer → Tag sager med ud, Aflever sager,
Konflikter. On a laptop's copy: a banner saying what it is a copy of, since when, and which provisional case
numbers became which server numbers at the last check-in."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QSizePolicy, QToolBar

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.changes import EVERYTHING, Changes
from jobcenter_desktop.core.laptop import LAPTOP_DEVICE, LAPTOP_LOGIN
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.checkout import fetched_at, numbers_of
from jobcenter_desktop.ui.checkin_dialog import CheckinDialog
from jobcenter_desktop.ui.checkout_dialog import CheckoutDialog
from jobcenter_desktop.ui.conflicts_dialog import ConflictsDialog

if TYPE_CHECKING:
    from jobcenter_desktop.ui.main_window import MainWindow

# Not a QObject: its texts have a context of their own (a literal, so lupdate extracts them).
translate = QCoreApplication.translate


def banner_text(info: dict[str, str]) -> str:
    when = fetched_at(info)  # stored in UTC, shown in local time
    local = when.replace(tzinfo=UTC).astimezone() if when else None
    at = f"{format_date(local.date())} {local:%H:%M}" if local else ""
    text = translate("LaptopActions",
                     "Offline kopi fra teamdatabasen, hentet {0} ({1}, {2}). Aflever den på kontoret.").format(
        at, info.get(LAPTOP_LOGIN, ""), info.get(LAPTOP_DEVICE, ""))  # fmt: skip
    numbers = numbers_of(info)
    if numbers:
        text += " " + translate("LaptopActions", "Nye sager har fået numre: {0}.").format(
            ", ".join(f"{a} → {b}" for a, b in numbers.items()))  # fmt: skip
    return text


class LaptopActions:
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.actions: list[QAction] = []
        self.banner: QLabel | None = None
        app = window.app
        if app.is_team_database:
            for name, text, slot in (
                ("action_checkout", translate("LaptopActions", "&Tag sager med ud …"), self.checkout),
                ("action_checkin", translate("LaptopActions", "A&flever sager …"), self.checkin),
                ("action_conflicts", translate("LaptopActions", "&Konflikter …"), self.conflicts),
            ):
                action = QAction(text, window)
                action.setObjectName(name)
                action.triggered.connect(slot)
                menu.addAction(action)
                self.actions.append(action)
            menu.addSeparator()
            return
        info = app.laptop
        if info is not None:
            bar = QToolBar(translate("LaptopActions", "Offline kopi"))
            bar.setObjectName("laptop_banner_bar")
            bar.setMovable(False)
            self.banner = QLabel(banner_text(info))
            self.banner.setObjectName("laptop_banner")
            self.banner.setToolTip(translate("LaptopActions",
                                             "Ændringer gemmes i kopien og flettes ind i teamdatabasen, når den "
                                             "afleveres (Filer → Aflever sager i teamdatabasens vindue)."))  # fmt: skip
            self.banner.setAccessibleName(translate("LaptopActions", "Offline kopi"))
            self.banner.setStyleSheet("background: #fff4c2; color: #000; padding: 6px; border: 1px solid #c9a400;")
            self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            bar.addWidget(self.banner)
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)  # a row of its own, above the tool bar
            window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)

    def checkout(self) -> None:
        dlg = CheckoutDialog(self.window.app, self.window)
        if self.window.exec_lockable(dlg) == QDialog.DialogCode.Accepted and dlg.result_ is not None:
            r = dlg.result_
            how = translate("LaptopActions", "krypteret") if r.encrypted else translate("LaptopActions", "UKRYPTERET")
            done = translate("LaptopActions", "{0} taget med ud i {1} ({2}).")
            cases = count(r.cases, translate("LaptopActions", "sag"), translate("LaptopActions", "sager"))
            self.window.statusBar().showMessage(done.format(cases, r.path, how), 10000)

    def checkin(self) -> None:
        dlg = CheckinDialog(self.window.app, self.window.today(), self.window)
        if self.window.exec_lockable(dlg) != QDialog.DialogCode.Accepted or dlg.report is None:
            return
        self.window.apply_changes(EVERYTHING)
        box = QMessageBox(QMessageBox.Icon.Information, translate("LaptopActions", "Aflever sager"), dlg.summary(),
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        box.setObjectName("checkin_summary")
        self.window.exec_lockable(box)
        if dlg.report.conflicts:
            self.conflicts()

    def conflicts(self) -> None:
        dlg = ConflictsDialog(self.window.app, self.window.today(), self.window)
        self.window.exec_lockable(dlg)
        if dlg.changed_cases:
            self.window.apply_changes(Changes(cases=frozenset(dlg.changed_cases)))
