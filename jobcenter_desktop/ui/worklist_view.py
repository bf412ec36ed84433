"""Mine frister: open milestones sorted by due date, with filters and search-as-you-type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow
from jobcenter_desktop.core.text import MAX_SEARCH, count
from jobcenter_desktop.core.urgency import OPEN_STATES, PALETTE, Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import Cancelled
from jobcenter_desktop.ui.i18n import urgency_label
from jobcenter_desktop.ui.loader import BackgroundLoad, Reporter
from jobcenter_desktop.ui.models import DeadlineTableModel, Prepared, prepare
from jobcenter_desktop.ui.theme import from_qdate, now_for, state_icon, to_qdate
from jobcenter_desktop.ui.widgets import CheckableCombo, busy_bar, search_goes_to_first_hit, setup_table

ALL = ""
FIRST_PAGE = 300  # rows: more than a screen, and read in a few ms whatever the list's length


class DeadlineTable(QTableView):
    """A table of deadlines that opens the case on double-click or Enter."""

    open_requested = Signal(object)  # DeadlineRow

    # Fits 1366 px with every column readable; the newest note takes what is left (and scrolls on 1024 px).
    FULL_WIDTHS = ((0, 178), (1, 150), (2, 72), (3, 250), (4, 150), (5, 160), (6, 100), (7, 92), (8, 100), (9, 160))
    # The calendar's lists: status, due, "milestone · group" (stretched), party.
    COMPACT_WIDTHS = ((0, 126), (1, 128), (5, 125))
    COMPACT_HIDDEN = (DeadlineTableModel.COL_LEFT, DeadlineTableModel.COL_GROUP, DeadlineTableModel.COL_PARTY_ID,
                      DeadlineTableModel.COL_CASE, DeadlineTableModel.COL_WORKER, DeadlineTableModel.COL_NOTE)

    def __init__(self, model: DeadlineTableModel, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setModel(model)
        setup_table(self)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(DeadlineTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in self.COMPACT_WIDTHS if compact else self.FULL_WIDTHS:
            self.setColumnWidth(col, width)
        for col in self.COMPACT_HIDDEN if compact else ():
            self.setColumnHidden(col, True)
        if compact:  # the calendar's lists: the milestone takes the room
            header.setSectionResizeMode(DeadlineTableModel.COL_MILESTONE, QHeaderView.ResizeMode.Stretch)
        else:  # never squeezed to nothing by the other columns: the last column (the note) stretches
            header.setStretchLastSection(True)
            header.setMinimumSectionSize(60)
        self.doubleClicked.connect(lambda idx: self._open(idx.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _open(self, row: int) -> None:
        model = self.model()
        assert isinstance(model, DeadlineTableModel)
        if 0 <= row < model.rowCount():
            self.open_requested.emit(model.row_at(row))


class WorklistView(QWidget):
    open_case = Signal(object)  # case id
    loaded = Signal()  # fresh rows are in the list (a load off the UI thread ended)

    def __init__(self, app: Frister, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.today = today
        self.setObjectName("worklist_page")

        self.caseworker_combo = self._combo("filter_caseworker", self.tr("Sagsbehandler"))
        self.team_combo = self._combo("filter_team", self.tr("Team"))
        self.group_combo = self._combo("filter_group", self.tr("Målgruppe"))
        self.status_combo = CheckableCombo()  # several states at once: tick them in the open list
        self.status_combo.setObjectName("filter_status")
        self.status_combo.setAccessibleName(self.tr("Status (flere kan vælges)"))
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_combo.setMinimumContentsLength(14)
        self.period_check = QCheckBox(self.tr("Periode"))
        self.period_check.setObjectName("filter_period")
        self.period_check.setAccessibleName(self.tr("Begræns til en periode"))
        self.from_edit = self._date_edit("filter_from", self.tr("Fra dato"))
        self.to_edit = self._date_edit("filter_to", self.tr("Til dato"))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setAccessibleName(self.tr("Søg"))
        self.search_edit.setPlaceholderText(self.tr("Søg navn, sagsnr. eller CPR … (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(MAX_SEARCH)  # the services refuse longer searches
        self.count_label = QLabel()
        self.count_label.setObjectName("worklist_count")
        self.count_label.setProperty("role", "hint")
        # A fixed size: a count that changes length on every keystroke would otherwise ask for a new layout,
        # which climbs to the tab widget and repaints the whole tab (a fixed width alone still let the request
        # through: 90 ms instead of 55 for a keystroke that changes the count at 100k cases).
        widest = max(self.tr("{0} af {1}").format("999.999", "999.999 frister"),
                     self.tr("{0} – henter resten …").format("999.999 frister"), key=len)  # fmt: skip
        self.count_label.setFixedSize(self.count_label.fontMetrics().horizontalAdvance(widest) + 4,
                                      self.count_label.sizeHint().height())  # fmt: skip
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Loads run off the UI thread (65,000 rows at 100k cases take seconds): a busy bar says so meanwhile.
        self.busy_bar = busy_bar("worklist_busy", self.tr("Henter frister"))
        self.loader = BackgroundLoad(self)
        self.loader.loaded.connect(self._loaded)
        self.loader.partial.connect(self._first_page)
        self.loader.failed.connect(self._load_failed)
        self.loader.busy.connect(self._busy)

        self.model = DeadlineTableModel(self)
        self.table = DeadlineTable(self.model)
        self.table.setObjectName("worklist_view")
        self.table.setAccessibleName(self.tr("Mine frister"))
        self.table.open_requested.connect(lambda r: self.open_case.emit(r.case_id))

        filters = QHBoxLayout()
        labelled = ((self.tr("Sagsbehandler:"), self.caseworker_combo), (self.tr("Team:"), self.team_combo),
                    (self.tr("Målgruppe:"), self.group_combo), (self.tr("Status:"), self.status_combo))
        for label, widget in labelled:
            lab = QLabel(label)
            lab.setBuddy(widget)
            filters.addWidget(lab)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.filters_row = filters  # the window adds "Gemte visninger" at its end
        search_row = QHBoxLayout()  # the period sits here, so the filter row fits a 1366 px laptop screen
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.period_check)
        search_row.addWidget(self.from_edit)
        search_row.addWidget(QLabel("–"))
        search_row.addWidget(self.to_edit)
        search_row.addWidget(self.busy_bar)
        search_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.summary_slot = QVBoxLayout()
        layout.addLayout(self.summary_slot)
        layout.addLayout(filters)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.search_edit, self.table)
        search_goes_to_first_hit(self.search_edit, self.table)

        self._fill_filters()
        for combo in (self.caseworker_combo, self.team_combo, self.group_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.period_check.toggled.connect(self._period_toggled)
        self.from_edit.dateChanged.connect(self.reload)
        self.to_edit.dateChanged.connect(self.reload)
        self.status_combo.changed.connect(self._refilter)
        self.search_edit.textChanged.connect(self._refilter)
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)  # no period until ticked; the rows come with the main window's first refresh

    # ---------------------------------------------------------------- building
    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setCalendarPopup(True)
        return edit

    def view_state(self) -> dict[str, object]:
        """The filters as shown, for a saved view."""
        period = self.period_check.isChecked()
        return {"caseworker": self.caseworker_combo.currentData() or "", "team": self.team_combo.currentData() or "",
                "group": self.group_combo.currentData() or "", "states": self.status_combo.ticked(),
                "search": self.search_edit.text(),
                "from": from_qdate(self.from_edit.date()).isoformat() if period else "",
                "to": from_qdate(self.to_edit.date()).isoformat() if period else ""}  # fmt: skip

    def apply_view_state(self, state: dict[str, object]) -> None:
        """Shows a saved view (one reload); a caseworker, team or group no longer there falls back to "Alle"."""
        combos = ((self.caseworker_combo, "caseworker"), (self.team_combo, "team"), (self.group_combo, "group"))
        for combo in (c for c, _ in combos):
            combo.blockSignals(True)
        for combo, key in combos:
            combo.setCurrentIndex(max(0, combo.findData(str(state.get(key, "") or ""))))
        for combo in (c for c, _ in combos):
            combo.blockSignals(False)
        start, end = str(state.get("from", "") or ""), str(state.get("to", "") or "")
        self.period_check.blockSignals(True)
        self.period_check.setChecked(bool(start and end))
        self.period_check.blockSignals(False)
        for edit, value in ((self.from_edit, start), (self.to_edit, end)):
            edit.setEnabled(bool(start and end))
            if value:
                edit.blockSignals(True)
                edit.setDate(to_qdate(date.fromisoformat(value)))
                edit.blockSignals(False)
        states = state.get("states", [])
        self.status_combo.blockSignals(True)
        self.status_combo.set_ticked([str(v) for v in states] if isinstance(states, list) else [])
        self.status_combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(str(state.get("search", "") or ""))
        self.search_edit.blockSignals(False)
        self.reload()
        self._refilter()

    def refill_people(self, *, select_me: bool = False) -> None:
        """(Re)fill the caseworker and team lists, keeping the current choice (new colleagues appear, and an
        identity change in Indstillinger moves "(mig)")."""
        me = self.app.ctx.actor
        workers = self.app.caseworkers()
        current_worker = me if select_me else self.caseworker_combo.currentData()
        current_team = self.team_combo.currentData()
        for combo in (self.caseworker_combo, self.team_combo):
            combo.blockSignals(True)
            combo.clear()
        self.caseworker_combo.addItem(self.tr("Alle"), ALL)
        for name in sorted({u for u, _ in workers} | {me}):
            label = self.tr("{0} (mig)").format(name) if name == me else name
            self.caseworker_combo.addItem(label, name)
        self.team_combo.addItem(self.tr("Alle"), ALL)
        for team in sorted({t for _, t in workers if t}):
            self.team_combo.addItem(team, team)
        self.caseworker_combo.setCurrentIndex(max(0, self.caseworker_combo.findData(current_worker)))
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(current_team)))
        for combo in (self.caseworker_combo, self.team_combo):
            combo.blockSignals(False)

    def _fill_filters(self) -> None:
        self.refill_people(select_me=True)
        self.group_combo.addItem(self.tr("Alle"), ALL)
        for group in self.app.catalogue.groups.values():
            self.group_combo.addItem(group.name, group.id)
        self.status_combo.addItem(self.tr("Alle åbne"), ALL)
        for state in sorted(OPEN_STATES, key=lambda s: PALETTE[s].rank):
            self.status_combo.addItem(state_icon(state), urgency_label(state), state.value)
        today = self.today()
        self.from_edit.setDate(to_qdate(today))
        self.to_edit.setDate(to_qdate(today + timedelta(days=13)))

    # ---------------------------------------------------------------- behaviour
    def current_filter(self) -> DeadlineFilter:
        period = self.period_check.isChecked()
        return DeadlineFilter(
            caseworker=self.caseworker_combo.currentData() or None,
            team=self.team_combo.currentData() or None,
            group=self.group_combo.currentData() or None,
            date_from=from_qdate(self.from_edit.date()) if period else None,
            date_to=from_qdate(self.to_edit.date()) if period else None,
        )

    @property
    def loading(self) -> bool:
        return self.loader.running

    def reload(self) -> None:
        """Fetch rows for the database-side filters on a worker thread (a newer reload supersedes a running
        one); search text and status filter in memory as you type, also over the rows shown meanwhile."""
        f = self.current_filter()
        if f.date_from and f.date_to and f.date_to < f.date_from:  # the services refuse it; say so in place
            self.loader.cancel()
            self.model.set_rows([])
            self.count_label.setText(self.tr("Slutdato før startdato"))
            return
        today = self.today()
        now = now_for(today)
        sort = self.model.sort_state
        # A long list (a team's, "Alle": 65,000 rows and ~3 s at 100k cases) shows its first page at once when it
        # is sorted by due date, as the database reads it: the rest is appended below when it is in.
        first_page = (not f.caseworker and not f.case_ids and not f.limit
                      and sort == (DeadlineTableModel.COL_DUE, Qt.SortOrder.AscendingOrder))  # fmt: skip

        def job(report: Reporter) -> Prepared:
            page = replace(f, limit=FIRST_PAGE)
            if first_page and not report.partial(prepare(self.app.deadlines.list(page, today, now), sort)):
                raise Cancelled  # superseded meanwhile: do not read the whole list for nobody
            return prepare(self.app.deadlines.list(f, today, now, report), sort)

        self.loader.request(job)

    def _first_page(self, prepared: Prepared) -> None:
        self.model.set_prepared(prepared, partial=True)
        self._update_count()

    def _loaded(self, prepared: Prepared) -> None:
        self.model.set_prepared(prepared)
        self._update_count()
        self.loaded.emit()

    def _load_failed(self, message: str) -> None:
        if self.model.partial:
            self.model.set_rows([])  # a first page alone is not the list: nothing rather than a part
        self.count_label.setText(self.tr("Listen kunne ikke hentes"))
        self.count_label.setToolTip(message)

    def _busy(self, on: bool) -> None:
        self.busy_bar.setVisible(on)
        if on:
            self.count_label.setText(self.tr("Henter frister …"))
            self.count_label.setToolTip("")

    def reload_cases(self, case_ids: frozenset[UUID]) -> None:
        """Fetch only these cases' rows under the current filters and swap them in; the rest stay as loaded."""
        f = self.current_filter()
        if f.date_from and f.date_to and f.date_to < f.date_from:
            return  # the list is empty and says why; nothing to patch
        if self.loading or self.model.partial:
            # The running load may have read before this change (or only its first page is in): ask again
            # instead of patching.
            self.reload()
            return
        rows = self.app.deadlines.list(replace(f, case_ids=case_ids), self.today(), now_for(self.today()))
        self.model.replace_cases(case_ids, rows)
        self._update_count()
        self.loaded.emit()

    def select_case(self, case_id: UUID) -> bool:
        """Selects and scrolls to the case's most urgent row (rows are sorted); False if it is not shown."""
        for row, r in enumerate(self.model.rows()):
            if r.case_id == case_id:
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def _refilter(self) -> None:
        states = frozenset(Urgency(v) for v in self.status_combo.ticked())
        self.model.set_filter(self.search_edit.text(), states)
        self._update_count()

    def _period_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.reload()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = count(shown, self.tr("frist"), self.tr("frister"))
        else:
            text = self.tr("{0} af {1}").format(shown, count(total, self.tr("frist"), self.tr("frister")))
        if self.model.partial:
            text = self.tr("{0} – henter resten …").format(text)  # a long list's first page
        self.count_label.setText(text)

    def rows(self) -> list[DeadlineRow]:
        return self.model.rows()

    def loaded_rows(self) -> list[DeadlineRow]:
        """The rows of the database-side filters, whatever is typed in the search field."""
        return self.model.all_rows()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()
