"""Table models. Rows are plain core records from the services layer, never ORM rows.

The worklist model filters (search text, states) and sorts itself in bulk Python operations rather than
through per-row proxy callbacks: at 100,000 rows a QSortFilterProxyModel calling back into Python for every
row and comparison costs far more than a list comprehension. The case register, which is smaller per view,
uses a plain QSortFilterProxyModel for sorting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.models import CaseStatus, CaseSummary, DeadlineRow
from jobcenter_desktop.core.notice import NOTICE_ALERTS, NoticeState
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.ui.i18n import QT_TRANSLATE_NOOP, notice_label, urgency_label
from jobcenter_desktop.ui.theme import due_text, notice_fill, notice_icon, state_fill, state_icon

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the record behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_BLACK = QColor("#000000")  # state fills are light: black text keeps them readable
# Roles as plain ints: data() runs ~2,000 times per repaint, and comparing with Qt enum members costs more.
_DISPLAY, _DECORATION, _TOOLTIP = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                                                    Qt.ItemDataRole.ToolTipRole))  # fmt: skip
_BACKGROUND, _FOREGROUND, _ALIGN = (int(r) for r in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                                                     Qt.ItemDataRole.TextAlignmentRole))  # fmt: skip
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MIDNIGHT = time(0, 0)


class _RowTableModel(QAbstractTableModel):
    """A flat table of records: one row each, columns named by HEADERS (translated)."""

    HEADERS: tuple[str, ...] = ()
    _rows: Sequence[Any]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None


class DeadlineTableModel(_RowTableModel):
    COL_STATUS, COL_DUE, COL_LEFT, COL_MILESTONE, COL_GROUP, COL_PARTY, COL_PARTY_ID, COL_CASE, COL_WORKER = range(9)
    COL_NOTE = 9
    HEADERS = (
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Status"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Frist"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Hverdage"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Milepæl"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Målgruppe"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Part"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "CPR/CVR"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Sagsnr."),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Sagsbehandler"),
        QT_TRANSLATE_NOOP("DeadlineTableModel", "Seneste bemærkning"),
    )

    def __init__(self, parent: Any = None, *, with_group: bool = False) -> None:
        """``with_group``: the milestone column also names the group (the calendar's narrow lists)."""
        super().__init__(parent)
        self.with_group = with_group
        self._all: list[DeadlineRow] = []
        self._keys: list[str] = []
        self._rows: list[DeadlineRow] = []
        self._text = ""
        self._last_text: str = ""
        self._matches: dict[str, Sequence[int]] = {}  # search text -> matching rows, since the last load
        self._states: frozenset[Urgency] = frozenset()
        self._sort: tuple[int, Qt.SortOrder] = (self.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.revealed: set[Any] = set()  # case ids whose CPR the user chose to reveal
        self._partial = False  # the rows shown are a long list's first page; the rest follows

    # ---------------------------------------------------------------- data in
    def set_rows(self, rows: Sequence[DeadlineRow]) -> None:
        self._partial = False
        self._all = list(rows)
        self._sort_all()
        self._apply()

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def set_prepared(self, prepared: Prepared, *, partial: bool = False) -> None:
        """Rows sorted and keyed by :func:`prepare` off the UI thread (65,000 rows: ~0.4 s kept off it); the
        UI thread only filters them. Sorted otherwise meanwhile (a header click): sorted again here.

        ``partial``: the first page of a long list, shown while the rest loads. When the whole list then
        begins with exactly the rows shown, the rest is appended below them – the selection and the scroll
        position stay where the user put them meanwhile; otherwise (a colleague's change in between, another
        search) the list is replaced as usual."""
        sort, rows, keys = prepared
        was_partial, shown = self._partial, self._rows
        if sort != self._sort:
            if not partial:  # a first page by due date means nothing under another sort: wait for the whole
                self.set_rows(rows)
            return
        self._all, self._keys = rows, keys
        self._last_text = ""
        self._matches = {}
        self._partial = partial
        if was_partial and self._extend(shown):
            return
        self._apply()

    def _extend(self, shown: list[DeadlineRow]) -> bool:
        rows = self._filtered()
        n = len(shown)
        if rows[:n] != shown:
            return False
        if len(rows) > n:
            self.beginInsertRows(QModelIndex(), n, len(rows) - 1)
            self._rows = rows
            self.endInsertRows()
        else:
            self._rows = rows
        return True

    @property
    def partial(self) -> bool:
        return self._partial

    def replace_cases(self, case_ids: frozenset[Any], rows: Sequence[DeadlineRow]) -> None:
        """Swap these cases' rows for ``rows`` (what the filters now give for them), keep every other row, the
        search text and the status filter: a colleague's change to one case costs that case, not the list."""
        keep = [(r, k) for r, k in zip(self._all, self._keys, strict=True) if r.case_id not in case_ids]
        keep += [(r, _search_key(r)) for r in rows]
        col, order = self._sort
        by = _sort_key(col)
        keep.sort(key=lambda rk: by(rk[0]), reverse=order == Qt.SortOrder.DescendingOrder)  # nearly sorted: O(n)
        self._all = [r for r, _ in keep]
        self._keys = [k for _, k in keep]
        self._last_text = ""
        self._matches = {}
        self._apply()

    def _sort_all(self) -> None:
        # Sorted once per load or header click; filtering keeps this order, so a keystroke never sorts.
        col, order = self._sort
        self._all.sort(key=_sort_key(col), reverse=order == Qt.SortOrder.DescendingOrder)
        self._keys = [_search_key(r) for r in self._all]
        self._last_text = ""
        self._matches = {}

    def set_filter(self, text: str = "", states: frozenset[Urgency] = frozenset()) -> None:
        self._text, self._states = text, states
        self._apply()

    def _apply(self) -> None:
        rows = self._filtered()
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _filtered(self) -> list[DeadlineRow]:
        """The loaded rows the search text and the status filter let through, in the sorted order."""
        text = self._text.casefold()
        keys = self._keys
        idx: Sequence[int] | None = self._matches.get(text)  # backspacing to an earlier text: its match is known
        if idx is None:
            # Typing forward only narrows the previous match: start from it instead of from every row.
            previous = self._matches.get(self._last_text) if text.startswith(self._last_text) else None
            idx = previous if previous is not None else range(len(self._all))
            for word in text.split():
                digits = word.replace("-", "")
                if digits != word and digits.isdigit():  # "010190-1235" matches the stored digits too
                    idx = [i for i in idx if word in keys[i] or digits in keys[i]]
                else:
                    idx = [i for i in idx if word in keys[i]]
            if len(self._matches) > 64:
                self._matches.clear()
            self._matches[text] = idx
        self._last_text = text
        rows = self._all if not text.split() else [self._all[i] for i in idx]
        if self._states:
            rows = [r for r in rows if r.urgency in self._states]
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._sort_all()
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    # ---------------------------------------------------------------- Qt model API
    def row_at(self, row: int) -> DeadlineRow:
        return self._rows[row]

    def total(self) -> int:
        """Rows before the search/state filter."""
        return len(self._all)

    def rows(self) -> list[DeadlineRow]:
        return list(self._rows)

    def all_rows(self) -> list[DeadlineRow]:
        """Every loaded row, before the search/state filter."""
        return list(self._all)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        r = self._rows[row]
        col = index.column()
        role = int(role)
        if role == _DISPLAY:
            return self._display(r, col)
        if role == _DECORATION:
            if col != self.COL_STATUS:
                return None
            return notice_icon(r.notice) if r.notice in NOTICE_ALERTS else state_icon(r.urgency)
        if role in (_BACKGROUND, _FOREGROUND):
            if col not in (self.COL_STATUS, self.COL_DUE, self.COL_LEFT):
                return None
            if role == _FOREGROUND:
                return _BLACK
            # The law's notice missing outranks "soon": its own fill, icon and words (never colour alone).
            return notice_fill(r.notice) if r.notice in NOTICE_ALERTS else state_fill(r.urgency)
        if role == _TOOLTIP:
            return self._tooltip(r, col)
        if role == _ALIGN:
            return _RIGHT if col == self.COL_LEFT else None
        if role == _ACCESSIBLE:
            return f"{self._display(r, self.COL_STATUS)}, frist {self._display(r, self.COL_DUE)}, {r.milestone_name}"
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return _sort_key(col)(r)
        return None

    def _display(self, r: DeadlineRow, col: int) -> str:
        if col == self.COL_STATUS:
            if r.notice in NOTICE_ALERTS:  # the flag in words; the due state stays in the due and days columns
                return notice_label(r.notice) + (self.tr(" · konflikt") if r.conflict else "")
            label = urgency_label(r.urgency)
            if r.notice is not None:
                label += self.tr(" · underrettet")
            if r.urgency is Urgency.PAUSED and r.paused_since is not None:
                label = self.tr("Pauset siden {0}").format(f"{r.paused_since:%d-%m}")
                label += f" – {hide_cpr_in_text(r.pause_reason)}" if r.pause_reason else ""
                if r.pause_past_expected_end and r.pause_expected_end is not None:
                    label += self.tr(" (skulle slutte {0})").format(f"{r.pause_expected_end:%d-%m}")
            return label + (self.tr(" · konflikt") if r.conflict else "")
        if col == self.COL_NOTE:
            return hide_cpr_in_text(r.notes.strip().split("\n", 1)[0]) if r.notes.strip() else ""
        if col == self.COL_DUE:
            if r.due is None:
                return "—"
            return due_text(r.due, r.due_at)
        if col == self.COL_LEFT:
            return "" if r.working_days_left is None else str(r.working_days_left)
        if col == self.COL_MILESTONE:
            return f"{r.milestone_name} · {r.group_name}" if self.with_group else r.milestone_name
        if col == self.COL_GROUP:
            return r.group_name
        if col == self.COL_PARTY:
            return r.party.name
        if col == self.COL_PARTY_ID:
            return display_party_id(r.party.kind, r.party.identifier, reveal=r.case_id in self.revealed)
        if col == self.COL_CASE:
            return r.case_number
        if col == self.COL_WORKER:
            return r.caseworker
        return ""

    def _tooltip(self, r: DeadlineRow, col: int) -> str | None:
        if col == self.COL_STATUS and r.notice is not None and not r.conflict:
            return notice_tooltip(r)
        if col == self.COL_STATUS and r.conflict:
            return self.tr("Konflikt fra en aflevering fra en bærbar: afgør den under Filer → Konflikter.")
        if col == self.COL_STATUS and r.paused_since is not None and r.urgency is not Urgency.PAUSED:
            return self.tr("Sagen er på pause siden {0}, men fristen var allerede overskredet.").format(
                f"{r.paused_since:%d-%m-%Y}")  # fmt: skip
        if col == self.COL_NOTE and r.notes.strip():
            return hide_cpr_in_text(r.notes.strip())
        if col == self.COL_STATUS and r.provisional:
            return self.tr("Foreløbig: regnet fra forrige milepæls frist, indtil den er udført.")
        if col == self.COL_LEFT:
            return self.tr("Hverdage til fristen (negativ: overskredet)")
        return None


def notice_tooltip(r: DeadlineRow) -> str:
    """What the underretning flag means and what to do (retssikkerhedsloven § 3, stk. 2)."""
    if r.notice is NoticeState.DUE:
        return QCoreApplication.translate(
            "DeadlineTableModel", "Afgørelsen skal træffes senest {0}. Kan fristen ikke holdes, skal ansøgeren "
            "skriftligt have besked om, hvornår en afgørelse kan forventes (retssikkerhedslovens § 3, stk. 2): "
            "åbn sagen og vælg »Skriv underretning«.").format(f"{r.due:%d-%m-%Y}" if r.due else "")
    if r.notice is NoticeState.BREACH:
        return QCoreApplication.translate(
            "DeadlineTableModel", "Fristen er overskredet, og ansøgeren har ikke fået skriftlig underretning "
            "(retssikkerhedslovens § 3, stk. 2). Send en underretning nu: åbn sagen og vælg »Skriv underretning«.")
    sent = f"{r.notice_sent_on:%d-%m-%Y}" if r.notice_sent_on else ""
    if r.notice is NoticeState.SENT_LATE:
        return QCoreApplication.translate("DeadlineTableModel", "Underretning sendt {0}, efter fristen.").format(sent)
    return QCoreApplication.translate("DeadlineTableModel", "Underretning sendt {0}.").format(sent)


def _search_key(r: DeadlineRow) -> str:
    ident = r.party.identifier.replace("-", "")
    return f"{r.party.name.casefold()} {r.case_number} {ident} {r.milestone_name.casefold()}"


Prepared = tuple[tuple[int, Qt.SortOrder], list[DeadlineRow], list[str]]


def prepare(rows: Sequence[DeadlineRow], sort: tuple[int, Qt.SortOrder]) -> Prepared:
    """Rows sorted as the model shows them, with their search keys: what set_rows does, for a worker thread
    (plain Python on plain data: no Qt object is touched)."""
    col, order = sort
    out = sorted(rows, key=_sort_key(col), reverse=order == Qt.SortOrder.DescendingOrder)
    return sort, out, [_search_key(r) for r in out]


def _sort_key(col: int) -> Callable[[DeadlineRow], Any]:
    m = DeadlineTableModel
    far = date.max
    keys: dict[int, Callable[[DeadlineRow], Any]] = {
        m.COL_STATUS: lambda r: (PALETTE[r.urgency].rank, r.due or far),
        m.COL_DUE: lambda r: (r.due or far, r.due_at.time() if r.due_at else _MIDNIGHT, r.case_number),
        m.COL_LEFT: lambda r: (r.working_days_left if r.working_days_left is not None else 10**9, r.case_number),
        m.COL_MILESTONE: lambda r: (r.milestone_name.casefold(), r.due or far),
        m.COL_GROUP: lambda r: (r.group_name.casefold(), r.due or far),
        m.COL_PARTY: lambda r: (r.party.name.casefold(), r.due or far),
        m.COL_PARTY_ID: lambda r: (r.party.identifier, r.due or far),
        m.COL_CASE: lambda r: (r.case_number, r.due or far),
        m.COL_WORKER: lambda r: (r.caseworker.casefold(), r.due or far),
        m.COL_NOTE: lambda r: (r.notes.casefold(), r.due or far),
    }
    return keys.get(col, keys[m.COL_DUE])


class CaseTableModel(_RowTableModel):
    COL_NUMBER, COL_GROUP, COL_PARTY, COL_PARTY_ID, COL_WORKER, COL_TEAM, COL_STATUS, COL_OPEN, COL_NEXT = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("CaseTableModel", "Sagsnr."),
        QT_TRANSLATE_NOOP("CaseTableModel", "Målgruppe"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Part"),
        QT_TRANSLATE_NOOP("CaseTableModel", "CPR/CVR"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Sagsbehandler"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Team"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Åbne frister"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Næste frist"),
    )

    def __init__(self, group_names: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._groups = group_names

    def set_rows(self, rows: Sequence[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if col == self.COL_NUMBER:
                return c.number
            if col == self.COL_GROUP:
                return self._groups.get(c.group, c.group)
            if col == self.COL_PARTY:
                return c.party.name
            if col == self.COL_PARTY_ID:
                return display_party_id(c.party.kind, c.party.identifier)
            if col == self.COL_WORKER:
                return c.caseworker
            if col == self.COL_TEAM:
                return c.team
            if col == self.COL_STATUS:
                return self.tr("Åben") if c.status is CaseStatus.OPEN else self.tr("Lukket")
            if col == self.COL_OPEN:
                return c.open_milestones if sort else str(c.open_milestones)
            if col == self.COL_NEXT:
                if sort:
                    return c.next_due.isoformat() if c.next_due else "9999"
                return format_date(c.next_due) if c.next_due else "—"
        if role == ROW_ROLE:
            return c
        return None
