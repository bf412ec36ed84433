"""Logging to a rotating file in the user's log directory. CPR numbers never go into a log: a filter masks
anything shaped like one, as a last line of defence behind code that never logs them in the first place."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from jobcenter_desktop.paths import log_dir

_CPR_SHAPE = re.compile(r"\b(\d{6})-?\d{4}\b")


class MaskCprFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        masked = _CPR_SHAPE.sub(r"\1-XXXX", msg)
        if masked != msg:
            record.msg, record.args = masked, None
        return True


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Attach a rotating file handler once; returns the log file's path."""
    target = directory or log_dir()
    path = target / "jobcenter-frister.log"
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        return path
    try:
        target.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # an unwritable log dir must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskCprFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return path
