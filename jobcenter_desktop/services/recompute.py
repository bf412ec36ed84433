"""Recompute after the catalogue or the calendar changed: preview every move first, then apply in one step.

Due dates never move silently: the preview lists each open milestone whose date would change and by how
much; apply writes exactly those changes in one transaction, each with an audit entry giving the reason.

Both plan every open case at once with the vectorised planner (core.bulk). Apply then writes only what moves
(and milestones whose explanation an older catalogue version wrote), with bulk statements: after one closure
day at 100,000 cases that is a few thousand rows, not every open milestone. A moved case is planned once more
by ``plan_case`` for its "hvorfor?" steps; a case lacking a milestone its group gained goes through
``sync_case`` as a whole. Tests hold the stored result equal to ``plan_case`` for every case.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from jobcenter_desktop.core.deadlines import CaseFacts, plan_case
from jobcenter_desktop.core.gcpause import gc_paused
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.core.stored import case_facts
from jobcenter_desktop.services.case_input import MAX_REASON, text_field
from jobcenter_desktop.services.case_sync import sync_case
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import Cancelled, ServiceError
from jobcenter_desktop.storage import recompute_store
from jobcenter_desktop.storage.repository import Repository, StaleCase

if TYPE_CHECKING:
    from jobcenter_desktop.core.bulk import RulePlan
    from jobcenter_desktop.core.bulk_cases import OpenCases

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

    def _planned(self, repo: Repository, progress: Progress | None
                 ) -> list[tuple[Catalogue, OpenCases, dict[str, RulePlan]]]:  # fmt: skip
        """Every catalogue's open cases with their fresh bulk plan (each case under its own catalogue)."""
        from jobcenter_desktop.core.bulk import plan_columns  # numpy: for a recompute only

        cal, main = self.ctx.calendar, self.ctx.catalogue
        others = [c.id for c in self.ctx.catalogues if c.id != main.id]
        out = []
        for cat in self.ctx.catalogues:
            cases = (recompute_store.open_cases_columns(repo.s, besides=others) if cat.id == main.id
                     else recompute_store.open_cases_columns(repo.s, only=[cat.id]))  # fmt: skip
            if progress is not None and not progress(1, 4):
                raise Cancelled

            def facts_of(rows: Sequence[int], cases: OpenCases = cases) -> dict[int, CaseFacts]:
                return self._loaded_facts(repo, cases, rows)

            out.append((cat, cases, plan_columns(cat, cal, cases.facts, facts_of)))
        return out

    @staticmethod
    def _loaded_facts(repo: Repository, cases: OpenCases, rows: Sequence[int]) -> dict[int, CaseFacts]:
        out: dict[int, CaseFacts] = {}
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            by_id = {c.id: c for c in repo.load_cases([cases.case_id(i) for i in chunk])}
            out.update((i, case_facts(by_id[cases.case_id(i)])) for i in chunk)
        return out

    def preview(self, progress: Progress | None = None) -> list[Move]:
        """Which open milestones would move with the current catalogue and calendar (nothing is written)."""
        from jobcenter_desktop.core.bulk_cases import changed

        moves: list[Move] = []
        with gc_paused(), self.ctx.read() as s:  # ~1M small values read, no cycles among them
            for _cat, cases, plans in self._planned(Repository(s), progress):
                moves += [Move(_uuid(cases.milestones.keys[c.milestone]), cases.numbers[c.case], c.rule_id, c.before,
                               c.after) for c in changed(plans, cases)]  # fmt: skip
        if progress is not None and not progress(3, 4):
            raise Cancelled
        if progress is not None:
            progress(4, 4)
        return sorted(moves, key=lambda m: (m.case_number, m.rule_id))

    def apply(self, reason: str, progress: Progress | None = None) -> list[Move]:
        """Recompute every open milestone and store the moves in one transaction (all or nothing)."""
        reason = text_field(reason, field="reason", what="Begrundelsen", limit=MAX_REASON, required=True)
        moves: list[Move] = []
        try:
            with gc_paused(), self.ctx.write() as s:  # as preview
                repo = Repository(s)
                for cat, cases, plans in self._planned(repo, progress):
                    moves += self._apply_catalogue(repo, cat, cases, plans, reason)
                    if progress is not None and not progress(3, 4):
                        raise Cancelled  # leaving the with-block rolls everything back
                repo.audit(actor=self.ctx.actor, entity="system", entity_id="recompute", action="recompute",
                           after=f"{len(moves)} frister flyttet", reason=reason)  # fmt: skip
        except StaleCase as e:
            raise ServiceError("Sager blev ændret, mens genberegningen kørte; intet er gemt. Kør den igen.") from e
        if progress is not None:
            progress(4, 4)
        return sorted(moves, key=lambda m: (m.case_number, m.rule_id))

    def _apply_catalogue(self, repo: Repository, cat: Catalogue, cases: OpenCases, plans: dict[str, RulePlan],
                         reason: str) -> list[Move]:  # fmt: skip
        import numpy as np

        from jobcenter_desktop.core.bulk_cases import (
            MilestoneWrite,
            changed,
            incomplete,
            outdated,
            planned,
            stale_text,
        )

        whole = incomplete(plans, cases)
        moves = self._sync_whole(repo, cases, [int(i) for i in np.flatnonzero(whole)], reason)
        change_of = {c.milestone: c for c in changed(plans, cases) if not whole[c.case]}
        # Only milestones the plan speaks for: one whose rule (or group) the catalogue dropped keeps its date.
        rewrite = ((outdated(plans, cases) | stale_text(cases, cat.version)) & planned(plans, cases)
                   & ~whole[cases.milestones.case])  # fmt: skip
        rows = sorted(set(change_of) | {int(j) for j in np.flatnonzero(rewrite)})
        per_case: dict[int, list[int]] = {}
        for j in rows:
            per_case.setdefault(int(cases.milestones.case[j]), []).append(j)
        # The "hvorfor?" steps come from plan_case; cases whose pauses the columns do not hold (or whose pause
        # reason the steps name) are read in full first.
        full = [i for i in per_case if cases.facts.paused[i] or cases.pause_reasons[i]]
        loaded = self._loaded_facts(repo, cases, full)
        fingerprint = self.ctx.calendar.settings.fingerprint()
        writes: list[MilestoneWrite] = []
        audit: list[dict[str, Any]] = []
        for i, js in per_case.items():
            plan = plan_case(cat, self.ctx.calendar, loaded[i] if i in loaded else cases.facts_of(i))
            case_id = cases.case_id(i)
            self.ctx.note_own(case_id)
            for j in js:
                rule_id = cases.milestones.rule[j]
                if rule_id not in plan:
                    continue  # not the catalogue's any more for this group: left as stored (as sync_case does)
                d = plan[rule_id]
                writes.append(MilestoneWrite(cases.milestones.keys[j], d.due if d else None, d.due_at if d else None,
                                             d.provisional if d else False, d.warn_from if d else None,
                                             "\n".join(d.steps) if d else "", cat.version, fingerprint))  # fmt: skip
                if (c := change_of.get(j)) is None:
                    continue
                after = (d.due_at or d.due) if d else None
                moves.append(Move(_uuid(cases.milestones.keys[j]), cases.numbers[i], rule_id, c.before, after))
                audit.append({"actor": self.ctx.actor, "entity": "milestone", "action": "recompute", "field": "due",
                              "entity_id": f"{cases.numbers[i]}/{rule_id}", "reason": reason, "case_id": case_id,
                              "before": recompute_store.audit_text(c.before),
                              "after": recompute_store.audit_text(after)})  # fmt: skip
        versions = {cases.keys[i]: int(cases.versions[i]) for i in per_case}
        recompute_store.write_moves(repo.s, versions, writes, audit)
        return moves

    def _sync_whole(self, repo: Repository, cases: OpenCases, rows: Sequence[int], reason: str) -> list[Move]:
        """Cases that gain a milestone: planned, completed and stored as a whole by ``sync_case``."""
        moves: list[Move] = []
        for start in range(0, len(rows), CHUNK):
            for row in repo.load_cases([cases.case_id(i) for i in rows[start : start + CHUNK]]):
                self.ctx.note_own(row.id)
                moved = sync_case(self.ctx, row, None)
                repo.save_case(row)  # writes only what changed; an unchanged case keeps its version
                for ms, before, after in moved:
                    moves.append(Move(ms.id, row.number, ms.rule_id, before or None, after or None))  # type: ignore[arg-type]
                    repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{row.number}/{ms.rule_id}",
                               action="recompute", field="due", before=before, after=after, reason=reason,
                               case_id=row.id)  # fmt: skip
        repo.s.flush()
        return moves


def _uuid(key: object) -> uuid.UUID:
    from jobcenter_desktop.core.bulk_cases import as_uuid

    return as_uuid(key)

