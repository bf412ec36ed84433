"""The command line as a newcomer reads it: every option says what it wants (and the format), every command
has an example, and every example is a command the parser accepts."""

from __future__ import annotations

import argparse
import shlex

import pytest

from jobcenter_desktop.cli import build_parser
from jobcenter_desktop.cli.help_texts import EXAMPLES, commands


def test_every_option_has_a_help_text_and_every_command_an_example() -> None:
    parser = build_parser()
    missing = [(" ".join(path), a.option_strings or a.dest) for path, c in commands(parser) for a in c._actions
               if not isinstance(a, argparse._HelpAction) and not a.help]  # fmt: skip
    assert not missing, missing
    without = [" ".join(path) for path, c in commands(parser) if not (c.epilog and "Eksempel:" in c.epilog)]
    assert not without, without


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_each_example_parses(command: str) -> None:
    argv = shlex.split(EXAMPLES[command].replace("…", "postgresql://ejer@server/frister"))
    assert argv[0] == "jobcenter-desktop"
    args = build_parser().parse_args(argv[1:])
    assert hasattr(args, "func")
    assert all(word in argv for word in command.split())
