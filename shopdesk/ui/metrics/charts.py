"""pyqtgraph charts of the metrics tab: trends per figure and spend vs sales per channel.

pyqtgraph is imported when the tab is first built, never at app start. Its DateAxisItem labels
in English and local time; `ChineseDateAxis` labels days as '11月21日' / months as '2026年11月'
from UTC-midnight timestamps, so the shop's day never shifts with the time zone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from shopdesk.metrics.fields import FIGURE_BY_KEY, Kind
from shopdesk.ui.labels import label

DAY_SECONDS = 86400
# Colour-blind-safe palette (Okabe–Ito); lines also differ by dash style.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def stamp(day: date) -> float:
    """The day's UTC midnight as a Unix timestamp (x of every chart)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def tick_text(value: float, spacing: float) -> str:
    d = datetime.fromtimestamp(value, UTC)
    if spacing >= 300 * DAY_SECONDS:
        return QCoreApplication.translate("MetricsCharts", "{0}年").format(d.year)
    if spacing >= 27 * DAY_SECONDS:
        if d.month == 1:
            return QCoreApplication.translate("MetricsCharts", "{0}年{1}月").format(d.year, d.month)
        return QCoreApplication.translate("MetricsCharts", "{0}月").format(d.month)
    return QCoreApplication.translate("MetricsCharts", "{0}月{1}日").format(d.month, d.day)


def _pg() -> Any:
    import pyqtgraph as pg

    # The plot's ground and ink follow the palette, so a dark system gets a dark chart.
    palette = QGuiApplication.palette()
    pg.setConfigOptions(
        antialias=True,
        background=palette.color(QPalette.ColorRole.Base).name(),
        foreground=palette.color(QPalette.ColorRole.Text).name(),
    )
    return pg


def make_date_axis() -> Any:
    pg = _pg()

    class ChineseDateAxis(pg.DateAxisItem):  # type: ignore[name-defined]
        def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
            return [tick_text(v, spacing) for v in values]

    return ChineseDateAxis(orientation="bottom", utcOffset=0)


def number_text(value: float) -> str:
    """Axis numbers the Chinese way: 25万 rather than 250000 or 2.5e+05."""
    if abs(value) >= 10_000:
        return f"{value / 10_000:g}万"
    return f"{value:g}"


def make_number_axis() -> Any:
    pg = _pg()

    class ChineseNumberAxis(pg.AxisItem):  # type: ignore[name-defined]
        def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
            return [number_text(v * scale) for v in values]

    axis = ChineseNumberAxis(orientation="left")
    axis.enableAutoSIPrefix(False)
    return axis


def as_float(value: Any) -> float:
    """Chart y: ratios in percent, None as NaN (a gap, not a zero)."""
    if value is None:
        return float("nan")
    return float(value)


def y_values(key: str, values: Sequence[Any]) -> list[float]:
    scale = 100.0 if FIGURE_BY_KEY[key].kind is Kind.RATIO else 1.0
    return [as_float(v) * scale if v is not None else float("nan") for v in values]


def unit_of(key: str) -> str:
    kind = FIGURE_BY_KEY[key].kind
    money = QCoreApplication.translate("MetricsCharts", "元")
    return {Kind.RATIO: "%", Kind.MONEY: money}.get(kind, "")


_defer = False


@contextmanager
def deferred() -> Iterator[None]:
    """Charts made inside this block import pyqtgraph just after their first paint, not before.

    The tab then shows at once (importing pyqtgraph and numpy took ~0.8 s of its first opening);
    data given to a chart before that is drawn when it is built."""
    global _defer
    before, _defer = _defer, True
    try:
        yield
    finally:
        _defer = before


