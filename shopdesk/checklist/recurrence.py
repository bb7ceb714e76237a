"""When a checklist item is due, and what state one occurrence is in (DOMAIN.md §1).

Pure rules on plain values: no database, no Qt. The service feeds them template fields and the
recorded ticks/skips; the GUI, CLI and reports all read the results.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from shopdesk.errors import InvalidInput

KINDS = ("daily", "weekdays", "weekly", "monthly")
KIND_LABELS = {"daily": "每天", "weekdays": "工作日", "weekly": "每周", "monthly": "每月"}
WEEKDAY_LABELS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
MISS_POLICIES = ("expires", "rolls_over")
MISS_POLICY_LABELS = {"expires": "过期作废", "rolls_over": "顺延到完成"}

Status = Literal["done", "skipped", "open", "overdue", "missed"]
STATUS_LABELS: dict[str, str] = {
    "done": "已完成",
    "skipped": "已跳过",
    "open": "待完成",
    "overdue": "逾期",
    "missed": "漏检",
}
RESOLVED = frozenset({"done", "skipped"})


@dataclass(frozen=True)
class Rule:
    """A recurrence: every day, Mon–Fri, chosen weekdays (0 = Monday) or one day of the month."""

    kind: str = "daily"
    weekdays: frozenset[int] = field(default_factory=frozenset)
    month_day: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidInput(f"未知的重复方式: {self.kind}")
        if self.kind == "weekly":
            if not self.weekdays:
                raise InvalidInput("每周重复的项目至少要选一天")
            if any(not 0 <= d <= 6 for d in self.weekdays):
                raise InvalidInput(f"星期几必须在 0–6 之间: {sorted(self.weekdays)}")
        if self.kind == "monthly" and (self.month_day is None or not 1 <= self.month_day <= 31):
            raise InvalidInput(f"每月的日期必须在 1–31 之间: {self.month_day}")

    @classmethod
    def from_fields(cls, kind: str, weekdays: str | None, month_day: int | None) -> Rule:
        """Build from the stored columns (weekdays as text "0,3")."""
        return cls(
            kind=kind,
            weekdays=parse_weekdays(weekdays) if kind == "weekly" else frozenset(),
            month_day=month_day if kind == "monthly" else None,
        )

    @property
    def weekdays_text(self) -> str | None:
        """The stored form of the weekdays, "0,3", or None when the kind has none."""
        if self.kind != "weekly":
            return None
        return ",".join(str(d) for d in sorted(self.weekdays))

    def describe(self) -> str:
        """Chinese text for lists and tooltips: 每天 / 工作日 / 每周一、周四 / 每月 1 日."""
        if self.kind == "daily":
            return "每天"
        if self.kind == "weekdays":
            return "工作日(周一至周五)"
        if self.kind == "weekly":
            return "每" + "、".join(WEEKDAY_LABELS[d] for d in sorted(self.weekdays))
        if self.month_day == 31:
            return "每月最后一天"
        suffix = "(小月取最后一天)" if self.month_day and self.month_day > 28 else ""
        return f"每月 {self.month_day} 日{suffix}"


def parse_weekdays(text: str | None) -> frozenset[int]:
    """Stored "0,3" → {0, 3}; refuses anything that is not a weekday number."""
    if not text or not text.strip():
        return frozenset()
    days: set[int] = set()
    for part in text.replace(",", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not (part.isascii() and part.isdigit()) or not 0 <= int(part) <= 6:
            raise InvalidInput(f"星期几必须是 0–6 的数字: {part}")
        days.add(int(part))
    return frozenset(days)


def default_miss_policy(kind: str) -> str:
    """Daily-like items expire (no pile-up); weekly and monthly items roll over (DOMAIN §1)."""
    return "rolls_over" if kind in ("weekly", "monthly") else "expires"


def monthly_day_in(year: int, month: int, month_day: int) -> int:
    """The day "monthly on day N" falls on in that month: 31 → last day, 30 in Feb → 28/29."""
    return min(month_day, calendar.monthrange(year, month)[1])


def is_due(rule: Rule, day: date) -> bool:
    if rule.kind == "daily":
        return True
    if rule.kind == "weekdays":
        return day.weekday() < 5
    if rule.kind == "weekly":
        return day.weekday() in rule.weekdays
    assert rule.month_day is not None
    return day.day == monthly_day_in(day.year, day.month, rule.month_day)


def iter_due_days(rule: Rule, start: date, end: date) -> Iterator[date]:
    """Due days in start..end inclusive, in order; jumps month to month for monthly rules."""
    if end < start:
        return
    if rule.kind == "monthly":
        assert rule.month_day is not None
        y, m = start.year, start.month
        while date(y, m, 1) <= end:
            d = date(y, m, monthly_day_in(y, m, rule.month_day))
            if start <= d <= end:
                yield d
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return
    d = start
    one = timedelta(days=1)
    while d <= end:
        if is_due(rule, d):
            yield d
        d += one


def due_days(rule: Rule, start: date, end: date) -> list[date]:
    return list(iter_due_days(rule, start, end))


def is_active(day: date, active_from: date | None, retired_on: date | None) -> bool:
    """A template counts from `active_from` and no longer counts from the day it was retired."""
    if active_from is not None and day < active_from:
        return False
    return not (retired_on is not None and day >= retired_on)


def occurrence_status(due_day: date, today: date, miss_policy: str, recorded: str | None) -> Status:
    """State of one occurrence (item × day) as seen on `today`.

    A recorded tick or skip wins. Otherwise it is open on its day (and for future days); once the
    day has passed it is overdue (rolls_over: stays at the top until handled) or missed (expires:
    counted in statistics, never piled up).
    """
    if recorded == "done":
        return "done"
    if recorded == "skipped":
        return "skipped"
    if recorded is not None:
        raise ValueError(f"unknown recorded status {recorded!r}")
    if due_day >= today:
        return "open"
    return "overdue" if miss_policy == "rolls_over" else "missed"


def overdue_days(
    rule: Rule,
    start: date,
    today: date,
    resolved: Iterable[date],
    *,
    active_from: date | None = None,
    retired_on: date | None = None,
) -> list[date]:
    """Past due days of a rolls_over item in start..today-1 that nobody ticked or skipped."""
    done = set(resolved)
    return [
        d
        for d in iter_due_days(rule, start, today - timedelta(days=1))
        if d not in done and is_active(d, active_from, retired_on)
    ]


@dataclass(frozen=True)
class Progress:
    """How far a day or section got: done + skipped (resolved) out of the items due."""

    done: int = 0
    skipped: int = 0
    total: int = 0

    @property
    def resolved(self) -> int:
        return self.done + self.skipped

    @property
    def rate(self) -> float | None:
        """Share of due items resolved, or None when nothing was due (shown as "—")."""
        return self.resolved / self.total if self.total else None

    @property
    def text(self) -> str:
        return f"{self.resolved}/{self.total}"

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.done + other.done, self.skipped + other.skipped, self.total + other.total
        )


def progress(statuses: Iterable[str]) -> Progress:
    done = skipped = total = 0
    for s in statuses:
        total += 1
        if s == "done":
            done += 1
        elif s == "skipped":
            skipped += 1
    return Progress(done, skipped, total)


def section_progress(rows: Iterable[tuple[str, str]]) -> dict[str, Progress]:
    """(section, status) pairs → progress per section, in first-seen section order."""
    grouped: dict[str, list[str]] = {}
    for section, status in rows:
        grouped.setdefault(section, []).append(status)
    return {section: progress(statuses) for section, statuses in grouped.items()}


def week_start(day: date) -> date:
    """Monday of the week containing `day` (the shop's weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def parse_jobs(job: str | None) -> frozenset[str]:
    """A template's job field may name several jobs, "店主/采购"."""
    if not job:
        return frozenset()
    return frozenset(p.strip() for p in job.replace("、", "/").split("/") if p.strip())


# An actor whose own job field is empty still has the job their role implies.
ROLE_JOBS = {"owner": "店主", "supervisor": "主管", "finance": "财务"}


def is_assigned(
    job: str | None,
    assignee_id: int | None,
    actor_id: int | None,
    actor_job: str | None,
    actor_role: str,
) -> bool:
    """Whether an item belongs on this person's list: their own, their job's, or everyone's."""
    if assignee_id is None and not job:
        return True
    if assignee_id is not None and assignee_id == actor_id:
        return True
    if assignee_id is not None and not job:
        return False
    mine = {j for j in (actor_job, ROLE_JOBS.get(actor_role)) if j}
    return bool(parse_jobs(job) & mine)
