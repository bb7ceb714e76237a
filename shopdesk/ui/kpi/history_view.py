"""Score trend per agent over finalised months, with the team average and the pass line.

pyqtgraph is imported when this view is first built, not when the app starts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from shopdesk.kpi.history import History

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.history = History()
        self.who = QComboBox()
        self.who.setObjectName("kpiHistoryWho")
        self.who.setToolTip(self.tr("选择一位客服, 或显示全部"))
        self.who.currentIndexChanged.connect(self._draw)
        self.note = QLabel()
        self.note.setObjectName("kpiHistoryNote")
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("kpiHistoryPlot")
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().hideButtons()
        self.plot.setLabel("left", self.tr("总分"))
        self.legend = self.plot.addLegend(offset=(10, 10))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("客服:")))
        bar.addWidget(self.who)
        bar.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)

    def set_history(self, h: History) -> None:
        self.history = h
        current = self.who.currentText()
        self.who.blockSignals(True)
        self.who.clear()
        names = list(h.series)
        if len(names) > 1:
            self.who.addItem(self.tr("全部"))
        self.who.addItems(names)
        idx = self.who.findText(current)
        self.who.setCurrentIndex(max(idx, 0))
        self.who.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        pg = self._pg
        h = self.history
        self.plot.clear()
        self.legend.clear()
        if not h.months:
            self.note.setText(self.tr("还没有已定稿的月份。"))
            return
        self.note.setText(self.tr("只统计已定稿的月份; 虚线为团队平均, 红线为合格线。"))
        xs = list(range(len(h.months)))
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, m) for i, m in enumerate(h.months)]])
        chosen = self.who.currentText()
        names = [n for n in h.series if chosen in ("", self.tr("全部")) or n == chosen]
        for i, name in enumerate(names):
            self._line(xs, h.series[name], name, PALETTE[i % len(PALETTE)], width=2)
        self._line(xs, h.team_average, self.tr("团队平均"), "#555555", width=2, dash=True)
        if h.pass_line is not None:
            line = pg.InfiniteLine(
                pos=float(h.pass_line),
                angle=0,
                pen=pg.mkPen("#c0392b", width=2, style=Qt.PenStyle.DotLine),
            )
            self.plot.addItem(line)
        top = float(h.max_total) if h.max_total is not None else 130.0
        self.plot.setYRange(0, top * 1.02)
        self.plot.setXRange(-0.3, len(xs) - 0.7)

    def _line(
        self, xs: list[int], ys: list[Any], name: str, color: str, *, width: int, dash: bool = False
    ) -> None:
        pg = self._pg
        pts = [(x, float(y)) for x, y in zip(xs, ys, strict=True) if y is not None]
        if not pts:
            return
        style = Qt.PenStyle.DashLine if dash else Qt.PenStyle.SolidLine
        pen = pg.mkPen(color, width=width, style=style)
        self.plot.plot(
            [p[0] for p in pts],
            [p[1] for p in pts],
            pen=pen,
            symbol="o",
            symbolSize=6,
            symbolBrush=color,
            symbolPen=color,
            name=name,
        )
