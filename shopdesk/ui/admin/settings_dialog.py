"""The owner's settings, one page per group, built from the settings registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
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
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP

_TIER_LABELS = {
    "hot": QT_TRANSLATE_NOOP("SettingsDialog", "热销"),
    "regular": QT_TRANSLATE_NOOP("SettingsDialog", "常销"),
    "slow": QT_TRANSLATE_NOOP("SettingsDialog", "滞销"),
}
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "周一"),
    QT_TRANSLATE_NOOP("SettingsDialog", "周二"),
    QT_TRANSLATE_NOOP("SettingsDialog", "周三"),
    QT_TRANSLATE_NOOP("SettingsDialog", "周四"),
    QT_TRANSLATE_NOOP("SettingsDialog", "周五"),
    QT_TRANSLATE_NOOP("SettingsDialog", "周六"),
    QT_TRANSLATE_NOOP("SettingsDialog", "周日"),
)
_LANGUAGES = (
    ("auto", QT_TRANSLATE_NOOP("SettingsDialog", "跟随系统")),
    ("zh_CN", "简体中文"),  # each language in its own words
    ("en", "English"),
)
# The registry (no Qt below shopdesk/ui) keeps its labels in Chinese; these marks let lupdate
# collect them. tests/gui/test_i18n.py opens this dialog in English and finds any one missed.
_REGISTRY_TEXT = (
    QT_TRANSLATE_NOOP("SettingsDialog", "店铺"),
    QT_TRANSLATE_NOOP("SettingsDialog", "店铺名称"),
    QT_TRANSLATE_NOOP("SettingsDialog", "平台"),
    QT_TRANSLATE_NOOP("SettingsDialog", "界面语言"),
    QT_TRANSLATE_NOOP(
        "SettingsDialog", "auto = 跟随系统, zh_CN = 简体中文, en = English; 重新启动后生效"
    ),
    QT_TRANSLATE_NOOP("SettingsDialog", "安全"),
    QT_TRANSLATE_NOOP("SettingsDialog", "批量修改预警条数"),
    QT_TRANSLATE_NOOP("SettingsDialog", "所有用户必须设置 PIN"),
    QT_TRANSLATE_NOOP("SettingsDialog", "补货"),
    QT_TRANSLATE_NOOP("SettingsDialog", "补货表日 (0=周一)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "销量统计天数"),
    QT_TRANSLATE_NOOP("SettingsDialog", "补货周期 R (天)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "安全天数"),
    QT_TRANSLATE_NOOP("SettingsDialog", "默认库存预警量"),
    QT_TRANSLATE_NOOP("SettingsDialog", "基线销量剔除活动日"),
    QT_TRANSLATE_NOOP("SettingsDialog", "绩效"),
    QT_TRANSLATE_NOOP("SettingsDialog", "绩效申诉期 (天)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "数据"),
    QT_TRANSLATE_NOOP("SettingsDialog", "日环比预警阈值"),
    QT_TRANSLATE_NOOP("SettingsDialog", "活动"),
    QT_TRANSLATE_NOOP("SettingsDialog", "活动提醒提前天数"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def _spin(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100_000)
    box.setValue(value)
    return box


def _editor(key: str, value: Any) -> tuple[QWidget, Callable[[], Any]]:
    """A widget for one setting and a function that reads its value back."""
    if key == "restock.weekday":
        combo = QComboBox()
        combo.addItems([_t(day) for day in _WEEKDAYS])
        combo.setCurrentIndex(int(value))
        return combo, combo.currentIndex
    if key == "ui.language":
        combo = QComboBox()
        for code, name in _LANGUAGES:
            combo.addItem(_t(name), code)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo, combo.currentData
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
            layout.addWidget(QLabel(_t(_TIER_LABELS.get(k) or str(k))))
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
                self.tabs.addTab(page, _t(d.group))
            widget, reader = _editor(key, current[key])
            if d.hint:
                widget.setToolTip(_t(d.hint))
            form.addRow(_t(d.label), widget)
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
        if "ui.language" in self.changed:
            from shopdesk.ui import i18n

            i18n.remember(self.ctx.ui_settings(), str(values["ui.language"]))
            self.ctx.bus.status.emit(self.tr("界面语言已保存, 重新启动 ShopDesk 后生效"))
        self.accept()
