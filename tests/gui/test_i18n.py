"""Danish all the way: Qt's own texts through qtbase_da.qm, ours through a real catalogue that holds every
user-visible string of the UI (extractable by lupdate, so no text can hide from a translator)."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from jobcenter_desktop.core.notice import NOTICE_STYLES
from jobcenter_desktop.core.urgency import PALETTE
from jobcenter_desktop.paths import resource_path
from jobcenter_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "jobcenter_desktop" / "ui"
TS = resource_path("translations", "jobcenter_da.ts")
QM = resource_path("translations", "jobcenter_da.qm")

# Qt calls whose string arguments the user reads: a literal there must come through tr()/translate().
SHOWN = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setAccessibleName",
    "setAccessibleDescription", "addItem", "insertItem", "setTitle", "showMessage", "addTab", "setTabText",
    "addMenu", "addAction", "setHeaderLabels", "setHorizontalHeaderLabels", "addRow", "setSpecialValueText",
    "setSuffix", "setPrefix", "setWhatsThis", "setInformativeText", "setDetailedText", "setLabelText",
    "setCancelButtonText", "addButton", "setItemText", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QAction", "QToolBar", "QMenu", "QMessageBox", "QTableWidgetItem", "QListWidgetItem",
    "information", "warning", "critical", "question", "getText", "getItem", "show_error", "run_task",
    "QProgressDialog", "DateReasonDialog", "status_message", "_status",
}  # fmt: skip
WORD = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
NOT_TEXT = {".xlsx", ".ics", ".pdf"}  # file suffixes, not words


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(UI.rglob("*.py"))]


def _literals(node: ast.AST):  # type: ignore[no-untyped-def]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        yield from (v for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, (ast.List, ast.Tuple)):
        for e in node.elts:
            yield from _literals(e)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)


def test_no_user_visible_literal_skips_tr() -> None:
    found = []
    for path, tree in _modules():
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n) in SHOWN):
            if isinstance(call.func, ast.Attribute) and ast.unparse(call.func.value) in {"log", "logging"}:
                continue
            for arg in [*call.args, *(k.value for k in call.keywords)]:
                for lit in _literals(arg):
                    if WORD.search(lit.value) and lit.value not in NOT_TEXT:
                        found.append(f"{path.name}:{lit.lineno} {_name(call)}({lit.value[:50]!r})")
    assert not found, "texts shown without tr():\n" + "\n".join(found)


def _noop_tables(tree: ast.Module) -> set[str]:
    """Names bound to tables whose every string value is marked with QT_TRANSLATE_NOOP."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Dict, ast.Tuple)):
            values = node.value.values if isinstance(node.value, ast.Dict) else node.value.elts
            if values and all(isinstance(v, ast.Call) and _name(v) == "QT_TRANSLATE_NOOP" for v in values):
                names.update(ast.unparse(t).removeprefix("self.") for t in node.targets)
    for node in ast.walk(tree):  # ``translate(ctx, h) for h in TABLE``: the loop variable stands for the table
        if isinstance(node, ast.comprehension) and ast.unparse(node.iter).removeprefix("self.") in names:
            names.add(ast.unparse(node.target))
    return names


def test_every_tr_argument_is_extractable() -> None:
    """lupdate sees literals only: a variable must come from a QT_TRANSLATE_NOOP table; tr() is only called on
    self (``other.tr`` gets lupdate's context wrong), and f-strings never reach tr()."""
    tables = set().union(*(_noop_tables(t) for _, t in _modules()))
    found = []
    for path, tree in _modules():
        if path.name == "i18n.py":  # its lookups translate texts whose tables the tests below hold equal
            continue
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n) in {"tr", "translate"}):
            if _name(call) == "tr" and ast.unparse(call.func) not in {"self.tr"}:
                found.append(f"{path.name}:{call.lineno} {ast.unparse(call.func)}")
            args = call.args[1:] if _name(call) == "translate" else call.args
            if _name(call) == "translate" and not (call.args and isinstance(call.args[0], ast.Constant)):
                found.append(f"{path.name}:{call.lineno} context not a literal")
            arg = args[0] if args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                continue
            parts = [n for n in ast.walk(arg) if isinstance(n, (ast.Name, ast.Attribute))] if arg else []
            used = {ast.unparse(n).removeprefix("self.") for n in parts}
            if not used & tables:
                found.append(f"{path.name}:{call.lineno} {ast.unparse(call)[:60]}")
    assert not found, "not extractable:\n" + "\n".join(found)


