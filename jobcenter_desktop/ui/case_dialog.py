"""Sag: one case — party, group, caseworker, notes; the milestones as a timeline with "hvorfor denne dato?";
mark done / undo, pause / resume, register a later event, reassign, close / reopen; and the history.

Every change goes through the services layer (one transaction, audit entries) with the case's row version,
so a colleague's concurrent change is reported instead of silently overwritten."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, DeadlineFilter, MilestoneRecord, MilestoneState
from jobcenter_desktop.core.party import display_party_id
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ConflictError, ServiceError, ValidationError
from jobcenter_desktop.services.history import history
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import history_word, urgency_label
from jobcenter_desktop.ui.input_dialogs import DateReasonDialog, ReassignDialog, TriggerDialog
from jobcenter_desktop.ui.lock.curtain import run_dialog
from jobcenter_desktop.ui.theme import due_text, state_fill, state_icon, when_text
from jobcenter_desktop.ui.widgets import NoteEdit, read_only_table


class CaseDialog(QDialog):
    COL_STATE, COL_NAME, COL_DUE, COL_DONE = range(4)

    def __init__(self, app: Frister, case_id: uuid.UUID, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app = app
        self.today = today
        self.case_id = case_id
        self.changed = False
        self.revealed = False
        self.setObjectName("CaseDialog")
        self.setAccessibleName(self.tr("Sag"))
        self.resize(1080, 660)

        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.title.setProperty("role", "title")
        self.party_label = QLabel()
        self.party_label.setObjectName("case_party")
        self.party_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Vis CPR"))
        self.reveal_button.setObjectName("reveal_cpr_button")
        self.reveal_button.setAccessibleName(self.tr("Vis fuldt CPR-nummer (logges)"))
        self.reveal_button.setToolTip(self.tr("Viser det fulde CPR-nummer. Det registreres i sagens historik."))
        self.worker_label = QLabel()
        self.worker_label.setObjectName("case_worker")
        self.worker_label.setWordWrap(True)
        self.triggers_label = QLabel()
        self.triggers_label.setObjectName("case_triggers")
        self.triggers_label.setProperty("role", "hint")
        self.triggers_label.setWordWrap(True)

        self.milestones = read_only_table(
            "milestone_table", self.tr("Milepæle"), [self.tr("Status"), self.tr("Milepæl"), self.tr("Frist"),
                                                     self.tr("Udført")], stretch=self.COL_NAME,
            widths={self.COL_STATE: 165, self.COL_DUE: 135, self.COL_DONE: 95})  # fmt: skip
        self.why = QListWidget()
        self.why.setObjectName("why_list")
        self.why.setAccessibleName(self.tr("Hvorfor denne dato?"))
        self.why.setWordWrap(True)
        self.why.setSpacing(3)
        self.conditions = QListWidget()
        self.conditions.setObjectName("conditions_list")
        self.conditions.setAccessibleName(self.tr("Forudsætninger"))
        self.conditions.setMaximumHeight(90)
        self.conditions.setWordWrap(True)

        self.done_button = self._button("done_button", self.tr("Markér &udført"), self._mark_done)
        self.undo_button = self._button("undo_button", self.tr("&Fortryd udført"), self._undo_done)
        self.pause_ms_button = self._button("pause_milestone_button", self.tr("Pause milepæl"), self._pause_milestone)
        self.pause_button = self._button("pause_case_button", self.tr("&Pause sag"), self._pause_case)
        self.trigger_button = self._button("add_trigger_button", self.tr("Registrér &hændelse"), self._add_trigger)
        self.reassign_button = self._button("reassign_button", self.tr("&Overdrag"), self._reassign)
        self.close_button = self._button("close_case_button", self.tr("&Luk sag"), self._close_or_reopen)
        # The same keys as the main window's Sag menu, shown in the buttons' tooltips.
        for button, keys in ((self.done_button, "Ctrl+D"), (self.pause_button, "Ctrl+Shift+P"),
                             (self.reassign_button, "Ctrl+Shift+O"), (self.close_button, "Ctrl+Shift+L")):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(button.click)
            button.setToolTip(f"{button.text().replace('&', '')} ({keys})")
        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.activated.connect(self.print_case)

        self.notes_edit = NoteEdit()
        self.notes_edit.setObjectName("case_notes_edit")
        self.notes_edit.setAccessibleName(self.tr("Bemærkninger"))
        self.save_notes_button = self._button("save_notes_button", self.tr("Gem bemærkning"), self._save_notes)
        self.history = read_only_table(
            "history_table", self.tr("Historik"), [self.tr("Tidspunkt"), self.tr("Hvem"), self.tr("Handling"),
                                                   self.tr("Hvad"), self.tr("Ændring")],
            stretch=4, widths={0: 130, 1: 90, 2: 120, 3: 190})  # fmt: skip

        header = QGridLayout()
        header.addWidget(self.title, 0, 0, 1, 2)
        party_row = QHBoxLayout()
        party_row.addWidget(self.party_label)
        party_row.addWidget(self.reveal_button)
        party_row.addStretch(1)
        header.addLayout(party_row, 1, 0)
        header.addWidget(self.worker_label, 1, 1)
        header.addWidget(self.triggers_label, 2, 0, 1, 2)
        why_box = QWidget()
        why_layout = QVBoxLayout(why_box)
        why_layout.setContentsMargins(0, 0, 0, 0)
        why_layout.addWidget(QLabel(self.tr("<b>Hvorfor denne dato?</b>")))
        why_layout.addWidget(self.why, 1)
        why_layout.addWidget(QLabel(self.tr("<b>Forudsætninger</b>")))
        why_layout.addWidget(self.conditions)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("case_splitter")
        split.addWidget(self.milestones)
        split.addWidget(why_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 380])
        actions = QHBoxLayout()
        for b in (self.done_button, self.undo_button, self.pause_ms_button, self.pause_button, self.trigger_button,
                  self.reassign_button, self.close_button):  # fmt: skip
            actions.addWidget(b)
        actions.addStretch(1)
        timeline = QWidget()
        tl = QVBoxLayout(timeline)
        tl.addWidget(split, 1)
        tl.addLayout(actions)
        notes = QWidget()
        nl = QVBoxLayout(notes)
        nl.addWidget(self.notes_edit, 1)
        nl.addWidget(self.save_notes_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.addTab(timeline, self.tr("Milepæle"))
        self.tabs.addTab(notes, self.tr("Bemærkninger"))
        self.tabs.addTab(self.history, self.tr("Historik"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Luk vindue"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)

        self.reveal_button.clicked.connect(self._reveal)
        self.milestones.itemSelectionChanged.connect(self._selection_changed)
        self.case: CaseRecord = app.cases.get(case_id)
        self._states: dict[uuid.UUID, Urgency] = {}
        self.refresh_view()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", ""))
        b.clicked.connect(slot)
        return b

    # ---------------------------------------------------------------- rendering
    def reload(self) -> None:
        self.case = self.app.cases.get(self.case_id)
        self.refresh_view()

    def refresh_view(self) -> None:
        c, cat = self.case, self.app.catalogue
        group = cat.groups[c.group].name if c.group in cat.groups else c.group
        status = self.tr("åben") if c.status is CaseStatus.OPEN else self.tr("lukket {0}").format(
            format_date(c.closed_on) if c.closed_on else "")
        self.setWindowTitle(self.tr("Sag {0} — {1}").format(c.number, c.party.name))
        self.title.setText(f"{c.number} · {group} · {status}")
        ident = display_party_id(c.party.kind, c.party.identifier, reveal=self.revealed)
        self.party_label.setText(f"{c.party.name} ({ident})")
        self.reveal_button.setVisible(c.party.kind.value == "citizen" and not self.revealed)
        worker = self.tr("Sagsbehandler: {0}  Team: {1}").format(c.caseworker, c.team or "—")
        for out in self.app.checkouts.of_case(self.case_id):  # colleagues may still change it: say what it risks
            worker += self.tr("  ·  Udlånt til {0} (bærbar {1}) siden {2}; en ændring her kan give en konflikt ved "
                              "afleveringen").format(out.login, out.device, format_date(out.checked_out_at.date()))
        self.worker_label.setText(worker)
        events = ", ".join(f"{cat.triggers[t.kind].name if t.kind in cat.triggers else t.kind} "
                           f"{when_text(t.occurred)}" for t in c.triggers)  # fmt: skip
        self.triggers_label.setText(self.tr("Hændelser: {0}").format(events or "—"))
        if not self.notes_edit.document().isModified():
            self.notes_edit.setPlainText(c.notes)
        rows = self.app.deadlines.list(DeadlineFilter(case_id=c.id), self.today())
        self._states = {r.milestone_id: r.urgency for r in rows}
        selected = self.selected()
        self.milestones.setRowCount(len(c.milestones))
        order = sorted(c.milestones, key=lambda m: (m.due or date.max, m.rule_id))
        for row, m in enumerate(order):
            state = self._state_of(m)
            name = cat.milestones[m.rule_id].name if m.rule_id in cat.milestones else m.rule_id
            due = due_text(m.due, m.due_at) if m.due else "—"
            items = [QTableWidgetItem(state_icon(state), urgency_label(state)), QTableWidgetItem(name),
                     QTableWidgetItem(due), QTableWidgetItem(format_date(m.done_on) if m.done_on else "")]  # fmt: skip
            items[0].setData(Qt.ItemDataRole.UserRole, m.id)
            items[1].setToolTip(name)
            items[0].setBackground(state_fill(state))
            items[2].setBackground(state_fill(state))
            for col, item in enumerate(items):
                self.milestones.setItem(row, col, item)
            if m.id == selected:
                self.milestones.selectRow(row)
        if selected is None and order:
            first_open = next((i for i, m in enumerate(order) if m.state is MilestoneState.OPEN and m.due), 0)
            self.milestones.selectRow(first_open)
        self._fill_history()
        self._selection_changed()

    def _state_of(self, m: MilestoneRecord) -> Urgency:
        if m.id in self._states:
            return self._states[m.id]
        if m.state is MilestoneState.NOT_APPLICABLE:
            return Urgency.NOT_APPLICABLE
        return Urgency.NOT_STARTED if m.due is None else Urgency.LATER

    def _fill_history(self) -> None:
        lines = history(self.app.audit(self.case_id), self.app.catalogue)
        self.history.setRowCount(len(lines))
        for row, line in enumerate(lines):
            action = history_word(line.action) + (f" ({line.device})" if line.device else "")
            cells = (line.at.strftime("%d-%m-%Y %H:%M"), line.actor, action, history_word(line.what), line.change)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long change is elided in its cell
                self.history.setItem(row, col, item)

    def selected(self) -> uuid.UUID | None:
        rows = self.milestones.selectionModel().selectedRows() if self.milestones.selectionModel() else []
        if not rows:
            return None
        item = self.milestones.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected_milestone(self) -> MilestoneRecord | None:
        mid = self.selected()
        return next((m for m in self.case.milestones if m.id == mid), None)

    def print_case(self) -> None:
        """Ctrl+P: this case's summary; the CPR number in full only if it was revealed here (and audited)."""
        from jobcenter_desktop.ui import printing

        lines = history(self.app.audit(self.case_id), self.app.catalogue)
        text = printing.case_html(self.case, self.app.catalogue, lines, self.app.ctx.actor, datetime.now(),
                                  reveal=self.revealed)  # fmt: skip
        run_dialog(printing.preview(self, self.case.number, text))

    def _name_of(self, m: MilestoneRecord) -> str:
        rule = self.app.catalogue.milestones.get(m.rule_id)
        return rule.name if rule is not None else m.rule_id

    def _selection_changed(self) -> None:
        m = self.selected_milestone()
        self.why.clear()
        self.conditions.clear()
        is_open = self.case.status is CaseStatus.OPEN
        if m is not None:
            steps = m.steps or (self.tr("Ingen frist endnu: hændelsen er ikke registreret."),)
            for step in steps:
                self.why.addItem(f"• {step}")
            rule = self.app.catalogue.milestones.get(m.rule_id)
            if rule is not None:
                for cond in rule.conditions:
                    item = QListWidgetItem(cond)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    self.conditions.addItem(item)
                if rule.source:
                    self.why.addItem(self.tr("Kilde: »{0}«").format(rule.source))
        paused_ms = m is not None and any(p.milestone_id == m.id and p.end is None for p in self.case.pauses)
        case_paused = any(p.milestone_id is None and p.end is None for p in self.case.pauses)
        self.done_button.setEnabled(is_open and m is not None and m.state is MilestoneState.OPEN and m.due is not None)
        self.done_button.setToolTip(self.tr("Markér »{0}« udført (Ctrl+D)").format(self._name_of(m)) if m else "")
        self.undo_button.setEnabled(is_open and m is not None and m.state is MilestoneState.DONE)
        can_act = is_open and m is not None and m.state is MilestoneState.OPEN and m.due is not None
        self.pause_ms_button.setEnabled(can_act)
        self.pause_ms_button.setText(self.tr("Genoptag milepæl") if paused_ms else self.tr("Pause milepæl"))
        self.pause_button.setEnabled(is_open)
        self.pause_button.setText(self.tr("Genoptag &sag") if case_paused else self.tr("&Pause sag"))
        self.trigger_button.setEnabled(is_open)
        self.reassign_button.setEnabled(is_open)
        self.close_button.setText(self.tr("&Luk sag") if is_open else self.tr("&Genåbn sag"))

    # ---------------------------------------------------------------- actions
    def _run(self, action: Callable[[int], CaseRecord]) -> bool:
        """Run one service action with the version we showed; on a conflict, tell and reload."""
        try:
            self.case = action(self.case.version)
        except ConflictError as e:
            show_error(self, str(e), self.tr("Ændret af en anden"))
            self.reload()
            return False
        except ValidationError as e:
            show_error(self, "\n".join(p.message for p in e.problems))
            return False
        except ServiceError as e:
            show_error(self, str(e))
            return False
        self.changed = True
        self.refresh_view()
        return True

    def _mark_done(self) -> None:
        m = self.selected_milestone()
        if m is None:
            return
        today = self.today()
        name = self._name_of(m)
        dlg = DateReasonDialog(self.tr("Markér »{0}« udført").format(name), self.tr("»{0}« udført den:").format(name),
                               today, latest=today, parent=self)  # fmt: skip
        if run_dialog(dlg) == QDialog.DialogCode.Accepted:
            self._run(lambda v: self.app.cases.complete(m.id, dlg.value(), today, expected_version=v))

    def _undo_done(self) -> None:
        m = self.selected_milestone()
        if m is not None:
            self._run(lambda v: self.app.cases.undo_complete(m.id, self.today(), expected_version=v))

    def _pause(self, milestone_id: uuid.UUID | None) -> None:
        today = self.today()
        open_pause = any(p.milestone_id == milestone_id and p.end is None for p in self.case.pauses)
        if open_pause:
            dlg = DateReasonDialog(self.tr("Genoptag"), self.tr("Genoptaget den:"), today, parent=self)
            if run_dialog(dlg) == QDialog.DialogCode.Accepted:
                self._run(lambda v: self.app.cases.resume(self.case_id, dlg.value(), today,
                                                          milestone_id=milestone_id, expected_version=v))  # fmt: skip
            return
        dlg = DateReasonDialog(self.tr("Pause"), self.tr("Pause fra:"), today, reason=self.tr("Begrundelse:"),
                               parent=self)  # fmt: skip
        if run_dialog(dlg) == QDialog.DialogCode.Accepted:
            self._run(lambda v: self.app.cases.pause(self.case_id, dlg.value(), dlg.reason(), today,
                                                     milestone_id=milestone_id, expected_version=v))  # fmt: skip

    def _pause_case(self) -> None:
        self._pause(None)

    def _pause_milestone(self) -> None:
        m = self.selected_milestone()
        if m is not None:
            self._pause(m.id)

    def _add_trigger(self) -> None:
        registered = {t.kind for t in self.case.triggers}
        dlg = TriggerDialog(self.app.catalogue, self.case.group, registered, self.today(), parent=self)
        if run_dialog(dlg) == QDialog.DialogCode.Accepted and dlg.value() is not None:
            when = dlg.value()
            assert when is not None
            self._run(lambda v: self.app.cases.add_trigger(self.case_id, dlg.kind(), when, self.today(),
                                                           expected_version=v))  # fmt: skip

    def _reassign(self) -> None:
        dlg = ReassignDialog(self.app.caseworkers(), self.case.caseworker, parent=self)
        if run_dialog(dlg) == QDialog.DialogCode.Accepted:
            self._run(lambda v: self.app.cases.reassign(self.case_id, dlg.caseworker(), dlg.team(), self.today(),
                                                        expected_version=v))  # fmt: skip

    def _close_or_reopen(self) -> None:
        if self.case.status is CaseStatus.OPEN:
            dlg = DateReasonDialog(self.tr("Luk sag"), self.tr("Lukket den:"), self.today(), parent=self)
            if run_dialog(dlg) == QDialog.DialogCode.Accepted:
                self._run(lambda v: self.app.cases.close(self.case_id, dlg.value(), expected_version=v))
        else:
            self._run(lambda v: self.app.cases.reopen(self.case_id, self.today(), expected_version=v))

    def _save_notes(self) -> None:
        if self._run(lambda v: self.app.cases.update_notes(self.case_id, self.notes_edit.toPlainText(),
                                                            expected_version=v)):  # fmt: skip
            self.notes_edit.document().setModified(False)
            self.notes_edit.setPlainText(self.case.notes)

    def _reveal(self) -> None:
        try:
            self.app.cases.reveal_party_id(self.case_id, self.tr("Fuldt CPR-nummer vist i sagsvinduet"))
        except ServiceError as e:
            show_error(self, str(e))
            return
        self.revealed = True
        self.refresh_view()

    def done(self, result: int) -> None:
        if self.notes_edit.document().isModified() and self.notes_edit.toPlainText() != self.case.notes:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, self.tr("Ikke gemt"), self.tr("Bemærkningen er ændret. Gem den, før vinduet lukkes?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self._save_notes()
        super().done(result)

