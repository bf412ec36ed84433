"""Fixtures for command-line tests: the shared ones from tests/support (isolated environment, CLI runner)."""

from __future__ import annotations

from support.fixtures import cli, cli_isolated, cli_log_dir

__all__ = ["cli", "cli_isolated", "cli_log_dir"]
