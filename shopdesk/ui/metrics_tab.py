"""The 经营数据 tab: yesterday against the day before, ROI per channel, trends and summaries."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from shopdesk.ui.context import UiContext


def create(ctx: UiContext) -> QWidget:
    """The dashboard inside a scroll area, so a small screen scrolls instead of overflowing."""
    from shopdesk.ui.metrics.charts import deferred
    from shopdesk.ui.metrics.tab import MetricsTab

    area = QScrollArea()
    area.setObjectName("metricsScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    with deferred():  # the cards and tables show first; pyqtgraph loads after that paint
        area.setWidget(MetricsTab(ctx))
    return area
