"""The campaign stage pipeline (DOMAIN.md §3, [000] 活动 1–7): which moves are allowed and why not.

Plain rules, no database: the service asks `check_transition` before it writes a stage change, the
dialog asks `allowed_targets` to enable its buttons, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.errors import InvalidInput

# In order; must match shopdesk.campaigns.models.STAGES (a test checks).
STAGES: tuple[str, ...] = (
    "planned",
    "registered",
    "approved",
    "stock_prepared",
    "notified",
    "page_designed",
    "promotion_ready",
    "live",
    "reviewed",
)
REJECTED = "rejected"
CANCELLED = "cancelled"
END_STAGES: tuple[str, ...] = (REJECTED, CANCELLED)
ALL_STAGES: tuple[str, ...] = STAGES + END_STAGES

STAGE_LABELS: dict[str, str] = {
    "planned": "计划",
    "registered": "已报名",
    "approved": "已通过",
    "stock_prepared": "备货",
    "notified": "已通知",
    "page_designed": "页面设计",
    "promotion_ready": "推广准备",
    "live": "进行中",
    "reviewed": "已总结",
    "rejected": "未通过",
    "cancelled": "已取消",
}
# What each stage means, for tooltips.
STAGE_HINTS: dict[str, str] = {
    "planned": "已列入计划, 还未报名",
    "registered": "已向平台报名, 等待审核",
    "approved": "平台审核通过",
    "stock_prepared": "活动商品已备好货",
    "notified": "已通知客服、仓库等同事活动规则",
    "page_designed": "活动页面、海报已做好",
    "promotion_ready": "推广计划已准备",
    "live": "活动进行中",
    "reviewed": "已录入实际销售、成本并写好活动总结",
    "rejected": "报名未通过: 记录原因, 关注同行其他商家并做初步分析",
    "cancelled": "活动已取消",
}
# Colours of the calendar bars, one per stage (light fills readable under dark text).
STAGE_COLOURS: dict[str, str] = {
    "planned": "#cfd8e3",
    "registered": "#b3d4fc",
    "approved": "#9fd7c6",
    "stock_prepared": "#c5e1a5",
    "notified": "#e6ee9c",
    "page_designed": "#ffe082",
    "promotion_ready": "#ffcc80",
    "live": "#ef9a9a",
    "reviewed": "#d1c4e9",
    "rejected": "#bdbdbd",
    "cancelled": "#e0e0e0",
}

KINDS: tuple[str, ...] = ("official", "own")
KIND_LABELS: dict[str, str] = {"official": "官方活动", "own": "自主活动"}
# A shop's own activity needs no platform sign-up: these stages do not apply to it.
_SIGNUP_STAGES = ("registered", "approved")


def label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage)


def stage_index(stage: str) -> int:
    """Position in the pipeline; end stages sort after everything."""
    if stage in STAGES:
        return STAGES.index(stage)
    if stage in END_STAGES:
        return len(STAGES) + END_STAGES.index(stage)
    raise InvalidInput(f"未知的活动阶段: {stage}")


def _pipeline(kind: str) -> tuple[str, ...]:
    if kind == "own":
        return tuple(s for s in STAGES if s not in _SIGNUP_STAGES)
    return STAGES


def next_stage(current: str, kind: str = "official") -> str | None:
    """The stage that normally follows `current` (None at the end or after rejected/cancelled)."""
    path = _pipeline(kind)
    if current not in path:
        return None
    i = path.index(current)
    return path[i + 1] if i + 1 < len(path) else None


@dataclass(frozen=True)
class StageFacts:
    """What a transition may depend on, read from the campaign by the caller."""

    kind: str = "official"
    has_actuals: bool = False  # actual sales and actual cost entered
    has_summary: bool = False  # 活动总结 written


def transition_error(
    current: str, target: str, facts: StageFacts, reason: str | None = None
) -> str | None:
    """Why `current → target` is not allowed, in words for the user; None when it is allowed.

    Forward moves may skip stages (a stage without work is simply passed), except that an
    official campaign must be approved by the platform before anything after 已通过; one step
    back corrects a mistake; 未通过 only follows 已报名 and needs a reason; 已总结 needs the
    actual sales, cost and a written summary; 未通过 and 已取消 can be reopened as 计划.
    """
    if target not in ALL_STAGES:
        return f"未知的活动阶段: {target}"
    if current not in ALL_STAGES:
        return f"未知的活动阶段: {current}"
    if target == current:
        return f"活动已经是“{label(current)}”"
    path = _pipeline(facts.kind)
    if target in _SIGNUP_STAGES and facts.kind == "own":
        return f"自主活动不需要报名, 没有“{label(target)}”阶段"
    if target == REJECTED:
        if current != "registered":
            return "只有“已报名”的活动才能标为“未通过”"
        if not (reason and reason.strip()):
            return "请填写未通过的原因"
        return None
    if target == CANCELLED:
        if current in END_STAGES or current == "reviewed":
            return f"“{label(current)}”的活动不能取消"
        return None
    if current in END_STAGES:
        if target != "planned":
            return f"“{label(current)}”的活动只能重新设为“计划”"
        return None
    if current not in path:  # e.g. an own activity somehow sitting at 已报名
        return None if target in path else f"不能从“{label(current)}”到“{label(target)}”"
    i, j = path.index(current), path.index(target)
    if j < i:
        if j != i - 1:
            return "只能退回到上一个阶段"
        return None
    if facts.kind == "official" and i < path.index("approved") < j:
        return "官方活动要先经平台审核“已通过”"
    if target == "reviewed":
        missing = []
        if not facts.has_actuals:
            missing.append("实际销售额和实际成本")
        if not facts.has_summary:
            missing.append("活动总结")
        if missing:
            return "标为“已总结”前请先填写" + "、".join(missing)
    return None


def check_transition(
    current: str, target: str, facts: StageFacts, reason: str | None = None
) -> None:
    """Raise InvalidInput when `current → target` is not allowed."""
    error = transition_error(current, target, facts, reason)
    if error:
        raise InvalidInput(error)


def allowed_targets(current: str, facts: StageFacts) -> list[str]:
    """Stages the user may move to now (a reason is assumed where one is asked for)."""
    return [s for s in ALL_STAGES if transition_error(current, s, facts, reason="x") is None]


def is_active(stage: str) -> bool:
    """Counts for the calendar's plans and the restock sheet (not rejected or cancelled)."""
    return stage not in END_STAGES
