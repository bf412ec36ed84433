"""What an independent attack on check-in found, each held by a test (real server, real laptop files): work
done after a cut-off check-in, cases the server refuses, a completion whose due date moved with the laptop's
facts, forged rows from another team, a lost laptop, a decision on a value that changed since, a trigger
missing from the copy, and a copy claimed by another login."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import psycopg
import pytest

from jobcenter_desktop.core.merge import decode
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError

TODAY = date(2026, 11, 23)


def _case(app: Frister, name: str, cpr: str, **kw):  # type: ignore[no-untyped-def]
    return app.cases.register(NewCase("dagpenge", name, cpr, {"ledigmelding": TODAY}, **kw), TODAY)


def _on(path, fn):  # type: ignore[no-untyped-def]
    lap = Frister.open(path)
    try:
        return fn(lap)
    finally:
        lap.close()


def _notes(lap: Frister, case_id, text: str) -> None:  # type: ignore[no-untyped-def]
    lap.cases.update_notes(case_id, text, expected_version=lap.cases.get(case_id).version)


def test_work_after_a_cut_off_checkin_is_merged_not_skipped(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    c1, c2 = _case(anna, "Fiktiv En", "020285-1234"), _case(anna, "Fiktiv To", "030385-1235")
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [c1.id, c2.id], passphrase=None, device="pc1")
    _on(lp, lambda lap: (_notes(lap, c1.id, "første"), _notes(lap, c2.id, "første2")))
    with pytest.raises(ServiceError, match="afbrudt"):
        anna.checkins.checkin(lp, passphrase=None, today=TODAY, progress=lambda i, n: i < 1)
    assert anna.cases.get(c1.id).notes == "første" and anna.cases.get(c2.id).notes == ""
    _on(lp, lambda lap: _notes(lap, c1.id, "anden, efter den afbrudte"))
    anna.checkins.checkin(lp, passphrase=None, today=TODAY)
    assert anna.cases.get(c1.id).notes == "anden, efter den afbrudte" and anna.cases.get(c2.id).notes == "første2"


def test_a_case_the_server_refuses_is_kept_whole_and_the_rest_goes_in(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna, adam = team("anna.k"), team("adam.a")
    moved, unknown, fine = (_case(anna, f"Fiktiv {n}", cpr) for n, cpr in
                            (("Flyttet", "020285-1234"), ("Ukendt", "030385-1235"), ("Fin", "040485-1236")))
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [moved.id, unknown.id, fine.id], passphrase=None, device="pc1")

    def offline(lap: Frister) -> None:
        _notes(lap, moved.id, "skrevet ude")
        u = lap.cases.get(unknown.id)
        lap.cases.reassign(unknown.id, "zoe.z", "Team Vest", TODAY, expected_version=u.version)
        _notes(lap, fine.id, "fin note")

    _on(lp, offline)
    m = adam.cases.get(moved.id)
    adam.cases.reassign(moved.id, "olga.o", "Team Nord", TODAY, expected_version=m.version)
    report = anna.checkins.checkin(lp, passphrase=None, today=TODAY)
    assert anna.cases.get(fine.id).notes == "fin note" and report.conflicts == 2
    kept = {c.field: decode(c.laptop) for c in anna.conflicts.list()}
    assert set(kept) == {"afvist"} or len(anna.conflicts.list()) == 2
    laptops = [decode(c.laptop) for c in anna.conflicts.list()]
    assert {x["notes"] for x in laptops} == {"skrevet ude", ""} and {x["caseworker"] for x in laptops} >= {"zoe.z"}
    assert anna.checkins.checkin(lp, passphrase=None, today=TODAY).conflicts == 0  # nothing twice


def test_a_completion_keeps_the_due_date_of_the_laptops_facts(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    c = _case(anna, "Fiktiv Dato", "020285-1234")
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [c.id], passphrase=None, device="pc1")

    def offline(lap: Frister):  # type: ignore[no-untyped-def]
        x = lap.cases.get(c.id)
        x = lap.cases.add_trigger(c.id, "ledigmelding", TODAY - timedelta(days=14), TODAY, expected_version=x.version)
        m = next(m for m in x.milestones if m.rule_id == "dp_telefon")
        x = lap.cases.complete(m.id, TODAY, TODAY, expected_version=x.version)
        m = next(m for m in x.milestones if m.rule_id == "dp_telefon")
        return m.due, m.done_on, m.done_late

    on_laptop = _on(lp, offline)
    anna.checkins.checkin(lp, passphrase=None, today=TODAY)
    m = next(m for m in anna.cases.get(c.id).milestones if m.rule_id == "dp_telefon")
    assert (m.due, m.done_on, m.done_late) == on_laptop and on_laptop[2]


def test_another_team_cannot_forge_conflicts_or_checkouts(team, tmp_path, pg_server) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    c = _case(anna, "Fiktiv Vest", "020285-1234")
    with psycopg.connect(pg_server.url("olga.o", team.db), autocommit=True) as conn:
        for sql, params in (
            ("INSERT INTO conflict (id, batch_id, case_id, case_number, login, device, record, record_key, field, "
             "base, server, laptop, created_at) VALUES (%s, %s, %s, 'x', 'olga.o', 'X', 'case', '', 'notes', '1', "
             "'2', '3', now())", (uuid.uuid4(), uuid.uuid4(), c.id)),
            ("INSERT INTO checkout (id, batch_id, case_id, login, device, base_version, checked_out_at) VALUES "
             "(%s, %s, %s, 'olga.o', 'X', 1, now())", (uuid.uuid4(), uuid.uuid4(), c.id)),
            ("INSERT INTO checkin_applied (batch_id, case_id, login, applied_at) VALUES (%s, %s, 'olga.o', now())",
             (uuid.uuid4(), c.id)),
        ):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, params)
    assert anna.conflicts.list() == [] and anna.checkouts.checkouts() == []


def test_a_lost_laptop_applies_nothing_not_even_new_cases_and_is_not_trusted_again(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna, tina = team("anna.k"), team("tina.t")
    c = _case(anna, "Fiktiv Tabt", "020285-1234")
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [c.id], passphrase=None, device="pc1")
    _on(lp, lambda lap: (_notes(lap, c.id, "fra den tabte"), _case(lap, "Fiktiv Ny", "030385-1235")))
    tina.checkouts.end_lost([x.id for x in tina.checkouts.checkouts()])
    report = anna.checkins.checkin(lp, passphrase=None, today=TODAY)
    assert report.numbers == {} and report.conflicts == 2
    assert [s.number for s in anna.cases.search("", None)] == [c.number] and anna.cases.get(c.id).notes == ""
    assert anna.checkouts.checkouts() == []  # no fresh check-out for a lost laptop


def test_a_decision_on_a_value_that_changed_since_is_refused_and_shows_the_new_one(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna, bo = team("anna.k"), team("bo.l")
    c = _case(anna, "Fiktiv Sen", "020285-1234")
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [c.id], passphrase=None, device="pc1")
    _on(lp, lambda lap: _notes(lap, c.id, "bærbar"))
    _notes(bo, c.id, "kontor")
    anna.checkins.checkin(lp, passphrase=None, today=TODAY)
    [conflict] = anna.conflicts.list()
    _notes(bo, c.id, "kontor igen")
    with pytest.raises(ServiceError, match="kontor igen"):
        anna.conflicts.resolve(conflict.id, keep="laptop", today=TODAY)
    assert anna.cases.get(c.id).notes == "kontor igen"
    [again] = anna.conflicts.list()
    assert decode(again.server) == "kontor igen"
    anna.conflicts.resolve(again.id, keep="laptop", today=TODAY)
    assert anna.cases.get(c.id).notes == "bærbar"


def test_a_trigger_missing_from_the_copy_is_a_conflict_not_a_crash(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    anna = team("anna.k")
    c = _case(anna, "Fiktiv Slettet", "020285-1234")
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [c.id], passphrase=None, device="pc1")
    with sqlite3.connect(lp) as conn:
        conn.execute("DELETE FROM trigger_event")
    report = anna.checkins.checkin(lp, passphrase=None, today=TODAY)
    assert report.conflicts == 1 and anna.cases.get(c.id).triggers
    assert decode(anna.conflicts.list()[0].laptop) == "__slettet__"


def test_a_copy_claimed_for_another_login_is_refused(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    anna, bo = team("anna.k"), team("bo.l")
    c = _case(anna, "Fiktiv Min", "020285-1234")
    lp = tmp_path / "l.sqlite3"
    anna.checkouts.checkout(lp, [c.id], passphrase=None, device="pc1")
    with sqlite3.connect(lp) as conn:
        conn.execute("UPDATE setting SET value = 'bo.l' WHERE key = 'laptop.login'")
    with pytest.raises(ServiceError, match=r"udlånt denne kopi til anna\.k"):
        bo.checkins.checkin(lp, passphrase=None, today=TODAY)
    with sqlite3.connect(lp) as conn:
        conn.execute("UPDATE setting SET value = 'ikke-et-id' WHERE key = 'laptop.batch'")
    with pytest.raises(ServiceError, match="beskadiget"):
        anna.checkins.checkin(lp, passphrase=None, today=TODAY)
