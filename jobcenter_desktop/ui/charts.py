"""The Team view's charts, drawn with pyqtgraph (pure Python on top of Qt; ~2 MB, versus QtCharts' PySide6-Addons
wheel of several hundred MB). Imported only when the Team view is first shown.

Never colour alone: every bar carries its share as text, a bar below its target also says "under mål", and the
target is a dashed line named in the legend.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from jobcenter_desktop.core.kpi import MONTHS_DA, KpiPeriod, KpiRow, percent
from jobcenter_desktop.core.urgency import PALETTE, Urgency

translate = QCoreApplication.translate
MET = PALETTE[Urgency.DONE_ON_TIME].color
BELOW = PALETTE[Urgency.OVERDUE].color
TARGET = "#333333"
TITLE_SIZE = "11pt"


def _plot(name: str, title: str) -> pg.PlotWidget:
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    plot.setAccessibleName(title)
    plot.setTitle(title, color="#222222", size=TITLE_SIZE)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(180)
    return plot


class _Chart(QWidget):
    """One pyqtgraph plot filling the widget."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(name, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)


class ShareChart(_Chart):
    """Share on time per row of a breakdown as horizontal bars (long Danish labels read left of them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("share_chart", translate("ShareChart", "Andel til tiden"), parent)
        self.bars: list[tuple[str, float | None, bool]] = []  # (label, share, below target): what is drawn

    def show_rows(self, rows: Sequence[KpiRow]) -> None:
        plot = self.plot
        plot.clear()
        shown = [r for r in rows if r.share_on_time is not None]
        self.bars = [(r.label, r.share_on_time, r.below_target) for r in shown]
        n = len(shown)
        ys = list(range(n))[::-1]  # the first row on top
        if shown:
            widths = [100 * (r.share_on_time or 0) for r in shown]
            brushes = [pg.mkBrush(BELOW if r.below_target else MET) for r in shown]
            plot.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.6, width=widths, brushes=brushes,
                                         pens=[pg.mkPen("#222222")] * n))  # fmt: skip
            font = QFont()
            font.setPointSize(8)
            for y, r in zip(ys, shown, strict=True):
                text = percent(r.share_on_time) + (translate("ShareChart", " – under mål") if r.below_target else "")
                end = 100 * (r.share_on_time or 0)
                inside = end > 70  # a long bar carries its text inside its end, a short one just after it
                label = pg.TextItem(text, color="#111111", anchor=(1, 0.5) if inside else (0, 0.5))
                label.setFont(font)
                label.setPos(end - 1 if inside else end + 1, y)
                plot.addItem(label)
        targets = sorted({r.target for r in shown if r.target is not None})
        dashed = pg.mkPen(TARGET, width=2, style=Qt.PenStyle.DashLine)
        for target in targets:
            plot.addItem(pg.InfiniteLine(pos=100 * target, angle=90, pen=dashed))
        # The target is named in the title, not a legend box that would cover the longest bars.
        title = translate("ShareChart", "Andel til tiden")
        if targets:
            title += translate("ShareChart", " — stiplet linje: mål {0}").format(
                ", ".join(percent(t) for t in targets))  # fmt: skip
        plot.setTitle(title, color="#222222", size=TITLE_SIZE)
        axis = plot.getAxis("left")
        axis.setTicks([[(y, r.label[:30]) for y, r in zip(ys, shown, strict=True)]])
        axis.setWidth(max(60, min(220, 7 * max((len(r.label[:30]) for r in shown), default=0))))
        plot.getAxis("bottom").setLabel(translate("ShareChart", "Andel til tiden (%)"))
        plot.setXRange(0, 100, padding=0.02)
        plot.setYRange(-0.6, max(n - 0.4, 0.6), padding=0)
        if not shown:
            empty = pg.TextItem(translate("ShareChart", "Ingen frister med en frist i perioden"), color="#555555",
                                anchor=(0.5, 0.5))  # fmt: skip
            empty.setPos(50, 0)
            plot.addItem(empty)


class TrendChart(_Chart):
    """The share on time month by month (the last 12), with the target line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("trend_chart", translate("TrendChart", "Andel til tiden pr. måned"), parent)
        self.points: list[tuple[str, float | None]] = []

    def show_trend(self, trend: Sequence[tuple[KpiPeriod, KpiRow]]) -> None:
        plot = self.plot
        plot.clear()
        self.points = [(p.key, r.share_on_time) for p, r in trend]
        xs = [i for i, (_, r) in enumerate(trend) if r.share_on_time is not None]
        ys = [100 * (trend[i][1].share_on_time or 0) for i in xs]
        legend = plot.addLegend(offset=(-10, -10))
        legend.clear()
        if xs:
            plot.plot(xs, ys, pen=pg.mkPen(MET, width=2), symbol="o", symbolBrush=[
                pg.mkBrush(BELOW if trend[i][1].below_target else MET) for i in xs], symbolSize=9,
                name=translate("TrendChart", "Andel til tiden"))  # fmt: skip
        font = QFont()
        font.setPointSize(8)
        for i in xs:  # each point says its share (and whether it is under the target) in words too
            row = trend[i][1]
            text = percent(row.share_on_time) + ("▼" if row.below_target else "")
            label = pg.TextItem(text, color="#111111", anchor=(0.5, 1.3))
            label.setFont(font)
            label.setPos(i, 100 * (row.share_on_time or 0))
            plot.addItem(label)
        targets = [r.target for _, r in trend if r.target is not None]
        if targets:
            plot.plot([0, max(len(trend) - 1, 1)], [100 * targets[-1]] * 2,
                      pen=pg.mkPen(TARGET, width=2, style=Qt.PenStyle.DashLine),
                      name=translate("TrendChart", "Mål {0}").format(percent(targets[-1])))  # fmt: skip
        plot.getAxis("bottom").setTicks([[(i, f"{MONTHS_DA[p.start.month - 1][:3]} {p.start.year % 100:02d}")
                                          for i, (p, _) in enumerate(trend)]])  # fmt: skip
        plot.getAxis("left").setLabel(translate("TrendChart", "%"))
        plot.setYRange(0, 100, padding=0.05)
        plot.setXRange(-0.5, max(len(trend) - 0.5, 0.5), padding=0)
