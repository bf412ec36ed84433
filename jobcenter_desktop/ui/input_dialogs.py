"""Small input dialogs used by the case dialog: a date (with an optional reason), a trigger event, a reassignment."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.ui.new_case_dialog import TriggerField
from jobcenter_desktop.ui.theme import from_qdate, to_qdate
from jobcenter_desktop.ui.widgets import dialog_buttons


class _Base(QDialog):
    def __init__(self, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.buttons = dialog_buttons(self, self.tr("OK"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)


PAUSE_REASONS_KEY = "pause/reasons"
DEFAULT_PAUSE_REASONS = ("Sygdom", "Afventer lægeerklæring", "Afventer dokumentation fra borgeren", "Ferie",
                         "Barsel", "Indlagt")  # fmt: skip


def pause_reasons(settings: QSettings | None) -> list[str]:
    """The ready-made pause reasons (Indstillinger can change them; a reason used is added at the top)."""
    if settings is None:
        return list(DEFAULT_PAUSE_REASONS)
    raw = settings.value(PAUSE_REASONS_KEY)
    items = [str(x).strip() for x in (raw if isinstance(raw, list) else [raw] if raw else [])]
    return [x for x in items if x] or list(DEFAULT_PAUSE_REASONS)


def set_pause_reasons(settings: QSettings, reasons: list[str]) -> None:
    """Indstillinger → Pauseårsager: the list as edited (empty lines and repeats dropped; empty = the defaults)."""
    seen: dict[str, str] = {}
    for r in (x.strip() for x in reasons):
        if r and r.casefold() not in seen:
            seen[r.casefold()] = r[:200]
    if seen:
        settings.setValue(PAUSE_REASONS_KEY, list(seen.values()))
    else:
        settings.remove(PAUSE_REASONS_KEY)


def remember_pause_reason(settings: QSettings | None, reason: str) -> None:
    if settings is None or not reason.strip():
        return
    items = [reason.strip(), *(r for r in pause_reasons(settings) if r.casefold() != reason.strip().casefold())]
    settings.setValue(PAUSE_REASONS_KEY, items[:15])


class DateReasonDialog(_Base):
    """A date defaulting to today (between ``earliest`` and ``latest`` when given), and optionally a reason,
    chosen from ``choices`` or typed. Problems are shown in the dialog as they are found and go once fixed."""

    def __init__(self, title: str, label: str, today: date, *, reason: str | None = None,
                 latest: date | None = None, earliest: tuple[date, str] | None = None,
                 choices: list[str] | None = None, until: str | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """``until``: the label of an optional second date (a pause's expected end), off until ticked."""
        super().__init__(title, "date_reason_dialog", parent)
        self.earliest = earliest
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setAccessibleName(label)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        if latest is not None:
            self.date_edit.setMaximumDate(to_qdate(latest))
        self.form.addRow(label, self.date_edit)
        self.reason_edit: QLineEdit | None = None
        self.reason_combo: QComboBox | None = None
        if reason is not None:
            if choices is not None:
                self.reason_combo = QComboBox()
                self.reason_combo.setEditable(True)
                self.reason_combo.setObjectName("reason_combo")
                self.reason_combo.setAccessibleName(reason)
                self.reason_combo.addItems(choices)
                self.reason_combo.setCurrentIndex(-1)
                self.reason_edit = self.reason_combo.lineEdit()
                self.form.addRow(reason, self.reason_combo)
            else:
                self.reason_edit = QLineEdit()
                self.form.addRow(reason, self.reason_edit)
            assert self.reason_edit is not None
            self.reason_edit.setObjectName("reason_edit")
            self.reason_edit.setAccessibleName(reason)
            self.reason_edit.setMaxLength(500)
            self.reason_edit.setPlaceholderText(self.tr("Vælg eller skriv en årsag"))
            self.reason_edit.textChanged.connect(self._check)
        self.until_check: QCheckBox | None = None
        self.until_edit: QDateEdit | None = None
        if until is not None:
            self.until_check = QCheckBox(until)
            self.until_check.setObjectName("until_check")
            self.until_edit = QDateEdit(to_qdate(today))
            self.until_edit.setObjectName("until_edit")
            self.until_edit.setAccessibleName(until)
            self.until_edit.setDisplayFormat("dd-MM-yyyy")
            self.until_edit.setCalendarPopup(True)
            self.until_edit.setEnabled(False)
            self.until_check.toggled.connect(self.until_edit.setEnabled)
            self.until_check.toggled.connect(lambda _on: self._check())
            self.until_edit.dateChanged.connect(self._check)
            self.form.addRow(self.until_check, self.until_edit)
        self.date_edit.dateChanged.connect(self._check)

    def until(self) -> date | None:
        if self.until_check is None or self.until_edit is None or not self.until_check.isChecked():
            return None
        return from_qdate(self.until_edit.date())

    def problem(self) -> str:
        if self.earliest is not None and self.value() < self.earliest[0]:
            return self.earliest[1]
        if self.reason_edit is not None and not self.reason_edit.text().strip():
            return self.tr("Angiv en begrundelse.")
        until = self.until()
        if until is not None and until < self.value():
            return self.tr("Den forventede slutdato ligger før pausens start.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        early = self.earliest is not None and problem == self.earliest[1]
        if self.message.text() or early:  # said once (or a date too early): follow the input, gone when fixed
            self.message.setText(problem)

    def accept(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if problem:
            return
        super().accept()

    def value(self) -> date:
        return from_qdate(self.date_edit.date())

    def reason(self) -> str:
        return self.reason_edit.text() if self.reason_edit is not None else ""


class TriggerDialog(_Base):
    def __init__(self, catalogue: Catalogue, group: str, registered: set[str], today: date,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(self.tr("Registrér hændelse"), "trigger_dialog", parent)
        self.catalogue, self.today = catalogue, today
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("trigger_kind_combo")
        self.kind_combo.setAccessibleName(self.tr("Hændelse"))
        for trig in catalogue.triggers_of(group):
            suffix = self.tr(" (registreret – ændr dato)") if trig.id in registered else ""
            self.kind_combo.addItem(trig.name + suffix, trig.id)
        unregistered = (i for i in range(self.kind_combo.count()) if self.kind_combo.itemData(i) not in registered)
        first_new = next(unregistered, 0)
        self.kind_combo.setCurrentIndex(first_new)
        self.form.addRow(self.tr("Hændelse:"), self.kind_combo)
        self.field: TriggerField | None = None
        self.kind_combo.currentIndexChanged.connect(self._rebuild)
        self._rebuild()

    def _rebuild(self) -> None:
        if self.field is not None:
            self.form.removeRow(1)
        kind = str(self.kind_combo.currentData())
        self.field = TriggerField(kind, self.catalogue.triggers[kind].name, self.catalogue.trigger_needs_time(kind),
                                  required=True)  # fmt: skip
        self.field.set_value(self.today)
        self.form.addRow(self.tr("Dato:"), self.field)

    def accept(self) -> None:
        if self.value() is None:
            self.message.setText(self.tr("Vælg en dato."))
            return
        super().accept()

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def value(self) -> Anchor | None:
        return self.field.value() if self.field else None


class ReassignDialog(_Base):
    def __init__(self, workers: list[tuple[str, str]], current: str, parent: QWidget | None = None, *,
                 cases: int = 1) -> None:  # fmt: skip
        """``cases`` > 1: a batch, which can also be spread over several colleagues (ticked in a list)."""
        super().__init__(self.tr("Overdrag sag") if cases == 1 else self.tr("Overdrag {0} sager").format(cases),
                         "reassign_dialog", parent)  # fmt: skip
        self.worker_combo = QComboBox()
        self.worker_combo.setEditable(True)
        self.worker_combo.setObjectName("reassign_caseworker")
        self.worker_combo.setAccessibleName(self.tr("Ny sagsbehandler"))
        self.teams = dict(workers)
        for user, team in workers:
            self.worker_combo.addItem(f"{user} ({team})" if team else user, user)
        self.worker_combo.setCurrentIndex(max(0, self.worker_combo.findData(current)))
        self.team_edit = QLineEdit()
        self.team_edit.setObjectName("reassign_team")
        self.team_edit.setAccessibleName(self.tr("Team"))
        self.team_edit.setPlaceholderText(self.tr("(uændret)"))
        self.form.addRow(self.tr("Sagsbehandler:"), self.worker_combo)
        self.form.addRow(self.tr("Team:"), self.team_edit)
        self.spread_list: QListWidget | None = None
        if cases > 1:
            self.spread_list = QListWidget()
            self.spread_list.setObjectName("reassign_spread")
            self.spread_list.setAccessibleName(self.tr("Fordel på flere sagsbehandlere"))
            for user, team in workers:
                item = QListWidgetItem(f"{user} ({team})" if team else user)
                item.setData(Qt.ItemDataRole.UserRole, user)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.spread_list.addItem(item)
            self.spread_list.setMaximumHeight(130)
            self.form.addRow(self.tr("Eller fordel på:"), self.spread_list)

    def assignees(self) -> list[tuple[str, str | None]]:
        """The ticked colleagues (spread evenly, in turn), else the one chosen above."""
        ticked: list[tuple[str, str | None]] = []
        if self.spread_list is not None:
            for i in range(self.spread_list.count()):
                item = self.spread_list.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    ticked.append((str(item.data(Qt.ItemDataRole.UserRole)), None))
        return ticked or [(self.caseworker(), self.team())]

    def caseworker(self) -> str:
        idx = self.worker_combo.currentIndex()
        text = self.worker_combo.currentText()
        if idx >= 0 and self.worker_combo.itemText(idx) == text:
            return str(self.worker_combo.itemData(idx))
        return text.strip()

    def team(self) -> str | None:
        return self.team_edit.text().strip() or None

    def accept(self) -> None:
        if not self.caseworker():
            self.message.setText(self.tr("Angiv en sagsbehandler."))
            return
        super().accept()
