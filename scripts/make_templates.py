"""Write resources/templates/underretning.docx, the shipped underretning letter (retssikkerhedsloven § 3, stk. 2).

    .venv/bin/python scripts/make_templates.py      (run after changing the wording; the output is committed)

A municipality replaces the file with its own copy (Indstillinger → Underretning): any .docx with the same
{{ placeholders }} (jobcenter_desktop/export/notice_docx.py lists them). Each placeholder is written as one run,
so Word and docxtpl see it whole.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "underretning.docx"


def main() -> int:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(3.6), Cm(2.0)
    section.header_distance = Cm(1.2)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)

    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = head.add_run("Albertslund Kommune")
    run.bold = True
    run.font.size = Pt(14)
    sub = head.add_run("\nJobcenter Albertslund · Nordmarks Allé 1 · 2620 Albertslund")
    sub.font.size = Pt(9)
    sub.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(10), Cm(6)
    left.paragraphs[0].add_run("{{ modtager_navn }}")
    address = left.add_paragraph()
    address.paragraph_format.space_after = Pt(0)
    address.add_run("{{ modtager_adresse }}")
    for cell in (left, right):
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    meta = right.paragraphs[0]
    meta.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    meta.add_run("Dato: ")
    meta.add_run("{{ dato }}")
    for label, field in (("Sagsnr.: ", "sagsnummer"), ("{{ id_type }}: ", "modtager_id"),
                         ("Sagsbehandler: ", "sagsbehandler")):  # fmt: skip
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.space_after = Pt(0)
        p.add_run(label)
        p.add_run("{{ " + field + " }}")

    doc.add_paragraph()
    title = doc.add_paragraph()
    t = title.add_run("Vi kan ikke nå at træffe afgørelse inden for fristen")
    t.bold = True
    t.font.size = Pt(14)

    def para(*parts: str) -> None:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(8)
        for part in parts:
            p.add_run(part)

    para("Din sag: ", "{{ emne }}", " (", "{{ haendelse }}", " ", "{{ ansoegt_den }}", ").")
    para("Kommunen har fastsat en frist på ", "{{ frist }}", " for at træffe afgørelse i den slags sager. "
         "I din sag udløber fristen ", "{{ fristdato }}", ".")
    para("Vi kan desværre ikke nå at træffe afgørelse inden fristen. Det skyldes: ", "{{ begrundelse }}")
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(8)
    p.add_run("Du kan forvente at få en afgørelse senest ")
    strong = p.add_run("{{ forventet_dato }}")
    strong.bold = True
    p.add_run(".")
    para("Vi skriver til dig, fordi du efter retssikkerhedslovens § 3, stk. 2, har ret til at få skriftlig besked, "
         "når kommunen ikke kan overholde sin frist for at træffe afgørelse, og til at vide, hvornår du kan "
         "forvente en afgørelse.")
    para("Har du spørgsmål til din sag, er du velkommen til at kontakte mig.")
    para("Med venlig hilsen")
    para("{{ sagsbehandler }}", "\n", "{{ team }}", "\nJobcenter Albertslund")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(OUT))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
