"""A case's history (the audit entries) as people read it, for the window's Historik tab and the CLI's
``audit``: Danish action words, milestone names instead of rule ids, dd-mm-åååå instead of ISO dates, local
time, no CPR number and no control character."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jobcenter_desktop.core.models import AuditEntry
from jobcenter_desktop.core.party import hide_cpr_in_text
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.core.text import danish_dates, printable

ACTIONS = {
    "create": "Oprettet", "due": "Frist beregnet", "complete": "Udført", "undo_complete": "Udført fortrudt",
    "pause": "Pause", "resume": "Genoptaget", "trigger": "Hændelse", "reassign": "Overdraget", "update": "Ændret",
    "close": "Lukket", "reopen": "Genåbnet", "not_applicable": "Bortfaldet", "recompute": "Genberegnet",
    "reveal_cpr": "CPR vist", "checkout": "Udlånt", "checkout_lost": "Udlån afsluttet (bortkommet)",
    "checkin": "Afleveret", "conflict": "Konflikt", "resolve": "Konflikt afgjort", "delete": "Slettet",
    "set": "Sat", "import": "Importeret", "demo": "Demodata", "backup": "Sikkerhedskopi", "restore": "Gendannet",
    "encrypt": "Krypteret", "decrypt": "Dekrypteret", "undo_pause": "Pause fortrudt",
    "exempt": "Fritaget", "unexempt": "Fritagelse ophævet", "catalogue_move": "Flyttet til nyt katalog",
    "export": "Eksporteret", "catalogue_add": "Katalog tilføjet", "catalogue_remove": "Katalog fjernet",
    "notice": "Underretning sendt", "notice_draft": "Udkast til underretning", "insight": "Indsigtsrapport",
    "correct": "Rettet", "retention": "Persondata slettet",
}  # fmt: skip
FIELDS = {
    "caseworker": "Sagsbehandler", "team": "Team", "due": "Frist", "notes": "Bemærkning", "party_name": "Navn",
    "status": "Status", "reason": "Årsag", "done_on": "Udført", "state": "Tilstand", "actor": "Bruger",
    "encryption": "Kryptering", "notice_sent_on": "Underretning",
    "party_id": "CPR/CVR",
}  # fmt: skip
VALUES = {"open": "åben", "closed": "lukket", "done": "udført", "not_applicable": "bortfaldet", "exempt": "fritaget"}


@dataclass(frozen=True, slots=True)
class HistoryLine:
    at: datetime  # local time
    actor: str
    action: str  # Danish
    what: str  # a milestone's name, a field's Danish name, or the case
    change: str  # "før → efter (årsag)", dates dd-mm-åååå
    device: str  # the laptop it was made on, if any


def _value(text: str) -> str:
    return VALUES.get(text, danish_dates(hide_cpr_in_text(text)))  # notes may quote a CPR number


def _what(e: AuditEntry, catalogue: Catalogue) -> str:
    if e.entity == "milestone" and "/" in e.entity_id:
        rule_id = e.entity_id.split("/", 1)[1]
        rule = catalogue.milestones.get(rule_id)
        return rule.name if rule is not None else rule_id
    if e.field:
        return FIELDS.get(e.field, e.field)
    return ""


def history_line(e: AuditEntry, catalogue: Catalogue) -> HistoryLine:
    before, after = _value(e.before), _value(e.after)
    change = f"{before} → {after}" if before else after
    if e.reason:
        reason = danish_dates(hide_cpr_in_text(e.reason))
        change = f"{change} ({reason})" if change else reason
    return HistoryLine(
        at=e.at.astimezone(), actor=printable(e.actor), action=printable(ACTIONS.get(e.action, e.action)),
        what=printable(_what(e, catalogue)), change=printable(change), device=printable(e.device),
    )  # fmt: skip


def history(entries: list[AuditEntry], catalogue: Catalogue) -> list[HistoryLine]:
    """Newest first, as the Historik tab and the CLI show it."""
    return [history_line(e, catalogue) for e in reversed(entries)]
