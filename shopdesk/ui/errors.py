"""Showing problems: a user mistake is a short message, a bug a dialog with details."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from shopdesk.errors import ImportRejected, ShopDeskError

T = TypeVar("T")
log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: ShopDeskError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "ShopDesk", str(error), parent=parent)
    if isinstance(error, ImportRejected) and error.errors:
        box.setDetailedText("\n".join(str(e) for e in error.errors))
    box.exec()


def guarded(parent: QWidget | None, fn: Callable[[], T]) -> T | None:
    """Run a service call; a ShopDeskError becomes a message box and None."""
    try:
        return fn()
    except ShopDeskError as exc:
        show_error(parent, exc)
        return None


def install_excepthook() -> None:
    """Unexpected errors are logged and shown with details instead of killing the window."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, ShopDeskError):
            show_error(QApplication.activeWindow(), exc)
            return
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error\n%s", text)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "ShopDesk",
            QApplication.translate("errors", "出现了意外错误, 刚才的操作没有完成。数据未受影响。"),
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook
