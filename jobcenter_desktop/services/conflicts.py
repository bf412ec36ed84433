"""The conflicts a laptop check-in left for a person: listing them and deciding each one.

Deciding for the server's value closes the conflict; deciding for the laptop's (or a typed value, for a
bemærkning) writes it into the case as any change is written (due dates recomputed, moves audited). Every
decision is an audit entry naming who chose what."""

from __future__ import annotations

import uuid
from datetime import date

from jobcenter_desktop.core.laptop import Conflict
from jobcenter_desktop.core.merge import (
    CASE_FIELDS,
    DELETED,
    decode,
    encode,
    milestone_value,
    pause_value,
    set_milestone,
    set_pause,
    trigger_value,
)
from jobcenter_desktop.core.notice import follow_decisions
from jobcenter_desktop.core.stored import StoredCase, StoredPause, StoredTrigger, done_late
from jobcenter_desktop.services.case_input import MAX_NOTES, text_field
from jobcenter_desktop.services.case_sync import sync_case
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import ConflictError, Problem, ServiceError, ValidationError
from jobcenter_desktop.services.merge_text import describe, what
from jobcenter_desktop.storage.laptop_store import LaptopStore
from jobcenter_desktop.storage.repository import NotFoundError, Repository, StaleCase

KEEP = ("server", "laptop")


class ConflictService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self, *, open_only: bool = True, case_id: uuid.UUID | None = None) -> list[Conflict]:
        if self.ctx.server is None:
            return []
        with self.ctx.read() as s:
            return LaptopStore(s).conflicts(open_only=open_only, case_id=case_id)

    def find(self, ref: str) -> Conflict:
        """By its id, or the first characters of it (as the list prints them)."""
        ref = ref.strip().lower()
        matches = [c for c in self.list(open_only=False) if str(c.id).startswith(ref)] if len(ref) >= 4 else []
        if len(matches) != 1:
            raise ServiceError(f"Ingen entydig konflikt med id {ref!r}; se 'conflicts list'.")
        return matches[0]

    def resolve(self, conflict_id: uuid.UUID, *, keep: str | None = None, value: str | None = None,
                today: date) -> Conflict:  # fmt: skip
        if (keep is None) == (value is None) or (keep is not None and keep not in KEEP):
            raise ValidationError([Problem("keep", "Vælg enten --keep server, --keep laptop eller --value TEKST.")])
        try:
            with self.ctx.write() as s:
                store, repo = LaptopStore(s), Repository(s)
                c = store.conflict(conflict_id)
                if c is None:
                    raise ServiceError("Konflikten findes ikke (eller hører til et andet team).")
                if c.resolved_at is not None:
                    raise ServiceError(f"Konflikten er allerede afgjort af {c.resolved_by}.")
                chosen = self._chosen(c, keep, value)
                if chosen is not _SERVER:
                    self._write(repo, c, chosen, today)
                label = "teamdatabasens værdi" if chosen is _SERVER else describe(c.record, c.field, chosen)
                if not store.resolve(c.id, self.ctx.actor, keep or f"value:{value}"):
                    raise ServiceError("Konflikten blev afgjort af en anden i mellemtiden.")
                try:
                    visible: uuid.UUID | None = repo.case(c.case_id).id
                except NotFoundError:  # a case the server did not take: the entry names none
                    visible = None
                repo.audit(actor=self.ctx.actor, entity=c.record, entity_id=c.case_number, action="resolve",
                           field=c.field, before=describe(c.record, c.field, decode(c.server)), after=label,
                           reason=f"Konflikt afgjort ({what(c.record, c.record_key, c.field)}): {keep or 'ny værdi'}",
                           case_id=visible)  # fmt: skip
        except StaleCase as e:
            raise ConflictError() from e
        except _ChangedSince as e:
            with self.ctx.write() as s:
                LaptopStore(s).set_conflict_server(conflict_id, encode(e.now))
            record, fld = e.where
            raise ServiceError(f"Teamdatabasens værdi er ændret, siden konflikten opstod (nu: "
                               f"{describe(record, fld, e.now)}). Se konflikten igen, og vælg.") from None
        self.ctx.note_own(c.case_id)
        found = self.list(open_only=False, case_id=c.case_id)
        return next(x for x in found if x.id == c.id)

    def _chosen(self, c: Conflict, keep: str | None, value: str | None) -> object:
        if keep == "server":
            return _SERVER
        if value is not None:
            if (c.record, c.field) != ("case", "notes"):
                raise ValidationError([Problem("value", "Kun en bemærkning kan få en ny tekst; vælg server eller "
                                                        "laptop for de andre.")])  # fmt: skip
            return text_field(value, field="notes", what="Bemærkningen", limit=MAX_NOTES, multiline=True)
        chosen = decode(c.laptop)
        if chosen == DELETED or c.field in ("ny sag", "sag", "udlån afsluttet", "afvist"):
            raise ServiceError("Den bærbares udgave kan ikke indsættes her (sagen findes ikke længere for dig, "
                               "er allerede åben, eller udlånet var afsluttet). Vælg teamdatabasens værdi; den "
                               "bærbares udgave står i konflikten og i historikken.")  # fmt: skip
        return chosen

    def _write(self, repo: Repository, c: Conflict, chosen: object, today: date) -> None:
        try:
            case = repo.load_case(c.case_id)
        except NotFoundError as e:
            raise ServiceError(str(e)) from e
        now = _current(case, c)
        if now != decode(c.server):  # a colleague changed it again since: decide on what is there now
            raise _ChangedSince(now, (c.record, c.field))
        _apply(case, c, chosen)
        for promise, was, now in follow_decisions(self.ctx.catalogue_of(case.catalogue_id), case):
            repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{case.number}/{promise.rule_id}",
                       action="state", field="state", before=was, after=now,
                       reason="Følger afgørelsen (konflikt afgjort)", case_id=case.id)  # fmt: skip
        done = frozenset({c.record_key}) if c.record == "milestone" and isinstance(chosen, list) and \
            chosen[0] == "done" else frozenset()
        moves = sync_case(self.ctx, case, None, also=done)
        for m in case.milestones:
            m.done_late = done_late(m)
        for ms, before, after in moves:
            repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{case.number}/{ms.rule_id}",
                       action="due", field="due", before=before, after=after, reason="Konflikt afgjort",
                       case_id=case.id)  # fmt: skip
        try:
            repo.save_case(case)
        except NotFoundError as e:  # e.g. the laptop's caseworker has no login on the server
            raise ServiceError(f"Den bærbares værdi kan ikke bruges: {e}") from e


