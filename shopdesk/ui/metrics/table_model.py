"""A read-only table model over plain rows, sorted inside the model (no proxy).

Rows are tuples of raw values; each column says how to show its value, how to sort it and
what its header tooltip explains. Sorting is an argsort of keys followed by layoutChanged,
which stays fast for years of daily rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Col:
    """One column: title, how to show a value, its header tooltip and alignment."""

    title: str
    show: Callable[[Any], str] = _text
    tip: str = ""
    numeric: bool = False


class RowsModel(QAbstractTableModel):
    """Rows of raw values; `marks[i]` (optional) flags a row: bold with a ⚠ in column 0."""

    def __init__(self, columns: Sequence[Col], parent: Any = None) -> None:
        super().__init__(parent)
        self._cols = list(columns)
        self._rows: list[tuple[Any, ...]] = []
        self._marks: list[str] = []
        self._tips: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in -------------------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[tuple[Any, ...]],
        marks: Sequence[str] | None = None,
        tips: Sequence[str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._marks = list(marks) if marks is not None else [""] * len(self._rows)
        self._tips = list(tips) if tips is not None else [""] * len(self._rows)
        self.endResetModel()
        if self._sort is not None:
            self.sort(*self._sort)

    def row(self, i: int) -> tuple[Any, ...]:
        return self._rows[i]

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r >= len(self._rows) or c >= len(self._cols):
            return None
        col = self._cols[c]
        mark = self._marks[r]
        if role == Qt.ItemDataRole.DisplayRole:
            text = col.show(self._rows[r][c])
            return f"⚠ {text}" if mark and c == 0 else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[r] or mark or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and mark:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(QColor("#fdecea"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._cols):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cols[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cols[section].tip or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._cols):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        keyed = [(_key(row[column]), i) for i, row in enumerate(self._rows)]
        keyed.sort(key=lambda k: k[0], reverse=order == Qt.SortOrder.DescendingOrder)
        perm = [i for _, i in keyed]
        where = [0] * len(perm)  # old row → new row
        for new_row, old_row in enumerate(perm):
            where[old_row] = new_row
        old = self.persistentIndexList()
        old_rows = [where[ix.row()] if ix.row() < len(where) else ix.row() for ix in old]
        self._rows = [self._rows[i] for i in perm]
        self._marks = [self._marks[i] for i in perm]
        self._tips = [self._tips[i] for i in perm]
        self.changePersistentIndexList(
            old, [self.index(r, ix.column()) for r, ix in zip(old_rows, old, strict=True)]
        )
        self.layoutChanged.emit()


def _key(value: Any) -> tuple[int, Any]:
    """None sorts last; numbers and dates by value; text by text."""
    if value is None or value == "":
        return (1, 0)
    if hasattr(value, "sort_key"):
        return (0, value.sort_key)
    return (0, value)
