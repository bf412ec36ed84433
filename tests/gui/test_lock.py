"""Idle auto-lock: after the idle time (milliseconds here) the window shows only the lock page, other windows
are hidden but kept (typed input survives), input resets the clock, the right user name or passphrase unlocks,
Ctrl+L locks at once, 0 minutes never locks, and the setting is stored in QSettings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from jobcenter_desktop.ui.case.dialog import CaseDialog
from jobcenter_desktop.ui.lock import controller as controller_module
from jobcenter_desktop.ui.lock.idle import (
    DEFAULT_LOCK_MINUTES,
    LOCK_MINUTES_KEY,
    IdleLock,
    idle_text,
    read_lock_minutes,
)
from jobcenter_desktop.ui.settings_dialog import SettingsDialog

TODAY = date(2026, 11, 23)
ACTOR = "anna.k"
OS_USER = "kari.os"  # differs from the caseworker identity (anna.k), so each way of unlocking is tested
CPR_LIKE = re.compile(r"\b\d{6}-?(\d{4}|X{4})\b")
STAY_LOCKED = "Det er ikke dit brugernavn. Skærmen forbliver låst."


@pytest.fixture(autouse=True)
def _os_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(controller_module, "os_username", lambda: OS_USER)


def _show(qtbot, window) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _lock_by_idle(qtbot, window, ms: int = 120) -> None:
    window.idle_lock.set_interval_ms(ms)
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)
    window.idle_lock.set_interval_ms(60_000)  # from here on the test decides (applies after unlock)


def _unlock_with(qtbot, window, text: str) -> None:
    edit = window.findChild(QLineEdit, "unlock_edit")
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest.keyClicks aborts on characters outside ASCII
        edit.setText(text)
    qtbot.mouseClick(window.findChild(QPushButton, "unlock_button"), Qt.MouseButton.LeftButton)


def _visible_texts(window: QWidget) -> list[str]:
    """Everything a passer-by could read in the window: visible labels, line/text edits (text and
    placeholder), window title, and every cell and header of visible item views."""
    texts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, QPlainTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    texts.append(str(model.data(model.index(row, col, QModelIndex())) or ""))
    return texts


def _stepper(window, seen: dict[str, object], errors: list[BaseException]):
    """``when(ready, step)``: run ``step`` from the event loop once ``ready()``; a failure or a timeout is kept in
    ``errors`` and everything is closed, so a failing step cannot hang the test in a dialog's exec()."""

    def give_up() -> None:
        window.unlock()
        dlg = seen.get("dialog")
        if isinstance(dlg, CaseDialog):
            dlg.notes_edit.document().setModified(False)  # close without the "Gem bemærkningen?" question
            QTimer.singleShot(50, dlg.reject)

    def when(ready: Callable[[], bool], step: Callable[[], None], timeout_ms: int = 15000) -> None:
        waited = [0]

        def poll() -> None:
            if not ready():
                waited[0] += 20
                if waited[0] < timeout_ms:
                    QTimer.singleShot(20, poll)
                else:
                    errors.append(TimeoutError(step.__name__))
                    give_up()
                return
            try:
                step()
            except BaseException as e:
                errors.append(e)
                give_up()

        QTimer.singleShot(20, poll)

    return when


def _personal(texts: list[str], names: set[str], extra: tuple[str, ...] = ()) -> list[str]:
    return [t for t in texts if CPR_LIKE.search(t) or any(n in t for n in names) or any(x in t for x in extra)]


def test_idle_timeout_shows_only_the_lock_page(qtbot, window) -> None:
    _show(qtbot, window)
    rows = window.worklist.rows()
    names = {r.party.name for r in rows}
    assert names and window.worklist.table.isVisible()
    db_path = str(window.app.ctx.db.path)
    # The walk is meaningful: unlocked, it does find party names, masked CPR numbers and the database path.
    assert _personal(_visible_texts(window), names, (db_path,))
    window.legend_dock.show()

    _lock_by_idle(qtbot, window)

    page = window.findChild(QWidget, "lock_page")
    assert window.stack.currentWidget() is page and page.isVisible()
    assert not window.tabs.isVisible() and not window.worklist.table.isVisible()
    assert not window.legend_dock.isVisible() and not window.toolbar.isVisible()
    message = window.findChild(QLabel, "lock_message").text()
    assert message == "Låst efter 1 sekunds inaktivitet — ingen persondata vises."
    assert window.windowTitle() == "Jobcenter Frister — låst"
    assert window.status_label.text() == "Låst"
    leaks = _personal(_visible_texts(window), names, (db_path, ACTOR))
    assert not leaks, leaks
    assert window.findChild(QLineEdit, "unlock_edit").hasFocus()
    assert not window.action_new_case.isEnabled() and not window.action_export.isEnabled()
    assert window.action_quit.isEnabled()


