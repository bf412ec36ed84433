"""Underretning (retssikkerhedsloven § 3, stk. 2): recording that the applicant was told in writing when a
decision can be expected, and writing the letter's draft.

"Underretning sendt" keeps the first notice's day on the decision (it decides whether the law was kept) and sets
the promised day as the trigger of the decision's derived "Forventet afgørelse" milestone: a deadline like any
other, so a promise that slips is flagged again and can get a new notice (which moves the promised day). Both
days are audited. Deciding the application completes the promise with it.

A draft letter holds personal data: it is written only where the user chooses (never into the app's own
folders), and the audit records that one was made, not its text.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jobcenter_desktop import paths
from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR
from jobcenter_desktop.core.models import CaseRecord, CaseStatus, MilestoneRecord, MilestoneState
from jobcenter_desktop.core.notice import letter_fields
from jobcenter_desktop.core.rules import Catalogue, MilestoneRule, PartyKind
from jobcenter_desktop.core.stored import OPEN, StoredCase, StoredMilestone, StoredTrigger, done_late
from jobcenter_desktop.export.errors import ExportError
from jobcenter_desktop.services.case_input import MAX_REASON, text_field
from jobcenter_desktop.services.case_sync import milestone_of
from jobcenter_desktop.services.context import NOTICE_TEMPLATE
from jobcenter_desktop.services.errors import Problem, ServiceError, ValidationError
from jobcenter_desktop.storage.repository import NotFoundError, Repository

if TYPE_CHECKING:
    from jobcenter_desktop.services.cases import Act, CaseService

DONE = MilestoneState.DONE.value


def shipped_template() -> Path:
    return paths.resource_path("templates", "underretning.docx")


def checked_template(path: str | Path) -> str:
    """A municipality's own template, refused with every reason (a missing placeholder named) when unusable."""
    from jobcenter_desktop.export.notice_docx import template_problems

    problems = template_problems(Path(path))
    if problems:
        raise ValidationError([Problem("notice_template", p) for p in problems])
    return str(Path(path))


def _decision_of(cat: Catalogue, row: StoredCase, ms: StoredMilestone) -> tuple[StoredMilestone, MilestoneRule]:
    """The decision a milestone is (or promises): the notice is always about the decision."""
    rule = cat.milestones.get(ms.rule_id)
    if rule is not None and rule.promise_of is not None:
        found = next((m for m in row.milestones if m.rule_id == rule.promise_of), None)
        if found is not None:
            return found, cat.milestones[rule.promise_of]
    if rule is None or not rule.decision:
        raise ServiceError("Milepælen er ikke en afgørelse på en ansøgning; der skal ikke sendes underretning.")
    return ms, rule


def _check_open(row: StoredCase, decision: StoredMilestone) -> None:
    if row.status != CaseStatus.OPEN.value:
        raise ServiceError("Sagen er lukket.")
    if decision.state != OPEN:
        raise ServiceError("Afgørelsen er ikke åben (truffet, bortfaldet eller fritaget); der skal ikke sendes "
                           "underretning.")  # fmt: skip
    if decision.due_on is None:
        raise ServiceError("Afgørelsens frist er ikke startet: ansøgningen er ikke registreret.")


def _check_expected(expected: date, deadline: date, not_before: date) -> None:
    if not MIN_YEAR <= expected.year <= MAX_YEAR:
        raise ValidationError([Problem("expected", "Ugyldig dato.")])
    if expected <= deadline:
        raise ValidationError([Problem("expected", "Den forventede afgørelsesdato skal ligge efter fristen "
                                                   f"({deadline.strftime('%d-%m-%Y')}); kan fristen holdes, "
                                                   "skal der ikke sendes underretning.")])  # fmt: skip
    if expected < not_before:
        raise ValidationError([Problem("expected", "Den forventede afgørelsesdato kan ikke ligge før "
                                                   "underretningen.")])  # fmt: skip


