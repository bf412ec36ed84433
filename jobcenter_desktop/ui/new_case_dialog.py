"""Ny sag (Ctrl+N): pick the group, party, caseworker and trigger dates; the milestones and their due dates
are previewed while typing; every problem is shown inline in Danish and the OK button says why it is off."""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QSettings, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.models import CaseRecord
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import urgency_label
from jobcenter_desktop.ui.theme import due_text, state_icon
from jobcenter_desktop.ui.widgets import NoteEdit, dialog_buttons, fit_to_screen, read_only_table

LAST_GROUP_KEY = "new_case/group"
BLANK = QDate(1950, 1, 1)  # the minimum date doubles as "no date": shown as an empty field


class TriggerField(QWidget):
    """A date (or date-time) field that can be empty, with a clear button."""

    def __init__(self, kind: str, name: str, with_time: bool, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.edit: QDateEdit | QDateTimeEdit
        if with_time:
            self.edit = QDateTimeEdit()
            self.edit.setDisplayFormat("dd-MM-yyyy HH:mm")
            self.edit.setMinimumDateTime(QDateTime(BLANK, QTime(0, 0)))
        else:
            self.edit = QDateEdit()
            self.edit.setDisplayFormat("dd-MM-yyyy")
            self.edit.setMinimumDate(BLANK)
        self.edit.setSpecialValueText(" ")
        self.edit.setCalendarPopup(True)
        self.edit.setObjectName(f"trigger_{kind}")
        self.edit.setAccessibleName(self.tr("{0} (påkrævet)").format(name) if required else name)
        self.with_time = with_time
        clear = self.clear_button = QToolButton()
        clear.setText("×")
        clear.setObjectName(f"clear_trigger_{kind}")
        clear.setAccessibleName(self.tr("Ryd {0}").format(name))
        clear.setToolTip(self.tr("Ryd {0}").format(name))
        clear.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(clear)
        self.clear()

    def clear(self) -> None:
        if isinstance(self.edit, QDateTimeEdit) and self.with_time:
            self.edit.setDateTime(QDateTime(BLANK, QTime(0, 0)))
        else:
            self.edit.setDate(BLANK)

    def set_value(self, value: Anchor) -> None:
        if isinstance(value, datetime):
            self.edit.setDateTime(QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)))
        else:
            self.edit.setDate(QDate(value.year, value.month, value.day))
            if self.with_time:
                self.edit.setTime(QTime(8, 0))

    def value(self) -> Anchor | None:
        q = self.edit.date()
        if q == BLANK:
            return None
        day = date(q.year(), q.month(), q.day())
        if self.with_time:
            t = self.edit.time()
            return datetime(day.year, day.month, day.day, t.hour(), t.minute())
        return day


