"""Template editor for supervisors and the owner: add, edit, reorder, retire (never delete)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth import service as auth
from shopdesk.auth.actor import JOBS
from shopdesk.auth.permissions import Perm, require
from shopdesk.checklist import links, service
from shopdesk.checklist.recurrence import KIND_LABELS, MISS_POLICY_LABELS, WEEKDAY_LABELS
from shopdesk.checklist.service import TemplateInput, TemplateRow
from shopdesk.errors import ShopDeskError
from shopdesk.ui.context import UiContext
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


class TemplateModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "分组"),
        QT_TRANSLATE_NOOP("", "检查内容"),
        QT_TRANSLATE_NOOP("", "重复"),
        QT_TRANSLATE_NOOP("", "负责"),
        QT_TRANSLATE_NOOP("", "漏检处理"),
        QT_TRANSLATE_NOOP("", "状态"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[TemplateRow] = []

    def set_rows(self, rows: list[TemplateRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        t = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                t.section,
                t.title,
                t.rule_text,
                t.assignee_name or t.job or tr("所有人"),
                tr(MISS_POLICY_LABELS.get(t.miss_policy, t.miss_policy)),
                tr("已停用") if t.retired else tr("在用"),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and t.retired:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return tr(
                "过期作废: 当天没做算漏检, 不会堆积; "
                "顺延到完成: 一直显示为逾期, 直到勾选或写明原因跳过"
            )
        return None


class TemplateEditor(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        require(ctx.actor, Perm.EDIT_CHECKLIST)
        self.ctx = ctx
        self.changed = False
        self.editing: TemplateRow | None = None
        self.setWindowTitle(tr("编辑检查项目"))
        self.resize(1100, 580)

        self.model = TemplateModel(self)
        self.table = QTableView()
        self.table.setObjectName("templateTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col, width in ((0, 72), (2, 78), (3, 78), (4, 78), (5, 52)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._load(cur.row()))

        self.section = QComboBox(editable=True)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("templateTitle")
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(tr(label), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.weekday_boxes = [QCheckBox(tr(w)) for w in WEEKDAY_LABELS]
        days = QHBoxLayout()
        for box in self.weekday_boxes:
            days.addWidget(box)
        self.weekdays_widget = QWidget()
        self.weekdays_widget.setLayout(days)
        days.setContentsMargins(0, 0, 0, 0)
        self.month_day = QSpinBox()
        self.month_day.setRange(1, 31)
        self.month_day.setToolTip(tr("31 = 每月最后一天; 29/30 在小月取最后一天"))
        self.job = QComboBox(editable=True)
        self.job.addItem(tr("(所有人)"), "")
        for j in JOBS:
            self.job.addItem(j, j)
        self.job.setToolTip(tr("可填多个岗位, 用 / 分隔, 例如 店主/采购"))
        self.assignee = QComboBox()
        self.assignee.addItem(tr("(不指定)"), None)
        for u in auth.list_users(ctx.db):
            self.assignee.addItem(f"{u.name} ({u.job or u.role})", u.id)
        self.policy = QComboBox()
        self.policy.addItem(tr("按重复方式默认"), None)
        for key, label in MISS_POLICY_LABELS.items():
            self.policy.addItem(tr(label), key)
        self.needs_note = QCheckBox(tr("勾选时必须填写备注"))
        self.needs_number = QCheckBox(tr("勾选时必须填写数值"))
        self.number_label = QLineEdit()
        self.number_label.setPlaceholderText(tr("数值名称, 例如 DSR 综合评分"))
        self.link = QComboBox()
        self.link.addItem(tr("(无)"), None)
        for key, label in links.available().items():
            self.link.addItem(tr(label), key)

        form = QFormLayout()
        form.addRow(tr("分组"), self.section)
        form.addRow(tr("检查内容"), self.title_edit)
        form.addRow(tr("重复"), self.kind)
        form.addRow(tr("星期"), self.weekdays_widget)
        form.addRow(tr("每月几号"), self.month_day)
        form.addRow(tr("负责岗位"), self.job)
        form.addRow(tr("指定人员"), self.assignee)
        form.addRow(tr("漏检处理"), self.policy)
        form.addRow("", self.needs_note)
        form.addRow("", self.needs_number)
        form.addRow(tr("数值名称"), self.number_label)
        form.addRow(tr("实时数据"), self.link)
        self.message = QLabel()
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { color: #c62828; }")
        form.addRow(self.message)

        self.new_btn = QPushButton(tr("新增(&N)"))
        self.new_btn.clicked.connect(self._new)
        self.save_btn = QPushButton(tr("保存(&S)"))
        self.save_btn.setObjectName("saveTemplate")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.up_btn = QPushButton(tr("上移(&U)"))
        self.up_btn.clicked.connect(lambda: self._move(-1))
        self.down_btn = QPushButton(tr("下移(&D)"))
        self.down_btn.clicked.connect(lambda: self._move(1))
        self.retire_btn = QPushButton(tr("停用(&R)"))
        self.retire_btn.setToolTip(tr("停用后不再出现在清单里; 已有的勾选记录全部保留"))
        self.retire_btn.clicked.connect(self._retire)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.new_btn, self.up_btn, self.down_btn, self.retire_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_btn)
        buttons.addWidget(close)

        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(form, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addLayout(buttons)
        self.reload()
        self._new()

    # -- data -----------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        rows = service.list_templates(self.ctx.db, self.ctx.actor)
        self.model.set_rows(rows)
        current = self.section.currentText()
        self.section.clear()
        self.section.addItems(list(dict.fromkeys(r.section for r in rows if not r.retired)))
        self.section.setCurrentText(current)
        if select_id is not None:
            for i, r in enumerate(rows):
                if r.id == select_id:
                    self.table.selectRow(i)
                    break

    def _load(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        t = self.model.rows[row]
        self.editing = t
        self.section.setCurrentText(t.section)
        self.title_edit.setText(t.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(t.recurrence)))
        for i, box in enumerate(self.weekday_boxes):
            box.setChecked(i in t.weekdays)
        self.month_day.setValue(t.month_day or 1)
        self.job.setCurrentText(t.job or "")
        if not t.job:
            self.job.setCurrentIndex(0)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(t.assignee_id)))
        self.policy.setCurrentIndex(max(0, self.policy.findData(t.miss_policy)))
        self.needs_note.setChecked(t.needs_note)
        self.needs_number.setChecked(t.needs_number)
        self.number_label.setText(t.number_label or "")
        self.link.setCurrentIndex(max(0, self.link.findData(t.link_key)))
        self.retire_btn.setText(tr("恢复(&R)") if t.retired else tr("停用(&R)"))
        self.save_btn.setText(tr("保存修改(&S)"))
        self._kind_changed()
        self.message.clear()

    def _new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.title_edit.clear()
        if not self.section.currentText() and self.section.count():
            self.section.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        for box in self.weekday_boxes:
            box.setChecked(False)
        self.job.setCurrentIndex(0)
        self.assignee.setCurrentIndex(0)
        self.policy.setCurrentIndex(0)
        self.needs_note.setChecked(False)
        self.needs_number.setChecked(False)
        self.number_label.clear()
        self.link.setCurrentIndex(0)
        self.save_btn.setText(tr("添加(&S)"))
        self._kind_changed()
        self.message.clear()
        self.title_edit.setFocus()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.weekdays_widget.setEnabled(kind == "weekly")
        self.month_day.setEnabled(kind == "monthly")

    def form_input(self) -> TemplateInput:
        job = self.job.currentData() if self.job.currentIndex() > 0 else None
        typed = self.job.currentText().strip()
        if typed and typed != self.job.itemText(0):
            job = typed
        return TemplateInput(
            section=self.section.currentText(),
            title=self.title_edit.text(),
            recurrence=str(self.kind.currentData()),
            weekdays=tuple(i for i, b in enumerate(self.weekday_boxes) if b.isChecked()),
            month_day=self.month_day.value(),
            job=job,
            assignee_id=self.assignee.currentData(),
            miss_policy=self.policy.currentData(),
            needs_note=self.needs_note.isChecked(),
            needs_number=self.needs_number.isChecked(),
            number_label=self.number_label.text(),
            link_key=self.link.currentData(),
        )

    def _do(self, fn: Any) -> Any:
        try:
            result = fn()
        except ShopDeskError as exc:
            self.message.setText(str(exc))
            return None
        self.changed = True
        self.message.clear()
        return result

    def save(self) -> None:
        data = self.form_input()
        t = self.editing
        row = self._do(
            lambda: service.save_template(
                self.ctx.db,
                self.ctx.actor,
                data,
                t.id if t else None,
                t.version if t else None,
            )
        )
        if row is not None:
            self.reload(row.id)

    def _move(self, delta: int) -> None:
        t = self.editing
        if t is None or t.retired:
            return

        def run() -> bool:
            service.move(self.ctx.db, self.ctx.actor, t.id, delta)
            return True

        if self._do(run):
            self.reload(t.id)

    def _retire(self) -> None:
        t = self.editing
        if t is None:
            return
        row = self._do(lambda: service.retire(self.ctx.db, self.ctx.actor, t.id, restore=t.retired))
        if row is not None:
            self.reload(row.id)
