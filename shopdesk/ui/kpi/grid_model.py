"""The monthly scoring grid as a table model over the service's plain ScoreRows.

Input columns are editable; computed columns (item points, total, pass, bonus, pay) follow. While
a supervisor types in a cell the row shows a live preview computed by the pure scoring rules;
the value is stored through the service when the cell is committed (Tab/Enter).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from shopdesk.errors import ShopDeskError, StaleRecord
from shopdesk.kpi.scorecard import (
    Card,
    FieldSpec,
    Result,
    ScoreInputError,
    field_specs,
    format_field,
    parse_field,
    score,
)
from shopdesk.kpi.service import ScoreRow
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.widgets import theme

Index = QModelIndex | QPersistentModelIndex
ROLE_KEY = int(Qt.ItemDataRole.UserRole) + 1
FAIL_BG = QColor("#fde2e1")
PASS_FG = QColor("#1b7f3b")
PREVIEW_FG = QColor("#1f5fbf")
READONLY_BG = QColor("#f4f6f8")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


@dataclass(frozen=True)
class Col:
    key: str
    title: str
    kind: str  # agent | level | input | points | deductions | additions | total | passed | money
    spec: FieldSpec | None = None
    money: str = ""  # bonus | base_pay | pay
    tip: str = ""


def columns_for(card: Card) -> list[Col]:
    cols = [Col("agent", tr("客服"), "agent"), Col("level", tr("级别"), "level")]
    # Narrow headers so a whole row fits on a laptop screen; the tooltip gives the full rule.
    short = {
        QT_TRANSLATE_NOOP("", "售后客服素质"): QT_TRANSLATE_NOOP("", "素质"),
        QT_TRANSLATE_NOOP("", "纠纷处理"): QT_TRANSLATE_NOOP("", "纠纷"),
        QT_TRANSLATE_NOOP("", "配合度"): QT_TRANSLATE_NOOP("", "配合"),
        QT_TRANSLATE_NOOP("", "执行力"): QT_TRANSLATE_NOOP("", "执行"),
        QT_TRANSLATE_NOOP("", "低质评价"): QT_TRANSLATE_NOOP("", "低质评价"),
        QT_TRANSLATE_NOOP("", "投诉扣分"): QT_TRANSLATE_NOOP("", "投诉扣分"),
        QT_TRANSLATE_NOOP("", "突出表现"): QT_TRANSLATE_NOOP("", "突出"),
        QT_TRANSLATE_NOOP("", "退款率"): QT_TRANSLATE_NOOP("", "退款率"),
        QT_TRANSLATE_NOOP("", "出勤率"): QT_TRANSLATE_NOOP("", "出勤"),
        QT_TRANSLATE_NOOP("", "平均首次响应时间"): QT_TRANSLATE_NOOP("", "响应(秒)"),
        QT_TRANSLATE_NOOP("", "询单转化率"): QT_TRANSLATE_NOOP("", "询单转化"),
    }
    for spec in field_specs(card):
        cols.append(
            Col(spec.key, tr(short.get(spec.label, spec.label)), "input", spec, tip=spec.hint)
        )
    for item in card.items:
        if item.kind != "grade":
            title = tr("{0}分").format(tr(short.get(item.label, item.label)).removesuffix("率"))

            cols.append(Col("pts:" + item.key, title, "points", tip=item.hint))
    cols += [
        Col("items_total", tr("项目分"), "points", tip=tr("六项考核得分之和 (满分 {0})")),
        Col("deductions", tr("扣分"), "deductions", tip=tr("低质评价与投诉扣分")),
        Col("additions", tr("加分"), "additions", tip=tr("表扬与突出表现加分")),
        Col("total", tr("总分"), "total", tip=tr("项目分 − 扣分 + 加分, 限制在 0 到满分之间")),
        Col("passed", tr("合格"), "passed", tip=tr("总分 ≥ 合格线才有绩效奖金")),
        Col("bonus", tr("绩效奖金"), "money", money="bonus", tip=tr("奖金池 × 总分 ÷ 满分")),
        Col("pay", tr("应发工资"), "money", money="pay", tip=tr("底薪 + 绩效奖金")),
    ]
    return cols


def _num(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class KpiGridModel(QAbstractTableModel):
    """Rows are ScoreRows; `commit(row, key, text)` stores a cell through the service."""

    rejected = Signal(str, str)  # agent name, reason: shown inline next to the grid
    stored = Signal(str)  # agent name
    # Someone else saved the row since it was loaded: score id, input key, the refused text
    # and "changed by X at T"; the tab offers to reload (the text is not stored).
    conflict = Signal(int, str, str, str)

    def __init__(
        self,
        card: Card,
        rows: list[ScoreRow],
        commit: Callable[[ScoreRow, str, str], ScoreRow],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.card = card
        self.cols = columns_for(card)
        self.rows = list(rows)
        self._commit = commit
        self._preview: dict[int, Result] = {}
        self.last_error: tuple[int, int, str, str] | None = None  # row, col, text, reason

    # -- shape ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cols)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.cols):
            col = self.cols[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return col.tip.format(_num(self.card.max_total)) if col.tip else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cols[index.column()].kind == "input" and self.rows[index.row()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # -- values ---------------------------------------------------------------------------
    def result(self, row: int) -> Result:
        return self._preview.get(row, self.rows[row].result)

    def input_text(self, row: int, key: str) -> str:
        return format_field(self.card, key, self.rows[row].inputs.get(key))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = self.rows[index.row()]
        col = self.cols[index.column()]
        res = self.result(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(r, col, res)
        if role == ROLE_KEY:
            return col.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col, res)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("agent", "level"):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if col.kind == "input" and col.spec is not None and col.spec.kind == "grade":
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if res.complete and not res.passed and col.kind in ("total", "passed"):
                return QBrush(FAIL_BG)
            if col.kind not in ("input", "agent", "level"):
                return QBrush(READONLY_BG)
            if col.kind == "input" and not r.editable:
                return QBrush(READONLY_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.row() in self._preview and col.kind not in ("input", "agent", "level"):
                return QBrush(PREVIEW_FG)
            if col.kind == "passed" and res.passed:
                return QBrush(PASS_FG)
            if self.data(index, Qt.ItemDataRole.BackgroundRole) is not None:
                return QBrush(QColor(theme.ON_TINT))  # a light cell keeps dark words in dark mode
        return None

    def _display(self, r: ScoreRow, col: Col, res: Result) -> Any:
        if col.kind == "agent":
            return r.agent + (" ⚑" if r.open_disputes else "")
        if col.kind == "level":
            return r.level
        if col.kind == "input":
            return format_field(self.card, col.key, r.inputs.get(col.key))
        if col.kind == "points":
            if col.key == "items_total":
                return _num(res.items_total)
            return _num(res.points(col.key.removeprefix("pts:")))
        if col.kind == "deductions":
            return f"−{_num(res.deductions)}" if res.deductions else ""
        if col.kind == "additions":
            return f"+{_num(res.additions)}" if res.additions else ""
        if col.kind == "total":
            return _num(res.final)
        if col.kind == "passed":
            if not res.complete:
                return tr("未填完")
            return tr("合格") if res.passed else tr("不合格")
        if col.kind == "money":
            return f"{getattr(res, col.money):,.2f}"
        return None

    def _tooltip(self, r: ScoreRow, col: Col, res: Result) -> str | None:
        if col.kind == "input" and col.spec is not None:
            item_key = col.spec.item_key
            lines = [col.spec.hint]
            if item_key is not None:
                pts = res.points(item_key)
                lines.append(
                    tr("得分: {0} / {1}").format(
                        _num(pts), _num(self.card.item(item_key).max_points)
                    )
                )
            if not r.editable:
                lines.append(tr("(只读)"))
            return "\n".join(x for x in lines if x)
        if col.kind == "passed" and res.missing:
            return tr("还没填: {0}").format("、".join(res.missing))
        return col.tip.format(_num(self.card.max_total)) if col.tip else None

    # -- editing --------------------------------------------------------------------------
    def preview(self, row: int, key: str, text: str) -> str | None:
        """Recompute the row as if `text` were stored; returns the reason when it is invalid."""
        r = self.rows[row]
        try:
            value = parse_field(self.card, key, text)
            inputs = {**r.inputs, key: value}
            self._preview[row] = score(self.card, inputs, r.level)
            reason = None
        except ScoreInputError as exc:
            self._preview.pop(row, None)
            reason = exc.reason
        self._computed_changed(row)
        return reason

    def clear_preview(self, row: int) -> None:
        if self._preview.pop(row, None) is not None:
            self._computed_changed(row)

    def _computed_changed(self, row: int) -> None:
        # Only the computed cells: a dataChanged over the cell being edited would make the view
        # reset the open editor to the stored value while the user types.
        first = next(
            i for i, c in enumerate(self.cols) if c.kind not in ("agent", "level", "input")
        )
        self.dataChanged.emit(self.index(row, first), self.index(row, len(self.cols) - 1))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, col = index.row(), self.cols[index.column()]
        text = "" if value is None else str(value)
        self._preview.pop(row, None)
        if text.strip() == self.input_text(row, col.key):
            self.last_error = None
            self._row_changed(row)
            return True
        try:
            new = self._commit(self.rows[row], col.key, text)
        except ScoreInputError as exc:
            self.last_error = (row, index.column(), text, exc.reason)
            self._row_changed(row)
            self.rejected.emit(self.rows[row].agent, f"{col.title}: “{text}” {exc.reason}")
            return False
        except StaleRecord as exc:
            self.last_error = None
            self._row_changed(row)
            self.conflict.emit(self.rows[row].id, col.key, text, str(exc))
            return False
        except ShopDeskError as exc:
            self.last_error = None
            self._row_changed(row)
            self.rejected.emit(self.rows[row].agent, str(exc))
            return False
        self.last_error = None
        self.rows[row] = new
        self._row_changed(row)
        self.stored.emit(new.agent)
        return True

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.cols) - 1))

    # -- sorting (in the model: cheap for any size) --------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.cols)):
            return
        col = self.cols[column]
        self.layoutAboutToBeChanged.emit()
        self._preview.clear()

        def key(r: ScoreRow) -> tuple[int, Any]:
            if col.kind in ("agent", "level", "input"):
                value = self._display(r, col, r.result)
                return (0, str(value or ""))
            if col.kind == "money":
                return (0, getattr(r.result, col.money))
            if col.kind == "passed":
                return (0, (r.result.complete, r.result.passed))
            if col.kind == "deductions":
                return (0, r.result.deductions)
            if col.kind == "additions":
                return (0, r.result.additions)
            if col.kind == "total":
                return (0, r.result.final)
            if col.key == "items_total":
                return (0, r.result.items_total)
            return (0, r.result.points(col.key.removeprefix("pts:")))

        before = [r.id for r in self.rows]
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        where = {r.id: i for i, r in enumerate(self.rows)}
        old_list = self.persistentIndexList()
        new_list = [self.index(where[before[i.row()]], i.column()) for i in old_list]
        self.changePersistentIndexList(old_list, new_list)
        self.layoutChanged.emit()

    def set_rows(self, rows: list[ScoreRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._preview.clear()
        self.last_error = None
        self.endResetModel()

    def update_rows(self, rows: list[ScoreRow]) -> bool:
        """Take fresh rows in place (same agents, any order kept); False when the set changed.

        Used by live updates: the view keeps its current cell, scroll position and sort order.
        """
        fresh = {r.id: r for r in rows}
        if set(fresh) != {r.id for r in self.rows}:
            return False
        changed = [i for i, r in enumerate(self.rows) if fresh[r.id] != r]
        for i in changed:
            self.rows[i] = fresh[self.rows[i].id]
            self._preview.pop(i, None)
            self._row_changed(i)
        return True

    def row_of(self, score_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == score_id), None)

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.cols) if c.key == key)
