"""Other people's changes, as the open window should hear of them: which cases, whether the calendar, or
everything. Polled from the UI's timer; never blocks, never raises (an unreachable server just says nothing)."""

from __future__ import annotations

import logging

from jobcenter_desktop.core.changes import NOTHING, Changes
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.storage.watch import FileWatcher, ServerWatcher

log = logging.getLogger(__name__)


class ChangeService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._watcher: ServerWatcher | FileWatcher | None = None

    def poll(self) -> Changes:
        if self._watcher is None:
            if self.ctx.server is not None:
                self._watcher = ServerWatcher(self.ctx.server)
            elif self.ctx.db.path is not None:
                self._watcher = FileWatcher(self.ctx.db.path, self.ctx.db.key)
            else:
                return NOTHING
        try:
            changes = self._watcher.poll()
        except Exception:  # a watcher must never take the window down
            log.warning("Ændringer fra andre kunne ikke læses", exc_info=True)
            return NOTHING
        own_cases, own_calendar = set(self.ctx.own_cases), self.ctx.own_calendar
        self.ctx.own_cases.clear()
        self.ctx.own_calendar = False
        # What this window did itself it has shown already; only other people's changes are news.
        changes = Changes(changes.cases - own_cases, changes.calendar and not own_calendar, changes.everything)
        if changes.calendar or changes.everything:
            self.ctx.invalidate()  # closure days and settings are read again on next use
        return changes

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
