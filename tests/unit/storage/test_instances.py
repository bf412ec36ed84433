"""The instance registry beside a database file: live instances are seen (also in other processes), a process
that died leaves nothing that blocks, and an exclusive operation keeps new instances out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobcenter_desktop.storage import instances

CHILD = """
import sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from jobcenter_desktop.storage import instances
lock = instances.register(Path({db!r}), "bo.l", "window")
print("HELD", flush=True)
time.sleep(60)
"""


def _child(db: Path) -> subprocess.Popen[str]:
    repo = str(Path(__file__).resolve().parents[3])
    proc = subprocess.Popen([sys.executable, "-c", CHILD.format(repo=repo, db=str(db))], stdout=subprocess.PIPE,
                            text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "HELD"
    return proc


def test_another_process_is_seen_with_owner_and_host_until_it_dies(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "frister.sqlite3"
    proc = _child(db)
    try:
        mine = instances.register(db, "anna.k", "command")
        assert mine is not None
        [other] = mine.others()
        assert (other.owner, other.pid, other.purpose) == ("bo.l", proc.pid, "window")
        with pytest.raises(instances.InstanceError, match=r"åben i et andet vindue eller program \(bo\.l på "):
            instances.require_alone(mine, "krypteres")
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # dies without cleaning up: its lock file stays behind
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
    monkeypatch.setattr(instances, "_STARTING_SECONDS", 0)
    time.sleep(0.01)
    assert mine.others() == []  # its lock is free: a stale file, removed on the way
    assert [p.name for p in instances.folder_for(db).iterdir()] == [mine.path.name]
    instances.require_alone(mine, "krypteres")
    mine.release()
    assert not instances.folder_for(db).exists()  # the last one out removes the folder


def test_an_exclusive_operation_keeps_new_instances_out(tmp_path: Path) -> None:
    db = tmp_path / "frister.sqlite3"
    exclusive = instances.register(db, "anna.k", "exclusive")
    assert exclusive is not None
    try:
        with pytest.raises(instances.InstanceError, match="bliver lige nu krypteret, dekrypteret eller gendannet"):
            instances.register(db, "bo.l", "window")
        assert exclusive.others() == []  # the refused one did not stay registered
    finally:
        exclusive.release()
    late = instances.register(db, "bo.l", "window")
    assert late is not None
    late.release()
