"""Ret: correct the party's name or CPR/CVR number of a case, or the date of a registered event, with the reason
the history will show; deadlines counted from a corrected date move (audited)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from jobcenter_desktop.core.dates import DateParseError, format_anchor, parse_anchor
from jobcenter_desktop.core.models import CaseRecord
from jobcenter_desktop.core.party import display_party_id
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.errors import ServiceError, ValidationError
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.widgets import dialog_buttons


class CorrectPartyDialog(QDialog):
    def __init__(self, app: Frister, case: CaseRecord, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.app, self.case, self.today = app, case, today
        self.setObjectName("CorrectPartyDialog")
        self.setWindowTitle(self.tr("Ret part – sag {0}").format(case.number))
        hint = QLabel(self.tr("Ret en fejl i navnet eller nummeret. Før og efter og begrundelsen står i sagens "
                              "historik. Nummeret kontrolleres som ved oprettelsen."))  # fmt: skip
        hint.setWordWrap(True)
        self.name_edit = QLineEdit(case.party.name)
        self.name_edit.setObjectName("correct_name_edit")
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("correct_id_edit")
        self.id_edit.setPlaceholderText(display_party_id(case.party.kind, case.party.identifier))
        self.id_edit.setToolTip(self.tr("Tomt: nummeret er uændret."))
        cat = app.ctx.catalogue_of(case.catalogue_id)
        self.trigger_combo = QComboBox()
        self.trigger_combo.setObjectName("correct_trigger_combo")
        for t in case.triggers:
            name = cat.triggers[t.kind].name if t.kind in cat.triggers else t.kind
            self.trigger_combo.addItem(f"{name} ({format_anchor(t.occurred)})", t.kind)
        self.trigger_edit = QLineEdit()
        self.trigger_edit.setObjectName("correct_trigger_edit")
        self.trigger_edit.setPlaceholderText(self.tr("ny dato, fx 24-11-2026 (tomt: uændret)"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("correct_reason_edit")
        form = QFormLayout()
        form.addRow(self.tr("Navn:"), self.name_edit)
        form.addRow(self.tr("CPR/CVR (nyt):"), self.id_edit)
        form.addRow(self.tr("Hændelse:"), self.trigger_combo)
        form.addRow(self.tr("Rettet dato:"), self.trigger_edit)
        form.addRow(self.tr("Begrundelse:"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Ret")))
        self.resize(520, 260)

    def accept(self) -> None:
        name = self.name_edit.text()
        new_id = self.id_edit.text().strip()
        new_date = self.trigger_edit.text().strip()
        if new_date and (new_id or name.strip() != self.case.party.name):
            show_error(self, self.tr("Ret enten parten eller en hændelse ad gangen."))
            return
        try:
            if new_date:
                try:
                    when = parse_anchor(new_date)
                except DateParseError as e:
                    show_error(self, str(e))
                    return
                self.case = self.app.corrections.trigger(self.case.id, self.trigger_combo.currentData(), when,
                                                         self.reason_edit.text(), self.today(),
                                                         expected_version=self.case.version)  # fmt: skip
            else:
                self.case = self.app.corrections.party(
                    self.case.id, name=name if name.strip() != self.case.party.name else None,
                    party_id=new_id or None, reason=self.reason_edit.text(), expected_version=self.case.version)
        except ValidationError as e:
            show_error(self, "\n".join(p.message for p in e.problems))
            return
        except ServiceError as e:
            show_error(self, str(e))
            return
        super().accept()
