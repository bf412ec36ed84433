"""Who has a database file open: one small lock file per running instance (window or command) beside the
database, each held with an exclusive operating-system lock for as long as the instance runs.

Another instance lists the folder and tries each file's lock: one it cannot take belongs to a live instance
(owner, PC, process and start time are in the file); one it can take was left by a process that died, and is
removed. This works the same on Windows (``msvcrt.locking``) and Linux/macOS (``flock``), needs no server, and
a crash can never leave a stale lock behind. File-only: the team server has no such file.

Operations that replace the file (encrypt, decrypt, restore) register as ``exclusive`` and refuse to run while
any other instance is live; an instance that starts while an exclusive one runs refuses to open.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from jobcenter_desktop.filelock import try_lock, unlock

_STARTING_SECONDS = 5


@dataclass(frozen=True)
class Instance:
    owner: str
    host: str
    pid: int
    started: str  # local time, ISO
    purpose: str  # "window", "command" or "exclusive"

    def describe(self) -> str:
        when = self.started[11:16] if len(self.started) >= 16 else self.started
        return f"{self.owner} på {self.host} (proces {self.pid}, siden kl. {when})"


class InstanceError(Exception):
    """Another instance is in the way; the message is Danish and says who and what to do."""


def folder_for(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.instances")


class InstanceLock:
    """This instance's lock file for one database; :meth:`release` (or process exit) ends it."""

    def __init__(self, db_path: Path, owner: str, purpose: str) -> None:
        self.db_path = db_path
        self.info = Instance(owner, socket.gethostname() or "ukendt", os.getpid(),
                             datetime.now().isoformat(timespec="seconds"), purpose)  # fmt: skip
        folder = folder_for(db_path)
        folder.mkdir(exist_ok=True)
        self.path = folder / f"{uuid.uuid4().hex}.lock"
        fh = self.path.open("w+b")
        if not try_lock(fh):  # a brand-new file nobody else knows: cannot fail, but never hold a half lock
            fh.close()
            raise InstanceError("Låsefilen til databasen kunne ikke låses.")
        fh.seek(0)
        fh.write(json.dumps(self.info.__dict__).encode("utf-8"))
        fh.flush()
        self._fh: IO[bytes] | None = fh

    def others(self) -> list[Instance]:
        """The other live instances on this database (stale lock files are cleaned on the way)."""
        return [i for p, i in _scan(folder_for(self.db_path)) if p != self.path]

    def release(self) -> None:
        if self._fh is None:
            return
        unlock(self._fh)
        self._fh.close()
        self._fh = None
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):  # the last one out removes the folder
            folder_for(self.db_path).rmdir()


def _scan(folder: Path) -> list[tuple[Path, Instance]]:
    live: list[tuple[Path, Instance]] = []
    if not folder.is_dir():
        return live
    for path in sorted(folder.glob("*.lock")):
        try:
            fh = path.open("r+b")
        except OSError:
            continue
        with fh:
            if try_lock(fh):  # nobody holds it: its process ended without cleaning up, or it is just starting
                unlock(fh)
                fh.close()
                with contextlib.suppress(OSError):
                    # A file seconds old may belong to an instance between creating and locking it: leave it.
                    if time.time() - path.stat().st_mtime > _STARTING_SECONDS:
                        path.unlink()
                continue
            fh.seek(0)
            try:
                data = json.loads(fh.read(4096).decode("utf-8"))
                live.append((path, Instance(str(data["owner"]), str(data["host"]), int(data["pid"]),
                                            str(data["started"]), str(data["purpose"]))))  # fmt: skip
            except (ValueError, KeyError, TypeError):
                live.append((path, Instance("ukendt", "ukendt", 0, "", "window")))
    return live


def live_instances(db_path: Path) -> list[Instance]:
    return [i for _, i in _scan(folder_for(db_path))]


def register(db_path: Path, owner: str, purpose: str) -> InstanceLock | None:
    """Register this instance; refused while an exclusive operation (encrypt, decrypt, restore) runs. None where
    no lock file can be made (a read-only folder: nothing can be written there by anyone, so nothing is lost)."""
    try:
        lock = InstanceLock(db_path, owner, purpose)
    except OSError:
        return None
    busy = [i for i in lock.others() if i.purpose == "exclusive"]
    if busy:
        lock.release()
        raise InstanceError(f"Databasen {db_path.name} bliver lige nu krypteret, dekrypteret eller gendannet af "
                            f"{busy[0].describe()}. Vent til det er færdigt, og prøv igen.")  # fmt: skip
    return lock


def require_alone(lock: InstanceLock, what: str) -> None:
    """Refuse ``what`` (e.g. "krypteres") while any other instance has the database open."""
    others = lock.others()
    if others:
        who = "; ".join(i.describe() for i in others[:3])
        raise InstanceError(f"Databasen er åben i et andet vindue eller program ({who}), så den kan ikke {what} "
                            "nu. Luk det andet vindue og prøv igen; intet er ændret.")  # fmt: skip
