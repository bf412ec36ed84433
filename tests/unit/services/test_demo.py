"""Demo data: fake people only, spread over groups, with a realistic mix of done, open and overdue work."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from jobcenter_desktop.core.models import CaseStatus, DeadlineFilter, MilestoneState
from jobcenter_desktop.core.party import cpr_checksum_ok, cvr_checksum_ok, normalize_cpr, normalize_cvr
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services import demo
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.storage.repository import Repository

TODAY = date(2026, 3, 10)


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory):
    app = Frister.open(tmp_path_factory.mktemp("demo") / "demo.sqlite3", actor="tester", team="Team Test")
    made = demo.generate(app.ctx, 60, TODAY, batch=25)  # three write batches
    assert made == 60
    yield app
    app.close()


def _cases(app: Frister):
    with app.ctx.db.read() as s:
        return Repository(s).list_cases(status=None)


def test_sixty_cases_with_fake_but_well_formed_ids(demo_app: Frister) -> None:
    cases = _cases(demo_app)
    assert len(cases) == 60
    citizens = [c.party.identifier for c in cases if c.party.kind is PartyKind.CITIZEN]
    companies = [c.party.identifier for c in cases if c.party.kind is PartyKind.COMPANY]
    assert citizens and companies
    for cpr in citizens:
        assert normalize_cpr(cpr) == cpr  # a valid date and the app's own format ...
        assert not cpr_checksum_ok(cpr), cpr  # ... but never a number that passes the real modulus-11 check
    for cvr in companies:
        assert normalize_cvr(cvr) == cvr
        assert not cvr_checksum_ok(cvr), cvr


def test_cases_are_spread_over_groups_and_caseworkers(demo_app: Frister) -> None:
    cases = _cases(demo_app)
    groups = Counter(c.group for c in cases)
    assert len(groups) >= 6
    assert set(groups) <= set(demo_app.catalogue.groups)
    assert max(groups.values()) < 30
    assert all(c.status is CaseStatus.OPEN for c in cases)
    workers = Counter(c.caseworker for c in cases)
    assert workers["tester"] > 0  # the acting user has cases, so "Mine frister" is populated
    assert len(workers) >= 5
    assert ("tester", "Team Test") in demo_app.caseworkers()
    numbers = [c.number for c in cases]
    assert len(set(numbers)) == 60


def test_some_done_some_overdue_and_done_never_in_the_future(demo_app: Frister) -> None:
    rows = demo_app.deadlines.list(DeadlineFilter(include_done=True), TODAY)
    states = Counter(r.urgency for r in rows)
    assert states[Urgency.DONE_ON_TIME] + states[Urgency.DONE_LATE] > 0
    assert states[Urgency.OVERDUE] + states[Urgency.SOFT_OVERDUE] > 0
    assert states[Urgency.LATER] + states[Urgency.DUE_SOON] + states[Urgency.PROVISIONAL] > 0
    for r in rows:
        if r.state is MilestoneState.DONE:
            assert r.done_on is not None and r.done_on <= TODAY
            assert (r.urgency is Urgency.DONE_LATE) == (r.done_on > r.due)
    mine = demo_app.deadlines.list(DeadlineFilter(caseworker="tester"), TODAY)
    assert mine and all(r.caseworker == "tester" for r in mine)


def test_stored_dates_agree_with_a_recompute(demo_app: Frister) -> None:
    # Demo cases are written with the same engine as real ones: a recompute finds nothing to move.
    assert demo_app.recompute.preview() == []


def test_audit_says_the_data_is_made_up(demo_app: Frister) -> None:
    entries = [e for e in demo_app.audit() if e.action == "demo"]
    assert [e.after for e in entries] == ["25 demosager genereret", "50 demosager genereret", "60 demosager genereret"]
    assert all(e.actor == "tester" and "opdigtede" in e.reason for e in entries)


def test_same_seed_gives_the_same_parties(tmp_path) -> None:
    def parties(path):
        app = Frister.open(path, actor="tester")
        try:
            demo.generate(app.ctx, 8, TODAY, seed=7)
            return [(c.group, c.party.name, c.party.identifier) for c in _cases(app)]
        finally:
            app.close()

    assert parties(tmp_path / "a.sqlite3") == parties(tmp_path / "b.sqlite3")
