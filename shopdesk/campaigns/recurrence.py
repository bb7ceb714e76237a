"""Recurring shop activities (周一团购, 会员日 …): a rule, expanded to days only when shown.

A recurring campaign stores one rule, e.g. {"kind": "weekly", "weekdays": [0]} or
{"kind": "monthly", "day": 8}; its start and end bound the period the rule runs. Each occurrence
is one day. Nothing is copied into a row per week, so editing the rule changes every future day.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from shopdesk.campaigns.calendar import WEEKDAY_LABELS, month_last_day
from shopdesk.errors import InvalidInput


@dataclass(frozen=True)
class Recurrence:
    kind: str  # weekly | monthly
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    day: int = 0  # day of month 1..31; beyond a month's length means its last day

    def to_json(self) -> dict[str, object]:
        if self.kind == "weekly":
            return {"kind": "weekly", "weekdays": list(self.weekdays)}
        return {"kind": "monthly", "day": self.day}

    def describe(self) -> str:
        """In words, e.g. '每周一、四' or '每月 8 日'."""
        if self.kind == "weekly":
            return "每周" + "、".join(WEEKDAY_LABELS[d] for d in self.weekdays)
        return f"每月 {self.day} 日" if self.day <= 28 else f"每月 {self.day} 日(小月为月末)"


def weekly(*weekdays: int) -> Recurrence:
    return parse({"kind": "weekly", "weekdays": list(weekdays)})


def monthly(day: int) -> Recurrence:
    return parse({"kind": "monthly", "day": day})


def parse(rule: Mapping[str, object] | Recurrence | None) -> Recurrence:
    """Check a stored or typed rule; InvalidInput says what is wrong with it."""
    if isinstance(rule, Recurrence):
        rule = rule.to_json()
    if not isinstance(rule, Mapping):
        raise InvalidInput("重复规则无效")
    kind = rule.get("kind")
    if kind == "weekly":
        raw = rule.get("weekdays")
        if not isinstance(raw, list | tuple) or not raw:
            raise InvalidInput("每周重复请至少选一天")
        days: set[int] = set()
        for d in raw:
            if not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 6:
                raise InvalidInput(f"星期无效: {d}")
            days.add(d)
        return Recurrence("weekly", weekdays=tuple(sorted(days)))
    if kind == "monthly":
        day = rule.get("day")
        if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 31:
            raise InvalidInput(f"每月的日期应为 1–31: {day}")
        return Recurrence("monthly", day=day)
    raise InvalidInput(f"未知的重复方式: {kind}")


def _monthly_day(year: int, month: int, day: int) -> date:
    return min(date(year, month, 1) + timedelta(days=day - 1), month_last_day(year, month))


def iter_occurrences(
    rule: Recurrence, valid_from: date, valid_to: date, range_from: date, range_to: date
) -> Iterator[date]:
    """Days in range_from..range_to (inclusive) on which the rule falls, within its own period."""
    first = max(valid_from, range_from)
    last = min(valid_to, range_to)
    if first > last:
        return
    if rule.kind == "weekly":
        day = first
        wanted = set(rule.weekdays)
        # step to each wanted weekday of each week: at most 7 steps between hits
        while day <= last:
            if day.weekday() in wanted:
                yield day
            day += timedelta(days=1)
        return
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        hit = _monthly_day(year, month, rule.day)
        if first <= hit <= last:
            yield hit
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def occurrences(
    rule: Mapping[str, object] | Recurrence,
    valid_from: date,
    valid_to: date,
    range_from: date,
    range_to: date,
) -> list[date]:
    return list(iter_occurrences(parse(rule), valid_from, valid_to, range_from, range_to))


def next_occurrence(
    rule: Mapping[str, object] | Recurrence, valid_from: date, valid_to: date, on_or_after: date
) -> date | None:
    """The first day on or after `on_or_after` (looks at most a year ahead)."""
    horizon = on_or_after + timedelta(days=366)
    for day in iter_occurrences(parse(rule), valid_from, valid_to, on_or_after, horizon):
        return day
    return None
