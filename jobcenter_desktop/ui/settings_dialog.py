"""Indstillinger: my identity and team, the due-soon threshold, the idle auto-lock, the calendar (three toggles
and local closure days), the rule catalogue file and where the database lives. Calendar or catalogue changes lead to the
recompute preview before any due date moves."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.notice import MAX_NOTICE_DAYS
from jobcenter_desktop.core.rules import CatalogueError, load_catalogue
from jobcenter_desktop.paths import default_catalogue_path
from jobcenter_desktop.services import encryption
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.context import names_team_database, parse_server_target
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.backup_dialog import BackupDialog
from jobcenter_desktop.ui.catalogue_panel import CataloguePanel
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.input_dialogs import pause_reasons, set_pause_reasons
from jobcenter_desktop.ui.lock.curtain import run_dialog
from jobcenter_desktop.ui.lock.idle import LOCK_MINUTES_KEY, MAX_LOCK_MINUTES, read_lock_minutes
from jobcenter_desktop.ui.recompute_dialog import preview_and_apply
from jobcenter_desktop.ui.theme import from_qdate, to_qdate
from jobcenter_desktop.ui.widgets import NoteEdit, dialog_buttons, read_only_table

SERVER_KEY = "server/url"  # the team database this profile opens at start (ui.app reads it)


class SettingsDialog(QDialog):
    def __init__(self, app: Frister, settings: QSettings, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.qsettings, self.today = app, settings, today
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Indstillinger"))
        self.setAccessibleName(self.tr("Indstillinger"))
        self.resize(640, 620)
        cal = app.settings.calendar()

        self.identity_edit = QLineEdit(app.ctx.actor)
        self.identity_edit.setObjectName("identity_edit")
        self.identity_edit.setAccessibleName(self.tr("Mit brugernavn"))
        self.team_edit = QLineEdit(app.ctx.team)
        self.team_edit.setObjectName("my_team_edit")
        self.team_edit.setAccessibleName(self.tr("Mit team"))
        self.due_soon_spin = QSpinBox()
        self.due_soon_spin.setObjectName("due_soon_spin")
        self.due_soon_spin.setAccessibleName(self.tr("Snart: antal hverdage"))
        self.due_soon_spin.setRange(0, 30)
        self.due_soon_spin.setValue(app.ctx.due_soon_days)
        self.due_soon_spin.setSuffix(self.tr(" hverdage"))
        lock_label = self.tr("Lås efter (minutter uden aktivitet, 0 = aldrig)")
        self.lock_minutes_spin = QSpinBox()
        self.lock_minutes_spin.setObjectName("lock_minutes_spin")
        self.lock_minutes_spin.setAccessibleName(lock_label)
        self.lock_minutes_spin.setToolTip(self.tr("Skjuler alle persondata når computeren ikke er brugt så længe. "
                                                  "Lås op med dit brugernavn."))  # fmt: skip
        self.lock_minutes_spin.setRange(0, MAX_LOCK_MINUTES)
        self.lock_minutes_spin.setSuffix(self.tr(" min"))
        self.lock_minutes_spin.setSpecialValueText(self.tr("aldrig"))
        self.lock_minutes_spin.setValue(read_lock_minutes(settings))
        self.grundlov_check = QCheckBox(self.tr("Grundlovsdag (5. juni) er fridag"))
        self.grundlov_check.setObjectName("grundlovsdag_check")
        self.grundlov_check.setChecked(cal.grundlovsdag_off)
        self.xmas_check = QCheckBox(self.tr("Juleaftensdag (24. december) er fridag"))
        self.xmas_check.setObjectName("christmas_eve_check")
        self.xmas_check.setChecked(cal.christmas_eve_off)
        self.nye_check = QCheckBox(self.tr("Nytårsaftensdag (31. december) er fridag"))
        self.nye_check.setObjectName("new_years_eve_check")
        self.nye_check.setChecked(cal.new_years_eve_off)
        for box in (self.grundlov_check, self.xmas_check, self.nye_check):
            box.setAccessibleName(box.text())

        self.closures = read_only_table("closures_table", self.tr("Lokale lukkedage"),
                                        [self.tr("Dato"), self.tr("Begrundelse")], stretch=1, widths={0: 110})
        self._closures: dict[date, str] = dict(cal.closures)
        self.closure_date = QDateEdit(to_qdate(today))
        self.closure_date.setObjectName("closure_date_edit")
        self.closure_date.setAccessibleName(self.tr("Lukkedag dato"))
        self.closure_date.setDisplayFormat("dd-MM-yyyy")
        self.closure_date.setCalendarPopup(True)
        self.closure_reason = QLineEdit()
        self.closure_reason.setObjectName("closure_reason_edit")
        self.closure_reason.setAccessibleName(self.tr("Lukkedag begrundelse"))
        self.closure_reason.setPlaceholderText(self.tr("fx fredag efter Kristi himmelfart"))
        add = QPushButton(self.tr("Tilføj"))
        add.setObjectName("add_closure_button")
        remove = QPushButton(self.tr("Fjern valgte"))
        remove.setObjectName("remove_closure_button")
        add.clicked.connect(self._add_closure)
        remove.clicked.connect(self._remove_closure)
        self.closure_message = QLabel()
        self.closure_message.setProperty("role", "error")

        self.catalogue_edit = QLineEdit(app.catalogue.path)
        self.catalogue_edit.setObjectName("catalogue_edit")
        self.catalogue_edit.setAccessibleName(self.tr("Regelkatalog"))
        browse = QPushButton(self.tr("Vælg …"))
        browse.setObjectName("browse_catalogue_button")
        browse.clicked.connect(self._browse)
        default = QPushButton(self.tr("Standard"))
        default.setObjectName("default_catalogue_button")
        default.clicked.connect(lambda: self.catalogue_edit.setText(str(default_catalogue_path())))
        self.catalogue_info = QLabel(self.tr("{0} — {1}").format(app.catalogue.label, app.catalogue.title))
        self.catalogue_info.setProperty("role", "hint")
        self.catalogue_info.setWordWrap(True)
        self.db_label = QLabel(app.location)
        self.db_label.setObjectName("db_path_label")
        self.db_label.setWordWrap(True)

        me = QGroupBox(self.tr("Mig"))
        f = QFormLayout(me)
        f.addRow(self.tr("Brugernavn:"), self.identity_edit)
        f.addRow(self.tr("Team:"), self.team_edit)
        f.addRow(self.tr("Vis som »snart« inden for:"), self.due_soon_spin)
        f.addRow(lock_label + ":", self.lock_minutes_spin)
        calbox = QGroupBox(self.tr("Kalender (fælles for alle på databasen)"))
        v = QVBoxLayout(calbox)
        for box in (self.grundlov_check, self.xmas_check, self.nye_check):
            v.addWidget(box)
        v.addWidget(QLabel(self.tr("Lokale lukkedage:")))
        v.addWidget(self.closures)
        row = QHBoxLayout()
        row.addWidget(self.closure_date)
        row.addWidget(self.closure_reason, 1)
        row.addWidget(add)
        row.addWidget(remove)
        v.addLayout(row)
        v.addWidget(self.closure_message)
        catbox = QGroupBox(self.tr("Regelkatalog og database"))
        g = QFormLayout(catbox)
        crow = QHBoxLayout()
        crow.addWidget(self.catalogue_edit, 1)
        crow.addWidget(browse)
        crow.addWidget(default)
        g.addRow(self.tr("Katalogfil:"), crow)
        g.addRow("", self.catalogue_info)
        g.addRow(self.tr("Database:"), self.db_label)
        self.server_edit = QLineEdit(str(settings.value(SERVER_KEY, "") or ""))
        self.server_edit.setObjectName("server_edit")
        self.server_edit.setAccessibleName(self.tr("Teamdatabase"))
        self.server_edit.setPlaceholderText(self.tr("postgresql://LOGIN@server:5432/frister (tom: filen på denne PC)"))
        self.server_edit.setToolTip(self.tr("Teamets fælles database. Gælder fra næste start; adgangskoden spørges "
                                            "om og gemmes ikke."))  # fmt: skip
        g.addRow(self.tr("Teamdatabase:"), self.server_edit)
        version = encryption.available()
        if app.ctx.db.key is not None:
            crypt = self.tr("Krypteret (SQLCipher {0}).").format(version)
        elif version:
            crypt = self.tr("Ukrypteret. Kryptering (SQLCipher {0}) kan slås til af it-supporten; bærbare kopier "
                            "krypteres som standard.")
            crypt = crypt.format(version)
        else:
            crypt = self.tr("Ukrypteret: kryptering (SQLCipher) kan ikke installeres på denne maskine.")
        self.encryption_label = QLabel(crypt)
        self.encryption_label.setObjectName("encryption_label")
        self.encryption_label.setWordWrap(True)
        g.addRow(self.tr("Kryptering:"), self.encryption_label)
        backups = QPushButton(self.tr("Sikkerhedskopier …"))
        backups.setObjectName("backups_button")
        backups.setAccessibleName(self.tr("Sikkerhedskopier og gendannelse"))
        backups.clicked.connect(self._backups)
        g.addRow("", backups)
        notice_box = self._notice_box()
        self.restored = False
        buttons = dialog_buttons(self, self.tr("Gem"))
        # Two tabs: on a 700 px laptop screen the closure list keeps room for several days.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        first = QWidget()
        fl = QVBoxLayout(first)
        fl.addWidget(me)
        fl.addWidget(calbox, 1)
        self.tabs.addTab(first, self.tr("&Mig og kalender"))
        second = QWidget()
        sl = QVBoxLayout(second)
        sl.addWidget(catbox)
        sl.addWidget(notice_box)
        sl.addStretch(1)
        self.tabs.addTab(second, self.tr("&Katalog og database"))
        third = QWidget()
        tl = QVBoxLayout(third)
        hint = QLabel(self.tr("De færdige årsager, der kan vælges, når en sag sættes på pause (én pr. linje). "
                              "En ny årsag, der skrives ved en pause, kommer selv øverst på listen."))  # fmt: skip
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.reasons_edit = NoteEdit()
        self.reasons_edit.setObjectName("pause_reasons_edit")
        self.reasons_edit.setAccessibleName(self.tr("Pauseårsager"))
        self.reasons_edit.setPlainText("\n".join(pause_reasons(settings)))
        tl.addWidget(hint)
        tl.addWidget(self.reasons_edit, 1)
        self.tabs.addTab(third, self.tr("&Pauseårsager"))
        self.catalogues = CataloguePanel(app, lambda: today)
        self.tabs.addTab(self.catalogues, self.tr("Kataloger over &tid"))
        self.closures.setMinimumHeight(130)  # about four closure days in view
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._fill_closures()

    def _fill_closures(self) -> None:
        items = sorted(self._closures.items())
        self.closures.setRowCount(len(items))
        for row, (day, reason) in enumerate(items):
            self.closures.setItem(row, 0, QTableWidgetItem(format_date(day)))
            self.closures.setItem(row, 1, QTableWidgetItem(reason))

    def _add_closure(self) -> None:
        reason = self.closure_reason.text().strip()
        if not reason:
            self.closure_message.setText(self.tr("Angiv en begrundelse for lukkedagen."))
            return
        self._closures[from_qdate(self.closure_date.date())] = reason
        self.closure_reason.clear()
        self.closure_message.clear()
        self._fill_closures()

    def _remove_closure(self) -> None:
        for idx in sorted({i.row() for i in self.closures.selectedIndexes()}, reverse=True):
            day = sorted(self._closures)[idx]
            del self._closures[day]
        self._fill_closures()

    def _backups(self) -> None:
        dlg = BackupDialog(self.app, self)
        run_dialog(dlg)
        if dlg.restored:
            self.restored = True  # the window reopens on the restored database; nothing else here applies
            self.reject()

    def _notice_box(self) -> QGroupBox:
        """Underretning (rsl. § 3, stk. 2): how early the flag shows, and the municipality's own letter."""
        box = QGroupBox(self.tr("Underretning (retssikkerhedslovens § 3, stk. 2; fælles for alle på databasen)"))
        form = QFormLayout(box)
        self.notice_days_spin = QSpinBox()
        self.notice_days_spin.setObjectName("notice_days_spin")
        self.notice_days_spin.setAccessibleName(self.tr("Underretning mangler: antal hverdage før fristen"))
        self.notice_days_spin.setRange(0, MAX_NOTICE_DAYS)
        self.notice_days_spin.setValue(self.app.ctx.notice_days)
        self.notice_days_spin.setSuffix(self.tr(" hverdage før fristen"))
        form.addRow(self.tr("Vis »Underretning mangler«:"), self.notice_days_spin)
        self.template_edit = QLineEdit(self.app.settings.notice_template())
        self.template_edit.setObjectName("notice_template_edit")
        self.template_edit.setAccessibleName(self.tr("Brevskabelon"))
        self.template_edit.setPlaceholderText(self.tr("(programmets egen skabelon)"))
        self.template_edit.setToolTip(self.tr("Kommunens egen Word-skabelon (.docx) med felterne {{ dato }}, "
                                              "{{ forventet_dato }} osv.; den kontrolleres først."))  # fmt: skip
        choose = QPushButton(self.tr("Vælg…"))
        choose.clicked.connect(self._browse_template)
        shipped = QPushButton(self.tr("Standard"))
        shipped.clicked.connect(self.template_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(choose)
        row.addWidget(shipped)
        form.addRow(self.tr("Brevskabelon:"), row)
        self.retention_spin = QSpinBox()
        self.retention_spin.setObjectName("retention_years_spin")
        self.retention_spin.setAccessibleName(self.tr("Opbevaringsperiode for lukkede sager i år"))
        self.retention_spin.setRange(0, 100)
        self.retention_spin.setSpecialValueText(self.tr("slået fra"))
        self.retention_spin.setSuffix(self.tr(" år efter lukning"))
        self.retention_spin.setValue(self.app.retention.years())
        self.retention_spin.setToolTip(self.tr("Persondata i lukkede sager slettes med 'retention apply' (kun "
                                               "en administrator på teamdatabasen)."))  # fmt: skip
        form.addRow(self.tr("Opbevaring:"), self.retention_spin)
        return box

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Vælg brevskabelon"), self.template_edit.text(),
                                              self.tr("Word-dokument (*.docx)"))  # fmt: skip
        if path:
            self.template_edit.setText(path)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Vælg regelkatalog"), self.catalogue_edit.text(),
                                              self.tr("Regelkatalog (*.toml)"))  # fmt: skip
        if path:
            self.catalogue_edit.setText(path)

    def accept(self) -> None:
        app = self.app
        new_catalogue = None
        path = self.catalogue_edit.text().strip()
        if path and Path(path) != Path(app.catalogue.path):
            try:
                new_catalogue = load_catalogue(path)
            except CatalogueError as e:
                show_error(self, str(e), self.tr("Regelkataloget kan ikke bruges"))
                return
        server = self.server_edit.text().strip()
        if server and not names_team_database(server):
            show_error(self, self.tr("Teamdatabasen angives som postgresql://LOGIN@VÆRT:PORT/DATABASE."))
            return
        before = app.settings.calendar()
        try:
            if server:
                parse_server_target(server)
            identity, team = app.settings.set_identity(self.identity_edit.text(), self.team_edit.text())
            app.settings.set_due_soon_days(self.due_soon_spin.value())
            if self.notice_days_spin.value() != app.ctx.notice_days:  # team-wide: an admin's change on the server
                app.settings.set_notice_days(self.notice_days_spin.value())
            if self.retention_spin.value() != app.retention.years():
                app.settings.set_retention_years(self.retention_spin.value())
            if self.template_edit.text().strip() != app.settings.notice_template():
                app.settings.set_notice_template(self.template_edit.text().strip())
            for name, box in (("grundlovsdag", self.grundlov_check), ("christmas_eve", self.xmas_check),
                              ("new_years_eve", self.nye_check)):  # fmt: skip
                app.settings.set_calendar_flag(name, box.isChecked())
            for day in set(before.closures) - set(self._closures):
                app.settings.remove_closure(day)
            for day, reason in self._closures.items():
                if before.closures.get(day) != reason:
                    app.settings.add_closure(day, reason)
            if new_catalogue is not None:
                app.settings.use_catalogue(path, new_catalogue)
        except ServiceError as e:
            show_error(self, str(e))
            return
        self.qsettings.setValue("identity/username", identity)
        self.qsettings.setValue("identity/team", team)
        self.qsettings.setValue(LOCK_MINUTES_KEY, self.lock_minutes_spin.value())
        self.qsettings.setValue(SERVER_KEY, server)
        set_pause_reasons(self.qsettings, self.reasons_edit.toPlainText().splitlines())
        after = app.settings.calendar()
        if after.fingerprint() != before.fingerprint() or new_catalogue is not None:
            what = self.tr("nyt regelkatalog") if new_catalogue is not None else self.tr("ændret kalender")
            preview_and_apply(app, self.tr("Genberegning: {0}").format(what), self)
        super().accept()
