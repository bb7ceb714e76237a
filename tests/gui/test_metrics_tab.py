"""The 经营数据 tab, driven with keys and clicks; asserts what the user sees."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from shopdesk.auth.actor import Actor
from shopdesk.clock import today
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.metrics import service
from shopdesk.metrics.fields import DayFigures
from shopdesk.ui.context import UiContext
from shopdesk.ui.metrics.tab import MetricsTab
from shopdesk.ui.metrics.table_model import Col, RowsModel

SAMPLES = Path(__file__).parents[1] / "io" / "samples" / "metrics"
YESTERDAY = today() - timedelta(days=1)
BEFORE = today() - timedelta(days=2)


def _two_days(db: Database, owner: Actor) -> None:
    service.save_day(
        db,
        owner,
        DayFigures(
            BEFORE, visitors=2000, paying_buyers=60, paid_amount=D("6000"), bounce_rate=D("0.6")
        ),
        {"直通车": (D("400"), D("1600"))},
    )
    service.save_day(
        db,
        owner,
        DayFigures(
            YESTERDAY, visitors=2500, paying_buyers=60, paid_amount=D("5000"), bounce_rate=D("0.5")
        ),
        {"直通车": (D("400"), D("1199.99")), "淘宝客": (D("100"), D("300"))},
    )


@pytest.fixture
def tab(qtbot, ui_ctx: UiContext) -> MetricsTab:  # type: ignore[no-untyped-def]
    _two_days(ui_ctx.db, ui_ctx.actor)
    w = MetricsTab(ui_ctx)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    with qtbot.waitExposed(w):
        w.show()
    return w


def test_rows_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel([Col("a"), Col("b", numeric=True)])
    model.set_rows([("x", 2), ("y", None), ("z", 1)], marks=["", "⚠", ""])
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.row(i)[0] for i in range(3)] == ["z", "x", "y"]  # None last
    assert model.index(2, 0).data() == "⚠ y"


def test_cards_compare_yesterday_with_the_day_before(tab: MetricsTab) -> None:
    visitors = tab.cards.by_key("visitors")
    assert visitors.value.text() == "2,500"
    assert visitors.previous.text() == "前一日 2,000"
    assert visitors.change.text() == "▲ +25.0% (向好)"
    assert visitors.flagged and "超过 ±20%" in visitors.flag.text()
    assert "去重" in visitors.toolTip() or "访客数" in visitors.toolTip()
    paid = tab.cards.by_key("paid_amount")
    assert paid.change.text().startswith("▼ -16.7%") and not paid.flagged
    assert not paid.flag.isVisible()
    bounce = tab.cards.by_key("bounce_rate")
    assert bounce.change.text() == "▼ -16.7% (向好)"  # lower bounce is better
    assert "⚠ 1 项变化超过 ±20%: 访客数" in tab.headline.text()
    assert "店铺 ROI 当日 1:10.00 优秀" in tab.roi_line.text()
    assert not tab.empty_hint.isVisible()


def test_channel_roi_table_shows_tiers_and_shop_total(tab: MetricsTab) -> None:
    m = tab.roi_model
    rows = {m.index(r, 0).data(): r for r in range(m.rowCount())}
    ztc = rows["⚠ 直通车"]  # 2799.99 / 800 over 30 days is 1:3.49 → 及格; yesterday 1:2.99 不及格
    assert m.index(ztc, 3).data() == "1:2.99" and m.index(ztc, 4).data() == "不及格"
    assert m.index(ztc, 7).data() == "1:3.49" and m.index(ztc, 8).data() == "及格"
    last = m.rowCount() - 1
    assert m.index(last, 0).data().startswith("店铺合计")
    assert tab.channel_chart.labels[0] == "1:3.49 及格"


def test_range_chooser_by_keyboard_and_figure_chooser(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    assert tab.range_box.currentText() == "近 30 天"
    assert tab.end - tab.start == timedelta(days=29)
    tab.range_box.setFocus()
    qtbot.keyClick(tab.range_box, Qt.Key.Key_Up)
    assert tab.range_box.currentText() == "近 7 天"
    assert tab.end - tab.start == timedelta(days=6)
    assert len(tab.trend_chart.plots) == 3
    tab.figure_list.setFocus()
    tab.figure_list.setCurrentRow(3)  # 客单价
    qtbot.keyClick(tab.figure_list.viewport(), Qt.Key.Key_Space)
    assert "aov" in tab.checked_figures()
    assert len(tab.trend_chart.plots) == 4


def test_custom_range(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    tab.range_box.setCurrentIndex(4)
    assert tab.from_edit.isEnabled() and tab.to_edit.isEnabled()
    tab.from_edit.setDate(tab.to_edit.date())
    assert tab.data is not None and [d.day for d in tab.data.days] == [YESTERDAY]
    tab.from_edit.setDate(tab.to_edit.date().addDays(1))
    assert "不能晚于" in tab.headline.text()


def test_empty_shop_shows_a_hint(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    w = MetricsTab(ui_ctx)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    assert w.empty_hint.isVisible() and "导入" in w.empty_hint.text()
    assert w.roi_model.rowCount() == 5  # four default channels and the shop


def test_daily_form_saves_typed_figures(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.ui.metrics.dialogs import DayFormDialog

    qtbot.mouseClick(tab.form_button, Qt.MouseButton.LeftButton)
    dlg = tab.findChild(DayFormDialog)  # the dialog the button opened
    assert dlg is not None and dlg.isVisible() and dlg.day == YESTERDAY
    dlg.date_edit.setDate(dlg.date_edit.date().addDays(-5))
    assert "还没有数据" in dlg.message.text()
    qtbot.keyClicks(dlg.edits["visitors"], "1800")
    qtbot.keyClicks(dlg.edits["paying_buyers"], "45")
    qtbot.keyClicks(dlg.edits["paid_amount"], "4050.5")
    qtbot.keyClicks(dlg.channel_edits["直通车"][0], "200")
    qtbot.keyClicks(dlg.channel_edits["直通车"][1], "900")
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    stored = service.get_day(tab.ctx.db, tab.ctx.actor, dlg.day)
    assert stored is not None
    assert stored.figures.visitors == 1800 and stored.figures.conversion == D("0.025")
    assert stored.figures.aov == D("90.01")
    assert stored.channels["直通车"] == (D("200.00"), D("900.00"))


def test_daily_form_refuses_bad_numbers_inline(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    dlg = tab.open_form(YESTERDAY)
    assert dlg is not None
    assert dlg.edits["visitors"].text() == "2500" and "已载入" in dlg.message.text()
    dlg.edits["visitors"].clear()
    qtbot.keyClicks(dlg.edits["visitors"], "12.5")
    dlg.edits["conversion"].clear()
    qtbot.keyClicks(dlg.edits["conversion"], "150%")
    qtbot.keyClick(dlg.edits["conversion"], Qt.Key.Key_Return)  # Enter = save
    assert "访客数: 必须是整数" in dlg.message.text()
    assert "支付转化率" in dlg.message.text()
    assert dlg.isVisible()
    stored = service.get_day(tab.ctx.db, tab.ctx.actor, YESTERDAY)
    assert stored is not None and stored.figures.visitors == 2500


def test_double_click_day_opens_its_form(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    tab.tabs.setCurrentIndex(3)
    view = tab.day_view
    first = tab.day_model.index(0, 0)
    assert first.data() == f"⚠ {YESTERDAY}"  # newest first, flagged
    view.setCurrentIndex(first)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    from shopdesk.ui.metrics.dialogs import DayFormDialog

    dialogs = [d for d in tab.findChildren(DayFormDialog) if d.isVisible()]
    assert dialogs and dialogs[-1].day == YESTERDAY


def test_import_preview_then_import(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    dlg = tab.open_import(SAMPLES / "mismatch.csv")
    qtbot.waitUntil(lambda: dlg.import_button.isEnabled(), timeout=10_000)
    assert "将导入 2 天" in dlg.summary.text()
    assert "统计日期 → 统计日期" in dlg.columns_label.text()
    assert dlg.problems.rowCount() == 2 and "提醒" in dlg.problems.index(0, 3).data()
    assert dlg.preview.rowCount() == 2
    with qtbot.waitSignal(tab.ctx.bus.data_changed, timeout=10_000):
        qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.imported, timeout=10_000)
    assert service.get_day(tab.ctx.db, tab.ctx.actor, dlg.outcome.first_day) is not None  # type: ignore[union-attr]


def test_import_with_bad_rows_lists_them_and_cannot_import(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    dlg = tab.open_import(SAMPLES / "bad_numbers.csv")
    qtbot.waitUntil(lambda: dlg.outcome is not None, timeout=10_000)
    assert "7 处错误" in dlg.summary.text()
    assert dlg.problems.rowCount() == 7
    assert dlg.problems.index(0, 0).data() == "⚠ 3"
    assert not dlg.import_button.isEnabled()


def test_unreadable_file_is_an_inline_message(qtbot, tab: MetricsTab, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "x.csv"
    p.write_text("访客数\n5\n", encoding="utf-8")
    dlg = tab.open_import(p)
    qtbot.waitUntil(lambda: "无法导入" in dlg.summary.text(), timeout=10_000)
    assert "统计日期" in dlg.summary.text() and not dlg.import_button.isEnabled()


def test_exports(tab: MetricsTab, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from PySide6.QtGui import QImage

    png = tab.export_png(tmp_path / "chart")
    image = QImage(str(png))
    assert png.suffix == ".png" and image.width() > 300
    tab.month_radio.setChecked(True)
    xlsx = tab.export_xlsx(tmp_path / "summary.xlsx")
    ws = load_workbook(xlsx).active
    assert ws.cell(3, 1).value == "月" and ws.cell(4, 3).value == 4500


def test_staff_sees_but_cannot_edit(qtbot, db: Database, staff: Actor, location: Location) -> None:  # type: ignore[no-untyped-def]
    w = MetricsTab(UiContext(db=db, actor=staff, location=location))
    qtbot.addWidget(w)
    assert not w.import_button.isEnabled() and not w.form_button.isEnabled()
    assert w.png_button.isEnabled()


@pytest.mark.slow
def test_demo_shop_two_years_draw(
    qtbot, demo_db: Database, demo_owner: Actor, demo_location: Location
) -> None:  # type: ignore[no-untyped-def]
    w = MetricsTab(UiContext(db=demo_db, actor=demo_owner, location=demo_location))
    qtbot.addWidget(w)
    w.resize(1300, 850)
    with qtbot.waitExposed(w):
        w.show()
    assert w.dash is not None and w.dash.day == YESTERDAY
    w.range_box.setCurrentIndex(4)
    w.from_edit.setDate(w.to_edit.date().addDays(-729))
    w.load_range()  # how fast: benchmarks/metrics_import_and_redraw.py
    w.grab()
    assert w.data is not None and len(w.data.days) == 730


def test_resaving_an_unchanged_form_changes_nothing(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from shopdesk.audit.models import AuditEntry

    day = YESTERDAY - timedelta(days=3)
    service.save_day(tab.ctx.db, tab.ctx.actor, DayFigures(day, visitors=3, paying_buyers=1))
    dlg = tab.open_form(day)
    assert dlg is not None and dlg.edits["conversion"].text() == "33.3333%"
    with tab.ctx.db.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    stored = service.get_day(tab.ctx.db, tab.ctx.actor, day)
    assert stored is not None and stored.figures.conversion == D("0.333333")
    with tab.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before  # nothing changed


def test_channels_dialog_adds_and_retires(qtbot, tab: MetricsTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tab.channels_button, Qt.MouseButton.LeftButton)
    from shopdesk.ui.metrics.channels import ChannelsDialog

    dlg = tab.findChild(ChannelsDialog)
    assert dlg is not None and dlg.list.count() == 4
    qtbot.keyClicks(dlg.name_edit, "ZTC")  # an alias of 直通车
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)
    assert "已存在" in dlg.message.text() and dlg.message.text().startswith("⚠")
    sms = dlg.list.item(3)
    assert sms.text() == "短信营销"
    sms.setCheckState(Qt.CheckState.Unchecked)
    assert "短信营销 已停用" in dlg.message.text()
    dlg.accept()
    names = [tab.roi_model.row(r)[0] for r in range(tab.roi_model.rowCount())]
    assert "短信营销" not in names and "直通车" in names


def _metrics_tab(qtbot, ui_ctx: UiContext) -> MetricsTab:  # type: ignore[no-untyped-def]
    w = MetricsTab(ui_ctx)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    with qtbot.waitExposed(w):
        w.show()
    return w


def test_yesterday_without_data_is_said_not_shown_as_zeros(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    """Today 2026-11-22: the last import ended 11-19; the cards say so and compare 11-19."""
    for day, visitors in ((date(2026, 11, 18), 2000), (date(2026, 11, 19), 2500)):
        service.save_day(ui_ctx.db, ui_ctx.actor, DayFigures(day, visitors=visitors))
    tab = _metrics_tab(qtbot, ui_ctx)
    assert tab.missing_hint.isVisible()
    text = tab.missing_hint.text()
    assert "昨天 2026-11-21 (周六) 还没有数据" in text and "导入…" in text
    assert "最近有数据的一天: 2026-11-19 (周四)" in text
    assert tab.headline.text().startswith("最近有数据的一天: ")
    visitors = tab.cards.by_key("visitors")
    assert visitors.value.text() == "2,500" and visitors.previous.text() == "前一日 2,000"
    tab.grab().save("/tmp/metrics-yesterday-missing.png")
    # the link opens the daily form for typing the missing day
    opened: list[object] = []
    tab.open_form = lambda day: opened.append(day)  # type: ignore[method-assign,assignment]
    tab.missing_hint.linkActivated.emit("form")
    assert opened == [None]


def test_a_gap_before_the_latest_day_names_the_day_compared_with(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    for day, visitors in ((date(2026, 11, 17), 2000), (date(2026, 11, 21), 2500)):
        service.save_day(ui_ctx.db, ui_ctx.actor, DayFigures(day, visitors=visitors))
    tab = _metrics_tab(qtbot, ui_ctx)
    assert not tab.missing_hint.isVisible()  # yesterday has figures
    visitors = tab.cards.by_key("visitors")
    assert visitors.previous.text() == "11-17 2,000"
    assert visitors.change.text() == "▲ +25.0% (向好)"
    assert "对比 2026-11-17 (周二) (之间的日子没有数据)" in tab.headline.text()


def test_yesterday_with_data_shows_no_missing_note(tab: MetricsTab) -> None:
    assert not tab.missing_hint.isVisible()
    assert "最近有数据" not in tab.headline.text()
