"""Campaign calendar service: permissions, one unit of work per call, audit, plain rows out.

Stage tasks and reminders live in `task_service` and are re-exported here, because the checklist
finds `tasks_due`, `complete_task`, `reopen_task`, `reminders` and `reminder_days` on this module
(a contract with shopdesk/checklist).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, can, require
from shopdesk.campaigns import presets, profit, stages
from shopdesk.campaigns import recurrence as rec
from shopdesk.campaigns.calendar import overlaps
from shopdesk.campaigns.models import Campaign, CampaignSku, CampaignStageChange, CampaignTask
from shopdesk.campaigns.rows import (
    CalendarItem,
    CampaignDetail,
    CampaignInput,
    CampaignRow,
    CampaignSkuRow,
    CampaignTaskRow,
    PersonPick,
    ProductPick,
    ProfitSummary,
    ReviewRow,
    SkuInput,
    StageChangeRow,
)
from shopdesk.campaigns.store import (
    BASELINE_DAYS,
    ENTITY,
    MAX_DAYS,
    _add_task,
    _check_version,
    _facts,
    _get,
    _lead_times,
    _move_stage,
    _redate_tasks,
    _rows,
    _save,
    _snapshot,
    _task_row,
    _user_names,
)
from shopdesk.campaigns.task_service import (  # re-exported: the checklist's contract
    add_task,
    agenda,
    complete_task,
    delete_task,
    reminder_days,
    reminders,
    reopen_task,
    tasks_due,
)
from shopdesk.campaigns.tasks import (
    OWN_TASKS,
    STANDARD_TASKS,
    TaskTemplate,
    slowest_lead_time,
)
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound
from shopdesk.inventory.models import Product, Sale, Supplier
from shopdesk.metrics.roi import roi_result
from shopdesk.numbers import yuan
from shopdesk.reports import Report


def list_campaigns(
    db: Database,
    actor: Actor,
    range_from: date | None = None,
    range_to: date | None = None,
    *,
    stage: str | None = None,
    kind: str | None = None,
    text: str | None = None,
) -> list[CampaignRow]:
    """Campaigns overlapping the range (all when no range), filtered, by start date."""
    require(actor, Perm.VIEW_CAMPAIGNS)
    q = select(Campaign)
    if range_from is not None:
        q = q.where(Campaign.end >= range_from)
    if range_to is not None:
        q = q.where(Campaign.start <= range_to)
    if stage:
        q = q.where(Campaign.stage == stage)
    if kind:
        q = q.where(Campaign.kind == kind)
    if text and text.strip():
        like = f"%{text.strip()}%"
        q = q.where(
            or_(
                Campaign.name.like(like),
                Campaign.platform.like(like),
                Campaign.discount_text.like(like),
            )
        )
    with db.read() as s:
        found = s.execute(q.order_by(Campaign.start, Campaign.id)).scalars().all()
        return _rows(s, actor, found)


def calendar_items(
    db: Database, actor: Actor, range_from: date, range_to: date
) -> list[CalendarItem]:
    """Bars for the calendar: campaigns, and each day of a recurring activity, computed now."""
    items: list[CalendarItem] = []
    for c in list_campaigns(db, actor, range_from, range_to):
        if c.recurrence is None:
            items.append(CalendarItem(c.id, c.name, c.kind, c.stage, c.start, c.end))
            continue
        for day in rec.iter_occurrences(c.recurrence, c.start, c.end, range_from, range_to):
            items.append(CalendarItem(c.id, c.name, c.kind, c.stage, day, day, recurring=True))
    items.sort(key=lambda i: (i.start, i.campaign_id))
    return items


def _sku_rows(s: Session, actor: Actor, campaign_id: int) -> list[CampaignSkuRow]:
    cost_ok = can(actor, Perm.VIEW_COST)
    q = (
        select(CampaignSku, Product, Supplier.lead_time_days)
        .join(Product, Product.id == CampaignSku.product_id)
        .outerjoin(Supplier, Supplier.id == Product.supplier_id)
        .where(CampaignSku.campaign_id == campaign_id)
        .order_by(Product.sku)
    )
    return [
        CampaignSkuRow(
            product_id=p.id,
            sku=p.sku,
            name=p.name,
            uplift=cs.uplift,
            campaign_price=cs.campaign_price,
            price=p.price,
            cost_price=p.cost_price if cost_ok else None,
            lead_time_days=p.lead_time_days if p.lead_time_days is not None else sup_lead,
        )
        for cs, p, sup_lead in s.execute(q).tuples()
    ]


def _task_rows(
    s: Session, tasks: Sequence[CampaignTask], names_of: dict[int, str]
) -> list[CampaignTaskRow]:
    names = _user_names(s, [t.assignee_id for t in tasks] + [t.done_by_id for t in tasks])
    return [_task_row(t, names_of.get(t.campaign_id, ""), names) for t in tasks]


def _forecast(
    s: Session, c: Campaign, skus: Sequence[CampaignSkuRow]
) -> tuple[Decimal | None, int | None]:
    """Expected sales: baseline units/day × uplift × days × campaign price, per SKU."""
    if c.recurrence or not skus:
        return None, None
    first = c.start - timedelta(days=BASELINE_DAYS)
    q = (
        select(Sale.product_id, func.sum(Sale.units))
        .where(Sale.day >= first, Sale.day < c.start)
        .where(Sale.product_id.in_([k.product_id for k in skus]))
        .group_by(Sale.product_id)
    )
    sold = dict(s.execute(q).tuples().all())
    days = (c.end - c.start).days + 1
    factor = _discount_factor(c)
    units = Decimal(0)
    amount = Decimal(0)
    for k in skus:
        u = Decimal(int(sold.get(k.product_id) or 0)) / BASELINE_DAYS * k.uplift * days
        units += u
        price = k.campaign_price
        if price is None and k.price is not None:
            price = k.price * factor if factor is not None else k.price
        amount += u * (price or Decimal(0))
    return yuan(amount), int(units.to_integral_value())


def _review(s: Session, c: Campaign, skus: Sequence[CampaignSkuRow]) -> ReviewRow:
    result = roi_result(c.actual_sales, c.actual_cost)
    has_roi = c.actual_sales is not None and c.actual_cost is not None
    forecast, units = _forecast(s, c, skus)
    vs = None
    if forecast and c.actual_sales is not None:
        vs = (c.actual_sales / forecast - 1).quantize(Decimal("0.0001"))
    return ReviewRow(
        actual_sales=c.actual_sales,
        actual_cost=c.actual_cost,
        roi_text=result.text if has_roi else "—",
        roi_tier=result.tier_label if has_roi else "",
        forecast_sales=forecast,
        forecast_units=units,
        vs_forecast=vs,
        summary=c.summary,
    )


def _discount_factor(c: Campaign) -> Decimal | None:
    return _factor_of(c.discount_text)


def _factor_of(discount_text: str | None) -> Decimal | None:
    """The price factor when the discount text is a plain 折扣 (8折, 85%); None for 满减 text."""
    if not discount_text:
        return None
    try:
        return profit.parse_discount(discount_text)
    except InvalidInput:
        return None


def _profit(c: Campaign, skus: Sequence[CampaignSkuRow]) -> ProfitSummary:
    return profit_summary(skus, c.discount_text, c.commission_rate, c.promotion_cost)


def profit_summary(
    skus: Sequence[CampaignSkuRow],
    discount_text: str | None,
    commission_rate: Decimal | None,
    promotion_cost: Decimal | None,
) -> ProfitSummary:
    """The profit check for figures not saved yet, so the dialog can answer while one types."""
    checks = []
    missing = []
    factor = _factor_of(discount_text)
    for k in skus:
        if k.price is None or k.cost_price is None:
            missing.append(f"{k.sku}: 缺少售价或成本价")
            continue
        if k.campaign_price is None and factor is None:
            missing.append(f"{k.sku}: 未填活动价, 折扣文字也无法换算")
            continue
        checks.append(
            (
                k,
                profit.check(
                    k.price,
                    k.cost_price,
                    campaign_price=k.campaign_price,
                    discount=factor,
                    commission_rate=commission_rate or Decimal(0),
                    promotion_cost=promotion_cost or Decimal(0),
                ),
            )
        )
    verdict = profit.overall_verdict([p for _, p in checks])
    return ProfitSummary(checks, verdict, profit.VERDICT_LABELS[verdict], missing)


def get_campaign(db: Database, actor: Actor, campaign_id: int) -> CampaignDetail:
    require(actor, Perm.VIEW_CAMPAIGNS)
    with db.read() as s:
        c = _get(s, campaign_id)
        (row,) = _rows(s, actor, [c])
        skus = _sku_rows(s, actor, c.id)
        tasks = (
            s.execute(
                select(CampaignTask)
                .where(CampaignTask.campaign_id == c.id)
                .order_by(CampaignTask.due, CampaignTask.id)
            )
            .scalars()
            .all()
        )
        changes = (
            s.execute(
                select(CampaignStageChange)
                .where(CampaignStageChange.campaign_id == c.id)
                .order_by(CampaignStageChange.at, CampaignStageChange.id)
            )
            .scalars()
            .all()
        )
        names = _user_names(s, [ch.user_id for ch in changes])
        history = [
            StageChangeRow(ch.from_stage, ch.to_stage, ch.at, names.get(ch.user_id or 0), ch.note)
            for ch in changes
        ]
        return CampaignDetail(
            campaign=row,
            skus=skus,
            tasks=_task_rows(s, tasks, {c.id: c.name}),
            history=history,
            allowed_stages=stages.allowed_targets(c.stage, _facts(c)),
            review=_review(s, c, skus),
            profit=_profit(c, skus) if can(actor, Perm.VIEW_COST) else None,
        )


def find_products(db: Database, actor: Actor, text: str, limit: int = 20) -> list[ProductPick]:
    """Active products whose code or name contains `text`, exact code first."""
    require(actor, Perm.VIEW_CAMPAIGNS)
    needle = text.strip()
    if not needle:
        return []
    cost_ok = can(actor, Perm.VIEW_COST)
    q = (
        select(Product, Supplier.lead_time_days)
        .outerjoin(Supplier, Supplier.id == Product.supplier_id)
        .where(Product.active.is_(True))
        .where(or_(Product.sku.like(f"%{needle}%"), Product.name.like(f"%{needle}%")))
        .order_by((Product.sku != needle), Product.sku)
        .limit(limit)
    )
    with db.read() as s:
        return [
            ProductPick(
                p.id,
                p.sku,
                p.name,
                p.price,
                p.cost_price if cost_ok else None,
                p.lead_time_days if p.lead_time_days is not None else sup_lead,
            )
            for p, sup_lead in s.execute(q).tuples()
        ]


def people(db: Database, actor: Actor) -> list[PersonPick]:
    """Active users, for the owner and task assignee pickers."""
    require(actor, Perm.VIEW_CAMPAIGNS)
    with db.read() as s:
        q = select(User.id, User.name, User.job).where(User.active.is_(True)).order_by(User.id)
        return [PersonPick(i, n, j) for i, n, j in s.execute(q).tuples()]


def _validate(data: CampaignInput) -> tuple[date, date]:
    if not data.name or not data.name.strip():
        raise InvalidInput("请填写活动名称")
    if data.kind not in stages.KINDS:
        raise InvalidInput(f"活动类型无效: {data.kind}")
    if data.start is None or data.end is None:
        raise InvalidInput("请填写活动开始和结束日期")
    if data.end < data.start:
        raise InvalidInput("结束日期不能早于开始日期")
    if data.recurrence is None and (data.end - data.start).days >= MAX_DAYS:
        raise InvalidInput("单次活动不能超过一年; 长期活动请设为每周/每月重复")
    if data.signup_deadline and data.signup_deadline > data.start:
        raise InvalidInput("报名截止日期不能晚于活动开始")
    if data.budget is not None and data.budget < 0:
        raise InvalidInput("预算不能为负")
    if data.commission_rate is not None and not Decimal(0) <= data.commission_rate < 1:
        raise InvalidInput("平台佣金比例应在 0% 到 100% 之间")
    if data.promotion_cost is not None and data.promotion_cost < 0:
        raise InvalidInput("推广费不能为负")
    return data.start, data.end


def _apply(c: Campaign, data: CampaignInput, actor: Actor) -> None:
    start, end = _validate(data)
    c.name = data.name.strip()
    c.kind = data.kind
    c.platform = (data.platform or "").strip() or None
    c.signup_deadline = data.signup_deadline
    c.start, c.end = start, end
    c.discount_text = (data.discount_text or "").strip() or None
    c.budget = yuan(data.budget) if data.budget is not None else None
    c.owner_id = data.owner_id
    c.recurrence = data.recurrence.to_json() if data.recurrence else None
    if can(actor, Perm.VIEW_COST):  # others never see these, so they cannot change them
        c.commission_rate = data.commission_rate
        c.promotion_cost = yuan(data.promotion_cost) if data.promotion_cost is not None else None


def _set_skus(s: Session, c: Campaign, skus: Sequence[SkuInput]) -> None:
    seen: set[int] = set()
    for k in skus:
        if k.product_id in seen:
            raise InvalidInput("同一商品不能重复加入活动")
        seen.add(k.product_id)
        if s.get(Product, k.product_id) is None:
            raise NotFound(f"商品不存在: {k.product_id}")
        if not Decimal("0.1") <= k.uplift <= Decimal(100):
            raise InvalidInput(f"预计销量倍数应在 0.1 到 100 之间: {k.uplift}")
        if k.campaign_price is not None and k.campaign_price < 0:
            raise InvalidInput("活动价不能为负")
    existing = {
        cs.product_id: cs
        for cs in s.execute(select(CampaignSku).where(CampaignSku.campaign_id == c.id)).scalars()
    }
    for pid, cs in existing.items():
        if pid not in seen:
            s.delete(cs)
    for k in skus:
        found = existing.get(k.product_id)
        if found is None:
            found = CampaignSku(campaign_id=c.id, product_id=k.product_id)
            s.add(found)
        cs = found
        cs.uplift = k.uplift
        cs.campaign_price = yuan(k.campaign_price) if k.campaign_price is not None else None
    s.flush()


def create_campaign(
    db: Database,
    actor: Actor,
    data: CampaignInput,
    *,
    skus: Sequence[SkuInput] = (),
    tasks: Sequence[TaskTemplate] | None = None,
) -> int:
    """A new campaign at 计划 with its SKUs and tasks (the kind's standard ones by default)."""
    require(actor, Perm.EDIT_CAMPAIGNS)
    with db.write() as s:
        c = Campaign(stage="planned", updated_at=now(), updated_by_id=actor.id)
        _apply(c, data, actor)
        s.add(c)
        s.flush()
        _set_skus(s, c, skus)
        lead = slowest_lead_time(_lead_times(s, c.id))
        chosen = (
            tasks if tasks is not None else (STANDARD_TASKS if c.kind == "official" else OWN_TASKS)
        )
        for t in chosen:
            _add_task(s, c, t, lead)
        s.add(
            CampaignStageChange(
                campaign_id=c.id, from_stage=None, to_stage="planned", user_id=actor.id
            )
        )
        after = _snapshot(c) | {"skus": [(k.product_id, k.uplift) for k in skus]}
        audit.record(s, actor, ENTITY, c.id, "create", None, after)
        return c.id


def create_from_preset(
    db: Database, actor: Actor, key: str, on_or_after: date, *, owner_id: int | None = None
) -> int:
    """One step: a festival or weekly activity with its usual dates, discount text and tasks."""
    d = presets.draft(key, on_or_after)
    data = CampaignInput(
        name=d.name,
        kind=d.kind,
        start=d.start,
        end=d.end,
        platform=d.platform,
        signup_deadline=d.signup_deadline,
        discount_text=d.discount_text,
        owner_id=owner_id if owner_id is not None else actor.id,
        recurrence=d.recurrence,
    )
    return create_campaign(db, actor, data, tasks=d.tasks)


def update_campaign(
    db: Database,
    actor: Actor,
    campaign_id: int,
    data: CampaignInput,
    *,
    expected_version: int | None = None,
    skus: Sequence[SkuInput] | None = None,
) -> CampaignRow:
    """Change the fields (and SKUs when given); open tasks follow the new dates."""
    require(actor, Perm.EDIT_CAMPAIGNS)
    with db.write() as s:
        c = _get(s, campaign_id)
        _check_version(c, expected_version)
        before = _snapshot(c)
        _apply(c, data, actor)
        c.updated_at, c.updated_by_id = now(), actor.id
        if skus is not None:
            _set_skus(s, c, skus)
        if c.kind == "own":  # an own activity has no sign-up: its open sign-up tasks go
            s.execute(
                delete(CampaignTask).where(
                    CampaignTask.campaign_id == c.id,
                    CampaignTask.stage.in_(("registered", "approved")),
                    CampaignTask.done_at.is_(None),
                )
            )
        _redate_tasks(s, c)
        _save(s)
        old, new = audit.changes(before, _snapshot(c))
        if skus is not None:
            new["skus"] = [(k.product_id, k.uplift, k.campaign_price) for k in skus]
        audit.record(s, actor, ENTITY, c.id, "update", old, new)
        return _rows(s, actor, [c])[0]


def move_campaign(
    db: Database,
    actor: Actor,
    campaign_id: int,
    new_start: date,
    *,
    new_end: date | None = None,
    expected_version: int | None = None,
) -> CampaignRow:
    """Move (keeping its length) or resize a campaign; used by drag and by the keyboard."""
    require(actor, Perm.EDIT_CAMPAIGNS)
    with db.write() as s:
        c = _get(s, campaign_id)
        _check_version(c, expected_version)
        end = new_end if new_end is not None else new_start + (c.end - c.start)
        if end < new_start:
            raise InvalidInput("结束日期不能早于开始日期")
        if c.signup_deadline and c.signup_deadline > new_start:
            raise InvalidInput("报名截止日期不能晚于活动开始")
        before = {"start": c.start, "end": c.end}
        c.start, c.end = new_start, end
        c.updated_at, c.updated_by_id = now(), actor.id
        _redate_tasks(s, c)
        _save(s)
        audit.record(s, actor, ENTITY, c.id, "move", before, {"start": c.start, "end": c.end})
        return _rows(s, actor, [c])[0]


def delete_campaign(db: Database, actor: Actor, campaign_id: int) -> None:
    """Remove a campaign entered by mistake (a real one is cancelled instead, to keep history)."""
    require(actor, Perm.EDIT_CAMPAIGNS)
    with db.write() as s:
        c = _get(s, campaign_id)
        if c.stage not in ("planned", "cancelled"):
            raise InvalidInput("只有“计划”或“已取消”的活动可以删除; 其他请先取消")
        before = _snapshot(c) | {"stage": c.stage}
        for model in (CampaignTask, CampaignSku, CampaignStageChange):
            s.execute(delete(model).where(model.campaign_id == c.id))
        s.delete(c)
        audit.record(s, actor, ENTITY, campaign_id, "delete", before, None)


def change_stage(
    db: Database,
    actor: Actor,
    campaign_id: int,
    target: str,
    *,
    reason: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> CampaignRow:
    """Move to another stage, dated and attributed; 未通过 needs the reason."""
    require(actor, Perm.EDIT_CAMPAIGNS)
    with db.write() as s:
        c = _get(s, campaign_id)
        _check_version(c, expected_version)
        _move_stage(s, actor, c, target, reason, note)
        return _rows(s, actor, [c])[0]


def record_review(
    db: Database,
    actor: Actor,
    campaign_id: int,
    *,
    actual_sales: Decimal | None,
    actual_cost: Decimal | None,
    summary: str | None,
    expected_version: int | None = None,
) -> CampaignRow:
    """After the campaign: actual sales and cost (for ROI) and the written 活动总结."""
    require(actor, Perm.EDIT_CAMPAIGNS)
    for value in (actual_sales, actual_cost):
        if value is not None and value < 0:
            raise InvalidInput("实际销售额和成本不能为负")
    with db.write() as s:
        c = _get(s, campaign_id)
        _check_version(c, expected_version)
        before = {
            "actual_sales": c.actual_sales,
            "actual_cost": c.actual_cost,
            "summary": c.summary,
        }
        c.actual_sales = yuan(actual_sales) if actual_sales is not None else None
        c.actual_cost = yuan(actual_cost) if actual_cost is not None else None
        c.summary = (summary or "").strip() or None
        c.updated_at, c.updated_by_id = now(), actor.id
        _save(s)
        after = {"actual_sales": c.actual_sales, "actual_cost": c.actual_cost, "summary": c.summary}
        old, new = audit.changes(before, after)
        audit.record(s, actor, ENTITY, c.id, "review", old, new)
        return _rows(s, actor, [c])[0]


def restock_campaigns(db: Database, range_from: date, range_to: date) -> list[dict[str, Any]]:
    """product_id, start, end, uplift, stage per campaign × SKU occurrence overlapping the range.

    The shape `shopdesk.inventory.restock.compute` takes; a recurring activity gives one row per
    day it falls on, computed here so the inventory code need not know about recurrence.
    """
    q = (
        select(Campaign, CampaignSku.product_id, CampaignSku.uplift)
        .join(CampaignSku, CampaignSku.campaign_id == Campaign.id)
        .where(Campaign.end >= range_from, Campaign.start <= range_to)
    )
    out: list[dict[str, Any]] = []
    with db.read() as s:
        for c, pid, uplift in s.execute(q).tuples():
            base = {"product_id": pid, "uplift": uplift, "stage": c.stage, "campaign_id": c.id}
            if not c.recurrence:
                out.append(base | {"start": c.start, "end": c.end})
                continue
            rule = rec.parse(c.recurrence)
            for d in rec.iter_occurrences(rule, c.start, c.end, range_from, range_to):
                out.append(base | {"start": d, "end": d})
    return out


def export_ics(db: Database, actor: Actor, range_from: date, range_to: date) -> bytes:
    """The campaigns overlapping the range (not cancelled), with sign-up deadlines, as .ics."""
    from shopdesk.campaigns.ics import IcsEvent, to_ics

    events = []
    for c in list_campaigns(db, actor, range_from, range_to):
        if c.stage == stages.CANCELLED:
            continue
        desc = [f"阶段: {c.stage_label}", f"类型: {c.kind_label}"]
        if c.platform:
            desc.append(f"平台: {c.platform}")
        if c.discount_text:
            desc.append(f"优惠: {c.discount_text}")
        if c.recurrence:
            desc.append(f"重复: {c.recurrence_text}")
        events.append(
            IcsEvent(
                uid=f"campaign-{c.id}@shopdesk",
                summary=c.name,
                start=c.start,
                end=c.end,
                description="\n".join(desc),
                category=c.kind_label,
                recurrence=c.recurrence,
            )
        )
        if (
            c.signup_deadline
            and c.stage == "planned"
            and overlaps(c.signup_deadline, c.signup_deadline, range_from, range_to)
        ):
            events.append(
                IcsEvent(
                    uid=f"campaign-{c.id}-signup@shopdesk",
                    summary=f"报名截止: {c.name}",
                    start=c.signup_deadline,
                    end=c.signup_deadline,
                    category="报名截止",
                    alarm_days_before=1,
                )
            )
    return to_ics(events)


def plan_report(db: Database, actor: Actor, range_from: date, range_to: date) -> Report:
    """The printable plan of the campaigns overlapping the range."""
    from shopdesk.campaigns.report import plan_report as build
    from shopdesk.settings import service as settings

    rows = list_campaigns(db, actor, range_from, range_to)
    return build(rows, range_from, range_to, str(settings.read(db, "shop.name") or ""))


__all__ = [
    "add_task",
    "agenda",
    "calendar_items",
    "change_stage",
    "complete_task",
    "create_campaign",
    "create_from_preset",
    "delete_campaign",
    "delete_task",
    "export_ics",
    "find_products",
    "get_campaign",
    "list_campaigns",
    "move_campaign",
    "people",
    "plan_report",
    "profit_summary",
    "record_review",
    "reminder_days",
    "reminders",
    "reopen_task",
    "restock_campaigns",
    "tasks_due",
    "update_campaign",
]
