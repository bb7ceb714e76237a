"""Remembered table layouts: column widths, order and sort, saved per table in ui.ini.

A tab calls `remember_header(view, ctx, "inventory/products")` once its model is set; the header's
state comes back next time and is saved whenever the user resizes, moves or sorts a column.
The key includes the column count, so a table whose columns differ (a scorecard with other items,
cost hidden from staff) never gets another table's widths.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

from shopdesk.ui.context import UiContext

PREFIX = "tables"


def header_key(name: str, header: QHeaderView) -> str:
    return f"{PREFIX}/{name}/{header.count()}"


def restore_header(settings: QSettings, name: str, header: QHeaderView) -> bool:
    state = settings.value(header_key(name, header))
    if isinstance(state, QByteArray) and not state.isEmpty():
        return header.restoreState(state)
    return False


def remember_header(view: QTableView | QTreeView, ctx: UiContext, name: str) -> QHeaderView:
    """Restore the view's header layout now and keep saving it as the user changes it."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    restore_header(ctx.ui_settings(), name, header)
    # Dragging a column edge resizes it many times a second: save once it has settled.
    timer = QTimer(header)
    timer.setSingleShot(True)
    timer.setInterval(300)

    def save() -> None:
        if header.count():
            ctx.ui_settings().setValue(header_key(name, header), header.saveState())

    timer.timeout.connect(save)
    header.sectionResized.connect(lambda *_: timer.start())
    header.sectionMoved.connect(lambda *_: timer.start())
    header.sortIndicatorChanged.connect(lambda *_: timer.start())
    # A model with another column count (a new month's scorecard) brings that layout back.
    header.sectionCountChanged.connect(lambda *_: restore_header(ctx.ui_settings(), name, header))
    view.setProperty("remembered_header", name)
    return header
