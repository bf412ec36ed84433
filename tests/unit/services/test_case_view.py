"""CaseService.view on both databases: one read with the case, today's states, the history and the notes as a
dated log (newest first, each with its author), the first note from when the case was made."""

from __future__ import annotations

from datetime import date

import pytest

from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ValidationError

MON = date(2026, 3, 2)


def test_view_holds_states_history_and_the_notes_log(app: Frister, backend) -> None:  # type: ignore[no-untyped-def]
    case = app.cases.register(NewCase("kontanthjaelp", "Testperson", "010190-1235", {"foerste_fremmoede": MON},
                                      notes="Første kontakt"), MON)  # fmt: skip
    app.cases.add_note(case.id, "Ringede, ingen svar")
    colleague = backend.open("bo.l", "Team Vest")
    colleague.cases.add_note(case.id, "Borgeren ringede tilbage")
    view = app.cases.view(case.id, date(2026, 3, 5))
    assert view.case.notes == "Borgeren ringede tilbage"  # the newest: what the worklist shows
    assert [(n.author, n.text) for n in view.notes] == [
        ("bo.l", "Borgeren ringede tilbage"), ("anna.k", "Ringede, ingen svar"), ("anna.k", "Første kontakt")]
    assert view.notes[0].at >= view.notes[-1].at
    states = {m.rule_id: view.states[m.id] for m in view.case.milestones if m.id in view.states}
    assert states["kh_visitation"] is Urgency.OVERDUE  # due 4 Mar, seen on 5 Mar
    assert view.history[0].actor == "bo.l" and view.history[-1].action == "Oprettet"
    with pytest.raises(ValidationError, match="Skriv en bemærkning"):
        app.cases.add_note(case.id, "   ")
