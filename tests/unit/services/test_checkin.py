"""Laptops: check cases out of the real team database into real laptop files, change both sides, check in.
Worked examples of each merge rule (docs/merge-rules.md); the random ones are in tests/reliability."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter_desktop.core.merge import decode
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError

TODAY = date(2026, 11, 23)
PASS = "bærbar-kode-1"


def _case(app: Frister, name: str, cpr: str, **kw):  # type: ignore[no-untyped-def]
    return app.cases.register(NewCase("dagpenge", name, cpr, {"ledigmelding": TODAY}, **kw), TODAY)


def _open_ms(case, rule="dp_samtale"):  # type: ignore[no-untyped-def]
    return next(m for m in case.milestones if m.due is not None and m.done_on is None and
                (rule is None or m.rule_id == rule))  # fmt: skip


def test_one_sided_changes_merge_and_both_sided_ones_become_conflicts(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna, bo = team("anna.k"), team("bo.l")
    case = _case(anna, "Fiktiv Ude", "020285-1234", notes="Første note")
    other = _case(anna, "Fiktiv Anden", "030385-1235")
    laptop = tmp_path / "anna-laptop.sqlite3"
    out = anna.checkouts.checkout(laptop, [case.id, other.id], passphrase=PASS, device="pc-anna")
    assert out.cases == 2 and out.encrypted
    [co] = [c for c in anna.checkouts.checkouts() if c.case_id == case.id]
    assert (co.login, co.device, co.base_version) == ("anna.k", "PC-ANNA", case.version)

    # Offline on the laptop: a milestone done, the note changed, a new case on the spot.
    lap = Frister.open(laptop, passphrase=PASS)
    try:
        assert lap.ctx.actor == "anna.k" and lap.laptop is not None
        lc = lap.cases.get(case.id)
        lc = lap.cases.complete(_open_ms(lc).id, TODAY, TODAY, expected_version=lc.version)
        lap.cases.update_notes(case.id, "Laptop-note", expected_version=lc.version)
        made = _case(lap, "Fiktiv Ny", "040485-1236")
        assert made.number == "L-PC-ANNA-0001"
    finally:
        lap.close()
    # Meanwhile in the office: bo.l changes the same note and pauses the other case.
    sc = bo.cases.get(case.id)
    bo.cases.update_notes(case.id, "Kontor-note", expected_version=sc.version)
    oc = bo.cases.get(other.id)
    bo.cases.pause(other.id, TODAY, "Sygdom", TODAY, expected_version=oc.version)

    report = anna.checkins.checkin(laptop, passphrase=PASS, today=TODAY)
    assert (report.cases, report.applied, report.skipped, report.conflicts) == (3, 2, 0, 1)  # "other": unchanged
    assert list(report.numbers) == ["L-PC-ANNA-0001"] and report.numbers["L-PC-ANNA-0001"].startswith("2026-")
    merged = anna.cases.get(case.id)
    assert _ms_state(merged, "dp_samtale") == ("done", TODAY)  # the laptop's completion (one side only)
    assert merged.notes == "Kontor-note"  # both changed: the server's value stands …
    [conflict] = anna.conflicts.list()
    assert (conflict.record, conflict.field, conflict.case_number) == ("case", "notes", case.number)
    assert (decode(conflict.base), decode(conflict.server), decode(conflict.laptop)) == (
        "Første note", "Kontor-note", "Laptop-note")  # … and the laptop's is kept in the conflict
    assert conflict.server_by == "bo.l"
    assert any(r.conflict for r in anna.deadlines.list(_mine(), TODAY) if r.case_id == case.id)
    assert anna.cases.get(other.id).pauses  # the office's pause stays
    new = anna.cases.by_number(report.numbers["L-PC-ANNA-0001"])
    assert new.party.name == "Fiktiv Ny" and new.caseworker == "anna.k"
    # The laptop's entries are on the server with its name and clock.
    entries = [e for e in anna.audit(case.id) if e.device == "PC-ANNA"]
    assert {e.action for e in entries} >= {"complete", "update"} and all(e.device_at for e in entries)

    # The laptop file is a fresh check-out now: the server's numbers, the office's note.
    lap = Frister.open(laptop, passphrase=PASS)
    try:
        assert lap.cases.get(case.id).notes == "Kontor-note"
        assert lap.cases.by_number(report.numbers["L-PC-ANNA-0001"]).party.name == "Fiktiv Ny"
    finally:
        lap.close()
    again = anna.checkins.checkin(laptop, passphrase=PASS, today=TODAY)
    assert (again.changes, again.conflicts, again.audit_entries) == (0, 0, 0)

    # The caseworker decides: the laptop's note, audited with who chose.
    resolved = anna.conflicts.resolve(conflict.id, keep="laptop", today=TODAY)
    assert resolved.resolved_by == "anna.k" and anna.cases.get(case.id).notes == "Laptop-note"
    assert anna.conflicts.list() == []
    assert any(e.action == "resolve" and e.actor == "anna.k" for e in anna.audit(case.id))
    with pytest.raises(ServiceError, match="allerede afgjort"):
        anna.conflicts.resolve(conflict.id, keep="server", today=TODAY)


def _mine():  # type: ignore[no-untyped-def]
    from jobcenter_desktop.core.models import DeadlineFilter

    return DeadlineFilter(caseworker="anna.k")


def _ms_state(case, rule):  # type: ignore[no-untyped-def]
    m = next(m for m in case.milestones if m.rule_id == rule)
    return m.state.value, m.done_on


def test_release_removes_the_copy_and_ends_the_checkout(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    case = _case(anna, "Fiktiv Retur", "020285-1234")
    laptop = tmp_path / "ud.sqlite3"
    anna.checkouts.checkout(laptop, [case.id], passphrase=None, device="pc1")
    anna.checkins.checkin(laptop, passphrase=None, today=TODAY, release=True)
    assert not laptop.exists() and not list(tmp_path.glob("ud.sqlite3*"))
    assert anna.checkouts.checkouts() == []
    assert [c.end_reason for c in anna.checkouts.checkouts(open_only=False)] == ["released"]


def test_a_lost_laptops_changes_all_become_conflicts(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna, tina = team("anna.k"), team("tina.t")
    case = _case(anna, "Fiktiv Tabt", "020285-1234")
    laptop = tmp_path / "tabt.sqlite3"
    anna.checkouts.checkout(laptop, [case.id], passphrase=None, device="pc1")
    lap = Frister.open(laptop)
    try:
        lap.cases.update_notes(case.id, "Skrevet på den tabte", expected_version=lap.cases.get(case.id).version)
    finally:
        lap.close()
    with pytest.raises(ServiceError, match="teamledere"):
        team("bo.l").checkouts.end_lost([c.id for c in anna.checkouts.checkouts()])  # a colleague may not
    assert tina.checkouts.end_lost([c.id for c in tina.checkouts.checkouts()]) == 1
    report = anna.checkins.checkin(laptop, passphrase=None, today=TODAY, release=True)
    assert report.conflicts == 1 and anna.cases.get(case.id).notes == ""
    assert decode(anna.conflicts.list()[0].laptop) == "Skrevet på den tabte"


def test_checkout_refuses_what_it_cannot_do(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    case = _case(anna, "Fiktiv Fejl", "020285-1234")
    existing = tmp_path / "findes.sqlite3"
    existing.write_bytes(b"")
    with pytest.raises(ServiceError, match="findes allerede"):
        anna.checkouts.checkout(existing, [case.id], passphrase=PASS)
    with pytest.raises(ServiceError, match="mindst"):
        anna.checkouts.checkout(tmp_path / "kort.sqlite3", [case.id], passphrase="x")
    laptop = tmp_path / "anna.sqlite3"
    anna.checkouts.checkout(laptop, [case.id], passphrase=None)
    with pytest.raises(ServiceError, match=r"udlånt denne kopi til anna\.k, ikke til bo\.l"):
        team("bo.l").checkins.checkin(laptop, passphrase=None, today=TODAY)
    assert not list(tmp_path.glob(".*.ny"))


def test_an_encrypted_copy_shows_no_name_or_cpr_without_the_passphrase(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Like `strings` on the file, its WAL and its backups: neither the CPR (with or without dash) nor the name."""
    from jobcenter_desktop.storage.backup import default_folder

    anna = team("anna.k")
    case = _case(anna, "Fiktiv Hemmelighed", "020285-1234", notes="Må ikke kunne læses")
    laptop = tmp_path / "hemmelig.sqlite3"
    anna.checkouts.checkout(laptop, [case.id], passphrase=PASS, device="pc1")
    lap = Frister.open(laptop, passphrase=PASS)  # opening makes the day's backup, encrypted like the file
    try:
        version = lap.cases.get(case.id).version
        lap.cases.update_notes(case.id, "Ny note om Fiktiv Hemmelighed", expected_version=version)
    finally:
        lap.close()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert laptop in files and any(default_folder(laptop) in p.parents for p in files)
    for p in files:
        data = p.read_bytes()
        for secret in (b"020285-1234", b"0202851234", b"Fiktiv Hemmelighed", b"Hemmelighed", b"SQLite format"):
            assert secret not in data, (p.name, secret)
    with pytest.raises(ServiceError):
        Frister.open(laptop, passphrase="forkert-kode-1")


def test_a_pause_with_an_expected_end_made_offline_arrives_whole(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    case = _case(anna, "Fiktiv Pause", "020285-1234")
    laptop = tmp_path / "pause.sqlite3"
    anna.checkouts.checkout(laptop, [case.id], passphrase=PASS, device="pc-anna")
    lap = Frister.open(laptop, passphrase=PASS)
    try:
        lc = lap.cases.get(case.id)
        lap.cases.pause(case.id, TODAY, "Indlagt", TODAY, expected_version=lc.version,
                        expected_end=TODAY.replace(day=28))
    finally:
        lap.close()
    anna.checkins.checkin(laptop, passphrase=PASS, today=TODAY)
    [pause] = anna.cases.get(case.id).pauses
    assert (pause.reason, pause.start, pause.expected_end) == ("Indlagt", TODAY, TODAY.replace(day=28))
