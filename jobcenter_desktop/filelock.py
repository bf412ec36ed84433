"""An exclusive operating-system lock on an open file, the same on Windows (``msvcrt.locking``) and Linux/macOS
(``flock``): held until released or until the process ends, however it ends, so a lock that cannot be taken
always belongs to a live process. Used for the database's instance registry and the private temp folders."""

from __future__ import annotations

import contextlib
import sys
from typing import IO

_LOCK_OFFSET = 1 << 20  # the locked byte lies past any content, so others can still read the content


def try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
