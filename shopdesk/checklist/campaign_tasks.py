"""Campaign stage tasks and reminders inside the checklist (DOMAIN.md §3 → §1).

The campaigns feature owns the tasks; the checklist only shows them on their due day for the
responsible person or job and ticks them through `shopdesk.campaigns.service`. If that service
(or one of its functions) is missing, the checklist simply shows no campaign rows.
"""

from __future__ import annotations

import importlib
from datetime import date
from types import ModuleType
from typing import Any

from shopdesk.auth.actor import Actor
from shopdesk.checklist.dayview import DayRow
from shopdesk.checklist.recurrence import Status
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput

SECTION = "活动任务"


def _service(name: str) -> Any | None:
    try:
        module: ModuleType = importlib.import_module("shopdesk.campaigns.service")
    except ImportError:
        return None
    return getattr(module, name, None)


def available() -> bool:
    return _service("tasks_due") is not None and _service("complete_task") is not None


def _row(task: Any, day: date, today: date) -> DayRow:
    due: date = task.due
    carried = due < day
    status: Status
    if task.done_at is not None:
        status = "done"
    elif due < today:
        status = "overdue"
    else:
        status = "open"
    return DayRow(
        template_id=0,
        day=due,
        section=SECTION,
        title=task_label(task),
        status=status,
        carried_over=carried,
        rule_text=f"活动阶段任务 ({task.stage_label})",
        job=task.job,
        assignee_name=task.assignee_name,
        miss_policy="rolls_over",
        needs_note=False,
        needs_number=False,
        number_label=None,
        link_key=None,
        by_name=task.done_by_name,
        at=task.done_at,
        note=task.note,
        source="campaign",
        task_id=task.id,
        campaign_id=getattr(task, "campaign_id", None),
    )


def rows(db: Database, actor: Actor, day: date, today: date) -> list[DayRow]:
    """Tasks due on `day`; when `day` is today also earlier ones not done yet (carried over)."""
    fn = _service("tasks_due")
    if fn is None:
        return []
    out = []
    for task in fn(db, actor, day):
        if task.due == day or (day == today and task.done_at is None):
            out.append(_row(task, day, today))
    return out


def reminders(db: Database, actor: Actor, day: date) -> list[tuple[str, str, int]]:
    """(text, level, campaign id) for sign-up deadlines and starts coming up soon."""
    fn = _service("reminders")
    if fn is None:
        return []
    days_fn = _service("reminder_days")
    within = days_fn(db) if days_fn is not None else 7
    out = []
    for r in fn(db, actor, day, within):
        if r.kind == "task" and r.days_left == 0:
            continue  # already a row of today's list
        level = "bad" if r.days_left <= 1 else "warn" if r.days_left <= 3 else "ok"
        out.append((r.text + _left(r.days_left), level, r.campaign_id))
    return out


def _left(days: int) -> str:
    return " (今天)" if days == 0 else " (明天)" if days == 1 else f" (还有 {days} 天)"


def task_label(task: Any) -> str:
    """“双12: 页面设计” — how a person reads a campaign task (never its internal `c7`)."""
    name = getattr(task, "campaign_name", "")
    title = getattr(task, "title", "")
    return f"{name}: {title}" if name else str(title)


def complete(db: Database, actor: Actor, task_id: int, note: str | None = None) -> Any:
    """Tick the task through campaigns; returns the task row (title, campaign name)."""
    fn = _service("complete_task")
    if fn is None:
        raise InvalidInput("活动功能不可用, 无法勾选活动任务")
    return fn(db, actor, task_id, note)


def reopen(db: Database, actor: Actor, task_id: int) -> Any:
    fn = _service("reopen_task")
    if fn is None:
        raise InvalidInput("活动功能不可用, 无法撤销活动任务")
    return fn(db, actor, task_id)
