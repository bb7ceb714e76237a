"""Remembered table layouts: column widths, order, hidden columns and sort, per table in ui.ini.

A tab calls `remember_header(view, ctx, "inventory/products")` once its model is set; the header's
state comes back next time and is saved whenever the user resizes, moves, hides or sorts a column.
Right-clicking the header lists the columns with a tick each, to hide or show them.
The key includes the column count, so a table whose columns differ (a scorecard with other items,
cost hidden from staff) never gets another table's widths.

Tabs size their columns to the contents (and sort by default) when their rows arrive, which would
overwrite the user's layout on every start: the saved state is put back once more at the next turn
of the event loop after the first rows arrive, after the header is set up, and after the column
count changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QTreeView

from shopdesk.ui.context import UiContext

PREFIX = "tables"
RESTORED = "header_restored"


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

    def put_back() -> None:
        if header.count():
            view.setProperty(RESTORED, restore_header(ctx.ui_settings(), name, header))

    def put_back_soon() -> None:
        put_back()
        QTimer.singleShot(0, header, put_back)  # after the tab's own sizing in the same call

    put_back_soon()
    # Dragging a column edge resizes it many times a second: save once it has settled.
    timer = QTimer(header)
    timer.setSingleShot(True)
    timer.setInterval(300)

    def save() -> None:
        # A hidden view (a page not shown yet) is only being sized by its tab, with no room to
        # measure in: that is no layout of the user's, and coming back it would undo the fit.
        if header.count() and view.isVisible():
            ctx.ui_settings().setValue(header_key(name, header), header.saveState())

    timer.timeout.connect(save)
    header.sectionResized.connect(lambda *_: timer.start())
    header.sectionMoved.connect(lambda *_: timer.start())
    header.sortIndicatorChanged.connect(lambda *_: timer.start())
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda pos: column_menu(header, timer.start).popup(header.mapToGlobal(pos))
    )
    # A model with another column count (a new month's scorecard) brings that layout back.
    header.sectionCountChanged.connect(lambda *_: put_back_soon())
    model = view.model()
    if model is not None:
        waiting = [model.rowCount() == 0]  # rows loaded later, in a worker

        def rows_arrived(*_: object) -> None:
            if waiting[0] and model.rowCount() > 0:
                waiting[0] = False
                QTimer.singleShot(0, header, put_back)

        model.modelReset.connect(rows_arrived)
        model.layoutChanged.connect(rows_arrived)
        model.rowsInserted.connect(rows_arrived)
    view.setProperty("remembered_header", name)
    return header


def column_menu(header: QHeaderView, changed: Callable[[], None]) -> QMenu:
    """A tick per column in the order shown; the last visible column cannot be hidden."""
    menu = QMenu(header)
    menu.setObjectName("columnMenu")
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    model = header.model()
    shown = sum(1 for i in range(header.count()) if not header.isSectionHidden(i))
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        title = model.headerData(logical, header.orientation()) if model is not None else None
        action = menu.addAction(str(title) if title else str(logical + 1))
        action.setCheckable(True)
        hidden = header.isSectionHidden(logical)
        action.setChecked(not hidden)
        action.setEnabled(hidden or shown > 1)

        def toggle(on: bool, i: int = logical) -> None:
            header.setSectionHidden(i, not on)
            if on and header.sectionSize(i) < 20:
                header.resizeSection(i, header.defaultSectionSize())
            changed()

        action.toggled.connect(toggle)
    return menu


def restored(view: QTableView | QTreeView) -> bool:
    """The user's saved layout was put back (a tab may skip its own column sizing)."""
    return bool(view.property(RESTORED))
