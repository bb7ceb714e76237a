"""Assemble one day's checklist from templates and recorded ticks (pure, no database).

The service loads plain `TemplateSpec`s and `Record`s in two queries and hands them here; the
order and statuses the GUI and CLI show are decided in this one function, so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from shopdesk.checklist.recurrence import (
    STATUS_LABELS,
    Progress,
    Rule,
    Status,
    is_active,
    is_due,
    occurrence_status,
    overdue_days,
    progress,
    section_progress,
)

OVERDUE_SECTION = "逾期未完成"


@dataclass(frozen=True)
class TemplateSpec:
    """The fields of a template the day view needs."""

    id: int
    section: str
    title: str
    rule: Rule
    sort_order: int = 0
    job: str | None = None
    assignee_id: int | None = None
    assignee_name: str | None = None
    miss_policy: str = "expires"
    needs_note: bool = False
    needs_number: bool = False
    number_label: str | None = None
    link_key: str | None = None
    active_from: date | None = None
    retired_on: date | None = None


@dataclass(frozen=True)
class Record:
    """A tick or skip that was saved for one item on one day."""

    template_id: int
    day: date
    status: str  # done | skipped
    by_name: str | None = None
    at: datetime | None = None
    note: str | None = None
    value: Decimal | None = None
    occurrence_id: int | None = None


@dataclass(frozen=True)
class DayRow:
    """One line of the checklist: an item on the day it belongs to, with its state."""

    template_id: int
    day: date
    section: str
    title: str
    status: Status
    carried_over: bool  # shown at the top because an earlier occurrence is still open
    rule_text: str
    job: str | None
    assignee_name: str | None
    miss_policy: str
    needs_note: bool
    needs_number: bool
    number_label: str | None
    link_key: str | None
    by_name: str | None = None
    at: datetime | None = None
    note: str | None = None
    value: Decimal | None = None
    occurrence_id: int | None = None
    # "template" (a checklist item) or "campaign" (a campaign stage task, ticked through campaigns)
    source: str = "template"
    task_id: int | None = None
    campaign_id: int | None = None  # campaign tasks: the campaign 打开活动 opens

    @property
    def key(self) -> str:
        """`12@2026-11-20` (an item on a day) or `c7` (campaign task 7): what the CLI accepts."""
        if self.source == "campaign":
            return f"c{self.task_id}"
        return f"{self.template_id}@{self.day.isoformat()}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def resolved(self) -> bool:
        return self.status in ("done", "skipped")

    @property
    def late(self) -> bool:
        """Ticked on a later day than the one it belongs to (times are UTC; compare local days)."""
        return self.at is not None and self.at.astimezone().date() > self.day


@dataclass(frozen=True)
class DayView:
    day: date
    rows: list[DayRow]

    @property
    def progress(self) -> Progress:
        """The day's own items (carried-over ones belong to their own days)."""
        return progress(r.status for r in self.rows if not r.carried_over)

    @property
    def sections(self) -> dict[str, Progress]:
        return section_progress((r.section, r.status) for r in self.rows if not r.carried_over)

    @property
    def overdue(self) -> list[DayRow]:
        return [r for r in self.rows if r.carried_over]


def _row(t: TemplateSpec, day: date, status: Status, rec: Record | None, carried: bool) -> DayRow:
    return DayRow(
        template_id=t.id,
        day=day,
        section=t.section,
        title=t.title,
        status=status,
        carried_over=carried,
        rule_text=t.rule.describe(),
        job=t.job,
        assignee_name=t.assignee_name,
        miss_policy=t.miss_policy,
        needs_note=t.needs_note,
        needs_number=t.needs_number,
        number_label=t.number_label,
        link_key=t.link_key,
        by_name=rec.by_name if rec else None,
        at=rec.at if rec else None,
        note=rec.note if rec else None,
        value=rec.value if rec else None,
        occurrence_id=rec.occurrence_id if rec else None,
    )


def section_order(templates: Iterable[TemplateSpec]) -> dict[str, int]:
    """Sections in the order of their first item, so reordering items can move a section."""
    order: dict[str, int] = {}
    for t in sorted(templates, key=lambda t: (t.sort_order, t.id)):
        order.setdefault(t.section, len(order))
    return order


def build_day(
    templates: Sequence[TemplateSpec],
    records: Iterable[Record],
    day: date,
    today: date,
    *,
    carry_from: date | None = None,
) -> DayView:
    """The rows for `day` as seen on `today`.

    Items due on `day` come grouped by section. When `day` is today, unresolved earlier occurrences
    of rolls_over items (back to `carry_from`, default 90 days) come first, marked carried_over.
    `records` must cover `day` and, for carry-over, the look-back window.
    """
    by_key: dict[tuple[int, date], Record] = {}
    days_of: dict[int, list[date]] = {}
    for r in records:
        by_key[(r.template_id, r.day)] = r
        days_of.setdefault(r.template_id, []).append(r.day)
    sec = section_order(templates)
    ordered = sorted(templates, key=lambda t: (sec[t.section], t.sort_order, t.id))
    rows: list[DayRow] = []
    if day == today:
        start = carry_from or (today - timedelta(days=90))
        carried: list[DayRow] = []
        for t in ordered:
            if t.miss_policy != "rolls_over" or (t.retired_on and t.retired_on <= today):
                continue
            resolved = days_of.get(t.id, [])
            for d in overdue_days(
                t.rule,
                max(start, t.active_from) if t.active_from else start,
                today,
                resolved,
                active_from=t.active_from,
                retired_on=t.retired_on,
            ):
                carried.append(_row(t, d, "overdue", None, True))
        carried.sort(key=lambda r: r.day)
        rows.extend(carried)
    for t in ordered:
        if not (is_due(t.rule, day) and is_active(day, t.active_from, t.retired_on)):
            continue
        rec = by_key.get((t.id, day))
        status = occurrence_status(day, today, t.miss_policy, rec.status if rec else None)
        rows.append(_row(t, day, status, rec, False))
    return DayView(day=day, rows=rows)
