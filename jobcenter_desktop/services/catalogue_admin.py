"""Rule catalogues over time, as an administrator handles them: add a municipality's own catalogue (validated,
kept in the database so every PC of a team database has it), remove one no case uses, and move open cases to a
newer catalogue - previewed first (which cases, which milestones appear, disappear or move), then applied in
one audited transaction. Never silent: adding a catalogue moves nothing."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.catalogues import Catalogues
from jobcenter_desktop.core.models import MilestoneState
from jobcenter_desktop.core.rules import Catalogue, load_catalogue
from jobcenter_desktop.core.stored import OPEN, StoredCase
from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.case_input import MAX_REASON, text_field
from jobcenter_desktop.services.case_sync import sync_case
from jobcenter_desktop.services.context import CATALOGUE_FILE, Context
from jobcenter_desktop.services.errors import ServiceError, StoreError
from jobcenter_desktop.storage import catalogue_store
from jobcenter_desktop.storage.repository import Repository

CHUNK = 500


@dataclass(frozen=True, slots=True)
class CaseMove:
    case_id: uuid.UUID
    number: str
    version: int
    source: str  # the catalogue it is registered under now
    appear: tuple[tuple[str, str], ...]  # (milestone name, due or "") new in the target catalogue
    disappear: tuple[str, ...]  # milestone names the target catalogue does not have (open ones lapse)
    moves: tuple[tuple[str, str, str], ...]  # (milestone name, before, after)


@dataclass(frozen=True, slots=True)
class MovePlan:
    target: str
    cases: tuple[CaseMove, ...]
    blocked: tuple[tuple[str, str], ...] = field(default=())  # (case number, why it cannot move)

    def lines(self) -> list[str]:
        out = []
        for c in self.cases:
            parts = [f"+ {name} ({due or 'ingen frist endnu'})" for name, due in c.appear]
            parts += [f"- {name}" for name in c.disappear]
            parts += [f"~ {name}: {before} → {after}" for name, before, after in c.moves]
            out.append(f"{c.number} ({c.source} → {self.target}): " + ("; ".join(parts) or "ingen frister ændres"))
        out += [f"{number}: flyttes ikke – {why}" for number, why in self.blocked]
        return out


def _due(ms: object) -> str:
    """dd-mm-åååå (with "kl. TT:MM" for an hours deadline), as every Danish text shows a date."""
    value = getattr(ms, "due_at", None) or getattr(ms, "due_on", None)
    if isinstance(value, datetime):
        return f"{format_date(value.date())} kl. {value:%H:%M}"
    return format_date(value) if isinstance(value, date) else ""


class CatalogueAdmin:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------ add and remove
    def add(self, path: Path) -> Catalogue:
        """Validate the file (every problem with file, milestone and field: a CatalogueError) and against the
        catalogues already known, then keep it in the database."""
        cat = load_catalogue(path)
        if cat.id == self.ctx.catalogue.id:
            raise ServiceError(f"{cat.id} er allerede hovedkataloget; giv det nye katalog sit eget id.")
        if any(c.id == cat.id for c in self.ctx.extra_catalogues):
            # Never silently: the cases registered under it would get other rules at the next recompute.
            raise ServiceError(f"Kataloget {cat.id} findes allerede. Giv den nye udgave sit eget id (og flyt "
                               "sagerne med »Flyt åbne sager«), eller fjern det gamle først.")  # fmt: skip
        others = tuple(c for c in self.ctx.extra_catalogues if c.id != cat.id)
        Catalogues.of((self.ctx.catalogue, *others, cat))  # overlapping validity: a CatalogueError
        text = Path(path).read_text(encoding="utf-8-sig")
        try:
            with self.ctx.write() as s:
                repo = Repository(s)
                repo.set_setting(CATALOGUE_FILE + cat.id, text)
                repo.audit(actor=self.ctx.actor, entity="catalogue", entity_id=cat.id, action="catalogue_add",
                           after=f"{cat.title} v{cat.version}, nye sager fra {cat.valid_from.isoformat()}",
                           reason=Path(path).name)  # fmt: skip
        except StoreError as e:
            if self.ctx.server is None:
                raise
            raise ServiceError(f"Kun en administrator kan tilføje et regelkatalog på teamdatabasen ({e}).") from e
        self.ctx.extra_catalogues = (*others, cat)
        return cat

    def remove(self, catalogue_id: str) -> None:
        if catalogue_id == self.ctx.catalogue.id:
            raise ServiceError("Hovedkataloget kan ikke fjernes; vælg et andet i Indstillinger.")
        if not any(c.id == catalogue_id for c in self.ctx.extra_catalogues):
            raise ServiceError(f"Der er intet tilføjet katalog med id {catalogue_id!r} (se 'catalogue list').")
        with self.ctx.write() as s:
            used = catalogue_store.cases_per_catalogue(s).get(catalogue_id, 0)
            if used:
                raise ServiceError(f"{count(used, 'sag', 'sager')} er registreret under {catalogue_id}; flyt dem til "
                                   "et andet katalog først.")  # fmt: skip
            repo = Repository(s)
            repo.set_setting(CATALOGUE_FILE + catalogue_id, "")
            repo.audit(actor=self.ctx.actor, entity="catalogue", entity_id=catalogue_id, action="catalogue_remove")
        self.ctx.extra_catalogues = tuple(c for c in self.ctx.extra_catalogues if c.id != catalogue_id)

    def cases_per_catalogue(self) -> dict[str, int]:
        with self.ctx.read() as s:
            return catalogue_store.cases_per_catalogue(s)

    # ------------------------------------------------------------ moving open cases
    def _target(self, catalogue_id: str) -> Catalogue:
        cat = self.ctx.catalogues.get(catalogue_id)
        if cat is None:
            raise ServiceError(f"Der er intet katalog med id {catalogue_id!r} (se 'catalogue list').")
        return cat

    def _moved(self, case: StoredCase, target: Catalogue) -> StoredCase:
        """The case as it would be under ``target``: open milestones it does not have lapse, the new ones
        appear, and every open milestone is planned again."""
        case.catalogue_id = target.id
        for ms in case.milestones:
            if ms.state == OPEN and ms.rule_id not in target.milestones:
                ms.state = MilestoneState.NOT_APPLICABLE.value
            elif ms.state == MilestoneState.NOT_APPLICABLE.value and ms.rule_id in target.milestones:
                ms.state = OPEN  # dropped by an earlier move (the case is open): the target has it again
        sync_case(self.ctx, case, None)
        return case

    def move_preview(self, catalogue_id: str, today: date) -> MovePlan:
        target = self._target(catalogue_id)
        moves, blocked = [], []
        names = {r.id: r.name for r in target.milestones.values()}
        with self.ctx.read() as s:
            repo = Repository(s)
            ids = catalogue_store.open_cases_not_under(s, target.id)
            for start in range(0, len(ids), CHUNK):
                for case in repo.load_cases(ids[start : start + CHUNK]):
                    if case.group not in target.groups:
                        blocked.append((case.number, f"målgruppen findes ikke i {target.id}"))
                        continue
                    source = case.catalogue_id
                    before = {ms.rule_id: ms for ms in case.milestones}
                    was = {rid: _due(ms) for rid, ms in before.items()}
                    after = self._moved(copy.deepcopy(case), target)
                    old = self.ctx.catalogue_of(source).milestones
                    appear = tuple((names[m.rule_id], _due(m)) for m in after.milestones if m.rule_id not in before)
                    gone = tuple(old[rid].name if rid in old else rid for rid, ms in before.items()
                                 if ms.state == OPEN and rid not in target.milestones)  # fmt: skip
                    moved = tuple((names.get(m.rule_id, m.rule_id), was[m.rule_id], _due(m)) for m in after.milestones
                                  if m.rule_id in before and m.state == OPEN and _due(m) != was[m.rule_id])  # fmt: skip
                    moves.append(CaseMove(case.id, case.number, case.version, source, appear, gone, moved))
        return MovePlan(target.id, tuple(moves), tuple(blocked))

    def move_apply(self, plan: MovePlan, reason: str, today: date) -> int:
        """Move exactly the previewed cases, in one transaction; a case changed since the preview stops it all."""
        why = text_field(reason, field="reason", what="Begrundelsen", limit=MAX_REASON, required=True)
        target = self._target(plan.target)
        seen = {c.case_id: c for c in plan.cases}
        try:
            return self._apply(plan, target, seen, why)
        except StoreError as e:
            if self.ctx.server is None:
                raise
            # The marker setting below is written first: only an administrator may write settings, so the
            # server itself refuses anyone else's move, whatever this client checked.
            raise ServiceError("Kun en administrator kan flytte sager til et andet regelkatalog; teamdatabasen "
                               f"afviste det ({e}). Intet er ændret.") from e

    def _apply(self, plan: MovePlan, target: Catalogue, seen: dict[uuid.UUID, CaseMove], why: str) -> int:
        with self.ctx.write() as s:
            repo = Repository(s)
            repo.set_setting(f"catalogue.moved.{target.id}", f"{len(seen)} sager; {why}"[:500])
            ids = list(seen)
            for start in range(0, len(ids), CHUNK):
                for case in repo.load_cases(ids[start : start + CHUNK]):
                    if case.version != seen[case.id].version:
                        raise ServiceError(f"Sag {case.number} er ændret siden forhåndsvisningen; vis flytningen "
                                           "igen.")  # fmt: skip
                    source = case.catalogue_id
                    before = {ms.rule_id: (ms.state, ms.due_at or ms.due_on) for ms in case.milestones}
                    self._moved(case, target)
                    repo.save_case(case)
                    self.ctx.note_own(case.id)
                    repo.audit(actor=self.ctx.actor, entity="case", entity_id=case.number, action="catalogue_move",
                               field="catalogue", before=source, after=target.id, reason=why,
                               case_id=case.id)  # fmt: skip
                    for ms in case.milestones:
                        was_state, was_due = before.get(ms.rule_id, ("", None))
                        now_due = ms.due_at or ms.due_on
                        if (was_state, was_due) != (ms.state, now_due):
                            ref = f"{case.number}/{ms.rule_id}"
                            after = (now_due or "") if ms.state == OPEN else ms.state
                            repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=ref,
                                       action="catalogue_move", field="due", before=was_due or "", after=after,
                                       reason=why, case_id=case.id)  # fmt: skip
            repo.audit(actor=self.ctx.actor, entity="system", entity_id="catalogue", action="catalogue_move",
                       after=f"{count(len(ids), 'sag', 'sager')} til {target.id}", reason=why)  # fmt: skip
        return len(seen)
