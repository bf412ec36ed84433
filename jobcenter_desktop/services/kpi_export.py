"""Exporting the timeliness figures to Excel: every breakdown (the chosen one first), the 12-month trend, the
late and overdue milestones behind the numbers, and the definitions. The figures carry no party data, and the
export is audited (who sent which figures on)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod, KpiTable
from jobcenter_desktop.export.errors import ExportError
from jobcenter_desktop.export.kpi_xlsx import KpiWorkbook, write_kpi
from jobcenter_desktop.export.tempfiles import use_private_folder
from jobcenter_desktop.paths import data_dir
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.kpi import KpiService
from jobcenter_desktop.services.worklist import Scope
from jobcenter_desktop.storage.repository import Repository


def kpi_title(period: KpiPeriod, scope: Scope) -> str:
    return f"Rettidighed {period.label} - {scope.label()}"


class KpiExportService:
    def __init__(self, ctx: Context, kpi: KpiService) -> None:
        self.ctx = ctx
        self.kpi = kpi

    def default_filename(self, period: KpiPeriod, scope: Scope) -> str:
        from jobcenter_desktop.export.worklist_xlsx import default_filename

        return default_filename(kpi_title(period, scope))

    def export(self, period: KpiPeriod, by: Breakdown, scope: Scope, target: Path, today: date,
               now: datetime) -> KpiTable:  # fmt: skip
        """Write the workbook; returns the chosen breakdown's figures (what ``kpi --json`` prints)."""
        if not target.parent.is_dir():
            raise ServiceError(f"Mappen findes ikke: {target.parent}. Vælg en anden placering.")
        order = [by, *(b for b in Breakdown if b is not by)]
        tables = [self.kpi.table(period, b, scope, today, now) for b in order]
        book = KpiWorkbook(
            title=kpi_title(period, scope), period=period, scope=scope.label(), generated_by=self.ctx.actor,
            generated_at=now, tables=tables, trend=self.kpi.trend(period, scope, today, now),
            missed=self.kpi.missed(period, scope, today, now), group_names=self.kpi.group_names(),
            rule_names=self.kpi.rule_names(), catalogues=self.ctx.catalogues.describe(),
        )  # fmt: skip
        use_private_folder(self.ctx.private_tmp or data_dir() / "tmp")
        try:
            write_kpi(target, book)
        except ExportError as e:
            raise ServiceError(str(e)) from e
        except OSError as e:
            raise ServiceError(f"Filen {target.name} kunne ikke skrives ({e.strerror or e}). Intet er gemt; "
                               "frigør plads eller vælg en anden mappe.") from e  # fmt: skip
        with self.ctx.write() as s:
            Repository(s).audit(actor=self.ctx.actor, entity="export", entity_id=target.name[:64], action="export",
                                after=f"rettidighed {period.key}, {scope.label()}",
                                reason="Rettidighedstal eksporteret")  # fmt: skip
        return tables[0]
