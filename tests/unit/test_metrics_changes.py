"""Day-over-day change, the ±20 % flag at its edge, zero division, week/month summaries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from shopdesk.metrics.changes import (
    Direction,
    change,
    figure_change,
    period_of,
    summarise,
)
from shopdesk.metrics.fields import ChannelDay, DayFigures
from shopdesk.metrics.roi import RoiTier


@pytest.mark.parametrize(
    ("value", "previous", "flagged"),
    [
        (120, 100, False),  # exactly +20 %: not beyond
        (121, 100, True),
        (80, 100, False),  # exactly -20 %
        (79, 100, True),
        (D("120.01"), D("100"), True),
        (100, 100, False),
    ],
)
def test_threshold_edges(value: int, previous: int, flagged: bool) -> None:
    assert change(value, previous).flagged is flagged


def test_threshold_is_a_parameter() -> None:
    assert change(110, 100, D("0.05")).flagged
    assert not change(110, 100, D("0.10")).flagged


def test_values_text_and_arrow() -> None:
    c = change(125, 100)
    assert c.delta == 25 and c.ratio == D("0.25")
    assert c.direction is Direction.UP and c.direction.arrow == "▲"
    assert c.text == "+25.0%"
    d = change(D("0.0300"), D("0.0325"))
    assert d.direction is Direction.DOWN and d.text == "-7.7%"
    assert change(5, 5).text == "0.0%" and change(5, 5).direction is Direction.FLAT


def test_from_zero_has_no_percent_but_is_flagged() -> None:
    c = change(50, 0)
    assert c.ratio is None and c.flagged and c.text == "新增"
    z = change(0, 0)
    assert z.ratio is None and not z.flagged and z.direction is Direction.FLAT


def test_unknown_side_is_not_flagged() -> None:
    for c in (change(None, 100), change(100, None)):
        assert c.direction is Direction.UNKNOWN and not c.flagged and c.text == "—"


def test_to_zero_is_minus_100_percent() -> None:
    c = change(0, 40)
    assert c.ratio == D(-1) and c.flagged and c.text == "-100.0%"


def test_better_follows_the_figure() -> None:
    day1 = DayFigures(date(2024, 5, 1), visitors=100, bounce_rate=D("0.50"))
    day2 = DayFigures(date(2024, 5, 2), visitors=130, bounce_rate=D("0.70"))
    assert figure_change("visitors", day2, day1, D("0.2")).better is True
    bounce = figure_change("bounce_rate", day2, day1, D("0.2"))
    assert bounce.better is False and bounce.flagged
    assert figure_change("visitors", day2, None, D("0.2")).direction is Direction.UNKNOWN


def test_periods() -> None:
    assert period_of(date(2024, 5, 1), "week")[0] == "2024-W18"
    key, label, start, end = period_of(date(2024, 12, 31), "week")
    assert key == "2025-W01" and start == date(2024, 12, 30) and end == date(2025, 1, 5)
    assert "12-30~01-05" in label
    assert period_of(date(2024, 2, 10), "month")[1:] == (
        "2024年02月",
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    with pytest.raises(ValueError):
        period_of(date(2024, 2, 10), "year")


def test_week_summary_sums_and_recomputes_ratios() -> None:
    monday = date(2024, 4, 29)
    days = [
        DayFigures(
            monday + timedelta(days=i),
            visitors=1000,
            page_views=2500,
            paying_buyers=30 + i,
            orders=32 + i,
            paid_amount=D("100.10") * (30 + i),
            bounce_rate=D("0.60") if i else D("0.40"),
            dsr_service=D("4.8") + D("0.01") * i,
            free_shipping_cost=D("10"),
            discounts=D("5"),
        )
        for i in range(8)  # 7 days of one week, one of the next
    ]
    channels = [
        ChannelDay(monday + timedelta(days=i), "直通车", D("100.00"), D("450.00")) for i in range(8)
    ] + [ChannelDay(monday, "淘宝客", D("50.00"), D("100.00"))]
    weeks = summarise(days, channels, "week")
    assert [w.key for w in weeks] == ["2024-W18", "2024-W19"]
    w = weeks[0]
    assert w.days == 7 and w.visitors == 7000 and w.paying_buyers == sum(range(30, 37))
    assert w.paid_amount == D("100.10") * sum(range(30, 37))
    assert w.conversion == (D(w.paying_buyers) / 7000).quantize(D("0.000001"))
    assert w.aov == D("100.10")
    assert w.pages_per_visit == D("2.5")
    assert w.bounce_rate == ((D("0.40") + 6 * D("0.60")) / 7).quantize(D("0.000001"))
    assert w.dsr_service == D("4.86")  # last day of the week
    assert w.ad_spend == D("750.00") and w.channel_spend["淘宝客"] == D("50.00")
    assert w.channel_roi("直通车").ratio == D("4.5")
    assert w.channel_roi("直通车").tier is RoiTier.GOOD
    assert w.channel_roi("淘宝客").tier is RoiTier.FAIL
    assert w.channel_roi("短信营销").ratio is None
    assert w.shop_roi.cost == D("750.00") + 7 * D("15")
    assert w.ads_roi.sales == D("3250.00") and w.ads_roi.tier is RoiTier.GOOD


def test_month_summary_and_empty_input() -> None:
    assert summarise([], [], "month") == []
    days = [DayFigures(date(2024, 1, 31), visitors=10), DayFigures(date(2024, 2, 1), visitors=5)]
    months = summarise(days, [], "month")
    assert [(m.label, m.visitors) for m in months] == [("2024年01月", 10), ("2024年02月", 5)]
    assert months[0].bounce_rate is None and months[0].conversion is not None
    assert months[0].shop_roi.ratio is None
