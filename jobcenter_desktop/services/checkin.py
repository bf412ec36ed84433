"""Outreach laptops, part two: checking a laptop's changes back in, and the conflicts a person decides.

Per case, in one transaction of its own: the three-way merge (core.merge) of base, server and laptop; the
merged facts saved with fresh due dates; the conflicts stored; the laptop's own audit entries appended with its
name and clock; and the batch marked applied for that case. A check-in that is cut off (a dropped connection,
a kill) leaves each case either applied or untouched, and running it again applies the rest: what was applied
is skipped by the batch mark, audit entries by their ids, conflicts by their key. Afterwards the laptop copy is
replaced by a fresh check-out of the same cases, or removed (``release``)."""

from __future__ import annotations

import copy
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jobcenter_desktop.core.laptop import LAPTOP_BATCH, LAPTOP_DEVICE, LAPTOP_NUMBERS, CheckinReport
from jobcenter_desktop.core.merge import FieldConflict, encode, merge_case
from jobcenter_desktop.core.stored import StoredCase, case_to_json, done_late
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


def _stand_in(batch: uuid.UUID, case_id: uuid.UUID) -> uuid.UUID:
    """The id a conflict and its batch mark use for a case the login cannot see (another team's now): rows
    naming another team's case are refused by the server, and should be."""
    return uuid.uuid5(batch, str(case_id))


def _done_late(case: StoredCase) -> None:
    for m in case.milestones:
        m.done_late = done_late(m)  # to the minute for hours deadlines, as at the completion itself


@dataclass(frozen=True)
class Applied:
    number: str  # the server's case number ("" when the server did not take the case)
    changes: int
    conflicts: int
    visible: bool  # the case is one this login sees on the server


