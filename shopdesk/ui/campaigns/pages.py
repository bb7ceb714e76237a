"""The pages of the campaign dialog after 基本信息: SKUs, stages and tasks, profit, review."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.actor import JOBS
from shopdesk.auth.permissions import Perm, can
from shopdesk.campaigns import profit, service, stages
from shopdesk.campaigns.rows import CampaignDetail, CampaignSkuRow, ProfitSummary, SkuInput
from shopdesk.campaigns.tasks import TaskTemplate
from shopdesk.errors import InvalidInput, ShopDeskError
from shopdesk.metrics.roi import roi_result
from shopdesk.numbers import NumberError, parse_decimal, parse_money, parse_percent
from shopdesk.ui.campaigns.models import Column, RowsModel, SkuModel, TaskModel
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded, show_error
from shopdesk.ui.widgets import theme

if TYPE_CHECKING:
    from shopdesk.ui.campaigns.dialog import CampaignDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def _money(v: Decimal | None) -> str:
    return "—" if v is None else f"¥{v:,.2f}"


def _table(model: RowsModel[Any], parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def parse_uplift(text: str) -> Decimal:
    try:
        return parse_decimal(text or "1", places=3, minimum=Decimal("0.1"), maximum=Decimal(100))
    except NumberError as exc:
        raise InvalidInput(tr("预计倍数: ") + str(exc)) from None


class SkuPage(QWidget):
    """The campaign's SKUs with their expected uplift and campaign price (saved with 保存)."""

    def __init__(self, ctx: UiContext, dialog: CampaignDialog) -> None:
        super().__init__(dialog)
        self.ctx = ctx
        self.dialog = dialog
        self.model = SkuModel(can(ctx.actor, Perm.VIEW_COST), self)
        self.view = _table(self.model, self)
        self.view.setObjectName("skuTable")
        self.code = QLineEdit(self)
        self.code.setObjectName("skuCode")
        self.code.setPlaceholderText(tr("商品编码或名称"))
        self.uplift = QLineEdit("2", self)
        self.uplift.setObjectName("skuUplift")
        self.uplift.setMaximumWidth(70)
        self.uplift.setToolTip(tr("活动期间预计日销量是平时的几倍 (补货单的活动额外需求按它计算)"))
        self.price = QLineEdit(self)
        self.price.setObjectName("skuPrice")
        self.price.setPlaceholderText(tr("活动价 (可空)"))
        self.price.setMaximumWidth(110)
        add = QPushButton(tr("添加"), self)
        add.setObjectName("addSku")
        remove = QPushButton(tr("移除所选"), self)
        add.clicked.connect(self.add)
        self.code.returnPressed.connect(self.add)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("商品"), self))
        row.addWidget(self.code, 2)
        row.addWidget(QLabel(tr("倍数"), self))
        row.addWidget(self.uplift)
        row.addWidget(self.price)
        row.addWidget(add)
        row.addWidget(remove)
        self.hint = QLabel(
            tr("改完商品后点“保存”。备货任务的日期 = 开始日 − 最慢商品的交期。"), self
        )
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        for w in (self.code, self.uplift, self.price, add, remove):
            w.setEnabled(dialog.can_edit)

    def set_rows(self, rows: list[CampaignSkuRow]) -> None:
        self.rows = list(rows)
        self.model.set_rows(self.rows)

    def inputs(self) -> list[SkuInput]:
        return [SkuInput(r.product_id, r.uplift, r.campaign_price) for r in self.rows]

    def add(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        try:
            uplift = parse_uplift(self.uplift.text())
            price = parse_money(self.price.text()) if self.price.text().strip() else None
            found = service.find_products(self.ctx.db, self.ctx.actor, text, limit=2)
            if not found:
                raise InvalidInput(tr("找不到商品: ") + text)
            pick = found[0]
            if len(found) > 1 and pick.sku != text:
                raise InvalidInput(tr("“{0}”对应多个商品, 请输入完整编码").replace("{0}", text))
        except NumberError as exc:
            self.dialog.message.setText(tr("活动价: ") + str(exc))
            return
        except InvalidInput as exc:
            self.dialog.message.setText(str(exc))
            return
        self.rows = [r for r in self.rows if r.product_id != pick.product_id]
        self.rows.append(
            CampaignSkuRow(
                pick.product_id,
                pick.sku,
                pick.name,
                uplift,
                price,
                pick.price,
                pick.cost_price,
                pick.lead_time_days,
            )
        )
        self.model.set_rows(self.rows)
        self.code.clear()
        self.price.clear()
        self.dialog.message.setText(tr("已添加 {0}, 记得保存").replace("{0}", pick.sku))

    def remove(self) -> None:
        row = self.model.row_at(self.view.currentIndex())
        if row is not None:
            self.rows = [r for r in self.rows if r.product_id != row.product_id]
            self.model.set_rows(self.rows)


class StagePage(QWidget):
    """Current stage, one button per allowed move, the dated history, and the stage tasks."""

    changed = Signal()

    def __init__(self, ctx: UiContext, dialog: CampaignDialog) -> None:
        super().__init__(dialog)
        self.ctx = ctx
        self.dialog = dialog
        self.detail: CampaignDetail | None = None
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px")
        self.buttons_box = QGroupBox(tr("改变阶段"), self)
        self.buttons_layout = QHBoxLayout(self.buttons_box)
        self.history = QLabel(self)
        self.history.setObjectName("stageHistory")
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tasks = TaskModel(self)
        self.task_view = _table(self.tasks, self)
        self.task_view.setObjectName("taskTable")
        self.task_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by due date
        self.task_view.doubleClicked.connect(lambda _i: self.complete())
        done = QPushButton(tr("标记所选任务完成"), self)
        done.setObjectName("completeTask")
        done.clicked.connect(self.complete)
        self.new_stage = QComboBox(self)
        for s in stages.STAGES[1:]:
            self.new_stage.addItem(tr(stages.label(s)), s)
        self.new_title = QLineEdit(self)
        self.new_title.setPlaceholderText(tr("新任务"))
        self.new_offset = QSpinBox(self)
        self.new_offset.setRange(-120, 60)
        self.new_offset.setValue(-3)
        self.new_offset.setPrefix(tr("开始日 "))
        self.new_offset.setSuffix(tr(" 天"))
        self.new_offset.setToolTip(tr("相对开始日的天数, 负数 = 开始前"))
        self.new_job = QComboBox(self)
        self.new_job.addItem(tr("所有人"), None)
        for job in JOBS:
            self.new_job.addItem(job, job)
        add = QPushButton(tr("添加任务"), self)
        add.clicked.connect(self.add_task)
        add_row = QHBoxLayout()
        for w in (self.new_stage, self.new_title, self.new_offset, self.new_job, add):
            add_row.addWidget(w, 2 if w is self.new_title else 0)
            w.setEnabled(dialog.can_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.buttons_box)
        layout.addWidget(self.history)
        layout.addWidget(QLabel(tr("阶段任务 (到期当天出现在负责岗位的今日检查里)"), self))
        layout.addWidget(self.task_view, 1)
        row = QHBoxLayout()
        row.addWidget(done)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(add_row)

    def show_detail(self, detail: CampaignDetail) -> None:
        self.detail = detail
        c = detail.campaign
        self.stage_label.setText(tr("当前阶段: ") + tr(c.stage_label))
        self.stage_label.setToolTip(tr(stages.STAGE_HINTS.get(c.stage, "")))
        while self.buttons_layout.count():
            item = self.buttons_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for target in detail.allowed_stages:
            button = QPushButton(tr(stages.label(target)), self.buttons_box)
            button.setObjectName(f"stage_{target}")
            button.setToolTip(tr(stages.STAGE_HINTS.get(target, "")))
            button.setEnabled(self.dialog.can_edit)
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            self.buttons_layout.addWidget(button)
        nxt = stages.next_stage(c.stage, c.kind)
        if nxt and nxt not in detail.allowed_stages:  # say why the usual next step is not open
            facts = stages.StageFacts(
                kind=c.kind,
                has_actuals=c.actual_sales is not None and c.actual_cost is not None,
                has_summary=bool(c.summary),
            )
            blocked = QPushButton(tr(stages.label(nxt)), self.buttons_box)
            blocked.setObjectName(f"stage_{nxt}")
            blocked.setEnabled(False)
            blocked.setToolTip(stages.transition_error(c.stage, nxt, facts) or "")
            self.buttons_layout.addWidget(blocked)
            why = QLabel(blocked.toolTip(), self.buttons_box)
            why.setStyleSheet(f"color: {theme.dim()}")
            self.buttons_layout.addWidget(why)
        self.buttons_layout.addStretch(1)
        created = tr("新建")
        lines = [
            f"{h.at.astimezone():%Y-%m-%d %H:%M}  {h.user_name or ''}: "
            f"{tr(stages.label(h.from_stage)) if h.from_stage else created} → "
            f"{tr(stages.label(h.to_stage))}" + (f" ({h.note})" if h.note else "")
            for h in detail.history
        ]
        self.history.setText("\n".join(lines))
        self.tasks.set_rows(detail.tasks)

    def move_to(self, target: str) -> None:
        if self.detail is None:
            return
        reason = None
        if target == stages.REJECTED:
            reason = self.dialog.ask_reason()
            if reason is None:
                return
        if target == stages.CANCELLED and not self.dialog.confirm(tr("确定取消这个活动吗?")):
            return
        version = self.detail.campaign.version
        cid = self.detail.campaign.id
        try:
            service.change_stage(
                self.ctx.db, self.ctx.actor, cid, target, reason=reason, expected_version=version
            )
        except InvalidInput as exc:
            self.dialog.message.setText(str(exc))
            return
        except ShopDeskError as exc:
            show_error(self, exc)
            return
        self.dialog.message.setText("")
        self.changed.emit()

    def complete(self) -> None:
        task = self.tasks.row_at(self.task_view.currentIndex())
        if task is None or task.done:
            return
        if guarded(self, lambda: service.complete_task(self.ctx.db, self.ctx.actor, task.id)):
            self.changed.emit()

    def add_task(self) -> None:
        if self.detail is None or not self.new_title.text().strip():
            return
        template = TaskTemplate(
            str(self.new_stage.currentData()),
            self.new_title.text().strip(),
            "start",
            self.new_offset.value(),
            self.new_job.currentData(),
        )
        cid = self.detail.campaign.id
        if guarded(self, lambda: service.add_task(self.ctx.db, self.ctx.actor, cid, template)):
            self.new_title.clear()
            self.changed.emit()


class ProfitPage(QWidget):
    """Owner/finance: commission and promotion cost → margin per unit and a go/no-go hint."""

    changed = Signal()

    def __init__(self, ctx: UiContext, dialog: CampaignDialog) -> None:
        super().__init__(dialog)
        self.ctx = ctx
        self.dialog = dialog
        self.commission = QLineEdit(self)
        self.commission.setObjectName("commission")
        self.commission.setPlaceholderText(tr("例如 5% (不填按 0 计算)"))
        self.commission.setToolTip(tr("平台佣金 = 活动价 × 佣金比例"))
        self.promotion = QLineEdit(self)
        self.promotion.setObjectName("promotionCost")
        self.promotion.setPlaceholderText(tr("每件推广费 (元), 不填按 0 计算"))
        self.detail: CampaignDetail | None = None
        # The table answers while one types; the figures are stored with “保存”.
        self.commission.textChanged.connect(self.recompute)
        self.promotion.textChanged.connect(self.recompute)
        form = QFormLayout()
        form.addRow(tr("平台佣金比例"), self.commission)
        form.addRow(tr("每件推广费"), self.promotion)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("profitVerdict")
        self.verdict.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px")
        self.model: RowsModel[tuple[CampaignSkuRow, profit.ProfitCheck]] = RowsModel(
            [
                Column(tr("商品"), lambda r: f"{r[0].sku} {r[0].name}"),
                Column(tr("售价"), lambda r: _money(r[1].price), lambda r: r[1].price, right=True),
                Column(
                    tr("活动价"),
                    lambda r: _money(r[1].price_after_discount),
                    lambda r: r[1].price_after_discount,
                    right=True,
                ),
                Column(tr("成本"), lambda r: _money(r[1].cost), lambda r: r[1].cost, right=True),
                Column(
                    tr("佣金"),
                    lambda r: _money(r[1].commission),
                    lambda r: r[1].commission,
                    right=True,
                ),
                Column(
                    tr("推广费"),
                    lambda r: _money(r[1].promotion_cost),
                    lambda r: r[1].promotion_cost,
                    right=True,
                ),
                Column(
                    tr("每件毛利"),
                    lambda r: _money(r[1].margin),
                    lambda r: r[1].margin,
                    tr("活动价 − 成本 − 佣金 − 推广费"),
                    True,
                ),
                Column(
                    tr("毛利率"),
                    lambda r: f"{r[1].margin_rate * 100:.1f}%",
                    lambda r: r[1].margin_rate,
                    right=True,
                ),
                Column(tr("建议"), lambda r: r[1].verdict_label),
            ],
            self,
        )
        self.view = _table(self.model, self)
        self.view.setObjectName("profitTable")
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.missing)
        layout.addWidget(
            QLabel(
                tr("原则: 大小活动都报名, 除非利润核算不过关。佣金和推广费随“保存”一起保存。"),
                self,
            )
        )

    def inputs(self) -> tuple[Decimal | None, Decimal | None]:
        try:
            rate = parse_percent(self.commission.text()) if self.commission.text().strip() else None
        except NumberError as exc:
            raise InvalidInput(tr("佣金比例: ") + str(exc)) from None
        try:
            promo = parse_money(self.promotion.text()) if self.promotion.text().strip() else None
        except NumberError as exc:
            raise InvalidInput(tr("推广费: ") + str(exc)) from None
        return rate, promo

    def show_detail(self, detail: CampaignDetail) -> None:
        c = detail.campaign
        self.detail = None  # no recompute while the saved figures are filled in
        self.commission.setText(
            "" if c.commission_rate is None else f"{(c.commission_rate * 100).normalize():f}%"
        )
        self.promotion.setText("" if c.promotion_cost is None else f"{c.promotion_cost}")
        self.detail = detail
        self._show(detail.profit)

    def recompute(self) -> None:
        """The check with the commission, promotion cost and discount text as typed now."""
        if self.detail is None or self.detail.profit is None:
            return
        try:
            rate, promo = self.inputs()
            summary = service.profit_summary(
                self.detail.skus, self.dialog.discount.text(), rate, promo
            )
        except InvalidInput as exc:
            self.verdict.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px")
            self.verdict.setText("⚠ " + str(exc))
            return
        self._show(summary)

    def _show(self, p: ProfitSummary | None) -> None:
        if p is None:
            self.model.set_rows([])
            self.verdict.setText("")
            return
        colour = {"go": "#2e7d32", "thin": "#ef6c00", "no_go": "#c62828"}[p.verdict]
        self.verdict.setStyleSheet(
            f"font-size: 15px; font-weight: bold; padding: 4px; color: {colour}"
        )
        self.verdict.setText(
            tr("结论: ") + p.verdict_label if p.checks else tr("还没有可核算的商品")
        )
        self.model.set_rows(p.checks)
        self.missing.setText("\n".join(p.missing))


