"""Architecture rules: core never asks the clock, and the import contracts in pyproject.toml hold."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CORE = REPO_ROOT / "jobcenter_desktop" / "core"

#: Dotted call targets that read the clock. Matched on the tail, so ``datetime.datetime.now`` is caught too.
CLOCK_CALLS = ("date.today", "datetime.now", "datetime.today", "datetime.utcnow", "time.time")


def _dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def clock_calls(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: name()`` for every call in ``source`` that reads the clock."""
    tree = ast.parse(source, filename)
    # Names bound by ``from time import time`` / ``from datetime import datetime as dt`` etc.
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("datetime", "time"):
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        if name is None:
            continue
        head, _, rest = name.partition(".")
        full = aliases.get(head, head) + (f".{rest}" if rest else "")
        if any(full == c or full.endswith("." + c) for c in CLOCK_CALLS):
            found.append(f"{filename}:{node.lineno}: {name}()")
    return found


def core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_core_has_python_files():
    names = {p.name for p in core_files()}
    assert {"calendar.py", "rules.py", "deadlines.py", "urgency.py", "party.py"} <= names


def test_core_never_reads_the_clock():
    offenders = [hit for path in core_files() for hit in clock_calls(path.read_text(encoding="utf-8"), str(path))]
    assert offenders == [], "core must take 'today' as an argument:\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    "snippet",
    [
        "from datetime import date\nx = date.today()",
        "import datetime\nx = datetime.date.today()",
        "from datetime import datetime\nx = datetime.now()",
        "import datetime\nx = datetime.datetime.now(tz=None)",
        "from datetime import datetime\nx = datetime.today()",
        "from datetime import datetime\nx = datetime.utcnow()",
        "import time\nx = time.time()",
        "from time import time\nx = time()",
        "from datetime import datetime as dt\nx = dt.now()",
    ],
)
def test_the_clock_scanner_finds_clock_calls(snippet):
    assert len(clock_calls(snippet)) == 1


@pytest.mark.parametrize(
    "snippet",
    [
        "from datetime import date\nx = date(2025, 12, 18)",
        "from datetime import datetime\nx = datetime.combine(d, t)",
        "def f(today):\n    return today",
        "x = obj.time()",  # a method that happens to be called time
    ],
)
def test_the_clock_scanner_ignores_other_calls(snippet):
    assert clock_calls(snippet) == []


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe is not None, f"lint-imports not found next to {sys.executable}"
    result = subprocess.run(
        [exe, "--no-cache"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: CaseService methods that change a case: each call outside the tests must say which version it saw.
CASE_CHANGES = ("complete", "undo_complete", "pause", "resume", "add_trigger", "reassign", "update_notes", "close",
                "reopen")


def unversioned_case_changes(source: str, filename: str = "<source>") -> list[str]:
    """``file:line: .cases.NAME()`` for every call of a case change without ``expected_version=``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = _dotted(node.func.value) or ""
        versioned = any(k.arg == "expected_version" for k in node.keywords)
        if node.func.attr in CASE_CHANGES and owner.split(".")[-1] == "cases" and not versioned:
            found.append(f"{filename}:{node.lineno}: .cases.{node.func.attr}()")
    return found


def test_every_change_of_a_case_is_checked_against_the_version_the_caller_saw():
    """The CLI, the case register and the case window all go through optimistic locking (a stale write gives
    "ændret af en anden" instead of silently overwriting a colleague's change)."""
    package = REPO_ROOT / "jobcenter_desktop"
    found = [hit for path in sorted(package.rglob("*.py"))
             for hit in unversioned_case_changes(path.read_text("utf-8"), str(path.relative_to(REPO_ROOT)))]
    assert found == []


def test_the_version_scanner_finds_an_unversioned_change():
    assert unversioned_case_changes("app.cases.close(case.id, today)\n") == ["<source>:1: .cases.close()"]
    assert unversioned_case_changes("app.cases.close(case.id, today, expected_version=v)\n") == []
