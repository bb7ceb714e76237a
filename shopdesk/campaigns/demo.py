"""The demo shop's campaigns: the festivals around the last months (done, live, coming), a rejected
聚划算, a cancelled 淘抢购, a 天天特价 whose sign-up closes soon, and the weekly activities.

Everything is relative to the demo's `today`, so the calendar looks lived-in whenever it is made.
Campaigns go through the real service (so history, tasks and audit are real); afterwards the
stage changes and ticks are re-dated to the days they would have happened.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update

from shopdesk.auth.actor import Actor
from shopdesk.campaigns import overlay, presets, service, stages
from shopdesk.campaigns.models import Campaign, CampaignStageChange, CampaignTask
from shopdesk.campaigns.rows import CampaignInput, SkuInput
from shopdesk.campaigns.tasks import STANDARD_TASKS
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product, Sale

if TYPE_CHECKING:
    from shopdesk.demo import DemoShop

_SUMMARIES = (
    "主推款转化好, 第二天下午断货两小时; 下次备货按预计销量的1.2倍。",
    "流量主要来自活动会场, 客单价比平时低; 搭配套餐效果一般, 下次减少赠品。",
    "客服询单量翻倍, 响应时间变慢; 活动前需增加临时客服。",
)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _worker(shop: DemoShop, job: str | None) -> Actor:
    people = shop.by_job(job) if job else []
    return people[0] if people else shop.owner


def _advance(db: Database, shop: DemoShop, cid: int, target: str, *, actuals: bool) -> None:
    """Walk the pipeline up to `target`, ticking each stage's tasks as the right person."""
    planner = shop.users.get("孙浩", shop.owner)
    detail = service.get_campaign(db, shop.owner, cid)
    kind = detail.campaign.kind
    path = [s for s in stages.STAGES if kind == "official" or s not in ("registered", "approved")]
    for stage in path[1 : path.index(target) + 1]:
        if stage == "reviewed" and actuals:
            _review(db, shop, cid)
        for task in [t for t in detail.tasks if t.stage == stage and not t.done]:
            service.complete_task(db, _worker(shop, task.job), task.id, None)
        current = service.get_campaign(db, shop.owner, cid).campaign.stage
        if stages.stage_index(current) < stages.stage_index(stage):
            service.change_stage(db, planner, cid, stage)


def _review(db: Database, shop: DemoShop, cid: int) -> None:
    detail = service.get_campaign(db, shop.owner, cid)
    c = detail.campaign
    forecast = detail.review.forecast_sales
    if forecast:  # the forecast, missed or beaten by up to 35%
        sales = (forecast * Decimal(str(round(shop.rng.uniform(0.7, 1.35), 2)))).quantize(
            Decimal("0.01")
        )
    else:
        ids = [k.product_id for k in detail.skus]
        with db.read() as s:
            sold = s.scalar(
                select(func.coalesce(func.sum(Sale.revenue), 0)).where(
                    Sale.product_id.in_(ids), Sale.day.between(c.start, c.end)
                )
            )
        sales = Decimal(sold or 0).quantize(Decimal("0.01"))
    roi = Decimal(str(round(shop.rng.uniform(2.4, 6.2), 2)))
    cost = (sales / roi).quantize(Decimal("0.01")) if sales else Decimal("0.00")
    summary = shop.rng.choice(_SUMMARIES)
    service.record_review(
        db, shop.owner, cid, actual_sales=sales, actual_cost=cost, summary=summary
    )


def _skus(db: Database, shop: DemoShop, n: int) -> list[SkuInput]:
    """Hero SKUs first, an expected uplift each, and a campaign price of 75–90% of the price."""
    rng = shop.rng
    chosen = rng.sample(shop.hero_ids, min(3, len(shop.hero_ids)))
    others = [p for p in shop.product_ids if p not in chosen]
    chosen += rng.sample(others, min(max(n - len(chosen), 0), len(others)))
    with db.read() as s:
        q = select(Product.id, Product.price).where(Product.id.in_(chosen))
        prices = dict(s.execute(q).tuples().all())
    out = []
    for pid in chosen:
        price = prices.get(pid)
        factor = Decimal(rng.choice([75, 80, 85, 90])) / 100
        deal = (price * factor).quantize(Decimal("0.1")) if price else None
        out.append(SkuInput(pid, Decimal(str(round(rng.uniform(1.5, 3.0), 1))), deal))
    return out


def _festival(db: Database, shop: DemoShop, key: str, year: int, target: str) -> int:
    draft = presets.festival_draft(key, year)
    data = CampaignInput(
        name=draft.name,
        kind="official",
        platform=draft.platform,
        start=draft.start,
        end=draft.end,
        signup_deadline=draft.signup_deadline,
        discount_text=draft.discount_text,
        budget=Decimal(shop.rng.choice([3000, 5000, 8000, 20000])),
        owner_id=shop.users.get("陈晨", shop.owner).id,
        commission_rate=Decimal("0.05"),
        promotion_cost=Decimal("3.00"),
    )
    cid = service.create_campaign(db, shop.owner, data, skus=_skus(db, shop, 8), tasks=draft.tasks)
    _advance(db, shop, cid, target, actuals=target == "reviewed")
    return cid


