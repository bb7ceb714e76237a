"""The campaign dialog: every field, SKUs with uplift, stage buttons, tasks, profit check, review.

A new campaign shows the first two pages; once saved, the stage, task, profit and review pages
open. Every change goes through `shopdesk.campaigns.service`; the dialog keeps no session.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.auth.permissions import Perm, can
from shopdesk.campaigns import recurrence as rec
from shopdesk.campaigns import service, stages
from shopdesk.campaigns.calendar import WEEKDAY_LABELS
from shopdesk.campaigns.presets import CampaignDraft
from shopdesk.campaigns.rows import CampaignDetail, CampaignInput
from shopdesk.errors import InvalidInput, ShopDeskError
from shopdesk.numbers import NumberError, parse_money
from shopdesk.ui.campaigns.pages import ProfitPage, ReviewPage, SkuPage, StagePage
from shopdesk.ui.context import UiContext
from shopdesk.ui.errors import guarded, show_error
from shopdesk.ui.labels import label

PLATFORMS = ("淘宝/天猫", "淘宝", "天猫", "聚划算", "天天特价", "淘抢购", "京东", "拼多多", "抖音")


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CampaignDialog(QDialog):
    """Create (campaign_id None) or edit a campaign."""

    changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        campaign_id: int | None = None,
        *,
        start: date | None = None,
        draft: CampaignDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = campaign_id
        self.detail: CampaignDetail | None = None
        # A preset fills a new campaign's fields; its tasks are created on 保存, not before.
        self.draft = draft if campaign_id is None else None
        self._clean: tuple[object, ...] = ()
        self.can_edit = can(ctx.actor, Perm.EDIT_CAMPAIGNS)
        self.can_cost = can(ctx.actor, Perm.VIEW_COST)
        self.setWindowTitle(self.tr("活动"))
        self.resize(780, 640)
        self.tabs = QTabWidget(self)
        self._build_basic(draft.start if draft else start or date.today())
        self.sku_page = SkuPage(ctx, self)
        self.stage_page = StagePage(ctx, self)
        self.profit_page = ProfitPage(ctx, self)
        self.review_page = ReviewPage(ctx, self)
        self.tabs.addTab(self.basic, self.tr("基本信息"))
        self.tabs.addTab(self.sku_page, self.tr("活动商品"))
        self.tabs.addTab(self.stage_page, self.tr("阶段与任务"))
        self.profit_tab = self.tabs.addTab(self.profit_page, self.tr("利润核算"))
        self.tabs.addTab(self.review_page, self.tr("活动总结"))
        self.tabs.setTabVisible(self.profit_tab, self.can_cost)
        for page in (self.stage_page, self.profit_page, self.review_page):
            page.changed.connect(self._after_change)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveCampaign")
        self.save_button.setToolTip(self.tr("保存基本信息和活动商品 (Ctrl+S)"))
        self.save_button.setEnabled(self.can_edit)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.message = QLabel(self)
        self.message.setObjectName("dialogMessage")
        self.message.setStyleSheet("color: #c62828")
        self.preset_hint = QLabel(self)
        self.preset_hint.setObjectName("presetHint")
        self.preset_hint.setWordWrap(True)
        self.preset_hint.setStyleSheet("background: #fff8e1; padding: 6px")
        self.preset_hint.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.preset_hint)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()
        if self.draft is not None:
            self._fill_from_draft(self.draft)

    # -- basic page ------------------------------------------------------------------------
    def _build_basic(self, start: date) -> None:
        self.basic = QWidget(self)
        form = QFormLayout(self.basic)
        self.name = QLineEdit(self.basic)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("例如: 双11 主会场"))
        self.kind = QComboBox(self.basic)
        for key in stages.KINDS:
            self.kind.addItem(label(stages.KIND_LABELS[key]), key)
        self.kind.setToolTip(self.tr("官方活动需报名并经平台审核; 自主活动直接备货"))
        self.platform = QComboBox(self.basic)
        self.platform.setEditable(True)
        self.platform.addItems(PLATFORMS)
        self.start = QDateEdit(qdate(start), self.basic)
        self.end = QDateEdit(qdate(start), self.basic)
        self.has_signup = QCheckBox(self.tr("有报名截止日"), self.basic)
        self.signup = QDateEdit(qdate(start), self.basic)
        for edit in (self.start, self.end, self.signup):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start.setObjectName("start")
        self.end.setObjectName("end")
        self.start.dateChanged.connect(self._start_changed)
        self.has_signup.toggled.connect(self.signup.setEnabled)
        signup_row = QHBoxLayout()
        signup_row.addWidget(self.has_signup)
        signup_row.addWidget(self.signup, 1)
        self.repeat = QComboBox(self.basic)
        self.repeat.addItem(self.tr("不重复"), "")
        self.repeat.addItem(self.tr("每周"), "weekly")
        self.repeat.addItem(self.tr("每月"), "monthly")
        self.repeat.setToolTip(
            self.tr("重复的店铺活动 (如周一团购、会员日) 按规则显示在每一天, 不复制记录")
        )
        self.weekday_boxes = [
            QCheckBox(self.tr("周{0}").format(label(w)), self.basic) for w in WEEKDAY_LABELS
        ]

        self.month_day = QSpinBox(self.basic)
        self.month_day.setRange(1, 31)
        self.month_day.setSuffix(self.tr(" 日"))
        self.month_day.setToolTip(self.tr("29–31 日在小月落在月末"))
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat)
        for box in self.weekday_boxes:
            repeat_row.addWidget(box)
        repeat_row.addWidget(self.month_day)
        repeat_row.addStretch(1)
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        self.discount = QLineEdit(self.basic)
        self.discount.setPlaceholderText(self.tr("例如: 8折 / 满300减50"))
        self.discount.setToolTip(self.tr("写成“8折”或“85%”时, 利润核算会按它换算活动价"))
        self.budget = QLineEdit(self.basic)
        self.budget.setPlaceholderText(self.tr("元"))
        self.owner = QComboBox(self.basic)
        self.owner.addItem(self.tr("(未指定)"), None)
        for person in guarded(self, lambda: service.people(self.ctx.db, self.ctx.actor)) or []:
            self.owner.addItem(
                person.name + (f" · {person.job}" if person.job else ""), person.user_id
            )
        self.reason_label = QLabel(self.basic)
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet("color: #c62828")
        form.addRow(self.tr("活动名称"), self.name)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("平台"), self.platform)
        form.addRow(self.tr("开始"), self.start)
        form.addRow(self.tr("结束"), self.end)
        form.addRow(self.tr("报名截止"), signup_row)
        form.addRow(self.tr("重复"), repeat_row)
        form.addRow(self.tr("优惠内容"), self.discount)
        form.addRow(self.tr("预算"), self.budget)
        form.addRow(self.tr("负责人"), self.owner)
        form.addRow(self.reason_label)
        self.has_signup.setChecked(False)
        self.signup.setEnabled(False)
        self._repeat_changed()

    def _start_changed(self, value: QDate) -> None:
        if self.end.date() < value:
            self.end.setDate(value)

    def _repeat_changed(self) -> None:
        mode = self.repeat.currentData()
        for box in self.weekday_boxes:
            box.setVisible(mode == "weekly")
        self.month_day.setVisible(mode == "monthly")

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        saved = self.campaign_id is not None
        for page in (self.stage_page, self.profit_page, self.review_page):
            self.tabs.setTabEnabled(self.tabs.indexOf(page), saved)
        if not saved:
            self.setWindowTitle(self.tr("新建活动"))
            self.sku_page.set_rows([])
            self._clean = self._state()
            return
        assert self.campaign_id is not None
        detail = guarded(
            self, lambda: service.get_campaign(self.ctx.db, self.ctx.actor, self.campaign_id or 0)
        )
        if detail is None:
            return
        self.detail = detail
        c = detail.campaign
        self.setWindowTitle(self.tr("活动: {0}").format(c.name))
        self.name.setText(c.name)
        self.kind.setCurrentIndex(max(self.kind.findData(c.kind), 0))
        self.platform.setCurrentText(c.platform or "")
        self.start.setDate(qdate(c.start))
        self.end.setDate(qdate(c.end))
        self.has_signup.setChecked(c.signup_deadline is not None)
        if c.signup_deadline:
            self.signup.setDate(qdate(c.signup_deadline))
        self.repeat.setCurrentIndex(
            max(self.repeat.findData(c.recurrence.kind if c.recurrence else ""), 0)
        )
        if c.recurrence and c.recurrence.kind == "weekly":
            for i, box in enumerate(self.weekday_boxes):
                box.setChecked(i in c.recurrence.weekdays)
        if c.recurrence and c.recurrence.kind == "monthly":
            self.month_day.setValue(c.recurrence.day)
        self.discount.setText(c.discount_text or "")
        self.budget.setText("" if c.budget is None else f"{c.budget}")
        self.owner.setCurrentIndex(max(self.owner.findData(c.owner_id), 0))
        self.reason_label.setText(
            self.tr("未通过原因: {0}").format(c.reject_reason) if c.reject_reason else ""
        )
        self.sku_page.set_rows(detail.skus)
        self.stage_page.show_detail(detail)
        self.profit_page.show_detail(detail)
        self.review_page.show_detail(detail)
        self._clean = self._state()

    def _fill_from_draft(self, d: CampaignDraft) -> None:
        """A preset's usual dates, sign-up deadline and discount, for the user to check."""
        self.setWindowTitle(self.tr("新建活动 (模板: {0})").format(d.name))
        self.name.setText(d.name)
        self.kind.setCurrentIndex(max(self.kind.findData(d.kind), 0))
        self.platform.setCurrentText(d.platform or "")
        self.start.setDate(qdate(d.start))
        self.end.setDate(qdate(d.end))
        self.has_signup.setChecked(d.signup_deadline is not None)
        if d.signup_deadline:
            self.signup.setDate(qdate(d.signup_deadline))
        rule = d.recurrence
        self.repeat.setCurrentIndex(max(self.repeat.findData(rule.kind if rule else ""), 0))
        if rule and rule.kind == "weekly":
            for i, box in enumerate(self.weekday_boxes):
                box.setChecked(i in rule.weekdays)
        if rule and rule.kind == "monthly":
            self.month_day.setValue(rule.day)
        self.discount.setText(d.discount_text or "")
        self.owner.setCurrentIndex(max(self.owner.findData(self.ctx.actor.id), 0))
        self.preset_hint.setText(
            self.tr(
                "按模板“{0}”填好了常用日期、报名截止和优惠; 请核对日期和预算, 点“保存”才会创建。"
            ).format(d.name)
        )
        self.preset_hint.show()
        self._clean = self._state()

    # -- unsaved changes -------------------------------------------------------------------------
    def _state(self) -> tuple[object, ...]:
        """What the user can type on the basic, SKU and profit pages, to compare with."""
        skus = tuple((k.product_id, k.uplift, k.campaign_price) for k in self.sku_page.inputs())
        return (
            self.name.text(),
            self.kind.currentData(),
            self.platform.currentText(),
            self.start.date(),
            self.end.date(),
            self.has_signup.isChecked(),
            self.signup.date() if self.has_signup.isChecked() else None,
            self.repeat.currentData(),
            tuple(box.isChecked() for box in self.weekday_boxes),
            self.month_day.value(),
            self.discount.text(),
            self.budget.text(),
            self.owner.currentData(),
            skus,
            self.profit_page.commission.text(),
            self.profit_page.promotion.text(),
        )

    def has_changes(self) -> bool:
        """True when something typed here is not saved yet."""
        if not self.can_edit:
            return False
        return self._state() != self._clean or self.review_page.dirty()

    def ask_unsaved(self) -> str:
        """保存 / 放弃 / 取消 → "save" / "discard" / "cancel"."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("活动"),
            self.tr("活动有未保存的修改。要保存吗?"),
            parent=self,
        )
        box.setObjectName("unsavedBox")
        save = box.addButton(self.tr("保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def reject(self) -> None:
        """Esc, 关闭 and the window's close button: unsaved changes are asked about first."""
        if self.has_changes():
            choice = self.ask_unsaved()
            if choice == "cancel" or (choice == "save" and not self.save()):
                return
        super().reject()

    # -- saving ----------------------------------------------------------------------------------
    def _input(self) -> CampaignInput:
        mode = self.repeat.currentData()
        rule = None
        if mode == "weekly":
            days = [i for i, box in enumerate(self.weekday_boxes) if box.isChecked()]
            if not days:
                raise InvalidInput(self.tr("每周重复请至少选一天"))
            rule = rec.weekly(*days)
        elif mode == "monthly":
            rule = rec.monthly(self.month_day.value())
        budget = None
        if self.budget.text().strip():
            try:
                budget = parse_money(self.budget.text())
            except NumberError as exc:
                raise InvalidInput(self.tr("预算: {0}").format(exc)) from None
        c = self.detail.campaign if self.detail else None
        commission, promo = self.profit_page.inputs() if self.can_cost else (None, None)
        return CampaignInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            start=pydate(self.start.date()),
            end=pydate(self.end.date()),
            platform=self.platform.currentText(),
            signup_deadline=pydate(self.signup.date()) if self.has_signup.isChecked() else None,
            discount_text=self.discount.text(),
            budget=budget,
            owner_id=self.owner.currentData(),
            recurrence=rule,
            commission_rate=commission if self.can_cost else (c.commission_rate if c else None),
            promotion_cost=promo if self.can_cost else (c.promotion_cost if c else None),
        )

    def save(self) -> bool:
        """Save fields and SKUs; a mistake shows under the pages, nothing is lost."""
        if not self.can_edit:
            return False
        try:
            data = self._input()
            skus = self.sku_page.inputs()
            review_dirty = self.review_page.dirty()
            if review_dirty:
                self.review_page.check_amounts()
            if self.campaign_id is None:
                tasks = self.draft.tasks if self.draft is not None else None
                self.campaign_id = service.create_campaign(
                    self.ctx.db, self.ctx.actor, data, skus=skus, tasks=tasks
                )
            else:
                version = self.detail.campaign.version if self.detail else None
                row = service.update_campaign(
                    self.ctx.db,
                    self.ctx.actor,
                    self.campaign_id,
                    data,
                    skus=skus,
                    expected_version=version,
                )
                # The review typed on its page is saved too, not lost in the reload below.
                if review_dirty:
                    self.review_page.store(row.version)
        except InvalidInput as exc:  # a typing mistake: said under the pages, nothing is lost
            self.message.setText(str(exc))
            return False
        except ShopDeskError as exc:  # e.g. someone else saved first: a box, as everywhere
            show_error(self, exc)
            return False
        self.message.setText("")
        self.draft = None
        self.preset_hint.hide()
        self.ctx.bus.status.emit(self.tr("活动已保存"))
        self._after_change()
        return True

    def _after_change(self) -> None:
        self.reload()
        self.ctx.bus.data_changed.emit("campaign")
        self.changed.emit()

    def ask_reason(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("报名未通过"),
            self.tr("未通过的原因 (例如: 销量门槛不够; 同行以更低价入选):"),
        )
        return text if ok else None

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("活动"), text) == QMessageBox.StandardButton.Yes
