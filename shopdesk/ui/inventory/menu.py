"""数据 menu entries of the inventory tab: 导入… per spreadsheet kind, and the purchase orders
(新建采购单…, 生成采购单…), each opening the 库存补货 tab on the right page."""

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
    menu.addSeparator()
    new_po = QAction(QCoreApplication.translate("MainWindow", "新建采购单…"), window)
    new_po.setObjectName("po_new")
    new_po.triggered.connect(lambda _=False: _tab(window).new_order())
    menu.addAction(new_po)
    if can(window.ctx.actor, Perm.SAVE_RESTOCK):
        title = QCoreApplication.translate("MainWindow", "按补货单生成采购单…")
        from_sheet = QAction(title, window)
        from_sheet.setObjectName("po_from_sheet")
        from_sheet.triggered.connect(lambda _=False: _from_sheet(window))
        menu.addAction(from_sheet)


def _tab(window: Any) -> Any:
    window.show_tab("inventory")
    return window.lazy["inventory"].ensure_built()


def _open(window: Any, kind: str) -> None:
    _tab(window).products.open_import(kind)


def _from_sheet(window: Any) -> None:
    """The sheet page; 生成采购单 once this week's sheet is there (it loads in a worker)."""
    tab = _tab(window)
    tab.pages.setCurrentWidget(tab.sheet)
    tab.sheet.when_loaded(tab.sheet.make_orders)
