"""The 经营数据 tab (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from shopdesk.ui.context import UiContext
from shopdesk.ui.widgets.placeholder import Placeholder


def create(ctx: UiContext) -> QWidget:
    return Placeholder("经营数据")
