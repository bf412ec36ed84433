"""Sag: one case — party, group, caseworker, notes; the milestones as a timeline with "hvorfor denne dato?";
mark done / undo, pause / resume, register a later event, reassign, close / reopen; and the history.

Every change goes through the services layer (one transaction, audit entries) with the case's row version,
so a colleague's concurrent change is reported instead of silently overwritten."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
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
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, MilestoneRecord, MilestoneState
from jobcenter_desktop.core.notice import NOTICE_ALERTS, NoticeState
from jobcenter_desktop.core.party import hide_cpr_in_text
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.bulk import Done, Plan, Target
from jobcenter_desktop.services.case_view import CaseView
from jobcenter_desktop.services.errors import ConflictError, ServiceError, ValidationError
from jobcenter_desktop.ui.case.header import CaseHeader
from jobcenter_desktop.ui.case.history import fill_history, history_table
from jobcenter_desktop.ui.case.notes import NotesTab
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import notice_label, urgency_label
from jobcenter_desktop.ui.input_dialogs import (
    DateReasonDialog,
    ReassignDialog,
    TriggerDialog,
    pause_reasons,
    remember_pause_reason,
)
from jobcenter_desktop.ui.lock.curtain import run_dialog
from jobcenter_desktop.ui.theme import due_text, notice_fill, notice_icon, now_for, state_fill, state_icon
from jobcenter_desktop.ui.widgets import dialog_buttons, fit_to_screen, read_only_table

XLSX = ".xlsx"


class CaseDialog(QDialog):
    COL_STATE, COL_NAME, COL_DUE, COL_DONE = range(4)

    def __init__(self, app: Frister, case_id: uuid.UUID, today: Callable[[], date],
                 parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.settings = settings
        self.app = app
        self.today = today
        self.case_id = case_id
        self.changed = False
        self.revealed = False
        self.last_done: Done | None = None  # the last undoable action here: "Fortryd" after the window closes
        self.setObjectName("CaseDialog")
        self.setAccessibleName(self.tr("Sag"))

        self.header = CaseHeader()
        self.header.reveal_requested.connect(self._reveal)
        self.header.insight_requested.connect(self._insight)
        self.header.correct_requested.connect(self._correct_party)
        self.milestones = read_only_table(
            "milestone_table", self.tr("Milepæle"), [self.tr("Status"), self.tr("Milepæl"), self.tr("Frist"),
                                                     self.tr("Udført")], stretch=self.COL_NAME,
            widths={self.COL_STATE: 185, self.COL_DUE: 135, self.COL_DONE: 95})  # fmt: skip
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
        self.exempt_button = self._button("exempt_button", self.tr("Fri&tag"), self._exempt)
        self.exempt_button.setToolTip(self.tr("Fritag milepælen (med begrundelse): den forlader arbejdslisterne og "
                                              "tæller som fritaget i rettidighedstallene"))  # fmt: skip
        self.notice_button = self._button("notice_button", self.tr("Skriv underretning…"), self._notice)
        self.notice_button.setToolTip(self.tr("Brev til ansøgeren om, hvornår en afgørelse kan forventes, når "
                                              "fristen ikke kan holdes (rsl. § 3, stk. 2)"))  # fmt: skip
        # The same keys as the main window's Sag menu, shown in the buttons' tooltips.
        for button, keys in ((self.done_button, "Ctrl+D"), (self.pause_button, "Ctrl+Shift+P"),
                             (self.reassign_button, "Ctrl+Shift+O"), (self.close_button, "Ctrl+Shift+L")):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(button.click)
            button.setToolTip(f"{button.text().replace('&', '')} ({keys})")
        print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_shortcut.activated.connect(self.print_case)

        self.notes = NotesTab()
        self.notes_edit = self.notes.edit  # the field for a new note (tests and the lock look at it)
        self.notes.add_button.clicked.connect(self._save_notes)
        self.history = history_table()

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
        for b in (self.done_button, self.undo_button, self.exempt_button, self.notice_button, self.pause_ms_button,
                  self.pause_button, self.trigger_button, self.reassign_button, self.close_button):  # fmt: skip
            actions.addWidget(b)
        actions.addStretch(1)
        timeline = QWidget()
        tl = QVBoxLayout(timeline)
        tl.addWidget(split, 1)
        tl.addLayout(actions)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.addTab(timeline, self.tr("Milepæle"))
        self.tabs.addTab(self.notes, self.tr("Bemærkninger"))
        self.tabs.addTab(self.history, self.tr("Historik"))
        close = dialog_buttons(self, cancel=self.tr("Luk vindue"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)

        self.milestones.itemSelectionChanged.connect(self._selection_changed)
        self.view: CaseView = app.cases.view(case_id, today())
        self.case: CaseRecord = self.view.case
        self._states: dict[uuid.UUID, Urgency] = dict(self.view.states)
        self.refresh_view(fetch=False)
        fit_to_screen(self, 1080, 660)  # a 1024 px laptop screen too

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", ""))
        b.clicked.connect(slot)
        return b

    # ---------------------------------------------------------------- rendering
    def reload(self) -> None:
        self.refresh_view()

    def refresh_view(self, *, fetch: bool = True) -> None:
        """Shows the case as read by one CaseService.view (fetched again unless just read)."""
        if fetch:
            self.view = self.app.cases.view(self.case_id, self.today())
            self.case = self.view.case
            self._states = dict(self.view.states)
        c = self.case
        cat = self.app.ctx.catalogue_of(c.catalogue_id)  # the catalogue the case was registered under
        self.setWindowTitle(self.tr("Sag {0} — {1}").format(c.number, c.party.name))
        self.header.show_view(self.view, cat, revealed=self.revealed)
        self.notes.show_notes(self.view.notes, revealed=self.revealed)
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
            fill = state_fill(state)
            notice = self.view.notices.get(m.id)
            if notice in NOTICE_ALERTS:  # the law's notice missing outranks the state: icon, words and fill
                items[0] = QTableWidgetItem(notice_icon(notice), notice_label(notice))
                items[0].setData(Qt.ItemDataRole.UserRole, m.id)
                fill = notice_fill(notice)
            elif notice is not None:
                items[0].setText(f"{urgency_label(state)} · {notice_label(notice).lower()}")
            items[0].setToolTip(items[0].text())
            items[0].setBackground(fill)
            items[2].setBackground(fill)
            for col, item in enumerate(items):
                self.milestones.setItem(row, col, item)
            if m.id == selected:
                self.milestones.selectRow(row)
        if selected is None and order:
            first_open = next((i for i, m in enumerate(order) if m.state is MilestoneState.OPEN and m.due), 0)
            self.milestones.selectRow(first_open)
        fill_history(self.history, self.view.history)
        self._selection_changed()

    def _state_of(self, m: MilestoneRecord) -> Urgency:
        if m.id in self._states:
            return self._states[m.id]
        if m.state is MilestoneState.NOT_APPLICABLE:
            return Urgency.NOT_APPLICABLE
        if m.state is MilestoneState.EXEMPT:
            return Urgency.EXEMPT
        return Urgency.NOT_STARTED if m.due is None else Urgency.LATER

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

        text = printing.case_html(self.case, self.app.catalogue, self.view.history, self.app.ctx.actor, datetime.now(),
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
            held = next((p for p in self.case.pauses if p.end is None and p.milestone_id in (None, m.id)
                         and m.due is not None and p.start <= m.due), None)  # fmt: skip
            if held is not None and m.state is MilestoneState.OPEN:
                self.why.addItem(self.tr("|| På pause siden {0} ({1}): fristen nedenfor flyttes med de hverdage "
                                         "pausen varer, når den genoptages.").format(
                    format_date(held.start), hide_cpr_in_text(held.reason)))  # fmt: skip
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
        exempt = m is not None and m.state is MilestoneState.EXEMPT
        self.exempt_button.setEnabled(is_open and m is not None and (exempt or m.state is MilestoneState.OPEN))
        self.exempt_button.setText(self.tr("Ophæv fri&tagelse") if exempt else self.tr("Fri&tag"))
        can_act = is_open and m is not None and m.state is MilestoneState.OPEN and m.due is not None
        self.pause_ms_button.setEnabled(can_act)
        self.pause_ms_button.setText(self.tr("Genoptag milepæl") if paused_ms else self.tr("Pause milepæl"))
        self.pause_button.setEnabled(is_open)
        self.pause_button.setText(self.tr("Genoptag &sag") if case_paused else self.tr("&Pause sag"))
        self.trigger_button.setEnabled(is_open)
        self.reassign_button.setEnabled(is_open)
        self._notice_state(m, is_open)
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
        self.refresh_view()  # the states and the history too, in one read
        return True

    def _undoable(self, make_plan: Callable[[list[Target]], Plan], milestone_id: uuid.UUID | None = None,
                  ) -> Callable[[int], CaseRecord]:  # fmt: skip
        """An action run as a one-case batch, so the main window can offer "Fortryd" for it afterwards."""

        def act(version: int) -> CaseRecord:
            done = self.app.bulk.run(make_plan([Target(self.case_id, self.case.number, version, milestone_id)]))
            self.last_done = done
            return done.records[-1]

        return act

    def _mark_done(self) -> None:
        m = self.selected_milestone()
        if m is None:
            return
        today = self.today()
        name = self._name_of(m)
        dlg = DateReasonDialog(self.tr("Markér »{0}« udført").format(name), self.tr("»{0}« udført den:").format(name),
                               today, latest=today, parent=self)  # fmt: skip
        if run_dialog(dlg) == QDialog.DialogCode.Accepted:
            on = dlg.value()
            # An hours deadline is met or missed to the minute: done today means now.
            at = now_for(today) if m.due_at is not None and on == today else None
            self._run(self._undoable(lambda t: self.app.bulk.plan_complete(t, on, today, at), m.id))

    def _exempt(self) -> None:
        m = self.selected_milestone()
        if m is None:
            return
        if m.state is MilestoneState.EXEMPT:
            self._run(lambda v: self.app.cases.unexempt(m.id, expected_version=v))
            return
        reason, ok = QInputDialog.getText(self, self.tr("Fritag milepæl"), self.tr(
            "Hvorfor fritages »{0}«? (Fx: selv i job om 14 dage.) Begrundelsen står i historikken.").format(
            self._name_of(m)))  # fmt: skip
        if ok:
            self._run(lambda v: self.app.cases.exempt(m.id, reason, expected_version=v))

    def _undo_done(self) -> None:
        m = self.selected_milestone()
        if m is not None:
            self._run(lambda v: self.app.cases.undo_complete(m.id, self.today(), expected_version=v))

    def _pause(self, milestone_id: uuid.UUID | None) -> None:
        today = self.today()
        open_pause = next((p for p in self.case.pauses if p.milestone_id == milestone_id and p.end is None), None)
        if open_pause is not None:
            too_early = self.tr("Genoptagelsen kan ikke ligge før pausens start ({0}).").format(
                format_date(open_pause.start))  # fmt: skip
            dlg = DateReasonDialog(self.tr("Genoptag"), self.tr("Genoptaget den:"), today,
                                   earliest=(open_pause.start, too_early), parent=self)  # fmt: skip
            if run_dialog(dlg) == QDialog.DialogCode.Accepted:
                self._run(lambda v: self.app.cases.resume(self.case_id, dlg.value(), today,
                                                          milestone_id=milestone_id, expected_version=v))  # fmt: skip
            return
        dlg = DateReasonDialog(self.tr("Pause"), self.tr("Pause fra:"), today, reason=self.tr("Begrundelse:"),
                               choices=pause_reasons(self.settings), until=self.tr("Forventet slut:"),
                               parent=self)  # fmt: skip
        if run_dialog(dlg) != QDialog.DialogCode.Accepted:
            return
        if milestone_id is None:  # the whole case: undoable like the Sag menu's pause
            action = self._undoable(lambda t: self.app.bulk.plan_pause(t, dlg.value(), dlg.reason(), today,
                                                                       dlg.until()))  # fmt: skip
        else:
            def action(v: int) -> CaseRecord:
                return self.app.cases.pause(self.case_id, dlg.value(), dlg.reason(), today,
                                            milestone_id=milestone_id, expected_version=v,
                                            expected_end=dlg.until())  # fmt: skip
        if self._run(action):
            remember_pause_reason(self.settings, dlg.reason())

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
            self._run(self._undoable(lambda t: self.app.bulk.plan_reassign(t, [(dlg.caseworker(), dlg.team())])))

    def _close_or_reopen(self) -> None:
        if self.case.status is CaseStatus.OPEN:
            dlg = DateReasonDialog(self.tr("Luk sag"), self.tr("Lukket den:"), self.today(), parent=self)
            if run_dialog(dlg) == QDialog.DialogCode.Accepted:
                self._run(self._undoable(lambda t: self.app.bulk.plan_close(t, dlg.value(), self.today())))
        else:
            self._run(lambda v: self.app.cases.reopen(self.case_id, self.today(), expected_version=v))

    def _save_notes(self) -> None:
        text = self.notes_edit.toPlainText()
        if self._run(lambda v: self.app.cases.add_note(self.case_id, text, expected_version=v)):
            self.notes_edit.clear()
            self.notes_edit.document().setModified(False)

    def _notice_state(self, m: MilestoneRecord | None, is_open: bool) -> None:
        """"Skriv underretning" on an open decision (or its promised date) that has started."""
        rule = self.app.ctx.catalogue_of(self.case.catalogue_id).milestones.get(m.rule_id) if m else None
        watched = rule is not None and (rule.decision or rule.promise_of is not None)
        self.notice_button.setEnabled(is_open and m is not None and watched and m.state is MilestoneState.OPEN
                                      and m.due is not None)  # fmt: skip
        alert = m is not None and self.view.notices.get(m.id) in NOTICE_ALERTS
        self.notice_button.setIcon(notice_icon(NoticeState.DUE) if alert else QIcon())

    def _notice(self) -> None:
        from jobcenter_desktop.ui.notice_dialog import NoticeDialog

        m = self.selected_milestone()
        if m is None:
            return
        dlg = NoticeDialog(self.app, self.case, m, self.view.notices.get(m.id), self.today, self,
                           settings=self.settings)  # fmt: skip
        run_dialog(dlg)
        if dlg.recorded or dlg.written is not None:  # a draft is in the history too
            self.changed = self.changed or dlg.recorded
            self.refresh_view()

    def _correct_party(self) -> None:
        from jobcenter_desktop.ui.correct_dialog import CorrectPartyDialog

        dlg = CorrectPartyDialog(self.app, self.case, self.today, self)
        if run_dialog(dlg) == QDialog.DialogCode.Accepted:
            self.changed = True
            self.refresh_view()

    def _insight(self) -> None:
        """The person's access report (indsigt): every case of theirs, to a file the user chooses."""
        from PySide6.QtWidgets import QFileDialog

        from jobcenter_desktop.ui.export_dialog import documents_dir

        name = self.tr("Indsigt {0}.xlsx").format(self.case.number)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Gem indsigtsrapport"), str(documents_dir() / name),
                                              self.tr("Excel-projektmappe (*.xlsx)"))  # fmt: skip
        if path:
            self.write_insight(Path(path))

    def write_insight(self, target: Path) -> bool:
        if not self.case.party.identifier:  # blanked by retention
            show_error(self, self.tr("Personoplysningerne i denne sag er slettet (opbevaringsperioden)."))
            return False
        if target.suffix.lower() != XLSX:
            target = target.with_name(target.name + XLSX)
        try:
            n = self.app.insight.report(self.case.party.identifier, target, self.today())
        except ServiceError as e:
            show_error(self, str(e))
            return False
        self.refresh_view()  # the report is in the history now
        self.header.insight_button.setToolTip(self.tr("Seneste rapport: {0} ({1} sager)").format(target, n))
        return True

    def _reveal(self) -> None:
        try:
            self.app.cases.reveal_party_id(self.case_id, self.tr("Fuldt CPR-nummer vist i sagsvinduet"))
        except ServiceError as e:
            show_error(self, str(e))
            return
        self.revealed = True
        self.refresh_view()

    def done(self, result: int) -> None:
        if self.notes.typed().strip():
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, self.tr("Ikke gemt"),
                self.tr("Den nye bemærkning er ikke tilføjet. Tilføj den, før vinduet lukkes?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self._save_notes()
        super().done(result)

