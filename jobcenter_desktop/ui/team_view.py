"""The Team tab, the team lead's desk: each caseworker's caseload and open deadlines by state (click a cell for
its list), and the timeliness figures for a period - a table, a bar chart per breakdown with the target line,
the trend over the last 12 months and the exempt share per group (the reform's 25 % ceiling) - with an Excel
export. The figures are counted by the database on a worker thread; on the team database the server decides
whose cases they cover (a team lead's teams, an admin's all)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.kpi import BREAKDOWN_DA, EXEMPT_CEILING, Breakdown, KpiPeriod, KpiRow, percent
from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import Cancelled, ServiceError
from jobcenter_desktop.services.kpi import OVERVIEW_STATES, TeamOverview
from jobcenter_desktop.services.worklist import Scope
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.export_dialog import remembered_folder
from jobcenter_desktop.ui.i18n import QT_TRANSLATE_NOOP, urgency_label
from jobcenter_desktop.ui.loader import BackgroundLoad
from jobcenter_desktop.ui.models import DeadlineTableModel
from jobcenter_desktop.ui.tasks import run_task
from jobcenter_desktop.ui.theme import notice_fill, notice_icon, now_for, state_fill, state_icon
from jobcenter_desktop.ui.widgets import busy_bar, read_only_table
from jobcenter_desktop.ui.worklist_view import DeadlineTable

translate = QCoreApplication.translate
SCOPE_TEAM, SCOPE_ALL = "team", "all"  # the scope combo's item data
PERIOD_LABELS = {
    "this_month": QT_TRANSLATE_NOOP("TeamView", "Denne måned"),
    "last_month": QT_TRANSLATE_NOOP("TeamView", "Sidste måned"),
    "this_quarter": QT_TRANSLATE_NOOP("TeamView", "Dette kvartal"),
    "last_quarter": QT_TRANSLATE_NOOP("TeamView", "Sidste kvartal"),
    "this_year": QT_TRANSLATE_NOOP("TeamView", "I år"),
}
BREAKDOWN_LABELS = {
    Breakdown.GROUP: QT_TRANSLATE_NOOP("TeamView", "Målgruppe"),
    Breakdown.MILESTONE: QT_TRANSLATE_NOOP("TeamView", "Milepæl"),
    Breakdown.CASEWORKER: QT_TRANSLATE_NOOP("TeamView", "Sagsbehandler"),
    Breakdown.TEAM: QT_TRANSLATE_NOOP("TeamView", "Team"),
}
FIGURE_HEADERS = (QT_TRANSLATE_NOOP("TeamView", "Til tiden"), QT_TRANSLATE_NOOP("TeamView", "For sent"),
                  QT_TRANSLATE_NOOP("TeamView", "Overskredet"), QT_TRANSLATE_NOOP("TeamView", "Fritaget"),
                  QT_TRANSLATE_NOOP("TeamView", "Ikke forfaldne"), QT_TRANSLATE_NOOP("TeamView", "Forventede"),
                  QT_TRANSLATE_NOOP("TeamView", "Andel til tiden"), QT_TRANSLATE_NOOP("TeamView", "Mål"),
                  QT_TRANSLATE_NOOP("TeamView", "Status"),
                  # decisions on applications missed: with the applicant told in time, or without (rsl. § 3, stk. 2)
                  QT_TRANSLATE_NOOP("TeamView", "Underrettet i tide"),
                  QT_TRANSLATE_NOOP("TeamView", "Ikke underrettet"))  # fmt: skip


def period_of(key: str, today: date) -> KpiPeriod:
    month = KpiPeriod.of_month(today)
    if key == "last_month":
        return month.months_back(2)[0]
    quarter = (today.month - 1) // 3 + 1
    if key == "this_quarter":
        return KpiPeriod.quarter(today.year, quarter)
    if key == "last_quarter":
        return KpiPeriod.quarter(today.year - 1, 4) if quarter == 1 else KpiPeriod.quarter(today.year, quarter - 1)
    if key == "this_year":
        return KpiPeriod.year(today.year)
    return month


def _now(today: date) -> datetime:
    """The clock for hours deadlines: now on the real today, else the start of the (what-if) day."""
    return now_for(today) or datetime.combine(today, time())


def status_of(row: KpiRow) -> str:
    if row.share_on_time is None or row.target is None:
        return "–"
    return translate("TeamView", "Under mål") if row.below_target else translate("TeamView", "Mål nået")


def _item(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class TeamView(QWidget):
    open_case = Signal(object)

    def __init__(self, app: Frister, today: Callable[[], date], settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self.today, self.settings = app, today, settings
        self.overview: TeamOverview | None = None
        self.table: Any = None
        self.share_chart: Any = None
        self.trend_chart: Any = None
        self.written: Path | None = None
        self.setObjectName("team_page")

        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("team_scope_combo")
        self.scope_combo.setAccessibleName(self.tr("Hvis sager"))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("team_period_combo")
        self.period_combo.setAccessibleName(self.tr("Periode"))
        for key in PERIOD_LABELS:
            self.period_combo.addItem(translate("TeamView", PERIOD_LABELS[key]), key)
        self.by_combo = QComboBox()
        self.by_combo.setObjectName("team_by_combo")
        self.by_combo.setAccessibleName(self.tr("Opdeling"))
        for by in BREAKDOWN_LABELS:
            self.by_combo.addItem(translate("TeamView", BREAKDOWN_LABELS[by]), by.value)
        self.export_button = QPushButton(self.tr("Eksportér tal til Excel …"))
        self.export_button.setObjectName("team_export_button")
        self.export_button.setAccessibleName(self.tr("Eksportér rettidighedstallene til Excel"))
        self.summary = QLabel()
        self.summary.setObjectName("team_summary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "title")

        headers = [self.tr("Sagsbehandler"), self.tr("Åbne sager"), *(urgency_label(s) for s in OVERVIEW_STATES)]
        self.matrix = read_only_table("team_matrix", self.tr("Sagsbehandlere og åbne frister"), headers, stretch=0)
        self.matrix.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.matrix.setToolTip(self.tr("Klik på et tal for at se fristerne bag det"))
        self.matrix.cellClicked.connect(self._cell_clicked)
        self.cell_title = QLabel(self.tr("Klik på et tal i tabellen for at se fristerne bag det."))
        self.cell_title.setObjectName("team_cell_title")
        self.cell_title.setProperty("role", "hint")
        self.cell_title.setWordWrap(True)
        self.cell_model = DeadlineTableModel(self, with_group=True)
        self.cell_table = DeadlineTable(self.cell_model, compact=True)
        self.cell_table.setObjectName("team_cell_list")
        self.cell_table.setAccessibleName(self.tr("Fristerne bag det valgte tal"))
        self.cell_table.open_requested.connect(lambda r: self.open_case.emit(r.case_id))

        self.figures = read_only_table("team_figures", self.tr("Rettidighed"),
                                       ["", *(translate("TeamView", h) for h in FIGURE_HEADERS)], stretch=0)
        self.exempt = read_only_table("team_exempt", self.tr("Fritagelser pr. målgruppe"),
                                      [self.tr("Målgruppe"), self.tr("Fritaget"), self.tr("Andel fritaget"),
                                       self.tr("Loft")], stretch=0)  # fmt: skip
        self.figure_tabs = QTabWidget()
        self.figure_tabs.setObjectName("team_figure_tabs")
        self.figure_tabs.addTab(self.figures, self.tr("Tal"))
        self.chart_holder = QWidget()
        QVBoxLayout(self.chart_holder).setContentsMargins(0, 0, 0, 0)
        self.trend_holder = QWidget()
        QVBoxLayout(self.trend_holder).setContentsMargins(0, 0, 0, 0)
        self.figure_tabs.addTab(self.chart_holder, self.tr("Diagram"))
        self.figure_tabs.addTab(self.trend_holder, self.tr("Udvikling (12 måneder)"))
        self.figure_tabs.addTab(self.exempt, self.tr("Fritagelser"))

        bar = QHBoxLayout()
        for label, widget in ((self.tr("&Hvem:"), self.scope_combo), (self.tr("&Periode:"), self.period_combo),
                              (self.tr("&Opdelt på:"), self.by_combo)):  # fmt: skip
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        # The figures are counted off the UI thread (a second at 100k cases).
        self.busy_bar = busy_bar("team_busy", self.tr("Tæller frister"), width=120, text=self.tr("Tæller …"))
        bar.addWidget(self.busy_bar)
        bar.addWidget(self.export_button)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setObjectName("team_top_splitter")
        top.addWidget(self.matrix)
        cell_box = QWidget()
        cell_layout = QVBoxLayout(cell_box)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(self.cell_title)
        cell_layout.addWidget(self.cell_table, 1)
        top.addWidget(cell_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.figure_tabs, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("team_splitter")
        split.addWidget(top)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.loader = BackgroundLoad(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(lambda message: show_error(self, message))
        self.loader.busy.connect(self.busy_bar.setVisible)
        self.loader.progressed.connect(self._progressed)
        self._fill_scopes()
        for combo in (self.scope_combo, self.period_combo, self.by_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.export_button.clicked.connect(self.export)

    # ---------------------------------------------------------------- choices
    def _fill_scopes(self) -> None:
        """The acting caseworker's team first (a team lead's own), each team the database shows, then all."""
        own = self.app.ctx.team
        teams = sorted({t for _, t in self.app.caseworkers() if t} | ({own} if own else set()), key=str.casefold)
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for t in ([own] if own else []) + [t for t in teams if t != own]:
            self.scope_combo.addItem(t, (SCOPE_TEAM, t))
        self.scope_combo.addItem(self.tr("Alle jeg har adgang til"), (SCOPE_ALL, ""))
        self.scope_combo.blockSignals(False)

    def scope(self) -> Scope:
        kind, name = self.scope_combo.currentData() or (SCOPE_ALL, "")
        return Scope(team=name) if kind == SCOPE_TEAM else Scope(everyone=True)

    def period(self) -> KpiPeriod:
        return period_of(str(self.period_combo.currentData()), self.today())

    def breakdown(self) -> Breakdown:
        return Breakdown(str(self.by_combo.currentData()))

    # ---------------------------------------------------------------- loading
    def reload(self) -> None:
        today, scope, period, by = self.today(), self.scope(), self.period(), self.breakdown()
        now = _now(today)
        kpi = self.app.kpi

        def work(progress: Callable[[int, int], bool]) -> tuple[Any, ...]:
            steps: tuple[Callable[[], Any], ...] = (
                lambda: kpi.overview(scope, today, now), lambda: kpi.table(period, by, scope, today, now),
                lambda: kpi.table(period, Breakdown.GROUP, scope, today, now),
                lambda: kpi.trend(period, scope, today, now))  # fmt: skip
            out = []
            for i, step in enumerate(steps):
                if not progress(i, len(steps)):
                    raise Cancelled
                out.append(step())
            return tuple(out)

        self.loader.request(work)  # a newer choice (another team, period) supersedes a count still running

    @property
    def loading(self) -> bool:
        return self.loader.running

    def _progressed(self, done: int, total: int) -> None:
        self.busy_bar.setRange(0, total)
        self.busy_bar.setValue(done)

    def _loaded(self, result: tuple[Any, ...]) -> None:
        self.overview, self.table, by_group, trend = result
        self._show_matrix()
        self._show_figures(by_group)
        self.load_charts()
        self.share_chart.show_rows(self.table.rows)
        self.trend_chart.show_trend(trend)

    def load_charts(self) -> None:
        if self.share_chart is None:  # pyqtgraph is loaded when the tab is first filled, not at start-up
            from jobcenter_desktop.ui.charts import ShareChart, TrendChart

            self.share_chart, self.trend_chart = ShareChart(), TrendChart()
            layout, trend_layout = self.chart_holder.layout(), self.trend_holder.layout()
            assert layout is not None and trend_layout is not None
            layout.addWidget(self.share_chart)
            trend_layout.addWidget(self.trend_chart)

    def _show_matrix(self) -> None:
        assert self.overview is not None
        workers = self.overview.workers
        self.matrix.setRowCount(len(workers))
        for row, w in enumerate(workers):
            name = _item(w.name if w.name == w.login else f"{w.name} ({w.login})")
            name.setData(Qt.ItemDataRole.UserRole, w.login)
            self.matrix.setItem(row, 0, name)
            self.matrix.setItem(row, 1, _item(str(w.caseload), number=True))
            for col, state in enumerate(OVERVIEW_STATES, start=2):
                n = w.counts.get(state, 0)
                item = _item(str(n) if n else "", number=True)
                if n:
                    item.setIcon(state_icon(state))
                    item.setBackground(state_fill(state))
                    item.setToolTip(self.tr("{0}: {1} – klik for listen").format(w.name, count(
                        n, self.tr("frist"), self.tr("frister"))))  # fmt: skip
                self.matrix.setItem(row, col, item)
        self.matrix.resizeColumnsToContents()
        self.cell_model.set_rows([])

    def _cell_clicked(self, row: int, col: int) -> None:
        if self.overview is None or col < 2:
            return
        name = self.matrix.item(row, 0)
        login = str(name.data(Qt.ItemDataRole.UserRole)) if name is not None else ""
        state = OVERVIEW_STATES[col - 2]
        rows = self.overview.cell(login, state)
        self.cell_model.set_rows(rows)
        self.cell_title.setText(self.tr("{0} – {1}: {2}").format(
            name.text() if name else login, urgency_label(state), count(len(rows), self.tr("frist"),
                                                                        self.tr("frister"))))  # fmt: skip

    def _show_figures(self, by_group: Any) -> None:
        table = self.table
        rows = [*table.rows, table.total]
        self.figures.setRowCount(len(rows))
        header = self.figures.horizontalHeaderItem(0)
        if header is not None:
            header.setText(translate("TeamView", BREAKDOWN_LABELS[table.by]))
        for r, row in enumerate(rows):
            values = [row.label, str(row.on_time), str(row.late), str(row.overdue), str(row.exempt),
                      str(row.not_yet_due), str(row.soft), percent(row.share_on_time),
                      percent(row.target) if row.target is not None else "–", status_of(row),
                      str(row.notified_in_time), str(row.not_notified)]  # fmt: skip
            for c, text in enumerate(values):
                item = _item(text, number=0 < c < 9 or c > 9)
                if row is table.total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c == 9 and row.share_on_time is not None and row.target is not None:
                    state = Urgency.OVERDUE if row.below_target else Urgency.DONE_ON_TIME
                    item.setBackground(state_fill(state))
                    item.setIcon(state_icon(state))
                if c == 11 and row.not_notified:  # the law's notice missed: icon and fill with the number
                    item.setBackground(notice_fill(NoticeState.BREACH))
                    item.setIcon(notice_icon(NoticeState.BREACH))
                self.figures.setItem(r, c, item)
        self.figures.resizeColumnsToContents()
        groups = by_group.exempt_by_group
        self.exempt.setRowCount(len(groups))
        for r, g in enumerate(groups):
            over = g.over_exempt_ceiling
            values = [g.label, str(g.exempt), percent(g.exempt_share),
                      self.tr("over loftet") if over else self.tr("under loftet")]  # fmt: skip
            for c, text in enumerate(values):
                item = _item(text, number=c in (1, 2))
                if c == 3 and over:
                    item.setBackground(state_fill(Urgency.OVERDUE))
                    item.setIcon(state_icon(Urgency.OVERDUE))
                self.exempt.setItem(r, c, item)
        self.exempt.resizeColumnsToContents()
        total = table.total
        self.summary.setText(self.tr("{0}, {1}: {2} til tiden af {3} (mål {4}); {5} fritaget (loft {6} pr. "
                                     "målgruppe).").format(
            table.period.label, self.scope().label(), percent(total.share_on_time),
            count(total.counted, self.tr("frist"), self.tr("frister")),
            percent(total.target) if total.target is not None else "–", total.exempt, percent(EXEMPT_CEILING))
            + " " + self.tr("Afgørelser på ansøgninger (rsl. § 3, stk. 2): {0} inden fristen; ikke nået: {1} med "
                            "underretning i tide, {2} uden.").format(
                total.decisions_on_time, total.notified_in_time, total.not_notified))

    # ---------------------------------------------------------------- export
    def export(self) -> None:
        period, scope, by = self.period(), self.scope(), self.breakdown()
        folder = remembered_folder(self.settings, "export/kpi_folder")
        name = self.app.kpi_export.default_filename(period, scope)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Eksportér rettidighed"), str(folder / name),
                                              self.tr("Excel-projektmappe (*.xlsx)"))  # fmt: skip
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        if self.settings is not None:
            self.settings.setValue("export/kpi_folder", str(target.parent))
        today = self.today()
        outcome = run_task(self, self.tr("Eksportér rettidighed"), self.tr("Skriver projektmappen …"),
                           lambda _p: self.app.kpi_export.export(period, by, scope, target, today,
                                                                 _now(today)))  # fmt: skip
        if outcome.error:
            show_error(self, outcome.error)
            return
        self.written = target
        self.summary.setText(self.tr("Gemt: {0} ({1}).").format(target.name, BREAKDOWN_DA[by]))

    def export_to(self, target: Path) -> None:
        """Without the file dialog (tests, and the same code path as export)."""
        today = self.today()
        try:
            self.app.kpi_export.export(self.period(), self.breakdown(), self.scope(), target, today, _now(today))
        except ServiceError as e:
            show_error(self, str(e))
