"""The laptop scenario end to end in real windows: check out from the team database window, the server goes
away, work in the laptop copy's window (banner, a milestone done, a note), the server comes back, a colleague
changes the same note, check in from the team database window, and decide the conflict in the dialog that opens
by itself."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar
from support.postgres import start_server, stop_server

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui.app import build_main_window
from jobcenter_desktop.ui.checkin_dialog import CheckinDialog
from jobcenter_desktop.ui.checkout_dialog import CheckoutDialog
from jobcenter_desktop.ui.conflicts_dialog import ConflictsDialog

TODAY = date(2026, 11, 23)
PASS = "bærbar-kode-1"


class Answers:
    """Answers modal dialogs by class, in order: a progress dialog that shows up meanwhile is left alone."""

    def __init__(self) -> None:
        self.queue: list[tuple[type, object]] = []
        self.errors: list[BaseException] = []
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(30)

    def expect(self, cls: type, handle) -> None:  # type: ignore[no-untyped-def]
        self.queue.append((cls, handle))

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not self.queue or getattr(modal, "_answered", False):
            return
        cls, handle = self.queue[0]
        if not isinstance(modal, cls):
            return
        self.queue.pop(0)
        modal._answered = True  # type: ignore[attr-defined]
        self.seen.append(type(modal).__name__)
        try:
            handle(modal)  # type: ignore[operator]
        except BaseException as e:
            self.errors.append(e)
            modal.reject()  # type: ignore[attr-defined]

    def check(self) -> None:
        self.timer.stop()
        if self.errors:
            raise self.errors[0]
        assert not self.queue, f"never shown: {[c.__name__ for c, _ in self.queue]}"


@pytest.mark.skipif(not os.environ.get("JOBCENTER_TEST_PG_DIR"), reason="needs the test command's own cluster")
def test_out_offline_back_and_the_conflict_decided(qtbot, make_window, qsettings, pg_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    name = pg_server.new_database()
    bo = Frister.open(pg_server.url("bo.l", name))
    try:
        anna = Frister.open(pg_server.url("anna.k", name))
        case = anna.cases.register(NewCase("dagpenge", "Fiktiv Udekørende", "020285-1234", {"ledigmelding": TODAY},
                                           notes="Fra kontoret"), TODAY)  # fmt: skip
        anna.close()
        office = make_window(pg_server.url("anna.k", name), qsettings)
        laptop = tmp_path / "laptop.sqlite3"
        answers = Answers()

        def fill_checkout(dlg: CheckoutDialog) -> None:
            assert dlg.case_list.count() == 1 and dlg.chosen() == [case.id]  # my caseload, preselected
            dlg.file_edit.setText(str(laptop))
            dlg.pass_edit.setText(PASS)
            dlg.again_edit.setText(PASS)
            dlg.buttons.accepted.emit()

        answers.expect(CheckoutDialog, fill_checkout)
        office.findChild(type(office.action_export), "action_checkout").trigger()
        assert laptop.is_file() and answers.seen == ["CheckoutDialog"]

        stop_server()  # out of the office: no network
        try:
            lap_window = build_main_window(laptop, today=lambda: TODAY, settings=qsettings, passphrase=PASS)
            qtbot.addWidget(lap_window)
            banner = lap_window.findChild(QToolBar, "laptop_banner_bar")
            assert banner is not None and "Offline kopi fra teamdatabasen" in lap_window.laptop.banner.text()
            lap = lap_window.app
            c = lap.cases.get(case.id)
            ms = next(m for m in c.milestones if m.due is not None and m.done_on is None)
            c = lap.cases.complete(ms.id, TODAY, TODAY, expected_version=c.version)
            lap.cases.update_notes(case.id, "Skrevet hos borgeren", expected_version=c.version)
            lap_window.close()
            lap_window.app.close()
        finally:
            start_server()
        for _ in range(50):  # the colleague's app reconnects by itself (pre-pinged pool)
            try:
                current = bo.cases.get(case.id)
                break
            except Exception:
                time.sleep(0.2)
        bo.cases.update_notes(case.id, "Kollegaen ringede", expected_version=current.version)

        def fill_checkin(dlg: CheckinDialog) -> None:
            dlg.file_edit.setText(str(laptop))
            assert dlg.pass_edit.isEnabled()  # an encrypted copy
            dlg.pass_edit.setText(PASS)
            dlg.buttons.accepted.emit()

        def read_summary(box: QMessageBox) -> None:
            assert "1 konflikt." in box.text()
            box.accept()

        def decide(dlg: ConflictsDialog) -> None:
            assert dlg.model.rowCount() == 1
            assert dlg.server_text.toPlainText().startswith("Kollegaen ringede")
            assert dlg.laptop_text.toPlainText() == "Skrevet hos borgeren"
            dlg.keep_laptop.click()
            assert dlg.model.rowCount() == 0
            dlg.reject()

        answers.expect(CheckinDialog, fill_checkin)
        answers.expect(QMessageBox, read_summary)
        answers.expect(ConflictsDialog, decide)
        office.findChild(type(office.action_export), "action_checkin").trigger()
        answers.check()
        assert answers.seen == ["CheckoutDialog", "CheckinDialog", "QMessageBox", "ConflictsDialog"]
        merged = bo.cases.get(case.id)
        assert merged.notes == "Skrevet hos borgeren"
        assert any(m.id == ms.id and m.done_on == TODAY for m in merged.milestones)
        assert bo.conflicts.list() == []
        assert any(e.action == "resolve" and e.actor == "anna.k" for e in bo.audit(case.id))
    finally:
        bo.close()
        pg_server.drop(name)
