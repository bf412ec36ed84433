"""Writer child processes (tests/support/writer_child.py) and checking the database they wrote, with plain
sqlite3 (no app code: the check must not depend on what it checks)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from jobcenter_desktop.core.rules import Catalogue

CHILD = Path(__file__).resolve().parent / "writer_child.py"
REPO_ROOT = CHILD.parents[2]


class Child:
    """One running writer; its stdout lines are collected by a thread as they arrive."""

    def __init__(self, db: Path, n: int, seed: int, *, stderr: IO[bytes] | int = subprocess.PIPE,
                 wait_for_go: bool = False) -> None:  # fmt: skip
        argv = [sys.executable, str(CHILD), str(db), str(n), str(seed)]
        if wait_for_go:
            argv.append("--wait-for-go")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE if wait_for_go else subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=stderr, cwd=REPO_ROOT, env=env)  # fmt: skip
        self.lines: list[str] = []
        self.partial = ""  # a line cut off by the kill (never counted: it may not have been printed whole)
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            text = raw.decode("utf-8", "replace")
            with self._cond:
                if text.endswith("\n"):
                    self.lines.append(text.rstrip("\n"))
                else:
                    self.partial = text
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, word: str, timeout: float = 60.0) -> None:
        """Block until the child printed ``word`` (or fail with its stderr if it died first)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while word not in self.lines:
                if self.proc.poll() is not None and not self._reader.is_alive():
                    raise AssertionError(f"the writer exited ({self.proc.returncode}) before {word}: "
                                         f"{self.lines[-3:]} {self.stderr_text()}")  # fmt: skip
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {word} from the writer within {timeout} s")
                self._cond.wait(min(left, 0.1))

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"go\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 120.0) -> int:
        rc = self.proc.wait(timeout)
        self._reader.join(timeout)
        return rc

    def stderr_text(self) -> str:
        if self.proc.stderr is None or self.proc.poll() is None:
            return ""
        return self.proc.stderr.read().decode("utf-8", "replace")

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    @property
    def report(self) -> Report:
        rep = Report()
        for line in self.lines:
            word, _, rest = line.partition(" ")
            if word == "COMMITTED":
                number, count = rest.split()
                rep.committed[number] = int(count)
            elif word == "DONE":
                rep.done.add(uuid.UUID(rest.strip()).hex)
        return rep


@dataclass
class Report:
    committed: dict[str, int] = field(default_factory=dict)  # case number -> milestones it was created with
    done: set[str] = field(default_factory=set)  # milestone ids (hex, as SQLAlchemy's Uuid stores them)

    def update(self, other: Report) -> None:
        overlap = self.committed.keys() & other.committed.keys()
        assert not overlap, f"case numbers reported twice: {sorted(overlap)}"
        self.committed.update(other.committed)
        self.done |= other.done

    @property
    def actions(self) -> int:
        return len(self.committed) + len(self.done)


def group_sizes(catalogue: Catalogue) -> dict[str, int]:
    """Milestones per target group: every case of the group is created with exactly this many."""
    return {g: len(catalogue.registered_of(g)) for g in catalogue.groups}  # a promise comes with a notice


def check_database(db: Path, rep: Report, group_sizes: dict[str, int]) -> int:
    """Everything the writers reported is there, and nothing is half-written. Returns the number of cases."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        cases = {number: (group, n) for number, group, n in con.execute(
            "SELECT c.number, c.group_id, (SELECT count(*) FROM milestone m WHERE m.case_id = c.id) FROM cases c")}
        created = Counter(e for (e,) in con.execute(
            "SELECT entity_id FROM audit_log WHERE entity = 'case' AND action = 'create'"))
        states = dict(con.execute("SELECT id, state FROM milestone").fetchall())
        triggerless = con.execute(
            "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM trigger_event t WHERE t.case_id = c.id)"
        ).fetchone()[0]
        counters = dict(con.execute("SELECT name, value FROM counter").fetchall())
    finally:
        con.close()
    # Every reported case is there with the milestones it was created with and its 'create' audit entry.
    missing = sorted(set(rep.committed) - set(cases))
    assert not missing, f"committed cases lost: {missing[:10]}"
    for number, count in rep.committed.items():
        assert cases[number][1] == count, (number, cases[number], count)
    # Every reported completion is stored.
    lost = sorted(m for m in rep.done if states.get(m) != "done")
    assert not lost, f"completed milestones not done: {lost[:10]}"
    # No half-registered case anywhere, reported or not: all milestones of its group, one 'create' entry,
    # its trigger events; and the case-number counter is ahead of every number handed out.
    for number, (group, n) in cases.items():
        assert n == group_sizes[group], f"case {number} ({group}) has {n} of {group_sizes[group]} milestones"
        assert created[number] == 1, f"case {number} has {created[number]} 'create' audit entries"
    assert not set(created) - set(cases), "a 'create' audit entry without its case"
    assert triggerless == 0, "a case without trigger events"
    for number in cases:
        year, seq = number.split("-")
        assert counters.get(f"case-{year}", 0) >= int(seq), (number, counters)
    return len(cases)
