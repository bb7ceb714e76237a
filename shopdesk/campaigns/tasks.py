"""Stage tasks: work with a due date at an offset from the campaign (DOMAIN.md §3).

备货 is due at the start minus the lead time of the campaign's slowest SKU (the goods must be
ordered that early to arrive in time); other tasks at a fixed number of days from the start or end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from shopdesk.campaigns.stages import STAGES
from shopdesk.errors import InvalidInput

ANCHORS: tuple[str, ...] = ("start", "end", "lead_time", "signup")
ANCHOR_LABELS = {
    "start": "开始",
    "end": "结束",
    "lead_time": "开始 − 最慢SKU交期",
    "signup": "报名截止",
}
# Without a sign-up deadline, sign-up work is due this many days before the start.
DEFAULT_SIGNUP_DAYS = 14
# When the campaign has no SKUs yet (or none with a lead time), 备货 is planned this early.
DEFAULT_LEAD_TIME_DAYS = 7


@dataclass(frozen=True)
class TaskTemplate:
    """A task as a preset describes it, before it belongs to a campaign."""

    stage: str
    title: str
    anchor: str = "start"
    offset_days: int = 0  # added to the anchor date; negative = before
    job: str | None = None

    def __post_init__(self) -> None:
        if self.stage not in STAGES:
            raise InvalidInput(f"未知的活动阶段: {self.stage}")
        if self.anchor not in ANCHORS:
            raise InvalidInput(f"未知的日期基准: {self.anchor}")


def slowest_lead_time(lead_times: Iterable[int | None]) -> int:
    """The longest lead time among the SKUs, or the default when none is known."""
    known = [t for t in lead_times if t is not None and t >= 0]
    return max(known) if known else DEFAULT_LEAD_TIME_DAYS


def due_date(
    anchor: str,
    offset_days: int | None,
    start: date,
    end: date,
    lead_time_days: int = DEFAULT_LEAD_TIME_DAYS,
    signup_deadline: date | None = None,
) -> date:
    """The task's due day: anchor date plus offset; lead_time anchors at start − lead time."""
    offset = offset_days or 0
    if anchor == "signup":
        base = signup_deadline or start - timedelta(days=DEFAULT_SIGNUP_DAYS)
        return base + timedelta(days=offset)
    if anchor == "start":
        return start + timedelta(days=offset)
    if anchor == "end":
        return end + timedelta(days=offset)
    if anchor == "lead_time":
        return start - timedelta(days=lead_time_days) + timedelta(days=offset)
    raise InvalidInput(f"未知的日期基准: {anchor}")


def describe_offset(anchor: str, offset_days: int | None) -> str:
    """Human words for a rule, e.g. '开始前 3 天', '结束后 2 天', '开始 − 最慢SKU交期'."""
    offset = offset_days or 0
    if anchor == "lead_time":
        base = ANCHOR_LABELS["lead_time"]
        return base if offset == 0 else f"{base} {offset:+d} 天"
    word = ANCHOR_LABELS.get(anchor, anchor)
    if offset == 0:
        return f"{word}当天"
    return f"{word}前 {-offset} 天" if offset < 0 else f"{word}后 {offset} 天"


# The usual work of a campaign, stage by stage ([000] 活动 1–7). Presets start from these.
STANDARD_TASKS: tuple[TaskTemplate, ...] = (
    TaskTemplate("registered", "活动报名并记录", "signup", 0, "运营"),
    TaskTemplate("stock_prepared", "活动备货: 按最慢SKU交期下单", "lead_time", 0, "采购"),
    TaskTemplate("notified", "通知客服、仓库活动规则与时间", "start", -5, "运营"),
    TaskTemplate("page_designed", "活动页面、主图、海报设计", "start", -3, "美工"),
    TaskTemplate("promotion_ready", "推广计划与预算准备", "start", -1, "推广"),
    TaskTemplate("live", "活动上线检查: 价格、库存、页面一致", "start", 0, "运营"),
    TaskTemplate("reviewed", "活动总结: 录入实际销售和成本", "end", 3, "运营"),
)
OWN_TASKS: tuple[TaskTemplate, ...] = tuple(
    t for t in STANDARD_TASKS if t.stage not in ("registered", "approved")
)
