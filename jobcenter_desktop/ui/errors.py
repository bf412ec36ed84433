"""Unexpected errors: logged with a traceback, shown as a short Danish message with the log path; the app
keeps running."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("jobcenter_desktop.ui")


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    title = title if title is not None else QCoreApplication.translate("Errors", "Fejl")
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.exec()


def install_excepthook(log_path: Path) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("Uventet fejl", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None:
            show_error(
                QApplication.activeWindow(),
                QCoreApplication.translate(
                    "Errors", "Der opstod en uventet fejl. Det du har gemt er ikke tabt, og programmet kører "
                    "videre.\n\nDetaljer er skrevet i logfilen:\n{0}").format(log_path),
                QCoreApplication.translate("Errors", "Uventet fejl"),
            )

    sys.excepthook = hook
