"""The top of the case window: number, group and status; the party (CPR masked until revealed, which is
audited); caseworker and team; a laptop check-out; the events; an open pause of the whole case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.services.case_view import CaseView
from jobcenter_desktop.ui.theme import when_text


class CaseHeader(QWidget):
    reveal_requested = Signal()
    insight_requested = Signal()
    correct_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.title.setProperty("role", "title")
        self.party_label = QLabel()
        self.party_label.setObjectName("case_party")
        self.party_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("Vis CPR"))
        self.reveal_button.setObjectName("reveal_cpr_button")
        self.reveal_button.setAccessibleName(self.tr("Vis fuldt CPR-nummer (logges)"))
        self.reveal_button.setToolTip(self.tr("Viser det fulde CPR-nummer. Det registreres i sagens historik."))
        self.reveal_button.clicked.connect(self.reveal_requested)
        self.insight_button = QPushButton(self.tr("Indsigt…"))
        self.insight_button.setObjectName("insight_button")
        self.insight_button.setAccessibleName(self.tr("Indsigtsrapport om personen"))
        self.insight_button.setToolTip(self.tr("Alt om personen i alle sager (Excel), til en anmodning om "
                                               "indsigt. Det registreres i historikken."))  # fmt: skip
        self.insight_button.clicked.connect(self.insight_requested)
        self.correct_button = QPushButton(self.tr("Ret…"))
        self.correct_button.setObjectName("correct_party_button")
        self.correct_button.setAccessibleName(self.tr("Ret partens navn eller nummer"))
        self.correct_button.setToolTip(self.tr("Ret en fejl i navn eller CPR/CVR, med begrundelse."))
        self.correct_button.clicked.connect(self.correct_requested)
        self.worker_label = QLabel()
        self.worker_label.setObjectName("case_worker")
        self.worker_label.setWordWrap(True)
        self.worker_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.triggers_label = QLabel()
        self.triggers_label.setObjectName("case_triggers")
        self.triggers_label.setProperty("role", "hint")
        self.triggers_label.setWordWrap(True)
        self.pause_label = QLabel()
        self.pause_label.setObjectName("case_pause")
        self.pause_label.setProperty("role", "warning")
        self.pause_label.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.title, 0, 0, 1, 2)
        party_row = QHBoxLayout()
        party_row.addWidget(self.party_label)
        party_row.addWidget(self.reveal_button)
        party_row.addWidget(self.insight_button)
        party_row.addWidget(self.correct_button)
        party_row.addStretch(1)
        grid.addLayout(party_row, 1, 0)
        grid.addWidget(self.worker_label, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.addWidget(self.triggers_label, 2, 0, 1, 2)
        grid.addWidget(self.pause_label, 3, 0, 1, 2)

    def show_view(self, view: CaseView, catalogue: Catalogue, *, revealed: bool) -> None:
        c = view.case
        group = catalogue.groups[c.group].name if c.group in catalogue.groups else c.group
        status = self.tr("åben") if c.status is CaseStatus.OPEN else self.tr("lukket {0}").format(
            format_date(c.closed_on) if c.closed_on else "")  # fmt: skip
        self.title.setText(f"{c.number} · {group} · {status}")
        ident = display_party_id(c.party.kind, c.party.identifier, reveal=revealed)
        self.party_label.setText(f"{c.party.name} ({ident})")
        self.reveal_button.setVisible(c.party.kind.value == "citizen" and not revealed)
        worker = self.tr("Sagsbehandler: {0}  Team: {1}").format(c.caseworker, c.team or "—")
        for out in view.checkouts:  # colleagues may still change it: say what it risks
            worker += self.tr("  ·  Udlånt til {0} (bærbar {1}) siden {2}; en ændring her kan give en konflikt ved "
                              "afleveringen").format(out.login, out.device, format_date(out.checked_out_at.date()))
        self.worker_label.setText(worker)
        events = ", ".join(f"{catalogue.triggers[t.kind].name if t.kind in catalogue.triggers else t.kind} "
                           f"{when_text(t.occurred)}" for t in c.triggers)  # fmt: skip
        self.triggers_label.setText(self.tr("Hændelser: {0}  ·  Regelkatalog: {1} ({2}) – det, der gjaldt ved "
                                            "sagens start").format(events or "—", catalogue.title, catalogue.id))
        pause = next((p for p in c.pauses if p.milestone_id is None and p.end is None), None)
        self.pause_label.setVisible(pause is not None)
        if pause is not None:
            text = self.tr("|| Sagen er sat på pause siden {0}: {1}. Fristerne flyttes med de hverdage pausen "
                           "varer, når sagen genoptages.").format(format_date(pause.start),
                                                                   hide_cpr_in_text(pause.reason))  # fmt: skip
            if pause.expected_end is not None:
                text += " " + self.tr("Forventet slut: {0}.").format(format_date(pause.expected_end))
            self.pause_label.setText(text)