class ReviewPage(QWidget):
    """After the campaign: actual sales and cost, ROI with its tier, forecast, written summary."""

    changed = Signal()

    def __init__(self, ctx: UiContext, dialog: CampaignDialog) -> None:
        super().__init__(dialog)
        self.ctx = ctx
        self.dialog = dialog
        self.detail: CampaignDetail | None = None
        self.sales = QLineEdit(self)
        self.sales.setObjectName("actualSales")
        self.cost = QLineEdit(self)
        self.cost.setObjectName("actualCost")
        self.cost.setToolTip(tr("活动花费: 推广费 + 优惠让利 + 包邮等"))
        self.roi = QLabel(self)
        self.roi.setObjectName("roiLabel")
        self.roi.setToolTip(
            tr("ROI = 销售额 ÷ 成本, 记作 1:x。低于 1:3 不及格, 1:3 及格, 1:4 良好, 1:5 优秀")
        )
        self.forecast = QLabel(self)
        self.forecast.setObjectName("forecastLabel")
        self.forecast.setToolTip(tr("预测 = 活动前28天日均销量 × 预计倍数 × 活动天数 × 活动价"))
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(tr("活动总结: 效果、问题、下次怎么做"))
        save = QPushButton(tr("保存总结"), self)
        save.setObjectName("saveReview")
        save.clicked.connect(self.save)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("实际销售额 (元)"), self), 0, 0)
        grid.addWidget(self.sales, 0, 1)
        grid.addWidget(QLabel(tr("实际成本 (元)"), self), 1, 0)
        grid.addWidget(self.cost, 1, 1)
        grid.addWidget(QLabel(tr("ROI"), self), 2, 0)
        grid.addWidget(self.roi, 2, 1)
        grid.addWidget(QLabel(tr("与预测对比"), self), 3, 0)
        grid.addWidget(self.forecast, 3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.summary, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        for w in (self.sales, self.cost, self.summary, save):
            w.setEnabled(dialog.can_edit)
        self.sales.textChanged.connect(self._show_roi)
        self.cost.textChanged.connect(self._show_roi)

    def _amounts(self) -> tuple[Decimal | None, Decimal | None]:
        """What is typed now; raises NumberError for text that is not an amount."""
        sales = parse_money(self.sales.text()) if self.sales.text().strip() else None
        cost = parse_money(self.cost.text()) if self.cost.text().strip() else None
        return sales, cost

    def check_amounts(self) -> None:
        """Raise InvalidInput (said under the pages) when an amount is not a number."""
        try:
            self._amounts()
        except NumberError as exc:
            raise InvalidInput(tr("活动总结的金额: ") + str(exc)) from None

    def _show_roi(self) -> None:
        """ROI and tier as the figures are typed (saved with “保存总结” or “保存”)."""
        try:
            sales, cost = self._amounts()
        except NumberError:
            self.roi.setText("—")
            return
        if sales is None or cost is None:
            self.roi.setText("—")
            return
        result = roi_result(sales, cost)
        self.roi.setText(
            f"{result.text}  {tr(result.tier_label)}".strip() if result.ratio is not None else "—"
        )

    def dirty(self) -> bool:
        """True when the figures or the summary differ from what is saved."""
        if self.detail is None:
            return False
        r = self.detail.review
        try:
            sales, cost = self._amounts()
        except NumberError:
            return True
        return (
            sales != r.actual_sales
            or cost != r.actual_cost
            or (self.summary.toPlainText().strip() or None) != (r.summary or None)
        )

    def show_detail(self, detail: CampaignDetail) -> None:
        self.detail = detail
        r = detail.review
        self.sales.setText("" if r.actual_sales is None else f"{r.actual_sales}")
        self.cost.setText("" if r.actual_cost is None else f"{r.actual_cost}")
        self.roi.setText(f"{r.roi_text}  {r.roi_tier}".strip())
        if r.forecast_sales is None:
            self.forecast.setText(tr("无预测 (没有商品或为重复活动)"))
        else:
            text = (
                tr("预测销售额 {0}, 约 {1} 件")
                .replace("{0}", _money(r.forecast_sales))
                .replace("{1}", str(r.forecast_units))
            )
            if r.vs_forecast is not None:
                text += tr(", 实际比预测 {0}").replace("{0}", f"{r.vs_forecast * 100:+.1f}%")
            self.forecast.setText(text)
        self.summary.setPlainText(r.summary or "")

    def save(self) -> None:
        if self.detail is None:
            return
        if self.store(self.detail.campaign.version) is not None:
            self.dialog.message.setText("")
            self.changed.emit()

    def store(self, version: int) -> object | None:
        """Save what is typed; None (and a message) when it could not be saved."""
        if self.detail is None:
            return None
        try:
            sales, cost = self._amounts()
        except NumberError as exc:
            self.dialog.message.setText(tr("金额: ") + str(exc))
            return None
        cid = self.detail.campaign.id
        return guarded(
            self,
            lambda: service.record_review(
                self.ctx.db, self.ctx.actor, cid, actual_sales=sales, actual_cost=cost,
                summary=self.summary.toPlainText(), expected_version=version,
            ),
        )  # fmt: skip
