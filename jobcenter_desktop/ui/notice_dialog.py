"""Underretning (retssikkerhedsloven § 3, stk. 2): write the letter's draft and record that it was sent.

Opened from the case window on a decision (or its promised date). Everything is filled in already: the expected
date (four weeks after the deadline, on a working day), the file in the user's documents folder; a reason left
empty becomes a bracket in the letter to fill in Word. So the letter is two clicks: "Underretning…", "Skriv
udkast".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.calendar import format_day
from jobcenter_desktop.core.models import CaseRecord, MilestoneRecord
from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ConflictError, ServiceError, ValidationError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.i18n import notice_label
from jobcenter_desktop.ui.theme import from_qdate, notice_fill, notice_icon, to_qdate

#: A reason left empty: the caseworker writes it in Word, like the address.
REASON_TO_FILL = "[Skriv her, hvorfor fristen ikke kan holdes]"
DOCX = ".docx"


class NoticeDialog(QDialog):
    def __init__(self, app: Frister, case: CaseRecord, milestone: MilestoneRecord, notice: NoticeState | None,
                 today: Callable[[], date], parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self.case, self.today, self.settings = app, case, today, settings
        cat = app.ctx.catalogue_of(case.catalogue_id)
        rule = cat.milestones.get(milestone.rule_id)
        decision_id = rule.promise_of if rule is not None and rule.promise_of else milestone.rule_id
        self.decision = next((m for m in case.milestones if m.rule_id == decision_id), milestone)
        self.promise = next((m for m in case.milestones if m.rule_id == decision_id + "_forventet"), None)
        name = cat.milestones[decision_id].name if decision_id in cat.milestones else decision_id
        self.written: Path | None = None
        self.recorded = False
        self.setObjectName("NoticeDialog")
        self.setWindowTitle(self.tr("Underretning – sag {0}").format(case.number))
        self.setAccessibleName(self.tr("Underretning"))

        due = self.decision.due or today()
        intro = QLabel(self.tr("<b>{0}</b>: frist {1}. Kan fristen ikke holdes, skal ansøgeren skriftligt have "
                               "besked om, hvornår en afgørelse kan forventes (retssikkerhedslovens § 3, stk. 2)."
                               ).format(name, format_day(due)))  # fmt: skip
        intro.setWordWrap(True)
        flag = QWidget()
        if notice is not None:  # icon, text and colour together
            row = QHBoxLayout(flag)
            row.setContentsMargins(6, 4, 6, 4)
            icon = QLabel()
            icon.setPixmap(notice_icon(notice).pixmap(16, 16))
            text = QLabel(notice_label(notice))
            text.setObjectName("notice_flag")
            row.addWidget(icon)
            row.addWidget(text, 1)
            flag.setAutoFillBackground(True)
            palette = flag.palette()
            palette.setColor(flag.backgroundRole(), notice_fill(notice))
            flag.setPalette(palette)
        self.expected = QDateEdit(to_qdate(self._suggested(due)))
        self.expected.setObjectName("expected_edit")
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat("dd-MM-yyyy")
        self.expected.setAccessibleName(self.tr("Forventet afgørelse"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason_edit")
        self.reason.setAccessibleName(self.tr("Begrundelse"))
        self.reason.setPlaceholderText(self.tr("Hvorfor kan fristen ikke holdes? Teksten står i brevet. Tomt: "
                                               "skriv den i Word."))  # fmt: skip
        self.reason.setFixedHeight(80)
        self.show_cpr = QCheckBox(self.tr("Fuldt CPR-nr. i brevet (logges i historikken)"))
        self.show_cpr.setObjectName("show_cpr_check")
        self.target = QLineEdit(str(app.notices.default_target(case, self.decision)))
        self.target.setObjectName("target_edit")
        self.target.setAccessibleName(self.tr("Gem brevet som"))
        browse = QPushButton(self.tr("Vælg…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        self.sent_on = QDateEdit(to_qdate(today()))
        self.sent_on.setObjectName("sent_on_edit")
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("dd-MM-yyyy")
        self.sent_on.setAccessibleName(self.tr("Sendt den"))
        form = QFormLayout()
        form.addRow(self.tr("Forventet afgørelse:"), self.expected)
        form.addRow(self.tr("Begrundelse:"), self.reason)
        form.addRow("", self.show_cpr)
        form.addRow(self.tr("Gem brevet som:"), where)
        form.addRow(self.tr("Sendt den:"), self.sent_on)
        self.status = QLabel()
        self.status.setObjectName("notice_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox()
        self.draft_button = buttons.addButton(self.tr("Skriv &udkast"), QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.setObjectName("draft_button")
        self.draft_button.setDefault(True)
        self.draft_button.clicked.connect(self.write_draft)
        self.open_button = buttons.addButton(self.tr("Å&bn brevet"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("open_button")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_letter)
        self.sent_button = buttons.addButton(self.tr("Registrér som &sendt"), QDialogButtonBox.ButtonRole.ActionRole)
        self.sent_button.setObjectName("sent_button")
        self.sent_button.setToolTip(self.tr("Gemmer datoen og den lovede dato (begge logges); den lovede dato følges "
                                            "som fristen »Forventet afgørelse«."))  # fmt: skip
        self.sent_button.clicked.connect(self.record_sent)
        close = buttons.addButton(self.tr("Luk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if notice is not None:
            layout.addWidget(flag)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def _suggested(self, due: date) -> date:
        """Four weeks after the deadline (or the current promise), on a working day; never before today."""
        base = max(self.promise.due if self.promise is not None and self.promise.due else due, self.today())
        return self.app.ctx.calendar.add_working_days(base + timedelta(weeks=4), 0)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Gem underretning"), self.target.text(),
                                              self.tr("Word-dokument (*.docx)"))  # fmt: skip
        if path:
            chosen = Path(path)
            self.target.setText(str(chosen if chosen.suffix.lower() == DOCX else chosen.with_name(chosen.name + DOCX)))

    def write_draft(self) -> bool:
        reason = self.reason.toPlainText().strip() or REASON_TO_FILL
        target = Path(self.target.text().strip()).expanduser()
        try:
            self.written = self.app.notices.draft(self.decision.id, expected=from_qdate(self.expected.date()),
                                                  reason=reason, target=target, today=self.today(),
                                                  show_cpr=self.show_cpr.isChecked())  # fmt: skip
        except ValidationError as e:
            show_error(self, "\n".join(p.message for p in e.problems))
            return False
        except ServiceError as e:
            show_error(self, str(e))
            return False
        self.status.setText(self.tr("Udkast gemt: {0}\nUdfyld adressen, læs brevet igennem og send det; klik så "
                                    "»Registrér som sendt«.").format(self.written))  # fmt: skip
        self.open_button.setEnabled(True)
        return True

    def _open_letter(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def record_sent(self) -> bool:
        try:
            self.case = self.app.notices.record(self.decision.id, from_qdate(self.sent_on.date()),
                                                from_qdate(self.expected.date()), self.today(),
                                                expected_version=self.case.version)  # fmt: skip
        except ValidationError as e:
            show_error(self, "\n".join(p.message for p in e.problems))
            return False
        except (ConflictError, ServiceError) as e:
            show_error(self, str(e))
            return False
        self.recorded = True
        self.accept()
        return True
