"""Outreach laptops, part one: checking cases out of the team database into a laptop's own file.

The laptop file is an ordinary database file (SQLCipher-encrypted unless the person explicitly chooses not to)
holding the chosen cases with their parties, triggers, milestones, pauses, notes and audit history, the closure
days and settings, the login it belongs to, and each case as it was checked out (``laptop_base``: the base of
the three-way merge at check-in). The server records every check-out (case, login, laptop, base version)."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from jobcenter_desktop.core.laptop import (
    LAPTOP_BATCH,
    LAPTOP_DEVICE,
    LAPTOP_FETCHED,
    LAPTOP_LOGIN,
    LAPTOP_SERVER,
    LAPTOP_SETTINGS,
    Checkout,
)
from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.core.stored import StoredCase
from jobcenter_desktop.services.context import Context, open_context
from jobcenter_desktop.services.encryption import check_passphrase
from jobcenter_desktop.services.errors import Problem, ServiceError, StartupError, ValidationError
from jobcenter_desktop.storage.backup import default_folder, list_backups
from jobcenter_desktop.storage.instances import folder_for
from jobcenter_desktop.storage.laptop_store import LaptopStore
from jobcenter_desktop.storage.repository import NotFoundError, Repository
from jobcenter_desktop.storage.target import FileTarget

MAX_DEVICE = 24  # L-NAME-0001 fits the case number's 32 characters


def device_name(text: str | None = None) -> str:
    """The laptop's name as it goes into provisional case numbers (L-NAME-0001): letters, digits, dashes."""
    raw = (text if text is not None else platform.node()) or "BAERBAR"
    clean = re.sub(r"[^A-Za-z0-9-]+", "-", raw.split(".")[0]).strip("-").upper()
    if not clean:
        raise ValidationError([Problem("device", "Navnet på den bærbare skal have bogstaver eller tal.")])
    if len(clean) > MAX_DEVICE:
        if text is not None:  # two laptops cut to one name would share numbers and check-outs: say so instead
            raise ValidationError([Problem("device", f"Navnet på den bærbare må højst have {MAX_DEVICE} tegn "
                                                     f"({clean[:MAX_DEVICE]}… er {len(clean)}).")])  # fmt: skip
        clean = clean[:MAX_DEVICE].strip("-")
    return clean


@dataclass(frozen=True)
class CheckoutResult:
    path: Path
    cases: int
    batch_id: uuid.UUID
    encrypted: bool


def _need_server(ctx: Context) -> None:
    if ctx.server is None:
        raise ServiceError("Sager tages med ud fra teamdatabasen: start med --server postgresql://LOGIN@VÆRT/DB.")


