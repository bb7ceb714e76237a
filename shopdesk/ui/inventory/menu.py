"""数据 → 导入… entries for the inventory spreadsheets, added to the main window's menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from shopdesk.auth.permissions import Perm, can
from shopdesk.inventory.kinds import KIND_LABELS
from shopdesk.ui.labels import label


def add_import_actions(window: Any, menu: QMenu) -> None:
    """One action per import kind; each opens the 库存补货 tab and its import dialog."""
    if not can(window.ctx.actor, Perm.EDIT_STOCK):
        return
    for kind, text in KIND_LABELS.items():
        title = QCoreApplication.translate("MainWindow", "导入{0}表…").format(label(text))
        act = QAction(title, window)

        act.setObjectName(f"import_{kind}")
        act.triggered.connect(lambda _=False, k=kind: _open(window, k))
        menu.addAction(act)


def _open(window: Any, kind: str) -> None:
    window.show_tab("inventory")
    content = window.lazy["inventory"].ensure_built()
    content.products.open_import(kind)
