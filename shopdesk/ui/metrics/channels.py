"""The ad channels dialog: the default four plus the owner's own; retire without losing history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.metrics import service
from shopdesk.ui.context import UiContext


class ChannelsDialog(QDialog):
    """Tick = active. Unticking retires a channel: its past spend stays in every report."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("推广渠道"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("勾选 = 使用中; 取消勾选 = 停用 (历史数据保留)")))
        self.list = QListWidget()
        lay.addWidget(self.list)
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("新渠道名称, 如 抖音推广"))
        self.add_button = QPushButton(self.tr("添加(&A)"))
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.add_button)
        lay.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        lay.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.add_button.clicked.connect(self.add)
        self.name_edit.returnPressed.connect(self.add)
        self.list.itemChanged.connect(self._toggled)
        self.changed = False
        self.load()

    def load(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for c in service.list_channels(self.ctx.db, self.ctx.actor, include_inactive=True):
            item = QListWidgetItem(c.name)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.active else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setText(f"⚠ {text}" if problem else text)
        self.message.setStyleSheet("color: #8c1d18; font-weight: 600;" if problem else "")

    def add(self) -> None:
        try:
            ch = service.add_channel(self.ctx.db, self.ctx.actor, self.name_edit.text())
        except ShopDeskError as exc:
            self._say(str(exc), problem=True)
            return
        self.name_edit.clear()
        self.changed = True
        self._say(self.tr("已添加渠道 {0}").format(ch.name))
        self.load()

    def _toggled(self, item: QListWidgetItem) -> None:
        active = item.checkState() == Qt.CheckState.Checked
        try:
            service.set_channel_active(
                self.ctx.db, self.ctx.actor, int(item.data(Qt.ItemDataRole.UserRole)), active
            )
        except ShopDeskError as exc:
            self._say(str(exc), problem=True)
            self.load()
            return
        self.changed = True
        self._say(self.tr("{0} 已{1}").format(item.text(), "启用" if active else "停用"))