def _target_for(start: date, end: date, today: date, latest_done: bool) -> str:
    if end < today:
        return "live" if latest_done else "reviewed"  # the latest one still waits for its review
    if start <= today:
        return "live"
    if (start - today).days <= 21:
        return "approved"
    return "planned"


def _festivals(db: Database, shop: DemoShop) -> None:
    first = shop.today - timedelta(days=shop.days)
    horizon = shop.today + timedelta(days=75)
    found = [
        (f.usual_start, f.usual_end, f.key, year)
        for year in (shop.today.year - 1, shop.today.year, shop.today.year + 1)
        for f in overlay.festivals(year)
        if f.usual_start >= first and f.usual_start <= horizon
    ]
    found.sort()
    ended = [f for f in found if f[1] < shop.today]
    latest = ended[-1] if ended else None
    for start, end, key, year in found:
        _festival(
            db,
            shop,
            key,
            year,
            _target_for(start, end, shop.today, (start, end, key, year) == latest),
        )


def _others(db: Database, shop: DemoShop) -> None:
    t = shop.today
    owner_id = shop.users.get("刘洋", shop.owner).id
    base = CampaignInput(name="", kind="official", platform="淘宝", owner_id=owner_id)
    # a rejected 聚划算 about two months ago
    start = t - timedelta(days=60)
    rejected = replace(
        base,
        name="聚划算 · 保温杯专场",
        platform="聚划算",
        start=start,
        end=start + timedelta(days=2),
        signup_deadline=start - timedelta(days=20),
        discount_text="聚划算价 59 元, 限量 2000 件",
    )
    cid = service.create_campaign(db, shop.owner, rejected, skus=_skus(db, shop, 3))
    service.complete_task(db, _worker(shop, "运营"), _task(db, cid, "registered"), "已报名")
    service.change_stage(
        db, shop.users.get("孙浩", shop.owner), cid, "rejected",
        reason="类目近30天销量未达门槛; 同行“乐家”以49元入选, 需关注其价格和评价",
    )  # fmt: skip
    # a cancelled 淘抢购
    start = t - timedelta(days=25)
    cancelled = replace(
        base, name="淘抢购 · 香薰", start=start, end=start, signup_deadline=start - timedelta(10)
    )
    cid = service.create_campaign(db, shop.owner, cancelled, skus=_skus(db, shop, 2))
    service.change_stage(db, shop.owner, cid, "cancelled", note="供应商延迟到货")
    # a 天天特价 whose sign-up closes in a few days (shows as a reminder)
    start = t + timedelta(days=16)
    soon = replace(
        base,
        name="天天特价 · 收纳盒",
        platform="天天特价",
        start=start,
        end=start + timedelta(days=2),
        signup_deadline=t + timedelta(days=4),
        discount_text="8折",
    )
    service.create_campaign(db, shop.owner, soon, skus=_skus(db, shop, 3), tasks=STANDARD_TASKS)


def _task(db: Database, cid: int, stage: str) -> int:
    with db.read() as s:
        return int(
            s.scalars(
                select(CampaignTask.id).where(
                    CampaignTask.campaign_id == cid, CampaignTask.stage == stage
                )
            ).first()
            or 0
        )


def _weekly(db: Database, shop: DemoShop) -> None:
    since = shop.today - timedelta(days=min(shop.days, 90))
    for key in ("mon_group", "tue_special", "wed_new", "thu_freeship", "member_day"):
        cid = service.create_from_preset(db, shop.owner, key, since)
        _advance(db, shop, cid, "live", actuals=False)


def _redate(db: Database, shop: DemoShop) -> None:
    """Stage changes and ticks happened on their days, not all at generation time."""
    with db.write() as s:
        for c in s.execute(select(Campaign)).scalars():
            tasks = {
                t.stage: t
                for t in s.execute(
                    select(CampaignTask).where(CampaignTask.campaign_id == c.id)
                ).scalars()
            }
            changes = (
                s.execute(
                    select(CampaignStageChange)
                    .where(CampaignStageChange.campaign_id == c.id)
                    .order_by(CampaignStageChange.id)
                )
                .scalars()
                .all()
            )
            first_day = min(
                [c.signup_deadline or c.start, *(t.due for t in tasks.values())]
            ) - timedelta(days=7)
            last = first_day
            for i, ch in enumerate(changes):
                task = tasks.get(ch.to_stage)
                if ch.to_stage == "planned" and ch.from_stage is None:
                    day = first_day
                elif task is not None:
                    day = task.due
                elif ch.to_stage == "live":
                    day = c.start
                elif ch.to_stage == "approved":
                    day = (c.signup_deadline or c.start - timedelta(days=14)) + timedelta(days=3)
                else:
                    day = first_day + timedelta(days=i)
                day = max(min(day, shop.today), last)  # history never runs backwards
                last = day
                ch.at = _at(day, 9 + i % 8)
            for t in tasks.values():
                if t.done_at is not None:
                    t.done_at = _at(min(t.due, shop.today), 15)
        s.execute(update(Campaign).values(created_at=_at(shop.today - timedelta(days=shop.days))))


def populate(db: Database, shop: DemoShop) -> None:
    _festivals(db, shop)
    _others(db, shop)
    _weekly(db, shop)
    _redate(db, shop)
