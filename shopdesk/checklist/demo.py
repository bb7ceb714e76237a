"""The demo shop's checklist: eight weeks of believable history and a half-done today.

Most items were ticked in the morning by the person whose job it is; a few were skipped with a
reason, a few daily checks were missed (they expire), and two weekly items from this week are still
open, so today's list starts with overdue items like a real Thursday would.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, update

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.checklist.models import ChecklistOccurrence, ChecklistTemplate
from shopdesk.checklist.recurrence import Rule, is_assigned, iter_due_days
from shopdesk.clock import now
from shopdesk.db.engine import Database

HISTORY_DAYS = 56
SKIP_REASONS = (
    "今天店铺活动暂停, 无需检查",
    "系统维护, 后台打不开",
    "请假, 已交接给同事明天补查",
    "平台数据延迟, 明早再看",
)
# How many of today's items are already done when the demo opens.
TICKED_TODAY = 5


def _at(day: date, minutes_after_nine: int, latest: datetime) -> datetime:
    local = datetime.combine(day, time(9, 0)).astimezone() + timedelta(minutes=minutes_after_nine)
    return min(local.astimezone(UTC), latest)


def _pick(users: list[Actor], rng: random.Random) -> Actor:
    return users[rng.randrange(len(users))]


def populate(db: Database, shop: Any) -> None:
    """Called by `shopdesk.demo.generate` with the DemoShop (users, today, owner)."""
    rng = random.Random(20261126)
    today: date = shop.today
    start = today - timedelta(days=HISTORY_DAYS)
    moment = now() - timedelta(minutes=1)
    people: list[Actor] = list(shop.users.values())
    with db.write() as s:
        s.execute(update(ChecklistTemplate).values(active_from=start))
        templates = (
            s.execute(select(ChecklistTemplate).order_by(ChecklistTemplate.sort_order))
            .scalars()
            .all()
        )
        rows: list[dict[str, Any]] = []
        open_weekly: set[tuple[int, date]] = set()
        # Leave this week's 周一团购 and the last 补货需求表 open: they roll over as overdue.
        for t in templates:
            rule = Rule.from_fields(t.recurrence, t.weekdays, t.month_day)
            if t.miss_policy == "rolls_over" and t.title.startswith(("周一团购", "提交本周补货")):
                past = [
                    d for d in iter_due_days(rule, today - timedelta(days=7), today) if d < today
                ]
                open_weekly.update((t.id, d) for d in past[-1:])
        today_done = 0
        for t in templates:
            rule = Rule.from_fields(t.recurrence, t.weekdays, t.month_day)
            doers = [
                p for p in people if t.job and is_assigned(t.job, None, p.id, p.job, p.role)
            ] or [shop.owner]
            for d in iter_due_days(rule, start, today):
                if (t.id, d) in open_weekly:
                    continue
                if d == today:
                    if today_done >= TICKED_TODAY or t.recurrence != "daily" or rng.random() < 0.3:
                        continue
                    today_done += 1
                r = rng.random()
                age = (today - d).days
                # Recent weeks are a little better than the first ones: the team got into it.
                miss_p = 0.14 if age > 28 else 0.07
                if t.miss_policy == "expires" and d < today and r < miss_p:
                    continue  # missed
                who = _pick(doers, rng)
                status, note, value = "done", None, None
                if r > 0.97 and d < today:
                    status, note = "skipped", rng.choice(SKIP_REASONS)
                elif t.needs_number:
                    value = Decimal("4.78") + Decimal(rng.randint(0, 12)) / 100
                    note = rng.choice([None, "比昨日持平", "物流分略降, 已提醒仓库"])
                elif t.needs_note:
                    note = rng.choice(["本周业绩达标, 双12 备货提前", "客服响应时间偏长, 加排班"])
                minutes = rng.randint(0, 150)
                if d < today and rng.random() < 0.05:
                    minutes += 24 * 60  # caught up the next morning
                rows.append(
                    {
                        "template_id": t.id,
                        "day": d,
                        "status": status,
                        "by_id": who.id,
                        "at": _at(d, minutes, moment),
                        "note": note,
                        "value": value,
                        "version": 1,
                    }
                )
        if rows:
            s.execute(insert(ChecklistOccurrence), rows)
        audit.record(
            s, shop.owner, "checklist_occurrence", "*", "demo", None, {"occurrences": len(rows)}
        )
