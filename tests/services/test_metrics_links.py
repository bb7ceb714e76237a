"""The metrics links shown beside checklist items (traffic, ad ROI)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

from shopdesk.auth.actor import Actor
from shopdesk.checklist import links
from shopdesk.db.engine import Database
from shopdesk.metrics import service
from shopdesk.metrics.fields import DayFigures

DAY = date(2024, 5, 3)  # the checklist day; links look at the day before
Y = DAY - timedelta(days=1)


def test_links_are_offered_to_the_template_editor() -> None:
    offered = links.available()
    assert offered["traffic"] == "昨日访客/转化/销售额" and offered["ad_roi"] == "昨日推广 ROI"


def test_without_data(db: Database) -> None:
    got = links.evaluate(db, ["traffic", "ad_roi"], DAY)
    assert got["traffic"].text == "昨日数据未录入" and got["traffic"].level == "warn"
    assert got["ad_roi"].level == "warn" and got["ad_roi"].target_tab == "metrics"


def test_traffic_flags_a_big_change(db: Database, owner: Actor) -> None:
    before = DayFigures(
        Y - timedelta(days=1), visitors=1000, paying_buyers=30, paid_amount=D("3000")
    )
    service.save_day(db, owner, before)
    service.save_day(
        db, owner, DayFigures(Y, visitors=1300, paying_buyers=39, paid_amount=D("3300"))
    )
    got = links.evaluate(db, ["traffic"], DAY)["traffic"]
    assert got.level == "warn" and got.text.startswith("⚠ 访客数 1,300 ▲+30.0%")
    assert "支付转化率 3.00%" in got.text and "支付金额 ¥3,300.00 ▲+10.0%" in got.text
    assert "访客数" in got.tooltip and "支付金额" not in got.tooltip


def test_ad_roi_names_failing_channels(db: Database, owner: Actor) -> None:
    service.save_day(
        db,
        owner,
        DayFigures(Y, visitors=10),
        {"直通车": (D("100"), D("500")), "钻展/引力魔方": (D("100"), D("299.99"))},
    )
    got = links.evaluate(db, ["ad_roi"], DAY)["ad_roi"]
    assert got.level == "bad"
    assert got.text == "昨日推广 ROI 1:3.99 及格 · 不及格: 钻展/引力魔方"
    assert "直通车 1:5.00 优秀" in got.tooltip