def record_notice_act(svc: CaseService, milestone_id: uuid.UUID, sent_on: date, expected: date,
                      today: date) -> Act:  # fmt: skip
    if not MIN_YEAR <= sent_on.year <= MAX_YEAR:
        raise ValidationError([Problem("sent_on", "Ugyldig dato.")])
    if sent_on > today:
        raise ValidationError([Problem("sent_on", "En underretning kan ikke være sendt i fremtiden.")])

    def act(repo: Repository, row: StoredCase) -> None:
        cat = svc.ctx.catalogue_of(row.catalogue_id)
        decision, rule = _decision_of(cat, row, milestone_of(row, milestone_id))
        _check_open(row, decision)
        assert decision.due_on is not None
        _check_expected(expected, decision.due_on, sent_on)
        promise = cat.promise_for(rule.id)
        if promise is None or promise.trigger is None:
            raise ServiceError("Regelkataloget kender ikke afgørelsens forventede dato; opdatér kataloget.")
        applied = row.trigger(rule.trigger) if rule.trigger else None
        if applied is not None and sent_on < applied.occurred_on:
            raise ValidationError([Problem("sent_on", "Underretningen kan ikke være sendt før ansøgningen "
                                                      f"({applied.occurred_on.strftime('%d-%m-%Y')}).")])  # fmt: skip
        if not svc.ctx.calendar.is_working_day(expected):
            raise ValidationError([Problem("expected", f"{expected.strftime('%d-%m-%Y')} er ikke en arbejdsdag; "
                                                       "lov borgeren en afgørelse på en hverdag.")])  # fmt: skip
        entity = f"{row.number}/{decision.rule_id}"
        # The first (earliest) notice is what the law's deadline is held against: a later one keeps it, an
        # earlier day given again corrects it. Every notice is in the history.
        before = decision.notice_sent_on
        first = sent_on if before is None else min(before, sent_on)
        decision.notice_sent_on = first
        what = "Underretning sendt" if before is None else (
            "Første underretning rettet" if first != before else "Ny underretning sendt")  # fmt: skip
        repo.audit(actor=svc.ctx.actor, entity="milestone", entity_id=entity, action="notice",
                   field="notice_sent_on", before=before or "", after=sent_on, reason=what,
                   case_id=row.id)  # fmt: skip
        trigger = row.trigger(promise.trigger)
        if trigger is not None and trigger.occurred_on == expected:
            if first == before:  # nothing new: neither a new promise nor an earlier first notice
                raise ServiceError(f"Borgeren er allerede lovet afgørelse {expected.strftime('%d-%m-%Y')}.")
        else:
            promised_before: object = trigger.occurred_on if trigger is not None else ""
            if trigger is None:
                row.triggers.append(StoredTrigger(promise.trigger, expected))
            else:
                trigger.occurred_on, trigger.occurred_at = expected, None
            repo.audit(actor=svc.ctx.actor, entity="trigger", entity_id=row.number, action="trigger",
                       field=promise.trigger, before=promised_before, after=expected,
                       reason="Forventet afgørelse lovet", case_id=row.id)  # fmt: skip
        kept = next((m for m in row.milestones if m.rule_id == promise.id), None)
        if kept is not None and kept.state != OPEN:  # a new promise opens it again (done or exempt before)
            svc._audit_ms(repo, row, kept, "reopen", "state", kept.state, OPEN, "Ny lovet dato")
            kept.state, kept.done_on, kept.done_at, kept.done_late, kept.exempt_reason = OPEN, None, None, False, ""
        svc._sync(repo, row, {promise.id}, today, reason="Underretning sendt")

    return act


def decided_with(svc: CaseService, repo: Repository, row: StoredCase, ms: StoredMilestone) -> None:
    """A decision made completes its "Forventet afgørelse" on the same day (met or missed against the promise)."""
    cat = svc.ctx.catalogue_of(row.catalogue_id)
    promise = cat.promise_for(ms.rule_id)
    follower = next((m for m in row.milestones if promise and m.rule_id == promise.id), None)
    if follower is None or follower.state != OPEN or follower.due_on is None:
        return
    follower.state, follower.done_on, follower.done_at = DONE, ms.done_on, None
    follower.done_late = done_late(follower)
    svc._audit_ms(repo, row, follower, "complete", "done_on", "", ms.done_on,
                  "Afgørelsen er truffet" + (" efter den lovede dato" if follower.done_late else ""))  # fmt: skip


def undecided_with(svc: CaseService, repo: Repository, row: StoredCase, ms: StoredMilestone) -> None:
    cat = svc.ctx.catalogue_of(row.catalogue_id)
    promise = cat.promise_for(ms.rule_id)
    follower = next((m for m in row.milestones if promise and m.rule_id == promise.id), None)
    if follower is None or follower.state != DONE:
        return
    before = follower.done_on
    follower.state, follower.done_on, follower.done_late, follower.done_at = OPEN, None, False, None
    svc._audit_ms(repo, row, follower, "undo_complete", "done_on", before, "", "Afgørelsen er ikke længere truffet")


