"""Dark theme: tinted rows and cells stay readable (WCAG contrast ≥ 4.5) in light and dark mode.

The offscreen platform has no dark theme, so dark mode is the palette a dark system gives Fusion
(theme.dark_palette()), set for the test and put back after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopdesk.auth.actor import Actor
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.ui.context import UiContext
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.widgets import theme

FLOOR = 4.5


@pytest.fixture(params=["light", "dark"])
def mode(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    palette, style = QApplication.palette(), qapp.style().name()
    if request.param == "dark":
        QApplication.setStyle("Fusion")
        QApplication.setPalette(theme.dark_palette())
    else:
        QApplication.setPalette(QApplication.style().standardPalette())
    yield request.param
    QApplication.setStyle(style)
    QApplication.setPalette(palette)


def _colour(value: object, fallback: QColor) -> QColor:
    if isinstance(value, QBrush):
        return value.color()
    if isinstance(value, QColor):
        return value
    return fallback


def contrast_at(model: QAbstractItemModel, index: QModelIndex) -> float:
    """What the user sees: the cell's colours, or the palette's where the model gives none."""
    palette = QApplication.palette()
    bg = _colour(
        model.data(index, Qt.ItemDataRole.BackgroundRole), palette.color(QPalette.ColorRole.Base)
    )
    fg = _colour(
        model.data(index, Qt.ItemDataRole.ForegroundRole), palette.color(QPalette.ColorRole.Text)
    )
    return theme.contrast(fg, bg)


def test_contrast_formula() -> None:
    assert theme.contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21, abs=0.01)
    assert theme.contrast(QColor("#777777"), QColor("#777777")) == pytest.approx(1)


def test_dark_palette_is_seen_as_dark(mode: str) -> None:
    assert theme.is_dark() == (mode == "dark")


@pytest.fixture
def window(
    qtbot: QtBot, mode: str, demo_db: Database, demo_owner: Actor, demo_location: Location
) -> MainWindow:
    w = MainWindow(UiContext(db=demo_db, actor=demo_owner, location=demo_location))
    qtbot.addWidget(w)
    w.show()
    return w


def test_warning_rows_and_red_figures_are_readable(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("inventory")
    page = window.tab("inventory").products  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() > 0, timeout=20_000)
    m = page.model
    rows = [m.row_at(i) for i in range(m.rowCount())]
    warning = next(i for i, r in enumerate(rows) if r.below_warning)
    risky = next(i for i, r in enumerate(rows) if r.stockout_risk and not r.below_warning)
    cover = next(i for i, c in enumerate(m.columns) if c.key == "days_of_cover")
    for column in range(m.columnCount()):
        assert contrast_at(m, m.index(warning, column)) >= FLOOR, m.columns[column].key
    assert contrast_at(m, m.index(risky, cover)) >= FLOOR


def test_kpi_computed_cells_are_readable(window: MainWindow) -> None:
    window.show_tab("kpi")
    m = window.tab("kpi").model  # type: ignore[attr-defined]
    assert m is not None and m.rowCount() > 0
    for row in range(m.rowCount()):
        for column in range(m.columnCount()):
            assert contrast_at(m, m.index(row, column)) >= FLOOR, (row, m.cols[column].key)


def test_dark_screenshots_script_exists() -> None:
    script = (Path(__file__).parents[2] / "docs" / "screenshots.py").read_text(encoding="utf-8")
    assert "--dark" in script


def test_trend_chart_ground_follows_the_palette(mode: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from shopdesk.ui.metrics.charts import TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.build()
    days = [date(2026, 11, 1) + timedelta(days=i) for i in range(5)]
    chart.show_series(days, {"visitors": [1, 2, 3, 4, 5]})
    ground = chart.view.backgroundBrush().color()
    assert (ground.lightness() < 128) == (mode == "dark")
    ink = chart.plots[0].getAxis("left").textPen().color()
    assert theme.contrast(ink, ground) >= FLOOR
