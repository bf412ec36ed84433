"""Rows of laptop check-outs and check-ins: check-out records, applied batches and conflicts (team database),
the base copies and the audit history (laptop file). Everything is keyed so that running a step again finds
what an interrupted run already wrote (INSERT … ON CONFLICT DO NOTHING), never a second copy."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jobcenter_desktop.core.laptop import Checkout, Conflict
from jobcenter_desktop.core.stored import StoredCase, case_from_json, case_to_json
from jobcenter_desktop.storage.orm import (
    AuditRow,
    CaseRow,
    CheckinAppliedRow,
    CheckoutRow,
    ConflictRow,
    LaptopBaseRow,
    utcnow,
)
from jobcenter_desktop.storage.sql import insert_if_absent, upsert


def _checkout(row: CheckoutRow, number: str) -> Checkout:
    return Checkout(row.id, row.batch_id, row.case_id, number, row.login, row.device, row.base_version,
                    row.checked_out_at, row.ended_at, row.ended_by, row.end_reason)  # fmt: skip


def _conflict(r: ConflictRow) -> Conflict:
    return Conflict(r.id, r.batch_id, r.case_id, r.case_number, r.login, r.device, r.record, r.record_key, r.field,
                    r.base, r.server, r.laptop, r.server_by, r.server_at, r.created_at, r.resolved_at,
                    r.resolved_by, r.resolution)  # fmt: skip


class LaptopStore:
    def __init__(self, session: Session) -> None:
        self.s = session

    # ------------------------------------------------------------ check-outs (team database)
    def record_checkout(self, batch_id: uuid.UUID, cases: Sequence[tuple[uuid.UUID, int]], login: str,
                        device: str) -> list[uuid.UUID]:  # fmt: skip
        """The cases newly recorded (a batch recorded before, by a run that was cut off, is not again)."""
        now = utcnow()
        fresh = []
        for case_id, version in cases:
            if insert_if_absent(self.s, CheckoutRow, {"id": uuid.uuid4(), "batch_id": batch_id, "case_id": case_id,
                                                   "login": login, "device": device, "base_version": version,
                                                   "checked_out_at": now, "ended_by": "", "end_reason": ""},
                                ["batch_id", "case_id"]):  # fmt: skip
                fresh.append(case_id)
        return fresh

    def checkouts(self, *, open_only: bool = True, case_ids: Iterable[uuid.UUID] | None = None,
                  batch_id: uuid.UUID | None = None) -> list[Checkout]:  # fmt: skip
        q = select(CheckoutRow, CaseRow.number).join(CaseRow, CaseRow.id == CheckoutRow.case_id)
        if open_only:
            q = q.where(CheckoutRow.ended_at.is_(None))
        if case_ids is not None:
            q = q.where(CheckoutRow.case_id.in_(list(case_ids)))
        if batch_id is not None:
            q = q.where(CheckoutRow.batch_id == batch_id)
        q = q.order_by(CheckoutRow.checked_out_at, CaseRow.number)
        return [_checkout(row, number) for row, number in self.s.execute(q)]

    def end_checkouts(
        self, *, by: str, reason: str, batch_id: uuid.UUID | None = None, ids: Iterable[uuid.UUID] | None = None,
        login: str | None = None, device: str | None = None, case_ids: Iterable[uuid.UUID] | None = None,
        keep_batch: uuid.UUID | None = None,
    ) -> int:
        q = update(CheckoutRow).where(CheckoutRow.ended_at.is_(None))
        if batch_id is not None:
            q = q.where(CheckoutRow.batch_id == batch_id)
        if ids is not None:
            q = q.where(CheckoutRow.id.in_(list(ids)))
        if login is not None:
            q = q.where(CheckoutRow.login == login)
        if device is not None:
            q = q.where(CheckoutRow.device == device)
        if case_ids is not None:
            q = q.where(CheckoutRow.case_id.in_(list(case_ids)))
        if keep_batch is not None:
            q = q.where(CheckoutRow.batch_id != keep_batch)
        result = self.s.execute(q.values(ended_at=utcnow(), ended_by=by, end_reason=reason))
        return int(getattr(result, "rowcount", 0) or 0)

    def lost(self, batch_id: uuid.UUID, case_id: uuid.UUID) -> bool:
        """Whether a team lead declared this laptop's check-out of the case lost."""
        q = select(CheckoutRow.end_reason).where(CheckoutRow.batch_id == batch_id, CheckoutRow.case_id == case_id)
        return self.s.scalar(q) == "lost"

    # ------------------------------------------------------------ applied batches
    def applied(self, batch_id: uuid.UUID) -> dict[uuid.UUID, tuple[str, StoredCase | None]]:
        """Per case of the batch handed in before: (server number, the laptop's case as it was handed in)."""
        q = select(CheckinAppliedRow.case_id, CheckinAppliedRow.server_number, CheckinAppliedRow.snapshot).where(
            CheckinAppliedRow.batch_id == batch_id)
        out: dict[uuid.UUID, tuple[str, StoredCase | None]] = {}
        for cid, number, snap in self.s.execute(q):
            out[cid] = (number, case_from_json(json.loads(snap)) if snap else None)
        return out

    def mark_applied(self, batch_id: uuid.UUID, case_id: uuid.UUID, login: str, number: str,
                     handed_in: StoredCase | None) -> None:  # fmt: skip
        snapshot = json.dumps(case_to_json(handed_in)) if handed_in is not None else ""
        upsert(self.s, CheckinAppliedRow, {"batch_id": batch_id, "case_id": case_id, "login": login,
                                           "applied_at": utcnow(), "server_number": number, "snapshot": snapshot},
               ["batch_id", "case_id"], {"snapshot": snapshot, "applied_at": utcnow()})  # fmt: skip

    def batch_lost(self, batch_id: uuid.UUID) -> bool:
        """A team lead declared the laptop holding this batch lost (any of its check-outs)."""
        q = select(CheckoutRow.id).where(CheckoutRow.batch_id == batch_id, CheckoutRow.end_reason == "lost")
        return self.s.scalar(q.limit(1)) is not None

    def batch_logins(self, batch_id: uuid.UUID) -> set[str]:
        return set(self.s.scalars(select(CheckoutRow.login).where(CheckoutRow.batch_id == batch_id)))

    def set_conflict_server(self, conflict_id: uuid.UUID, server: str) -> None:
        self.s.execute(update(ConflictRow).where(ConflictRow.id == conflict_id).values(server=server))

    # ------------------------------------------------------------ conflicts
    def add_conflict(self, values: dict[str, object]) -> None:
        """One conflict per batch, case, record and field. The same batch handed in again with a newer laptop
        value (the copy was used on after a cut-off check-in) updates it and opens it again: never dropped."""
        row = {"id": uuid.uuid4(), "created_at": utcnow(), "resolved_by": "", "resolution": "", **values}
        changes = {k: values[k] for k in ("base", "server", "laptop", "server_by", "server_at")}
        upsert(self.s, ConflictRow, row, ["batch_id", "case_id", "record", "record_key", "field"],
               {**changes, "resolved_at": None, "resolved_by": "", "resolution": ""})  # fmt: skip

    def conflicts(self, *, open_only: bool = True, case_id: uuid.UUID | None = None) -> list[Conflict]:
        q = select(ConflictRow)
        if open_only:
            q = q.where(ConflictRow.resolved_at.is_(None))
        if case_id is not None:
            q = q.where(ConflictRow.case_id == case_id)
        return [_conflict(r) for r in self.s.scalars(q.order_by(ConflictRow.created_at, ConflictRow.case_number,
                                                                 ConflictRow.record, ConflictRow.field))]  # fmt: skip

    def conflict(self, conflict_id: uuid.UUID) -> Conflict | None:
        row = self.s.get(ConflictRow, conflict_id)
        return _conflict(row) if row is not None else None

    def resolve(self, conflict_id: uuid.UUID, by: str, resolution: str) -> bool:
        """False when it was resolved already (by a colleague, or a second click)."""
        result = self.s.execute(update(ConflictRow).where(ConflictRow.id == conflict_id,
                                                          ConflictRow.resolved_at.is_(None))
                                .values(resolved_at=utcnow(), resolved_by=by, resolution=resolution))  # fmt: skip
        return bool(getattr(result, "rowcount", 0))

    def cases_in_conflict(self) -> set[uuid.UUID]:
        return set(self.s.scalars(select(ConflictRow.case_id).where(ConflictRow.resolved_at.is_(None)).distinct()))

    # ------------------------------------------------------------ the laptop's file
    def write_base(self, cases: Iterable[StoredCase]) -> None:
        for c in cases:
            self.s.merge(LaptopBaseRow(case_id=c.id, version=c.version, snapshot=json.dumps(case_to_json(c))))

    def base(self) -> dict[uuid.UUID, StoredCase]:
        """ValueError for a copy whose base cannot be read (a damaged or tampered file)."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            rows = list(self.s.scalars(select(LaptopBaseRow)))
            return {r.case_id: case_from_json(json.loads(r.snapshot)) for r in rows}
        except (SQLAlchemyError, KeyError, TypeError, AssertionError, AttributeError) as e:
            raise ValueError(str(e)) from e

    def audit_rows(self, case_ids: Iterable[uuid.UUID] | None = None) -> list[dict[str, object]]:
        q = select(AuditRow)
        if case_ids is not None:
            q = q.where(AuditRow.case_id.in_(list(case_ids)))
        cols = [c.key for c in AuditRow.__table__.columns]
        return [{k: getattr(r, k) for k in cols} for r in self.s.scalars(q.order_by(AuditRow.at))]

    def known_audit_ids(self, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        wanted = list(ids)
        found: set[uuid.UUID] = set()
        for start in range(0, len(wanted), 500):
            found |= set(self.s.scalars(select(AuditRow.id).where(AuditRow.id.in_(wanted[start : start + 500]))))
        return found

    def add_audit_rows(self, rows: Iterable[dict[str, object]]) -> int:
        """Copy audit entries as they are (their ids make a second copy impossible)."""
        n = 0
        for r in rows:
            insert_if_absent(self.s, AuditRow, dict(r), ["id"])
            n += 1
        return n

    def last_change(self, case_id: uuid.UUID) -> tuple[str, datetime | None]:
        """Who changed the case last on this database, and when (for a conflict's server side)."""
        row = self.s.execute(select(AuditRow.actor, AuditRow.at).where(AuditRow.case_id == case_id)
                             .order_by(AuditRow.at.desc()).limit(1)).first()  # fmt: skip
        return (row[0], row[1]) if row is not None else ("", None)

    def insert_case_unless_duplicate(self, case: StoredCase) -> bool:
        """A case made on a laptop. False (and nothing written) when the citizen already has an open case in the
        group: the one-open-case index (per team on the server) refuses it, inside a savepoint."""
        from sqlalchemy.exc import IntegrityError

        from jobcenter_desktop.storage.case_store import insert_case

        try:
            with self.s.begin_nested():
                insert_case(self.s, case)
        except IntegrityError as e:
            if "open_party" in str(e.orig):
                return False
            raise
        return True