def refuse_promise_completion(svc: CaseService, row: StoredCase, ms: StoredMilestone, *, undo: bool = False) -> None:
    """A "Forventet afgørelse" follows its decision: it is done and undone only with it."""
    rule = svc.ctx.catalogue_of(row.catalogue_id).milestones.get(ms.rule_id)
    if rule is not None and rule.promise_of is not None:
        raise ServiceError("Fortryd selve afgørelsen; den forventede afgørelse følger med." if undo else
                           "Markér selve afgørelsen som udført; den forventede afgørelse følger med.")  # fmt: skip


class NoticeService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases
        self.ctx = cases.ctx

    def record(self, milestone_id: uuid.UUID, sent_on: date, expected: date, today: date, *,
               expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        """"Underretning sendt": the day it went (default today) and the day a decision was promised."""
        act = record_notice_act(self.cases, milestone_id, sent_on, expected, today)
        return self.cases._act(milestone_case=milestone_id, act=act, expected_version=expected_version)

    def template(self) -> Path:
        """The letter template in use: the municipality's own (Indstillinger), else the shipped one."""
        with self.ctx.read() as s:
            own = Repository(s).setting(NOTICE_TEMPLATE)
        return Path(own) if own else shipped_template()

    def default_target(self, case: CaseRecord, milestone: MilestoneRecord) -> Path:
        """``Underretning <sag> <milepæl>.docx`` in the user's documents folder."""
        from platformdirs import user_documents_path

        folder, stem = user_documents_path(), f"Underretning {case.number} {milestone.rule_id}"
        target, n = folder / f"{stem}.docx", 2
        while target.exists():  # an earlier letter is kept: the next one gets "(2)", "(3)", ...
            target, n = folder / f"{stem} ({n}).docx", n + 1
        return target

    def draft(self, milestone_id: uuid.UUID, *, expected: date, reason: str, target: Path, today: date,
              show_cpr: bool = False) -> Path:  # fmt: skip
        """Write the letter's draft to ``target`` (a .docx the user chose) and audit that it was made. The CPR
        number is masked unless ``show_cpr`` (then the audit says so)."""
        why = text_field(reason, field="reason", what="Begrundelsen", limit=MAX_REASON, required=True,
                         multiline=True)  # fmt: skip
        target = _checked_target(target)
        written = False
        try:
            with self.ctx.write() as s:
                repo = Repository(s)
                case = repo.case(repo.milestone_case_id(milestone_id))
                stored = repo.load_case(case.id)
                cat = self.ctx.catalogue_of(case.catalogue_id)
                decision, rule = _decision_of(cat, stored, milestone_of(stored, milestone_id))
                _check_open(stored, decision)
                assert decision.due_on is not None
                _check_expected(expected, decision.due_on, today)
                trigger = stored.trigger(rule.trigger) if rule.trigger else None
                fields = letter_fields(
                    case=case, rule=rule, catalogue=cat, deadline=decision.due_on, expected=expected, reason=why,
                    today=today, applied_on=trigger.occurred_on if trigger else case.opened_on,
                    team=case.team or self.ctx.team, show_id=show_cpr or case.party.kind is PartyKind.COMPANY,
                )  # fmt: skip
                what = "Udkast til underretning skrevet" + (" med fuldt CPR-nr." if show_cpr else "")
                repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{case.number}/{rule.id}",
                           action="notice_draft", reason=what, case_id=case.id)  # fmt: skip
                from jobcenter_desktop.export.notice_docx import write_notice

                try:
                    write_notice(self.template(), fields, target)
                except ExportError as e:
                    raise ServiceError(str(e)) from e
                written = True
        except NotFoundError as e:
            raise ServiceError(str(e)) from e
        except BaseException:
            if written:  # the audit entry did not commit: no letter on disk without its entry
                with contextlib.suppress(OSError):
                    target.unlink()
            raise
        self.ctx.note_own(case.id)
        return target


def _checked_target(target: Path) -> Path:
    """Where a letter may go: a .docx the user chose, not inside the app's own data folder (its database,
    backups and private temporary files) or its log folder."""
    target = Path(target).expanduser()
    if target.suffix.lower() != ".docx":
        raise ValidationError([Problem("out", f"Filnavnet skal ende på .docx: {target.name}.")])
    resolved = target.resolve()
    for own in (paths.data_dir(), paths.log_dir()):
        with contextlib.suppress(OSError, ValueError):
            if resolved.is_relative_to(own.resolve()):
                raise ValidationError([Problem("out", "Et brev med personoplysninger må ikke ligge i programmets "
                                                      f"egne mapper ({own}). Vælg fx mappen Dokumenter.")])  # fmt: skip
    if not resolved.parent.is_dir():
        raise ValidationError([Problem("out", f"Mappen findes ikke: {target.parent}.")])
    return target
