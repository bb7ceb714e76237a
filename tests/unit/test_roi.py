"""ROI and its tiers at the exact edges of [003 管理 B]."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from shopdesk.metrics.roi import (
    RoiTier,
    format_roi,
    roi,
    roi_result,
    roi_tier,
    shop_cost,
    shop_roi,
)


def test_roi_is_sales_over_cost() -> None:
    assert roi(D("300.00"), D("100.00")) == D(3)
    assert roi(D("325"), D("100")) == D("3.25")


@pytest.mark.parametrize("cost", [D(0), D("0.00"), D("-5"), None])
def test_no_cost_means_no_roi(cost: D | None) -> None:
    assert roi(D("100"), cost) is None
    assert roi_tier(roi(D("100"), cost)) is None


def test_missing_sales_means_no_roi() -> None:
    assert roi(None, D("10")) is None


@pytest.mark.parametrize(
    ("sales", "cost", "tier"),
    [
        (D("0"), D("100"), RoiTier.FAIL),
        (D("299.99"), D("100"), RoiTier.FAIL),
        (D("300.00"), D("100"), RoiTier.PASS),
        (D("399.99"), D("100"), RoiTier.PASS),
        (D("400"), D("100"), RoiTier.GOOD),
        (D("499.99"), D("100"), RoiTier.GOOD),
        (D("500"), D("100"), RoiTier.EXCELLENT),
        (D("5000"), D("100"), RoiTier.EXCELLENT),
        (D("-10"), D("100"), RoiTier.FAIL),
    ],
)
def test_tier_edges_are_exact(sales: D, cost: D, tier: RoiTier) -> None:
    assert roi_tier(roi(sales, cost)) is tier


def test_ratio_just_below_edge_never_rounds_up() -> None:
    # 3 × 33333333333.33 = 99999999999.99; one fen less than that stays below 1:3
    cost = D("33333333333.33")
    assert roi_tier(roi(D("99999999999.98"), cost)) is RoiTier.FAIL
    assert roi_tier(roi(D("99999999999.99"), cost)) is RoiTier.PASS
    # thirds: 1 ÷ 3 × 9 would be 2.999… with float-like rounding
    assert roi_tier(roi(D("9.00"), D("3.00"))) is RoiTier.PASS


def test_tier_labels_and_rank() -> None:
    assert [t.label for t in RoiTier] == ["不及格", "及格", "良好", "优秀"]
    assert [t.rank for t in RoiTier] == [0, 1, 2, 3]


def test_format_truncates_so_text_agrees_with_tier() -> None:
    assert format_roi(D("3.25")) == "1:3.25"
    assert format_roi(D(3)) == "1:3.00"
    assert format_roi(D("2.9999")) == "1:2.99"
    assert format_roi(None) == "—"
    assert format_roi(D("4.5678"), places=1) == "1:4.5"


def test_shop_cost_adds_ads_free_shipping_and_discounts() -> None:
    assert shop_cost(D("100"), D("20.50"), D("30")) == D("150.50")
    assert shop_cost(D("100"), None, None) == D("100")
    assert shop_cost(None, None, None) == D(0)


def test_shop_roi() -> None:
    r = shop_roi(D("600"), D("100"), D("50"), D("50"))
    assert r.cost == D("200")
    assert r.ratio == D(3)
    assert r.tier is RoiTier.PASS
    assert r.text == "1:3.00"
    assert r.tier_label == "及格"


def test_roi_result_with_zero_cost() -> None:
    r = roi_result(D("100"), None)
    assert r.ratio is None and r.tier is None and r.tier_label == "" and r.text == "—"
