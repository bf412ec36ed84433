"""Importing case lists from spreadsheets: a preview that judges every row, then an all-or-nothing commit."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jobcenter_desktop.core.deadlines import Anchor
from jobcenter_desktop.core.party import PartyIdError, hide_cpr_in_text, normalize_party_id
from jobcenter_desktop.core.rules import Group
from jobcenter_desktop.export.cases_xlsx import EXAMPLE_NAME, ImportFileError, RawCaseRow, read_cases, write_template
from jobcenter_desktop.export.errors import ExportError
from jobcenter_desktop.services.cases import CaseService, NewCase
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import Cancelled, DuplicateError, ServiceError
from jobcenter_desktop.storage.repository import Repository

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ImportRow:
    line: int
    summary: str  # "Kontanthjælp · Fiktiv Person · 010190-XXXX"
    problems: tuple[str, ...]
    new_case: NewCase | None = field(default=None, repr=False)
    raw: RawCaseRow | None = field(default=None, repr=False, compare=False)  # as read: to save it for fixing

    def __post_init__(self) -> None:
        # Summary and problems echo cell text; a CPR number typed into the wrong column is masked there too.
        object.__setattr__(self, "summary", hide_cpr_in_text(self.summary))
        object.__setattr__(self, "problems", tuple(hide_cpr_in_text(p) for p in self.problems))

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportPreview:
    path: str
    rows: tuple[ImportRow, ...]
    ignored_columns: tuple[str, ...] = ()  # header texts the importer does not use (shown, never silent)

    @property
    def accepted(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]


class ImportService:
    def __init__(self, ctx: Context, cases: CaseService) -> None:
        self.ctx = ctx
        self.cases = cases

    def save_rejected(self, preview: ImportPreview, path: Path) -> int:
        """The rows that were not imported, as a workbook in the template's layout (with why) to fix and
        import again. They carry full CPR numbers, so the audit entry is written first."""
        rows = [(r.raw, " ".join(r.problems)) for r in preview.rejected if r.raw is not None]
        if not rows:
            raise ServiceError("Der er ingen afviste rækker at gemme.")
        with self.ctx.write() as s:
            Repository(s).audit(actor=self.ctx.actor, entity="export", entity_id=path.name, action="reveal_cpr",
                                after=f"{len(rows)} afviste importrækker",
                                reason="Afviste importrækker gemt til rettelse (med CPR-numre)")  # fmt: skip
        try:
            write_template(path, self.ctx.catalogue, rows)
        except ExportError as e:
            raise ServiceError(str(e)) from e
        return len(rows)

    def write_template(self, path: Path) -> None:
        try:
            write_template(path, self.ctx.catalogue)
        except ExportError as e:
            raise ServiceError(str(e)) from e

    def _group(self, text: str) -> Group | None:
        key = text.strip().casefold()
        for g in self.ctx.catalogue.groups.values():
            short = g.name.split(" (", 1)[0].casefold()
            if key in (g.id.casefold(), g.name.casefold(), short):
                return g
        return None

    def preview(self, path: Path, today: date, progress: Progress | None = None) -> ImportPreview:
        """Read and judge every row (Danish problems per row). Nothing is written."""
        try:
            raw_rows = read_cases(path, self.ctx.catalogue)
        except ImportFileError as e:
            raise ServiceError(str(e)) from e
        seen: dict[tuple[str, str], int] = {}
        out: list[ImportRow] = []
        for i, raw in enumerate(raw_rows):
            out.append(self._judge(raw, today, seen))
            if progress is not None and i % 100 == 0 and not progress(i, len(raw_rows)):
                raise Cancelled
        return ImportPreview(str(path), tuple(out), tuple(hide_cpr_in_text(c) for c in raw_rows.ignored))

    def _judge(self, raw: RawCaseRow, today: date, seen: dict[tuple[str, str], int]) -> ImportRow:
        problems = list(raw.problems)
        group = self._group(raw.group) if raw.group else None
        if not raw.group:
            problems.append("Målgruppe mangler.")
        elif group is None:
            problems.append(f"Ukendt målgruppe: {raw.group[:60]!r}.")
        if raw.name.strip() == EXAMPLE_NAME:
            problems.append("Skabelonens eksempelrække importeres ikke; slet den.")
        masked = _mask(raw.party_id)
        summary = " · ".join(x for x in (group.name if group else raw.group[:40], raw.name[:60], masked) if x)
        if group is None:
            return ImportRow(raw.line, summary, tuple(problems), raw=raw)
        if raw.start is None:
            if not any(p.startswith("Startdato") for p in problems):  # a parse error already said why
                trig = self.ctx.catalogue.triggers[group.initial_trigger].name
                problems.append(f"Startdato ({trig}) mangler.")
            return ImportRow(raw.line, summary, tuple(problems), raw=raw)
        triggers: dict[str, Anchor] = {group.initial_trigger: raw.start}
        allowed = {t.id for t in self.ctx.catalogue.triggers_of(group.id)}
        for kind, when in raw.extra_triggers.items():
            if kind in allowed and kind != group.initial_trigger:
                triggers[kind] = when
        new = NewCase(group=group.id, party_name=raw.name, party_id=raw.party_id, triggers=triggers,
                      caseworker=raw.caseworker, team=raw.team, notes=raw.notes)  # fmt: skip
        result = self.cases.check(new, today)
        problems.extend(p.message for p in result.problems)
        try:
            key = (group.id, normalize_party_id(group.party, raw.party_id))
        except PartyIdError:
            key = None
        if key is not None:
            if key in seen:
                problems.append(f"Samme part og målgruppe står også i række {seen[key]}.")
            else:
                seen[key] = raw.line
        return ImportRow(raw.line, summary, tuple(dict.fromkeys(problems)), new if not problems else None, raw)

    def commit(self, preview: ImportPreview, today: date, progress: Progress | None = None) -> list[str]:
        """Store every accepted row in ONE transaction (with audit entries); on any failure, nothing is stored.
        Returns the new case numbers."""
        accepted = preview.accepted
        if not accepted:
            raise ServiceError("Der er ingen gyldige rækker at importere.")
        numbers: list[str] = []
        reason = f"Importeret fra {Path(preview.path).name}"
        try:
            return self._commit(accepted, today, reason, numbers, progress)
        except DuplicateError as e:  # a colleague added one of these cases since the preview (the unique index)
            row = accepted[min(len(numbers), len(accepted) - 1)]
            new = row.new_case
            assert new is not None
            with self.ctx.read() as s:
                dup = Repository(s).open_duplicates(new.group, normalize_party_id(
                    self.ctx.catalogue.groups[new.group].party, new.party_id))  # fmt: skip
            what = f"der er nu en åben sag for samme part ({dup[0]})" if dup else str(e).rstrip(".")
            raise ServiceError(f"Række {row.line}: {what}. Intet er importeret; læs filen igen.") from e

    def _commit(self, accepted: list[ImportRow], today: date, reason: str, numbers: list[str],
                progress: Progress | None) -> list[str]:  # fmt: skip
        ids: list[uuid.UUID] = []
        with self.ctx.write() as s:
            repo = Repository(s)
            for i, row in enumerate(accepted):
                assert row.new_case is not None
                made = self.cases.register_in(repo, row.new_case, today, reason=reason)
                numbers.append(made.number)
                ids.append(made.id)
                if progress is not None and i % 50 == 0 and not progress(i, len(accepted)):
                    raise Cancelled  # leaving the with-block rolls the whole import back
            repo.audit(actor=self.ctx.actor, entity="system", entity_id="import", action="import",
                       after=f"{len(numbers)} sager", reason=reason)  # fmt: skip
        for case_id in ids:
            self.ctx.note_own(case_id)
        return numbers


def _mask(party_id: str) -> str:
    """What the preview shows: never a full CPR, not even a malformed one."""
    digits = "".join(ch for ch in party_id if ch.isdigit())
    if len(digits) == 8 and len(party_id.strip()) == 8:
        return digits  # CVR: a public company number
    if len(digits) >= 6:
        return f"{digits[:6]}-XXXX"
    return "(ugyldigt id)" if party_id.strip() else ""
