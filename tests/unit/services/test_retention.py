"""Retention through the services layer, on both databases: a closed case past the limit loses its personal data
(and on a file it is not left in the file or its WAL), an open case and a recently closed one are untouched, and
the timeliness figures of the past quarter are the same before and after. On the team database only an admin
may run it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.worklist import Scope

OLD_CPR, OPEN_CPR, RECENT_CPR = "150362-4817", "160463-5927", "170564-6037"
TODAY = date(2026, 12, 8)


@pytest.fixture
def world(app: Frister) -> dict[str, object]:
    c = app.cases
    old = c.register(NewCase("kontanthjaelp", "Gudrun Gammelsag", OLD_CPR, {"foerste_fremmoede": date(2020, 1, 6)},
                             notes="Gudrun har ondt i ryggen"), date(2020, 1, 6))  # fmt: skip
    c.pause(old.id, date(2020, 1, 7), "Gudruns sygdom", date(2020, 1, 7))
    c.resume(old.id, date(2020, 1, 9), date(2020, 1, 9))
    c.complete(next(m for m in old.milestones if m.rule_id == "kh_visitation").id, date(2020, 1, 8), date(2020, 1, 8))
    c.reveal_party_id(old.id, "Fuldt CPR-nummer vist i sagsvinduet")
    c.close(old.id, date(2020, 3, 2))
    opened = c.register(NewCase("dagpenge", "Olivia Åben", OPEN_CPR, {"ledigmelding": date(2020, 1, 6)},
                                notes="Olivias note"), date(2020, 1, 6))  # fmt: skip
    recent = c.register(NewCase("dagpenge", "Rasmus Nylig", RECENT_CPR, {"ledigmelding": date(2025, 3, 3)}),
                        date(2025, 3, 3))  # fmt: skip
    c.close(recent.id, date(2025, 6, 2))
    return {"old": old.id, "open": opened.id, "recent": recent.id}


def _figures(app: Frister):  # type: ignore[no-untyped-def]
    t = app.kpi.table(KpiPeriod.quarter(2020, 1), Breakdown.GROUP, Scope(everyone=True), TODAY,
                      datetime(2026, 12, 8, 12))  # fmt: skip
    return [r.as_json() for r in (*t.rows, t.total)]


def _admin(app: Frister, backend) -> Frister:  # type: ignore[no-untyped-def]
    return backend.open("adam.a") if backend.kind == "postgresql" else app


def test_only_closed_cases_past_the_limit_lose_their_personal_data(app: Frister, backend, world) -> None:  # type: ignore[no-untyped-def]
    admin = _admin(app, backend)
    plan = admin.retention.preview(TODAY, date(2021, 1, 1))
    assert plan.by_group_year == {("Kontanthjælp (over 30 år)", 2020): 1}
    before = _figures(admin)
    result = admin.retention.apply(TODAY, date(2021, 1, 1))
    assert result.plan.total == 1 and result.audit_entries > 0
    old = admin.cases.get(world["old"])
    assert (old.party.name, old.party.identifier, old.notes) == ("[slettet]", "", "")
    assert all(p.reason == "[slettet]" for p in old.pauses) and all(not m.steps for m in old.milestones)
    texts = [f"{e.before} {e.after} {e.reason}" for e in admin.audit(world["old"])]
    assert not any("Gudrun" in t or "150362" in t for t in texts)
    assert [e.action for e in admin.audit(world["old"])].count("reveal_cpr") == 1  # who and when stay
    assert admin.cases.get(world["open"]).party.name == "Olivia Åben"
    assert admin.cases.get(world["recent"]).party.identifier == RECENT_CPR
    assert _figures(admin) == before  # the quarter's timeliness figures do not change
    assert admin.retention.preview(TODAY, date(2021, 1, 1)).total == 0  # done once
    assert any(e.action == "retention" for e in admin.audit())


def test_deleted_means_gone_from_the_file_and_its_wal(file_app: Frister, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = file_app
    c = app.cases
    old = c.register(NewCase("kontanthjaelp", "Gudrun Gammelsag", OLD_CPR, {"foerste_fremmoede": date(2020, 1, 6)},
                             notes="Gudrun har ondt i ryggen"), date(2020, 1, 6))  # fmt: skip
    c.pause(old.id, date(2020, 1, 7), "Gudruns sygdom", date(2020, 1, 7))
    c.close(old.id, date(2020, 3, 2))
    c.register(NewCase("dagpenge", "Olivia Åben", OPEN_CPR, {"ledigmelding": date(2020, 1, 6)}), date(2020, 1, 6))
    db = app.ctx.db.path
    assert db is not None and b"Gudrun" in db.read_bytes() + _wal(db)
    old_backup = app.backups.create("manuel").path
    assert b"Gudrun" in old_backup.read_bytes()
    result = app.retention.apply(TODAY, date(2021, 1, 1), rewrite_backups=True)
    assert not old_backup.exists() and result.backups_replaced == 1
    for backup in app.backups.all():  # the one made from the cleaned file
        assert b"Gudrun" not in backup.path.read_bytes() and b"150362" not in backup.path.read_bytes()
    raw = db.read_bytes() + _wal(db)
    for secret in (b"Gudrun", b"Gammelsag", b"150362-4817", b"1503624817", b"ryggen"):
        assert secret not in raw, secret
    assert b"Olivia" in raw  # the open case is untouched
    assert result.file_before > 0 and result.file_after > 0


def _wal(db) -> bytes:  # type: ignore[no-untyped-def]
    wal = db.with_name(db.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_nothing_happens_without_a_period_or_for_a_caseworker_on_the_server(app: Frister, backend, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceError, match="opbevaringsperiode"):
        app.retention.preview(TODAY)
    admin = _admin(app, backend)
    admin.settings.set_retention_years(5)
    app.ctx.invalidate()
    assert app.retention.preview(TODAY).closed_before == date(2021, 12, 8)
    if backend.kind == "postgresql":  # the server refuses a caseworker, and nothing is changed
        with pytest.raises(ServiceError):
            app.retention.apply(TODAY)
        assert admin.cases.get(world["old"]).party.name == "Gudrun Gammelsag"
