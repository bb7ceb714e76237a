"""The 经营数据 tab as the window builds it: it paints before pyqtgraph is loaded, then draws."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QScrollArea

from shopdesk.ui import metrics_tab
from shopdesk.ui.context import UiContext
from shopdesk.ui.metrics.tab import MetricsTab
from tests.gui.test_metrics_tab import _two_days


def test_charts_are_drawn_just_after_the_first_paint(
    qtbot, ui_ctx: UiContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _two_days(ui_ctx.db, ui_ctx.actor)
    area = metrics_tab.create(ui_ctx)
    assert isinstance(area, QScrollArea)
    qtbot.addWidget(area)
    tab = area.widget()
    assert isinstance(tab, MetricsTab)
    assert not tab.trend_chart.built  # nothing of pyqtgraph made before the tab shows
    assert tab.cards.isVisibleTo(tab)  # the figures themselves are there already
    area.resize(1300, 850)
    with qtbot.waitExposed(area):
        area.show()
    qtbot.waitUntil(lambda: tab.trend_chart.built, timeout=10_000)
    assert len(tab.trend_chart.plots) == 3  # the data given before the build is drawn
    tab.tabs.setCurrentIndex(1)  # 渠道 ROI: its chart is built when first seen
    qtbot.waitUntil(lambda: tab.channel_chart.built, timeout=10_000)
    assert tab.channel_chart.labels[0] == "1:3.49 及格"
    tab.tabs.setCurrentIndex(0)
    png = tab.export_png(tmp_path / "trend.png")
    assert png.stat().st_size > 5_000
