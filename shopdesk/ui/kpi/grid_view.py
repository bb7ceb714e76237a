"""Keyboard-first editing of the scoring grid.

Tab/Shift+Tab move between input cells only (wrapping to the next agent), Enter stores the cell
and moves down, typing starts editing. Grades use a drop-down that also takes 1–4. A value that
the rules refuse keeps the editor open with the text the user typed and the reason beside it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
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
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from shopdesk.ui.kpi.grid_model import KpiGridModel
from shopdesk.ui.widgets import theme

Index = QModelIndex | QPersistentModelIndex
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class GradeCombo(QComboBox):
    """优/良/中/差 drop-down; digits 1–4 pick a grade directly (1 = best)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and 1 <= int(text) < self.count():
            self.setCurrentIndex(int(text))
            return
        if text in ("0", " "):
            self.setCurrentIndex(0)
            return
        super().keyPressEvent(event)


class KpiDelegate(QStyledItemDelegate):
    hint = Signal(str)  # live reason while typing ("" when the text is fine)

    def _model(self, index: Index) -> KpiGridModel:
        model = index.model()
        assert isinstance(model, KpiGridModel)
        return model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = self._model(index)
        col = model.cols[index.column()]
        row = index.row()
        if col.spec is not None and col.spec.kind == "grade":
            combo = GradeCombo(parent)
            combo.addItems(["", *col.spec.choices])
            combo.setToolTip(self.tr("按 1–4 或 ↑↓ 选择等级, Tab/回车 确认"))
            combo.currentTextChanged.connect(lambda t: self._typed(model, row, col.key, t))
            return combo
        edit = QLineEdit(parent)
        edit.setToolTip(col.spec.hint if col.spec else "")
        edit.textEdited.connect(lambda t: self._typed(model, row, col.key, t))
        return edit

    def _typed(self, model: KpiGridModel, row: int, key: str, text: str) -> None:
        reason = model.preview(row, key, text)
        self.hint.emit(reason or "")

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        model = self._model(index)
        text = str(model.data(index, Qt.ItemDataRole.EditRole) or "")
        err = model.last_error
        if err is not None and err[0] == index.row() and err[1] == index.column():
            text = err[2]
            editor.setToolTip(err[3])
            editor.setStyleSheet(
                f"border: 2px solid #c0392b; background: #fff3f2; color: {theme.ON_TINT};"
            )
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findText(text), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()  # type: ignore[attr-defined]
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # A closed combo box eats Enter; make it commit like a line edit does.
        if (
            isinstance(editor, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)


class KpiGridView(QTableView):
    error = Signal(str)  # a refused value's reason, for the inline message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = KpiDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(28)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)

    def grid_model(self) -> KpiGridModel | None:
        m = self.model()
        return m if isinstance(m, KpiGridModel) else None

    # -- keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and self.state() != QAbstractItemView.State.EditingState:
            idx = self.currentIndex()
            if idx.isValid() and idx.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(idx)
            else:
                self._move_down(idx)
            return
        super().keyPressEvent(event)

    def _input_columns(self) -> list[int]:
        m = self.grid_model()
        if m is None:
            return []
        return [i for i, c in enumerate(m.cols) if c.kind == "input" and not self.isColumnHidden(i)]

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        m = self.grid_model()
        nxt = QAbstractItemView.CursorAction.MoveNext
        prev = QAbstractItemView.CursorAction.MovePrevious
        if m is None or cursorAction not in (nxt, prev) or m.rowCount() == 0:
            return super().moveCursor(cursorAction, modifiers)
        cols = self._input_columns()
        cur = self.currentIndex()
        row = max(cur.row(), 0)
        col = cur.column()
        step = 1 if cursorAction == nxt else -1
        later = [c for c in cols if (c > col if step > 0 else c < col)]
        if later:
            return m.index(row, later[0] if step > 0 else later[-1])
        row += step
        if not 0 <= row < m.rowCount():
            return cur
        return m.index(row, cols[0] if step > 0 else cols[-1])

    def _move_down(self, idx: QModelIndex | QPersistentModelIndex) -> None:
        m = self.grid_model()
        if m is None or not idx.isValid():
            return
        if idx.row() + 1 < m.rowCount():
            self.setCurrentIndex(m.index(idx.row() + 1, idx.column()))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        m = self.grid_model()
        idx = self.currentIndex()
        if m is not None and hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            m.last_error = None
            m.clear_preview(idx.row())
            self.error.emit("")
        err = m.last_error if m is not None else None
        if err is not None and idx.isValid() and (err[0], err[1]) == (idx.row(), idx.column()):
            # Refused: stay in the cell with what was typed and say why.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.error.emit(err[3])
            self.edit(idx)
            return
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move_down(idx)
            return
        super().closeEditor(editor, hint)

    def fit_columns(self) -> None:
        m = self.grid_model()
        if m is None:
            return
        fm = self.horizontalHeader().fontMetrics()
        for i, c in enumerate(m.cols):
            # Header text plus a little padding (not the room Qt keeps for a sort arrow).
            title = fm.horizontalAdvance(c.title) + 14
            low = 44 if c.kind == "input" else 36
            self.setColumnWidth(i, min(max(self.sizeHintForColumn(i), title, low), 120))
        # Rows stay in the service's order (team, level, name) until a header is clicked.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def select_cell(self, row: int, column: int) -> None:
        m = self.grid_model()
        if m is not None:
            self.setCurrentIndex(m.index(row, column))
