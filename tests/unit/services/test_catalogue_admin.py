"""Catalogue administration on both databases: adding a catalogue valid from a later day, the move of open
cases (preview, then one audited apply that refuses a case changed in between), and on the team database the
server itself refusing a caseworker's add or move (settings are the administrators')."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support.catalogues import catalogue_variant

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError

TODAY = date(2026, 11, 30)


def newer(tmp_path: Path) -> Path:
    return catalogue_variant(tmp_path, "kommune-2027", "2027-01-01")


def test_move_previews_then_applies_and_refuses_a_changed_case(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = backend.open("anna.k").cases.register(NewCase("dagpenge", "Fiktiv Lund", "020285-1234",
                                                         {"ledigmelding": TODAY}), TODAY)  # fmt: skip
    app: Frister = backend.open("adam.a")  # an administrator: on the team database only they may
    app.catalogues.add(newer(tmp_path))
    plan = app.catalogues.move_preview("kommune-2027", TODAY)
    assert [c.number for c in plan.cases] == [case.number]
    app.cases.add_note(case.id, "Ændret efter forhåndsvisningen")
    with pytest.raises(ServiceError, match="ændret siden forhåndsvisningen"):
        app.catalogues.move_apply(plan, "Ny hovedlov", TODAY)
    assert app.cases.get(case.id).catalogue_id == "albertslund-2016"  # nothing moved
    plan = app.catalogues.move_preview("kommune-2027", TODAY)
    assert app.catalogues.move_apply(plan, "Ny hovedlov", TODAY) == 1
    assert app.cases.get(case.id).catalogue_id == "kommune-2027"
    assert app.catalogues.move_preview("kommune-2027", TODAY).cases == ()  # nothing left to move


def test_on_the_server_only_an_administrator_adds_or_moves(team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    anna = team("anna.k")
    anna.cases.register(NewCase("dagpenge", "Fiktiv Lund", "020285-1234", {"ledigmelding": TODAY}), TODAY)
    with pytest.raises(ServiceError, match="Kun en administrator"):
        anna.catalogues.add(newer(tmp_path))
    team("adam.a").catalogues.add(newer(tmp_path))
    anna_again = team("anna.k")  # a new session reads the added catalogue from the database
    assert [c.id for c in anna_again.ctx.catalogues] == ["albertslund-2016", "kommune-2027"]
    plan = anna_again.catalogues.move_preview("kommune-2027", TODAY)
    assert len(plan.cases) == 1
    with pytest.raises(ServiceError, match="Kun en administrator"):
        anna_again.catalogues.move_apply(plan, "Ny hovedlov", TODAY)
    assert anna_again.cases.by_number(plan.cases[0].number).catalogue_id == "albertslund-2016"
