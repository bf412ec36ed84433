"""The underretning letter as a real .docx: the shipped template filled and read back, replaced templates checked
with a Danish message naming what is wrong, and the letter rendered by LibreOffice (one A4 page)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from jobcenter_desktop.core.models import CaseRecord, CaseStatus, Party
from jobcenter_desktop.core.notice import letter_fields
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.export.errors import ExportError
from jobcenter_desktop.export.notice_docx import KNOWN, REQUIRED, letter_text, template_problems, write_notice
from jobcenter_desktop.paths import resource_path

SHIPPED = resource_path("templates", "underretning.docx")


def _case(name: str = "Fie Fleksen", kind: PartyKind = PartyKind.CITIZEN, ident: str = "110690-4321") -> CaseRecord:
    import uuid

    return CaseRecord(id=uuid.uuid4(), number="2026-00042", group="fleksjob", party=Party(kind, name, ident),
                      caseworker="anna.k", team="Team Vest", status=CaseStatus.OPEN, opened_on=date(2026, 6, 11),
                      closed_on=None, notes="", catalogue_id="albertslund-2016", version=1)  # fmt: skip


def _fields(catalogue, case: CaseRecord | None = None, rule_id: str = "fj_afgoerelse", **kw):  # type: ignore[no-untyped-def]
    case = case or _case()
    args = {"deadline": date(2026, 12, 11), "expected": date(2027, 1, 15), "reason": "Vi mangler en lægeerklæring.",
            "today": date(2026, 12, 8), "applied_on": date(2026, 6, 11), "team": "Team Vest", **kw}  # fmt: skip
    return letter_fields(case=case, rule=catalogue.milestones[rule_id], catalogue=catalogue, **args)


def _template(tmp_path: Path, body: list[str]) -> Path:
    doc = Document()
    for line in body:
        doc.add_paragraph(line)
    path = tmp_path / "egen.docx"
    doc.save(str(path))
    return path


def test_the_shipped_template_uses_every_required_placeholder() -> None:
    assert template_problems(SHIPPED) == []


def test_the_letter_is_filled_in_plain_danish(catalogue, tmp_path: Path) -> None:
    out = tmp_path / "brev.docx"
    write_notice(SHIPPED, _fields(catalogue), out)
    text = letter_text(out)
    assert "{{" not in text and "{%" not in text
    assert "Albertslund Kommune" in text  # the letterhead
    assert "Du kan forvente at få en afgørelse senest 15. januar 2027." in text
    assert "I din sag udløber fristen 11. december 2026." in text
    assert "fastsat en frist på 6 måneder" in text
    assert "[Adresse]\n" in text or "[Adresse]" in text.splitlines()  # left for the caseworker to fill
    assert "110690-XXXX" in text and "4321" not in text


def test_a_company_gets_its_cvr_and_a_name_with_markup_stays_text(catalogue, tmp_path: Path) -> None:
    case = _case("Jensen & Søn <ApS>", PartyKind.COMPANY, "12345674")
    out = tmp_path / "brev.docx"
    write_notice(SHIPPED, _fields(catalogue, case, "jr_svar", deadline=date(2026, 12, 4)), out)
    text = letter_text(out)
    assert "Jensen & Søn <ApS>" in text and "CVR-nr.: 12345674" in text
    assert "Svar på ansøgning (forhåndsgodkendelse)" in text


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p, "findes ikke"),
    (lambda p: (p.write_text("ikke et dokument"), p)[1], "ikke et Word-dokument"),
    (lambda p: (zipfile.ZipFile(p, "w").close(), p)[1], "kan ikke læses som et Word-dokument"),
])  # fmt: skip
def test_unusable_files_are_named(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    problems = template_problems(make(tmp_path / "skabelon.docx"))
    assert len(problems) == 1 and message in problems[0]


def test_each_missing_placeholder_is_named(tmp_path: Path) -> None:
    present = [n for n in REQUIRED if n not in ("begrundelse", "forventet_dato")]
    problems = template_problems(_template(tmp_path, ["{{ " + n + " }}" for n in present]))
    assert problems == ["Skabelonen mangler feltet {{ begrundelse }}.",
                        "Skabelonen mangler feltet {{ forventet_dato }}."]  # fmt: skip


def test_a_misspelt_placeholder_and_broken_syntax_are_named(tmp_path: Path) -> None:
    body = ["{{ " + n + " }}" for n in REQUIRED]
    problems = template_problems(_template(tmp_path, [*body, "{{ forventt_dato }}"]))
    assert len(problems) == 1 and "ukendt felt {{ forventt_dato }}" in problems[0]
    problems = template_problems(_template(tmp_path, [*body, "{{ dato "]))
    assert len(problems) == 1 and "fejl i et felt" in problems[0]


def test_a_broken_template_writes_nothing(catalogue, tmp_path: Path) -> None:
    bad = _template(tmp_path, ["{{ dato }}"])
    out = tmp_path / "brev.docx"
    with pytest.raises(ExportError, match="mangler feltet"):
        write_notice(bad, _fields(catalogue), out)
    assert not out.exists()


def test_every_field_the_letter_gets_is_a_known_placeholder(catalogue) -> None:
    assert set(_fields(catalogue)) == KNOWN


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (scripts/test.sh installs "
                                                            "it where it may)")  # fmt: skip
def test_libreoffice_renders_the_letter_on_one_a4_page(catalogue, tmp_path: Path) -> None:
    out = tmp_path / "brev.docx"
    long_reason = "Vi venter på en udtalelse fra din læge og en vurdering fra rehabiliteringsteamet. " * 3
    write_notice(SHIPPED, _fields(catalogue, reason=long_reason.strip()), out)
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = (tmp_path / "brev.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # a letter on one page
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
    assert box is not None and (round(float(box[1])), round(float(box[2]))) == (595, 842)  # A4 in points


@pytest.mark.parametrize(("field", "message"), [
    ("{{ begrundelse.x.y }}", "kan ikke udfyldes"),  # passes the placeholder check, fails when filled
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),  # a sandbox: no way to Python's internals
    ("{{ dato|ukendt_filter }}", "fejl i et felt"),
])  # fmt: skip
def test_a_template_that_cannot_be_filled_safely_is_refused(catalogue, tmp_path: Path, field: str,
                                                            message: str) -> None:  # fmt: skip
    bad = _template(tmp_path, [*("{{ " + n + " }}" for n in REQUIRED), field])
    problems = template_problems(bad)
    assert len(problems) == 1 and message in problems[0], problems
    with pytest.raises(ExportError):
        write_notice(bad, _fields(catalogue), tmp_path / "brev.docx")
    assert not (tmp_path / "brev.docx").exists()


def test_what_the_check_lets_through_also_renders(catalogue, tmp_path: Path) -> None:
    # The address is lines (a Listing), in the check as in a real letter: a loop over it fails in both, never
    # only when a caseworker writes a letter.
    body = ["{{ " + n + " }}" for n in REQUIRED if n != "modtager_adresse"]
    own = _template(tmp_path, [*body, "{% for line in modtager_adresse %}[{{ line }}]{% endfor %}"])
    problems = template_problems(own)
    assert len(problems) == 1 and "kan ikke udfyldes" in problems[0]
    with pytest.raises(ExportError, match="kan ikke udfyldes"):
        write_notice(own, _fields(catalogue), tmp_path / "brev.docx")
