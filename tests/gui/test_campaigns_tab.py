"""The 活动日历 tab driven like a user: keys, clicks, the dialog, and what is shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from shopdesk.auth.actor import Actor
from shopdesk.campaigns import overlay
from shopdesk.campaigns import service as svc
from shopdesk.campaigns.rows import CampaignInput, SkuInput
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product
from shopdesk.ui.campaigns.dialog import CampaignDialog
from shopdesk.ui.campaigns.models import CampaignListModel, TaskModel
from shopdesk.ui.campaigns_tab import LIST, WEEK, CampaignsTab
from shopdesk.ui.context import UiContext

TODAY = date(2026, 11, 22)
D11 = CampaignInput(
    name="双11主会场",
    kind="official",
    platform="天猫",
    start=date(2026, 11, 1),
    end=date(2026, 11, 11),
    signup_deadline=date(2026, 10, 10),
    discount_text="8折",
)


@pytest.fixture(autouse=True)
def _discard_unsaved(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes left-open dialogs after each test: half-typed edits are discarded then
    instead of asking 保存/放弃/取消 with nobody there to answer (tests/gui/test_campaigns_qa.py
    drives the real question)."""
    monkeypatch.setattr(CampaignDialog, "ask_unsaved", lambda self: "discard")


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shopdesk.ui.campaigns_tab.today", lambda: TODAY)


@pytest.fixture
def product(db: Database) -> int:
    with db.write() as s:
        p = Product(sku="A1", name="保温杯", price=D("100"), cost_price=D("50"), lead_time_days=10)
        s.add(p)
        s.flush()
        return p.id


class FakeDialog:
    """Stands in for the modal dialog: records what the tab asked to open."""

    opened: list[tuple[int | None, date | None]] = []

    def __init__(
        self,
        ctx: UiContext,
        campaign_id: int | None = None,
        *,
        start: date | None = None,
        parent: Any = None,
    ) -> None:
        FakeDialog.opened.append((campaign_id, start))

    def exec(self) -> int:
        return 0


@pytest.fixture
def fake_dialog(monkeypatch: pytest.MonkeyPatch) -> type[FakeDialog]:
    FakeDialog.opened = []
    monkeypatch.setattr("shopdesk.ui.campaigns_tab.CampaignDialog", FakeDialog)
    return FakeDialog


def _tab(qtbot, ui_ctx: UiContext) -> CampaignsTab:  # type: ignore[no-untyped-def]
    tab = CampaignsTab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(780, 560)
    with qtbot.waitExposed(tab):
        tab.show()
    qtbot.waitUntil(lambda: not tab.marks_pending)  # holidays load in a worker the first time
    return tab


def test_month_view_shows_bars_holidays_and_festivals(
    qtbot, ui_ctx: UiContext, owner: Actor
) -> None:  # type: ignore[no-untyped-def]
    svc.create_campaign(ui_ctx.db, owner, D11)
    tab = _tab(qtbot, ui_ctx)
    assert tab.period_label.text() == "2026年11月"
    grid = tab.grid
    assert grid.weeks[0][0] == date(2026, 10, 26) and len(grid.weeks) == 6
    bars = [(b.week, b.col_start, b.col_end) for b, item in grid._bars if item.name == "双11主会场"]
    assert bars == [(0, 6, 6), (1, 0, 6), (2, 0, 2)]
    assert [m.name for m in grid.marks[date(2026, 11, 11)]] == ["双11"]
    # the reminder banner is hidden: nothing due in the next 7 days
    assert tab.banner.isHidden()
    grid.select(date(2026, 11, 11))
    assert "电商节: 双11" in tab.day_info.text() and "双11主会场 (计划)" in tab.day_info.text()
    tab.turn(-1)
    assert tab.period_label.text() == "2026年10月"
    assert [(m.kind, m.name) for m in grid.marks[date(2026, 10, 1)]] == [("holiday", "国庆节")]
    grid.select(date(2026, 10, 1))
    assert "法定节假日: 国庆节" in tab.day_info.text()
    assert [m.kind for m in grid.marks[date(2026, 10, 10)]] == ["workday"]  # 调休上班
    grid.grab()  # paints without error


