"""Cases in and out of their rows (storage.case_store) on both databases: a loaded StoredCase saved unchanged
keeps its version, a change to one child row writes that row and bumps the case's version, a stale save is
refused, and new child rows keep their ids."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter_desktop.core.stored import StoredPause
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.storage.repository import Repository, StaleCase

TODAY = date(2026, 11, 23)


def test_save_writes_only_what_changed_and_checks_the_version(backend) -> None:  # type: ignore[no-untyped-def]
    app = backend.open("anna.k", "Team Vest")
    try:
        made = app.cases.register(NewCase("dagpenge", "Fiktiv Lager", "020285-1234", {"ledigmelding": TODAY}), TODAY)
        with app.ctx.write() as s:
            repo = Repository(s)
            case = repo.load_case(made.id)
            assert case.version == made.version and case.party == made.party and len(case.milestones) == 3
            assert repo.save_case(case).version == made.version  # nothing changed: no new version
        with app.ctx.write() as s:
            repo = Repository(s)
            case = repo.load_case(made.id)
            pause = StoredPause(TODAY, reason="Sygdom")
            case.pauses.append(pause)
            case.notes = "Ny note"
            saved = repo.save_case(case)
        assert saved.version == made.version + 1 and saved.notes == "Ny note"
        assert [p.id for p in saved.pauses] == [pause.id]
        stale = None
        with app.ctx.read() as s:
            stale = Repository(s).load_case(made.id)
        app.cases.update_notes(made.id, "En kollegas note", expected_version=saved.version)
        stale.notes = "Min note"
        with pytest.raises(StaleCase), app.ctx.write() as s:
            Repository(s).save_case(stale)
        assert app.cases.get(made.id).notes == "En kollegas note"
    finally:
        app.close()
