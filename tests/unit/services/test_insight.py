"""The citizen's access report (indsigt) through the services layer, on both databases: a person with two cases
gets both and nothing of anyone else; the report is in each case's history; bad input is a Danish message."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError, ValidationError

TODAY = date(2026, 12, 8)
FIE, OTHER = "110690-4321", "120690-4321"


@pytest.fixture
def cases(app: Frister) -> Frister:
    fj = app.cases.register(NewCase("fleksjob", "Fie Fleksen", FIE, {"sag_paabegyndt": date(2026, 6, 11)},
                                    notes="Ringet op, ingen svar."), TODAY)  # fmt: skip
    app.cases.register(NewCase("dagpenge", "Fie Fleksen", FIE, {"ledigmelding": date(2026, 11, 23)}), TODAY)
    app.cases.register(NewCase("dagpenge", "Olga Anden", OTHER, {"ledigmelding": date(2026, 11, 23)},
                               notes="Olgas egen bemærkning"), TODAY)  # fmt: skip
    app.cases.pause(fj.id, date(2026, 12, 1), "Sygdom", TODAY)
    app.cases.reveal_party_id(fj.id, "Fuldt CPR-nummer vist i sagsvinduet")
    return app


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}


def test_a_person_with_two_cases_gets_both_and_nobody_elses(cases: Frister, tmp_path: Path) -> None:
    out = tmp_path / "indsigt.xlsx"
    assert cases.insight.report("1106904321", out, TODAY) == 2
    sheets = _sheets(out)
    assert list(sheets) == ["Om rapporten", "Sager", "Frister", "Hændelser", "Pauser", "Bemærkninger", "Historik"]
    assert [r[0] for r in sheets["Sager"][1:]] == ["2026-00001", "2026-00002"]
    about = {r[0]: r[1] for r in sheets["Om rapporten"][2:]}
    assert (about["Navn"], about["CPR-nr."], about["Antal sager"]) == ("Fie Fleksen", FIE, "2")
    assert ("2026-00001", "Afgørelse om fleksjobberettigelse") in {r[:2] for r in sheets["Frister"][1:]}
    assert [r[1] for r in sheets["Hændelser"][1:]] == ["Sag påbegyndt", "Ledigmelding"]
    assert [(r[1], r[5]) for r in sheets["Pauser"][1:]] == [("Hele sagen", "Sygdom")]
    assert [r[3] for r in sheets["Bemærkninger"][1:]] == ["Ringet op, ingen svar."]
    actions = {(r[0], r[3]) for r in sheets["Historik"][1:]}
    assert ("2026-00001", "CPR vist") in actions  # who saw the full number, and when
    # no other person's data anywhere in the file (the raw XML, not only the cells read back)
    with zipfile.ZipFile(out) as z:
        raw = b"".join(z.read(n) for n in z.namelist())
    assert b"Olga" not in raw and b"120690" not in raw and b"2026-00003" not in raw
    # the report is itself in the history of both cases
    for number in ("2026-00001", "2026-00002"):
        case = cases.cases.by_number(number)
        assert [e.action for e in cases.audit(case.id)].count("insight") == 1
    other = cases.cases.by_number("2026-00003")
    assert "insight" not in [e.action for e in cases.audit(other.id)]


@pytest.mark.parametrize(("ident", "name", "exc", "message"), [
    ("12", "r.xlsx", ValidationError, "CPR-nummer"),
    ("310290-1235", "r.xlsx", ValidationError, "fødselsdato"),
    ("030390-1235", "r.xlsx", ServiceError, "ingen sager"),
    (FIE, "r.txt", ValidationError, ".xlsx"),
])  # fmt: skip
def test_bad_input_is_a_danish_message_and_writes_nothing(cases: Frister, tmp_path: Path, ident: str, name: str,
                                                          exc: type, message: str) -> None:  # fmt: skip
    folder = tmp_path / "ud"
    folder.mkdir()
    with pytest.raises(exc, match=message):
        cases.insight.report(ident, folder / name, TODAY)
    assert list(folder.iterdir()) == []
    assert all("insight" not in [e.action for e in cases.audit(c.id)] for c in cases.cases.search("", None))
