"""Presets: a festival campaign or a weekly activity with its usual dates and tasks, in one step.

A preset gives a `CampaignDraft` (plain data); the service turns it into rows. Festival dates come
from `overlay.festivals`, so 年货节 follows the lunar new year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from shopdesk.campaigns import overlay
from shopdesk.campaigns.recurrence import Recurrence, monthly, weekly
from shopdesk.campaigns.tasks import OWN_TASKS, STANDARD_TASKS, TaskTemplate
from shopdesk.errors import InvalidInput


@dataclass(frozen=True)
class CampaignDraft:
    """Everything needed to create a campaign, before it has an id."""

    name: str
    kind: str  # official | own
    start: date
    end: date
    platform: str | None = None
    signup_deadline: date | None = None
    discount_text: str | None = None
    recurrence: Recurrence | None = None
    tasks: tuple[TaskTemplate, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    description: str


_FESTIVAL_DISCOUNTS = {
    "nianhuo": "年货节: 满199减30, 包邮",
    "queen38": "女王节: 全场9折, 第二件半价",
    "618": "618: 跨店满300减50, 店铺券叠加",
    "double11": "双11: 跨店满300减50, 定金预售, 前1小时加赠",
    "double12": "双12: 满200减30, 店铺红包",
}
# Weekly fixed activities [003 运营 5] and the 会员日 [001 §2]: (key, name, weekday, discount)
_WEEKLY = (
    ("mon_group", "周一团购", 0, "团购价, 满2件包邮"),
    ("tue_special", "周二特价", 1, "指定款特价"),
    ("wed_new", "周三上新", 2, "新品上架, 前50名9折"),
    ("thu_freeship", "周四免邮", 3, "全场包邮"),
    ("member_day", "会员日", 4, "会员日: 指定款买一送一"),
)
# Shop activities run until someone ends them; a far date keeps `end` meaningful.
OPEN_END_YEARS = 3

PRESETS: tuple[Preset, ...] = (
    Preset("nianhuo", "年货节", "春节前约一个月, 春节前10天结束(物流停运前)"),
    Preset("queen38", "38女王节", "3月1日–3月8日"),
    Preset("618", "618", "6月1日–6月18日"),
    Preset("double11", "双11", "11月1日–11月11日"),
    Preset("double12", "双12", "12月10日–12月12日"),
    *(Preset(k, n, f"每周{'一二三四五六日'[wd]}") for k, n, wd, _ in _WEEKLY),
    Preset("member_month", "月度会员日", "每月8日"),
)
PRESET_KEYS = tuple(p.key for p in PRESETS)


def festival_draft(key: str, year: int, platform: str = "淘宝/天猫") -> CampaignDraft:
    """The festival campaign of `year` with its usual period, sign-up deadline and tasks."""
    for fest in overlay.festivals(year):
        if fest.key == key:
            return CampaignDraft(
                name=f"{year} {fest.name}",
                kind="official",
                platform=platform,
                start=fest.usual_start,
                end=fest.usual_end,
                signup_deadline=fest.signup_deadline,
                discount_text=_FESTIVAL_DISCOUNTS.get(key),
                tasks=STANDARD_TASKS,
            )
    raise InvalidInput(f"未知的活动模板: {key}")


def _shop_tasks(title: str) -> tuple[TaskTemplate, ...]:
    # A weekly activity is prepared once, then checked on its days by the checklist item.
    prep = [t for t in OWN_TASKS if t.stage in ("page_designed", "notified")]
    return (*prep, TaskTemplate("live", f"{title}已上线", "start", 0, "运营"))


def draft(key: str, on_or_after: date) -> CampaignDraft:
    """The preset `key` for the next suitable date on or after `on_or_after`."""
    for wkey, name, weekday, discount in _WEEKLY:
        if key == wkey:
            first = on_or_after + timedelta(days=(weekday - on_or_after.weekday()) % 7)
            return CampaignDraft(
                name=name,
                kind="own",
                start=first,
                end=first.replace(year=first.year + OPEN_END_YEARS, day=min(first.day, 28)),
                discount_text=discount,
                recurrence=weekly(weekday),
                tasks=_shop_tasks(name),
            )
    if key == "member_month":
        first = (
            on_or_after
            if on_or_after.day <= 8
            else (on_or_after.replace(day=28) + timedelta(days=4))
        )
        first = first.replace(day=8)
        return CampaignDraft(
            name="月度会员日",
            kind="own",
            start=first,
            end=first.replace(year=first.year + OPEN_END_YEARS),
            discount_text="会员专享: 全场9折",
            recurrence=monthly(8),
            tasks=_shop_tasks("月度会员日"),
        )
    # a festival: this year's unless it has already ended, then next year's
    fest = festival_draft(key, on_or_after.year)
    if fest.end < on_or_after:
        fest = festival_draft(key, on_or_after.year + 1)
    return fest
