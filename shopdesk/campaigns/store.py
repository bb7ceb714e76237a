"""Session-level helpers shared by the campaign services (not called by the GUI or CLI)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, object_session

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, can
from shopdesk.campaigns import recurrence as rec
from shopdesk.campaigns import stages
from shopdesk.campaigns.models import Campaign, CampaignSku, CampaignStageChange, CampaignTask
from shopdesk.campaigns.rows import (
    CampaignRow,
    CampaignTaskRow,
)
from shopdesk.campaigns.tasks import (
    TaskTemplate,
    due_date,
    slowest_lead_time,
)
from shopdesk.clock import now
from shopdesk.db.conflict import message, stale_record
from shopdesk.errors import NotFound, StaleRecord
from shopdesk.inventory.models import Product, Supplier

ENTITY = "campaign"
TASK_ENTITY = "campaign_task"
MAX_DAYS = 366  # a single campaign longer than a year is a typing mistake
BASELINE_DAYS = 28  # forecast baseline: the 28 days before the start, as the restock sheet
# An open task stops showing as overdue this long after its campaign ended.
OVERDUE_GRACE_DAYS = 30


def _user_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(s.execute(select(User.id, User.name).where(User.id.in_(wanted))).tuples().all())


def _get(s: Session, campaign_id: int) -> Campaign:
    row = s.get(Campaign, campaign_id)
    if row is None:
        raise NotFound(f"活动不存在: {campaign_id}")
    return row


def _check_version(row: Campaign | CampaignTask, expected: int | None) -> None:
    if expected is not None and row.version != expected:
        s = object_session(row)
        if s is None:
            raise StaleRecord(message("活动", None))
        entity = ENTITY if isinstance(row, Campaign) else TASK_ENTITY
        raise stale_record(s, entity, row.id, "活动" if entity == ENTITY else "活动任务")


def _recurrence(raw: dict[str, object] | None) -> rec.Recurrence | None:
    return rec.parse(raw) if raw else None


def _campaign_row(c: Campaign, names: dict[int, str], sku_count: int, actor: Actor) -> CampaignRow:
    money_ok = can(actor, Perm.VIEW_COST)
    return CampaignRow(
        id=c.id,
        name=c.name,
        kind=c.kind,
        platform=c.platform,
        signup_deadline=c.signup_deadline,
        start=c.start,
        end=c.end,
        discount_text=c.discount_text,
        budget=c.budget,
        owner_id=c.owner_id,
        owner_name=names.get(c.owner_id) if c.owner_id else None,
        stage=c.stage,
        reject_reason=c.reject_reason,
        recurrence=_recurrence(c.recurrence),
        commission_rate=c.commission_rate if money_ok else None,
        promotion_cost=c.promotion_cost if money_ok else None,
        actual_sales=c.actual_sales,
        actual_cost=c.actual_cost,
        summary=c.summary,
        sku_count=sku_count,
        version=c.version,
    )


def _sku_counts(s: Session, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    q = (
        select(CampaignSku.campaign_id, func.count())
        .where(CampaignSku.campaign_id.in_(ids))
        .group_by(CampaignSku.campaign_id)
    )
    return dict(s.execute(q).tuples().all())


def _rows(s: Session, actor: Actor, campaigns: Sequence[Campaign]) -> list[CampaignRow]:
    names = _user_names(s, (c.owner_id for c in campaigns))
    counts = _sku_counts(s, [c.id for c in campaigns])
    return [_campaign_row(c, names, counts.get(c.id, 0), actor) for c in campaigns]


def _task_row(t: CampaignTask, campaign_name: str, names: dict[int, str]) -> CampaignTaskRow:
    return CampaignTaskRow(
        id=t.id,
        campaign_id=t.campaign_id,
        campaign_name=campaign_name,
        stage=t.stage,
        title=t.title,
        due=t.due,
        anchor=t.anchor,
        offset_days=t.offset_days,
        job=t.job,
        assignee_id=t.assignee_id,
        assignee_name=names.get(t.assignee_id) if t.assignee_id else None,
        done_at=t.done_at,
        done_by_name=names.get(t.done_by_id) if t.done_by_id else None,
        note=t.note,
        version=t.version,
    )


def _snapshot(c: Campaign) -> dict[str, Any]:
    return {
        "name": c.name,
        "kind": c.kind,
        "platform": c.platform,
        "signup_deadline": c.signup_deadline,
        "start": c.start,
        "end": c.end,
        "discount_text": c.discount_text,
        "budget": c.budget,
        "owner_id": c.owner_id,
        "recurrence": c.recurrence,
        "commission_rate": c.commission_rate,
        "promotion_cost": c.promotion_cost,
    }


def _lead_times(s: Session, campaign_id: int) -> list[int | None]:
    q = (
        select(Product.lead_time_days, Supplier.lead_time_days)
        .join(CampaignSku, CampaignSku.product_id == Product.id)
        .outerjoin(Supplier, Supplier.id == Product.supplier_id)
        .where(CampaignSku.campaign_id == campaign_id)
    )
    return [own if own is not None else sup for own, sup in s.execute(q).tuples()]


def _facts(c: Campaign) -> stages.StageFacts:
    return stages.StageFacts(
        kind=c.kind,
        has_actuals=c.actual_sales is not None and c.actual_cost is not None,
        has_summary=bool(c.summary and c.summary.strip()),
    )


def _add_task(s: Session, c: Campaign, t: TaskTemplate, lead: int) -> CampaignTask:
    task = CampaignTask(
        campaign_id=c.id,
        stage=t.stage,
        title=t.title,
        anchor=t.anchor,
        offset_days=t.offset_days,
        due=due_date(t.anchor, t.offset_days, c.start, c.end, lead, c.signup_deadline),
        job=t.job,
    )
    s.add(task)
    return task


def _redate_tasks(s: Session, c: Campaign) -> None:
    """Recompute open tasks' due dates after the dates or SKUs changed (done ones keep theirs)."""
    lead = slowest_lead_time(_lead_times(s, c.id))
    for t in s.execute(select(CampaignTask).where(CampaignTask.campaign_id == c.id)).scalars():
        if t.done_at is None:
            t.due = due_date(t.anchor, t.offset_days, c.start, c.end, lead, c.signup_deadline)


