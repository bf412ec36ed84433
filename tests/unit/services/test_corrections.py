"""Corrections through the services layer, on both databases: a party's name and CPR number and a wrongly entered
event date, each with a required reason; the history shows before → after and why, and the deadlines counted
from a corrected date move (audited)."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError

TODAY = date(2026, 12, 8)


@pytest.fixture
def case(app: Frister):  # type: ignore[no-untyped-def]
    return app.cases.register(NewCase("dagpenge", "Fie Flekse", "110690-4321", {"ledigmelding": date(2026, 11, 23)}),
                              TODAY)  # fmt: skip


def _entries(app: Frister, case_id, action: str = "correct"):  # type: ignore[no-untyped-def]
    return [(e.field, e.before, e.after, e.reason) for e in app.audit(case_id) if e.action == action]


def test_name_and_cpr_are_corrected_with_the_reason_in_the_history(app: Frister, case) -> None:  # type: ignore[no-untyped-def]
    after = app.corrections.party(case.id, name="Fie Fleksen", party_id="1106904322", reason="Stavefejl ved oprettelse")
    assert (after.party.name, after.party.identifier) == ("Fie Fleksen", "110690-4322")
    assert _entries(app, case.id) == [("party_name", "Fie Flekse", "Fie Fleksen", "Stavefejl ved oprettelse"),
                                      ("party_id", "110690-4321", "110690-4322", "Stavefejl ved oprettelse")]
    assert [c.number for c in app.cases.search("110690-4322", None)] == [case.number]  # found by the new number
    assert app.cases.search("110690-4321", None) == []
    assert app.insight.views("110690-4322", TODAY)[0].case.id == case.id


@pytest.mark.parametrize(("kw", "exc", "message"), [
    ({"name": "Ny", "reason": "  "}, ValidationError, "Begrundelsen"),
    ({"party_id": "310290-1235", "reason": "Tastefejl"}, ValidationError, "fødselsdato"),
    ({"party_id": "12", "reason": "Tastefejl"}, ValidationError, "CPR-nummeret"),
    ({"name": "Fie Flekse", "reason": "Tastefejl"}, ServiceError, "Intet er ændret"),
    ({"reason": "Tastefejl"}, ValidationError, "Angiv"),
])  # fmt: skip
def test_bad_corrections_are_refused_in_danish_and_change_nothing(app: Frister, case, kw, exc, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(exc, match=message):
        app.corrections.party(case.id, **kw)
    assert app.cases.get(case.id).party == case.party and _entries(app, case.id) == []


def test_a_number_that_is_someone_elses_is_refused_naming_the_case(app: Frister, case) -> None:  # type: ignore[no-untyped-def]
    other = app.cases.register(NewCase("kontanthjaelp", "Olga Anden", "120690-4321",
                                       {"foerste_fremmoede": date(2026, 11, 23)}), TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match=f"bruges allerede i sag {other.number}"):
        app.corrections.party(case.id, party_id="120690-4321", reason="Forkert person")
    assert app.cases.get(case.id).party.identifier == "110690-4321"


def test_a_corrected_event_date_moves_its_deadlines_audited(app: Frister, case) -> None:  # type: ignore[no-untyped-def]
    telefon = next(m for m in case.milestones if m.rule_id == "dp_telefon")
    assert telefon.due == date(2026, 11, 30)  # ledigmelding Mon 23 Nov + 5 working days
    after = app.corrections.trigger(case.id, "ledigmelding", date(2026, 11, 24), "Forkert dato tastet", TODAY)
    moved = next(m for m in after.milestones if m.rule_id == "dp_telefon")
    assert moved.due == date(2026, 12, 1)
    assert _entries(app, case.id) == [("ledigmelding", "2026-11-23", "2026-11-24", "Forkert dato tastet")]
    dues = [e for e in app.audit(case.id) if e.action == "due" and "rettet" in e.reason]
    assert {e.entity_id.split("/")[1] for e in dues} == {"dp_telefon", "dp_samtale"}
    with pytest.raises(ValidationError, match="ikke registreret"):
        app.corrections.trigger(case.id, "selvvalgt_uddannelse", date(2026, 11, 24), "Tastefejl", TODAY)
    with pytest.raises(ServiceError, match="Intet er ændret"):
        app.corrections.trigger(case.id, "ledigmelding", date(2026, 11, 24), "Tastefejl", TODAY)


def test_a_corrected_date_judges_a_finished_milestone_again(app: Frister, case) -> None:  # type: ignore[no-untyped-def]
    telefon = next(m for m in case.milestones if m.rule_id == "dp_telefon")
    app.cases.complete(telefon.id, date(2026, 11, 30), TODAY)  # on its day: on time
    after = app.corrections.trigger(case.id, "ledigmelding", date(2026, 11, 20), "Forkert dato tastet", TODAY)
    judged = next(m for m in after.milestones if m.rule_id == "dp_telefon")
    assert (judged.due, judged.done_on, judged.done_late) == (date(2026, 11, 27), date(2026, 11, 30), True)
    app.cases.close(case.id, TODAY)
    with pytest.raises(ServiceError, match="lukket"):
        app.corrections.trigger(case.id, "ledigmelding", date(2026, 11, 19), "Igen", TODAY)


def test_the_same_persons_other_case_is_no_clash(app: Frister, case) -> None:  # type: ignore[no-untyped-def]
    app.cases.register(NewCase("kontanthjaelp", "Fie Flekse", "110690-4322", {"foerste_fremmoede": date(2026, 11, 23)}),
                       TODAY)  # fmt: skip
    after = app.corrections.party(case.id, party_id="110690-4322", reason="Tastefejl i CPR")
    assert after.party.identifier == "110690-4322"
