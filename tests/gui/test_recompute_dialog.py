"""The recompute preview in the real dialog: a new closure day shows which deadlines move and by how much;
"Ikke nu" moves nothing, "Flyt frister" moves exactly those (with the reason in the history)."""

from __future__ import annotations

from datetime import date

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.ui.recompute_dialog import RecomputeDialog, preview_and_apply

MON = date(2026, 3, 2)


def _dues(frister) -> dict[str, date]:  # type: ignore[no-untyped-def]
    return {f"{r.case_number}/{r.rule_id}": r.due for r in frister.deadlines.list(DeadlineFilter(), MON)}


def test_preview_then_not_now_then_apply(qtbot, frister, answer_modal) -> None:
    frister.cases.register(NewCase("kontanthjaelp", "Testperson", "010190-1235", {"foerste_fremmoede": MON}), MON)
    before = _dues(frister)
    frister.settings.add_closure(date(2026, 3, 3), "Lukket for kursus")

    def look_then_decline(dlg) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dlg, RecomputeDialog)
        rows = {dlg.table.item(r, 1).text(): (dlg.table.item(r, 2).text(), dlg.table.item(r, 3).text(),
                                              dlg.table.item(r, 4).text()) for r in range(dlg.table.rowCount())}
        assert rows["Visitationssamtale med jobkonsulent"] == ("04-03-2026", "05-03-2026", "+1")
        assert "flytter: 2 senere, 0 tidligere" in dlg.summary.text()
        dlg.reject()

    answer_modal.schedule(look_then_decline)
    assert preview_and_apply(frister, "Ny lukkedag", None) is None
    answer_modal.check()
    assert _dues(frister) == before  # "Ikke nu": nothing moved

    answer_modal.schedule(lambda dlg: dlg.apply_button.click())
    moves = preview_and_apply(frister, "Ny lukkedag", None)
    answer_modal.check()
    assert moves is not None and len(moves) == 2
    after = _dues(frister)
    assert {k for k in after if after[k] != before[k]} == {f"{m.case_number}/{m.rule_id}" for m in moves}
    assert any(e.action == "recompute" and e.reason == "Ny lukkedag" for e in frister.audit())
