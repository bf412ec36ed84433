"""Kalender: a month view (Monday first, ISO week numbers, Danish names) with each day's deadline count and
most urgent state, non-working days shaded with their reason, the selected day's and ISO week's deadlines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow
from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import Cancelled
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import notice_label, urgency_label
from jobcenter_desktop.ui.loader import BackgroundLoad
from jobcenter_desktop.ui.models import DeadlineTableModel
from jobcenter_desktop.ui.theme import from_qdate, notice_icon, now_for, state_color, state_fill, to_qdate
from jobcenter_desktop.ui.worklist_view import DeadlineTable

DaySummary = dict[date, tuple[int, Urgency]]
Notices = dict[date, NoticeState]  # days with an underretning missing (rsl. § 3, stk. 2)

NON_WORKING = QColor("#ECECEC")


class LayoutShield(QWidget):
    """Holds one widget without a layout, so that the widget's own re-layouts stop here. QCalendarWidget lays
    itself out again at every month switch (the month's name is in its navigation bar); through the layouts
    that request reached the tab widget, which repaints its whole page on one: the day and week lists with it,
    31 ms a switch instead of 11. A real change of the widget's size hints is still passed on."""

    def __init__(self, child: QWidget) -> None:
        super().__init__()
        child.setParent(self)
        self._child = child
        self._hints = (child.sizeHint(), child.minimumSizeHint())
        self.setSizePolicy(child.sizePolicy())
        self.setFocusProxy(child)

    def sizeHint(self) -> QSize:
        return self._child.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._child.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._child.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            hints = (self._child.sizeHint(), self._child.minimumSizeHint())
            if hints != self._hints:
                self._hints = hints
                self.updateGeometry()
            return True
        return super().event(event)


class DeadlineCalendar(QCalendarWidget):
    """QCalendarWidget that paints per-day deadline counts and urgency; tooltips name holidays/closures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(True)
        self.summary: dict[date, tuple[int, Urgency]] = {}
        self.notices: dict[date, NoticeState] = {}
        self.non_working: dict[date, str] = {}
        self._hint, self._min_hint = QSize(), QSize()
        self.today = date.today()
        weekend = QTextCharFormat()
        weekend.setForeground(QBrush(QColor("#444444")))
        self.setWeekdayTextFormat(Qt.DayOfWeek.Saturday, weekend)
        self.setWeekdayTextFormat(Qt.DayOfWeek.Sunday, weekend)

    def sizeHint(self) -> QSize:
        self._hint = self._hint.expandedTo(super().sizeHint())
        return self._hint

    def minimumSizeHint(self) -> QSize:
        # The month's name sets the navigation bar's width ("maj 2027", "september 2026"): a hint that followed
        # it made every month switch lay out and repaint the whole window (31 ms instead of 11). The hints only
        # grow, to the widest month seen.
        self._min_hint = self._min_hint.expandedTo(super().minimumSizeHint())
        return self._min_hint

    def set_data(self, summary: dict[date, tuple[int, Urgency]], non_working: dict[date, str], today: date,
                 notices: dict[date, NoticeState] | None = None) -> None:  # fmt: skip
        self.summary, self.today, self.notices = summary, today, notices or {}
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clear old tooltips
        self.non_working = non_working
        for day, reason in non_working.items():
            fmt = QTextCharFormat()
            fmt.setToolTip(reason)
            fmt.setForeground(QBrush(QColor("#555555")))
            self.setDateTextFormat(to_qdate(day), fmt)
        for day, (n, state) in summary.items():
            fmt = self.dateTextFormat(to_qdate(day))
            tip = self.tr("{0} — mest presserende: {1}").format(
                count(n, self.tr("frist"), self.tr("frister")), urgency_label(state))
            if day in self.notices:
                tip += "\n✉ " + notice_label(self.notices[day])
            fmt.setToolTip(f"{non_working[day]}\n{tip}" if day in non_working else tip)
            self.setDateTextFormat(to_qdate(day), fmt)
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        day = from_qdate(qdate)
        entry = self.summary.get(day)
        shaded = day in self.non_working
        if entry is None and not shaded:
            super().paintCell(painter, rect, qdate)
        else:
            # Our own cell: background (non-working grey, then the state's fill), day number, selection frame.
            painter.save()
            painter.fillRect(rect, NON_WORKING if shaded else QColor("#ffffff"))
            if entry is not None:
                painter.fillRect(rect.adjusted(1, 1, -1, -1), state_fill(entry[1]))
            in_month = qdate.month() == self.monthShown()
            painter.setPen(QColor("#000000") if in_month else QColor("#8a8a8a"))
            painter.drawText(rect.adjusted(4, 2, -4, -2), int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft),
                             str(qdate.day()))  # fmt: skip
            if qdate == self.selectedDate():
                painter.setPen(QPen(QColor("#0072B2"), 2))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()
        if entry is not None:
            count, state = entry
            painter.save()
            badge = QRectF(rect.right() - 34, rect.bottom() - 20, 31, 17)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(state_color(state))
            painter.setPen(QPen(QColor("#222222"), 0.8))
            painter.drawRoundedRect(badge, 4, 4)
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
            dark = state in (Urgency.OVERDUE, Urgency.PAUSED, Urgency.DONE_LATE, Urgency.DONE_ON_TIME)
            painter.setPen(QColor("#ffffff") if dark else QColor("#000000"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), f"{PALETTE[state].symbol}{count}")
            painter.restore()
        notice = self.notices.get(day)
        if notice is not None:  # an envelope top right: an underretning is missing (the tooltip says it in words)
            icon = notice_icon(notice)
            icon.paint(painter, QRect(rect.right() - 19, rect.top() + 3, 16, 16))
        if day == self.today:
            painter.save()
            painter.setPen(QPen(QColor("#000000"), 3))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
            painter.restore()


class CalendarView(QWidget):
    open_case = Signal(object)

    def __init__(self, app: Frister, today: Callable[[], date], filter_fn: Callable[[], DeadlineFilter],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app = app
        self.today = today
        self.filter_fn = filter_fn
        self._counts: tuple[tuple[DeadlineFilter, date], date, date, DaySummary, Notices] | None = None
        self.setObjectName("calendar_page")
        self.calendar = DeadlineCalendar()
        self.calendar.setObjectName("deadline_calendar")
        self.calendar.setAccessibleName(self.tr("Kalender med frister"))
        grid = self.calendar.focusProxy()  # Qt's inner day grid takes the keyboard focus: name it too
        if grid is not None:
            grid.setAccessibleName(self.tr("Kalender med frister"))
        self.today_button = QPushButton(self.tr("I dag"))
        self.today_button.setObjectName("today_button")
        self.today_button.setAccessibleName(self.tr("Gå til i dag"))
        self.legend_hint = QLabel(self.tr("Tal = antal frister; farve og tegn = den mest presserende. "
                                          "Grå dage er ikke arbejdsdage (hold musen over for navnet)."))  # fmt: skip
        self.legend_hint.setWordWrap(True)
        self.legend_hint.setProperty("role", "hint")

        self.day_title = QLabel()
        self.day_title.setProperty("role", "title")
        self.day_title.setObjectName("day_title")
        self.day_model = DeadlineTableModel(self, with_group=True)
        self.day_table = DeadlineTable(self.day_model, compact=True)
        self.day_table.setObjectName("day_list")
        self.day_table.setAccessibleName(self.tr("Frister på valgt dag"))
        self.week_title = QLabel()
        self.week_title.setProperty("role", "title")
        self.week_title.setObjectName("week_title")
        self.week_model = DeadlineTableModel(self, with_group=True)
        self.week_table = DeadlineTable(self.week_model, compact=True)
        self.week_table.setObjectName("week_list")
        self.week_table.setAccessibleName(self.tr("Frister i valgt uge"))
        for table in (self.day_table, self.week_table):
            table.open_requested.connect(lambda r: self.open_case.emit(r.case_id))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(self.today_button)
        top.addStretch(1)
        left_layout.addLayout(top)
        left_layout.addWidget(LayoutShield(self.calendar), 1)
        left_layout.addWidget(self.legend_hint)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.day_title)
        right_layout.addWidget(self.day_table, 1)
        right_layout.addWidget(self.week_title)
        right_layout.addWidget(self.week_table, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("calendar_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        # The lists get the larger half: they must show milestone and group names; the month fits in less.
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.counts_loader = BackgroundLoad(self)
        self.counts_loader.loaded.connect(self._counts_loaded)
        self.lists_loader = BackgroundLoad(self)
        self.lists_loader.loaded.connect(self._lists_loaded)
        for loader in (self.counts_loader, self.lists_loader):
            loader.failed.connect(lambda message: show_error(self, message))
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.reload_month())
        self.calendar.selectionChanged.connect(self.reload_lists)
        self.today_button.clicked.connect(self.go_today)

    def go_today(self) -> None:
        self.calendar.setSelectedDate(to_qdate(self.today()))
        self.calendar.showSelectedDate()
        self.calendar.setFocus()

    def selected(self) -> date:
        return from_qdate(self.calendar.selectedDate())

    def forget_counts(self) -> None:
        """Cases changed: the cached counts are counted again when the calendar is next shown."""
        self._counts = None

    def reload(self) -> None:
        self._counts = None  # after a change or F5: count again
        self.reload_month()
        self.reload_lists()

    @property
    def loading(self) -> bool:
        return self.counts_loader.running or self.lists_loader.running

    def _grid(self) -> tuple[date, date]:
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        start = first - timedelta(days=first.weekday() + 7)  # the grid shows parts of the neighbouring months
        return start, start + timedelta(days=7 * 8)

    def reload_month(self) -> None:
        """Counts for half a year either side are fetched at once (off the UI thread: a year of "Alle" at 100k
        cases is most of a second), so switching months is a lookup until the cached span is left."""
        start, end = self._grid()
        f, today = self.filter_fn(), self.today()
        cached = self._counts
        if cached is not None and cached[0] == (f, today) and cached[1] <= start <= end <= cached[2]:
            self._show_month(start, end, today, cached[3], cached[4])
            return
        lo, hi, now = start - timedelta(days=183), end + timedelta(days=183), now_for(today)
        deadlines = self.app.deadlines
        self.counts_loader.request(lambda _p: ((f, today), lo, hi, deadlines.day_summary(lo, hi, f, today, now),
                                               deadlines.notice_days(lo, hi, f, today)))  # fmt: skip

    def _counts_loaded(self, cached: tuple[tuple[DeadlineFilter, date], date, date, DaySummary, Notices]) -> None:
        self._counts = cached
        self.reload_month()  # shows them, or asks again if the user moved on meanwhile

    def _show_month(self, start: date, end: date, today: date, counts: DaySummary, notices: Notices) -> None:
        cal = self.app.calendar
        non_working = {}
        d = start
        while d <= end:
            reason = cal.non_working_reason(d)
            if reason is not None:
                non_working[d] = reason
            d += timedelta(days=1)
        self.calendar.set_data({d: v for d, v in counts.items() if start <= d <= end}, non_working, today,
                               {d: v for d, v in notices.items() if start <= d <= end and d in counts})  # fmt: skip

    def reload_lists(self) -> None:
        day, today, f = self.selected(), self.today(), self.filter_fn()
        now = now_for(today)
        monday = day - timedelta(days=day.weekday())
        deadlines = self.app.deadlines

        def work(progress: Callable[[int, int], bool]) -> tuple[date, list[DeadlineRow], list[DeadlineRow]]:
            day_rows = deadlines.list(replace(f, date_from=day, date_to=day), today, now)
            if not progress(1, 2):
                raise Cancelled
            week = replace(f, date_from=monday, date_to=monday + timedelta(days=6))
            return day, day_rows, deadlines.list(week, today, now)

        self.lists_loader.request(work)

    def _lists_loaded(self, result: tuple[date, list[DeadlineRow], list[DeadlineRow]]) -> None:
        day, day_rows, week_rows = result
        self.day_model.set_rows(day_rows)
        reason = self.app.calendar.non_working_reason(day)
        extra = f" — {reason}" if reason else ""
        self.day_title.setText(self.tr("{0} {1}: {2}{3}").format(
            self.calendar.locale().dayName(day.isoweekday()).capitalize(), format_date(day),
            count(len(day_rows), self.tr("frist"), self.tr("frister")), extra))  # fmt: skip
        monday = day - timedelta(days=day.weekday())
        self.week_model.set_rows(week_rows)
        iso = day.isocalendar()
        self.week_title.setText(self.tr("Uge {0} ({1}–{2}): {3}").format(
            iso.week, format_date(monday), format_date(monday + timedelta(days=6)),
            count(len(week_rows), self.tr("frist"), self.tr("frister"))))  # fmt: skip
