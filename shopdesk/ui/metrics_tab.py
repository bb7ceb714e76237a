"""The 经营数据 tab: yesterday against the day before, ROI per channel, trends and summaries."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from shopdesk.ui.context import UiContext


def create(ctx: UiContext) -> QWidget:
    from shopdesk.ui.metrics.tab import MetricsTab

    return MetricsTab(ctx)
