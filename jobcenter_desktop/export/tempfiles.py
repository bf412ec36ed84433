"""openpyxl's temporary files in a private folder instead of the system's temp folder.

A write-only workbook streams each sheet into a temporary file first; an export killed half-way leaves those
files behind, and a worklist exported with full CPR numbers would leave them readable in /tmp or %TEMP% for
anyone. Here they go into a folder only this user can read (mode 700) inside the app's data folder, one
sub-folder per running process, held by a file lock; folders of processes that ended are removed at the next
start (and by any process that sets the folder up).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import IO

from jobcenter_desktop.filelock import try_lock, unlock

_state: dict[str, object] = {}


def _private_temporary_file(suffix: str = "") -> str:
    """openpyxl's ``create_temporary_file``, in our folder (the original passes no ``dir``)."""
    from openpyxl.worksheet import _writer

    folder = _state.get("folder")
    fobj = tempfile.NamedTemporaryFile(mode="w+", suffix=suffix, prefix="openpyxl.", delete=False,  # noqa: SIM115
                                       dir=str(folder) if folder else None)  # fmt: skip
    name = fobj.name
    fobj.close()
    _writer.ALL_TEMP_FILES.append(name)
    return name


def clean_leftovers(base: Path) -> list[Path]:
    """Remove the sub-folders of processes that ended (their lock is free). Returns what was removed."""
    removed: list[Path] = []
    if not base.is_dir():
        return removed
    for lock_path in base.glob("*.lock"):
        folder = lock_path.with_suffix("")
        try:
            fh = lock_path.open("r+b")
        except OSError:
            continue
        with fh:
            if not try_lock(fh):
                continue  # a live process
            unlock(fh)
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            lock_path.unlink()
        removed.append(folder)
    for folder in base.iterdir():  # a folder whose lock file is gone (killed between the two steps)
        if folder.is_dir() and not folder.with_suffix(".lock").exists():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def use_private_folder(base: Path) -> Path:
    """Route openpyxl's temporary files into this process's own folder under ``base`` (created mode 700)."""
    current = _state.get("folder")
    if isinstance(current, Path) and current.parent == base and current.is_dir():
        return current
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(base, 0o700)  # also when it existed with looser rights
    clean_leftovers(base)
    name = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    lock: IO[bytes] = (base / f"{name}.lock").open("w+b")
    try_lock(lock)
    folder = base / name
    folder.mkdir(mode=0o700)
    _state.update(folder=folder, lock=lock)
    from openpyxl.worksheet import _writer  # loaded with the first export, not at start

    _writer.create_temporary_file = _private_temporary_file  # looked up at call time by openpyxl's writer
    atexit.register(_remove, folder, lock)
    return folder


def _remove(folder: Path, lock: IO[bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    unlock(lock)
    lock.close()
    with contextlib.suppress(OSError):
        folder.with_suffix(".lock").unlink()
