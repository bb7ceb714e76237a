"""Qt table models for the inventory tab: thin adapters over the service's plain rows.

Sorting and filtering happen inside the product model (a key argsort and a boolean mask, then
layoutChanged): on 20,000 rows that is milliseconds, where a QSortFilterProxyModel took seconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from shopdesk.inventory.restock import TIER_LABELS
from shopdesk.inventory.service import PoLineRow, ProductRow, SheetLine, SupplierRow
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.widgets import theme

Index = QModelIndex | QPersistentModelIndex
WARN_BG = QColor("#fde2e1")
RISK_FG = QColor("#b3261e")
GROUP_BG = QColor("#e8eef5")
_ROOT = QModelIndex()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def fmt_cover(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:.1f}"


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ROLES = frozenset(
    (_DISPLAY, _EDIT, _ALIGN, _BACKGROUND, _FOREGROUND, _DECORATION, _TOOLTIP, _ACCESSIBLE)
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WARN_BRUSH = QBrush(WARN_BG)
_RISK_BRUSH = QBrush(RISK_FG)
# Pink and blue-grey rows keep their light tint in a dark theme: their words stay dark.
_ON_TINT_BRUSH = QBrush(QColor(theme.ON_TINT))
_RISK_ON_DARK_BRUSH = QBrush(QColor(theme.RED_ON_DARK))


def _risk_brush(tinted: bool) -> QBrush:
    return _RISK_BRUSH if tinted or not theme.is_dark() else _RISK_ON_DARK_BRUSH


_RISK_KEYS = frozenset(("on_hand", "days_of_cover"))
_TIER_RANK = {"hot": 0, "regular": 1, "slow": 2}


def _search_text(r: ProductRow) -> str:
    """What the search box matches, once per row; NUL keeps a query from spanning two fields."""
    return f"{r.sku}\0{r.name}\0{r.supplier}\0{r.category}".lower()


def _sort_keys(rows: Sequence[ProductRow], key: str) -> list[Any]:
    """One plain, comparable value per row for `key`: numbers as floats, None after everything."""
    at = ProductRow._fields.index(key)
    values: list[Any] = [r[at] for r in rows]
    if key == "tier":
        return [_TIER_RANK.get(v, 9) for v in values]
    if all(isinstance(v, str) for v in values):
        return values
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return values
    if all(isinstance(v, bool) for v in values):
        return [int(v) for v in values]
    return [math.inf if v is None else float(v) for v in values]


@dataclass(frozen=True)
class Col:
    key: str
    title: str
    tip: str = ""
    numeric: bool = False
    editable: bool = False


PRODUCT_COLUMNS: tuple[Col, ...] = (
    Col(
        "sku",
        QT_TRANSLATE_NOOP("", "SKU编码"),
        QT_TRANSLATE_NOOP("", "商家编码; ⚠ 表示库存低于预警量"),
    ),
    Col("name", QT_TRANSLATE_NOOP("", "商品名称"), editable=True),
    Col("category", QT_TRANSLATE_NOOP("", "类目"), editable=True),
    Col(
        "tier",
        QT_TRANSLATE_NOOP("", "层级"),
        QT_TRANSLATE_NOOP("", "热销/常销/滞销: 决定安全天数和默认预警量"),
        editable=True,
    ),
    Col(
        "hero",
        QT_TRANSLATE_NOOP("", "主推"),
        QT_TRANSLATE_NOOP("", "主推款排在补货表前面"),
        editable=True,
    ),
    Col("supplier", QT_TRANSLATE_NOOP("", "供应商")),
    Col(
        "lead_time_days",
        QT_TRANSLATE_NOOP("", "采购周期"),
        QT_TRANSLATE_NOOP("", "下单到到货的天数 (空=用供应商默认)"),
        True,
        True,
    ),
    Col(
        "case_pack",
        QT_TRANSLATE_NOOP("", "箱规"),
        QT_TRANSLATE_NOOP("", "每箱件数: 补货量按整箱向上取整"),
        True,
        True,
    ),
    Col(
        "moq",
        QT_TRANSLATE_NOOP("", "起订量"),
        QT_TRANSLATE_NOOP("", "最小起订量 (MOQ)"),
        True,
        True,
    ),
    Col(
        "warning_level",
        QT_TRANSLATE_NOOP("", "预警量"),
        QT_TRANSLATE_NOOP("", "库存低于此数即预警 (空=按层级默认)"),
        True,
        True,
    ),
    Col(
        "on_hand",
        QT_TRANSLATE_NOOP("", "库存"),
        QT_TRANSLATE_NOOP("", "现有库存 (盘点或导入)"),
        True,
        True,
    ),
    Col("on_order", QT_TRANSLATE_NOOP("", "在途"), QT_TRANSLATE_NOOP("", "未到货的采购数量"), True),
    Col(
        "velocity",
        QT_TRANSLATE_NOOP("", "日均销量"),
        QT_TRANSLATE_NOOP("", "近 28 天销量 ÷ 天数 (活动日不计入)"),
        True,
    ),
    Col(
        "days_of_cover",
        QT_TRANSLATE_NOOP("", "可售天数"),
        QT_TRANSLATE_NOOP("", "库存 ÷ 日均销量; ∞ 表示近期无销量"),
        True,
    ),
    Col("price", QT_TRANSLATE_NOOP("", "售价"), numeric=True, editable=True),
    Col(
        "cost_price",
        QT_TRANSLATE_NOOP("", "成本价"),
        QT_TRANSLATE_NOOP("", "仅店主和财务可见"),
        True,
        True,
    ),
)


class ProductModel(QAbstractTableModel):
    """The catalogue; `edit(row, key, text)` is called for an inline edit (the tab saves it).

    Per keystroke only a substring test over one precomputed lowercase string per row runs, and
    a click on a header sorts once per column and direction (a cached permutation of all rows,
    keyed on raw numbers); `benchmarks/tabs.py` measures both on 20,000 rows.
    """

    def __init__(self, show_cost: bool, can_edit: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [c for c in PRODUCT_COLUMNS if show_cost or c.key != "cost_price"]
        self.can_edit = can_edit
        self.rows: list[ProductRow] = []
        self.view: list[int] = []  # indexes into rows, after filter and sort
        self.filter_text = ""
        self.only_warning = False
        self.only_hero = False
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.edit: Callable[[ProductRow, str, Any], bool] | None = None
        self._icon: QIcon | None = None
        self._search: list[str] = []  # per row: sku, name, supplier, category in lowercase
        self._orders: dict[tuple[int, bool], list[int]] = {}  # (column, descending) → all rows
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self._flags = [
            base | Qt.ItemFlag.ItemIsEditable if can_edit and c.editable else base
            for c in self.columns
        ]

    # -- data in --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ProductRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._search = [_search_text(r) for r in self.rows]
        self._orders.clear()
        self.view = self._compute_view()
        self.endResetModel()

    def replace_row(self, new: ProductRow) -> None:
        for i, r in enumerate(self.rows):
            if r.id == new.id:
                self.rows[i] = new
                self._search[i] = _search_text(new)
                self._orders.clear()  # the edited value may move the row; re-sorted on demand
                if i in self.view:
                    vr = self.view.index(i)
                    self.dataChanged.emit(self.index(vr, 0), self.index(vr, self.columnCount() - 1))
                return

    def set_filter(
        self, text: str, only_warning: bool | None = None, only_hero: bool | None = None
    ) -> None:
        self.filter_text = text.strip().lower()
        if only_warning is not None:
            self.only_warning = only_warning
        if only_hero is not None:
            self.only_hero = only_hero
        self.layoutAboutToBeChanged.emit()
        self.view = self._compute_view()
        self.layoutChanged.emit()

    def _compute_view(self) -> list[int]:
        order = self._order(self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder)
        needle, rows = self.filter_text, self.rows
        if not needle and not self.only_warning and not self.only_hero:
            return list(order)
        keep = [needle in s for s in self._search] if needle else [True] * len(rows)
        if self.only_warning:
            keep = [k and r.below_warning for k, r in zip(keep, rows, strict=True)]
        if self.only_hero:
            keep = [k and r.hero for k, r in zip(keep, rows, strict=True)]
        return [i for i in order if keep[i]]

    def _order(self, column: int, descending: bool) -> list[int]:
        """Every row index sorted by `column` (cached until the rows change)."""
        cached = self._orders.get((column, descending))
        if cached is None:
            keys = _sort_keys(self.rows, self.columns[column].key)
            cached = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
            self._orders[(column, descending)] = cached
        return cached

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.view = self._compute_view()
        self.layoutChanged.emit()

    def row_at(self, view_row: int) -> ProductRow:
        return self.rows[self.view[view_row]]

    # -- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.view)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(col.title)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip:
            return tr(col.tip)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._flags[index.column()]

    def data(self, index: Index, role: int = 0) -> Any:
        # Called ~3,000 times per repaint: plain int roles, the common "nothing" answered first.
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self.view):
            return None
        r = self.rows[self.view[row]]
        col = self.columns[index.column()]
        if role in (_DISPLAY, _EDIT):
            return self._text(r, col.key, role == _EDIT)
        if role == _ALIGN:
            return _RIGHT if col.numeric else None
        if role == _BACKGROUND:
            return _WARN_BRUSH if r.below_warning else None
        if role == _FOREGROUND:
            if r.stockout_risk and col.key in _RISK_KEYS:
                return _risk_brush(r.below_warning)
            return _ON_TINT_BRUSH if r.below_warning else None
        if role == _DECORATION:
            if col.key == "sku" and r.below_warning:
                if self._icon is None:
                    self._icon = warning_icon()
                return self._icon
            return None
        if role == _TOOLTIP:
            return self._tip(r, col.key)
        if col.key == "sku" and r.below_warning:  # AccessibleTextRole
            return r.sku + " " + tr("低于预警量")
        return None

    def _text(self, r: ProductRow, key: str, edit: bool) -> Any:
        v = getattr(r, key)
        if key == "tier":
            return TIER_LABELS.get(v, v) if edit else tr(TIER_LABELS.get(v, v))
        if key in ("hero", "active"):
            return tr("是") if v else ("否" if edit else "")
        if key == "velocity":
            return f"{v:.2f}"
        if key == "days_of_cover":
            return fmt_cover(v)
        if key in ("price", "cost_price"):
            return "" if v is None else f"{v:.2f}"
        if key == "lead_time_days" and edit and not r.own_lead_time:
            return ""
        if key == "warning_level" and edit and not r.own_warning:
            return ""
        return "" if v is None else str(v)

    def _tip(self, r: ProductRow, key: str) -> str | None:
        if key == "sku" and r.below_warning:
            return tr("库存 {0} 低于预警量 {1}").format(r.on_hand, r.warning_level)
        if key == "lead_time_days" and not r.own_lead_time:
            return tr("供应商默认采购周期")
        if key == "warning_level" and not r.own_warning:
            return tr("按层级默认的预警量 (可在设置里修改)")
        if key == "days_of_cover" and r.stockout_risk:
            return tr("可售天数少于采购周期: 现在下单也会断货")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit is None:
            return False
        r = self.rows[self.view[index.row()]]
        key = self.columns[index.column()].key
        if str(value) == str(self._text(r, key, True)):
            return False
        if key in ("hero",):
            value = str(value).strip() in ("是", "1", "y", "yes", "true", "主推")
        return self.edit(r, key, value)


SHEET_COLUMNS: tuple[Col, ...] = (
    Col("sku", QT_TRANSLATE_NOOP("", "SKU编码"), QT_TRANSLATE_NOOP("", "⚠ 低于预警量")),
    Col("name", QT_TRANSLATE_NOOP("", "商品名称")),
    Col("tier", QT_TRANSLATE_NOOP("", "层级")),
    Col("on_hand", QT_TRANSLATE_NOOP("", "库存"), numeric=True),
    Col(
        "on_order",
        QT_TRANSLATE_NOOP("", "在途"),
        QT_TRANSLATE_NOOP("", "预计在 表日+采购周期 之前到货的采购数量"),
        True,
    ),
    Col(
        "velocity",
        QT_TRANSLATE_NOOP("", "日均销量"),
        QT_TRANSLATE_NOOP("", "表日前 28 天的日均销量, 活动日不计入"),
        True,
    ),
    Col("lead_time", QT_TRANSLATE_NOOP("", "采购周期"), numeric=True),
    Col(
        "cover_days",
        QT_TRANSLATE_NOOP("", "覆盖天数"),
        QT_TRANSLATE_NOOP("", "采购周期 + 补货周期 + 安全天数"),
        True,
    ),
    Col(
        "campaign_extra",
        QT_TRANSLATE_NOOP("", "活动增量"),
        QT_TRANSLATE_NOOP("", "覆盖期内活动带来的额外销量: 日均×(倍数−1)×重叠天数"),
        True,
    ),
    Col(
        "days_of_cover",
        QT_TRANSLATE_NOOP("", "可售天数"),
        QT_TRANSLATE_NOOP("", "库存 ÷ 日均销量; 红色=少于采购周期, 会断货"),
        True,
    ),
    Col(
        "suggested_qty",
        QT_TRANSLATE_NOOP("", "建议补货"),
        QT_TRANSLATE_NOOP("", "按公式: 向上取整到箱规, 不少于起订量"),
        True,
    ),
    Col(
        "final_qty",
        QT_TRANSLATE_NOOP("", "补货数量"),
        QT_TRANSLATE_NOOP("", "可修改; 修改会记录修改人和时间"),
        True,
        True,
    ),
    Col("override_by", QT_TRANSLATE_NOOP("", "修改人")),
)


class SheetModel(QAbstractTableModel):
    """The restock sheet with a heading row per supplier; the 补货数量 column is editable."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(SHEET_COLUMNS)
        self.lines: list[SheetLine] = []
        self.items: list[tuple[str, int]] = []  # ("group", first line) or ("line", index)
        self.can_edit = False
        self.edit: Callable[[SheetLine, int | None], bool] | None = None
        self._icon: QIcon | None = None

    def set_lines(self, lines: Sequence[SheetLine], can_edit: bool) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.can_edit = can_edit
        self.items = []
        last = None
        for i, ln in enumerate(self.lines):
            if ln.row.supplier != last:
                self.items.append(("group", i))
                last = ln.row.supplier
            self.items.append(("line", i))
        self.endResetModel()

    def group_rows(self) -> list[int]:
        return [i for i, (kind, _) in enumerate(self.items) if kind == "group"]

    def line_at(self, row: int) -> SheetLine | None:
        kind, i = self.items[row]
        return self.lines[i] if kind == "line" else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(col.title)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip:
            return tr(col.tip)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind, _ = self.items[index.row()]
        if kind == "line" and self.can_edit and self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def _group_text(self, first: int) -> str:
        supplier = self.lines[first].row.supplier
        mine = [ln for ln in self.lines if ln.row.supplier == supplier]
        total = sum(ln.final_qty for ln in mine)
        return tr("供应商: {0}  ·  {1} 个 SKU  ·  合计 {2} 件").format(supplier, len(mine), total)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        kind, i = self.items[index.row()]
        if kind == "group":
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self._group_text(i)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(GROUP_BG)
            if role == Qt.ItemDataRole.ForegroundRole:
                return _ON_TINT_BRUSH
            return None
        ln = self.lines[i]
        r = ln.row
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(ln, col.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and r.below_warning:
            return QBrush(WARN_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col.key == "days_of_cover" and r.stockout_risk:
                return _risk_brush(r.below_warning)
            if col.key == "final_qty" and ln.override_qty is not None:
                dark = theme.is_dark() and not r.below_warning
                return QBrush(QColor("#8ab4f8" if dark else "#1a5fb4"))
            if r.below_warning:
                return _ON_TINT_BRUSH
        if role == Qt.ItemDataRole.FontRole and col.key == "final_qty":
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.DecorationRole and col.key == "sku" and r.below_warning:
            if self._icon is None:
                self._icon = warning_icon()
            return self._icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(ln, col.key)
        return None

    def _text(self, ln: SheetLine, key: str) -> str:
        r = ln.row
        if key == "final_qty":
            return str(ln.final_qty)
        if key == "override_by":
            return ln.override_by or "" if ln.override_qty is not None else ""
        v = getattr(r, key)
        if key == "tier":
            name = tr(TIER_LABELS.get(v, v))
            return f"★{name}" if r.hero else name

        if key == "velocity":
            return f"{v:.2f}"
        if key == "campaign_extra":
            return "" if v == 0 else f"{v:.1f}"
        if key == "days_of_cover":
            return fmt_cover(v)
        return str(v)

    def _tip(self, ln: SheetLine, key: str) -> str | None:
        r = ln.row
        if key == "suggested_qty":
            return tr("需求 = ⌈{0:.2f}×{1} + {2:.1f}⌉ − {3} − {4} = {5}").format(
                r.velocity, r.cover_days, r.campaign_extra, r.on_hand, r.on_order, r.need
            )
        if key == "cover_days":
            return tr("{0} 采购周期 + {1} 补货周期 + {2} 安全天数").format(
                r.lead_time, r.review_days, r.safety_days
            )
        if key == "final_qty" and ln.override_qty is not None:
            note = f": {ln.override_note}" if ln.override_note else ""
            return tr("{0} 改为 {1} (建议 {2}){3}").format(
                ln.override_by or "", ln.override_qty, r.suggested_qty, note
            )
        if key == "sku" and r.below_warning:
            return tr("库存 {0} 低于预警量 {1}").format(r.on_hand, r.warning_level)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.edit is None or not index.isValid():
            return False
        ln = self.line_at(index.row())
        if ln is None or self.columns[index.column()].key != "final_qty":
            return False
        text = str(value).strip()
        if text == str(ln.final_qty):
            return False
        qty: int | None
        if text == "":
            qty = None
        else:
            from shopdesk.numbers import NumberError, parse_int

            try:
                qty = parse_int(text, minimum=0, maximum=10_000_000)
            except NumberError:
                return False
        return self.edit(ln, qty)


PO_COLUMNS: tuple[Col, ...] = (
    Col("po_number", QT_TRANSLATE_NOOP("", "单号")),
    Col("supplier", QT_TRANSLATE_NOOP("", "供应商")),
    Col("sku", QT_TRANSLATE_NOOP("", "SKU编码")),
    Col("name", QT_TRANSLATE_NOOP("", "商品名称")),
    Col("qty", QT_TRANSLATE_NOOP("", "数量"), numeric=True),
    Col("eta", QT_TRANSLATE_NOOP("", "预计到货")),
    Col("status", QT_TRANSLATE_NOOP("", "状态")),
)


class PoModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(PO_COLUMNS)
        self.rows: list[PoLineRow] = []

    def set_rows(self, rows: Sequence[PoLineRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        return tr(self.columns[section].title) if role == Qt.ItemDataRole.DisplayRole else None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                if r.received_at is None:
                    return tr("未到货")
                return tr("已到货 {0:%m-%d} {1}").format(r.received_at, r.received_by or "")
            if key == "eta":
                return r.eta.isoformat()
            return str(getattr(r, key))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.received_at is not None:
            return QBrush(QColor("#777777"))
        return None


SUPPLIER_COLUMNS: tuple[Col, ...] = (
    Col("name", QT_TRANSLATE_NOOP("", "供应商"), editable=True),
    Col(
        "lead_time_days",
        QT_TRANSLATE_NOOP("", "默认采购周期(天)"),
        QT_TRANSLATE_NOOP("", "商品未单独设置采购周期时使用"),
        True,
        True,
    ),
    Col("contact", QT_TRANSLATE_NOOP("", "联系人/电话"), editable=True),
    Col("products", QT_TRANSLATE_NOOP("", "商品数"), numeric=True),
    Col(
        "terms",
        QT_TRANSLATE_NOOP("", "供货条款"),
        QT_TRANSLATE_NOOP("", "账期、一件代发条件等; 仅店主和财务可见"),
        editable=True,
    ),
)


class SupplierModel(QAbstractTableModel):
    """Suppliers with their default lead time; `edit(row, key, text)` saves an inline edit."""

    def __init__(self, show_terms: bool, can_edit: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [c for c in SUPPLIER_COLUMNS if show_terms or c.key != "terms"]
        self.can_edit = can_edit
        self.rows: list[SupplierRow] = []
        self.edit: Callable[[SupplierRow, str, str], bool] | None = None

    def set_rows(self, rows: Sequence[SupplierRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(col.title)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip:
            return tr(col.tip)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.can_edit and self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            v = getattr(r, col.key)
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.edit is None or not index.isValid():
            return False
        r = self.rows[index.row()]
        key = self.columns[index.column()].key
        if str(value) == str(getattr(r, key) or ""):
            return False
        return self.edit(r, key, str(value))
