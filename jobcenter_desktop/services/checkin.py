"""Outreach laptops, part two: checking a laptop's changes back in, and the conflicts a person decides.

Per case, in one transaction of its own: the three-way merge (core.merge) of base, server and laptop; the
merged facts saved with fresh due dates; the conflicts stored; the laptop's own audit entries appended with its
name and clock; and the batch marked applied for that case. A check-in that is cut off (a dropped connection,
a kill) leaves each case either applied or untouched, and running it again applies the rest: what was applied
is skipped by the batch mark, audit entries by their ids, conflicts by their key. Afterwards the laptop copy is
replaced by a fresh check-out of the same cases, or removed (``release``)."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from jobcenter_desktop.core.laptop import LAPTOP_BATCH, LAPTOP_DEVICE, LAPTOP_LOGIN, LAPTOP_NUMBERS, CheckinReport
from jobcenter_desktop.core.merge import DELETED, FieldConflict, encode, merge_case
from jobcenter_desktop.core.stored import StoredCase, case_to_json
from jobcenter_desktop.services.case_sync import sync_case
from jobcenter_desktop.services.checkout import CheckoutService, laptop_info, remove_laptop_file
from jobcenter_desktop.services.context import Context, open_context
from jobcenter_desktop.services.errors import ServiceError, StartupError
from jobcenter_desktop.services.merge_text import describe
from jobcenter_desktop.storage.instances import InstanceError, require_alone
from jobcenter_desktop.storage.laptop_store import LaptopStore
from jobcenter_desktop.storage.repository import NotFoundError, Repository, StaleCase
from jobcenter_desktop.storage.target import FileTarget

RETRIES = 3  # a colleague's save between our read and write: merge again against the newer server case


def _same(laptop: StoredCase, base: StoredCase) -> bool:
    """Nothing changed on the laptop (its own row versions aside)."""
    a, b = case_to_json(laptop), case_to_json(base)
    a.pop("version"), b.pop("version")
    return a == b


def _done_late(case: StoredCase) -> None:
    for m in case.milestones:
        m.done_late = bool(m.done_on and m.due_on and m.done_on > m.due_on)


class CheckinService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def checkin(self, laptop: Path, *, passphrase: str | None, today: date, release: bool = False,
                progress: Callable[[int, int], bool] | None = None) -> CheckinReport:  # fmt: skip
        if self.ctx.server is None:
            raise ServiceError("Sager afleveres til teamdatabasen: start med --server postgresql://LOGIN@VÆRT/DB.")
        if not laptop.is_file():
            raise ServiceError(f"Filen findes ikke: {laptop}.")
        try:
            lctx = open_context(FileTarget(laptop), passphrase=passphrase)
        except StartupError as e:
            raise ServiceError(str(e)) from e
        try:
            info = laptop_info(lctx)
            if info is None:
                raise ServiceError(f"{laptop.name} er ikke en kopi fra teamdatabasen; der er intet at aflevere.")
            if info[LAPTOP_LOGIN] != self.ctx.actor:
                raise ServiceError(f"Kopien tilhører {info[LAPTOP_LOGIN]}; log ind som {info[LAPTOP_LOGIN]} for at "
                                   "aflevere den. Intet er ændret.")  # fmt: skip
            if lctx.db.lock is not None:
                try:
                    require_alone(lctx.db.lock, "afleveres")
                except InstanceError as e:
                    raise ServiceError(str(e)) from e
            with lctx.read() as s:
                store = LaptopStore(s)
                base = store.base()
                repo = Repository(s)
                cases = repo.load_cases(sorted(c.id for c in repo.list_cases()))
                audit = store.audit_rows()
        finally:
            lctx.close()
        batch, device = uuid.UUID(info[LAPTOP_BATCH]), info[LAPTOP_DEVICE]
        report = CheckinReport(cases=len(cases))
        with self.ctx.read() as s:
            done = LaptopStore(s).applied(batch)
            known = LaptopStore(s).known_audit_ids([uuid.UUID(str(a["id"])) for a in audit])
        by_case: dict[uuid.UUID | None, list[dict[str, object]]] = {}
        for a in audit:
            if a["id"] not in known:
                by_case.setdefault(a["case_id"], []).append(a)  # type: ignore[arg-type]
        # Cases the laptop checked out first (by number), then the ones it made, in the order it made them.
        order = sorted(cases, key=lambda c: (c.id not in base, c.number))
        for i, case in enumerate(order):
            if case.id in done:
                report.skipped += 1
                if case.id not in base:
                    report.numbers[case.number] = done[case.id]
            elif case.id not in base or by_case.get(case.id) or not _same(case, base[case.id]):
                self._apply(case, base.get(case.id), batch, device, by_case.get(case.id, []), today, report)
            if progress is not None and not progress(i + 1, len(order)):
                raise ServiceError("Afleveringen blev afbrudt; kør den igen for at aflevere resten.")
        self._entries_about_no_case(by_case.get(None, []), device, report)
        server_ids = [c.id for c in order if c.id in base or c.number in report.numbers]
        if release:
            with self.ctx.write() as s:
                LaptopStore(s).end_checkouts(by=self.ctx.actor, reason="released", login=self.ctx.actor,
                                             device=device, case_ids=server_ids)  # fmt: skip
            remove_laptop_file(laptop)
        elif report.applied or (not report.skipped and self._server_newer(base)):
            # A batch that was applied (even in part) must never be used again: its later changes would be
            # skipped. The copy becomes a fresh check-out. A copy handed in before, or one with nothing new on
            # either side, is left as it is: checking it in again changes nothing.
            self._refresh(laptop, server_ids, passphrase, device, batch, report)
        return report

    def _server_newer(self, base: dict[uuid.UUID, StoredCase]) -> bool:
        with self.ctx.read() as s:
            now = {c.id: c.version for c in Repository(s).load_cases(list(base))}
        return any(now.get(i) != b.version for i, b in base.items())

    # ------------------------------------------------------------ one case
    def _apply(self, case: StoredCase, base: StoredCase | None, batch: uuid.UUID, device: str,
               audit: list[dict[str, object]], today: date, report: CheckinReport) -> None:  # fmt: skip
        for _ in range(RETRIES):
            try:
                with self.ctx.write() as s:
                    if base is None:
                        self._new_case(s, case, batch, device, report)
                    else:
                        self._merge(s, case, base, batch, device, report)
                    report.audit_entries += self._append_audit(s, audit, device)
                    LaptopStore(s).mark_applied(batch, case.id, self.ctx.actor, report.numbers.get(case.number, ""))
                report.applied += 1
                self.ctx.note_own(case.id)
                return
            except StaleCase:
                continue
        raise ServiceError(f"Sag {case.number} ændres hele tiden af andre; kør afleveringen igen om lidt.")

    def _merge(self, s: object, laptop: StoredCase, base: StoredCase, batch: uuid.UUID, device: str,
               report: CheckinReport) -> None:  # fmt: skip
        repo, store = Repository(s), LaptopStore(s)  # type: ignore[arg-type]
        try:
            server = repo.load_case(laptop.id)
        except NotFoundError:  # moved to a team this login cannot see, meanwhile
            lost = FieldConflict("case", "", "sag", None, None, case_to_json(laptop))
            self._conflicts(store, laptop, batch, device, [lost])
            report.conflicts += 1
            return
        last = store.last_change(server.id)  # who changed the server's side, before this check-in writes
        result = merge_case(base, server, laptop, distrust=store.lost(batch, laptop.id))
        merged = result.merged
        _done_late(merged)
        why = f"Afleveret fra bærbar {device}"
        moves = sync_case(self.ctx, merged, None)
        repo.save_case(merged)
        for record, key, fld, was, now in result.applied:
            ref = f"{server.number}/{key}" if key else server.number
            repo.audit(actor=self.ctx.actor, entity=record, entity_id=ref, action="checkin", field=fld,
                       before=describe(record, fld, was), after=describe(record, fld, now), reason=why,
                       case_id=server.id)  # fmt: skip
        for ms, before, after in moves:
            repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{server.number}/{ms.rule_id}",
                       action="due", field="due", before=before, after=after, reason=why, case_id=server.id)
        self._conflicts(store, server, batch, device, result.conflicts, last)
        report.changes += len(result.applied)
        report.conflicts += len(result.conflicts)

    def _conflicts(self, store: LaptopStore, case: StoredCase, batch: uuid.UUID, device: str,
                   conflicts: list[FieldConflict], last: tuple[str, object] = ("", None)) -> None:  # fmt: skip
        if not conflicts:
            return
        who, when = last
        repo = Repository(store.s)
        for c in conflicts:
            store.add_conflict({
                "batch_id": batch, "case_id": case.id, "case_number": case.number, "login": self.ctx.actor,
                "device": device, "record": c.record, "record_key": c.key, "field": c.field,
                "base": encode(c.base), "server": encode(c.server), "laptop": encode(c.laptop),
                "server_by": who, "server_at": when,
            })  # fmt: skip
            repo.audit(actor=self.ctx.actor, entity=c.record, entity_id=case.number, action="conflict",
                       field=c.field, before=describe(c.record, c.field, c.server),
                       after=describe(c.record, c.field, c.laptop),
                       reason=f"Konflikt ved aflevering fra {device}; teamdatabasens værdi gælder til den er afgjort",
                       case_id=case.id)  # fmt: skip

    def _new_case(self, s: object, laptop: StoredCase, batch: uuid.UUID, device: str,
                  report: CheckinReport) -> None:  # fmt: skip
        repo, store = Repository(s), LaptopStore(s)  # type: ignore[arg-type]
        case = copy.deepcopy(laptop)
        case.number = repo.next_number(case.opened_on.year)
        case.version = 0
        _done_late(case)
        sync_case(self.ctx, case, None)  # the server's calendar and catalogue decide its due dates
        distrusted = store.lost(batch, laptop.id)
        if distrusted or not store.insert_case_unless_duplicate(case):
            # Nothing of it is lost: the whole case (as the laptop had it) is kept in the conflict.
            field = "udlån afsluttet" if distrusted else "ny sag"
            others = repo.open_duplicates(case.group, case.party.identifier)
            self._conflicts(store, laptop, batch, device, [FieldConflict("case", "", field, None, others,
                                                                         case_to_json(laptop))])  # fmt: skip
            report.conflicts += 1
            return
        repo.audit(actor=self.ctx.actor, entity="case", entity_id=case.number, action="create",
                   before=laptop.number, after=f"{case.group}; {case.party.name}; sagsbehandler {case.caseworker}",
                   reason=f"Oprettet på bærbar {device} som {laptop.number}", case_id=case.id)  # fmt: skip
        report.numbers[laptop.number] = case.number
        report.changes += 1

    def _append_audit(self, s: object, rows: list[dict[str, object]], device: str) -> int:
        """The laptop's own entries, with its name and clock; the server dates their arrival itself."""
        fresh = []
        for r in rows:
            row = dict(r)
            row["device"] = row.get("device") or device
            row["device_at"] = row.get("device_at") or row["at"]
            row["actor"] = self.ctx.actor  # the login: the server accepts no other name
            fresh.append(row)
        return LaptopStore(s).add_audit_rows(fresh)  # type: ignore[arg-type]

    def _entries_about_no_case(self, rows: list[dict[str, object]], device: str, report: CheckinReport) -> None:
        if rows:
            with self.ctx.write() as s:
                report.audit_entries += self._append_audit(s, rows, device)

    def _refresh(self, laptop: Path, ids: list[uuid.UUID], passphrase: str | None, device: str,
                 batch: uuid.UUID, report: CheckinReport) -> None:  # fmt: skip
        """The laptop copy becomes a fresh check-out of the same cases (with the server's numbers)."""
        with self.ctx.read() as s:
            visible = {c.id for c in Repository(s).load_cases(ids)}
        keep = [i for i in ids if i in visible]
        checkout = CheckoutService(self.ctx)
        if not keep:
            with self.ctx.write() as s:
                LaptopStore(s).end_checkouts(by=self.ctx.actor, reason="checkin", login=self.ctx.actor, device=device)
            remove_laptop_file(laptop)
            return
        # The fresh copy's batch follows from the old one: a refresh cut off and run again records it once.
        fresh = uuid.uuid5(uuid.NAMESPACE_URL, f"jobcenter-frister:refresh:{batch}")
        checkout.checkout(laptop, keep, passphrase=passphrase, device=device, replace=True, batch_id=fresh)
        if report.numbers:  # the laptop shows which provisional number became which case
            lctx = open_context(FileTarget(laptop), passphrase=passphrase)
            try:
                with lctx.write() as s:
                    Repository(s).set_setting(LAPTOP_NUMBERS, json.dumps(report.numbers, ensure_ascii=False))
            finally:
                lctx.close()


__all__ = ["DELETED", "CheckinService"]
