"""The citizen's access report (indsigt, GDPR art. 15): everything the app holds about one person, as a
workbook a citizen can read (Danish headings, no internal ids), itself recorded in the audit log.

It covers every case of the party with that CPR or CVR number the database lets the user see (on the team
database row-level security decides: an admin sees all), each with its milestones and their explanations,
events, pauses with reasons, notes, caseworkers and the case's whole history, including who revealed the full
CPR number and when. The report holds the full number (it is the person's own): the audit says who wrote one.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from jobcenter_desktop.core.party import PartyIdError, normalize_cpr, normalize_cvr
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.export.insight_xlsx import Cell, InsightBook, Table
from jobcenter_desktop.export.tempfiles import use_private_folder
from jobcenter_desktop.paths import data_dir
from jobcenter_desktop.services.case_view import CaseView, case_view
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import Problem, ServiceError, ValidationError
from jobcenter_desktop.storage.repository import Repository


def checked_party_id(text: str) -> tuple[PartyKind, str]:
    """A CPR (10 digits) or CVR (8 digits) number as typed, normalised; a Danish message otherwise."""
    digits = re.sub(r"[\s\-]", "", text or "")
    try:
        if len(digits) == 10:
            return PartyKind.CITIZEN, normalize_cpr(text)
        if len(digits) == 8:
            return PartyKind.COMPANY, normalize_cvr(text)
    except PartyIdError as e:
        raise ValidationError([Problem("party_id", str(e))]) from None
    raise ValidationError([Problem("party_id", "Angiv et CPR-nummer (DDMMÅÅ-NNNN) eller et CVR-nummer (8 cifre).")])


class InsightService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def views(self, party_id: str, today: date) -> list[CaseView]:
        """Every case of the party, as the case window reads it (one view each)."""
        _, ident = checked_party_id(party_id)
        with self.ctx.read() as s:
            ids = Repository(s).case_ids_of_party(ident)
        if not ids:
            raise ServiceError("Der er ingen sager om denne person eller virksomhed (som du har adgang til).")
        return [case_view(self.ctx, case_id, today) for case_id in ids]

    def report(self, party_id: str, target: Path, today: date, now: datetime | None = None) -> int:
        """Write the access report to ``target`` (.xlsx) and audit it on every case it covers; returns the number
        of cases. The audit entries commit with the file: no report on disk without its entries."""
        from jobcenter_desktop.export.errors import ExportError
        from jobcenter_desktop.export.insight_xlsx import write_insight

        if target.suffix.lower() != ".xlsx":
            raise ValidationError([Problem("out", f"Filnavnet skal ende på .xlsx: {target.name}.")])
        views = self.views(party_id, today)
        book = self._book(views, now or datetime.now())
        # openpyxl's sheet files go into the app's private folder, as every export's: a report with a full CPR
        # number must not pass through the system's temp folder (export/tempfiles.py).
        use_private_folder(self.ctx.private_tmp or data_dir() / "tmp")
        written = False
        try:
            with self.ctx.write() as s:
                repo = Repository(s)
                for v in views:
                    repo.audit(actor=self.ctx.actor, entity="party", entity_id=v.case.number, action="insight",
                               reason=f"Indsigtsrapport ({len(views)} sager)", case_id=v.case.id)  # fmt: skip
                try:
                    write_insight(target, book)
                except ExportError as e:
                    raise ServiceError(str(e)) from e
                written = True
        except BaseException:
            if written:  # the entries did not commit: no report on disk without them
                target.unlink(missing_ok=True)
            raise
        for v in views:
            self.ctx.note_own(v.case.id)
        return len(views)

    def _book(self, views: list[CaseView], made: datetime) -> InsightBook:
        cases: list[list[Cell]] = []
        milestones: list[list[Cell]] = []
        events: list[list[Cell]] = []
        pauses: list[list[Cell]] = []
        notes: list[list[Cell]] = []
        history: list[list[Cell]] = []
        for v in views:
            c, cat = v.case, self.ctx.catalogue_of(v.case.catalogue_id)
            group = cat.groups[c.group].name if c.group in cat.groups else c.group
            cases.append([c.number, group, STATUS[c.status.value], c.opened_on, c.closed_on, c.caseworker, c.team,
                          cat.title])  # fmt: skip
            names = {m.id: (cat.milestones[m.rule_id].name if m.rule_id in cat.milestones else m.rule_id)
                     for m in c.milestones}  # fmt: skip
            for m in sorted(c.milestones, key=lambda m: (m.due or date.max, m.rule_id)):
                milestones.append([c.number, names[m.id], STATES.get(m.state.value, m.state.value), m.due,
                                   m.done_on, m.exempt_reason, m.notice_sent_on, "\n".join(m.steps)])  # fmt: skip
            for t in c.triggers:
                name = cat.triggers[t.kind].name if t.kind in cat.triggers else t.kind
                events.append([c.number, name, t.occurred])
            for p in c.pauses:
                what = names.get(p.milestone_id, "") if p.milestone_id else "Hele sagen"
                pauses.append([c.number, what, p.start, p.end, p.expected_end, p.reason])
            notes += [[c.number, n.at.replace(tzinfo=None), n.author, n.text] for n in reversed(v.notes)]
            history += [[c.number, h.at.replace(tzinfo=None), h.actor, h.action, h.what, h.change]
                        for h in reversed(v.history)]  # fmt: skip
        party = views[0].case.party
        kind = "CPR-nr." if party.kind is PartyKind.CITIZEN else "CVR-nr."
        about = [
            ("Navn", party.name), (kind, party.identifier), ("Antal sager", str(len(views))),
            ("Dannet", f"{made:%d-%m-%Y %H:%M} af {self.ctx.actor}"),
            ("Om rapporten", "Alt, hvad Jobcenter Frister har registreret om dig" + (
                "" if self.ctx.server is None else " (i de sager, afsenderen har adgang til på teamdatabasen)")
                + ": dine sager med frister og hvordan "
                             "de er beregnet, hændelser, pauser og deres årsager, bemærkninger, hvem der har været "
                             "sagsbehandler, og sagernes historik, også hvem der har set dit fulde CPR-nummer og "
                             "hvornår. Rapporten er selv skrevet i historikken."),
        ]  # fmt: skip
        return InsightBook(title=f"Indsigt: oplysninger om {party.name}", about=about, tables=[
            Table("Sager", [("Sagsnr.", 12), ("Målgruppe", 26), ("Status", 10), ("Oprettet", 12), ("Lukket", 12),
                            ("Sagsbehandler", 16), ("Team", 14), ("Regelkatalog", 40)], cases),
            Table("Frister", [("Sagsnr.", 12), ("Milepæl", 36), ("Status", 12), ("Frist", 12), ("Udført", 12),
                              ("Fritaget fordi", 24), ("Underretning sendt", 14), ("Sådan er fristen beregnet", 70)],
                  milestones),
            Table("Hændelser", [("Sagsnr.", 12), ("Hændelse", 40), ("Dato", 18)], events),
            Table("Pauser", [("Sagsnr.", 12), ("Gælder", 30), ("Fra", 12), ("Til", 12), ("Forventet slut", 14),
                             ("Årsag", 50)], pauses),
            Table("Bemærkninger", [("Sagsnr.", 12), ("Tidspunkt", 17), ("Skrevet af", 16), ("Tekst", 80)], notes),
            Table("Historik", [("Sagsnr.", 12), ("Tidspunkt", 17), ("Bruger", 16), ("Handling", 22), ("Hvad", 26),
                               ("Ændring", 60)], history),
        ])  # fmt: skip


STATUS = {"open": "åben", "closed": "lukket"}
STATES = {"open": "åben", "done": "udført", "not_applicable": "bortfaldet", "exempt": "fritaget"}