def test_keyboard_moves_days_turns_pages_and_enter_opens(
    qtbot, ui_ctx: UiContext, owner: Actor, fake_dialog: type[FakeDialog]
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    tab = _tab(qtbot, ui_ctx)
    grid = tab.grid
    grid.setFocus()
    assert grid.selected == TODAY
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.selected == date(2026, 11, 21)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.selected == date(2026, 11, 7)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert fake_dialog.opened == [(cid, None)]
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Enter)  # 21 Nov: nothing there → a new campaign on that day
    assert fake_dialog.opened[-1] == (None, date(2026, 11, 21))
    for _ in range(6):
        qtbot.keyClick(grid, Qt.Key.Key_Down)
    # 2 Jan is still on December's page (its grid runs to 10 Jan); two more weeks turn it
    assert grid.selected == date(2027, 1, 2) and tab.period_label.text() == "2026年12月"
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected == date(2027, 1, 16) and tab.period_label.text() == "2027年1月"
    if overlay.is_provisional(2027):  # not yet published by the State Council
        assert "2027年的放假安排国务院尚未公布" in tab.period_label.toolTip()
        assert "暂定" in tab.day_info.text()
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert tab.period_label.text() == "2026年12月"
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert grid.selected == TODAY and tab.period_label.text() == "2026年11月"


def test_week_view_lists_tasks_and_recurring_activity(
    qtbot, ui_ctx: UiContext, owner: Actor
) -> None:  # type: ignore[no-untyped-def]
    svc.create_campaign(ui_ctx.db, owner, D11)
    svc.create_from_preset(ui_ctx.db, owner, "mon_group", date(2026, 10, 1))
    tab = _tab(qtbot, ui_ctx)
    tab.grid.select(date(2026, 10, 28))
    tab.set_mode(WEEK)
    assert tab.period_label.text().startswith("2026年10月26日")
    names = {(it.name, it.start) for it in tab.grid.items}
    assert ("周一团购", date(2026, 10, 26)) in names and ("双11主会场", date(2026, 11, 1)) in names
    day = tab.grid.agenda[date(2026, 10, 29)]
    assert any("页面" in a.text for a in day)  # 页面设计 3 days before the start
    tab.grid.grab()


def test_drag_moves_a_campaign(qtbot, ui_ctx: UiContext, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    tab = _tab(qtbot, ui_ctx)
    grid = tab.grid
    grid.repaint()
    start = grid.cell_centre(date(2026, 11, 3))
    on_bar = QPoint(start.x(), int(grid.cell_rect(1, 1).top()) + 22)
    assert grid.bar_at(on_bar) is not None
    target = QPoint(grid.cell_centre(date(2026, 11, 5)).x(), on_bar.y())
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=on_bar)
    qtbot.mouseMove(grid, target)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    c = svc.get_campaign(ui_ctx.db, owner, cid).campaign
    assert (c.start, c.end) == (date(2026, 11, 3), date(2026, 11, 13))