class CheckinService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def checkin(self, laptop: Path, *, passphrase: str | None, today: date, release: bool = False,
                progress: Callable[[int, int], bool] | None = None) -> CheckinReport:  # fmt: skip
        if self.ctx.server is None:
            raise ServiceError("Sager afleveres til teamdatabasen: start med --server postgresql://LOGIN@VÆRT/DB.")
        if not laptop.is_file():
            raise ServiceError(f"Filen findes ikke: {laptop}.")
        info, base, cases, audit = self._read_laptop(laptop, passphrase)
        try:
            batch = uuid.UUID(info[LAPTOP_BATCH])
        except ValueError:
            raise ServiceError(f"{laptop.name} er beskadiget (ukendt udlån); intet er ændret.") from None
        device = info[LAPTOP_DEVICE]
        report = CheckinReport(cases=len(cases))
        with self.ctx.read() as s:
            store = LaptopStore(s)
            done = store.applied(batch)
            known = store.known_audit_ids([uuid.UUID(str(a["id"])) for a in audit])
            logins, lost = store.batch_logins(batch), store.batch_lost(batch)
        # The server's own record decides whose copy it is: a login written into the file proves nothing.
        if logins != {self.ctx.actor}:
            who = ", ".join(sorted(logins)) or "ingen"
            raise ServiceError(f"Teamdatabasen har udlånt denne kopi til {who}, ikke til {self.ctx.actor}; log ind "
                               "som den, der tog sagerne med ud. Intet er ændret.")  # fmt: skip
        by_case: dict[uuid.UUID | None, list[dict[str, object]]] = {}
        for a in audit:
            if a["id"] not in known:
                by_case.setdefault(a["case_id"], []).append(a)  # type: ignore[arg-type]
        # Cases the laptop checked out first (by number), then the ones it made, in the order it made them.
        order = sorted(cases, key=lambda c: (c.id not in base, c.number))
        for i, case in enumerate(order):
            entries = by_case.get(case.id, [])
            handed = done.get(case.id) or done.get(_stand_in(batch, case.id))
            if handed is not None and case.id not in base:
                report.numbers[case.number] = handed[0]
            # What the server already has of this case: the base, or what an earlier (cut-off) run handed in.
            was = handed[1] if handed is not None else base.get(case.id)
            if was is not None and not entries and _same(case, was):
                report.skipped += handed is not None
            else:
                self._apply(case, was, handed is None and case.id not in base, batch, device, entries, lost, report)
            if progress is not None and not progress(i + 1, len(order)):
                raise ServiceError("Afleveringen blev afbrudt; kør den igen for at aflevere resten.")
        self._entries_about_no_case(by_case.get(None, []), device, report)
        server_ids = [c.id for c in order if c.id in base or c.number in report.numbers]
        if release or lost:
            with self.ctx.write() as s:
                LaptopStore(s).end_checkouts(by=self.ctx.actor, reason="lost" if lost else "released",
                                             batch_id=batch)  # fmt: skip
            if release:
                remove_laptop_file(laptop)
        elif report.applied or report.skipped or self._server_newer(base):
            # A batch that was applied (even in part, by a run that was cut off) must never be used again: its
            # later changes would be merged against the wrong base. The copy becomes a fresh check-out, under a
            # batch id that follows from this one, so a refresh run twice records one check-out. A copy with
            # nothing new on either side is left as it is.
            self._refresh(laptop, server_ids, passphrase, device, batch, report)
        return report

    def _read_laptop(self, laptop: Path, passphrase: str | None) -> tuple[
            dict[str, str], dict[uuid.UUID, StoredCase], list[StoredCase], list[dict[str, object]]]:  # fmt: skip
        try:
            lctx = open_context(FileTarget(laptop), passphrase=passphrase)
        except StartupError as e:
            raise ServiceError(str(e)) from e
        try:
            info = laptop_info(lctx)
            if info is None:
                raise ServiceError(f"{laptop.name} er ikke en kopi fra teamdatabasen; der er intet at aflevere.")
            if lctx.db.lock is not None:
                try:
                    require_alone(lctx.db.lock, "afleveres")
                except InstanceError as e:
                    raise ServiceError(str(e)) from e
            with lctx.read() as s:
                store, repo = LaptopStore(s), Repository(s)
                try:
                    base = store.base()
                except (ValueError, KeyError, TypeError, AssertionError):
                    raise ServiceError(f"{laptop.name} er beskadiget (udlånets grundkopi kan ikke læses); intet er "
                                       "ændret. Kontakt IT, før kopien slettes.") from None  # fmt: skip
                if not base:
                    raise ServiceError(f"{laptop.name} er beskadiget (udlånets grundkopi mangler); intet er ændret.")
                cases = repo.load_cases(sorted(c.id for c in repo.list_cases()))
                audit = store.audit_rows()
        finally:
            lctx.close()
        return info, base, cases, audit

    # ------------------------------------------------------------ one case
    def _apply(self, case: StoredCase, was: StoredCase | None, new: bool, batch: uuid.UUID, device: str,
               audit: list[dict[str, object]], lost: bool, report: CheckinReport) -> None:  # fmt: skip
        """One case in one transaction. What the server refuses (a caseworker it does not know, a team the login
        may not put cases in, a second open case for the citizen) keeps the laptop's whole case in a conflict:
        the rest of the check-in goes on."""
        for _ in range(RETRIES):
            try:
                with self.ctx.write() as s:
                    if was is None:
                        got = self._new_case(s, case, batch, device, lost)
                    else:
                        got = self._merge(s, case, was, batch, device, lost)
                    report.audit_entries += self._append_audit(s, audit, device, visible=got.visible)
                    LaptopStore(s).mark_applied(batch, case.id, self.ctx.actor, got.number, case)
                break
            except StaleCase:
                continue
            except (ServiceError, LookupError) as e:  # rolled back: the case is kept whole in a conflict
                with self.ctx.write() as s:
                    got = self._refused(s, case, batch, device, str(e))
                    report.audit_entries += self._append_audit(s, audit, device, visible=got.visible)
                    mark = case.id if got.visible else _stand_in(batch, case.id)
                    LaptopStore(s).mark_applied(batch, mark, self.ctx.actor, "", case)
                break
        else:
            raise ServiceError(f"Sag {case.number} ændres hele tiden af andre; kør afleveringen igen om lidt.")
        report.applied += 1
        report.changes += got.changes
        report.conflicts += got.conflicts
        if new and got.number:
            report.numbers[case.number] = got.number
        if got.visible:
            self.ctx.note_own(case.id)

    def _server_newer(self, base: dict[uuid.UUID, StoredCase]) -> bool:
        with self.ctx.read() as s:
            now = {c.id: c.version for c in Repository(s).load_cases(list(base))}
        return any(now.get(i) != b.version for i, b in base.items())

    def _merge(self, s: object, laptop: StoredCase, base: StoredCase, batch: uuid.UUID, device: str,
               lost: bool) -> Applied:  # fmt: skip
        repo, store = Repository(s), LaptopStore(s)  # type: ignore[arg-type]
        server = repo.load_case(laptop.id)  # NotFoundError: moved to a team this login cannot see, meanwhile
        last = store.last_change(server.id)  # who changed the server's side, before this check-in writes
        result = merge_case(base, server, laptop, distrust=lost)
        merged = result.merged
        why = f"Afleveret fra bærbar {device}"
        # A completion from the laptop keeps the due date its facts give (the laptop may have moved a trigger).
        done_here = frozenset(k for r, k, f, _, now in result.applied if r == "milestone" and now and now[0] == "done")
        moves = sync_case(self.ctx, merged, None, also=done_here)
        _done_late(merged)
        repo.save_case(merged)
        for record, key, fld, was, now in result.applied:
            ref = f"{server.number}/{key}" if key else server.number
            repo.audit(actor=self.ctx.actor, entity=record, entity_id=ref, action="checkin", field=fld,
                       before=describe(record, fld, was), after=describe(record, fld, now), reason=why,
                       case_id=server.id)  # fmt: skip
        for ms, before, after in moves:
            repo.audit(actor=self.ctx.actor, entity="milestone", entity_id=f"{server.number}/{ms.rule_id}",
                       action="due", field="due", before=before, after=after, reason=why, case_id=server.id)
        self._conflicts(store, server.id, server.number, batch, device, result.conflicts, last)
        return Applied(server.number, len(result.applied), len(result.conflicts), True)

    def _conflicts(self, store: LaptopStore, case_id: uuid.UUID, number: str, batch: uuid.UUID, device: str,
                   conflicts: list[FieldConflict], last: tuple[str, object] = ("", None),
                   visible: bool = True) -> None:  # fmt: skip
        who, when = last
        repo = Repository(store.s)
        for c in conflicts:
            store.add_conflict({
                "batch_id": batch, "case_id": case_id, "case_number": number, "login": self.ctx.actor,
                "device": device, "record": c.record, "record_key": c.key, "field": c.field,
                "base": encode(c.base), "server": encode(c.server), "laptop": encode(c.laptop),
                "server_by": who, "server_at": when,
            })  # fmt: skip
            repo.audit(actor=self.ctx.actor, entity=c.record, entity_id=number, action="conflict",
                       field=c.field, before=describe(c.record, c.field, c.server),
                       after=describe(c.record, c.field, c.laptop),
                       reason=f"Konflikt ved aflevering fra {device}; teamdatabasens værdi gælder til den er afgjort",
                       case_id=case_id if visible else None)  # fmt: skip

    def _new_case(self, s: object, laptop: StoredCase, batch: uuid.UUID, device: str, lost: bool) -> Applied:
        repo, store = Repository(s), LaptopStore(s)  # type: ignore[arg-type]
        if lost:
            raise ServiceError("udlånet blev afsluttet som bortkommet; den bærbares nye sag er ikke oprettet")
        case = copy.deepcopy(laptop)
        case.number = repo.next_number(case.opened_on.year)
        case.version = 0
        sync_case(self.ctx, case, None, also=frozenset(m.rule_id for m in case.milestones if m.state == "done"))
        _done_late(case)
        if not store.insert_case_unless_duplicate(case):
            others = repo.open_duplicates(case.group, case.party.identifier)
            raise ServiceError("borgeren har allerede en åben sag i målgruppen"
                               + (f" ({', '.join(others)})" if others else ""))  # fmt: skip
        repo.audit(actor=self.ctx.actor, entity="case", entity_id=case.number, action="create",
                   before=laptop.number, after=f"{case.group}; {case.party.name}; sagsbehandler {case.caseworker}",
                   reason=f"Oprettet på bærbar {device} som {laptop.number}", case_id=case.id)  # fmt: skip
        return Applied(case.number, 1, 0, True)

    def _refused(self, s: object, laptop: StoredCase, batch: uuid.UUID, device: str, why: str) -> Applied:
        """The server would not take this case's changes: the laptop's whole case goes into one conflict."""
        repo, store = Repository(s), LaptopStore(s)  # type: ignore[arg-type]
        try:
            repo.case(laptop.id)
            visible, case_id = True, laptop.id
        except NotFoundError:
            # Another team's case now (or never on the server): the conflict gets an id of its own, so it names
            # no case the login cannot see.
            visible, case_id = False, _stand_in(batch, laptop.id)
        snapshot = case_to_json(laptop)
        version = hashlib.sha256(json.dumps(snapshot, sort_keys=True).encode()).hexdigest()[:12]
        kept = FieldConflict("case", version, "afvist", None, why, snapshot)  # each version of it kept
        self._conflicts(store, case_id, laptop.number, batch, device, [kept], visible=visible)
        return Applied("", 0, 1, visible)

    def _append_audit(self, s: object, rows: list[dict[str, object]], device: str, *, visible: bool = True) -> int:
        """The laptop's own entries, with its name and clock; the server dates their arrival itself. Entries
        about a case the server did not take are kept as the login's own (no case named)."""
        fresh = []
        for r in rows:
            row = dict(r)
            if not visible:
                row["case_id"] = None
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

