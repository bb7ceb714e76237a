"""Demo shop part: two years of believable daily figures and ad-channel spend.

Paid amounts follow the demo's own sales where they exist (the last `shop.days` days), so the
metrics tab and the restock sheet tell the same story; older days follow the same weekly and
festival rhythm, scaled to that level, so the 365-day charts have a past to compare with.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, insert, select

from shopdesk import audit
from shopdesk.db.engine import Database
from shopdesk.metrics.install import install
from shopdesk.metrics.models import AdChannel, ChannelDaily, DailyMetric

HISTORY_DAYS = 730
CENT = Decimal("0.01")


def _money(x: float) -> Decimal:
    return Decimal(str(round(max(x, 0.0), 2))).quantize(CENT, rounding=ROUND_HALF_UP)


def _ratio(x: float, places: int = 6) -> Decimal:
    return Decimal(str(round(x, places)))


def populate(db: Database, shop: Any) -> None:
    """Fill daily_metrics and channel_daily for the HISTORY_DAYS days before shop.today."""
    from shopdesk.demo import festival_factor
    from shopdesk.inventory.models import Sale

    rng = shop.rng
    end = shop.today - timedelta(days=1)
    start = end - timedelta(days=HISTORY_DAYS - 1)
    with db.write() as s:
        install(s)
        sold = {
            d: Decimal(v or 0)
            for d, v in s.execute(
                select(Sale.day, func.sum(Sale.revenue)).where(Sale.day >= start).group_by(Sale.day)
            )
        }
        units = int(s.scalar(select(func.sum(Sale.units)).where(Sale.day >= start)) or 0)
        unit_price = float(sum(sold.values())) / max(units, 1) if sold else 60.0
        # Level of an ordinary day, to scale the days before the sales history.
        plain = [
            float(v) / festival_factor(d) / (1.2 if d.weekday() >= 5 else 1.0)
            for d, v in sold.items()
        ]
        level = sum(plain) / len(plain) if plain else 20_000.0
        channels = {c.name: c.id for c in s.execute(select(AdChannel)).scalars()}
        days: list[dict[str, Any]] = []
        chans: list[dict[str, Any]] = []
        dsr = [4.82, 4.85, 4.78]
        # Slow random walks, so day-to-day changes look like a real shop's, not like noise.
        conv_w, depth_w, bounce_w = 0.033, 2.8, 0.63
        for i in range(HISTORY_DAYS):
            day = start + timedelta(days=i)
            fest = festival_factor(day)
            weekly = 1.2 if day.weekday() >= 5 else 1.0
            if day in sold:
                paid = float(sold[day])
            else:
                growth = 0.75 + 0.25 * i / HISTORY_DAYS  # the shop grew over two years
                paid = level * fest * weekly * growth * rng.uniform(0.85, 1.15)
            aov = unit_price * rng.uniform(1.25, 1.55) * (0.9 if fest > 1.5 else 1.0)
            buyers = max(1, round(paid / aov))
            conv_w = min(0.045, max(0.024, conv_w + rng.gauss(0, 0.0012)))
            conv = conv_w * (1.35 if fest > 1.5 else 1.0) * rng.uniform(0.95, 1.05)
            visitors = max(buyers, round(buyers / conv))
            depth_w = min(3.4, max(2.2, depth_w + rng.gauss(0, 0.05)))
            depth = depth_w * rng.uniform(0.96, 1.04)
            page_views = round(visitors * depth)
            orders = buyers + round(buyers * rng.uniform(0.02, 0.09))
            bounce_w = min(0.72, max(0.52, bounce_w + rng.gauss(0, 0.008)))
            bounce = bounce_w * rng.uniform(0.97, 1.03) - (0.05 if fest > 1.5 else 0.0)
            dsr = [min(4.99, max(4.6, x + rng.gauss(0, 0.004))) for x in dsr]
            paid_d = _money(paid)
            days.append(
                {
                    "day": day,
                    "visitors": visitors,
                    "page_views": page_views,
                    "paying_buyers": buyers,
                    "orders": orders,
                    "paid_amount": paid_d,
                    "conversion": (Decimal(buyers) / visitors).quantize(Decimal("0.000001")),
                    "aov": (paid_d / buyers).quantize(CENT, rounding=ROUND_HALF_UP),
                    "bounce_rate": _ratio(bounce),
                    "pages_per_visit": (Decimal(page_views) / visitors).quantize(Decimal("0.0001")),
                    "dsr_description": _ratio(dsr[0], 4),
                    "dsr_service": _ratio(dsr[1], 4),
                    "dsr_logistics": _ratio(dsr[2], 4),
                    "after_sales_score": _ratio(4.7 + rng.uniform(-0.08, 0.15), 4),
                    "free_shipping_cost": _money(orders * rng.uniform(0.25, 0.4) * 5.5),
                    "discounts": _money(
                        paid * rng.uniform(0.04, 0.08) * (1.8 if fest > 1.5 else 1)
                    ),
                    "source": "demo",
                    "version": 1,
                }
            )
            plan = [
                ("直通车", 0.15, rng.uniform(2.5, 5.4)),
                ("钻展/引力魔方", 0.06, rng.uniform(1.8, 4.3)),
                ("淘宝客", 0.08, rng.uniform(6.5, 10.0)),
            ]
            if day.weekday() in (0, 3):  # SMS pushes on Monday and Thursday
                plan.append(("短信营销", 0.015, rng.uniform(3.0, 9.0)))
            for name, share, roi in plan:
                sales = paid * share * rng.uniform(0.8, 1.2)
                chans.append(
                    {
                        "day": day,
                        "channel_id": channels[name],
                        "spend": _money(sales / roi),
                        "sales": _money(sales),
                    }
                )
        s.execute(insert(DailyMetric), days)
        s.execute(insert(ChannelDaily), chans)
        audit.record(
            s,
            shop.owner,
            "demo",
            "metrics",
            "generate",
            None,
            {"days": len(days), "channel_rows": len(chans), "from": start, "to": end},
        )
