"""Importing case lists through the services layer: template -> filled in with openpyxl -> preview -> commit,
on a real SQLite file.

"Today" is Monday 2 Mar 2026. Due dates counted by hand (as in test_cases.py):
* Kontanthjælp, første fremmøde Mon 2 Mar: kh_visitation +2 hverdage = Wed 4 Mar, kh_ydelse +5 = Mon 9 Mar;
  ansøgning § 34 Mon 11 May: +10 hverdage skipping Kristi himmelfartsdag (Thu 14 May) and Anden pinsedag
  (Mon 25 May) = Wed 27 May.
* Løntilskud, henvendelse Mon 2 Mar 10:00: lt_kontakt +24 timer = Tue 3 Mar 10:00, lt_henvisning +3 hverdage =
  Thu 5 Mar, lt_samtale +1 uge = Mon 9 Mar, lt_blanket 2 uger efter lt_samtale = Mon 23 Mar (provisional).
* Dagpenge, ledigmelding Mon 2 Mar: dp_telefon +5 hverdage = Mon 9 Mar, dp_samtale +4 uger = Mon 30 Mar.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import Cancelled, ServiceError

TODAY = date(2026, 3, 2)
D = date
FULL_CPR = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")
SPS34 = "Ansøgning om særlig støtte (§ 34)"  # an extra trigger column, by the trigger's Danish name


def fill_template(app: Frister, path: Path, rows: list[list[object]], extra_headers: tuple[str, ...] = ()) -> Path:
    """The app's own template, with the example row deleted and ``rows`` filled in (as a user would)."""
    app.importer.write_template(path)
    wb = load_workbook(path)
    ws = wb["Sager"]
    assert ws["B2"].value.endswith("(slet denne række)")
    ws.delete_rows(2)
    for i, header in enumerate(extra_headers, start=9):
        ws.cell(1, i, header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def dues(case) -> dict[str, object]:
    return {m.rule_id: (m.due_at or m.due) for m in case.milestones}


def all_cases(app: Frister) -> list:
    return app.cases.search("", None)


GOOD_ROWS: list[list[object]] = [
    ["Kontanthjælp (over 30 år)", "Søren Østergaard", "010190-1235", D(2026, 3, 2), None, "", "", "Tolk: arabisk",
     "11-05-2026"],
    ["Løntilskud", "Bageri Ærø ApS", "12345678", "02-03-2026", "10:00", "bo.l", "Team Øst", None],
    ["dagpenge", "Åse Lund", "0202851234 ", "2026-03-02", None, None, None, None],
]  # fmt: skip


# ---------------------------------------------------------------- the round trip
def test_template_round_trip(app: Frister, tmp_path: Path) -> None:
    path = fill_template(app, tmp_path / "sager.xlsx", GOOD_ROWS, (SPS34,))
    preview = app.importer.preview(path, TODAY)
    assert [(r.line, r.ok, r.problems) for r in preview.rows] == [(2, True, ()), (3, True, ()), (4, True, ())]
    assert [r.summary for r in preview.rows] == ["Kontanthjælp (over 30 år) · Søren Østergaard · 010190-XXXX",
                                                 "Løntilskud · Bageri Ærø ApS · 12345678",
                                                 "Dagpenge · Åse Lund · 020285-XXXX"]  # fmt: skip
    assert all_cases(app) == [] and app.audit() == []  # a preview writes nothing

    numbers = app.importer.commit(preview, TODAY)
    assert numbers == ["2026-00001", "2026-00002", "2026-00003"]

    kh = app.cases.by_number("2026-00001")
    assert (kh.group, kh.party.name, kh.party.identifier, kh.caseworker, kh.team, kh.notes, kh.status) == (
        "kontanthjaelp", "Søren Østergaard", "010190-1235", "anna.k", "Team Vest", "Tolk: arabisk", CaseStatus.OPEN)
    assert dues(kh) == {"kh_visitation": D(2026, 3, 4), "kh_ydelse": D(2026, 3, 9), "kh_sps34": D(2026, 5, 27)}
    assert {t.kind: t.occurred for t in kh.triggers} == {"foerste_fremmoede": D(2026, 3, 2),
                                                         "ansoegning_sps34": D(2026, 5, 11)}  # fmt: skip

    lt = app.cases.by_number("2026-00002")
    assert (lt.group, lt.party.identifier, lt.caseworker, lt.team) == ("loentilskud", "12345678", "bo.l", "Team Øst")
    assert dues(lt) == {"lt_kontakt": datetime(2026, 3, 3, 10, 0), "lt_henvisning": D(2026, 3, 5),
                        "lt_samtale": D(2026, 3, 9), "lt_blanket": D(2026, 3, 23)}  # fmt: skip
    assert [m.rule_id for m in lt.milestones if m.provisional] == ["lt_blanket"]

    dp = app.cases.by_number("2026-00003")
    assert (dp.group, dp.party.identifier) == ("dagpenge", "020285-1234")
    assert dues(dp) == {"dp_telefon": D(2026, 3, 9), "dp_samtale": D(2026, 3, 30), "dp_selvvalgt": None}

    created = [e for e in app.audit() if e.action == "create" and e.entity == "case"]
    assert [(e.entity_id, e.actor, e.reason) for e in created] == [
        (n, "anna.k", "Importeret fra sager.xlsx") for n in numbers]  # fmt: skip
    (summary,) = [e for e in app.audit() if e.action == "import"]
    assert (summary.entity, summary.after, summary.reason) == ("system", "3 sager", "Importeret fra sager.xlsx")
    assert all("sager.xlsx" in e.reason for e in app.audit(kh.id) if e.action in ("create", "due"))


def test_import_shows_up_in_the_worklist(app: Frister, tmp_path: Path) -> None:
    path = fill_template(app, tmp_path / "sager.xlsx", GOOD_ROWS[:1])
    app.importer.commit(app.importer.preview(path, TODAY), TODAY)
    from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope

    rows = app.worklists.rows(ExportRequest(Scope(caseworker="anna.k"), Period.iso_week(2026, 10)), TODAY)
    assert [(r.rule_id, r.due) for r in rows] == [("kh_visitation", D(2026, 3, 4))]


# ---------------------------------------------------------------- problems per row, in Danish
def test_preview_problems(app: Frister, tmp_path: Path) -> None:
    existing = app.cases.register(NewCase("dagpenge", "Peter Holm", "290260-1234", {"ledigmelding": TODAY}), TODAY)
    assert existing.number == "2026-00001"
    rows: list[list[object]] = [
        ["Pension", "Mette Hansen", "150670-1234", "2026-03-02"],                       # 2
        ["Dagpenge", "Mette Hansen", "320190-1235", "2026-03-02"],                      # 3
        ["Kontanthjælp", "Mette Hansen", "150670-1234", None],                          # 4
        ["Jobåbninger", "Maskinfabrik ApS", "87654321", "2026-03-02", None],            # 5
        ["Dagpenge", "Peter Holm", "290260-1234", "2026-03-02"],                        # 6
        ["Fleksjob", "Ida Friis", "010100-4321", "2026-03-02"],                         # 7 (ok)
        ["fleksjob", "Ida Friis", "0101004321", "03-03-2026"],                          # 8
        ["Dagpenge", "", "020285-1234", "2026-03-02"],                                  # 9
        ["Dagpenge", "Åse Lund", "", "2026-03-02"],                                     # 10
        ["Revalidering", "Mette Hansen", "150670-1234", "30-02-2026"],                  # 11
        ["Fleksjob", "Mette Hansen", "150670-1234", "2100-12-30"],                      # 12
        ["", "Mette Hansen", "150670-1234", "2026-03-02"],                              # 13
        ["Jobrotation", "Mette Hansen", "150670-1234", "2026-03-02"],                   # 14
        ["Dagpenge", "Mette Hansen", "150670-1234", "2026-03-02", "9:00"],              # 15 (ok; time ignored)
        ["Løntilskud", "Bageri Ærø ApS", "12345678", "2026-03-02", "24:00"],            # 16
    ]  # fmt: skip
    path = fill_template(app, tmp_path / "sager.xlsx", rows)
    preview = app.importer.preview(path, TODAY)
    got = {r.line: list(r.problems) for r in preview.rows}
    assert got == {
        2: ["Ukendt målgruppe: 'Pension'."],
        3: ["CPR-nummeret indeholder ikke en gyldig fødselsdato."],
        4: ["Startdato (Første fremmøde) mangler."],
        5: ["Angiv også klokkeslæt: fristen regnes i timer."],
        6: ["Der er allerede en åben sag i målgruppen for denne part (sag 2026-00001)."],
        7: [],
        8: ["Samme part og målgruppe står også i række 7."],
        9: ["Navn mangler."],
        10: ["CPR-nummeret skal have formen DDMMÅÅ-NNNN (10 cifre)."],
        11: ["Startdato/klokkeslæt: '30-02-2026' er ikke en gyldig dato."],
        12: ["Fristen falder uden for kalenderens område (1950–2100)."],
        13: ["Målgruppe mangler."],
        # Every problem of the row: the group closed to new cases (lov nr. 1750) and the CVR number.
        14: ["Jobrotation er lukket for nye sager fra 01-02-2026; åbne sager kører videre.",
             "CVR-nummeret skal være præcis 8 cifre."],
        15: [],
        16: ["Startdato/klokkeslæt: '24:00' er ikke et klokkeslæt (TT:MM)."],
    }
    assert [r.line for r in preview.accepted] == [7, 15]
    assert all(r.new_case is None for r in preview.rejected)
    # Neither summaries nor problems ever show a full CPR number, not even an invalid one.
    shown = " ".join(r.summary + " ".join(r.problems) for r in preview.rows)
    assert not FULL_CPR.search(shown)
    assert preview.rows[1].summary == "Dagpenge · Mette Hansen · 320190-XXXX"
    assert preview.rows[8].summary == "Dagpenge · Åse Lund"

    numbers = app.importer.commit(preview, TODAY)  # only the good rows
    assert numbers == ["2026-00002", "2026-00003"]
    assert sorted((c.number, c.group, c.party.identifier) for c in all_cases(app)) == [
        ("2026-00001", "dagpenge", "290260-1234"), ("2026-00002", "fleksjob", "010100-4321"),
        ("2026-00003", "dagpenge", "150670-1234")]  # fmt: skip
    # fj_afgoerelse: Mon 2 Mar + 6 måneder = Wed 2 Sep 2026.
    assert dues(app.cases.by_number("2026-00002")) == {"fj_afgoerelse": D(2026, 9, 2)}
    # Row 15's clock time is kept on the event but a day-counted deadline ignores it.
    assert dues(app.cases.by_number("2026-00003")) == {"dp_telefon": D(2026, 3, 9), "dp_samtale": D(2026, 3, 30),
                                                       "dp_selvvalgt": None}  # fmt: skip


def test_a_date_at_the_end_of_the_calendar_is_refused_everywhere(app: Frister) -> None:
    # Before the fix, check() passed and register() crashed with CalendarRangeError (not a ServiceError).
    new = NewCase("kontanthjaelp", "Søren Østergaard", "010190-1235", {"foerste_fremmoede": D(2100, 12, 30)})
    result = app.cases.check(new, TODAY)
    assert [p.message for p in result.problems] == ["Fristen falder uden for kalenderens område (1950–2100)."]
    with pytest.raises(ServiceError):
        app.cases.register(new, TODAY)
    assert all_cases(app) == []


# ---------------------------------------------------------------- all or nothing
def test_commit_is_all_or_nothing(app: Frister, backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = fill_template(app, tmp_path / "sager.xlsx", GOOD_ROWS)
    preview = app.importer.preview(path, TODAY)
    assert len(preview.accepted) == 3
    # After the preview, a colleague (another app on the same database file) opens a case for row 4's party.
    colleague = backend.open("bo.l", "Team Vest")
    try:
        theirs = colleague.cases.register(NewCase("dagpenge", "Åse Lund", "020285-1234", {"ledigmelding": TODAY}),
                                          TODAY)  # fmt: skip
    finally:
        colleague.close()
    assert theirs.number == "2026-00001"

    with pytest.raises(ServiceError) as info:
        app.importer.commit(preview, TODAY)
    assert str(info.value) == ("Række 4: der er nu en åben sag for samme part (2026-00001). "
                               "Intet er importeret; læs filen igen.")  # fmt: skip
    # Rows 2 and 3 were stored inside the same transaction before row 4 failed: all rolled back.
    assert [(c.number, c.caseworker) for c in all_cases(app)] == [("2026-00001", "bo.l")]
    assert not [e for e in app.audit() if "sager.xlsx" in e.reason]
    # The case-number counter was rolled back too: the next case is 2026-00002.
    again = app.importer.preview(path, TODAY)
    assert [r.line for r in again.accepted] == [2, 3]
    assert app.importer.commit(again, TODAY) == ["2026-00002", "2026-00003"]


def test_cancelled_commit_stores_nothing(app: Frister, tmp_path: Path) -> None:
    preview = app.importer.preview(fill_template(app, tmp_path / "sager.xlsx", GOOD_ROWS), TODAY)
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    with pytest.raises(Cancelled):
        app.importer.commit(preview, TODAY, cancel)
    assert calls == [(0, 3)]
    assert all_cases(app) == [] and app.audit() == []


def test_nothing_to_commit(app: Frister, tmp_path: Path) -> None:
    path = fill_template(app, tmp_path / "sager.xlsx", [["Pension", "Mette Hansen", "150670-1234", "2026-03-02"]])
    preview = app.importer.preview(path, TODAY)
    with pytest.raises(ServiceError, match=re.escape("Der er ingen gyldige rækker at importere.")):
        app.importer.commit(preview, TODAY)


# ---------------------------------------------------------------- whole-file problems
def test_unreadable_file_is_a_danish_service_error(app: Frister, tmp_path: Path) -> None:
    text = tmp_path / "sager.xlsx"
    text.write_text("Målgruppe;Navn;CPR\n", encoding="utf-8")
    with pytest.raises(ServiceError, match=r"Filen er ikke en Excel-fil \(\.xlsx\)"):
        app.importer.preview(text, TODAY)
    with pytest.raises(ServiceError, match="Filen findes ikke"):
        app.importer.preview(tmp_path / "mangler.xlsx", TODAY)


def test_template_in_a_missing_folder(app: Frister, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="Mappen findes ikke"):
        app.importer.write_template(tmp_path / "mangler" / "skabelon.xlsx")


# ---------------------------------------------------------------- fuzzing the cells
HEADERS = ["Målgruppe", "Navn", "CPR/CVR", "Startdato", "Klokkeslæt", "Sagsbehandler", "Team", "Bemærkning", SPS34]
GROUPS = ["Dagpenge", "Kontanthjælp", "Løntilskud", "Jobåbninger", "Fleksjob", "jobrotation", "Pension",
          "Kontanthjælp (over 30 år)"]  # fmt: skip
IDS = ["010190-1235", "0101901235", "020285-1234", "12345678", "87654321", "320190-1235", "1234567", ""]
TRICKY = ["=1+1", "=HYPERLINK(\"http://x\")", "+45", "-", "@SUM(A1)", "\u202eRTL", "مرحبا بالعالم", "שלום",
          "👩‍👩‍👧‍👦🙂", "\u200f\u200e", "Ærø Øst Åse", "\t\n\r", "\x85\x9f\x7f", "ǅ", "x" * 2500, " " * 50]  # fmt: skip
# Any text openpyxl can store (it refuses C0 control characters other than tab, newline and return);
# surrogates and U+FFFE/U+FFFF cannot be stored in XML at all.
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"), max_size=60).map(
    lambda t: ILLEGAL_CHARACTERS_RE.sub("", t))  # fmt: skip
dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))
cell = st.one_of(
    st.none(), texts, st.sampled_from(TRICKY), dates, st.datetimes(min_value=datetime(1900, 1, 1),
                                                                  max_value=datetime(2200, 12, 31)),
    dates.map(lambda d: d.strftime("%d-%m-%Y")), dates.map(lambda d: d.strftime("%d.%m.%Y")),
    dates.map(date.isoformat), st.times(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.text(string.digits + ":.-", max_size=8),
)  # fmt: skip
row = st.tuples(
    st.one_of(st.sampled_from(GROUPS), cell), st.one_of(st.sampled_from(["Åse Lund", "Bageri Ærø ApS"]), cell),
    st.one_of(st.sampled_from(IDS), cell), st.one_of(dates.map(date.isoformat), cell),
    st.one_of(st.sampled_from(["10:00", "7.30", None]), cell), cell, cell, cell, cell,
).map(list)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, min_size=0, max_size=6), shuffle=st.randoms(use_true_random=False))
def test_fuzzed_cells_never_crash_and_commit_stores_exactly_the_ok_rows(
        app: Frister, tmp_path: Path, rows: list[list[object]], shuffle) -> None:  # fmt: skip
    order = list(range(len(HEADERS)))
    shuffle.shuffle(order)
    wb = Workbook()
    ws = wb.active
    ws.append([HEADERS[i] for i in order])
    for values in rows:
        ws.append([values[i] for i in order])
    path = tmp_path / "fuzz.xlsx"
    wb.save(path)
    before = len(all_cases(app))
    try:
        preview = app.importer.preview(path, TODAY)
    except ServiceError as e:
        assert str(e)  # a Danish message for the whole file (e.g. no case rows at all)
        return
    for r in preview.rows:
        assert r.ok is (not r.problems)
        assert (r.new_case is not None) is r.ok
        assert all(isinstance(p, str) and p for p in r.problems)
        assert not FULL_CPR.search(r.summary + " ".join(r.problems))  # never a full CPR
    ok = len(preview.accepted)
    if not ok:
        with pytest.raises(ServiceError):
            app.importer.commit(preview, TODAY)
        assert len(all_cases(app)) == before
        return
    numbers = app.importer.commit(preview, TODAY)
    assert len(numbers) == ok == len(set(numbers))
    assert len(all_cases(app)) == before + ok