def _save(s: Session) -> None:
    """Flush; a version conflict (StaleDataError) is left to `Database.write`, which names
    who saved the campaign and when (shopdesk/db/conflict.py), as every other tab does."""
    s.flush()


def _move_stage(
    s: Session, actor: Actor, c: Campaign, target: str, reason: str | None, note: str | None
) -> None:
    stages.check_transition(c.stage, target, _facts(c), reason)
    before = {"stage": c.stage, "reject_reason": c.reject_reason}
    s.add(
        CampaignStageChange(
            campaign_id=c.id,
            from_stage=c.stage,
            to_stage=target,
            user_id=actor.id,
            at=now(),
            note=(reason.strip() if target == stages.REJECTED and reason else note),
        )
    )
    c.stage = target
    if target == stages.REJECTED:
        c.reject_reason = (reason or "").strip()
    elif target == "planned":
        c.reject_reason = None
    c.updated_at, c.updated_by_id = now(), actor.id
    _save(s)
    after = {"stage": c.stage, "reject_reason": c.reject_reason}
    audit.record(s, actor, ENTITY, c.id, "stage", before, after)
    _follow_stage_tasks(s, actor, c, str(before["stage"]), target)


def _auto_note(stage: str) -> str:
    return f"活动阶段改为“{stages.label(stage)}”时完成"


def _follow_stage_tasks(s: Session, actor: Actor, c: Campaign, old: str, new: str) -> None:
    """Reaching a stage means its work is done: its open tasks are ticked by the same person
    (audited, so the checklist shows who and when). One step back undoes only those ticks."""
    forward = stages.stage_index(new) > stages.stage_index(old) and new not in stages.END_STAGES
    if forward:
        stage, done = new, False
    elif new not in stages.END_STAGES and old not in stages.END_STAGES:
        stage, done = old, True
    else:
        return
    q = select(CampaignTask).where(CampaignTask.campaign_id == c.id, CampaignTask.stage == stage)
    q = q.where(CampaignTask.done_at.is_(None) if not done else CampaignTask.done_at.is_not(None))
    for t in s.execute(q).scalars().all():
        if forward:
            t.done_at, t.done_by_id, t.note = now(), actor.id, _auto_note(new)
            s.flush()
            audit.record(
                s, actor, TASK_ENTITY, t.id, "complete", None, {"title": t.title, "note": t.note}
            )
        elif t.note == _auto_note(old):
            before = {"done_at": t.done_at, "done_by_id": t.done_by_id, "note": t.note}
            t.done_at, t.done_by_id, t.note = None, None, None
            s.flush()
            audit.record(s, actor, TASK_ENTITY, t.id, "reopen", before, None)


def _visible_to(actor: Actor) -> Any:
    """Tasks for this person: assigned to them, or to nobody in particular but their job."""
    by_job = CampaignTask.assignee_id.is_(None) & (
        CampaignTask.job.is_(None) | (CampaignTask.job == actor.job)
    )
    if actor.id is None:
        return by_job
    return (CampaignTask.assignee_id == actor.id) | by_job


def _stage_rank(column: Any) -> Any:
    """The stage's position in the pipeline, as SQL (end stages sort last)."""
    return case({st: stages.stage_index(st) for st in stages.ALL_STAGES}, value=column, else_=99)


def _open_stage_ok(task_stage: str, campaign_stage: str) -> bool:
    """An open task matters while its stage is still ahead of the campaign."""
    return stages.stage_index(task_stage) > stages.stage_index(campaign_stage)
