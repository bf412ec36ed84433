"""Corrections (GDPR art. 16): a party's name or CPR/CVR number and a wrongly entered event date, each with a
required reason; the history shows before → after and why. A corrected event date moves the deadlines counted
from it through the usual recompute, each move audited.

A case has its own party record: a correction changes this case. A CPR/CVR number that another case already
holds for someone else is refused, naming that case, rather than merging two people by accident."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.models import CaseRecord, Party
from jobcenter_desktop.core.party import PartyIdError, normalize_party_id
from jobcenter_desktop.core.stored import StoredCase, done_late
from jobcenter_desktop.services.case_input import MAX_NAME, MAX_REASON, text_field, trigger_day
from jobcenter_desktop.services.case_sync import sync_case
from jobcenter_desktop.services.errors import Problem, ServiceError, ValidationError
from jobcenter_desktop.storage.repository import Repository

if TYPE_CHECKING:
    from jobcenter_desktop.services.cases import CaseService


def _reason(reason: str) -> str:
    return text_field(reason, field="reason", what="Begrundelsen for rettelsen", limit=MAX_REASON, required=True)


class CorrectionService:
    def __init__(self, cases: CaseService) -> None:
        self.cases = cases
        self.ctx = cases.ctx

    def party(self, case_id: uuid.UUID, *, name: str | None = None, party_id: str | None = None, reason: str,
              expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        """Correct the party's name and/or CPR/CVR number (validated as at registration)."""
        why = _reason(reason)
        if name is None and party_id is None:
            raise ValidationError([Problem("party", "Angiv det rettede navn eller CPR/CVR-nummer.")])
        new_name = None
        if name is not None:
            new_name = text_field(name, field="party_name", what="Navnet", limit=MAX_NAME, required=True)

        def act(repo: Repository, row: StoredCase) -> None:
            kind = row.party.kind
            ident = row.party.identifier
            if party_id is not None:
                try:
                    ident = normalize_party_id(kind, party_id)
                except PartyIdError as e:
                    raise ValidationError([Problem("party_id", str(e))]) from None
            after = Party(kind, new_name if new_name is not None else row.party.name, ident)
            if after == row.party:
                raise ServiceError("Intet er ændret: navn og nummer er de samme som før.")
            if ident != row.party.identifier:
                others = [repo.case(c) for c in repo.case_ids_of_party(ident) if c != row.id]
                # The same person's other case (the same name) is no clash: that number is theirs.
                clash = [c for c in others if c.party.name.casefold() != after.name.casefold()]
                if clash:
                    holder = clash[0]
                    raise ValidationError([Problem("party_id", f"Nummeret bruges allerede i sag {holder.number} "
                                                               f"({holder.party.name}). Ret den sag, hvis det er "
                                                               "samme person.")])  # fmt: skip
            for field, before, now in (("party_name", row.party.name, after.name),
                                       ("party_id", row.party.identifier, after.identifier)):  # fmt: skip
                if before != now:
                    repo.audit(actor=self.ctx.actor, entity="party", entity_id=row.number, action="correct",
                               field=field, before=before, after=now, reason=why, case_id=row.id)  # fmt: skip
            row.party = after

        return self.cases._act(case_id=case_id, act=act, expected_version=expected_version)

    def trigger(self, case_id: uuid.UUID, kind: str, when: Anchor, reason: str, today: date, *,
                expected_version: int | None = None) -> CaseRecord:  # fmt: skip
        """Correct the date (and time) of an event already registered; its deadlines move, each move audited."""
        why = _reason(reason)

        def act(repo: Repository, row: StoredCase) -> None:
            cat = self.ctx.catalogue_of(row.catalogue_id)
            if row.status != "open":
                raise ServiceError("Sagen er lukket; genåbn den først for at rette en hændelse.")
            existing = row.trigger(kind)
            name = cat.triggers[kind].name if kind in cat.triggers else kind
            if existing is None:
                raise ValidationError([Problem(f"trigger_{kind}", f"Hændelsen »{name}« er ikke registreret på "
                                                                  "sagen; registrér den i stedet.")])  # fmt: skip
            day = trigger_day(cat, kind, when)
            before = existing.occurred_at or existing.occurred_on
            if before == when:
                raise ServiceError("Intet er ændret: datoen er den samme som før.")
            existing.occurred_on, existing.occurred_at = day, when if isinstance(when, datetime) else None
            repo.audit(actor=self.ctx.actor, entity="trigger", entity_id=row.number, action="correct",
                       field=kind, before=before, after=when, reason=why, case_id=row.id)  # fmt: skip
            affected = {r.id for r in cat.milestones_of(row.group) if r.trigger == kind}
            for rid in list(affected):
                affected.update(self.cases._chain_of(row, rid))
            # Done milestones keep their day but are judged again against the corrected deadline.
            done = frozenset(m.rule_id for m in row.milestones if m.rule_id in affected and m.state == "done")
            for ms, was, now in sync_case(self.ctx, row, affected, also=done):
                self.cases._audit_ms(repo, row, ms, "due", "due", was, now, f"Hændelse rettet: {name} ({why})")
            for m in row.milestones:
                if m.rule_id in done:
                    m.done_late = done_late(m)

        return self.cases._act(case_id=case_id, act=act, expected_version=expected_version)
