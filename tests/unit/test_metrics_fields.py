"""Header aliases, strict parsing and formatting of the daily figures."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import pytest

from shopdesk.metrics.fields import (
    FIGURES,
    ChannelColumn,
    canonical_channel,
    format_figure,
    match_header,
    parse_day,
    parse_figure,
)
from shopdesk.numbers import NumberError


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("统计日期", "day"),
        ("\ufeff统计日期", "day"),
        ("Date", "day"),
        ("访客数", "visitors"),
        ("访客数(UV)", "visitors"),
        ("UV", "visitors"),
        ("浏览量", "page_views"),
        ("支付买家数", "paying_buyers"),
        ("支付订单数", "orders"),
        ("支付金额", "paid_amount"),
        ("支付金额(元)", "paid_amount"),
        ("Paid Amount", "paid_amount"),
        ("支付转化率", "conversion"),
        ("Conversion Rate", "conversion"),
        ("客单价", "aov"),
        ("跳失率", "bounce_rate"),
        ("人均浏览量", "pages_per_visit"),
        ("DSR 描述", "dsr_description"),
        ("DSR服务", "dsr_service"),
        ("DSR 物流", "dsr_logistics"),
        ("售后综合分", "after_sales_score"),
        ("渠道", "channel"),
        ("花费", "spend"),
        ("消耗", "spend"),
        ("", None),
        ("备注", None),
    ],
)
def test_known_headers(header: str, expected: str | None) -> None:
    assert match_header(header) == expected


@pytest.mark.parametrize(
    ("header", "channel", "what"),
    [
        ("直通车花费", "直通车", "spend"),
        ("直通车消耗", "直通车", "spend"),
        ("直通车成交金额", "直通车", "sales"),
        ("钻展花费", "钻展/引力魔方", "spend"),
        ("引力魔方消耗", "钻展/引力魔方", "spend"),
        ("淘宝客成交金额", "淘宝客", "sales"),
        ("短信营销花费", "短信营销", "spend"),
        ("ZTC spend", "直通车", "spend"),
        ("taobaoke_sales", "淘宝客", "sales"),
        ("SMS Spend", "短信营销", "spend"),
        ("抖音推广花费", "抖音推广", "spend"),
    ],
)
def test_channel_columns(header: str, channel: str, what: str) -> None:
    assert match_header(header) == ChannelColumn(channel, what)


def test_every_figure_has_label_definition_and_aliases() -> None:
    for spec in FIGURES:
        assert spec.label and spec.definition and spec.aliases
        assert match_header(spec.label) == spec.key


def test_canonical_channel_keeps_unknown_names() -> None:
    assert canonical_channel(" 钻展 ") == "钻展/引力魔方"
    assert canonical_channel("小红书") == "小红书"


@pytest.mark.parametrize(
    "text",
    ["2024-05-01", "2024/5/1", "20240501", "2024年5月1日", "2024-05-01 00:00:00", "2024.05.01"],
)
def test_parse_day_forms(text: str) -> None:
    assert parse_day(text) == date(2024, 5, 1)


def test_parse_day_objects() -> None:
    assert parse_day(datetime(2024, 5, 1, 13, 0)) == date(2024, 5, 1)
    assert parse_day(date(2024, 5, 1)) == date(2024, 5, 1)


@pytest.mark.parametrize("text", ["", None, "2024-13-01", "昨天", "2024-02-30"])
def test_parse_day_refuses(text: str | None) -> None:
    with pytest.raises(NumberError):
        parse_day(text)


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("conversion", "3.25%", D("0.0325")),
        ("conversion", "0.0325", D("0.0325")),
        ("conversion", 0.0325, D("0.0325")),
        ("conversion", "３.２５％", D("0.0325")),
        ("bounce_rate", "65%", D("0.65")),
        ("visitors", "1,234", 1234),
        ("visitors", 1234.0, 1234),
        ("paid_amount", "¥1,234.50", D("1234.50")),
        ("aov", "88", D("88.00")),
        ("dsr_service", "4.8123", D("4.8123")),
        ("pages_per_visit", "2.35", D("2.3500")),
    ],
)
def test_parse_figure(key: str, text: object, value: object) -> None:
    assert parse_figure(key, text) == value


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("visitors", "12.5"),
        ("visitors", "-3"),
        ("visitors", "abc"),
        ("paid_amount", "1.234"),
        ("paid_amount", "-5"),
        ("paid_amount", "1,23.00"),
        ("conversion", "120%"),
        ("conversion", "-1%"),
        ("dsr_description", "5.1"),
        ("dsr_description", "NaN"),
        ("visitors", "0E0"),
    ],
)
def test_parse_figure_refuses_malformed(key: str, text: str) -> None:
    with pytest.raises(NumberError):
        parse_figure(key, text)


def test_format_figure() -> None:
    assert format_figure("visitors", 12345) == "12,345"
    assert format_figure("paid_amount", D("1234.5")) == "¥1,234.50"
    assert format_figure("conversion", D("0.0325")) == "3.25%"
    assert format_figure("dsr_service", D("4.8")) == "4.8000"
    assert format_figure("pages_per_visit", D("2.3456")) == "2.35"
    assert format_figure("visitors", None) == "—"


def test_channel_with_promotion_suffix() -> None:
    assert match_header("直通车推广花费") == ChannelColumn("直通车", "spend")
