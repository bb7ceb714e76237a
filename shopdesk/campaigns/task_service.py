"""Stage tasks and reminders: the checklist's contract (see shopdesk/checklist/campaign_tasks.py).

`tasks_due`, `complete_task`, `reopen_task`, `reminders` and `reminder_days` keep their names and
signatures; `shopdesk.campaigns.service` re-exports them.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, or_, select

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, can, require
from shopdesk.campaigns import stages
from shopdesk.campaigns.models import Campaign, CampaignTask
from shopdesk.campaigns.rows import (
    AgendaRow,
    CampaignTaskRow,
    ReminderRow,
)
from shopdesk.campaigns.store import (
    OVERDUE_GRACE_DAYS,
    TASK_ENTITY,
    _add_task,
    _facts,
    _get,
    _lead_times,
    _move_stage,
    _open_stage_ok,
    _stage_rank,
    _task_row,
    _user_names,
    _visible_to,
)
from shopdesk.campaigns.tasks import (
    TaskTemplate,
    slowest_lead_time,
)
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied


def tasks_due(db: Database, actor: Actor, day: date) -> list[CampaignTaskRow]:
    """Stage tasks due that day (done or not), or overdue and not done, for the actor's user or job.

    Left out as nobody needs to do them any more: tasks of rejected/cancelled campaigns, open
    tasks whose stage the campaign has already passed, and open tasks of campaigns that ended
    more than OVERDUE_GRACE_DAYS ago. The filters run in SQL, so a shop with years of history
    stays fast.
    """
    require(actor, Perm.VIEW_CAMPAIGNS)
    overdue = (
        (CampaignTask.due < day)
        & CampaignTask.done_at.is_(None)
        & (_stage_rank(CampaignTask.stage) > _stage_rank(Campaign.stage))
        & (Campaign.end >= day - timedelta(days=OVERDUE_GRACE_DAYS))
    )
    q = (
        select(CampaignTask, Campaign.name, Campaign.stage)
        .join(Campaign, Campaign.id == CampaignTask.campaign_id)
        .where(Campaign.stage.not_in(stages.END_STAGES))
        .where((CampaignTask.due == day) | overdue)
        .where(_visible_to(actor))
        .order_by(CampaignTask.due, CampaignTask.id)
    )
    with db.read() as s:
        found = [
            (t, name)
            for t, name, stage in s.execute(q).tuples()
            if t.done_at is not None or t.due < day or _open_stage_ok(t.stage, stage)
        ]
        names = _user_names(s, [t.assignee_id for t, _ in found] + [t.done_by_id for t, _ in found])
        return [_task_row(t, name, names) for t, name in found]


def complete_task(
    db: Database, actor: Actor, task_id: int, note: str | None = None
) -> CampaignTaskRow:
    """Mark a stage task done (who, when, note); when every task of the campaign's next stage
    is done, the campaign moves to that stage, attributed to the same person."""
    require(actor, Perm.TICK_CHECKLIST)
    with db.write() as s:
        t = s.get(CampaignTask, task_id)
        if t is None:
            raise NotFound(f"活动任务不存在: {task_id}")
        mine = t.assignee_id == actor.id or (
            t.assignee_id is None and (t.job is None or t.job == actor.job)
        )
        if not mine and not can(actor, Perm.EDIT_CAMPAIGNS):
            raise PermissionDenied(f"{actor.name}不能勾选分配给别人的活动任务")
        if t.done_at is not None:
            raise InvalidInput("这个任务已经完成了")
        c = _get(s, t.campaign_id)
        if c.stage in stages.END_STAGES:
            raise InvalidInput(f"活动“{c.name}”已{stages.label(c.stage)}, 不需要再做这个任务")
        t.done_at, t.done_by_id = now(), actor.id
        t.note = (note or "").strip() or None
        s.flush()
        audit.record(
            s, actor, TASK_ENTITY, t.id, "complete", None, {"title": t.title, "note": t.note}
        )
        nxt = stages.next_stage(c.stage, c.kind)
        if nxt == t.stage:
            open_left = s.execute(
                select(func.count())
                .select_from(CampaignTask)
                .where(CampaignTask.campaign_id == c.id, CampaignTask.stage == nxt)
                .where(CampaignTask.done_at.is_(None))
            ).scalar_one()
            if open_left == 0 and stages.transition_error(c.stage, nxt, _facts(c)) is None:
                _move_stage(s, actor, c, nxt, None, f"完成任务: {t.title}")
        names = _user_names(s, [t.assignee_id, t.done_by_id])
        return _task_row(t, c.name, names)


def reopen_task(db: Database, actor: Actor, task_id: int) -> CampaignTaskRow:
    """Undo a tick made by mistake (the campaign's stage is not moved back)."""
    require(actor, Perm.TICK_CHECKLIST)
    with db.write() as s:
        t = s.get(CampaignTask, task_id)
        if t is None:
            raise NotFound(f"活动任务不存在: {task_id}")
        if t.done_by_id != actor.id and not can(actor, Perm.EDIT_CAMPAIGNS):
            raise PermissionDenied(f"{actor.name}只能撤销自己勾选的任务")
        before = {"done_at": t.done_at, "done_by_id": t.done_by_id}
        t.done_at, t.done_by_id = None, None
        s.flush()
        audit.record(s, actor, TASK_ENTITY, t.id, "reopen", before, None)
        c = _get(s, t.campaign_id)
        return _task_row(t, c.name, _user_names(s, [t.assignee_id]))


def add_task(
    db: Database,
    actor: Actor,
    campaign_id: int,
    template: TaskTemplate,
    *,
    assignee_id: int | None = None,
) -> int:
    require(actor, Perm.EDIT_CAMPAIGNS)
    if not template.title.strip():
        raise InvalidInput("请填写任务内容")
    with db.write() as s:
        c = _get(s, campaign_id)
        task = _add_task(s, c, template, slowest_lead_time(_lead_times(s, c.id)))
        task.assignee_id = assignee_id
        s.flush()
        audit.record(
            s,
            actor,
            TASK_ENTITY,
            task.id,
            "create",
            None,
            {"campaign_id": c.id, "title": task.title, "due": task.due, "job": task.job},
        )
        return task.id


def delete_task(db: Database, actor: Actor, task_id: int) -> None:
    require(actor, Perm.EDIT_CAMPAIGNS)
    with db.write() as s:
        t = s.get(CampaignTask, task_id)
        if t is None:
            raise NotFound(f"活动任务不存在: {task_id}")
        before = {"campaign_id": t.campaign_id, "title": t.title, "due": t.due}
        s.delete(t)
        audit.record(s, actor, TASK_ENTITY, task_id, "delete", before, None)


def agenda(db: Database, actor: Actor, range_from: date, range_to: date) -> list[AgendaRow]:
    """Everyone's stage tasks and the sign-up deadlines in a range (the week view lists them)."""
    require(actor, Perm.VIEW_CAMPAIGNS)
    out: list[AgendaRow] = []
    with db.read() as s:
        tq = (
            select(CampaignTask, Campaign.name)
            .join(Campaign, Campaign.id == CampaignTask.campaign_id)
            .where(Campaign.stage.not_in(stages.END_STAGES))
            .where(CampaignTask.due.between(range_from, range_to))
            .order_by(CampaignTask.due, CampaignTask.id)
        )
        for t, name in s.execute(tq).tuples():
            who = f" [{t.job}]" if t.job else ""
            out.append(
                AgendaRow(
                    t.due, "task", t.campaign_id, f"{name}: {t.title}{who}", t.done_at is not None
                )
            )
        cq = select(Campaign).where(
            Campaign.stage.not_in(stages.END_STAGES),
            Campaign.signup_deadline.between(range_from, range_to),
        )
        for c in s.execute(cq).scalars():
            assert c.signup_deadline is not None
            done = c.stage != "planned"
            out.append(AgendaRow(c.signup_deadline, "signup", c.id, f"报名截止: {c.name}", done))
    out.sort(key=lambda r: (r.day, r.kind != "signup", r.done))
    return out


def reminders(db: Database, actor: Actor, day: date, within_days: int = 7) -> list[ReminderRow]:
    """Sign-up deadlines, campaign starts and open stage tasks from `day` to `day + within_days`.

    Everyone sees deadlines and starts; tasks only the actor's own, unless they plan campaigns.
    """
    require(actor, Perm.VIEW_CAMPAIGNS)
    last = day + timedelta(days=within_days)
    out: list[ReminderRow] = []
    with db.read() as s:
        q = select(Campaign).where(
            Campaign.stage.not_in(stages.END_STAGES),
            Campaign.recurrence.is_(None),
            or_(
                Campaign.signup_deadline.between(day, last),
                Campaign.start.between(day, last),
            ),
        )
        for c in s.execute(q).scalars():
            if c.signup_deadline and day <= c.signup_deadline <= last and c.stage == "planned":
                left = (c.signup_deadline - day).days
                out.append(
                    ReminderRow(
                        c.signup_deadline,
                        "signup",
                        c.id,
                        c.name,
                        f"“{c.name}”报名截止 {c.signup_deadline:%m-%d}",
                        left,
                    )
                )
            if day <= c.start <= last:
                out.append(
                    ReminderRow(
                        c.start,
                        "start",
                        c.id,
                        c.name,
                        f"“{c.name}”{c.start:%m-%d} 开始 ({stages.label(c.stage)})",
                        (c.start - day).days,
                    )
                )
        tq = (
            select(CampaignTask, Campaign.name, Campaign.stage)
            .join(Campaign, Campaign.id == CampaignTask.campaign_id)
            .where(Campaign.stage.not_in(stages.END_STAGES))
            .where(CampaignTask.done_at.is_(None), CampaignTask.due.between(day, last))
        )
        if not can(actor, Perm.EDIT_CAMPAIGNS):
            tq = tq.where(_visible_to(actor))
        for t, name, stage in s.execute(tq).tuples():
            if _open_stage_ok(t.stage, stage):
                who = f" [{t.job}]" if t.job else ""
                out.append(
                    ReminderRow(
                        t.due,
                        "task",
                        t.campaign_id,
                        name,
                        f"“{name}” {stages.label(t.stage)}: {t.title}{who} {t.due:%m-%d}",
                        (t.due - day).days,
                    )
                )
    out.sort(key=lambda r: (r.day, r.kind != "signup", r.campaign_id))
    return out


def reminder_days(db: Database) -> int:
    """The owner's setting for how far ahead reminders look."""
    from shopdesk.settings import service as settings

    return int(settings.read(db, "campaigns.reminder_days"))
