"""The owner copies a scorecard and changes items, points, bands, pass line, pool and base pay.

Saving under the same name makes a new version of that card (months already opened keep theirs);
a new name makes a new card. Items can be added, removed, moved and scored another way (grade,
band, attendance, a number typed in); deductions and additions (−5 per low-quality review,
−5..−20 per complaint, +2 per praise, +2..+5 once) are a second table. Each rule is one line of
text ("≤5%:30 ≤8%:20 ≤11%:10"), checked by the same rules the service applies; what is wrong is
said under the tables while the owner edits, and Save refuses a card with a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.kpi import carddef
from shopdesk.kpi.carddef import KIND_LABELS, MODE_LABELS
from shopdesk.kpi.scorecard import Adjustment, Card, Item
from shopdesk.numbers import NumberError, parse_decimal, parse_money
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
SIGN_LABELS = {-1: "扣分", 1: "加分"}


# Labels carddef gives (it cannot import Qt), marked so lupdate collects them.
_MARKS = (
    QT_TRANSLATE_NOOP("KpiCardEditor", "等级"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "档位"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "出勤"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "直接打分"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "按次数"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "每次自定分值"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "每月一次"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "扣分"),
    QT_TRANSLATE_NOOP("KpiCardEditor", "加分"),
)


def _tr(text: object) -> str:
    """`text` is a str; QT_TRANSLATE_NOOP's stubs say object."""
    return QCoreApplication.translate("KpiCardEditor", str(text))


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _RowsModel(QAbstractTableModel, Generic[T]):
    """Editable rows of one kind; `message` says why an edit was refused ("" when it was taken)."""

    HEADERS: tuple[object, ...] = ()
    EDITABLE: tuple[int, ...] = ()
    message = Signal(str)

    def __init__(self, rows: Sequence[T], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = list(rows)
        self.error = ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(index.row(), index.column()):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def _editable(self, row: int, column: int) -> bool:
        return column in self.EDITABLE

    def _changed(self, row: int, new: T) -> None:
        self.rows[row] = new
        self._fail("")
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def _fail(self, text: str) -> None:
        self.error = text
        self.message.emit(text)

    # -- rows added, removed, moved --------------------------------------------------------
    def insert(self, row: int, value: T) -> int:
        row = max(0, min(row, len(self.rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, value)
        self.endInsertRows()
        self._fail("")
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self._fail("")

    def move(self, row: int, delta: int) -> int:
        """Move a row up (−1) or down (+1); returns where it is now."""
        to = row + delta
        if not (0 <= row < len(self.rows) and 0 <= to < len(self.rows)) or delta == 0:
            return row
        # Qt's destination is the row *before which* it lands, counted before the move.
        dest = to + 1 if delta > 0 else to
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self.rows.insert(to, self.rows.pop(row))
        self.endMoveRows()
        return to


class ItemsModel(_RowsModel[Item]):
    """One row per item: name, kind, max points, rule, description."""

    HEADERS = (
        QT_TRANSLATE_NOOP("KpiCardEditor", "考核项目"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "类型"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "满分"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "评分规则"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "说明"),
    )
    EDITABLE = (0, 1, 2, 3, 4)
    KIND, RULE = 1, 3

    def __init__(
        self, items: Sequence[Item], parent: Any = None, taken: Callable[[], Iterable[str]] = list
    ) -> None:
        super().__init__(items, parent)
        self.taken = taken  # keys used outside the items (deductions/additions)

    @property
    def items(self) -> list[Item]:
        return self.rows

    def _editable(self, row: int, column: int) -> bool:
        return column != self.RULE or self.rows[row].kind != "number"

    def _keys(self, skip: int) -> list[str]:
        keys = list(self.taken())
        for i, it in enumerate(self.rows):
            if i != skip:
                keys += [it.key, *(p.key for p in it.penalties)]
        return keys

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        it = self.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.EditRole and c == self.KIND:
            return it.kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            rule = carddef.rule_text(it) or _tr("直接填写 0–满分")
            if role == Qt.ItemDataRole.EditRole and it.kind == "number":
                rule = ""
            return (
                it.label,
                _tr(KIND_LABELS.get(it.kind, it.kind)),
                carddef._num(it.max_points),
                rule,
                it.hint,
            )[c]
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == self.KIND:
                return _tr(_KIND_TIP)
            if c == self.RULE:
                tip = _RULE_TIPS.get(it.kind)
                return _tr(tip) if tip else None
            return it.hint or None
        if role == Qt.ItemDataRole.ForegroundRole and c == self.RULE and it.kind == "number":
            return Qt.GlobalColor.gray
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        it = self.rows[index.row()]
        text = "" if value is None else str(value).strip()
        c = index.column()
        try:
            if c == 0:
                if not text:
                    raise ShopDeskError(_tr("项目名称不能为空"))
                new = replace(it, label=text)
            elif c == self.KIND:
                new = carddef.with_kind(it, text, self._keys(index.row()))
            elif c == 2:
                top = parse_decimal(text, places=1, minimum=Decimal("0.5"))
                new = replace(it, max_points=top, hint="" if top != it.max_points else it.hint)
            elif c == self.RULE:
                if text == carddef.rule_text(it):
                    return True
                new = carddef.with_rule_text(it, text, self._keys(index.row()))
                new = replace(new, hint="")  # the old description spelled out the old rule
            elif c == 4:
                new = replace(it, hint=text)
            else:
                return False
        except (ShopDeskError, NumberError) as exc:
            msg = str(exc)
            self._fail(msg if msg.startswith(it.label) else f"{it.label}: {msg}")
            return False
        self._changed(index.row(), new)
        return True


_KIND_TIP = QT_TRANSLATE_NOOP(
    "KpiCardEditor",
    "等级: 优/良/中/差 各得几分; 档位: 按数值落在哪一档得分; 出勤: 满分减去每次扣分; 直接打分: 主管填 0–满分",  # noqa: E501
)
_MODE_TIP = QT_TRANSLATE_NOOP(
    "KpiCardEditor",
    "按次数: 次数 × 每次分值; 每次自定分值: 每次在范围内填写, 可多次; 每月一次: 范围内一个值",
)
_RULE_TIPS = {
    "grade": QT_TRANSLATE_NOOP("KpiCardEditor", "每个等级和分数, 如: 优20 良15 中10 差0"),
    "band": QT_TRANSLATE_NOOP(
        "KpiCardEditor",
        "每一档 界限:分数, 如 ≤5%:30 ≤8%:20 ≤11%:10 (越低越好); ≥95%:30 ≥90%:20 (越高越好); 秒: ≤15秒:30。落在所有档外得 0 分",  # noqa: E501
    ),
    "attendance": QT_TRANSLATE_NOOP(
        "KpiCardEditor", "每种情形每次扣几分, 如: 迟到5 请假5 旷工10 (可加新情形, 如 早退3)"
    ),
}


class AdjustmentsModel(_RowsModel[Adjustment]):
    """Deductions and additions after the items: name, 扣/加, how counted, points, description."""

    HEADERS = (
        QT_TRANSLATE_NOOP("KpiCardEditor", "扣分/加分项目"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "扣或加"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "方式"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "分值"),
        QT_TRANSLATE_NOOP("KpiCardEditor", "说明"),
    )
    EDITABLE = (0, 1, 2, 3, 4)
    SIGN, MODE, VALUE = 1, 2, 3

    @property
    def adjustments(self) -> list[Adjustment]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.EditRole and c == self.SIGN:
            return str(a.sign)
        if role == Qt.ItemDataRole.EditRole and c == self.MODE:
            return a.mode
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                a.label,
                _tr(SIGN_LABELS.get(a.sign, str(a.sign))),
                _tr(MODE_LABELS.get(a.mode, a.mode)),
                carddef.value_text(a),
                a.hint,
            )[c]
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == self.MODE:
                return _tr(_MODE_TIP)
            if c == self.VALUE:
                return _tr("按次数填每次的分值, 如 5; 其余填范围, 如 5-20")
            return a.hint or None
        if role == Qt.ItemDataRole.ForegroundRole and c == self.SIGN:
            return Qt.GlobalColor.darkRed if a.sign < 0 else Qt.GlobalColor.darkGreen
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        a = self.rows[index.row()]
        text = "" if value is None else str(value).strip()
        c = index.column()
        try:
            if c == 0:
                if not text:
                    raise ShopDeskError(_tr("名称不能为空"))
                new = replace(a, label=text)
            elif c == self.SIGN:
                sign = int(text)
                new = a if sign == a.sign else replace(a, sign=sign, hint="")
            elif c == self.MODE:
                new = carddef.with_mode(a, text)
            elif c == self.VALUE:
                if text == carddef.value_text(a):
                    return True
                new = replace(carddef.with_value_text(a, text), hint="")
            elif c == 4:
                new = replace(a, hint=text)
            else:
                return False
        except (ShopDeskError, ValueError) as exc:
            msg = str(exc)
            self._fail(msg if msg.startswith(a.label) else f"{a.label}: {msg}")
            return False
        self._changed(index.row(), new)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for the columns listed in `choices` (value → label); text editors elsewhere."""

    def __init__(self, choices: dict[int, dict[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        options = self.choices.get(index.column())
        if options is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in options.items():
            combo.addItem(_tr(label), value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(max(editor.findData(value), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # A closed combo box eats Enter; make it commit like a line edit does.
        if (
            isinstance(editor, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class EditTable(QTableView):
    """A table whose `keys` ((key, modifiers) → action) work while no cell is being edited."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[tuple[Qt.Key, Qt.KeyboardModifier], Callable[[], Any]] = {}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # arrows on macOS
        action = self.keys.get((Qt.Key(event.key()), mods))
        if action is not None and self.state() != QAbstractItemView.State.EditingState:
            action()
            return
        super().keyPressEvent(event)


def _table(model: QAbstractTableModel, choices: dict[int, dict[str, str]], name: str) -> EditTable:
    t = EditTable()
    t.setObjectName(name)
    t.setModel(model)
    t.setItemDelegate(ChoiceDelegate(choices, t))
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    t.setTabKeyNavigation(True)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(26)
    t.setWordWrap(False)
    return t


class CardEditor(QDialog):
    def __init__(self, card: Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑考核表"))
        self.resize(780, 580)
        self.base = card
        self.result_card: Card | None = None
        self.name = QLineEdit(card.name)
        self.name.setToolTip(self.tr("同名保存为新版本; 改名则另存为一张新考核表"))
        self.pass_ratio = QLineEdit(carddef._num(card.pass_ratio * 100))
        self.pass_ratio.setToolTip(self.tr("总分达到满分的这个百分比才合格, 才有绩效奖金"))
        self.pool = QLineEdit(f"{card.pool:.2f}")
        self.pool.setToolTip(self.tr("绩效奖金 = 奖金池 × 总分 ÷ 满分 (合格时)"))
        self.base_pay = {level: QLineEdit(f"{pay:.2f}") for level, pay in card.base_pay.items()}

        self.adjust_model = AdjustmentsModel(list(card.adjustments), self)
        self.model = ItemsModel(
            list(card.items), self, taken=lambda: [a.key for a in self.adjust_model.adjustments]
        )
        self.table = _table(self.model, {ItemsModel.KIND: dict(KIND_LABELS)}, "kpiCardItems")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ItemsModel.RULE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(ItemsModel.KIND, max(self.table.columnWidth(1), 72))
        self.table.setColumnWidth(4, 120)
        self.adjust_table = _table(
            self.adjust_model,
            {
                AdjustmentsModel.SIGN: {"-1": SIGN_LABELS[-1], "1": SIGN_LABELS[1]},
                AdjustmentsModel.MODE: dict(MODE_LABELS),
            },
            "kpiCardAdjustments",
        )
        self.adjust_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.adjust_table.resizeColumnsToContents()

        self.message = QLabel()
        self.message.setObjectName("kpiCardMessage")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.total = QLabel()
        self.total.setObjectName("kpiCardTotal")
        for m in (self.model, self.adjust_model):
            m.dataChanged.connect(lambda *_: self._update())
            m.rowsInserted.connect(lambda *_: self._update())
            m.rowsRemoved.connect(lambda *_: self._update())
            m.message.connect(lambda _t: self._update())
        for e in (self.pass_ratio, self.pool, *self.base_pay.values()):
            e.textChanged.connect(lambda _t: self._update())

        left = QFormLayout()
        left.addRow(self.tr("名称"), self.name)
        left.addRow(self.tr("合格线 (% 满分)"), self.pass_ratio)
        left.addRow(self.tr("奖金池 (元)"), self.pool)
        right = QFormLayout()
        for level, edit in self.base_pay.items():
            right.addRow(self.tr("底薪 · {0} (元)").format(level), edit)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 1)

        self.add_item_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "添加项目"), "kpiAddItem", self.add_item
        )
        self.remove_item_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "删除项目"), "kpiRemoveItem", self.remove_item
        )
        self.up_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "上移"), "kpiItemUp", lambda: self.move_item(-1)
        )
        self.down_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "下移"), "kpiItemDown", lambda: self.move_item(1)
        )
        self.add_deduction_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "添加扣分项"),
            "kpiAddDeduction",
            lambda: self.add_adjustment(-1),
        )
        self.add_addition_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "添加加分项"),
            "kpiAddAddition",
            lambda: self.add_adjustment(1),
        )
        self.remove_adjustment_button = self._push(
            QT_TRANSLATE_NOOP("CardEditor", "删除"), "kpiRemoveAdjustment", self.remove_adjustment
        )
        self.add_item_button.setToolTip(
            self.tr("新项目默认按等级评分, 在“类型”列改为档位、出勤或直接打分")
        )
        self.table.keys = {
            (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self.remove_item,
            (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier): lambda: self.move_item(-1),
            (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier): lambda: self.move_item(1),
        }
        self.adjust_table.keys = {
            (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self.remove_adjustment
        }

        items_bar = QHBoxLayout()
        items_bar.addWidget(
            QLabel(self.tr("<b>考核项目</b> (双击或直接打字修改; Delete 删除; Ctrl+↑↓ 调整顺序)"))
        )
        items_bar.addStretch(1)
        for b in (self.add_item_button, self.remove_item_button, self.up_button, self.down_button):
            items_bar.addWidget(b)
        adjust_bar = QHBoxLayout()
        adjust_bar.addWidget(QLabel(self.tr("<b>扣分与加分</b> (在项目分之后计算)")))
        adjust_bar.addStretch(1)
        for b in (
            self.add_deduction_button,
            self.add_addition_button,
            self.remove_adjustment_button,
        ):
            adjust_bar.addWidget(b)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(items_bar)
        layout.addWidget(self.table, 5)
        layout.addLayout(adjust_bar)
        layout.addWidget(self.adjust_table, 3)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update()

    def _push(self, text: object, name: str, slot: Callable[[], Any]) -> QPushButton:
        b = QPushButton(self.tr(str(text)))
        b.setObjectName(name)
        b.setAutoDefault(False)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    # -- rows -----------------------------------------------------------------------------
    def _draft(self) -> Card:
        return replace(
            self.base,
            items=tuple(self.model.items),
            adjustments=tuple(self.adjust_model.adjustments),
        )

    def add_item(self) -> None:
        """A new item below the current one, its name open for typing."""
        cur = self.table.currentIndex()
        row = self.model.insert(
            cur.row() + 1 if cur.isValid() else self.model.rowCount(),
            carddef.new_item(self._draft()),
        )
        self._edit(self.table, self.model.index(row, 0))

    def remove_item(self) -> None:
        cur = self.table.currentIndex()
        if cur.isValid():
            self.model.remove(cur.row())
            self._select(self.table, min(cur.row(), self.model.rowCount() - 1), cur.column())

    def move_item(self, delta: int) -> None:
        cur = self.table.currentIndex()
        if cur.isValid():
            self._select(self.table, self.model.move(cur.row(), delta), cur.column())

    def add_adjustment(self, sign: int) -> None:
        cur = self.adjust_table.currentIndex()
        row = self.adjust_model.insert(
            cur.row() + 1 if cur.isValid() else self.adjust_model.rowCount(),
            carddef.new_adjustment(self._draft(), sign),
        )
        self._edit(self.adjust_table, self.adjust_model.index(row, 0))

    def remove_adjustment(self) -> None:
        cur = self.adjust_table.currentIndex()
        if cur.isValid():
            self.adjust_model.remove(cur.row())
            row = min(cur.row(), self.adjust_model.rowCount() - 1)
            self._select(self.adjust_table, row, cur.column())

    def _select(self, table: QTableView, row: int, column: int) -> None:
        model = table.model()
        if row >= 0:
            table.setCurrentIndex(model.index(row, column))
        table.setFocus()

    def _edit(self, table: QTableView, index: QModelIndex) -> None:
        table.setFocus()
        table.setCurrentIndex(index)
        table.scrollTo(index)
        table.edit(index)

    # -- checking and saving ----------------------------------------------------------------
    def _update(self) -> None:
        draft = self._draft()
        self.total.setText(
            self.tr("满分合计 {0} 分 · {1} 个考核项 · {2} 个扣分/加分项").format(
                carddef._num(draft.max_total), len(draft.items), len(draft.adjustments)
            )
        )
        problem = self.model.error or self.adjust_model.error
        if not problem:
            try:
                self.build()
            except ShopDeskError as exc:
                problem = str(exc)
        self.message.setText(problem)

    def build(self) -> Card:
        """The edited card, checked; raises ShopDeskError with the first problem."""
        try:
            ratio = parse_decimal(self.pass_ratio.text(), minimum=Decimal(1), maximum=Decimal(100))
        except NumberError as exc:
            raise ShopDeskError(self.tr("合格线: {0}").format(exc)) from None
        try:
            pool = parse_money(self.pool.text())
        except NumberError as exc:
            raise ShopDeskError(self.tr("奖金池: {0}").format(exc)) from None
        pay = {}
        for level, e in self.base_pay.items():
            try:
                pay[level] = parse_money(e.text())
            except NumberError as exc:
                raise ShopDeskError(self.tr("{0} 的底薪: {1}").format(level, exc)) from None
        card = replace(
            self._draft(),
            name=self.name.text().strip(),
            pass_ratio=ratio / 100,
            pool=pool,
            base_pay=pay,
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
