"""Danish through Qt's own translation machinery: ``qtbase_da.qm`` for Qt's texts (Save/Cancel, Yes/No, the
file dialog) and ``jobcenter_da.qm`` for ours, both installed once at start-up.

Our source strings are already Danish, so our catalogue translates Danish to Danish; it exists so that every
user-visible string is extracted (``scripts/update-translations.sh``, checked by tests/unit/ui/test_i18n.py)
and a second language is a .ts file away. Texts kept in plain Python tables (column headers, audit actions,
urgency labels) are marked with ``QT_TRANSLATE_NOOP`` and translated where they are shown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jobcenter_desktop.core.notice import NOTICE_STYLES, NoticeState
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.paths import resource_path

log = logging.getLogger(__name__)

APP_CATALOGUE = "jobcenter_da"
QT_CATALOGUE = "qtbase_da"
DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)



def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction under ``context`` and returns it unchanged (typed, unlike PySide6's)."""
    return text


# core/urgency.py keeps its labels without Qt (Excel and the CLI use them too); these are the same texts
# marked for extraction. tests/unit/ui/test_i18n.py checks the two stay equal.
URGENCY_LABELS = {
    Urgency.OVERDUE: QT_TRANSLATE_NOOP("Urgency", "Overskredet"),
    Urgency.DUE_TODAY: QT_TRANSLATE_NOOP("Urgency", "Frist i dag"),
    Urgency.SOFT_OVERDUE: QT_TRANSLATE_NOOP("Urgency", "Forventet tid passeret"),
    Urgency.DUE_SOON: QT_TRANSLATE_NOOP("Urgency", "Snart"),
    Urgency.PAUSED: QT_TRANSLATE_NOOP("Urgency", "Pauset"),
    Urgency.PROVISIONAL: QT_TRANSLATE_NOOP("Urgency", "Foreløbig"),
    Urgency.LATER: QT_TRANSLATE_NOOP("Urgency", "Senere"),
    Urgency.NOT_STARTED: QT_TRANSLATE_NOOP("Urgency", "Ikke startet"),
    Urgency.DONE_LATE: QT_TRANSLATE_NOOP("Urgency", "Udført for sent"),
    Urgency.DONE_ON_TIME: QT_TRANSLATE_NOOP("Urgency", "Udført til tiden"),
    Urgency.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Urgency", "Bortfaldet"),
    Urgency.EXEMPT: QT_TRANSLATE_NOOP("Urgency", "Fritaget"),
}
NOTICE_LABELS = {
    NoticeState.DUE: QT_TRANSLATE_NOOP("Urgency", "Underretning mangler"),
    NoticeState.BREACH: QT_TRANSLATE_NOOP("Urgency", "Frist overskredet uden underretning (rsl. § 3, stk. 2)"),
    NoticeState.SENT: QT_TRANSLATE_NOOP("Urgency", "Underretning sendt"),
    NoticeState.SENT_LATE: QT_TRANSLATE_NOOP("Urgency", "Underretning sendt for sent"),
}

