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
from shopdesk.campaigns.rows import CampaignDetail, CampaignSkuRow, SkuInput
from shopdesk.campaigns.tasks import TaskTemplate
from shopdesk.errors import InvalidInput, ShopDeskError
from shopdesk.numbers import NumberError, parse_decimal, parse_money, parse_percent
from shopdesk.ui.campaigns.models import Column, RowsModel, SkuModel, TaskModel
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded, show_error

if TYPE_CHECKING:
    from shopdesk.ui.campaigns.dialog import CampaignDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("campaigns", text)


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
        raise InvalidInput(_tr("预计倍数: ") + str(exc)) from None


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
        self.code.setPlaceholderText(_tr("商品编码或名称"))
        self.uplift = QLineEdit("2", self)
        self.uplift.setObjectName("skuUplift")
        self.uplift.setMaximumWidth(70)
        self.uplift.setToolTip(_tr("活动期间预计日销量是平时的几倍 (补货单的活动额外需求按它计算)"))
        self.price = QLineEdit(self)
        self.price.setObjectName("skuPrice")
        self.price.setPlaceholderText(_tr("活动价 (可空)"))
        self.price.setMaximumWidth(110)
        add = QPushButton(_tr("添加"), self)
        add.setObjectName("addSku")
        remove = QPushButton(_tr("移除所选"), self)
        add.clicked.connect(self.add)
        self.code.returnPressed.connect(self.add)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("商品"), self))
        row.addWidget(self.code, 2)
        row.addWidget(QLabel(_tr("倍数"), self))
        row.addWidget(self.uplift)
        row.addWidget(self.price)
        row.addWidget(add)
        row.addWidget(remove)
        self.hint = QLabel(
            _tr("改完商品后点“保存”。备货任务的日期 = 开始日 − 最慢商品的交期。"), self
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
                raise InvalidInput(_tr("找不到商品: ") + text)
            pick = found[0]
            if len(found) > 1 and pick.sku != text:
                raise InvalidInput(_tr("“{0}”对应多个商品, 请输入完整编码").replace("{0}", text))
        except NumberError as exc:
            self.dialog.message.setText(_tr("活动价: ") + str(exc))
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
        self.dialog.message.setText(_tr("已添加 {0}, 记得保存").replace("{0}", pick.sku))

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
        self.buttons_box = QGroupBox(_tr("改变阶段"), self)
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
        done = QPushButton(_tr("标记所选任务完成"), self)
        done.setObjectName("completeTask")
        done.clicked.connect(self.complete)
        self.new_stage = QComboBox(self)
        for s in stages.STAGES[1:]:
            self.new_stage.addItem(stages.label(s), s)
        self.new_title = QLineEdit(self)
        self.new_title.setPlaceholderText(_tr("新任务"))
        self.new_offset = QSpinBox(self)
        self.new_offset.setRange(-120, 60)
        self.new_offset.setValue(-3)
        self.new_offset.setPrefix(_tr("开始日 "))
        self.new_offset.setSuffix(_tr(" 天"))
        self.new_offset.setToolTip(_tr("相对开始日的天数, 负数 = 开始前"))
        self.new_job = QComboBox(self)
        self.new_job.addItem(_tr("所有人"), None)
        for job in JOBS:
            self.new_job.addItem(job, job)
        add = QPushButton(_tr("添加任务"), self)
        add.clicked.connect(self.add_task)
        add_row = QHBoxLayout()
        for w in (self.new_stage, self.new_title, self.new_offset, self.new_job, add):
            add_row.addWidget(w, 2 if w is self.new_title else 0)
            w.setEnabled(dialog.can_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.buttons_box)
        layout.addWidget(self.history)
        layout.addWidget(QLabel(_tr("阶段任务 (到期当天出现在负责岗位的今日检查里)"), self))
        layout.addWidget(self.task_view, 1)
        row = QHBoxLayout()
        row.addWidget(done)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(add_row)

    def show_detail(self, detail: CampaignDetail) -> None:
        self.detail = detail
        c = detail.campaign
        self.stage_label.setText(_tr("当前阶段: ") + c.stage_label)
        self.stage_label.setToolTip(stages.STAGE_HINTS.get(c.stage, ""))
        while self.buttons_layout.count():
            item = self.buttons_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for target in detail.allowed_stages:
            button = QPushButton(stages.label(target), self.buttons_box)
            button.setObjectName(f"stage_{target}")
            button.setToolTip(stages.STAGE_HINTS.get(target, ""))
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
            blocked = QPushButton(stages.label(nxt), self.buttons_box)
            blocked.setObjectName(f"stage_{nxt}")
            blocked.setEnabled(False)
            blocked.setToolTip(stages.transition_error(c.stage, nxt, facts) or "")
            self.buttons_layout.addWidget(blocked)
            why = QLabel(blocked.toolTip(), self.buttons_box)
            why.setStyleSheet("color: #5f6368")
            self.buttons_layout.addWidget(why)
        self.buttons_layout.addStretch(1)
        lines = [
            f"{h.at.astimezone():%Y-%m-%d %H:%M}  {h.user_name or ''}: "
            f"{stages.label(h.from_stage) if h.from_stage else _tr('新建')} → "
            f"{stages.label(h.to_stage)}" + (f" ({h.note})" if h.note else "")
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
        if target == stages.CANCELLED and not self.dialog.confirm(_tr("确定取消这个活动吗?")):
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
        self.commission.setPlaceholderText("5%")
        self.commission.setToolTip(_tr("平台佣金 = 活动价 × 佣金比例"))
        self.promotion = QLineEdit(self)
        self.promotion.setObjectName("promotionCost")
        self.promotion.setPlaceholderText(_tr("每件推广费 (元)"))
        form = QFormLayout()
        form.addRow(_tr("平台佣金比例"), self.commission)
        form.addRow(_tr("每件推广费"), self.promotion)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("profitVerdict")
        self.verdict.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px")
        self.model: RowsModel[tuple[CampaignSkuRow, profit.ProfitCheck]] = RowsModel(
            [
                Column(_tr("商品"), lambda r: f"{r[0].sku} {r[0].name}"),
                Column(_tr("售价"), lambda r: _money(r[1].price), lambda r: r[1].price, right=True),
                Column(
                    _tr("活动价"),
                    lambda r: _money(r[1].price_after_discount),
                    lambda r: r[1].price_after_discount,
                    right=True,
                ),
                Column(_tr("成本"), lambda r: _money(r[1].cost), lambda r: r[1].cost, right=True),
                Column(
                    _tr("佣金"),
                    lambda r: _money(r[1].commission),
                    lambda r: r[1].commission,
                    right=True,
                ),
                Column(
                    _tr("推广费"),
                    lambda r: _money(r[1].promotion_cost),
                    lambda r: r[1].promotion_cost,
                    right=True,
                ),
                Column(
                    _tr("每件毛利"),
                    lambda r: _money(r[1].margin),
                    lambda r: r[1].margin,
                    _tr("活动价 − 成本 − 佣金 − 推广费"),
                    True,
                ),
                Column(
                    _tr("毛利率"),
                    lambda r: f"{r[1].margin_rate * 100:.1f}%",
                    lambda r: r[1].margin_rate,
                    right=True,
                ),
                Column(_tr("建议"), lambda r: r[1].verdict_label),
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
                _tr("原则: 大小活动都报名, 除非利润核算不过关。佣金和推广费随“保存”一起保存。"),
                self,
            )
        )

    def inputs(self) -> tuple[Decimal | None, Decimal | None]:
        try:
            rate = parse_percent(self.commission.text()) if self.commission.text().strip() else None
        except NumberError as exc:
            raise InvalidInput(_tr("佣金比例: ") + str(exc)) from None
        try:
            promo = parse_money(self.promotion.text()) if self.promotion.text().strip() else None
        except NumberError as exc:
            raise InvalidInput(_tr("推广费: ") + str(exc)) from None
        return rate, promo

    def show_detail(self, detail: CampaignDetail) -> None:
        c = detail.campaign
        self.commission.setText(
            "" if c.commission_rate is None else f"{(c.commission_rate * 100).normalize():f}%"
        )
        self.promotion.setText("" if c.promotion_cost is None else f"{c.promotion_cost}")
        p = detail.profit
        if p is None:
            self.model.set_rows([])
            self.verdict.setText("")
            return
        colour = {"go": "#2e7d32", "thin": "#ef6c00", "no_go": "#c62828"}[p.verdict]
        self.verdict.setStyleSheet(
            f"font-size: 15px; font-weight: bold; padding: 4px; color: {colour}"
        )
        self.verdict.setText(
            _tr("结论: ") + p.verdict_label if p.checks else _tr("还没有可核算的商品")
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
        self.cost.setToolTip(_tr("活动花费: 推广费 + 优惠让利 + 包邮等"))
        self.roi = QLabel(self)
        self.roi.setObjectName("roiLabel")
        self.roi.setToolTip(
            _tr("ROI = 销售额 ÷ 成本, 记作 1:x。低于 1:3 不及格, 1:3 及格, 1:4 良好, 1:5 优秀")
        )
        self.forecast = QLabel(self)
        self.forecast.setObjectName("forecastLabel")
        self.forecast.setToolTip(_tr("预测 = 活动前28天日均销量 × 预计倍数 × 活动天数 × 活动价"))
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(_tr("活动总结: 效果、问题、下次怎么做"))
        save = QPushButton(_tr("保存总结"), self)
        save.setObjectName("saveReview")
        save.clicked.connect(self.save)
        grid = QGridLayout()
        grid.addWidget(QLabel(_tr("实际销售额 (元)"), self), 0, 0)
        grid.addWidget(self.sales, 0, 1)
        grid.addWidget(QLabel(_tr("实际成本 (元)"), self), 1, 0)
        grid.addWidget(self.cost, 1, 1)
        grid.addWidget(QLabel(_tr("ROI"), self), 2, 0)
        grid.addWidget(self.roi, 2, 1)
        grid.addWidget(QLabel(_tr("与预测对比"), self), 3, 0)
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

    def show_detail(self, detail: CampaignDetail) -> None:
        self.detail = detail
        r = detail.review
        self.sales.setText("" if r.actual_sales is None else f"{r.actual_sales}")
        self.cost.setText("" if r.actual_cost is None else f"{r.actual_cost}")
        self.roi.setText(f"{r.roi_text}  {r.roi_tier}".strip())
        if r.forecast_sales is None:
            self.forecast.setText(_tr("无预测 (没有商品或为重复活动)"))
        else:
            text = (
                _tr("预测销售额 {0}, 约 {1} 件")
                .replace("{0}", _money(r.forecast_sales))
                .replace("{1}", str(r.forecast_units))
            )
            if r.vs_forecast is not None:
                text += _tr(", 实际比预测 {0}").replace("{0}", f"{r.vs_forecast * 100:+.1f}%")
            self.forecast.setText(text)
        self.summary.setPlainText(r.summary or "")

    def save(self) -> None:
        if self.detail is None:
            return
        try:
            sales = parse_money(self.sales.text()) if self.sales.text().strip() else None
            cost = parse_money(self.cost.text()) if self.cost.text().strip() else None
        except NumberError as exc:
            self.dialog.message.setText(_tr("金额: ") + str(exc))
            return
        cid, version = self.detail.campaign.id, self.detail.campaign.version
        done = guarded(
            self,
            lambda: service.record_review(
                self.ctx.db, self.ctx.actor, cid, actual_sales=sales, actual_cost=cost,
                summary=self.summary.toPlainText(), expected_version=version,
            ),
        )  # fmt: skip
        if done is not None:
            self.dialog.message.setText("")
            self.changed.emit()