class LazyChart(QWidget):
    """A chart whose pyqtgraph widgets are made by `build()` (at once, or after a first paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(180)
        # as a pyqtgraph view would: the splitter beside it lays out the same before the build
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.built = False
        self._scheduled = False
        self._pending: Callable[[], None] | None = None
        if not _defer:
            self.build()

    def _make(self) -> None:
        raise NotImplementedError

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        self._make()
        for i in range(self._lay.count()):  # added to a visible chart: shown explicitly
            item = self._lay.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()
        waiting, self._pending = self._pending, None
        if waiting is not None:
            waiting()

    def _later(self, draw: Callable[[], None]) -> bool:
        """Keep `draw` for `build()` if the chart is not built yet (the latest data wins)."""
        if self.built:
            return False
        self._pending = draw
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.built and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self.build)

    def grab(self, *args: Any, **kwargs: Any) -> QPixmap:
        self.build()
        return super().grab(*args, **kwargs)


class TrendChart(LazyChart):
    """One stacked plot per chosen figure, x axes linked, Chinese date ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots: list[Any] = []
        self.curves: dict[str, Any] = {}

    def _make(self) -> None:
        self.view = _pg().GraphicsLayoutWidget()
        self.view.setMinimumHeight(180)
        self._lay.addWidget(self.view)

    def show_series(self, days: Sequence[date], series: Mapping[str, Sequence[Any]]) -> None:
        """`series`: figure key → values per day (None = unknown)."""
        if self._later(lambda: self.show_series(days, series)):
            return
        pg = _pg()
        xs = [stamp(d) for d in days]
        if list(series) == list(self.curves):  # same figures: new data, same plots (fast)
            for key, values in series.items():
                self.curves[key].setData(xs, y_values(key, values), connect="finite")
            for plot in self.plots:
                plot.enableAutoRange()
            return
        self.view.clear()
        self.plots = []
        self.curves = {}
        first = None
        for n, (key, values) in enumerate(series.items()):
            spec = FIGURE_BY_KEY[key]
            plot = self.view.addPlot(
                row=n, col=0, axisItems={"bottom": make_date_axis(), "left": make_number_axis()}
            )
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setLabel("left", f"{label(spec.label)} {unit_of(key)}".strip())
            plot.getAxis("left").setWidth(72)
            plot.setMenuEnabled(False)
            color = PALETTE[n % len(PALETTE)]
            pen = pg.mkPen(QColor(color), width=2)
            self.curves[key] = plot.plot(xs, y_values(key, values), pen=pen, connect="finite")
            plot.setTitle(label(spec.label), color=color, size="10pt")
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            self.plots.append(plot)


class ChannelChart(LazyChart):
    """Spend and attributed sales per channel over the period, with ROI over each pair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []

    def _make(self) -> None:
        self.plot_widget = _pg().PlotWidget(axisItems={"left": make_number_axis()})
        self.plot_widget.setMinimumHeight(180)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(y=True, alpha=0.25)
        self.plot.setLabel("left", self.tr("金额 元"))
        self.plot.addLegend(offset=(-10, 10))
        self._lay.addWidget(self.plot_widget)

    def show_channels(self, rows: Sequence[tuple[str, Decimal, Decimal, str]]) -> None:
        """rows: (channel, spend, sales, ROI text such as '1:3.25 及格')."""
        if self._later(lambda: self.show_channels(rows)):
            return
        pg = _pg()
        self.plot.clear()
        self.labels = []
        xs = list(range(len(rows)))
        spend = [float(r[1]) for r in rows]
        sales = [float(r[2]) for r in rows]
        self.plot.addItem(
            pg.BarGraphItem(
                x=[x - 0.2 for x in xs],
                height=spend,
                width=0.38,
                brush=PALETTE[1],
                name=self.tr("花费"),
            )
        )
        self.plot.addItem(
            pg.BarGraphItem(
                x=[x + 0.2 for x in xs],
                height=sales,
                width=0.38,
                brush=PALETTE[0],
                name=self.tr("成交金额"),
            )
        )
        top = max([*spend, *sales, 1.0])
        for x, r in zip(xs, rows, strict=True):
            text = pg.TextItem(r[3], color="#222222", anchor=(0.5, 1.0))
            text.setPos(x, max(float(r[1]), float(r[2])) + top * 0.02)
            self.plot.addItem(text)
            self.labels.append(r[3])
        self.plot.getAxis("bottom").setTicks([[(x, r[0]) for x, r in zip(xs, rows, strict=True)]])
        self.plot.setYRange(0, top * 1.15)
        self.plot.setXRange(-0.7, max(len(rows) - 0.3, 0.7))
