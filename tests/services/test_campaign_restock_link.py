"""The restock sheet sees the campaign calendar (DOMAIN.md §2 campaign extra and baseline rule)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from shopdesk.auth.actor import Actor
from shopdesk.campaigns import recurrence as rec
from shopdesk.campaigns import service as svc
from shopdesk.campaigns.rows import CampaignInput, SkuInput
from shopdesk.db.engine import Database
from shopdesk.inventory import service as inventory
from shopdesk.inventory.models import Product, Sale
from shopdesk.inventory.restock import RestockRow

SHEET = date(2026, 11, 26)  # a Thursday


@pytest.fixture
def sku(db: Database) -> int:
    """2 units a day for the 28 days before the sheet, 12 a day on 10..13 Nov (a promotion)."""
    with db.write() as s:
        p = Product(sku="HOT1", name="保温杯", lead_time_days=10, on_hand=0, tier="regular")
        s.add(p)
        s.flush()
        for i in range(1, 29):
            day = SHEET - timedelta(days=i)
            units = 12 if date(2026, 11, 10) <= day <= date(2026, 11, 13) else 2
            s.add(Sale(day=day, product_id=p.id, units=units))
        return p.id


def _line(db: Database, owner: Actor) -> RestockRow:
    sheet = inventory.compute_sheet(db, owner, SHEET)
    (line,) = [ln.row for ln in sheet.lines if ln.row.sku == "HOT1"]
    return line


def test_upcoming_campaign_adds_extra_and_rejected_does_not(
    db: Database, owner: Actor, sku: int
) -> None:
    before = _line(db, owner)
    assert before.campaign_extra == 0
    d12 = CampaignInput(
        name="双12",
        start=date(2026, 12, 10),
        end=date(2026, 12, 12),
        signup_deadline=date(2026, 11, 25),
    )
    cid = svc.create_campaign(db, owner, d12, skus=[SkuInput(sku, D("3"))])
    after = _line(db, owner)
    # cover = 10 lead + 7 review + 4 safety = 21 days from 26 Nov → up to 16 Dec: all 3 days inside
    v = after.velocity
    assert after.campaign_extra == pytest.approx(v * 2 * 3)
    svc.change_stage(db, owner, cid, "registered")
    svc.change_stage(db, owner, cid, "rejected", reason="未入选")
    assert _line(db, owner).campaign_extra == 0


def test_past_campaign_days_left_out_of_baseline(db: Database, owner: Actor, sku: int) -> None:
    plain = _line(db, owner)
    assert plain.velocity == pytest.approx((24 * 2 + 4 * 12) / 28)
    promo = CampaignInput(
        name="店铺秒杀", kind="own", start=date(2026, 11, 10), end=date(2026, 11, 13)
    )
    cid = svc.create_campaign(db, owner, promo, skus=[SkuInput(sku, D("5"))])
    svc.change_stage(db, owner, cid, "live")
    line = _line(db, owner)
    assert line.velocity == pytest.approx(2.0)
    assert line.velocity_days == 24


def test_weekly_activity_counts_each_day(db: Database, owner: Actor, sku: int) -> None:
    weekly = CampaignInput(
        name="周四免邮",
        kind="own",
        start=date(2026, 12, 1),
        end=date(2027, 12, 1),
        recurrence=rec.weekly(3),
    )
    svc.create_campaign(db, owner, weekly, skus=[SkuInput(sku, D("2"))])
    line = _line(db, owner)
    # Thursdays 3 and 10 Dec fall inside 26 Nov .. 16 Dec
    assert line.campaign_extra == pytest.approx(line.velocity * 1 * 2)
