"""Profit check before sign-up."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from shopdesk.campaigns import profit
from shopdesk.errors import InvalidInput


def test_margin_after_discount_commission_and_promotion() -> None:
    r = profit.check(
        D("100"), D("50"), discount=D("0.8"), commission_rate=D("0.05"), promotion_cost=D("6")
    )
    assert r.price_after_discount == D("80.00")
    assert r.commission == D("4.00")
    assert r.margin == D("20.00")  # 80 - 50 - 4 - 6
    assert r.margin_rate == D("0.2500")
    assert r.verdict == profit.GO and r.verdict_label == "可以报名"


def test_loss_is_no_go_and_thin_margin_warns() -> None:
    loss = profit.check(
        D("59"), D("45"), campaign_price=D("49.9"), commission_rate=D("0.05"), promotion_cost=D("3")
    )
    assert loss.margin == D("-0.60") and loss.verdict == profit.NO_GO
    thin = profit.check(D("100"), D("70"), campaign_price=D("80"), promotion_cost=D("7"))
    assert thin.margin == D("3.00") and thin.verdict == profit.THIN
    assert profit.overall_verdict([thin, loss]) == profit.NO_GO
    assert profit.overall_verdict([thin]) == profit.THIN
    assert profit.overall_verdict([]) == profit.GO


def test_commission_rounds_half_up_to_fen() -> None:
    r = profit.check(D("33.33"), D("10"), commission_rate=D("0.015"))
    assert r.commission == D("0.50")  # 0.49995 → 0.50
    assert isinstance(r.margin, D)


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("8折", D("0.8")),
        ("8.5折", D("0.85")),
        ("85折", D("0.85")),
        ("85%", D("0.85")),
        ("0.9", D("0.9")),
        ("８折", D("0.8")),
    ],
)
def test_parse_discount(text: str, factor: D) -> None:
    assert profit.parse_discount(text) == factor


@pytest.mark.parametrize("text", ["", "打折", "0折", "120%", "-0.5"])
def test_bad_discount(text: str) -> None:
    with pytest.raises(InvalidInput):
        profit.parse_discount(text)


def test_bad_inputs() -> None:
    with pytest.raises(InvalidInput):
        profit.check(D("-1"), D("1"))
    with pytest.raises(InvalidInput):
        profit.check(D("10"), D("1"), commission_rate=D("1.5"))
    with pytest.raises(InvalidInput):
        profit.check(D("10"), D("1"), discount=D("0"))