# services/history.py's Danish words for audit actions and fields, marked for extraction (test: kept equal).
HISTORY_WORDS = (
    QT_TRANSLATE_NOOP("History", "Oprettet"),
    QT_TRANSLATE_NOOP("History", "Frist beregnet"),
    QT_TRANSLATE_NOOP("History", "Udført"),
    QT_TRANSLATE_NOOP("History", "Udført fortrudt"),
    QT_TRANSLATE_NOOP("History", "Pause"),
    QT_TRANSLATE_NOOP("History", "Genoptaget"),
    QT_TRANSLATE_NOOP("History", "Hændelse"),
    QT_TRANSLATE_NOOP("History", "Overdraget"),
    QT_TRANSLATE_NOOP("History", "Ændret"),
    QT_TRANSLATE_NOOP("History", "Lukket"),
    QT_TRANSLATE_NOOP("History", "Genåbnet"),
    QT_TRANSLATE_NOOP("History", "Bortfaldet"),
    QT_TRANSLATE_NOOP("History", "Genberegnet"),
    QT_TRANSLATE_NOOP("History", "CPR vist"),
    QT_TRANSLATE_NOOP("History", "Udlånt"),
    QT_TRANSLATE_NOOP("History", "Udlån afsluttet (bortkommet)"),
    QT_TRANSLATE_NOOP("History", "Afleveret"),
    QT_TRANSLATE_NOOP("History", "Konflikt"),
    QT_TRANSLATE_NOOP("History", "Konflikt afgjort"),
    QT_TRANSLATE_NOOP("History", "Slettet"),
    QT_TRANSLATE_NOOP("History", "Sat"),
    QT_TRANSLATE_NOOP("History", "Importeret"),
    QT_TRANSLATE_NOOP("History", "Demodata"),
    QT_TRANSLATE_NOOP("History", "Sikkerhedskopi"),
    QT_TRANSLATE_NOOP("History", "Gendannet"),
    QT_TRANSLATE_NOOP("History", "Krypteret"),
    QT_TRANSLATE_NOOP("History", "Dekrypteret"),
    QT_TRANSLATE_NOOP("History", "Pause fortrudt"),
    QT_TRANSLATE_NOOP("History", "Fritaget"),
    QT_TRANSLATE_NOOP("History", "Fritagelse ophævet"),
    QT_TRANSLATE_NOOP("History", "Flyttet til nyt katalog"),
    QT_TRANSLATE_NOOP("History", "Eksporteret"),
    QT_TRANSLATE_NOOP("History", "Katalog tilføjet"),
    QT_TRANSLATE_NOOP("History", "Katalog fjernet"),
    QT_TRANSLATE_NOOP("History", "Sagsbehandler"),
    QT_TRANSLATE_NOOP("History", "Team"),
    QT_TRANSLATE_NOOP("History", "Frist"),
    QT_TRANSLATE_NOOP("History", "Bemærkning"),
    QT_TRANSLATE_NOOP("History", "Navn"),
    QT_TRANSLATE_NOOP("History", "Status"),
    QT_TRANSLATE_NOOP("History", "Årsag"),
    QT_TRANSLATE_NOOP("History", "Tilstand"),
    QT_TRANSLATE_NOOP("History", "Bruger"),
    QT_TRANSLATE_NOOP("History", "Kryptering"),
    QT_TRANSLATE_NOOP("History", "Underretning sendt"),
    QT_TRANSLATE_NOOP("History", "Udkast til underretning"),
    QT_TRANSLATE_NOOP("History", "Underretning"),
    QT_TRANSLATE_NOOP("History", "Indsigtsrapport"),
    QT_TRANSLATE_NOOP("History", "Rettet"),
    QT_TRANSLATE_NOOP("History", "Persondata slettet"),
    QT_TRANSLATE_NOOP("History", "CPR/CVR"),
)


def history_word(text: str) -> str:
    return QCoreApplication.translate("History", text)


def urgency_label(state: Urgency) -> str:
    return QCoreApplication.translate("Urgency", PALETTE[state].label)


def notice_label(state: NoticeState) -> str:
    return QCoreApplication.translate("Urgency", NOTICE_STYLES[state].label)


def qt_translations_dirs() -> list[str]:
    """Where qtbase_da.qm is looked for: our resources (the bundle copies it there), then Qt's own folder."""
    return [str(resource_path("translations")), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Installs Qt's and our Danish catalogues into ``app`` (parented to it, so they live as long as it).
    A missing catalogue is logged, never fatal: the texts then show untranslated."""
    QLocale.setDefault(DANISH)
    installed: list[QTranslator] = []
    for name, dirs in ((QT_CATALOGUE, qt_translations_dirs()), (APP_CATALOGUE, [str(resource_path("translations"))])):
        translator = QTranslator(app)
        if any(translator.load(name, d) for d in dirs):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("Oversættelsen %s blev ikke fundet (%s)", name, ", ".join(dirs))
    return installed
