"""Case use cases. Every public method is one transaction, validated first, with audit entries.

Stored due dates are the truth the lists show. An action recomputes only the milestones it affects
(with the current catalogue and calendar); everything else moves only through an explicit recompute.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR
from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, CaseSummary, MilestoneState, Party
from jobcenter_desktop.core.party import normalize_party_id
from jobcenter_desktop.core.stored import OPEN, StoredCase, StoredMilestone, StoredPause, StoredTrigger, done_late
from jobcenter_desktop.core.text import TextError, check_search
from jobcenter_desktop.services.case_check import NewCaseChecks
from jobcenter_desktop.services.case_input import (
    MAX_NAME,
    MAX_NOTES,
    MAX_REASON,
    CheckResult,
    MilestonePreview,
    identity_field,
    text_field,
    trigger_day,
)
from jobcenter_desktop.services.case_input import NewCase as NewCase  # the case's input lives with its service
from jobcenter_desktop.services.case_sync import milestone_of, sync_case
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import (
    Cancelled,
    ConflictError,
    DuplicateError,
    Problem,
    ServiceError,
    ValidationError,
)
from jobcenter_desktop.services.notices import decided_with, refuse_promise_completion, undecided_with

if TYPE_CHECKING:
    from jobcenter_desktop.services.case_view import CaseView
from jobcenter_desktop.storage.repository import OPEN_CASE_INDEX, NotFoundError, Repository, StaleCase

Act = Callable[[Repository, StoredCase], None]


@dataclass(frozen=True, slots=True)
class Step:
    """One action of a batch: ``act`` on the case (given, or found from its milestone) at the version seen."""

    act: Act
    case_id: uuid.UUID | None = None
    milestone_id: uuid.UUID | None = None
    expected_version: int | None = None


class CaseService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._checks = NewCaseChecks(ctx)

    # ------------------------------------------------------------ validation and preview
    def check(self, new: NewCase, today: date) -> CheckResult:
        return self._checks.check(new, today)

    def preview(self, group: str, triggers: Mapping[str, Anchor], today: date | None = None
                ) -> list[MilestonePreview]:  # fmt: skip
        """The milestones a new case would get, with computed due dates (no database write)."""
        return self._checks.preview(group, triggers, today)

    def register(self, new: NewCase, today: date) -> CaseRecord:
        result = self.check(new, today)
        if not result.ok:
            raise ValidationError(result.problems)
        try:
            with self.ctx.write() as s:
                record = self.register_in(Repository(s), new, today, reason="Sag oprettet")
            self.ctx.note_own(record.id)
            return record
        except DuplicateError as e:  # a colleague registered the same party after the check above
            if e.constraint != OPEN_CASE_INDEX:
                raise
            group = self._checks.catalogue_for(new, today).groups[new.group]
            problem = self._checks.duplicate_problem(group.id, normalize_party_id(group.party, new.party_id))
            raise ValidationError([problem or Problem("party_id", str(e))]) from e

    def register_in(self, repo: Repository, new: NewCase, today: date, *, reason: str) -> CaseRecord:
        """Create one (already validated) case inside the caller's transaction: the importer stores many
        cases in one transaction so an import is all or nothing."""
        cat = self._checks.catalogue_for(new, today)  # the one in force on the case's start: the case keeps it
        group = cat.groups[new.group]
        party = Party(group.party, text_field(new.party_name, field="party_name", what="Navnet", limit=MAX_NAME),
                      normalize_party_id(group.party, new.party_id))  # fmt: skip
        worker_name = identity_field(new.caseworker or self.ctx.actor, field="caseworker", what="Sagsbehandleren")
        team_text = new.team or (self.ctx.team if worker_name == self.ctx.actor else "")
        team_name = identity_field(team_text, field="team", what="Teamet") if team_text.strip() else ""
        worker, case_team = self._assignment(repo, worker_name, team_name or None)
        opened = new.opened_on or today
        notes = text_field(new.notes, field="notes", what="Bemærkningen", limit=MAX_NOTES, multiline=True)
        case = StoredCase(number=repo.next_number(opened.year), group=group.id, catalogue_id=cat.id, party=party,
                          caseworker=worker, team=case_team, opened_on=opened, notes=notes,
                          triggers=[StoredTrigger.of(kind, when) for kind, when in new.triggers.items()],
                          milestones=[StoredMilestone(rule.id) for rule in cat.registered_of(group.id)])  # fmt: skip
        moves = sync_case(self.ctx, case, None)
        repo.insert_case(case)
        summary = f"{group.name}; {party.name}; sagsbehandler {worker}"
        repo.audit(actor=self.ctx.actor, entity="case", entity_id=case.number, action="create",
                   after=summary, reason=reason, case_id=case.id)  # fmt: skip
        for ms, before, after in moves:
            self._audit_ms(repo, case, ms, "due", "due", before, after, reason)
        return repo.case(case.id)

    # ------------------------------------------------------------ reading
    def get(self, case_id: uuid.UUID) -> CaseRecord:
        try:
            with self.ctx.read() as s:
                return Repository(s).case(case_id)
        except NotFoundError as e:
            raise ServiceError(str(e)) from e

    def view(self, case_id: uuid.UUID, today: date, now: datetime | None = None) -> CaseView:
        """Everything the case window shows, in one read (services/case_view.py)."""
        from jobcenter_desktop.services.case_view import case_view

        return case_view(self.ctx, case_id, today, now)

    def add_note(self, case_id: uuid.UUID, text: str, *, expected_version: int | None = None) -> CaseRecord:
        """A new dated note (the log is the audit trail; the case keeps the newest for the worklist)."""
        if not text.strip():
            raise ValidationError([Problem("notes", "Skriv en bemærkning.")])
        return self.update_notes(case_id, text, expected_version=expected_version)

    def by_number(self, number: str) -> CaseRecord:
        try:
            with self.ctx.read() as s:
                repo = Repository(s)
                return repo.case(repo.case_id_by_number(number))
        except NotFoundError as e:
            raise ServiceError(str(e)) from e

    def by_milestone(self, milestone_id: uuid.UUID) -> CaseRecord:
        try:
            with self.ctx.read() as s:
                repo = Repository(s)
                return repo.case(repo.milestone_case_id(milestone_id))
        except NotFoundError as e:
            raise ServiceError(str(e)) from e

    def search(self, text: str = "", status: CaseStatus | None = CaseStatus.OPEN, *, caseworker: str | None = None,
               team: str | None = None, limit: int | None = None,
               newest_first: bool = False) -> list[CaseSummary]:  # fmt: skip
        """The case register: name (any case, æøå too), case number or CPR/CVR digits."""
        try:
            text = check_search(text)
        except TextError as e:
            raise ValidationError([Problem("search", str(e))]) from None
        with self.ctx.read() as s:
            return Repository(s).list_cases(text=text, status=status, caseworker=caseworker, team=team, limit=limit,
                                            newest_first=newest_first)  # fmt: skip

    def reveal_party_id(self, case_id: uuid.UUID, where: str) -> str:
        """The full CPR/CVR of a case's party; revealing it is written to the audit log."""
        try:
            with self.ctx.write() as s:
                repo = Repository(s)
                case = repo.case(case_id)
                repo.audit(actor=self.ctx.actor, entity="party", entity_id=case.number, action="reveal_cpr",
                           reason=where, case_id=case.id)  # fmt: skip
                identifier = case.party.identifier
            self.ctx.note_own(case_id)
            return identifier
        except NotFoundError as e:
            raise ServiceError(str(e)) from e

    # ------------------------------------------------------------ milestone actions
    def complete(self, milestone_id: uuid.UUID, on: date, today: date, *,
                 expected_version: int | None = None, at: datetime | None = None) -> CaseRecord:  # fmt: skip
        act = self.complete_act(milestone_id, on, today, at)
        return self._act(milestone_case=milestone_id, act=act, expected_version=expected_version)

    def complete_act(self, milestone_id: uuid.UUID, on: date, today: date, at: datetime | None = None) -> Act:
        """``at``: when it was done, for a deadline with a clock time (hours): met or missed to the minute."""
        if not MIN_YEAR <= on.year <= MAX_YEAR:
            raise ValidationError([Problem("done_on", "Ugyldig dato.")])
        if on > today:
            raise ValidationError([Problem("done_on", "En milepæl kan ikke markeres udført i fremtiden.")])
        if at is not None and at.date() != on:
            raise ValidationError([Problem("done_on", "Klokkeslættet hører til en anden dag end udført-datoen.")])

        def act(repo: Repository, row: StoredCase) -> None:
            ms = milestone_of(row, milestone_id)
            if ms.state != OPEN:
                raise ServiceError("Milepælen er ikke åben." if ms.state != MilestoneState.EXEMPT.value else
                                   "Milepælen er fritaget; ophæv fritagelsen først.")  # fmt: skip
            refuse_promise_completion(self, row, ms)
            if ms.due_on is None:
                raise ServiceError("Milepælen er ikke startet: dens hændelse er ikke registreret.")
            ms.state, ms.done_on = MilestoneState.DONE.value, on
            ms.done_at = at if ms.due_at is not None else None
            ms.done_late = done_late(ms)  # without a clock time an hours deadline done on its day counts as met
            self._audit_ms(repo, row, ms, "complete", "done_on", "", at or on,
                           "Udført for sent" if ms.done_late else "Udført")  # fmt: skip
            decided_with(self, repo, row, ms)
            self._sync(repo, row, self._chain_of(row, ms.rule_id), today, reason=f"{ms.rule_id} udført")

        return act

    def undo_complete(self, milestone_id: uuid.UUID, today: date, *,
                      expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        act = self.undo_complete_act(milestone_id, today)
        return self._act(milestone_case=milestone_id, act=act, expected_version=expected_version)

    def undo_complete_act(self, milestone_id: uuid.UUID, today: date) -> Act:
        def act(repo: Repository, row: StoredCase) -> None:
            ms = milestone_of(row, milestone_id)
            if ms.state != MilestoneState.DONE.value:
                raise ServiceError("Milepælen er ikke markeret som udført.")
            refuse_promise_completion(self, row, ms, undo=True)
            before = ms.done_on
            ms.state, ms.done_on, ms.done_late, ms.done_at = MilestoneState.OPEN.value, None, False, None
            self._audit_ms(repo, row, ms, "undo_complete", "done_on", before, "", "Udført fortrudt")
            undecided_with(self, repo, row, ms)
            # The milestone itself too: its stored due date is from when it was done, and a trigger may have
            # moved since (add_trigger recomputes only open milestones).
            self._sync(repo, row, {ms.rule_id, *self._chain_of(row, ms.rule_id)}, today,
                       reason=f"{ms.rule_id} ikke længere udført")  # fmt: skip

        return act

    def exempt(self, milestone_id: uuid.UUID, reason: str, *, expected_version: int | None = None) -> CaseRecord:
        from jobcenter_desktop.services.exemptions import exempt_act

        return self._act(milestone_case=milestone_id, act=exempt_act(self, milestone_id, reason),
                         expected_version=expected_version)  # fmt: skip

    def unexempt(self, milestone_id: uuid.UUID, *, expected_version: int | None = None) -> CaseRecord:
        from jobcenter_desktop.services.exemptions import unexempt_act

        return self._act(milestone_case=milestone_id, act=unexempt_act(self, milestone_id),
                         expected_version=expected_version)  # fmt: skip

    def pause(self, case_id: uuid.UUID, start: date, reason: str, today: date, *,
              milestone_id: uuid.UUID | None = None, expected_version: int | None = None,
              expected_end: date | None = None) -> CaseRecord:  # fmt: skip
        act = self.pause_act(start, reason, milestone_id, expected_end)
        return self._act(case_id=case_id, act=act, expected_version=expected_version)

    def pause_act(self, start: date, reason: str, milestone_id: uuid.UUID | None = None,
                  expected_end: date | None = None) -> Act:  # fmt: skip
        reason = text_field(reason, field="reason", what="Begrundelsen for pausen", limit=MAX_REASON)
        if not reason:
            raise ValidationError([Problem("reason", "Angiv en begrundelse for pausen.")])
        if expected_end is not None and expected_end < start:
            raise ValidationError([Problem("expected_end", "Den forventede slutdato ligger før pausens start.")])

        def act(repo: Repository, row: StoredCase) -> None:
            if row.status != CaseStatus.OPEN.value:
                raise ServiceError("Sagen er lukket; en lukket sag kan ikke sættes på pause.")
            target = milestone_of(row, milestone_id) if milestone_id else None
            if any(p.end_on is None and p.milestone_id == milestone_id for p in row.pauses):
                raise ServiceError("Der er allerede en aktiv pause.")
            row.pauses.append(StoredPause(start, milestone_id, reason=reason, expected_end_on=expected_end))
            what = target.rule_id if target else "hele sagen"
            until = f" (forventet slut {expected_end.isoformat()})" if expected_end else ""
            repo.audit(actor=self.ctx.actor, entity="pause", entity_id=row.number, action="pause",
                       field=what, after=start, reason=f"{reason}{until}", case_id=row.id)  # fmt: skip

        return act

    def cancel_pause_act(self, start: date, milestone_id: uuid.UUID | None, today: date) -> Act:
        """Undo of a pause just made: it ends on the day it began, so it counts no day (case data is never
        deleted, on the team database not even allowed); audited as its own change."""

        def act(repo: Repository, row: StoredCase) -> None:
            found = [p for p in row.pauses if p.end_on is None and p.milestone_id == milestone_id
                     and p.start_on == start]  # fmt: skip
            if not found:
                raise ServiceError("pausen er allerede genoptaget.")
            found[0].end_on = start
            repo.audit(actor=self.ctx.actor, entity="pause", entity_id=row.number, action="undo_pause",
                       before=start, after=start, reason=found[0].reason, case_id=row.id)  # fmt: skip
            self._sync(repo, row, None, today, reason="Pause fortrudt")

        return act

    def resume(self, case_id: uuid.UUID, end: date, today: date, *,
               milestone_id: uuid.UUID | None = None, expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        def act(repo: Repository, row: StoredCase) -> None:
            open_p = [p for p in row.pauses if p.end_on is None and p.milestone_id == milestone_id]
            if not open_p:
                raise ServiceError("Der er ingen aktiv pause at genoptage.")
            pause = open_p[0]
            if end < pause.start_on:
                raise ValidationError([Problem("end", "Genoptagelsen kan ikke ligge før pausens start.")])
            pause.end_on = end
            affected = None
            if milestone_id is not None:
                ms = milestone_of(row, milestone_id)
                affected = {ms.rule_id, *self._chain_of(row, ms.rule_id)}
            repo.audit(actor=self.ctx.actor, entity="pause", entity_id=row.number, action="resume",
                       before=pause.start_on, after=end, reason=pause.reason, case_id=row.id)  # fmt: skip
            self._sync(repo, row, affected, today, reason=f"Pause {pause.start_on.isoformat()}–{end.isoformat()}")

        return self._act(case_id=case_id, act=act, expected_version=expected_version)

    def add_trigger(self, case_id: uuid.UUID, kind: str, when: Anchor, today: date, *,
                    expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        def act(repo: Repository, row: StoredCase) -> None:
            cat = self.ctx.catalogue_of(row.catalogue_id)
            if row.status != CaseStatus.OPEN.value:
                raise ServiceError("Sagen er lukket.")
            allowed = {t.id for t in cat.triggers_of(row.group)} if row.group in cat.groups else set()
            if kind not in allowed:
                raise ValidationError([Problem(f"trigger_{kind}", "Hændelsen hører ikke til sagens målgruppe.")])
            day = trigger_day(cat, kind, when)
            existing = next((t for t in row.triggers if t.kind == kind), None)
            before: object = ""
            if existing is not None:
                before = existing.occurred_at or existing.occurred_on
                existing.occurred_on, existing.occurred_at = day, when if isinstance(when, datetime) else None
            else:
                row.triggers.append(StoredTrigger.of(kind, when))
            repo.audit(actor=self.ctx.actor, entity="trigger", entity_id=row.number, action="trigger",
                       field=kind, before=before, after=when, case_id=row.id)  # fmt: skip
            affected = {r.id for r in cat.milestones_of(row.group) if r.trigger == kind}
            for rid in list(affected):
                affected.update(self._chain_of(row, rid))
            self._sync(repo, row, affected, today, reason=f"Hændelse registreret: {cat.triggers[kind].name}")

        return self._act(case_id=case_id, act=act, expected_version=expected_version)

    # ------------------------------------------------------------ case actions
    def reassign(self, case_id: uuid.UUID, caseworker: str, team: str | None, today: date, *,
                 expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        act = self.reassign_act(caseworker, team)
        return self._act(case_id=case_id, act=act, expected_version=expected_version)

    def reassign_act(self, caseworker: str, team: str | None) -> Act:
        caseworker = identity_field(caseworker, field="caseworker", what="Sagsbehandleren")
        team = identity_field(team, field="team", what="Teamet") if team and team.strip() else None

        def act(repo: Repository, row: StoredCase) -> None:
            before_worker, before_team = row.caseworker, row.team
            worker, after_team = self._assignment(repo, caseworker, team)
            if (worker, after_team) == (before_worker, before_team):
                raise ServiceError(f"Sagen har allerede sagsbehandler {before_worker}"
                                   + (f" i {before_team}" if before_team else "") + "; intet er ændret.")
            row.caseworker, row.team = worker, after_team
            if worker != before_worker:
                repo.audit(actor=self.ctx.actor, entity="case", entity_id=row.number, action="reassign",
                           field="caseworker", before=before_worker, after=worker, case_id=row.id)
            if after_team != before_team:
                repo.audit(actor=self.ctx.actor, entity="case", entity_id=row.number, action="reassign",
                           field="team", before=before_team, after=after_team, case_id=row.id)

        return act

    def update_notes(self, case_id: uuid.UUID, notes: str, *, expected_version: int | None = None) -> CaseRecord:
        notes = text_field(notes, field="notes", what="Bemærkningen", limit=MAX_NOTES, multiline=True)

        def act(repo: Repository, row: StoredCase) -> None:
            before, row.notes = row.notes, notes
            repo.audit(actor=self.ctx.actor, entity="case", entity_id=row.number, action="update",
                       field="notes", before=before, after=notes, case_id=row.id)  # fmt: skip

        return self._act(case_id=case_id, act=act, expected_version=expected_version)

    def close(self, case_id: uuid.UUID, on: date, *, expected_version: int | None = None) -> CaseRecord:
        return self._act(case_id=case_id, act=self.close_act(on), expected_version=expected_version)

    def close_act(self, on: date) -> Act:
        def act(repo: Repository, row: StoredCase) -> None:
            if row.status == CaseStatus.CLOSED.value:
                raise ServiceError("Sagen er allerede lukket.")
            row.status, row.closed_on = CaseStatus.CLOSED.value, on
            for ms in row.milestones:
                if ms.state == MilestoneState.OPEN.value:
                    ms.state = MilestoneState.NOT_APPLICABLE.value
                    self._audit_ms(repo, row, ms, "not_applicable", "state", "open", "not_applicable",
                                   "Sagen er lukket")  # fmt: skip
            for p in row.pauses:
                if p.end_on is None:
                    p.end_on = on
                    repo.audit(actor=self.ctx.actor, entity="pause", entity_id=row.number, action="resume",
                               before=p.start_on, after=on, reason="Pausen sluttede, da sagen blev lukket",
                               case_id=row.id)  # fmt: skip
            repo.audit(actor=self.ctx.actor, entity="case", entity_id=row.number, action="close",
                       field="status", before="open", after="closed", case_id=row.id)  # fmt: skip

        return act

    def reopen(self, case_id: uuid.UUID, today: date, *, expected_version: int | None = None) -> CaseRecord:
        return self._act(case_id=case_id, act=self.reopen_act(today), expected_version=expected_version)

    def reopen_act(self, today: date) -> Act:
        def act(repo: Repository, row: StoredCase) -> None:
            if row.status == CaseStatus.OPEN.value:
                raise ServiceError("Sagen er allerede åben.")
            row.status, row.closed_on = CaseStatus.OPEN.value, None
            reopened = set()
            rules = self.ctx.catalogue_of(row.catalogue_id).milestones
            for ms in row.milestones:
                # A milestone its catalogue no longer has (dropped by a move to a newer one) stays lapsed.
                if ms.state == MilestoneState.NOT_APPLICABLE.value and ms.rule_id in rules:
                    ms.state = MilestoneState.OPEN.value
                    reopened.add(ms.rule_id)
                    self._audit_ms(repo, row, ms, "reopen", "state", "not_applicable", "open", "Sagen er genåbnet")
            repo.audit(actor=self.ctx.actor, entity="case", entity_id=row.number, action="reopen",
                       field="status", before="closed", after="open", case_id=row.id)  # fmt: skip
            self._sync(repo, row, reopened, today, reason="Sagen er genåbnet")

        return act

    # ------------------------------------------------------------ internals
    def _act(self, *, act: Callable[[Repository, StoredCase], None], case_id: uuid.UUID | None = None,
             milestone_case: uuid.UUID | None = None, expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        """Run one action in one write transaction on the case, with optimistic locking on its version."""
        return self.act_many([Step(act, case_id, milestone_case, expected_version)])[0]

    def act_many(self, steps: list[Step], progress: Callable[[int, int], bool] | None = None) -> list[CaseRecord]:
        """Several actions in ONE write transaction (a batch from the worklist): all of them, or - on the first
        refusal, a colleague's change in between, or ``progress(done, total)`` returning False - none."""
        try:
            records = []
            with self.ctx.write() as s:
                repo = Repository(s)
                for i, step in enumerate(steps):
                    if progress is not None and not progress(i, len(steps)):
                        raise Cancelled()
                    case_id = step.case_id or repo.milestone_case_id(step.milestone_id)  # type: ignore[arg-type]
                    case = repo.load_case(case_id)
                    if step.expected_version is not None and case.version != step.expected_version:
                        raise ConflictError()
                    try:
                        step.act(repo, case)
                    except ServiceError as e:
                        if len(steps) == 1 or type(e) is not ServiceError:
                            raise
                        raise ServiceError(f"Sag {case.number}: {e} Intet er ændret.") from e  # which one
                    records.append(repo.save_case(case))  # the version goes up: a concurrent editor sees a conflict
            for record in records:
                self.ctx.note_own(record.id)
            return records
        except StaleCase as e:
            raise ConflictError() from e
        except NotFoundError as e:
            raise ServiceError(str(e)) from e
        except DuplicateError as e:
            if e.constraint != OPEN_CASE_INDEX:
                raise
            raise ServiceError("Der er allerede en anden åben sag i målgruppen for samme part; luk den først. "
                               "Intet er ændret.") from e  # fmt: skip

    def _assignment(self, repo: Repository, username: str, team: str | None) -> tuple[str, str]:
        """Who gets a case and in which team: (user name, team name or ""). In a file, caseworkers and teams come
        into being on first use and a caseworker moves to the team named. On the team database both are the
        administrator's ('server user add'): the caseworker must exist, the case goes to the team named (the
        server checks that the actor may put it there), and nobody's team membership changes."""
        if self.ctx.server is None:
            return self._worker(repo, username, team)
        found = repo.find_caseworker(username)
        if found is None:
            raise ValidationError([Problem("caseworker", f"Der er ingen bruger {username!r} i teamdatabasen; "
                                                         "administratoren opretter brugere.")])  # fmt: skip
        if not team:
            return found
        case_team = repo.find_team(team)
        if case_team is None:
            raise ValidationError([Problem("team", f"Der er intet team {team!r} i teamdatabasen.")])
        return found[0], case_team

    def _worker(self, repo: Repository, username: str, team: str | None) -> tuple[str, str]:
        """The caseworker (created on first use), moved to ``team`` when one is given: both are changes of
        stored data and get their audit entries."""
        existing = repo.find_caseworker(username)
        if existing is None:
            worker = repo.caseworker(username, team)
            repo.audit(actor=self.ctx.actor, entity="caseworker", entity_id=worker[0], action="create",
                       field="team", after=worker[1])  # fmt: skip
            return worker
        name, before = existing
        if team and team.strip() != before:
            repo.set_team(name, team)
            repo.audit(actor=self.ctx.actor, entity="caseworker", entity_id=name, action="update",
                       field="team", before=before, after=team.strip())  # fmt: skip
            return name, team.strip()
        return existing

    def _chain_of(self, row: StoredCase, rule_id: str) -> set[str]:
        return {r.id for r in self.ctx.catalogue_of(row.catalogue_id).dependents(rule_id)}

    def _audit_ms(self, repo: Repository, row: StoredCase, ms: StoredMilestone, action: str, fld: str,
                  before: object, after: object, reason: str) -> None:  # fmt: skip
        repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{row.number}/{ms.rule_id}", action=action,
                   field=fld, before=before, after=after, reason=reason, case_id=row.id)  # fmt: skip

    def _sync(self, repo: Repository, row: StoredCase, affected: set[str] | None, today: date, *, reason: str) -> None:
        """Recompute the affected open milestones of one case and store the changes with audit entries."""
        changes = sync_case(self.ctx, row, affected)
        for ms, before, after in changes:
            self._audit_ms(repo, row, ms, "due", "due", before, after, reason)
