"""The supervisor's list of disputes with accept (and change the score) / deny (with a reason)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.kpi.disputes import DisputeRow
from shopdesk.kpi.scorecard import Card, field_specs
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.kpi.tables import RowsModel
from shopdesk.ui.labels import label


class DisputesView(QWidget):
    answer_requested = Signal(int, bool, str, dict)  # dispute id, accept, answer, changes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: Card | None = None
        self.model: RowsModel[DisputeRow] = RowsModel(
            [
                (QT_TRANSLATE_NOOP("KpiTables", "客服"), lambda d: d.agent),
                (QT_TRANSLATE_NOOP("KpiTables", "项目"), lambda d: d.item_label),
                (QT_TRANSLATE_NOOP("KpiTables", "申诉理由"), lambda d: d.comment),
                (
                    QT_TRANSLATE_NOOP("KpiTables", "提出时间"),
                    lambda d: f"{d.raised_at.astimezone():%m-%d %H:%M}",
                ),
                (QT_TRANSLATE_NOOP("KpiTables", "状态"), lambda d: label(d.status_label)),
                (QT_TRANSLATE_NOOP("KpiTables", "答复"), lambda d: d.answer or ""),
                (QT_TRANSLATE_NOOP("KpiTables", "答复人"), lambda d: d.answered_by or ""),
            ],
            parent=self,
            tooltip=lambda d, _c: d.comment,
        )
        self.table = QTableView()
        self.table.setObjectName("kpiDisputes")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.accept_button = QPushButton(self.tr("接受并改分…"))
        self.deny_button = QPushButton(self.tr("驳回…"))
        self.accept_button.clicked.connect(lambda: self._answer(True))
        self.deny_button.clicked.connect(lambda: self._answer(False))
        self.note = QLabel(self.tr("客服在申诉期内对已发布的草稿提出的申诉; 处理完才能定稿。"))
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.accept_button)
        bar.addWidget(self.deny_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_rows(self, card: Card | None, rows: list[DisputeRow], can_answer: bool) -> None:
        self.card = card
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.accept_button.setVisible(can_answer)
        self.deny_button.setVisible(can_answer)
        self._update_buttons()

    def selected(self) -> DisputeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        d = self.selected()
        ok = d is not None and d.status == "open"
        self.accept_button.setEnabled(ok)
        self.deny_button.setEnabled(ok)

    def _answer(self, accept: bool) -> None:
        d = self.selected()
        if d is None or self.card is None:
            return
        dialog = AnswerDialog(self.card, d, accept, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.answer_requested.emit(d.id, accept, dialog.answer(), dialog.changes())


class AnswerDialog(QDialog):
    """Accept: pick the field to change and its new value. Deny: a reason."""

    def __init__(self, card: Card, d: DisputeRow, accept: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("接受申诉") if accept else self.tr("驳回申诉"))
        self.accepting = accept
        form = QFormLayout(self)
        form.addRow(self.tr("申诉"), QLabel(f"{d.agent} · {d.item_label}: {d.comment}"))
        self.field = QComboBox()
        self.value = QLineEdit()
        if accept:
            specs = [s for s in field_specs(card) if d.item_key in (s.key, s.item_key)]
            specs = specs or field_specs(card)
            for s in specs:
                self.field.addItem(s.label, s.key)
            self.value.setPlaceholderText(self.tr("新的值, 例如 良 或 4.5%"))
            form.addRow(self.tr("修改"), self.field)
            form.addRow(self.tr("新值"), self.value)
        self.text = QLineEdit()
        self.text.setPlaceholderText(
            self.tr("处理结果 (可选)") if accept else self.tr("驳回原因 (必填)")
        )
        form.addRow(self.tr("答复"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> str:
        return self.text.text().strip()

    def changes(self) -> dict[str, str]:
        if not self.accepting or not self.value.text().strip():
            return {}
        return {str(self.field.currentData()): self.value.text().strip()}