_SERVER = object()


class _ChangedSince(Exception):
    def __init__(self, now: object, where: tuple[str, str]) -> None:
        super().__init__()
        self.now, self.where = now, where


def _current(case: StoredCase, c: Conflict) -> object:
    """The value the conflict is about, as the case has it now (in the conflict's JSON form)."""
    if c.record == "case":
        return CASE_FIELDS[c.field][0](case)
    if c.record == "milestone":
        m = next((m for m in case.milestones if m.rule_id == c.record_key), None)
        return milestone_value(m) if m else None
    if c.record == "trigger":
        return trigger_value(case.trigger(c.record_key))
    p = next((p for p in case.pauses if str(p.id) == c.record_key), None)
    return pause_value(p) if p else None


def _apply(case: StoredCase, c: Conflict, v: object) -> None:
    if c.record == "case":
        CASE_FIELDS[c.field][1](case, v)
        if c.field == "status":  # closing lapses the open milestones, reopening revives them (one fact)
            lapse = ("open", "not_applicable") if case.status == "closed" else ("not_applicable", "open")
            for ms in case.milestones:
                if ms.state == lapse[0]:
                    ms.state = lapse[1]
    elif c.record == "milestone":
        m = next((m for m in case.milestones if m.rule_id == c.record_key), None)
        if m is None:
            raise ServiceError("Milepælen findes ikke længere på sagen.")
        set_milestone(m, v)
    elif c.record == "trigger":
        assert isinstance(v, list)
        t = case.trigger(c.record_key)
        new = StoredTrigger(c.record_key, date.fromisoformat(v[0]))
        if v[1]:
            from datetime import datetime

            new.occurred_at = datetime.fromisoformat(v[1])
        if t is None:
            case.triggers.append(new)
        else:
            t.occurred_on, t.occurred_at = new.occurred_on, new.occurred_at
    elif c.record == "pause":
        pid = uuid.UUID(c.record_key)
        p = next((p for p in case.pauses if p.id == pid), None)
        if p is None:
            assert isinstance(v, list)
            p = StoredPause(date.fromisoformat(v[0]), id=pid)
            case.pauses.append(p)
        set_pause(p, v)
