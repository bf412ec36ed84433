"""The case actions of the main window (Sag menu, right-click menus, shortcuts): mark done, pause, reassign and
close whatever rows are selected in the worklist, the calendar's lists or the case register - one row or a
whole caseload. One confirmation says what will happen and what is skipped; the batch runs in one transaction
(with progress and cancel when long) and can be undone for a few seconds from the status bar or with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QMenu, QMessageBox, QPushButton, QTableView

from jobcenter_desktop.core.changes import Changes
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.bulk import Done, Plan, Target
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.input_dialogs import DateReasonDialog, ReassignDialog, pause_reasons, remember_pause_reason
from jobcenter_desktop.ui.models import CaseTableModel, DeadlineTableModel
from jobcenter_desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from jobcenter_desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate
UNDO_SECONDS = 12  # how long "Fortryd" stays offered after a batch
LONG_BATCH = 25  # more steps than this run off the UI thread, with progress and cancel


class CaseActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last: Done | None = None
        self.done = self._action("action_done", translate("CaseActions", "Markér &udført …"), self.mark_done,
                                 "Ctrl+D")  # fmt: skip
        self.pause = self._action("action_pause", translate("CaseActions", "&Pause sag …"), self.pause_cases,
                                  "Ctrl+Shift+P")  # fmt: skip
        self.reassign = self._action("action_reassign", translate("CaseActions", "&Overdrag …"),
                                     self.reassign_cases, "Ctrl+Shift+O")  # fmt: skip
        self.close = self._action("action_close_cases", translate("CaseActions", "&Luk sag …"), self.close_cases,
                                  "Ctrl+Shift+L")  # fmt: skip
        self.undo = self._action("action_undo", translate("CaseActions", "&Fortryd"), self.undo_last,
                                 QKeySequence.StandardKey.Undo)  # fmt: skip
        self.undo.setEnabled(False)
        self.undo_button = QPushButton(translate("CaseActions", "Fortryd"))
        self.undo_button.setObjectName("status_undo_button")
        self.undo_button.setAccessibleName(translate("CaseActions", "Fortryd den sidste handling"))
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_button.hide()
        window.statusBar().addPermanentWidget(self.undo_button)
        self._expire = QTimer(self)
        self._expire.setSingleShot(True)
        self._expire.timeout.connect(self._forget)

    def _action(self, name: str, text: str, slot: Callable[[], object], keys: QKeySequence.StandardKey | str
                ) -> QAction:  # fmt: skip
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text.replace('&', '').removesuffix(' …')} ({action.shortcut().toString()})")
        action.triggered.connect(slot)
        self.window.addAction(action)  # the shortcut works wherever the focus is in the window
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.done, self.pause, self.reassign, self.close]

    def menu(self) -> QMenu:
        menu = QMenu(translate("CaseActions", "S&ag"), self.window)
        menu.setObjectName("case_menu")
        menu.addActions(self.actions)
        menu.addSeparator()
        menu.addAction(self.undo)
        return menu

    def attach(self, view: QTableView) -> None:
        """Multi-select and a right-click menu with the same actions on a list of cases or deadlines."""
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))

    def _context_menu(self, view: QTableView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.selectRow(index.row())
        self.update_enabled()
        menu = QMenu(view)
        menu.setObjectName("case_context_menu")
        menu.addActions(self.actions)
        menu.exec(view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------ the selection
    def targets(self) -> list[Target]:
        """The selected rows of the list in front of the user, in their order on screen."""
        view = self.window.current_case_view()
        if view is None or view.selectionModel() is None:
            return []
        rows = sorted(view.selectionModel().selectedRows(), key=QModelIndex.row)
        shown = view.model()
        proxy = shown if isinstance(shown, QSortFilterProxyModel) else None
        model = proxy.sourceModel() if proxy is not None else shown
        out = []
        for index in rows:
            row = proxy.mapToSource(index).row() if proxy is not None else index.row()
            if isinstance(model, DeadlineTableModel):
                r = model.row_at(row)
                out.append(Target(r.case_id, r.case_number, r.version, r.milestone_id))
            elif isinstance(model, CaseTableModel):
                c = model.row_at(row)
                out.append(Target(c.id, c.number, c.version))
        return out

    def update_enabled(self) -> None:
        targets = self.targets()
        for action in (self.pause, self.reassign, self.close):
            action.setEnabled(bool(targets) and not self.window.is_locked)
        self.done.setEnabled(any(t.milestone_id for t in targets) and not self.window.is_locked)

    # ------------------------------------------------------------ the actions
    def mark_done(self) -> None:
        targets = [t for t in self.targets() if t.milestone_id]
        if not targets:
            return
        today = self.window.today()
        title = translate("CaseActions", "Markér {0} udført").format(count(len(targets), "milepæl", "milepæle"))
        dlg = DateReasonDialog(title, translate("CaseActions", "Udført den:"), today, latest=today,
                               parent=self.window)  # fmt: skip
        if self.window.exec_lockable(dlg) == QDialog.DialogCode.Accepted:
            self._confirm_and_run(lambda: self.window.app.bulk.plan_complete(targets, dlg.value(), today))

    def pause_cases(self) -> None:
        targets = self.targets()
        if not targets:
            return
        today = self.window.today()
        dlg = DateReasonDialog(translate("CaseActions", "Pause sag"), translate("CaseActions", "Pause fra:"), today,
                               reason=translate("CaseActions", "Årsag:"), choices=pause_reasons(self.window.settings),
                               until=translate("CaseActions", "Forventet slut:"), parent=self.window)  # fmt: skip
        if self.window.exec_lockable(dlg) == QDialog.DialogCode.Accepted:
            remember_pause_reason(self.window.settings, dlg.reason())
            self._confirm_and_run(lambda: self.window.app.bulk.plan_pause(targets, dlg.value(), dlg.reason(), today,
                                                                          dlg.until()))  # fmt: skip

    def reassign_cases(self) -> None:
        targets = self.targets()
        if not targets:
            return
        cases = len({t.case_id for t in targets})
        dlg = ReassignDialog(self.window.app.caseworkers(), self.window.app.ctx.actor, self.window, cases=cases)
        if self.window.exec_lockable(dlg) == QDialog.DialogCode.Accepted:
            self._confirm_and_run(lambda: self.window.app.bulk.plan_reassign(targets, dlg.assignees()))

    def close_cases(self) -> None:
        targets = self.targets()
        if not targets:
            return
        today = self.window.today()
        dlg = DateReasonDialog(translate("CaseActions", "Luk sag"), translate("CaseActions", "Lukket den:"), today,
                               latest=today, parent=self.window)  # fmt: skip
        if self.window.exec_lockable(dlg) == QDialog.DialogCode.Accepted:
            self._confirm_and_run(lambda: self.window.app.bulk.plan_close(targets, dlg.value(), today))

    def _confirm_and_run(self, make_plan: Callable[[], Plan]) -> None:
        try:
            plan = make_plan()
        except ServiceError as e:
            show_error(self.window, str(e))
            return
        if not plan.steps:
            show_error(self.window, translate("CaseActions", "Der er intet at gøre:") + "\n" + "\n".join(plan.skipped))
            return
        text = plan.summary
        if plan.skipped:
            text += "\n\n" + translate("CaseActions", "{0} springes over (se detaljer).").format(
                count(len(plan.skipped), "valgt række", "valgte rækker"))  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Question, plan.title, text, parent=self.window)
        box.setObjectName("bulk_confirm")
        if plan.skipped:
            box.setDetailedText("\n".join(plan.skipped))
        go = box.addButton(translate("CaseActions", "Udfør"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("CaseActions", "Annullér"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        self.window.exec_lockable(box)
        if box.clickedButton() is not go:
            return
        done = self._carry_out(plan.title, lambda progress: self.window.app.bulk.run(plan, progress), len(plan.steps))
        if done is None:
            return
        self.window.apply_changes(Changes(cases=done.cases))
        self.offer_undo(done, translate("CaseActions", "{0}: {1} ændret.").format(
            plan.title, count(len(done.cases), "sag", "sager")))  # fmt: skip

    def offer_undo(self, done: Done, message: str) -> None:
        """What happened, in the status bar, with "Fortryd" (and Ctrl+Z) for a few seconds."""
        self.last = done
        self.window.status_message(message, UNDO_SECONDS * 1000)
        self.undo.setEnabled(True)
        self.undo_button.show()
        self._expire.start(UNDO_SECONDS * 1000)

    def _carry_out(self, title: str, work: Callable[..., Done], steps: int) -> Done | None:
        if steps > LONG_BATCH:
            outcome = run_task(self.window, title, translate("CaseActions", "Gemmer …"), work)
            if outcome.error:
                show_error(self.window, outcome.error)
            return outcome.result if isinstance(outcome.result, Done) else None
        try:
            return work(None)
        except ServiceError as e:
            show_error(self.window, str(e) or translate("CaseActions", "Intet er ændret."))
            return None

    def undo_last(self) -> None:
        done = self.last
        if done is None:
            return
        self._forget()
        undone = self._carry_out(done.label, lambda progress: self.window.app.bulk.undo(done, progress),
                                 len(done.undo_steps))  # fmt: skip
        if undone is not None:
            self.window.apply_changes(Changes(cases=undone.cases | done.cases))
            self.window.status_message(translate("CaseActions", "Fortrudt: {0}.").format(done.label), 6000)

    def _forget(self) -> None:
        self._expire.stop()
        self.last = None
        self.undo.setEnabled(False)
        self.undo_button.hide()
