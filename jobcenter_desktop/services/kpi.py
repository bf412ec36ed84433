"""The team lead's figures: timeliness (rettidighed) per period and breakdown, the 12-month trend, and the team
overview (each caseworker's caseload and open deadlines by state). Counting is done by the database
(storage/kpi_store.py); on the team database row-level security decides whose cases are in it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from jobcenter_desktop.core.kpi import Breakdown, KpiPeriod, KpiRow, KpiTable, MissedLine, figures
from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.deadlines import DeadlineService
from jobcenter_desktop.services.worklist import Scope
from jobcenter_desktop.storage import kpi_store

#: The columns of the team overview, most urgent first; the rest of the open states go under "Senere".
OVERVIEW_STATES = (Urgency.OVERDUE, Urgency.DUE_TODAY, Urgency.DUE_SOON, Urgency.SOFT_OVERDUE, Urgency.PAUSED,
                   Urgency.PROVISIONAL, Urgency.LATER)  # fmt: skip


@dataclass(frozen=True, slots=True)
class WorkerLine:
    login: str
    name: str
    team: str
    caseload: int  # open cases
    counts: dict[Urgency, int] = field(default_factory=dict)

    @property
    def overdue(self) -> int:
        return self.counts.get(Urgency.OVERDUE, 0)


@dataclass(frozen=True, slots=True)
class TeamOverview:
    scope: Scope
    workers: tuple[WorkerLine, ...]
    rows: tuple[DeadlineRow, ...]  # the open deadlines behind the cells (click a cell: its list)

    def cell(self, login: str, state: Urgency) -> list[DeadlineRow]:
        return [r for r in self.rows if r.caseworker == login and r.urgency is state]


class KpiService:
    def __init__(self, ctx: Context, deadlines: DeadlineService) -> None:
        self.ctx = ctx
        self.deadlines = deadlines

    def default_scope(self) -> Scope:
        """The acting caseworker's team (a team lead's own), else everyone the database lets us see."""
        return Scope(team=self.ctx.team) if self.ctx.team else Scope(everyone=True)

    @staticmethod
    def _who(scope: Scope) -> tuple[str | None, str | None]:
        if scope.everyone:
            return None, None
        return (None if scope.team else scope.caseworker), scope.team

    def table(self, period: KpiPeriod, by: Breakdown, scope: Scope, today: date, now: datetime) -> KpiTable:
        worker, team = self._who(scope)
        with self.ctx.read() as s:
            counts = kpi_store.kpi_counts(s, period.start, period.end, today, now, caseworker=worker, team=team,
                                          by=by.value, soft=self.soft_rules(), decisions=self.decision_rules(),
                                          promises=self.promise_rules())  # fmt: skip
            names = kpi_store.full_names(s)
        return figures(counts, by, self.ctx.catalogues, self.ctx.catalogue.id, names, period)

    def trend(self, last: KpiPeriod, scope: Scope, today: date, now: datetime,
              months: int = 12) -> list[tuple[KpiPeriod, KpiRow]]:  # fmt: skip
        """The total per month for the ``months`` months ending with ``last``'s, oldest first."""
        worker, team = self._who(scope)
        out = []
        with self.ctx.read() as s:
            for month in last.months_back(months):
                counts = kpi_store.kpi_counts(s, month.start, month.end, today, now, caseworker=worker, team=team,
                                              by="total", soft=self.soft_rules(), decisions=self.decision_rules(),
                                              promises=self.promise_rules())  # fmt: skip
                out.append((month, figures(counts, Breakdown.TEAM, self.ctx.catalogues, self.ctx.catalogue.id).total))
        return out

    def missed(self, period: KpiPeriod, scope: Scope, today: date, now: datetime) -> list[MissedLine]:
        """The late and overdue milestones the share is made of (soft ones are not in it, so not here)."""
        worker, team = self._who(scope)
        with self.ctx.read() as s:
            return kpi_store.missed(s, period.start, period.end, today, now, caseworker=worker, team=team,
                                    soft=self.soft_rules(), promises=self.promise_rules())  # fmt: skip

    def soft_rules(self) -> dict[str, set[str]]:
        """Soft milestones (expected times) per catalogue ("" for cases under an unknown id: the main one's),
        counted in their own column by the database."""
        soft = {cat.id: {r.id for r in cat.milestones.values() if r.soft} for cat in self.ctx.catalogues}
        soft[""] = soft[self.ctx.catalogue.id]
        return soft

    def promise_rules(self) -> set[str]:
        """The "Forventet afgørelse" rule ids of every catalogue: no pause holds a promised day."""
        return {r.id for cat in self.ctx.catalogues for r in cat.milestones.values() if r.promise_of}

    def decision_rules(self) -> dict[str, set[str]]:
        """Decisions on applications per catalogue (as ``soft_rules``): their underretning is counted."""
        out = {cat.id: {r.id for r in cat.milestones.values() if r.decision} for cat in self.ctx.catalogues}
        out[""] = out[self.ctx.catalogue.id]
        return out

    def overview(self, scope: Scope, today: date, now: datetime | None = None) -> TeamOverview:
        """Each caseworker's open cases and open deadlines by state (the matrix of the Team view)."""
        worker, team = self._who(scope)
        rows = self.deadlines.list(DeadlineFilter(caseworker=worker, team=team), today, now)
        with self.ctx.read() as s:
            loads = kpi_store.caseloads(s, team=team, caseworkers=[worker] if worker else ())
            names = kpi_store.full_names(s)
        counts: dict[str, Counter[Urgency]] = {}
        teams: dict[str, str] = {}
        for r in rows:
            state = r.urgency if r.urgency in OVERVIEW_STATES else Urgency.LATER
            counts.setdefault(r.caseworker, Counter())[state] += 1
            teams.setdefault(r.caseworker, r.team)
        logins = sorted(set(loads) | set(counts), key=lambda u: ((names.get(u) or u).casefold(), u))
        workers = tuple(WorkerLine(u, names.get(u) or u, teams.get(u, scope.team or ""), loads.get(u, 0),
                                   dict(counts.get(u, Counter()))) for u in logins)  # fmt: skip
        return TeamOverview(scope, workers, tuple(rows))

    def group_names(self) -> dict[str, str]:
        return {g.id: g.name for cat in self.ctx.catalogues for g in cat.groups.values()}

    def rule_names(self) -> dict[str, str]:
        return {r.id: r.name for cat in self.ctx.catalogues for r in cat.milestones.values()}
