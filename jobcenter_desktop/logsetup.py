"""Logging to a rotating file in the user's log directory. CPR numbers never go into a log: a filter masks
anything shaped like one, as a last line of defence behind code that never logs them in the first place."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from jobcenter_desktop.core.party import hide_cpr_in_text as _mask
from jobcenter_desktop.paths import log_dir


class MaskCprFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        masked = _mask(msg)
        if masked != msg:
            record.msg, record.args = masked, None
        # A traceback (log.exception) and a stack carry exception messages and SQL parameters: mask them too.
        # The formatted traceback is cached on the record (exc_text), and a Formatter writes the cached text.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _mask(record.exc_text)
        if record.stack_info:
            record.stack_info = _mask(record.stack_info)
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
