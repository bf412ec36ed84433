"""Recompute after the catalogue or the calendar changed: preview every move first, then apply in one step.

Due dates never move silently: the preview lists each open milestone whose date would change and by how
much; apply writes exactly those changes in one transaction, each with an audit entry giving the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from jobcenter_desktop.core.deadlines import CaseFacts
from jobcenter_desktop.core.stored import case_facts
from jobcenter_desktop.services.case_input import MAX_REASON, text_field
from jobcenter_desktop.services.case_sync import sync_case
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import Cancelled
from jobcenter_desktop.storage.repository import Repository

CHUNK = 500

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


@dataclass(frozen=True, slots=True)
class Move:
    milestone_id: uuid.UUID
    case_number: str
    rule_id: str
    before: date | datetime | None
    after: date | datetime | None

    @property
    def days(self) -> int | None:
        """Calendar days moved (positive = later)."""
        if self.before is None or self.after is None:
            return None
        b = self.before.date() if isinstance(self.before, datetime) else self.before
        a = self.after.date() if isinstance(self.after, datetime) else self.after
        return (a - b).days


class RecomputeService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def preview(self, progress: Progress | None = None) -> list[Move]:
        """Which open milestones would move with the current catalogue and calendar (nothing is written).

        All cases at once through the vectorised planner (core.bulk); cases with pauses are read in full
        and go through plan_case, as the bulk planner asks."""
        from jobcenter_desktop.core.bulk import OpenCases, changed, plan_columns  # numpy: for a recompute only

        cal, main = self.ctx.calendar, self.ctx.catalogue
        others = [c.id for c in self.ctx.catalogues if c.id != main.id]
        moves: list[Move] = []
        with self.ctx.read() as s:
            repo = Repository(s)
            for cat in self.ctx.catalogues:  # each case is planned with the catalogue it is registered under
                cases = (repo.open_cases_columns(besides=others) if cat.id == main.id
                         else repo.open_cases_columns(only=[cat.id]))  # fmt: skip
                if progress is not None and not progress(1, 3):
                    raise Cancelled

                def facts_of(rows: Sequence[int], cases: OpenCases = cases) -> dict[int, CaseFacts]:
                    out: dict[int, CaseFacts] = {}
                    for start in range(0, len(rows), CHUNK):
                        chunk = rows[start : start + CHUNK]
                        by_id = {c.id: c for c in repo.load_cases([cases.case_ids[i] for i in chunk])}
                        out.update((i, case_facts(by_id[cases.case_ids[i]])) for i in chunk)
                    return out

                plans = plan_columns(cat, cal, cases.facts, facts_of)
                moves += [Move(m.milestone_id, cases.numbers[m.case], m.rule_id, m.due, after)
                          for m, after in changed(plans, cases)]  # fmt: skip
        if progress is not None and not progress(2, 3):
            raise Cancelled
        if progress is not None:
            progress(3, 3)
        return sorted(moves, key=lambda m: (m.case_number, m.rule_id))

    def apply(self, reason: str, progress: Progress | None = None) -> list[Move]:
        """Recompute every open milestone and store the moves in one transaction (all or nothing)."""
        reason = text_field(reason, field="reason", what="Begrundelsen", limit=MAX_REASON, required=True)
        moves: list[Move] = []
        with self.ctx.write() as s:
            repo = Repository(s)
            ids = repo.open_case_ids()
            for start in range(0, len(ids), CHUNK):
                for row in repo.load_cases(ids[start : start + CHUNK]):
                    self.ctx.note_own(row.id)
                    moved = sync_case(self.ctx, row, None)
                    repo.save_case(row)  # writes only what changed; an unchanged case keeps its version
                    for ms, before, after in moved:
                        moves.append(Move(ms.id, row.number, ms.rule_id, before or None, after or None))  # type: ignore[arg-type]
                        repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{row.number}/{ms.rule_id}",
                                   action="recompute", field="due", before=before, after=after, reason=reason,
                                   case_id=row.id)  # fmt: skip
                s.flush()
                if progress is not None and not progress(min(start + CHUNK, len(ids)), len(ids)):
                    raise Cancelled  # leaving the with-block rolls everything back
            repo.audit(actor=self.ctx.actor, entity="system", entity_id="recompute", action="recompute",
                       after=f"{len(moves)} frister flyttet", reason=reason)  # fmt: skip
        return sorted(moves, key=lambda m: (m.case_number, m.rule_id))
