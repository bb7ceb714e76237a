"""Profit check before sign-up ([000] 活动 1②: register for everything unless the numbers fail).

margin per unit = price after discount − cost − platform commission − promotion cost per unit,
where commission = price after discount × commission rate. All Decimal, rounded to the fen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from shopdesk.errors import InvalidInput
from shopdesk.numbers import NumberError, parse_decimal, yuan

GO = "go"
THIN = "thin"  # still positive, but a small slip (returns, a coupon) will eat it
NO_GO = "no_go"
VERDICT_LABELS = {GO: "可以报名", THIN: "利润偏薄, 谨慎报名", NO_GO: "不建议报名(亏损)"}
# Below this margin rate (of the price after discount) the hint says "thin".
THIN_MARGIN_RATE = Decimal("0.05")

_ZHE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*折\s*$")


@dataclass(frozen=True)
class ProfitCheck:
    price: Decimal
    price_after_discount: Decimal
    cost: Decimal
    commission: Decimal
    promotion_cost: Decimal
    margin: Decimal  # per unit
    margin_rate: Decimal  # margin ÷ price after discount (0 when that price is 0)
    verdict: str

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def parse_discount(text: str) -> Decimal:
    """A price factor from '8折', '8.5折', '85%', '0.85' (what is paid, not what is taken off)."""
    s = text.strip()
    m = _ZHE.match(s)
    try:
        if m:
            value = parse_decimal(m.group(1))
            factor = value / 10 if value <= 10 else value / 100  # 8折 / 85折
        elif s.endswith("%"):
            factor = parse_decimal(s[:-1]) / 100
        else:
            factor = parse_decimal(s)
    except NumberError as exc:
        raise InvalidInput(f"折扣“{text}”无法识别: {exc}") from exc
    if not Decimal(0) < factor <= 1:
        raise InvalidInput(f"折扣“{text}”应在 0 折到 10 折之间")
    return factor


def check(
    price: Decimal,
    cost: Decimal,
    *,
    discount: Decimal | None = None,
    campaign_price: Decimal | None = None,
    commission_rate: Decimal = Decimal(0),
    promotion_cost: Decimal = Decimal(0),
) -> ProfitCheck:
    """Margin per unit at the campaign price (given directly, or as price × discount factor)."""
    if price < 0 or cost < 0 or promotion_cost < 0:
        raise InvalidInput("价格、成本和推广费不能为负")
    if not Decimal(0) <= commission_rate < 1:
        raise InvalidInput("平台佣金比例应在 0% 到 100% 之间")
    if campaign_price is not None:
        after = yuan(campaign_price)
    elif discount is not None:
        if not Decimal(0) < discount <= 1:
            raise InvalidInput("折扣应在 0 折到 10 折之间")
        after = yuan(price * discount)
    else:
        after = yuan(price)
    commission = yuan(after * commission_rate)
    margin = yuan(after - cost - commission - promotion_cost)
    rate = (margin / after).quantize(Decimal("0.0001")) if after else Decimal(0)
    if margin <= 0:
        verdict = NO_GO
    elif rate < THIN_MARGIN_RATE:
        verdict = THIN
    else:
        verdict = GO
    return ProfitCheck(
        price=yuan(price),
        price_after_discount=after,
        cost=yuan(cost),
        commission=commission,
        promotion_cost=yuan(promotion_cost),
        margin=margin,
        margin_rate=rate,
        verdict=verdict,
    )


def overall_verdict(checks: list[ProfitCheck]) -> str:
    """The campaign's hint: no-go if any SKU loses money, thin if any is thin, else go."""
    if not checks:
        return GO
    if any(c.verdict == NO_GO for c in checks):
        return NO_GO
    if any(c.verdict == THIN for c in checks):
        return THIN
    return GO
