"""The legend of urgency states: icon + colour + Danish text. Always reachable (F1 / Vis → Forklaring)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from jobcenter_desktop.core.notice import NOTICE_STYLES, NoticeState
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.ui.i18n import QT_TRANSLATE_NOOP, notice_label, urgency_label
from jobcenter_desktop.ui.theme import notice_icon, state_icon

DESCRIPTIONS = {
    Urgency.OVERDUE: QT_TRANSLATE_NOOP("Legend", "Fristen er overskredet."),
    Urgency.DUE_TODAY: QT_TRANSLATE_NOOP("Legend", "Fristen er i dag."),
    Urgency.SOFT_OVERDUE: QT_TRANSLATE_NOOP("Legend", "Den forventede tid er passeret (ikke et løfte)."),
    Urgency.DUE_SOON: QT_TRANSLATE_NOOP("Legend", "Fristen er inden for få hverdage."),
    Urgency.PAUSED: QT_TRANSLATE_NOOP("Legend", "Sagen eller milepælen er sat på pause."),
    Urgency.PROVISIONAL: QT_TRANSLATE_NOOP("Legend", "Foreløbig: afhænger af at forrige milepæl bliver udført."),
    Urgency.LATER: QT_TRANSLATE_NOOP("Legend", "Fristen ligger længere ude."),
    Urgency.NOT_STARTED: QT_TRANSLATE_NOOP("Legend", "Hændelsen er ikke registreret endnu."),
    Urgency.DONE_LATE: QT_TRANSLATE_NOOP("Legend", "Udført efter fristen."),
    Urgency.DONE_ON_TIME: QT_TRANSLATE_NOOP("Legend", "Udført til tiden."),
    Urgency.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Legend", "Bortfaldet (sagen er lukket)."),
    Urgency.EXEMPT: QT_TRANSLATE_NOOP("Legend", "Fritaget med en begrundelse: ikke på arbejdslisten, tæller som "
                                                "fritaget i rettidighedstallene."),
}
NOTICE_DESCRIPTIONS = {
    NoticeState.DUE: QT_TRANSLATE_NOOP("Legend", "En afgørelse på en ansøgning skal træffes inden for få hverdage, "
                                                 "og ansøgeren har ikke fået underretning (rsl. § 3, stk. 2)."),
    NoticeState.BREACH: QT_TRANSLATE_NOOP("Legend", "Afgørelsens frist er passeret, uden at ansøgeren fik skriftlig "
                                                    "underretning: et brud på retssikkerhedslovens § 3, stk. 2."),
    NoticeState.SENT: QT_TRANSLATE_NOOP("Legend", "Ansøgeren har fået underretning; den lovede dato følges som "
                                                  "»Forventet afgørelse«."),
}


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName(self.tr("Forklaring af farver og tegn"))
        grid = QGridLayout(self)
        for row, state in enumerate(sorted(Urgency, key=lambda s: PALETTE[s].rank)):
            style = PALETTE[state]
            icon = QLabel()
            icon.setPixmap(state_icon(state).pixmap(18, 18))
            swatch = QLabel(f" {style.symbol} ")
            swatch.setFixedSize(44, 22)  # the same box on every row, however the description wraps
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setStyleSheet(f"background:{style.fill}; border:1px solid {style.color}; color:#000;"
                                 "font-weight:bold; padding:1px 4px;")  # fmt: skip
            label = QLabel(f"<b>{urgency_label(state)}</b>")
            desc = QLabel(self.tr(DESCRIPTIONS[state]))
            desc.setProperty("role", "hint")
            desc.setWordWrap(True)  # the dock stays narrow: a long text wraps instead of widening the window
            for col, w in enumerate((icon, swatch, label, desc)):
                grid.addWidget(w, row, col)
        first = len(Urgency)
        for row, notice in enumerate(NOTICE_DESCRIPTIONS, start=first):  # the same look: icon, symbol, words
            nstyle = NOTICE_STYLES[notice]
            icon = QLabel()
            icon.setPixmap(notice_icon(notice).pixmap(18, 18))
            swatch = QLabel(f" {nstyle.symbol} ")
            swatch.setFixedSize(44, 22)
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setStyleSheet(f"background:{nstyle.fill}; border:1px solid {nstyle.color}; color:#000;"
                                 "font-weight:bold; padding:1px 4px;")  # fmt: skip
            desc = QLabel(self.tr(NOTICE_DESCRIPTIONS[notice]))
            desc.setProperty("role", "hint")
            desc.setWordWrap(True)
            for col, w in enumerate((icon, swatch, QLabel(f"<b>{notice_label(notice)}</b>"), desc)):
                grid.addWidget(w, row, col)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(first + len(NOTICE_DESCRIPTIONS), 1)
