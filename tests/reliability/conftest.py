"""Reliability and privacy tests: real processes and real SQLite files under tmp_path; fake people only.

The CLI fixtures are the shared ones from tests/support; ``summary`` collects one line per test (kills survived,
conflicts caught, fuzz examples tried) and prints them at the end of the run, also with ``-q``.
"""

from __future__ import annotations

import pytest
from support.fixtures import cli, cli_isolated, cli_log_dir

__all__ = ["cli", "cli_isolated", "cli_log_dir"]

_LINES: list[str] = []


@pytest.fixture
def summary():
    """``summary("...")`` adds a line to the reliability summary printed after the run."""
    return _LINES.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _LINES:
        terminalreporter.section("reliability summary")
        for line in _LINES:
            terminalreporter.write_line(line)
