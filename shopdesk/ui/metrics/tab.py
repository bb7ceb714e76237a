"""The metrics dashboard widget (DOMAIN §5).

Everything shown comes from `shopdesk.metrics.service` as plain rows; the widget never holds a
session. Two years of days is a few hundred rows: reading and drawing them takes milliseconds
(see benchmarks/metrics_dashboard.py), so refreshes run on the GUI thread while imports, which
read files of any size, run in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.permissions import Perm, can
from shopdesk.clock import today
from shopdesk.errors import InvalidInput, ShopDeskError
from shopdesk.metrics import service
from shopdesk.metrics.changes import PeriodSummary, figure_change, summarise
from shopdesk.metrics.fields import FIGURE_BY_KEY, format_figure
from shopdesk.metrics.roi import RoiResult, format_roi
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded, show_error
from shopdesk.ui.i18n import QT_TRANSLATE_NOOP
from shopdesk.ui.labels import label
from shopdesk.ui.metrics.cards import CardsPanel
from shopdesk.ui.metrics.channels import ChannelsDialog
from shopdesk.ui.metrics.charts import ChannelChart, TrendChart
from shopdesk.ui.metrics.dialogs import DayFormDialog, ImportDialog, from_qdate, to_qdate
from shopdesk.ui.metrics.table_model import Col, RowsModel
from shopdesk.ui.widgets.layout import remember_header
from shopdesk.ui.widgets.shortcuts import press_with

RANGES = (
    (QT_TRANSLATE_NOOP("MetricsTab", "近 7 天"), 7),
    (QT_TRANSLATE_NOOP("MetricsTab", "近 30 天"), 30),
    (QT_TRANSLATE_NOOP("MetricsTab", "近 90 天"), 90),
    (QT_TRANSLATE_NOOP("MetricsTab", "近 365 天"), 365),
    (QT_TRANSLATE_NOOP("MetricsTab", "自定义"), 0),
)
DEFAULT_TREND = ("visitors", "paid_amount", "conversion")
WEEKDAYS = (
    QT_TRANSLATE_NOOP("MetricsTab", "周一"),
    QT_TRANSLATE_NOOP("MetricsTab", "周二"),
    QT_TRANSLATE_NOOP("MetricsTab", "周三"),
    QT_TRANSLATE_NOOP("MetricsTab", "周四"),
    QT_TRANSLATE_NOOP("MetricsTab", "周五"),
    QT_TRANSLATE_NOOP("MetricsTab", "周六"),
    QT_TRANSLATE_NOOP("MetricsTab", "周日"),
)


def _money(v: Any) -> str:
    return "" if v is None else f"{Decimal(v):,.2f}"


def _int(v: Any) -> str:
    return "" if v is None else f"{int(v):,}"


def _pct(v: Any) -> str:
    return "" if v is None else f"{Decimal(v) * 100:.2f}%"


def _roi(v: Any) -> str:
    return "" if v is None else format_roi(v)


def _shower(key: str) -> Callable[[Any], str]:
    def show(v: Any) -> str:
        return "" if v is None else format_figure(key, v)

    return show


def roi_mark(r: RoiResult, day: RoiResult | None = None) -> str:
    """Tooltip text of a row whose ROI fails (below 1:3) for the period or for the day."""
    parts = []
    if day is not None and day.tier is not None and day.tier.rank == 0:
        parts.append(QCoreApplication.translate("MetricsTab", "当日 ROI 不及格 (低于 1:3)"))
    if r.tier is not None and r.tier.rank == 0:
        parts.append(
            QCoreApplication.translate("MetricsTab", "区间 ROI 不及格 (低于 1:3)")
            if day is not None
            else QCoreApplication.translate("MetricsTab", "ROI 不及格 (低于 1:3)")
        )
    return "; ".join(parts)


class MetricsTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: service.MetricsData | None = None
        self.dash: service.Dashboard | None = None
        self.period_rows: list[PeriodSummary] = []
        outer = QVBoxLayout(self)

        # -- tool row ------------------------------------------------------------------------
        bar = QHBoxLayout()
        self.range_box = QComboBox()
        for title, _n in RANGES:
            self.range_box.addItem(self.tr(title))
        self.range_box.setCurrentIndex(1)
        self.range_box.setToolTip(self.tr("图表和汇总的日期范围"))
        range_label = QLabel(self.tr("周期(&P)"))
        range_label.setBuddy(self.range_box)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            e.setEnabled(False)
        self.import_button = QPushButton(self.tr("导入…(&I)"))
        self.import_button.setToolTip(
            self.tr("导入生意参谋等导出的日报表或推广渠道表 (.xlsx/.csv)")
        )
        self.form_button = QPushButton(self.tr("录入每日数据(&N)"))
        self.channels_button = QPushButton(self.tr("渠道…"))
        self.channels_button.setToolTip(self.tr("添加或停用推广渠道"))
        self.png_button = QPushButton(self.tr("导出图表 PNG"))
        self.xlsx_button = QPushButton(self.tr("导出汇总 Excel"))
        editable = can(ctx.actor, Perm.EDIT_METRICS)
        self.import_button.setEnabled(editable)
        self.form_button.setEnabled(editable)
        self.channels_button.setEnabled(editable)
        for w in (range_label, self.range_box, self.from_edit, QLabel("~"), self.to_edit):
            bar.addWidget(w)
        bar.addStretch(1)
        for b in (
            self.import_button,
            self.form_button,
            self.channels_button,
            self.png_button,
            self.xlsx_button,
        ):
            bar.addWidget(b)
        outer.addLayout(bar)

        # -- headline and cards ---------------------------------------------------------------
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.headline.setWordWrap(True)
        outer.addWidget(self.headline)
        self.roi_line = QLabel()
        self.roi_line.setObjectName("roiLine")
        self.roi_line.setToolTip(
            self.tr(
                "ROI = 销售额 ÷ 成本, 显示为 1:x。\n"
                "店铺 ROI 的成本 = 推广花费 + 免邮费用 + 打折促销。\n"
                "低于 1:3 不及格; 1:3 及格; 1:4 良好; 1:5 优秀。"
            )
        )
        outer.addWidget(self.roi_line)
        self.cards = CardsPanel(6)
        outer.addWidget(self.cards)

        # -- lower part: charts and tables ------------------------------------------------------
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)

        trend = QSplitter(Qt.Orientation.Horizontal)
        self.figure_list = QListWidget()
        self.figure_list.setMaximumWidth(150)
        self.figure_list.setToolTip(self.tr("勾选要画出的指标 (空格键勾选)"))
        for key in (*service.CARD_KEYS, "free_shipping_cost", "discounts", "after_sales_score"):
            spec = FIGURE_BY_KEY[key]
            item = QListWidgetItem(label(spec.label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(label(spec.definition))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if key in DEFAULT_TREND else Qt.CheckState.Unchecked
            )
            self.figure_list.addItem(item)
        self.trend_chart = TrendChart()
        trend.addWidget(self.figure_list)
        trend.addWidget(self.trend_chart)
        trend.setStretchFactor(1, 1)
        self.tabs.addTab(trend, self.tr("趋势"))

        roi_page = QSplitter(Qt.Orientation.Vertical)
        self.roi_model = RowsModel(
            [
                Col(self.tr("渠道")),
                Col(self.tr("当日花费"), _money, numeric=True),
                Col(self.tr("当日成交"), _money, numeric=True),
                Col(self.tr("当日 ROI"), _roi, self.tr("成交金额 ÷ 花费"), True),
                Col(self.tr("等级")),
                Col(self.tr("区间花费"), _money, numeric=True),
                Col(self.tr("区间成交"), _money, numeric=True),
                Col(
                    self.tr("区间 ROI"), _roi, self.tr("所选周期内的成交金额合计 ÷ 花费合计"), True
                ),
                Col(self.tr("区间等级")),
            ],
            self,
        )
        self.roi_view = self._table(self.roi_model, sortable=False)  # shop total stays last
        remember_header(self.roi_view, ctx, "metrics/channels")
        self.channel_chart = ChannelChart()
        roi_page.addWidget(self.roi_view)
        roi_page.addWidget(self.channel_chart)
        roi_page.setSizes([230, 400])
        self.tabs.addTab(roi_page, self.tr("渠道 ROI"))

        summary_page = QWidget()
        sl = QVBoxLayout(summary_page)
        srow = QHBoxLayout()
        self.week_radio = QRadioButton(self.tr("按周(&W)"))
        self.month_radio = QRadioButton(self.tr("按月(&M)"))
        self.week_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.week_radio)
        group.addButton(self.month_radio)
        srow.addWidget(self.week_radio)
        srow.addWidget(self.month_radio)
        srow.addStretch(1)
        sl.addLayout(srow)
        self.summary_model = RowsModel(
            [
                Col(self.tr("周期")),
                Col(self.tr("天数"), _int, numeric=True),
                Col(self.tr("访客数"), _int, self.tr("每日访客数之和"), True),
                Col(self.tr("支付买家数"), _int, numeric=True),
                Col(self.tr("支付金额"), _money, numeric=True),
                Col(self.tr("支付转化率"), _pct, self.tr("支付买家数合计 ÷ 访客数合计"), True),
                Col(self.tr("客单价"), _money, self.tr("支付金额合计 ÷ 支付买家数合计"), True),
                Col(self.tr("跳失率"), _pct, self.tr("按访客数加权平均"), True),
                Col(self.tr("推广花费"), _money, numeric=True),
                Col(self.tr("推广 ROI"), _roi, self.tr("各渠道成交金额合计 ÷ 推广花费"), True),
                Col(self.tr("店铺成本"), _money, self.tr("推广花费 + 免邮费用 + 打折促销"), True),
                Col(self.tr("店铺 ROI"), _roi, self.tr("支付金额 ÷ 店铺成本"), True),
                Col(self.tr("等级")),
            ],
            self,
        )
        self.summary_view = self._table(self.summary_model)
        remember_header(self.summary_view, ctx, "metrics/summary")
        sl.addWidget(self.summary_view)
        self.tabs.addTab(summary_page, self.tr("周/月汇总"))

        self.day_model = RowsModel(
            [Col(self.tr("日期"))]
            + [
                Col(
                    label(FIGURE_BY_KEY[k].label),
                    _shower(k),
                    label(FIGURE_BY_KEY[k].definition),
                    True,
                )
                for k in DAY_KEYS
            ]
            + [
                Col(self.tr("推广花费"), _money, numeric=True),
                Col(
                    self.tr("店铺 ROI"),
                    _roi,
                    self.tr("支付金额 ÷ (推广花费 + 免邮费用 + 打折促销)"),
                    True,
                ),
            ],
            self,
        )
        self.day_view = self._table(self.day_model)
        remember_header(self.day_view, ctx, "metrics/days")
        self.day_view.setToolTip(self.tr("双击或按回车修改这一天的数据"))
        self.tabs.addTab(self.day_view, self.tr("每日数据"))

        self.empty_hint = QLabel(
            self.tr(
                "还没有经营数据。点“导入…”导入生意参谋导出的日报表, 或点“录入每日数据”手工填写。"
            )
        )
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        outer.insertWidget(1, self.empty_hint)
        self.missing_hint = QLabel()
        self.missing_hint.setObjectName("missingHint")
        self.missing_hint.setWordWrap(True)
        self.missing_hint.setTextFormat(Qt.TextFormat.RichText)
        self.missing_hint.setStyleSheet(
            "background: #fff4ce; color: #3d3000; border: 1px solid #e0b100; padding: 6px;"
        )
        self.missing_hint.linkActivated.connect(self._missing_link)
        self.missing_hint.setVisible(False)
        outer.insertWidget(2, self.missing_hint)

        # -- wiring ------------------------------------------------------------------------------
        self.range_box.currentIndexChanged.connect(self._range_changed)
        self.from_edit.dateChanged.connect(lambda _d: self._custom_changed())
        self.to_edit.dateChanged.connect(lambda _d: self._custom_changed())
        self.figure_list.itemChanged.connect(lambda _i: self._draw_trend())
        self.week_radio.toggled.connect(lambda _c: self._load_summaries())
        self.import_button.clicked.connect(self.choose_import)
        self.form_button.clicked.connect(lambda: self.open_form(None))
        self.channels_button.clicked.connect(self.open_channels)
        self.png_button.clicked.connect(self.choose_png)
        self.xlsx_button.clicked.connect(self.choose_xlsx)
        for button, keys in (
            (self.import_button, "Ctrl+I"),
            (self.xlsx_button, "Ctrl+E"),
            (self.png_button, "Ctrl+Shift+E"),
        ):
            press_with(button, keys, self)
        self.day_view.doubleClicked.connect(self._day_activated)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.day_view, self._day_activated)
        ctx.bus.data_changed.connect(self._data_changed)
        self.refresh()

    def _table(self, model: RowsModel, *, sortable: bool = True) -> QTableView:
        view = QTableView()
        view.setModel(model)
        if sortable:
            # newest first
            view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
            view.setSortingEnabled(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Measure widths on the first rows only: on two years of days, measuring every row
        # made 75,000 data() calls per paint.
        header.setResizeContentsPrecision(60)
        view.setAlternatingRowColors(True)
        return view

    # -- data ----------------------------------------------------------------------------------
    def _data_changed(self, kind: str) -> None:
        if kind == "metric":
            self.refresh()

    def refresh(self) -> None:
        """Reload the dashboard and the chosen range from the service."""
        dash = guarded(self, lambda: service.dashboard(self.ctx.db, self.ctx.actor))
        if dash is None:
            return
        self.dash = dash
        self.empty_hint.setVisible(dash.day is None)
        self._show_headline(dash)
        self._show_missing(dash)
        self.cards.show_cards(dash.cards, dash.threshold, self._previous_name(dash))
        self._range_changed(self.range_box.currentIndex())

    def _anchor(self) -> date:
        """Ranges end on the latest day with data (or yesterday)."""
        if self.dash is not None and self.dash.day is not None:
            return self.dash.day
        return today() - timedelta(days=1)

    def _range_changed(self, index: int) -> None:
        days = RANGES[index][1]
        custom = days == 0
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:
            end = self._anchor()
            for e in (self.from_edit, self.to_edit):
                e.blockSignals(True)
            self.to_edit.setDate(to_qdate(end))
            self.from_edit.setDate(to_qdate(end - timedelta(days=days - 1)))
            for e in (self.from_edit, self.to_edit):
                e.blockSignals(False)
        self.load_range()

    def _custom_changed(self) -> None:
        if RANGES[self.range_box.currentIndex()][1] == 0:
            self.load_range()

    @property
    def start(self) -> date:
        return from_qdate(self.from_edit.date())

    @property
    def end(self) -> date:
        return from_qdate(self.to_edit.date())

    def load_range(self) -> None:
        if self.start > self.end:
            self.headline.setText(self.tr("开始日期不能晚于结束日期"))
            return
        data = guarded(
            self, lambda: service.load_range(self.ctx.db, self.ctx.actor, self.start, self.end)
        )
        if data is None:
            return
        self.data = data
        self._draw_trend()
        self._show_rois()
        self._show_days()
        self._load_summaries()

    # -- views -----------------------------------------------------------------------------------
    def _day_name(self, day: date) -> str:
        return f"{day:%Y-%m-%d} ({self.tr(WEEKDAYS[day.weekday()])})"

    def _previous_name(self, dash: service.Dashboard) -> str | None:
        """None when the cards compare with the day before; else that day's date."""
        if dash.day is None or dash.before is None or dash.before == dash.day - timedelta(days=1):
            return None
        return f"{dash.before:%m-%d}"

    def _show_missing(self, dash: service.Dashboard) -> None:
        """Yesterday without figures is said in words, never shown as zeros."""
        show = dash.day is not None and dash.requested_missing and dash.requested is not None
        self.missing_hint.setVisible(show)
        if not show:
            return
        assert dash.requested is not None and dash.day is not None
        self.missing_hint.setText(
            self.tr(
                '昨天 {0} 还没有数据 — <a href="import">导入…</a> 生意参谋日报或'
                ' <a href="form">录入每日数据</a>。下面的卡片是最近有数据的一天: {1}。'
            ).format(self._day_name(dash.requested), self._day_name(dash.day))
        )

    def _missing_link(self, link: str) -> None:
        if link == "import":
            self.choose_import()
        else:
            self.open_form(None)

    def _show_headline(self, dash: service.Dashboard) -> None:
        if dash.day is None:
            self.headline.setText(self.tr("经营数据"))
            self.roi_line.setText("")
            return
        wd = self.tr(WEEKDAYS[dash.day.weekday()])
        if dash.before is None:
            text = self.tr("{0} ({1}) — 前一日没有数据, 无法对比").format(dash.day, wd)
        else:
            if self._previous_name(dash) is None:
                text = self.tr("{0} ({1}) 对比前一日").format(dash.day, wd)
            else:
                text = self.tr("{0} 对比 {1} (之间的日子没有数据)").format(
                    self._day_name(dash.day), self._day_name(dash.before)
                )
            if dash.requested_missing:
                text = self.tr("最近有数据的一天: ") + text
            n = len(dash.flagged)
            pct = f"{dash.threshold * 100:.0f}"
            if n:
                text += self.tr(" · ⚠ {0} 项变化超过 ±{1}%: {2}").format(
                    n, pct, self.tr("、").join(label(f) for f in dash.flagged)
                )
            else:
                text += self.tr(" · 没有超过 ±{0}% 的变化").format(pct)
        self.headline.setText(text)
        shop, period = dash.shop, dash.period_shop
        self.roi_line.setText(
            self.tr("店铺 ROI 当日 {0} {1} · 近 7 天 {2} {3}").format(
                shop.text, label(shop.tier_label), period.text, label(period.tier_label)
            )
        )

    def checked_figures(self) -> list[str]:
        out = []
        for i in range(self.figure_list.count()):
            item = self.figure_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _draw_trend(self) -> None:
        if self.data is None:
            return
        days = [d.day for d in self.data.days]
        series = {k: [d.get(k) for d in self.data.days] for k in self.checked_figures()}
        self.trend_chart.show_series(days, series)

    def _show_rois(self) -> None:
        if self.data is None or self.dash is None:
            return
        period, period_shop = service.roi_over(self.data)
        today_rows = {c.channel: c for c in self.dash.channels}
        rows, marks = [], []
        for c in period:
            t = today_rows.get(c.channel)
            rows.append(
                (
                    c.channel,
                    t.spend if t else None,
                    t.sales if t else None,
                    t.roi.ratio if t else None,
                    label(t.roi.tier_label) if t else "",
                    c.spend,
                    c.sales,
                    c.roi.ratio,
                    label(c.roi.tier_label),
                )
            )
            marks.append(roi_mark(c.roi, t.roi if t else None))
        ds = self.dash.shop
        rows.append(
            (
                self.tr("店铺合计 (含免邮、折扣)"),
                ds.cost,
                ds.sales,
                ds.ratio,
                label(ds.tier_label),
                period_shop.cost,
                period_shop.sales,
                period_shop.ratio,
                label(period_shop.tier_label),
            )
        )
        marks.append(roi_mark(period_shop, ds))
        self.roi_model.set_rows(rows, marks)
        self.channel_chart.show_channels(
            [
                (c.channel, c.spend, c.sales, f"{c.roi.text} {label(c.roi.tier_label)}".strip())
                for c in period
            ]
        )

    def _show_days(self) -> None:
        if self.data is None:
            return
        by_day = {d.day: d for d in self.data.days}
        spend: dict[date, Decimal] = {}
        for c in self.data.channel_days:
            spend[c.day] = spend.get(c.day, Decimal("0.00")) + c.spend
        limit = self.dash.threshold if self.dash else Decimal("0.20")
        rows, marks = [], []
        for d in reversed(self.data.days):
            prev = by_day.get(d.day - timedelta(days=1))
            flagged = [
                label(FIGURE_BY_KEY[k].label)
                for k in DAY_KEYS
                if figure_change(k, d, prev, limit).flagged
            ]
            shop = service.shop_roi_of(d, spend.get(d.day))
            rows.append((d.day, *(d.get(k) for k in DAY_KEYS), spend.get(d.day), shop.ratio))
            marks.append(self.tr("变化超过阈值: ") + self.tr("、").join(flagged) if flagged else "")
        self.day_model.set_rows(rows, marks)

    def _load_summaries(self) -> None:
        period = "week" if self.week_radio.isChecked() else "month"
        if self.data is None:
            return
        # The range is loaded already (permission checked there): summarise it, no second read.
        rows = summarise(self.data.days, self.data.channel_days, period)
        self.period_rows = rows
        out, marks = [], []
        for p in rows:
            shop = p.shop_roi
            out.append(
                (
                    p.label,
                    p.days,
                    p.visitors,
                    p.paying_buyers,
                    p.paid_amount,
                    p.conversion,
                    p.aov,
                    p.bounce_rate,
                    p.ad_spend,
                    p.ads_roi.ratio,
                    shop.cost,
                    shop.ratio,
                    label(shop.tier_label),
                )
            )
            marks.append(roi_mark(shop))
        self.summary_model.set_rows(out, marks)

    # -- actions ---------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的文件"), "", self.tr("表格 (*.xlsx *.xls *.csv)")
        )
        if path:
            self.open_import(path)

    def open_import(self, path: str | Path) -> ImportDialog:
        dlg = ImportDialog(self.ctx, path, self)
        dlg.open()
        return dlg

    def open_form(self, day: date | None) -> DayFormDialog | None:
        try:
            dlg = DayFormDialog(self.ctx, day, self)
        except ShopDeskError as exc:
            show_error(self, exc)
            return None
        dlg.open()
        return dlg

    def open_channels(self) -> ChannelsDialog:
        dlg = ChannelsDialog(self.ctx, self)
        dlg.finished.connect(lambda _r: self.refresh() if dlg.changed else None)
        dlg.open()
        return dlg

    def _day_activated(self, *_args: Any) -> None:
        index = self.day_view.currentIndex()
        if index.isValid() and can(self.ctx.actor, Perm.EDIT_METRICS):
            self.open_form(self.day_model.row(index.row())[0])

    def current_chart(self) -> QWidget:
        return self.channel_chart if self.tabs.currentIndex() == 1 else self.trend_chart

    def export_png(self, path: str | Path) -> Path:
        p = Path(path)
        if p.suffix.lower() != ".png":
            p = p.with_suffix(".png")
        if not self.current_chart().grab().save(str(p)):
            raise InvalidInput(self.tr("无法写入 {0}").format(p))
        return p

    def export_xlsx(self, path: str | Path) -> Path:
        from shopdesk.io.excel import write_report
        from shopdesk.settings import service as settings

        period = "week" if self.week_radio.isChecked() else "month"
        report = service.summary_report(
            self.ctx.db,
            self.ctx.actor,
            self.start,
            self.end,
            period,
            str(settings.read(self.ctx.db, "shop.name")),
        )
        p = Path(path)
        if p.suffix.lower() != ".xlsx":
            p = p.with_suffix(".xlsx")
        return write_report(report, p)

    def choose_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出图表"),
            self.tr("经营数据图表_{0}.png").format(self.end),
            "PNG (*.png)",
        )
        if path:
            saved = guarded(self, lambda: self.export_png(path))
            if saved:
                self.ctx.bus.status.emit(self.tr("图表已导出: {0}").format(saved))

    def choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出汇总"),
            self.tr("经营数据汇总_{0}_{1}.xlsx").format(self.start, self.end),
            "Excel (*.xlsx)",
        )
        if path:
            saved = guarded(self, lambda: self.export_xlsx(path))
            if saved:
                self.ctx.bus.status.emit(self.tr("汇总已导出: {0}").format(saved))


DAY_KEYS = (
    "visitors",
    "paying_buyers",
    "paid_amount",
    "conversion",
    "aov",
    "bounce_rate",
    "pages_per_visit",
    "dsr_service",
)