def test_lock_page_widgets_are_named(window) -> None:
    window.lock()
    for cls, name in ((QWidget, "lock_page"), (QLineEdit, "unlock_edit"), (QPushButton, "unlock_button"),
                      (QLabel, "lock_message")):  # fmt: skip
        w = window.findChild(cls, name)
        assert w is not None, name
        assert w.accessibleName().strip(), name
    assert window.findChild(QLineEdit, "unlock_edit").echoMode() == QLineEdit.EchoMode.Normal


def test_open_case_dialog_is_hidden_and_comes_back_with_its_typed_notes(qtbot, window) -> None:
    """The dialog runs in exec() from the main window; the lock hides it (Qt ends that exec loop), and after
    unlock the same dialog object runs again with the unsaved notes still in it."""
    _show(qtbot, window)
    case_id = window.worklist.rows()[0].case_id
    notes = "Ringede kl. 10 - ikke gemt endnu"  # ASCII: QTest.keyClicks aborts on anything else
    seen: dict[str, object] = {}
    errors: list[BaseException] = []
    returned: list[bool] = []
    when = _stepper(window, seen, errors)

    def type_notes_then_idle() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, CaseDialog)
        seen["dialog"], seen["title"] = dlg, dlg.windowTitle()
        qtbot.keyClicks(dlg.notes_edit, notes)
        seen["notes"] = dlg.notes_edit.toPlainText()
        assert notes in str(seen["notes"])
        window.idle_lock.set_interval_ms(150)  # counted from this moment
        when(lambda: window.is_locked, check_hidden_then_unlock)

    def check_hidden_then_unlock() -> None:
        dlg = seen["dialog"]
        assert isinstance(dlg, CaseDialog)
        assert not dlg.isVisible()
        assert QApplication.activeModalWidget() is None  # nothing blocks the lock page
        assert not returned  # open_case is still waiting for its dialog
        assert not _personal(_visible_texts(window), {str(seen["title"]).split(" — ")[-1]})
        window.idle_lock.set_interval_ms(60_000)
        _unlock_with(qtbot, window, OS_USER)
        assert not window.is_locked
        when(lambda: dlg.isVisible(), check_restored)

    def check_restored() -> None:
        dlg = seen["dialog"]
        assert isinstance(dlg, CaseDialog)
        assert QApplication.activeModalWidget() is dlg  # modal again, the same object
        assert dlg.notes_edit.toPlainText() == seen["notes"]
        assert dlg.notes_edit.document().isModified()  # still unsaved: closing would ask to save it
        assert dlg.windowTitle() == seen["title"]
        assert not returned
        seen["restored"] = True
        dlg.notes_edit.document().setModified(False)  # the shared demo database keeps its notes
        dlg.reject()

    when(lambda: isinstance(QApplication.activeModalWidget(), CaseDialog), type_notes_then_idle)
    window.open_case(case_id)
    returned.append(True)
    if errors:
        raise errors[0]
    assert seen.get("restored")
    assert window.tabs.isVisible()


def test_the_unsaved_notes_question_is_cancelled_not_answered_no(qtbot, window) -> None:
    """Closing a case with unsaved notes asks "Gem den, før vinduet lukkes?". If the lock comes first, the
    question is answered Annullér (the case dialog stays, with the notes) rather than discarding them."""
    _show(qtbot, window)
    case_id = window.worklist.rows()[1].case_id
    saved_notes = window.app.cases.get(case_id).notes
    seen: dict[str, object] = {}
    errors: list[BaseException] = []
    returned: list[bool] = []
    when = _stepper(window, seen, errors)

    def type_notes_then_close() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, CaseDialog)
        seen["dialog"] = dlg
        qtbot.keyClicks(dlg.notes_edit, "Aftalt opfoelgning ")
        seen["notes"] = dlg.notes_edit.toPlainText()
        when(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), lock_during_question)
        dlg.reject()  # the question opens inside this call

    def lock_during_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Tilføj den" in box.text()
        window.lock()
        assert not box.isVisible()
        assert not seen["dialog"].isVisible()  # type: ignore[attr-defined]
        when(lambda: not returned and QApplication.activeModalWidget() is None, unlock)

    def unlock() -> None:
        assert window.is_locked
        _unlock_with(qtbot, window, ACTOR)
        when(lambda: seen["dialog"].isVisible(), check_restored)  # type: ignore[attr-defined]

    def check_restored() -> None:
        dlg = seen["dialog"]
        assert isinstance(dlg, CaseDialog)
        assert QApplication.activeModalWidget() is dlg
        assert dlg.notes_edit.toPlainText() == seen["notes"]
        seen["restored"] = True
        dlg.notes_edit.document().setModified(False)
        dlg.reject()

    when(lambda: isinstance(QApplication.activeModalWidget(), CaseDialog), type_notes_then_close)
    window.open_case(case_id)
    returned.append(True)
    if errors:
        raise errors[0]
    assert seen.get("restored")
    assert window.app.cases.get(case_id).notes == saved_notes  # neither saved nor lost: still in the dialog


