"""The owner's settings, one page per group, built from the settings registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.settings import service as settings
from shopdesk.settings.registry import SETTINGS
from shopdesk.ui.context import UiContext

_TIER_LABELS = {"hot": "热销", "regular": "常销", "slow": "滞销"}
_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _spin(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100_000)
    box.setValue(value)
    return box


def _editor(key: str, value: Any) -> tuple[QWidget, Callable[[], Any]]:
    """A widget for one setting and a function that reads its value back."""
    if key == "restock.weekday":
        combo = QComboBox()
        combo.addItems(list(_WEEKDAYS))
        combo.setCurrentIndex(int(value))
        return combo, combo.currentIndex
    if isinstance(value, bool):
        check = QCheckBox()
        check.setChecked(value)
        return check, check.isChecked
    if isinstance(value, int):
        box = _spin(value)
        return box, box.value
    if isinstance(value, dict):
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        readers: dict[str, Callable[[], Any]] = {}
        for k, v in value.items():
            layout.addWidget(QLabel(_TIER_LABELS.get(k, k)))
            if isinstance(v, int):
                box = _spin(v)
                layout.addWidget(box)
                readers[k] = box.value
            else:
                edit = QLineEdit(str(v))
                edit.setMaximumWidth(90)
                layout.addWidget(edit)
                readers[k] = edit.text
        layout.addStretch(1)
        return row, lambda: {k: r() for k, r in readers.items()}
    edit = QLineEdit(str(value))
    return edit, lambda: edit.text().strip()


class SettingsDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("设置"))
        with ctx.db.read() as s:
            current = settings.get_all(s)
        self.readers: dict[str, Callable[[], Any]] = {}
        self.editors: dict[str, QWidget] = {}
        pages: dict[str, QFormLayout] = {}
        self.tabs = QTabWidget(self)
        for key, d in SETTINGS.items():
            form = pages.get(d.group)
            if form is None:
                page = QWidget()
                form = QFormLayout(page)
                pages[d.group] = form
                self.tabs.addTab(page, d.group)
            widget, reader = _editor(key, current[key])
            if d.hint:
                widget.setToolTip(d.hint)
            form.addRow(d.label, widget)
            self.readers[key] = reader
            self.editors[key] = widget
        if "绩效" in pages:
            pages["绩效"].addRow(
                QLabel(self.tr("奖金池和各级底薪属于考核表: 客服绩效 → 编辑考核表…"), self)
            )
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.changed: list[str] = []

    def _save(self) -> None:
        values = {key: read() for key, read in self.readers.items()}
        try:
            self.changed = settings.set_many(self.ctx.db, self.ctx.actor, values)
        except ShopDeskError as exc:
            self.error_label.setText(str(exc))
            return
        if self.changed:
            self.ctx.bus.data_changed.emit("setting")
            self.ctx.bus.status.emit(self.tr("已保存 {0} 项设置").format(len(self.changed)))
        self.accept()
