"""Item models over plain service rows: the campaign list, SKUs, tasks and profit lines.

Sorting and filtering happen inside the list model (a key sort and a predicate, then
layoutChanged), as DESIGN.md measured faster than a proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from shopdesk.campaigns import stages
from shopdesk.campaigns.rows import CampaignRow, CampaignSkuRow, CampaignTaskRow
from shopdesk.campaigns.tasks import describe_offset

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def _money(v: Decimal | None) -> str:
    return "" if v is None else f"{v:,.2f}"


class Column(Generic[T]):
    """A column: title, display text, sort key, optional tooltip and alignment."""

    def __init__(
        self,
        title: str,
        text: Callable[[T], str],
        key: Callable[[T], Any] | None = None,
        tip: str | None = None,
        right: bool = False,
    ) -> None:
        self.title = title
        self.text = text
        self.key = key or text
        self.tip = tip
        self.right = right


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of rows, sortable and filterable in place."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._all: list[T] = []
        self.rows: list[T] = []
        self._predicate: Callable[[T], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self.rows = self._visible()
        self.endResetModel()

    def set_filter(self, predicate: Callable[[T], bool] | None) -> None:
        self.layoutAboutToBeChanged.emit()
        self._predicate = predicate
        self.rows = self._visible()
        self.layoutChanged.emit()

    def _visible(self) -> list[T]:
        rows = [r for r in self._all if self._predicate is None or self._predicate(r)]
        if self._sort is not None:
            col, order = self._sort
            key = self.columns[col].key
            rows.sort(
                key=lambda r: (key(r) is None, key(r)),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        return rows

    def row_at(self, index: Index) -> T | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == _DISPLAY:
            return col.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tip
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        col = self.columns[index.column()]
        if role == _DISPLAY:
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra(row, index.column(), role)

    def extra(self, row: T, column: int, role: int) -> Any:
        """Colours and tooltips of a subclass."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self.rows = self._visible()
        self.layoutChanged.emit()


def _date(d: date | None) -> str:
    return "" if d is None else d.isoformat()


class CampaignListModel(RowsModel[CampaignRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(tr("活动"), lambda c: c.name),
                Column(tr("类型"), lambda c: c.kind_label),
                Column(tr("平台"), lambda c: c.platform or ""),
                Column(tr("开始"), lambda c: _date(c.start), lambda c: c.start),
                Column(tr("结束"), lambda c: _date(c.end), lambda c: c.end),
                Column(tr("重复"), lambda c: c.recurrence_text),
                Column(
                    tr("报名截止"), lambda c: _date(c.signup_deadline), lambda c: c.signup_deadline
                ),
                Column(
                    tr("阶段"),
                    lambda c: tr(c.stage_label),
                    lambda c: stages.stage_index(c.stage),
                    " → ".join(tr(stages.label(s)) for s in stages.STAGES),
                ),
                Column(tr("商品数"), lambda c: str(c.sku_count), lambda c: c.sku_count, right=True),
                Column(tr("负责人"), lambda c: c.owner_name or ""),
                Column(tr("优惠"), lambda c: c.discount_text or ""),
            ],
            parent,
        )

    def extra(self, row: CampaignRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == 7:
            return QBrush(QColor(stages.STAGE_COLOURS.get(row.stage, "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.reject_reason:
                return tr("未通过原因: ") + row.reject_reason
            return tr(stages.STAGE_HINTS.get(row.stage, "")) or None
        return None


class SkuModel(RowsModel[CampaignSkuRow]):
    def __init__(self, show_cost: bool, parent: Any = None) -> None:
        cols: list[Column[CampaignSkuRow]] = [
            Column(tr("商品编码"), lambda k: k.sku),
            Column(tr("名称"), lambda k: k.name),
            Column(
                tr("预计倍数"),
                lambda k: f"{k.uplift:g}",
                lambda k: k.uplift,
                tr("活动期间预计日销量是平时的几倍; 补货单按它计算活动额外需求"),
                True,
            ),
            Column(tr("售价"), lambda k: _money(k.price), lambda k: k.price, right=True),
            Column(
                tr("活动价"),
                lambda k: _money(k.campaign_price),
                lambda k: k.campaign_price,
                right=True,
            ),
            Column(
                tr("交期(天)"),
                lambda k: "" if k.lead_time_days is None else str(k.lead_time_days),
                lambda k: k.lead_time_days,
                tr("最慢的交期决定备货任务的日期"),
                True,
            ),
        ]
        if show_cost:
            cols.append(
                Column(
                    tr("成本价"),
                    lambda k: _money(k.cost_price),
                    lambda k: k.cost_price,
                    right=True,
                )
            )
        super().__init__(cols, parent)


class TaskModel(RowsModel[CampaignTaskRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(tr("完成"), lambda t: "✔" if t.done else "", lambda t: t.done),
                Column(tr("截止"), lambda t: _date(t.due), lambda t: t.due),
                Column(
                    tr("阶段"), lambda t: tr(t.stage_label), lambda t: stages.stage_index(t.stage)
                ),
                Column(tr("任务"), lambda t: t.title),
                Column(
                    tr("日期规则"),
                    lambda t: describe_offset(t.anchor, t.offset_days),
                    tip=tr("任务日期随活动日期自动调整"),
                ),
                Column(tr("岗位/人"), lambda t: t.assignee_name or t.job or tr("所有人")),
                Column(
                    tr("完成人"),
                    lambda t: (
                        ""
                        if not t.done_at
                        else f"{t.done_by_name or ''} {t.done_at.astimezone():%m-%d %H:%M}"
                    ),
                ),
            ],
            parent,
        )
        self.today = date.today()

    def extra(self, row: CampaignTaskRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue_on(self.today):
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole and row.note:
            return row.note
        return None