def test_a_non_modal_window_is_hidden_and_shown_again_unless_closed_meanwhile(qtbot, window) -> None:
    _show(qtbot, window)
    kept, closed = QDialog(window), QDialog(window)
    kept.setObjectName("kept_dialog")
    for dlg in (kept, closed):
        dlg.show()
        qtbot.waitExposed(dlg)
    window.lock()
    assert not kept.isVisible() and not closed.isVisible()
    closed.close()  # e.g. a finished progress dialog
    _unlock_with(qtbot, window, OS_USER)
    assert kept.isVisible()
    assert not closed.isVisible()
    kept.close()


def test_user_input_resets_the_timer(qtbot, window) -> None:
    _show(qtbot, window)
    window.idle_lock.set_interval_ms(400)
    for i in range(10):  # 1 s of activity, an event every 100 ms
        if i % 2:
            qtbot.keyClick(window.worklist.table, Qt.Key.Key_Shift)
        else:
            qtbot.mouseMove(window.worklist.table)
            qtbot.keyClick(window, Qt.Key.Key_Control)
        qtbot.wait(100)
        assert not window.is_locked, f"locked after {(i + 1) * 100} ms despite input"
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)


def test_wrong_text_keeps_it_locked(qtbot, window) -> None:
    _show(qtbot, window)
    window.lock()
    _unlock_with(qtbot, window, "bo.l")
    assert window.is_locked
    assert window.stack.currentWidget() is window.lock_page
    assert window.findChild(QLabel, "unlock_error").text() == STAY_LOCKED
    assert window.findChild(QLineEdit, "unlock_edit").text() == ""
    assert not window.worklist.table.isVisible()
    window.lock_page.edit.setText("")
    window.lock_page.edit.returnPressed.emit()
    assert window.is_locked
    assert window.lock_page.error.text() == "Skriv dit brugernavn for at låse op."


@pytest.mark.parametrize("typed", [OS_USER, "KARI.OS", r"DOMÆNE\kari.os", f" {ACTOR} "])
def test_os_user_name_or_identity_unlocks(qtbot, window, typed: str) -> None:
    _show(qtbot, window)
    window.legend_dock.show()
    before = window.status_label.text()
    window.lock()
    _unlock_with(qtbot, window, typed)
    assert not window.is_locked
    assert window.stack.currentWidget() is window.tabs
    assert window.worklist.table.isVisible() and window.worklist.model.rowCount() > 0
    assert window.legend_dock.isVisible() and window.toolbar.isVisible()
    assert window.windowTitle() == "Jobcenter Frister"
    assert window.status_label.text() == before and str(window.app.ctx.db.path) in before
    assert window.action_new_case.isEnabled()
    assert window.findChild(QLineEdit, "unlock_edit").text() == ""  # nothing typed stays behind


def test_the_idle_clock_runs_again_after_unlock(qtbot, window) -> None:
    _show(qtbot, window)
    _lock_by_idle(qtbot, window)
    window.idle_lock.set_interval_ms(150)
    _unlock_with(qtbot, window, OS_USER)
    assert not window.is_locked
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)


@pytest.fixture
def hooked_window(qtbot, demo_db, qsettings, today) -> Iterator[tuple[object, list[str]]]:
    from jobcenter_desktop.ui.app import build_main_window

    calls: list[str] = []

    def check(text: str) -> bool:
        calls.append(text)
        if text == "boom":
            raise RuntimeError("the key store is unavailable")
        return text == "korrekt hest batteri"

    window = build_main_window(demo_db, actor=ACTOR, today=today, settings=qsettings, unlock_check=check)
    qtbot.addWidget(window)
    yield window, calls
    window.close()
    window.app.close()


def test_unlock_check_hook_verifies_the_passphrase(qtbot, hooked_window) -> None:
    window, calls = hooked_window
    _show(qtbot, window)
    window.lock()
    edit = window.findChild(QLineEdit, "unlock_edit")
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    assert "adgangsudtryk" in window.lock_page.prompt.text()

    _unlock_with(qtbot, window, OS_USER)  # the user name does not open an encrypted database's window
    assert window.is_locked
    assert window.lock_page.error.text() == "Forkert adgangsudtryk. Skærmen forbliver låst."
    _unlock_with(qtbot, window, "boom")  # a failing check keeps it locked, it does not crash or open
    assert window.is_locked
    _unlock_with(qtbot, window, "korrekt hest batteri")
    assert not window.is_locked
    assert calls == [OS_USER, "boom", "korrekt hest batteri"]


