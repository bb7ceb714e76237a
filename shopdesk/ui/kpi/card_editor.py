"""The owner copies a scorecard and changes items, points, bands, pass line, pool and base pay.

Saving under the same name makes a new version of that card (months already opened keep theirs);
a new name makes a new card. Each rule is one line of text ("≤5%:30 ≤8%:20 ≤11%:10"), checked by
the same rules the service applies.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.kpi import carddef
from shopdesk.kpi.scorecard import Card, Item
from shopdesk.numbers import NumberError, parse_decimal, parse_money

Index = QModelIndex | QPersistentModelIndex
KIND_LABELS = {"grade": "等级", "band": "档位", "attendance": "出勤", "number": "直接打分"}


class ItemsModel(QAbstractTableModel):
    """One row per item: label, kind, max points, rule text (the last three editable)."""

    HEADERS = ("考核项目", "类型", "满分", "评分规则")

    def __init__(self, items: list[Item], parent: Any = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.error = ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (0, 2) or (
            index.column() == 3 and self.items[index.row()].kind != "number"
        ):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        it = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                it.label,
                KIND_LABELS.get(it.kind, it.kind),
                carddef._num(it.max_points),
                carddef.rule_text(it),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return it.hint or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        it = self.items[index.row()]
        text = str(value).strip()
        try:
            if index.column() == 0:
                if not text:
                    raise ShopDeskError("项目名称不能为空")
                new = replace(it, label=text)
            elif index.column() == 2:
                new = replace(it, max_points=parse_decimal(text, places=1, minimum=Decimal(1)))
            elif index.column() == 3:
                new = carddef.with_rule_text(it, text)
            else:
                return False
        except (ShopDeskError, NumberError) as exc:
            self.error = f"{it.label}: {exc}"
            return False
        self.error = ""
        self.items[index.row()] = new
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True


class CardEditor(QDialog):
    def __init__(self, card: Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑考核表"))
        self.resize(760, 480)
        self.base = card
        self.result_card: Card | None = None
        self.name = QLineEdit(card.name)
        self.name.setToolTip(self.tr("同名保存为新版本; 改名则另存为一张新考核表"))
        self.pass_ratio = QLineEdit(carddef._num(card.pass_ratio * 100))
        self.pool = QLineEdit(f"{card.pool:.2f}")
        self.base_pay = {level: QLineEdit(f"{pay:.2f}") for level, pay in card.base_pay.items()}
        self.model = ItemsModel(list(card.items), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.total = QLabel()
        self.model.dataChanged.connect(lambda *_: self._update_total())
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("合格线 (% 满分)"), self.pass_ratio)
        form.addRow(self.tr("奖金池 (元)"), self.pool)
        for level, edit in self.base_pay.items():
            form.addRow(self.tr("底薪 · {0} (元)").format(level), edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr("考核项目 (双击修改; 规则示例: 优20 良15 / ≤5%:30 ≤8%:20 / 迟到5 旷工10)")
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update_total()

    def _update_total(self) -> None:
        total = sum((i.max_points for i in self.model.items), Decimal(0))
        self.total.setText(self.tr("满分合计 {0} 分").format(carddef._num(total)))
        self.message.setText(self.model.error)

    def build(self) -> Card:
        """The edited card, checked; raises ShopDeskError with the first problem."""
        try:
            ratio = parse_decimal(self.pass_ratio.text(), minimum=Decimal(1), maximum=Decimal(100))
            pool = parse_money(self.pool.text())
            pay = {level: parse_money(e.text()) for level, e in self.base_pay.items()}
        except NumberError as exc:
            raise ShopDeskError(str(exc)) from None
        card = replace(
            self.base,
            name=self.name.text().strip(),
            pass_ratio=ratio / 100,
            pool=pool,
            base_pay=pay,
            items=tuple(self.model.items),
        )
        carddef.check_card(card)
        return card

    def _save(self) -> None:
        try:
            self.result_card = self.build()
        except ShopDeskError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
