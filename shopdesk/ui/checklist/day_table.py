"""The checklist table: Space ticks, arrows move, Enter on live data opens its tab.

The context menu offers the same: tick/undo, and 打开活动 (campaign tasks) or the linked page.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from shopdesk.ui.checklist.day_model import (
    COL_LINK,
    COL_NOTE,
    COL_OWNER,
    COL_TICK,
    COL_TITLE,
    COL_VALUE,
    COL_WHO,
    DayModel,
    opens_campaign,
    tr,
)


class DayTable(QTableView):
    toggle_requested = Signal(int)  # model row
    link_activated = Signal(int)

    def __init__(self, model: DayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # One line per item; long titles and live data are elided, the tooltip has them whole.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(34)
        h = self.horizontalHeader()
        h.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_TICK, 52),
            (COL_OWNER, 70),
            (COL_LINK, 210),
            (COL_VALUE, 70),
            (COL_NOTE, 180),
            (COL_WHO, 130),
        ):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        model.modelReset.connect(self._after_reset)
        self.doubleClicked.connect(self._on_double_click)

    def day_model(self) -> DayModel:
        model = self.model()
        assert isinstance(model, DayModel)
        return model

    def _after_reset(self) -> None:
        self.clearSpans()
        model = self.day_model()
        for row in model.header_rows():
            self.setSpan(row, 0, 1, model.columnCount())

    def first_item_row(self) -> int:
        model = self.day_model()
        return next((i for i in range(model.rowCount()) if model.row_at(i) is not None), -1)

    def select_row(self, row: int, column: int = COL_TITLE) -> None:
        if row < 0:
            return
        self.setCurrentIndex(self.day_model().index(row, column))
        if row <= self.first_item_row():
            self.scrollToTop()  # keep the first header ("逾期未完成" or a section) in sight
        else:
            self.scrollTo(self.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Space and plain and index.isValid() and not editing:
            self.toggle_requested.emit(index.row())
            event.accept()
            return
        # While editing, Return also reaches the view after the editor commits: leave it alone.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid() and not editing:
            if index.column() == COL_LINK:
                self.link_activated.emit(index.row())
                event.accept()
                return
            editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
            if index.column() in (COL_NOTE, COL_VALUE) and editable:
                self.edit(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() == COL_LINK:
            self.link_activated.emit(index.row())
        elif index.column() == COL_TICK:
            self.toggle_requested.emit(index.row())

    def context_menu(self, row: int) -> QMenu | None:
        """The menu for an item line (None on a header line)."""
        model = self.day_model()
        r = model.row_at(row)
        if r is None:
            return None
        menu = QMenu(self)
        tick = menu.addAction(tr("撤销勾选") if r.resolved else tr("勾选"))
        tick.setShortcut(Qt.Key.Key_Space)
        tick.triggered.connect(lambda: self.toggle_requested.emit(row))
        if opens_campaign(r):
            menu.addAction(tr("打开活动")).triggered.connect(lambda: self.link_activated.emit(row))
        else:
            link = model.links.get(r.link_key or "")
            if link is not None and link.target_tab:
                menu.addAction(tr("打开相关页面")).triggered.connect(
                    lambda: self.link_activated.emit(row)
                )
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        menu = self.context_menu(index.row())
        if menu is not None:
            self.popup(menu, event.globalPos())
            menu.deleteLater()

    def popup(self, menu: QMenu, at: QPoint) -> None:
        menu.exec(at)

    def edit_cell(self, row: int, column: int) -> None:
        index = self.day_model().index(row, column)
        self.setCurrentIndex(index)
        self.edit(index)


__all__ = ["COL_NOTE", "COL_VALUE", "DayTable"]