def test_ctrl_l_locks_at_once(qtbot, window) -> None:
    assert window.action_lock.shortcut() == QKeySequence("Ctrl+L")
    assert window.action_lock.objectName() == "action_lock"
    assert window.action_lock.text().replace("&", "") == "Lås nu"
    assert window.action_lock in window.menuBar().actions()[0].menu().actions()
    _show(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert window.lock_page.message.text() == "Låst — ingen persondata vises."
    qtbot.keyClick(window.lock_page.edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.activeModalWidget() is None  # Ctrl+N (new case) does nothing while locked


def test_zero_minutes_never_locks(qtbot, make_window, demo_db, qsettings) -> None:
    qsettings.setValue(LOCK_MINUTES_KEY, 0)
    window = make_window(demo_db, qsettings)
    assert window.idle_lock.interval_ms == 0 and not window.idle_lock.enabled
    _show(qtbot, window)
    qtbot.wait(300)
    assert not window.is_locked
    window.idle_lock.set_interval_ms(50)
    window.idle_lock.set_interval_ms(0)  # switched off again before it fired
    qtbot.wait(200)
    assert not window.is_locked


def test_default_is_ten_minutes(window) -> None:
    assert window.idle_lock.interval_ms == DEFAULT_LOCK_MINUTES * 60_000 == 600_000


def test_settings_spin_box_persists_to_qsettings(qtbot, frister, qsettings, settings_path) -> None:
    dlg = SettingsDialog(frister, qsettings, TODAY)
    qtbot.addWidget(dlg)
    spin = dlg.findChild(QSpinBox, "lock_minutes_spin")
    assert spin is not None and spin.value() == 10
    assert spin.accessibleName() == "Lås efter (minutter uden aktivitet, 0 = aldrig)"
    labels = [w.text() for w in dlg.findChildren(QLabel)]
    assert "Lås efter (minutter uden aktivitet, 0 = aldrig):" in labels
    spin.setValue(0)
    assert spin.text() == "aldrig"
    spin.setValue(3)
    dlg.accept()
    qsettings.sync()
    assert read_lock_minutes(QSettings(str(settings_path), QSettings.Format.IniFormat)) == 3
    assert "lock_minutes=3" in settings_path.read_text(encoding="utf-8")


def test_settings_change_applies_to_the_running_lock(qtbot, window, answer_modal) -> None:
    def handle(dlg: QDialog) -> None:
        dlg.findChild(QSpinBox, "lock_minutes_spin").setValue(2)
        dlg.accept()

    answer_modal.schedule(handle)
    window.open_settings()
    answer_modal.check()
    assert window.idle_lock.interval_ms == 120_000
    assert int(window.settings.value(LOCK_MINUTES_KEY)) == 2


def test_input_after_a_sleep_locks_instead_of_counting_as_activity(qtbot) -> None:
    """A laptop that slept with the lid shut: the monotonic clock stood still, the wall clock did not. The
    first key press then locks, and that key press is not delivered."""
    mono, wall = [100.0], [1_000.0]
    lock = IdleLock(interval_ms=60_000, monotonic=lambda: mono[0], wall=lambda: wall[0])
    edit = QLineEdit()
    qtbot.addWidget(edit)
    try:
        qtbot.keyClick(edit, Qt.Key.Key_A)
        assert edit.text() == "a"
        wall[0] += 3600  # an hour of sleep
        with qtbot.waitSignal(lock.locked, timeout=1000):
            qtbot.keyClick(edit, Qt.Key.Key_B)
        assert edit.text() == "a"
        assert lock.paused
        qtbot.keyClick(edit, Qt.Key.Key_C)  # locked: input no longer counts, nothing fires twice
        wall[0] -= 7200  # a wall clock set back is ignored (the monotonic clock decides)
        lock.resume()
        assert 0 <= lock.idle_ms() < 60_000
    finally:
        lock.uninstall()


def test_texts_and_settings_values() -> None:
    assert idle_text(600_000) == "10 minutters"
    assert idle_text(60_000) == "1 minuts"
    assert idle_text(1_000) == "1 sekunds"
    assert idle_text(150) == "1 sekunds"
    assert idle_text(30_000) == "30 sekunders"
    for raw, expected in (("7", 7), (7, 7), ("-3", 0), ("999", 240), ("abc", DEFAULT_LOCK_MINUTES), (None, 10)):
        assert read_lock_minutes(_FakeSettings(raw)) == expected, raw  # type: ignore[arg-type]


class _FakeSettings:
    def __init__(self, value: object) -> None:
        self._value = value

    def value(self, key: str, default: object = None) -> object:
        return self._value