def remove_laptop_file(path: Path) -> None:
    """The file, its WAL, its lock folder and its backups: a released laptop keeps no copy of anyone."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        for b in list_backups(default_folder(path), path):
            b.path.unlink(missing_ok=True)
    shutil.rmtree(folder_for(path), ignore_errors=True)


class CheckoutService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def case_ids(self, *, mine: bool, numbers: Sequence[str]) -> list[uuid.UUID]:
        with self.ctx.read() as s:
            repo = Repository(s)
            ids: list[uuid.UUID] = []
            if mine:
                ids += [c.id for c in repo.list_cases(status=CaseStatus.OPEN, caseworker=self.ctx.actor)]
            for number in numbers:
                try:
                    ids.append(repo.case_id_by_number(number))
                except NotFoundError as e:
                    raise ValidationError([Problem("case", str(e))]) from None
        return list(dict.fromkeys(ids))

    def checkout(self, to: Path, case_ids: Sequence[uuid.UUID], *, passphrase: str | None, device: str | None = None,
                 batch_id: uuid.UUID | None = None, replace: bool = False) -> CheckoutResult:  # fmt: skip
        """Copy the cases into a new laptop file at ``to`` (``passphrase=None``: unencrypted, on explicit
        request only). Built beside ``to`` and moved into place, so a failure leaves no half copy."""
        _need_server(self.ctx)
        assert self.ctx.server is not None
        if not case_ids:
            raise ValidationError([Problem("case", "Vælg mindst én sag at tage med.")])
        if to.exists() and not replace:
            raise ServiceError(f"Filen {to} findes allerede. Aflever den først, eller vælg et andet navn.")
        if not to.parent.is_dir():
            raise ServiceError(f"Mappen findes ikke: {to.parent}.")
        if passphrase is not None:
            check_passphrase(passphrase)
        name = device_name(device)
        batch = batch_id or uuid.uuid4()
        login = self.ctx.actor
        with self.ctx.read() as s:
            repo, store = Repository(s), LaptopStore(s)
            cases = repo.load_cases(list(case_ids))
            if len(cases) != len(set(case_ids)):
                raise ServiceError("En af sagerne findes ikke længere eller er ikke dit teams.")
            audit = store.audit_rows([c.id for c in cases])
            closures = repo.closures()
            settings = {k: v for k, v in repo.settings().items() if k not in LAPTOP_SETTINGS}
        tmp = to.with_name(f".{to.name}.{batch.hex[:8]}.ny")
        remove_laptop_file(tmp)
        try:
            fetched = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
            self._build(tmp, cases, audit, closures, settings, {
                LAPTOP_LOGIN: login, LAPTOP_DEVICE: name, LAPTOP_SERVER: self.ctx.server.describe(),
                LAPTOP_BATCH: str(batch), LAPTOP_FETCHED: fetched,
            }, passphrase)  # fmt: skip
            with self.ctx.write() as s:
                repo, store = Repository(s), LaptopStore(s)
                fresh = set(store.record_checkout(batch, [(c.id, c.version) for c in cases], login, name))
                # Earlier copies of these cases on this laptop are replaced by this one.
                store.end_checkouts(by=login, reason="checkin", login=login, device=name,
                                    case_ids=[c.id for c in cases], keep_batch=batch)  # fmt: skip
                why = f"Udlånt til bærbar {name}" + ("" if passphrase else " (UKRYPTERET kopi)")
                for c in (c for c in cases if c.id in fresh):  # a batch recorded by a cut-off run: once
                    repo.audit(actor=login, entity="case", entity_id=c.number, action="checkout",
                               after=name, reason=why, case_id=c.id)  # fmt: skip
            os.replace(tmp, to)
        finally:
            remove_laptop_file(tmp)
        for c in cases:
            self.ctx.note_own(c.id)
        return CheckoutResult(to, len(cases), batch, passphrase is not None)

    def _build(self, path: Path, cases: list[StoredCase], audit: list[dict[str, object]],
               closures: dict[date, str], settings: dict[str, str], laptop: dict[str, str],
               passphrase: str | None) -> None:  # fmt: skip
        try:
            lctx = open_context(FileTarget(path), actor=laptop[LAPTOP_LOGIN], passphrase=passphrase)
        except StartupError as e:
            raise ServiceError(str(e)) from e
        try:
            with lctx.write() as s:
                repo, store = Repository(s), LaptopStore(s)
                for key, value in {**settings, **laptop}.items():
                    repo.set_setting(key, value)
                for day, reason in closures.items():
                    repo.add_closure(day, reason)
                for c in cases:
                    repo.caseworker(c.caseworker, c.team or None)
                    if c.team:
                        repo.team(c.team)
                    repo.insert_case(_copy_of(c), flush=False)
                s.flush()
                store.add_audit_rows(audit)
                store.write_base(cases)
        finally:
            lctx.close()

    # ------------------------------------------------------------ overview
    def checkouts(self, *, open_only: bool = True) -> list[Checkout]:
        """The team's check-outs (the server shows a login those of cases it can see, and its own)."""
        _need_server(self.ctx)
        with self.ctx.read() as s:
            return LaptopStore(s).checkouts(open_only=open_only)

    def of_case(self, case_id: uuid.UUID) -> list[Checkout]:
        if self.ctx.server is None:
            return []
        with self.ctx.read() as s:
            return LaptopStore(s).checkouts(case_ids=[case_id])

    def end_lost(self, checkout_ids: Sequence[uuid.UUID]) -> int:
        """A team lead ends a lost laptop's check-outs: a later check-in of that laptop is all conflicts."""
        _need_server(self.ctx)
        with self.ctx.write() as s:
            store, repo = LaptopStore(s), Repository(s)
            known = {c.id: c for c in store.checkouts(open_only=True)}
            missing = [str(i) for i in checkout_ids if i not in known]
            if missing:
                raise ServiceError(f"Ingen åben udlåning med id {missing[0]}.")
            n = store.end_checkouts(by=self.ctx.actor, reason="lost", ids=list(checkout_ids))
            if n != len(checkout_ids):
                raise ServiceError("Kun teamledere kan afslutte en kollegas udlåning; intet er ændret.")
            for i in checkout_ids:
                c = known[i]
                repo.audit(actor=self.ctx.actor, entity="case", entity_id=c.case_number, action="checkout_lost",
                           before=f"{c.login} på {c.device}", reason="Bærbar meldt bortkommet", case_id=c.case_id)
        return n


def _copy_of(case: StoredCase) -> StoredCase:
    import copy

    out = copy.deepcopy(case)
    out.version = 0
    return out


def laptop_info(ctx: Context) -> dict[str, str] | None:
    """The laptop settings of an open file (None: not a laptop copy)."""
    if ctx.server is not None:
        return None
    with ctx.read() as s:
        values = Repository(s).settings()
    if not values.get(LAPTOP_LOGIN):
        return None
    return {k: values.get(k, "") for k in LAPTOP_SETTINGS}


def fetched_at(info: dict[str, str]) -> datetime | None:
    try:
        return datetime.fromisoformat(info.get(LAPTOP_FETCHED, ""))
    except ValueError:
        return None


def numbers_of(info: dict[str, str]) -> dict[str, str]:
    from jobcenter_desktop.core.laptop import LAPTOP_NUMBERS

    try:
        value = json.loads(info.get(LAPTOP_NUMBERS) or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
