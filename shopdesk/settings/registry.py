"""Every owner-editable setting with its default, label and validation (DOMAIN.md *(setting)*).

Features read settings through `shopdesk.settings.service.get`; adding a setting means adding one
`Setting` here, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shopdesk.errors import InvalidInput


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: Any
    label: str
    group: str
    check: Callable[[Any], bool] = lambda _v: True
    hint: str = ""


def _nonneg_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _tier_ints(v: Any) -> bool:
    return (
        isinstance(v, dict)
        and set(v) == {"hot", "regular", "slow"}
        and all(_nonneg_int(x) for x in v.values())
    )


def _money_text(v: Any) -> bool:
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(str(v)) >= 0
    except InvalidOperation:
        return False


SETTINGS: dict[str, SettingDef] = {
    s.key: s
    for s in [
        SettingDef(
            "shop.name", "我的小店", "店铺名称", "店铺", lambda v: isinstance(v, str) and bool(v)
        ),
        SettingDef("shop.platform", "淘宝", "平台", "店铺", lambda v: isinstance(v, str)),
        # Interface language (shopdesk/ui/i18n.py): auto follows the system, read at start-up.
        SettingDef(
            "ui.language",
            "auto",
            "界面语言",
            "店铺",
            lambda v: v in ("auto", "zh_CN", "en"),
            "auto = 跟随系统, zh_CN = 简体中文, en = English; 重新启动后生效",
        ),
        SettingDef("audit.bulk_threshold", 20, "批量修改预警条数", "安全", _nonneg_int),
        SettingDef(
            "auth.require_pin", False, "所有用户必须设置 PIN", "安全", lambda v: isinstance(v, bool)
        ),
        # Inventory / restock (DOMAIN.md §2)
        SettingDef("restock.weekday", 3, "补货表日 (0=周一)", "补货", lambda v: v in range(7)),
        SettingDef(
            "restock.window_days", 28, "销量统计天数", "补货", lambda v: _nonneg_int(v) and v > 0
        ),
        SettingDef("restock.review_days", 7, "补货周期 R (天)", "补货", _nonneg_int),
        SettingDef(
            "restock.safety_days",
            {"hot": 7, "regular": 4, "slow": 0},
            "安全天数",
            "补货",
            _tier_ints,
        ),
        SettingDef(
            "restock.warning_levels",
            {"hot": 50, "regular": 20, "slow": 5},
            "默认库存预警量",
            "补货",
            _tier_ints,
        ),
        SettingDef(
            "restock.exclude_campaign_days",
            True,
            "基线销量剔除活动日",
            "补货",
            lambda v: isinstance(v, bool),
        ),
        # KPI (DOMAIN.md §4)
        SettingDef("kpi.dispute_days", 3, "绩效申诉期 (天)", "绩效", _nonneg_int),
        # Metrics (DOMAIN.md §5)
        SettingDef(
            "metrics.change_threshold", "0.20", "日环比预警阈值", "数据", _money_text, "0.20 = ±20%"
        ),
        # Campaigns
        SettingDef("campaigns.reminder_days", 7, "活动提醒提前天数", "活动", _nonneg_int),
    ]
}


def validate(key: str, value: Any) -> None:
    d = SETTINGS.get(key)
    if d is None:
        raise InvalidInput(f"未知设置: {key}")
    if not d.check(value):
        raise InvalidInput(f"设置“{d.label}”的值无效: {value!r} {d.hint}".strip())
