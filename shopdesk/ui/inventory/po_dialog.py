"""新建采购单…: supplier, number, and lines of SKU + quantity + expected arrival.

A small QTableWidget is right here: an order has a handful of lines typed by hand. Each cell is
checked as it is typed; a bad cell turns pink, its tooltip and the line under the table say why,
and 创建采购单 stays disabled until every line is good. The SKU cell completes on code *or* name
("A1 — 保温杯 500ml"); a line's ETA defaults to today + the product's lead time (its own, else its
supplier's) until the user changes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopdesk.clock import today
from shopdesk.inventory import po_rules, service
from shopdesk.inventory.service import NewLine, PoSummary
from shopdesk.numbers import NumberError, parse_int
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded
from shopdesk.ui.labels import label

Index = QModelIndex | QPersistentModelIndex
SEP = " — "  # between code and name in the completer: "A1 — 保温杯 500ml"
BAD_BG = QColor("#fde2e1")
AUTO = Qt.ItemDataRole.UserRole + 1  # on the ETA item: True while it is the computed default
SKU, NAME, QTY, ETA = range(4)


class SkuDelegate(QStyledItemDelegate):
    """A line editor completing SKU codes and product names; keeps only the code."""

    def __init__(self, choices: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.choices = QStringListModel(choices, parent)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        completer = QCompleter(self.choices, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        editor.setCompleter(completer)
        return editor

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text().split(SEP)[0].strip())


class DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        text = index.data() or ""
        d = QDate.fromString(text, "yyyy-MM-dd")
        editor.setDate(d if d.isValid() else QDate.currentDate())

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date().toString("yyyy-MM-dd"))
        model.setData(index, False, AUTO)


class NewPoDialog(QDialog):
    """`products` are the catalogue rows (sku, name, supplier, lead_time_days)."""

    def __init__(self, ctx: UiContext, products: Sequence[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("新建采购单"))
        self.created: PoSummary | None = None
        self.errors: dict[tuple[int, int], str] = {}
        self.by_sku = {p.sku: p for p in products}
        self.today = today()
        suppliers = guarded(self, lambda: service.list_suppliers(ctx.db, ctx.actor)) or []
        self.lead = {s.name: s.lead_time_days for s in suppliers}

        self.supplier = QComboBox()
        self.supplier.addItem(self.tr("(无供应商)"), "")
        for s in suppliers:
            self.supplier.addItem(
                self.tr("{0} (采购周期 {1} 天)").format(s.name, s.lead_time_days), s.name
            )
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("留空自动编号: PO{0:%Y%m%d}-NN").format(self.today))
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("供应商(&U)"), self.supplier)
        form.addRow(self.tr("单号(&M)"), self.number)
        form.addRow(self.tr("备注"), self.note)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("SKU编码"), self.tr("商品名称"), self.tr("数量"), self.tr("预计到货")]
        )
        self.table.verticalHeader().setDefaultSectionSize(26)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(SKU, 130)
        self.table.setColumnWidth(QTY, 80)
        self.table.setColumnWidth(ETA, 120)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        choices = [f"{p.sku}{SEP}{p.name}" for p in products]
        self.table.setItemDelegateForColumn(SKU, SkuDelegate(choices, self.table))
        self.table.setItemDelegateForColumn(ETA, DateDelegate(self.table))
        self.message = QLabel()
        self.message.setObjectName("poMessage")
        self.message.setWordWrap(True)
        self.total = QLabel()
        self.remove_btn = QPushButton(self.tr("删除行(&D)"))
        self.remove_btn.setToolTip(self.tr("删除当前行 (Ctrl+Delete)"))
        row_bar = QHBoxLayout()
        row_bar.addWidget(self.total, 1)
        row_bar.addWidget(self.remove_btn)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("创建采购单"))
        self.ok.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok.setAutoDefault(False)
        self.ok.setDefault(False)  # Enter commits a cell, it does not create the order

        hint = QLabel(
            self.tr(
                "SKU 格可输入编码或商品名称查找; 预计到货默认 = 今天 + 采购周期。"
                "Tab 换格, Ctrl+Enter 创建。"
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.table, 1)
        lay.addLayout(row_bar)
        lay.addWidget(self.message)
        lay.addWidget(hint)
        lay.addWidget(self.buttons)
        self.resize(640, 440)

        self.table.itemChanged.connect(self._changed)
        self.supplier.currentIndexChanged.connect(lambda _i: self._supplier_changed())
        self.buttons.accepted.connect(self.create_order)
        self.buttons.rejected.connect(self.reject)
        self.remove_btn.clicked.connect(self.remove_row)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.create_order)
        QShortcut(QKeySequence("Ctrl+Delete"), self, self.remove_row)
        self._add_row()
        self._validate()
        self.table.setCurrentCell(0, SKU)
        self.table.setFocus()

    # --- rows ------------------------------------------------------------------------------

    def _add_row(self) -> None:
        self.table.blockSignals(True)
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c in range(4):
            item = QTableWidgetItem("")
            if c == NAME:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c == QTY:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == ETA:
                item.setData(AUTO, True)
            self.table.setItem(r, c, item)
        self.table.blockSignals(False)

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            return
        self.table.removeRow(r)
        if self.table.rowCount() == 0 or self._text(self.table.rowCount() - 1, SKU):
            self._add_row()
        self._validate()

    def _item(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None  # every cell gets an item in _add_row
        return item

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def _chosen_supplier(self) -> str:
        return str(self.supplier.currentData() or "")

    def _default_eta(self, sku: str) -> date:
        p = self.by_sku.get(sku)
        days = int(p.lead_time_days) if p else self.lead.get(self._chosen_supplier(), 7)
        return self.today + timedelta(days=days)

    def _changed(self, item: QTableWidgetItem) -> None:
        row, col = item.row(), item.column()
        self.table.blockSignals(True)
        if col == SKU:
            sku = item.text().strip()
            p = self.by_sku.get(sku)
            name_item = self._item(row, NAME)
            name_item.setText(p.name if p else "")
            eta = self._item(row, ETA)
            if sku and (eta.data(AUTO) or not eta.text()):
                eta.setText(self._default_eta(sku).isoformat())
                eta.setData(AUTO, True)
            if p is not None and not self._chosen_supplier() and p.supplier:
                i = self.supplier.findData(p.supplier)
                if i >= 0:
                    self.supplier.blockSignals(True)
                    self.supplier.setCurrentIndex(i)
                    self.supplier.blockSignals(False)
            qty = self._item(row, QTY)
            if p is not None and not qty.text():
                qty.setText(str(max(int(getattr(p, "case_pack", 1) or 1), 1)))
        self.table.blockSignals(False)
        if col == SKU and row == self.table.rowCount() - 1 and item.text().strip():
            self._add_row()
        self._validate()

    def _supplier_changed(self) -> None:
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            eta = self._item(r, ETA)
            sku = self._text(r, SKU)
            if sku and eta.data(AUTO):
                eta.setText(self._default_eta(sku).isoformat())
        self.table.blockSignals(False)
        self._validate()

    # --- checking --------------------------------------------------------------------------

    def _check_row(self, r: int, seen: dict[str, int]) -> dict[int, str]:
        """The row's wrong cells: what the service would refuse (shopdesk/inventory/po_rules.py),
        plus what only a typed cell can get wrong (empty, not a number, not a date)."""
        bad: dict[int, str] = {}
        sku, qty, eta = self._text(r, SKU), self._text(r, QTY), self._text(r, ETA)
        if not sku:
            if qty:
                bad[SKU] = self.tr("请填写 SKU")
            return bad
        amount: int | None = None
        try:
            amount = int(parse_int(qty))
        except NumberError as exc:
            bad[QTY] = str(exc) if qty else self.tr("请填写数量")
        when: date | None = None
        if eta:
            try:
                when = date.fromisoformat(eta)
            except ValueError:
                bad[ETA] = self.tr("日期应为 YYYY-MM-DD")
        p = self.by_sku.get(sku)
        for problem in po_rules.line_problems(
            sku,
            amount,
            when,
            today=self.today,
            known=p is not None,
            product_supplier=(p.supplier or None) if p is not None else None,
            order_supplier=self._chosen_supplier() or None,
            earlier_line=seen[sku] + 1 if sku in seen else None,
        ):
            column = {"sku": SKU, "qty": QTY, "eta": ETA}[problem.column]
            bad[column] = label(problem.text).format(*problem.args)
        seen.setdefault(sku, r)
        return bad

    def _validate(self) -> None:
        self.errors = {}
        seen: dict[str, int] = {}
        lines = units = 0
        for r in range(self.table.rowCount()):
            for c, reason in self._check_row(r, seen).items():
                self.errors[(r, c)] = reason
            if self._text(r, SKU) and not any((r, c) in self.errors for c in range(4)):
                lines += 1
                units += int(parse_int(self._text(r, QTY), minimum=1))
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            for c in (SKU, QTY, ETA):
                item = self._item(r, c)
                why = self.errors.get((r, c), "")
                item.setBackground(QBrush(BAD_BG) if why else QBrush())
                item.setToolTip(why)
        self.table.blockSignals(False)
        headers = [self.tr("SKU编码"), self.tr("商品名称"), self.tr("数量"), self.tr("预计到货")]
        if self.errors:
            (r, c), reason = min(self.errors.items())
            more = len(self.errors) - 1
            text = self.tr("第 {0} 行 · {1}: {2}").format(r + 1, headers[c], reason)
            if more:
                text += self.tr(" (另有 {0} 处)").format(more)
            self.message.setText("⚠ " + text)
        else:
            self.message.setText("")
        self.total.setText(self.tr("{0} 行 · 共 {1} 件").format(lines, f"{units:,}"))
        self.ok.setEnabled(not self.errors and lines > 0)

    def lines(self) -> list[NewLine]:
        out = []
        for r in range(self.table.rowCount()):
            sku = self._text(r, SKU)
            if sku:
                eta = self._text(r, ETA)
                out.append(
                    NewLine(
                        sku, parse_int(self._text(r, QTY)), date.fromisoformat(eta) if eta else None
                    )
                )
        return out

    def create_order(self) -> None:
        editor = self.focusWidget()
        if (
            self.table.state() == QAbstractItemView.State.EditingState
            and editor is not None
            and self.table.isAncestorOf(editor)
        ):  # Ctrl+Enter inside a cell: keep what was typed there
            self.table.commitData(editor)
            self.table.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self._validate()
        if not self.ok.isEnabled():
            return
        lines = self.lines()
        made = guarded(
            self,
            lambda: service.create_po(
                self.ctx.db,
                self.ctx.actor,
                lines,
                supplier=self._chosen_supplier() or None,
                po_number=self.number.text().strip() or None,
                note=self.note.text().strip() or None,
            ),
        )
        if made is not None:
            self.created = made
            self.accept()