class NewCaseDialog(QDialog):
    def __init__(self, app: Frister, today: Callable[[], date], parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app = app
        self.today = today
        self.settings = settings
        self.created: CaseRecord | None = None
        self.open_instead: str | None = None  # the existing case the user chose to open instead (duplicate party)
        self.setObjectName("NewCaseDialog")
        self.setWindowTitle(self.tr("Ny sag"))
        self.setAccessibleName(self.tr("Ny sag"))
        # The catalogue in force today; a group closed to new cases is left out and the hint says why.
        self.cat = cat = app.ctx.catalogue_on(today())

        self.group_combo = QComboBox()
        self.group_combo.setObjectName("group_combo")
        self.group_combo.setAccessibleName(self.tr("Målgruppe"))
        closed = []
        for g in cat.groups.values():
            if g.open_on(today()):
                self.group_combo.addItem(g.name, g.id)
            else:
                closed.append(g)
        self.closed_label = QLabel(self.tr("Ikke på listen: {0} — lukket for nye sager (åbne sager kører videre).")
                                   .format(", ".join(self.tr("{0} fra {1}").format(g.name, format_date(
                                       g.closed_from or today())) for g in closed)))  # fmt: skip
        self.closed_label.setObjectName("closed_groups_label")
        self.closed_label.setProperty("role", "hint")
        self.closed_label.setWordWrap(True)
        self.closed_label.setVisible(bool(closed))
        self.party_kind_label = QLabel()
        self.party_kind_label.setObjectName("party_kind_label")
        self.party_kind_label.setProperty("role", "hint")
        self.party_name_edit = QLineEdit()
        self.party_name_edit.setObjectName("party_name_edit")
        self.party_name_edit.setAccessibleName(self.tr("Navn"))
        self.party_name_edit.setMaxLength(200)
        self.party_id_edit = QLineEdit()
        self.party_id_edit.setObjectName("party_id_edit")
        self.party_id_edit.setMaxLength(20)
        self.caseworker_edit = QLineEdit(app.ctx.actor)
        self.caseworker_edit.setObjectName("caseworker_edit")
        self.caseworker_edit.setAccessibleName(self.tr("Sagsbehandler"))
        workers = app.caseworkers()
        self.caseworker_edit.setCompleter(QCompleter(sorted({u for u, _ in workers} | {app.ctx.actor}), self))
        self.team_edit = QLineEdit(app.ctx.team)
        self.team_edit.setObjectName("team_edit")
        self.team_edit.setAccessibleName(self.tr("Team"))
        self.team_edit.setCompleter(QCompleter(sorted({t for _, t in workers if t}), self))
        self.notes_edit = NoteEdit()
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setAccessibleName(self.tr("Bemærkning"))
        self.notes_edit.setMaximumHeight(60)
        self.errors: dict[str, QLabel] = {}
        self._pending_warnings: list[str] = []

        form = QFormLayout()
        form.addRow(self.tr("&Målgruppe:"), self.group_combo)
        form.addRow("", self.closed_label)
        form.addRow("", self.party_kind_label)
        form.addRow(self.tr("&Navn:"), self._with_error(self.party_name_edit, "party_name"))
        self.party_id_label = QLabel(self.tr("&CPR-nr.:"))
        self.party_id_label.setBuddy(self.party_id_edit)
        form.addRow(self.party_id_label, self._with_error(self.party_id_edit, "party_id"))
        form.addRow(self.tr("&Sagsbehandler:"), self._with_error(self.caseworker_edit, "caseworker"))
        form.addRow(self.tr("&Team:"), self.team_edit)
        self.trigger_box = QGroupBox(self.tr("Hændelser (fristerne regnes herfra)"))
        self.trigger_form = QFormLayout(self.trigger_box)
        self.trigger_fields: dict[str, TriggerField] = {}
        self._trigger_values: dict[str, Anchor] = {}

        self.preview = read_only_table("milestone_preview", self.tr("Milepæle der oprettes"),
                                       [self.tr("Milepæl"), self.tr("Frist"), self.tr("Bemærkning")], stretch=0,
                                       widths={1: 170, 2: 190})  # fmt: skip
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a preview: Tab skips it

        self.warning_label = QLabel()
        self.warning_label.setObjectName("warning_label")
        self.warning_label.setProperty("role", "warning")
        self.warning_label.setWordWrap(True)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("blocked_label")
        self.blocked_label.setProperty("role", "error")
        self.blocked_label.setWordWrap(True)
        self.buttons = dialog_buttons(self, self.tr("Opret sag"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.trigger_box)
        layout.addWidget(QLabel(self.tr("Bemærkning:")))
        layout.addWidget(self.notes_edit)
        layout.addWidget(QLabel(self.tr("Milepæle og frister:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.blocked_label)
        layout.addWidget(self.buttons)

        last = settings.value(LAST_GROUP_KEY, "") if settings is not None else ""
        if last and self.group_combo.findData(last) >= 0:  # the målgruppe of the last case made here
            self.group_combo.setCurrentIndex(self.group_combo.findData(last))
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        for edit in (self.party_name_edit, self.party_id_edit, self.caseworker_edit):
            edit.textChanged.connect(self.refresh)
        self._group_changed()
        fit_to_screen(self, 760, 640)

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setProperty("role", "error")
        label.setVisible(False)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)  # a duplicate party links to the existing case
        label.linkActivated.connect(self._open_existing)
        v.addWidget(label)
        self.errors[key] = label
        return box

    # ---------------------------------------------------------------- group and triggers
    def group_id(self) -> str:
        return str(self.group_combo.currentData())

    def _group_changed(self) -> None:
        cat = self.cat
        group = cat.groups[self.group_id()]
        citizen = group.party is PartyKind.CITIZEN
        self.party_kind_label.setText(self.tr("Part: borger (CPR-nummer)") if citizen
                                      else self.tr("Part: virksomhed (CVR-nummer)"))  # fmt: skip
        self.party_id_label.setText(self.tr("&CPR-nr.:") if citizen else self.tr("&CVR-nr.:"))
        self.party_id_edit.setPlaceholderText(self.tr("DDMMÅÅ-NNNN") if citizen else self.tr("8 cifre"))
        self.party_id_edit.setAccessibleName(self.tr("CPR-nummer") if citizen else self.tr("CVR-nummer"))
        for field in self.trigger_fields.values():
            value = field.value()
            if value is not None:
                self._trigger_values[field.kind] = value
        while self.trigger_form.rowCount():
            self.trigger_form.removeRow(0)  # deletes the row's widgets, error labels included
        self.trigger_fields.clear()
        self.errors = {k: v for k, v in self.errors.items() if not k.startswith("trigger_")}
        for trig in cat.triggers_of(group.id):
            required = trig.id == group.initial_trigger
            field = TriggerField(trig.id, trig.name, cat.trigger_needs_time(trig.id), required)
            if trig.id in self._trigger_values:
                field.set_value(self._trigger_values[trig.id])
            elif required:
                field.set_value(self.today())
            field.edit.dateTimeChanged.connect(self.refresh)
            self.trigger_fields[trig.id] = field
            label = self.tr("{0} *:").format(trig.name) if required else self.tr("{0} (valgfri):").format(trig.name)
            self.trigger_form.addRow(label, self._with_error(field, f"trigger_{trig.id}"))
        legend = QLabel(self.tr("* skal udfyldes: fristerne regnes fra den dato."))
        legend.setObjectName("required_legend")
        legend.setProperty("role", "hint")
        self.trigger_form.addRow(legend)
        self._tab_order()
        self.refresh()

    def _tab_order(self) -> None:
        """Top to bottom, as the form reads: the trigger fields are made anew for each målgruppe and would
        otherwise come last, after the buttons."""
        chain: list[QWidget] = [self.group_combo, self.party_name_edit, self.party_id_edit, self.caseworker_edit,
                                self.team_edit]  # fmt: skip
        for field in self.trigger_fields.values():
            chain += [field.edit, field.clear_button]
        chain += [self.notes_edit, self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _open_existing(self, number: str) -> None:
        self.open_instead = number
        super().reject()

    def _dirty(self) -> bool:
        return any(w.text().strip() for w in (self.party_name_edit, self.party_id_edit)) or bool(
            self.notes_edit.toPlainText().strip())

    def reject(self) -> None:
        """Esc or Annullér: typed-in input is not thrown away without asking."""
        if self._dirty():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Kassér den nye sag?"),
                              self.tr("Det du har skrevet, bliver ikke gemt."), parent=self)  # fmt: skip
            box.setObjectName("discard_box")
            discard = box.addButton(self.tr("Kassér"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(self.tr("Fortsæt med at skrive"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.exec()
            if box.clickedButton() is not discard:
                return
        super().reject()

    def triggers(self) -> dict[str, Anchor]:
        return {kind: v for kind, f in self.trigger_fields.items() if (v := f.value()) is not None}

    def new_case(self) -> NewCase:
        return NewCase(group=self.group_id(), party_name=self.party_name_edit.text(),
                       party_id=self.party_id_edit.text(), triggers=self.triggers(),
                       caseworker=self.caseworker_edit.text(), team=self.team_edit.text(),
                       notes=self.notes_edit.toPlainText())  # fmt: skip

    # ---------------------------------------------------------------- live validation and preview
    def refresh(self) -> None:
        today = self.today()
        result = self.app.cases.check(self.new_case(), today)
        by_field: dict[str, list[str]] = {}
        for p in result.problems:
            links = " ".join(f'<a href="{html.escape(n)}">{self.tr("Åbn sag {0}").format(html.escape(n))}</a>'
                             for n in p.cases)  # fmt: skip
            by_field.setdefault(p.field, []).append(html.escape(p.message) + (f" {links}" if links else ""))
        # Fields the user has not touched yet show no red text; the OK button still explains.
        untouched = {"party_name"} if not self.party_name_edit.text() else set()
        untouched |= {"party_id"} if not self.party_id_edit.text() else set()
        for key, label in self.errors.items():
            msgs = [] if key in untouched else by_field.get(key, [])
            label.setText(" ".join(msgs))
            label.setVisible(bool(msgs))
            widget = self.findChild(QWidget, key + "_edit") or self.trigger_fields.get(key.removeprefix("trigger_"))
            if widget is not None:
                target = widget.edit if isinstance(widget, TriggerField) else widget
                target.setProperty("invalid", bool(msgs))
                target.style().unpolish(target)
                target.style().polish(target)
        self.ok_button.setEnabled(result.ok)
        reasons = " ".join(p.message for p in result.problems)
        self.ok_button.setToolTip(self.tr("Kan ikke oprettes endnu: {0}").format(reasons) if reasons else "")
        self.blocked_label.setText(self.tr("Kan ikke oprettes endnu: {0}").format(reasons) if reasons else "")
        self.warning_label.setText(" ".join(p.message for p in result.warnings))
        self._pending_warnings = [p.message for p in result.warnings]
        self._fill_preview()

    def _fill_preview(self) -> None:
        previews = self.app.cases.preview(self.group_id(), self.triggers(), self.today())
        self.preview.setRowCount(len(previews))
        for row, p in enumerate(previews):
            d = p.deadline
            name = QTableWidgetItem(p.rule.name)
            if d is None:
                due = QTableWidgetItem("—")
                note = self.tr("Ikke startet (hændelse mangler)")
                state = Urgency.NOT_STARTED
            else:
                due = QTableWidgetItem(due_text(d.due, d.due_at))
                due.setToolTip("\n".join(d.steps))
                note = self.tr("Foreløbig") if d.provisional else (self.tr("Forventet tid") if p.rule.soft else "")
                state = Urgency.PROVISIONAL if d.provisional else Urgency.LATER
            name.setIcon(state_icon(state))
            name.setToolTip(urgency_label(state))
            for col, item in enumerate((name, due, QTableWidgetItem(note))):
                self.preview.setItem(row, col, item)

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self._pending_warnings:
            text = "\n".join(self._pending_warnings) + "\n\n" + self.tr("Opret sagen alligevel?")
            answer = QMessageBox.question(self, self.tr("Bekræft dato"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.created = self.app.cases.register(self.new_case(), self.today())
            if self.settings is not None:
                self.settings.setValue(LAST_GROUP_KEY, self.group_id())
        except ValidationError as e:
            show_error(self, "\n".join(p.message for p in e.problems), self.tr("Sagen kan ikke oprettes"))
            self.refresh()
            return
        except ServiceError as e:
            show_error(self, str(e))
            return
        super().accept()

    def created_summary(self) -> str:
        c = self.created
        if c is None:
            return ""
        first = min((m.due for m in c.milestones if m.due), default=None)
        return self.tr("Sag {0} oprettet; første frist {1}.").format(c.number, format_date(first) if first else "—")
