"""Running ``jobcenter-desktop`` in-process for tests: exit code, stdout and stderr of one call."""

from __future__ import annotations

import json
from typing import Any

import pytest

from jobcenter_desktop.cli import main

PREFIX = "jobcenter-desktop: fejl: "


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *argv: object) -> tuple[int, str, str]:
        self.capsys.readouterr()  # drop anything printed before
        rc = main([str(a) for a in argv])
        out, err = self.capsys.readouterr()
        return rc, out, err

    def ok(self, *argv: object) -> str:
        rc, out, err = self(*argv)
        assert (rc, err) == (0, ""), err
        return out

    def json(self, *argv: object) -> Any:
        return json.loads(self.ok(*argv, "--json"))

    def fails(self, *argv: object, stdout_empty: bool = True) -> str:
        """Exit code 2 and exactly one stderr line with the prefix, never a traceback; returns the message."""
        rc, out, err = self(*argv)
        assert rc == 2, (out, err)
        if stdout_empty:
            assert out == ""
        assert "Traceback" not in err and "uventet fejl" not in err
        lines = err.splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(PREFIX), err
        return lines[0].removeprefix(PREFIX)