def test_list_view_filters(qtbot, ui_ctx: UiContext, owner: Actor, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    svc.create_campaign(ui_ctx.db, owner, D11)
    cid = svc.create_from_preset(ui_ctx.db, owner, "double12", date(2026, 11, 1))
    svc.change_stage(ui_ctx.db, owner, cid, "registered")
    svc.change_stage(ui_ctx.db, owner, cid, "rejected", reason="名额满")
    tab = _tab(qtbot, ui_ctx)
    qtbot.keyClick(tab, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    tab.set_mode(LIST)
    model = tab.list_model
    assert [r.name for r in model.rows] == ["双11主会场", "2026 双12"]  # by start date
    tab.filter_stage.setCurrentIndex(tab.filter_stage.findData("active"))
    assert [r.name for r in model.rows] == ["双11主会场"]
    tab.filter_stage.setCurrentIndex(0)
    tab.filter_text.insert("双12")
    assert [r.name for r in model.rows] == ["2026 双12"]
    assert model.data(model.index(0, 7)) == "未通过"
    assert "名额满" in model.data(model.index(0, 7), Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)


def test_models_pass_the_model_tester(qtmodeltester, db: Database, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    svc.create_campaign(db, owner, D11)
    m = CampaignListModel()
    m.set_rows(svc.list_campaigns(db, owner))
    m.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(m)
    t = TaskModel()
    t.set_rows(svc.get_campaign(db, owner, 1).tasks)
    qtmodeltester.check(t)
    assert t.rowCount() == 7


def test_dialog_creates_campaign_with_sku(qtbot, ui_ctx: UiContext, product: int) -> None:  # type: ignore[no-untyped-def]
    dlg = CampaignDialog(ui_ctx, None, start=date(2026, 12, 10))
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.tabs.isTabEnabled(2)  # stages open once saved
    dlg.name.insert("双12 店铺专场")
    dlg.end.setDate(dlg.end.date().addDays(2))
    dlg.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dlg.sku_page.code, "A1")
    dlg.sku_page.uplift.setText("3")
    qtbot.mouseClick(dlg.sku_page.findChild(QPushButton, "addSku"), Qt.MouseButton.LeftButton)
    assert dlg.sku_page.model.rowCount() == 1
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.message.text() == ""
    assert dlg.campaign_id is not None and dlg.tabs.isTabEnabled(2)
    d = svc.get_campaign(ui_ctx.db, ui_ctx.actor, dlg.campaign_id)
    assert (d.campaign.name, d.campaign.start, d.campaign.end) == (
        "双12 店铺专场",
        date(2026, 12, 10),
        date(2026, 12, 12),
    )
    assert [(k.sku, k.uplift) for k in d.skus] == [("A1", D("3.000"))]
    stock = next(t for t in d.tasks if t.stage == "stock_prepared")
    assert stock.due == date(2026, 11, 30)  # 10 days lead time before the start


def test_dialog_mistake_shows_inline(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dlg = CampaignDialog(ui_ctx, None, start=date(2026, 12, 10))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "名称" in dlg.message.text() and dlg.campaign_id is None


def test_dialog_stage_buttons_and_reject_reason(
    qtbot, ui_ctx: UiContext, owner: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = CampaignDialog(ui_ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentIndex(2)
    assert dlg.stage_page.stage_label.text() == "当前阶段: 计划"
    qtbot.mouseClick(dlg.findChild(QPushButton, "stage_registered"), Qt.MouseButton.LeftButton)
    assert dlg.stage_page.stage_label.text() == "当前阶段: 已报名"
    monkeypatch.setattr(dlg, "ask_reason", lambda: "销量门槛不够")
    qtbot.mouseClick(dlg.findChild(QPushButton, "stage_rejected"), Qt.MouseButton.LeftButton)
    assert dlg.stage_page.stage_label.text() == "当前阶段: 未通过"
    assert "销量门槛不够" in dlg.reason_label.text()
    assert "已报名 → 未通过 (销量门槛不够)" in dlg.stage_page.history.text()


def test_dialog_review_shows_roi_tier(qtbot, ui_ctx: UiContext, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    dlg = CampaignDialog(ui_ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentIndex(4)
    dlg.review_page.sales.setText("5000")
    dlg.review_page.cost.setText("1000")
    dlg.review_page.summary.insertPlainText("转化好")
    qtbot.mouseClick(dlg.findChild(QPushButton, "saveReview"), Qt.MouseButton.LeftButton)
    assert dlg.review_page.roi.text() == "1:5.00  优秀"


def test_staff_sees_no_profit_and_cannot_save(
    qtbot, ui_ctx: UiContext, owner: Actor, staff: Actor
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_campaign(ui_ctx.db, owner, D11)
    ctx = UiContext(db=ui_ctx.db, actor=staff, location=ui_ctx.location)
    dlg = CampaignDialog(ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.tabs.isTabVisible(dlg.profit_tab)
    assert not dlg.save_button.isEnabled()
    tab = _tab(qtbot, ctx)
    assert not tab.new_button.isEnabled()


def test_profit_page_for_owner(qtbot, ui_ctx: UiContext, owner: Actor, product: int) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    data = replace(D11, commission_rate=D("0.05"), promotion_cost=D("2"))
    cid = svc.create_campaign(ui_ctx.db, owner, data, skus=[SkuInput(product, D("2"))])
    dlg = CampaignDialog(ui_ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentIndex(3)
    page = dlg.profit_page
    assert page.commission.text() == "5%"
    assert page.verdict.text() == "结论: 可以报名"
    assert page.model.data(page.model.index(0, 6)) == "¥24.00"  # 80 − 50 − 4 − 2


def test_demo_shop_month_renders(
    qtbot, demo_db: Database, demo_owner: Actor, demo_location, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.clock import today

    monkeypatch.setattr("shopdesk.ui.campaigns_tab.today", today)
    ctx = UiContext(db=demo_db, actor=demo_owner, location=demo_location)
    tab = _tab(qtbot, ctx)
    assert tab.grid.items, "the demo has campaigns this month"
    assert not tab.banner.isHidden()
    tab.grid.grab()


def test_export_plan_pdf_and_ics_from_the_tab(
    qtbot, ui_ctx: UiContext, owner: Actor, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog

    svc.create_campaign(ui_ctx.db, owner, D11)
    tab = _tab(qtbot, ui_ctx)
    target = {"path": str(tmp_path / "plan.pdf")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target["path"], ""))
    tab.export_plan(".pdf")
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    target["path"] = str(tmp_path / "plan.ics")
    tab.export_ics()
    (ev,) = Calendar.from_ical((tmp_path / "plan.ics").read_bytes()).walk("VEVENT")
    assert str(ev["SUMMARY"]) == "双11主会场"


def test_opened_from_a_checklist_reminder(
    qtbot, ui_ctx: UiContext, owner: Actor, fake_dialog: type[FakeDialog]
) -> None:  # type: ignore[no-untyped-def]
    cid = svc.create_from_preset(ui_ctx.db, owner, "double12", date(2026, 11, 1))
    tab = _tab(qtbot, ui_ctx)
    tab.apply_filter(str(cid))
    assert tab.period_label.text() == "2026年12月" and tab.grid.selected == date(2026, 12, 10)
    assert fake_dialog.opened == [(cid, None)]
    tab.apply_filter("双12")
    assert tab.mode == LIST and [r.name for r in tab.list_model.rows] == ["2026 双12"]


def test_dialog_makes_a_weekly_activity(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dlg = CampaignDialog(ui_ctx, None, start=date(2026, 11, 23))
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):  # shortcuts fire only in the active window
        dlg.show()
        dlg.activateWindow()
    dlg.name.insert("周一团购")
    dlg.kind.setCurrentIndex(dlg.kind.findData("own"))
    dlg.end.setDate(dlg.end.date().addYears(1))
    dlg.repeat.setCurrentIndex(dlg.repeat.findData("weekly"))
    assert dlg.weekday_boxes[0].isVisible() and not dlg.month_day.isVisible()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "至少选一天" in dlg.message.text()
    dlg.weekday_boxes[0].setChecked(True)
    qtbot.keyClick(dlg, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dlg.campaign_id is not None, dlg.message.text()
    c = svc.get_campaign(ui_ctx.db, ui_ctx.actor, dlg.campaign_id).campaign
    assert c.recurrence_text == "每周一" and c.kind == "own"


def test_sku_and_profit_models_pass_the_tester(
    qtmodeltester, db: Database, owner: Actor, product: int
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.ui.campaigns.models import SkuModel

    cid = svc.create_campaign(db, owner, D11, skus=[SkuInput(product, D("2"))])
    m = SkuModel(show_cost=True)
    m.set_rows(svc.get_campaign(db, owner, cid).skus)
    assert m.columnCount() == 7 and m.data(m.index(0, 6)) == "50.00"
    qtmodeltester.check(m)
    assert SkuModel(show_cost=False).columnCount() == 6


def test_first_opening_paints_the_calendar_before_the_holidays_arrive(
    qtbot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(overlay, "_warm", False)  # as in a fresh process
    tab = CampaignsTab(ui_ctx)
    qtbot.addWidget(tab)
    tab.resize(780, 560)
    assert tab.marks_pending and tab.grid.marks == {}  # not waiting for the holidays package
    tab.turn(-1)  # turning the page meanwhile starts no second load
    assert tab.period_label.text() == "2026年10月"
    with qtbot.waitExposed(tab):
        tab.show()
    qtbot.waitUntil(lambda: not tab.marks_pending)
    assert [(m.kind, m.name) for m in tab.grid.marks[date(2026, 10, 1)]] == [("holiday", "国庆节")]
    assert date(2026, 10, 4) in tab.grid.breaks  # the Sunday inside 国庆
    tab.grid.select(date(2026, 10, 1))
    assert "法定节假日: 国庆节" in tab.day_info.text()


def test_holidays_that_will_not_load_are_said_once(
    qtbot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(overlay, "_warm", False)
    calls: list[object] = []

    def broken(years: object) -> None:
        calls.append(years)
        raise ImportError("No module named 'holidays'")

    monkeypatch.setattr(overlay, "warm_up", broken)
    said: list[str] = []
    ui_ctx.bus.status.connect(said.append)
    tab = CampaignsTab(ui_ctx)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.marks_pending)
    assert said == ["节假日和节日没有加载成功, 日历照常可用 (No module named 'holidays')"]
    assert tab.grid.marks == {} and tab.period_label.toolTip() == said[0]
    tab.turn(1)  # the calendar still turns, and does not try again on every page
    assert tab.period_label.text() == "2026年12月" and len(calls) == 1
