"""采购单 / 到货计划: the purchase orders (one row each) over the lines of the selected one.

The service hands out PO lines; the orders are those lines grouped by order here. Marking goods
received asks first (it adds to on-hand): the whole order when the order list has the focus, else
the selected lines. A mistake is put right here too: 撤销到货 takes received lines back out of
stock, and 作废 removes an order nothing of which has arrived (Delete on the order list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.permissions import Perm, can
from shopdesk.inventory import service
from shopdesk.inventory.service import PoLineRow
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.inventory.models import PoModel
from shopdesk.ui.widgets.layout import remember_header

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class PoOrder:
    """One purchase order as the list shows it, from its lines."""

    po_id: int
    po_number: str
    supplier: str
    first_eta: date
    last_eta: date
    lines: tuple[PoLineRow, ...]

    @property
    def units(self) -> int:
        return sum(ln.qty for ln in self.lines)

    @property
    def received(self) -> int:
        return sum(1 for ln in self.lines if ln.received_at is not None)

    @property
    def open(self) -> bool:
        return self.received < len(self.lines)


def group_orders(lines: Sequence[PoLineRow]) -> list[PoOrder]:
    """Orders by earliest open ETA (then number): what arrives next comes first."""
    by_id: dict[int, list[PoLineRow]] = {}
    for ln in lines:
        by_id.setdefault(ln.po_id, []).append(ln)
    orders = []
    for po_id, rows in by_id.items():
        etas = [r.eta for r in rows]
        orders.append(
            PoOrder(po_id, rows[0].po_number, rows[0].supplier, min(etas), max(etas), tuple(rows))
        )
    return sorted(orders, key=lambda o: (not o.open, o.first_eta, o.po_number))


ORDER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("po_number", QT_TRANSLATE_NOOP("", "单号")),
    ("supplier", QT_TRANSLATE_NOOP("", "供应商")),
    ("eta", QT_TRANSLATE_NOOP("", "预计到货")),
    ("status", QT_TRANSLATE_NOOP("", "状态")),
    ("lines", QT_TRANSLATE_NOOP("", "行数")),
    ("units", QT_TRANSLATE_NOOP("", "合计件数")),
)


class PoOrderModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.orders: list[PoOrder] = []

    def set_orders(self, orders: Sequence[PoOrder]) -> None:
        self.beginResetModel()
        self.orders = list(orders)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.orders)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(ORDER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ORDER_COLUMNS):
            return None
        return tr(ORDER_COLUMNS[section][1]) if role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.orders):
            return None
        o = self.orders[index.row()]
        key = ORDER_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "supplier":
                return o.supplier or tr("(无供应商)")
            if key == "eta":
                if o.first_eta == o.last_eta:
                    return o.first_eta.isoformat()
                return f"{o.first_eta.isoformat()} – {o.last_eta:%m-%d}"
            if key == "status":
                if o.received == 0:
                    return tr("未到货")
                if o.open:
                    return tr("部分到货 {0}/{1}").format(o.received, len(o.lines))
                return tr("已到货")
            if key == "lines":
                return str(len(o.lines))
            if key == "units":
                return f"{o.units:,}"
            return o.po_number
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("lines", "units"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not o.open:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "eta" and o.first_eta != o.last_eta:
            return tr("各行的预计到货日期不同: 最早 {0}, 最晚 {1}").format(
                o.first_eta.isoformat(), o.last_eta.isoformat()
            )
        return None


def _view(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class OrdersPage(QWidget):
    """The purchase orders, the lines of the selected one, 新建采购单…, 标记到货, 撤销到货, 作废."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = can(ctx.actor, Perm.EDIT_STOCK)
        self.products: Callable[[], Sequence[Any]] | None = None  # set by InventoryTab
        self.open_only = QCheckBox(self.tr("只看未到齐的采购单"))
        self.open_only.setChecked(True)
        self.summary = QLabel()
        self.new_btn = QPushButton(self.tr("新建采购单(&N)…"))
        self.receive_btn = QPushButton(self.tr("标记到货(&R)…"))
        self.unreceive_btn = QPushButton(self.tr("撤销到货(&U)…"))
        self.cancel_btn = QPushButton(self.tr("作废采购单(&V)…"))
        no_right = self.tr("需要“修改商品和库存”权限")
        self.new_btn.setToolTip(self.tr("新建一张采购单 (Ctrl+N)") if self.can_edit else no_right)
        self.receive_btn.setToolTip(
            self.tr("在下方明细里选中行: 只收这些行; 不选: 整单到货。计入库存并记录收货人 (Ctrl+R)")
            if self.can_edit
            else no_right
        )
        self.unreceive_btn.setToolTip(
            self.tr("收错了: 选中的已到货行 (不选: 整单) 回到未到货, 库存减回 (Ctrl+Shift+R)")
            if self.can_edit
            else no_right
        )
        self.cancel_btn.setToolTip(no_right)  # with the right: set by _update_buttons
        self.new_btn.setEnabled(self.can_edit)
        for btn in (self.receive_btn, self.unreceive_btn, self.cancel_btn):
            btn.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addWidget(self.summary, 1)
        top.addWidget(self.new_btn)
        top.addWidget(self.receive_btn)
        top.addWidget(self.unreceive_btn)
        top.addWidget(self.cancel_btn)

        self.orders_model = PoOrderModel(self)
        self.orders_view = _view(self.orders_model)
        self.orders_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.orders_view.horizontalHeader().setStretchLastSection(False)
        self.orders_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        remember_header(self.orders_view, ctx, "inventory/po_orders")
        self.model = PoModel(self)  # the selected order's lines
        self.view = _view(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        remember_header(self.view, ctx, "inventory/po_lines")
        for col in (0, 1):  # number and supplier: the order above already says them
            self.view.setColumnHidden(col, True)
        self.lines_title = QLabel()
        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 0, 0, 0)
        lower_lay.addWidget(self.lines_title)
        lower_lay.addWidget(self.view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.orders_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self.new_action = QAction(self.tr("新建采购单…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.setEnabled(self.can_edit)
        self.new_action.triggered.connect(self.new_order)
        self.receive_action = QAction(self.tr("标记到货…"), self)
        self.receive_action.setShortcut(QKeySequence("Ctrl+R"))
        self.receive_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.receive_action.triggered.connect(self.receive_selected)
        self.unreceive_action = QAction(self.tr("撤销到货…"), self)
        self.unreceive_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.unreceive_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.unreceive_action.triggered.connect(self.unreceive_selected)
        self.addActions([self.new_action, self.receive_action, self.unreceive_action])
        self.cancel_action = QAction(self.tr("作废采购单…"), self.orders_view)
        self.cancel_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.cancel_action.triggered.connect(self.cancel_selected)
        # Right-click: what can be done to the order, or to the selected lines.
        self.orders_view.addActions(
            [self.receive_action, self.unreceive_action, self.cancel_action]
        )
        self.view.addActions([self.receive_action, self.unreceive_action])
        for v in (self.orders_view, self.view):
            v.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter: into the order's lines
            QShortcut(QKeySequence(key), self.orders_view, self._into_lines).setContext(
                Qt.ShortcutContext.WidgetShortcut
            )
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.view, self.orders_view.setFocus)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)  # Esc: back to the orders

        self.open_only.toggled.connect(lambda _b: self.reload())
        self.new_btn.clicked.connect(self.new_order)
        self.receive_btn.clicked.connect(self.receive_selected)
        self.unreceive_btn.clicked.connect(self.unreceive_selected)
        self.cancel_btn.clicked.connect(self.cancel_selected)
        self.orders_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._show_lines()
        )
        self.view.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_buttons())

    # --- loading ---------------------------------------------------------------------------

    def reload(self, select: Sequence[str] = ()) -> None:
        rows = guarded(self, lambda: service.list_po_lines(self.ctx.db, self.ctx.actor))
        if rows is None:
            return
        current = self.current_order()
        keep = list(select) or ([current.po_number] if current else [])
        orders = group_orders(rows)
        if self.open_only.isChecked():
            orders = [o for o in orders if o.open or o.po_number in select]
        self.orders_model.set_orders(orders)
        open_units = sum(ln.qty for o in orders for ln in o.lines if ln.received_at is None)
        self.summary.setText(
            self.tr("{0} 张采购单 · 未到货 {1} 件").format(len(orders), f"{open_units:,}")
        )
        self.orders_view.resizeColumnsToContents()
        row = next((i for i, o in enumerate(orders) if o.po_number in keep), 0)
        if orders:
            self.orders_view.selectionModel().setCurrentIndex(
                self.orders_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_lines()

    def _into_lines(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(0, 2))

    def current_order(self) -> PoOrder | None:
        idx = self.orders_view.selectionModel().currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.orders_model.orders):
            return None
        return self.orders_model.orders[idx.row()]

    def _show_lines(self) -> None:
        order = self.current_order()
        self.model.set_rows(order.lines if order else [])
        if order is None:
            self.lines_title.setText(self.tr("没有采购单") if not self.orders_model.orders else "")
        else:
            self.lines_title.setText(
                self.tr("{0} 的明细 · {1} 行 · 共 {2} 件 · 已到货 {3} 行").format(
                    order.po_number, len(order.lines), f"{order.units:,}", order.received
                )
            )
            self.view.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        order = self.current_order()
        self.receive_btn.setEnabled(self.can_edit and order is not None and order.open)
        self.receive_action.setEnabled(self.receive_btn.isEnabled())
        self.unreceive_btn.setEnabled(self.can_edit and bool(self.lines_to_unreceive()))
        self.unreceive_action.setEnabled(self.unreceive_btn.isEnabled())
        self.cancel_btn.setEnabled(self.can_edit and order is not None and order.received == 0)
        self.cancel_action.setEnabled(self.cancel_btn.isEnabled())
        if self.can_edit:
            self.cancel_btn.setToolTip(
                self.tr("已有到货的行, 不能作废; 请先撤销到货")
                if order is not None and order.received
                else self.tr("删除还没有任何到货的采购单; 操作日志留有全部内容 (Delete)")
            )

    # --- actions ---------------------------------------------------------------------------

    def new_order(self) -> None:
        from shopdesk.ui.inventory.po_dialog import NewPoDialog

        if not self.can_edit:
            return
        products = list(self.products()) if self.products else []
        dialog = NewPoDialog(self.ctx, products, self)
        if dialog.exec() and dialog.created is not None:
            made = dialog.created
            self.ctx.bus.data_changed.emit("product")  # on order changed; reloads this page
            self.reload(select=[made.po_number])
            self.ctx.bus.status.emit(
                self.tr("已新建采购单 {0}: {1} 行, 共 {2} 件").format(
                    made.po_number, made.lines, made.units
                )
            )

    def lines_to_receive(self) -> tuple[list[PoLineRow], bool]:
        """The selected open lines of the detail table, or with none selected every open line of
        the current order. True when that is the whole (remaining) order."""
        order = self.current_order()
        if order is None:
            return [], False
        picked = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if picked:
            lines = [self.model.rows[r] for r in picked if self.model.rows[r].open]
            whole = len(lines) == sum(1 for ln in order.lines if ln.open)
            return lines, whole
        return [ln for ln in order.lines if ln.open], True

    def receive_selected(self) -> None:
        order = self.current_order()
        if not self.can_edit or order is None:
            return
        lines, whole = self.lines_to_receive()
        if not lines:
            self.ctx.bus.status.emit(self.tr("选中的行都已到货"))
            return
        units = sum(ln.qty for ln in lines)
        detail = _listing(lines)
        what = (
            self.tr("采购单 {0} 整单到货").format(order.po_number)
            if whole
            else self.tr("采购单 {0} 的 {1} 行到货").format(order.po_number, len(lines))
        )
        text = self.tr(
            "{0}: 共 {1} 件计入库存。\n\n{2}\n\n收货记入操作日志和库存流水; 收错了可“撤销到货”。"
        ).format(what, f"{units:,}", detail)
        if not _confirm(self, self.tr("标记到货"), text, self.tr("确认到货(&Y)"), default_yes=True):
            return
        done = self.tr("已收货: {0} · {1} 行, 共 {2} 件计入库存")
        self._book(order, service.receive_lines, lines, done)

    def lines_to_unreceive(self) -> list[PoLineRow]:
        """The selected received lines, or with none selected every received line of the order."""
        order = self.current_order()
        if order is None:
            return []
        picked = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        rows = [self.model.rows[r] for r in picked] if picked else list(order.lines)
        return [ln for ln in rows if not ln.open]

    def unreceive_selected(self) -> None:
        order = self.current_order()
        lines = self.lines_to_unreceive()
        if not self.can_edit or order is None or not lines:
            return
        units = sum(ln.qty for ln in lines)
        detail = _listing(lines)
        text = self.tr(
            "撤销采购单 {0} 的 {1} 行到货: 共 {2} 件从库存减回, 这些行回到未到货。\n\n{3}"
        ).format(order.po_number, len(lines), f"{units:,}", detail)
        if not _confirm(self, self.tr("撤销到货"), text, self.tr("撤销到货(&Y)"), default_yes=True):
            return
        done = self.tr("已撤销到货: {0} · {1} 行, 共 {2} 件从库存减回")
        self._book(order, service.unreceive_lines, lines, done)

    def _book(
        self,
        order: PoOrder,
        book: Callable[[Any, Any, list[int]], int],
        lines: Sequence[PoLineRow],
        done: str,
    ) -> None:
        """Receive `lines` (or undo that) through the service, then say what happened."""
        ids = [ln.id for ln in lines]
        total = guarded(self, lambda: book(self.ctx.db, self.ctx.actor, ids))
        if total is None:
            return
        self.ctx.bus.data_changed.emit("product")  # on hand changed; reloads this page too
        self.reload(select=[order.po_number])
        self.ctx.bus.status.emit(done.format(order.po_number, len(ids), f"{total:,}"))

    def cancel_selected(self) -> None:
        order = self.current_order()
        if not self.can_edit or order is None:
            return
        if order.received:
            self.ctx.bus.status.emit(
                self.tr("{0} 已有到货的行, 不能作废; 请先撤销到货").format(order.po_number)
            )
            return
        who = order.supplier or self.tr("无供应商")
        text = self.tr("作废采购单 {0} ({1}, {2} 行, 共 {3} 件)?").format(
            order.po_number, who, len(order.lines), f"{order.units:,}"
        )
        text += "\n\n" + self.tr("单会被删除, 操作日志留有全部内容; 补货单上的行可再次下单。")
        if not _confirm(self, self.tr("作废采购单"), text, self.tr("作废(&Y)"), default_yes=False):
            return
        number = guarded(self, lambda: service.cancel_po(self.ctx.db, self.ctx.actor, order.po_id))
        if number is None:
            return
        self.ctx.bus.data_changed.emit("product")  # on order changed; reloads this page too
        self.reload()
        self.orders_view.setFocus()
        self.ctx.bus.status.emit(self.tr("已作废采购单 {0}").format(number))


def _confirm(parent: QWidget, title: str, text: str, yes: str, *, default_yes: bool) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(tr("取消"))
    box.setDefaultButton(
        QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def _listing(lines: Sequence[PoLineRow]) -> str:
    """The lines a confirmation is about, as the user will recognise them (at most 12)."""
    text = "\n".join(f"  {ln.sku}  {ln.name}  × {ln.qty:,}" for ln in lines[:12])
    return text + ("\n  …" if len(lines) > 12 else "")
