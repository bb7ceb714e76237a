"""The honest "not built yet" page for a tab whose feature has not landed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Placeholder(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr("“{0}” 尚未构建 — 这个功能还在开发中。\n(Not built yet.)").format(title), self
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
