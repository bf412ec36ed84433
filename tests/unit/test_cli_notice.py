"""``notice draft`` / ``notice sent`` and the underretning flag in ``deadlines`` and ``case show``.

A fleksjob case started Thu 11 June 2026: fj_afgoerelse is due Fri 11 December 2026; "today" is Tue 8 December,
three working days before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.cli import Cli

from jobcenter_desktop.export.notice_docx import letter_text

TODAY = "2026-12-08"
pytestmark = pytest.mark.usefixtures("cli_isolated")
REF = "2026-00001/fj_afgoerelse"


@pytest.fixture
def g(cli: Cli, tmp_path: Path) -> list[object]:
    g: list[object] = ["--db", tmp_path / "frister.sqlite3", "--as", "anna.k", "--today", TODAY]
    cli.ok(*g, "case", "add", "--group", "fleksjob", "--name", "Fiktiv Fleksen", "--id", "010190-1235",
           "--trigger", "sag_paabegyndt=2026-06-11")  # fmt: skip
    return g


def test_the_flag_shows_in_deadlines_and_case_show(cli: Cli, g: list[object]) -> None:
    out = cli.ok(*g, "deadlines")
    assert "✉! Underretning mangler: 2026-00001/fj_afgoerelse" in out
    (row,) = cli.json(*g, "deadlines")
    assert (row["notice"], row["notice_label"], row["notice_sent_on"]) == ("notice_due", "Underretning mangler", None)
    assert "Underretning mangler" in cli.ok(*g, "case", "show", "2026-00001")
    case = cli.json(*g, "case", "show", "2026-00001")
    assert {m["rule_id"]: m["notice"] for m in case["milestones"]} == {"fj_afgoerelse": "notice_due"}
    late = cli.json(*g[:-2], "--today", "2026-12-14", "deadlines")
    assert late[0]["notice"] == "notice_breach"


def test_draft_then_sent_then_the_promise_is_a_deadline(cli: Cli, g: list[object], tmp_path: Path) -> None:
    out_file = tmp_path / "brev.docx"
    out = cli.ok(*g, "notice", "draft", REF, "--expected", "15-01-2027", "--reason", "Vi mangler en lægeerklæring.",
                 "--out", out_file)  # fmt: skip
    assert str(out_file) in out
    text = letter_text(out_file)
    assert "15. januar 2027" in text and "010190-XXXX" in text and "{{" not in text
    cli.ok(*g, "notice", "sent", REF, "--expected", "2027-01-15")
    rows = {r["milestone"]: r for r in cli.json(*g, "deadlines")}
    assert rows["fj_afgoerelse"]["notice"] == "notice_sent" and rows["fj_afgoerelse"]["notice_sent_on"] == TODAY
    assert rows["fj_afgoerelse_forventet"]["due"] == "2027-01-15"
    assert rows["fj_afgoerelse_forventet"]["name"] == "Forventet afgørelse: Afgørelse om fleksjobberettigelse"
    audit = cli.ok(*g, "audit", "--case", "2026-00001")
    assert "lægeerklæring" not in audit  # the letter's text is not in the audit


@pytest.mark.parametrize(("args", "message"), [
    (["notice", "sent", REF, "--expected", "2026-12-10"], "efter fristen"),
    (["notice", "sent", REF, "--expected", "2027-01-15", "--on", "2026-12-09"], "fremtiden"),
    (["notice", "sent", "2026-00001/fj_ingen", "--expected", "2027-01-15"], "ingen milepæl"),
    (["notice", "sent", REF, "--expected", "15/01/27x"], "dato"),
    (["notice", "draft", REF, "--expected", "2027-01-15", "--reason", "x", "--out", "brev.txt"], ".docx"),
    (["notice", "draft", REF, "--expected", "2027-01-15", "--reason", " "], "Begrundelsen"),
])  # fmt: skip
def test_bad_input_is_one_danish_line_and_changes_nothing(cli: Cli, g: list[object], args, message) -> None:  # type: ignore[no-untyped-def]
    assert message in cli.fails(*g, *args)
    case = cli.json(*g, "case", "show", "2026-00001")
    assert [m["notice_sent_on"] for m in case["milestones"]] == [None]


def test_citizen_report_writes_the_persons_cases_and_refuses_bad_input(cli: Cli, g: list[object],
                                                                        tmp_path: Path) -> None:  # fmt: skip
    from openpyxl import load_workbook

    out = tmp_path / "indsigt.xlsx"
    assert "1 sag" in cli.ok(*g, "citizen", "report", "--id", "010190-1235", "--out", out)
    assert [r[0] for r in load_workbook(out)["Sager"].iter_rows(min_row=2, values_only=True)] == ["2026-00001"]
    assert "CPR-nummer" in cli.fails(*g, "citizen", "report", "--id", "0101", "--out", out)
    assert "ingen sager" in cli.fails(*g, "citizen", "report", "--id", "020290-1235", "--out", out)


def test_case_correct_name_and_event_date(cli: Cli, g: list[object]) -> None:
    cli.ok(*g, "case", "correct", "2026-00001", "--name", "Fiktiv Fleksen-Hansen", "--reason", "Navneændring")
    cli.ok(*g, "case", "correct", "2026-00001", "--trigger", "sag_paabegyndt=2026-06-12", "--reason", "Tastefejl")
    case = cli.json(*g, "case", "show", "2026-00001")
    assert case["party"]["name"] == "Fiktiv Fleksen-Hansen" and case["milestones"][0]["due"] == "2026-12-14"
    assert "Begrundelsen" in cli.fails(*g, "case", "correct", "2026-00001", "--name", "X", "--reason", " ")
    assert "ikke begge" in cli.fails(*g, "case", "correct", "2026-00001", "--name", "X", "--trigger",
                                     "sag_paabegyndt=2026-06-13", "--reason", "x")  # fmt: skip


def test_retention_preview_and_apply_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    g: list[object] = ["--db", tmp_path / "r.sqlite3", "--as", "anna.k", "--today", "2020-01-06"]
    cli.ok(*g, "case", "add", "--group", "dagpenge", "--name", "Gudrun Gammelsag", "--id", "150362-4817",
           "--trigger", "ledigmelding=2020-01-06")  # fmt: skip
    cli.ok(*g, "case", "close", "2020-00001", "--on", "2020-03-02")
    now = [*g[:-1], "2026-12-08"]
    assert "opbevaringsperiode" in cli.fails(*now, "retention", "preview")
    out = cli.ok(*now, "retention", "preview", "--closed-before", "2021-01-01")
    assert "1 sag" in out and "Dagpenge" in out and "Gudrun" not in out  # counts, never the people
    assert "bekræftelse" in cli.fails(*now, "retention", "apply", "--closed-before", "2021-01-01",
                                      stdout_empty=False)  # no terminal: the plan is shown, nothing deleted
    out = cli.ok(*now, "retention", "apply", "--closed-before", "2021-01-01", "--yes")
    assert "Persondata slettet i 1 sag" in out and "Sikkerhedskopier" in out
    assert b"Gudrun" not in (tmp_path / "r.sqlite3").read_bytes()