def test_urgency_labels_are_marked_for_translation() -> None:
    assert {s: PALETTE[s].label for s in PALETTE} == i18n.URGENCY_LABELS
    assert {s: style.label for s, style in NOTICE_STYLES.items()} == i18n.NOTICE_LABELS


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    tree = ET.parse(ts)
    return {(c.findtext("name") or "", m.findtext("source") or ""): m.findtext("translation") or ""
            for c in tree.iter("context") for m in c.iter("message")}  # fmt: skip


def _translations_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogue_holds_every_text_of_the_code(tmp_path: Path) -> None:
    """Run lupdate over today's code: the committed .ts must already hold exactly those texts, all translated
    (else: .venv/bin/python scripts/translations.py)."""
    script = _translations_script()
    fresh = tmp_path / "jobcenter_da.ts"
    shutil.copy(TS, fresh)
    script.extract(fresh)
    committed, extracted = _messages(TS), _messages(fresh)
    missing, stale = sorted(set(extracted) - set(committed)), sorted(set(committed) - set(extracted))
    assert not missing and not stale, f"missing: {missing[:10]}, stale: {stale[:10]}"
    assert all(committed.values()), "a text without translation"
    assert len(committed) > 400


def test_compiled_catalogue_is_the_committed_one(tmp_path: Path) -> None:
    script = _translations_script()
    script.compile_qm(TS, tmp_path / "x.qm")
    assert (tmp_path / "x.qm").read_bytes() == QM.read_bytes()


def test_translators_are_installed_and_translate(qapp: QApplication) -> None:
    app_catalogue = QTranslator()
    assert app_catalogue.load(i18n.APP_CATALOGUE, str(resource_path("translations")))
    assert not app_catalogue.isEmpty()
    for (context, source), translation in list(_messages(TS).items())[:50]:
        assert QCoreApplication.translate(context, source) == translation
    assert i18n.urgency_label(next(iter(PALETTE))) == PALETTE[next(iter(PALETTE))].label


def test_qt_own_buttons_are_danish(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "Spørgsmål", "Gem ændringerne?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"Gem", "Annuller", "Ja", "Nej"} <= texts, texts
    assert not texts & {"Save", "Cancel", "Yes", "No", "Discard"}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert {b.text().replace("&", "") for b in buttons.buttons()} == {"OK", "Luk"}


def test_qt_file_dialog_is_danish(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "Vælg fil", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog: the one that needs qtbase_da
    qtbot.addWidget(dialog)
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.findChild(object, "fileNameLabel"))))
    assert "Filnavn" in labels and "File name" not in labels, labels


def test_missing_catalogue_is_logged_not_fatal(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("JOBCENTER_RESOURCES", str(tmp_path))
    monkeypatch.setattr(i18n, "qt_translations_dirs", lambda: [str(tmp_path)])
    installed = i18n.install_translators(qapp)
    assert installed == []
    assert "jobcenter_da" in caplog.text and "qtbase_da" in caplog.text


def test_translations_script_runs_clean(tmp_path: Path) -> None:
    """The script a developer runs after changing a text: on an up-to-date tree it changes nothing."""
    before = TS.read_bytes(), QM.read_bytes()
    copy = tmp_path / "tree"
    shutil.copytree(ROOT / "jobcenter_desktop" / "ui", copy / "jobcenter_desktop" / "ui")
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    shutil.copytree(TS.parent, copy / "resources" / "translations")
    subprocess.run([sys.executable, str(copy / "scripts" / "translations.py")], check=True, capture_output=True)
    assert (copy / "resources" / "translations" / "jobcenter_da.ts").read_bytes() == before[0]
    assert (copy / "resources" / "translations" / "jobcenter_da.qm").read_bytes() == before[1]


def test_history_words_are_marked_for_translation() -> None:
    from jobcenter_desktop.services.history import ACTIONS, FIELDS

    assert set(i18n.HISTORY_WORDS) == set(ACTIONS.values()) | set(FIELDS.values())
