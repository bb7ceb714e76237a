"""The one place that decides what each role may do (DOMAIN.md §0).

Services call `require(actor, Perm.X)` before any work; widgets may call `can()` to hide what
would be refused anyway, but hiding is a courtesy, not the protection.
"""

from __future__ import annotations

from enum import StrEnum

from shopdesk.auth.actor import Actor
from shopdesk.errors import PermissionDenied


class Perm(StrEnum):
    # Checklist
    TICK_CHECKLIST = "tick_checklist"
    EDIT_CHECKLIST = "edit_checklist"
    # Inventory
    VIEW_STOCK = "view_stock"
    EDIT_STOCK = "edit_stock"  # products, stock counts, purchase orders, imports
    VIEW_COST = "view_cost"  # cost price, supplier terms, profit
    SAVE_RESTOCK = "save_restock"
    # Campaigns
    VIEW_CAMPAIGNS = "view_campaigns"
    EDIT_CAMPAIGNS = "edit_campaigns"
    # KPI
    VIEW_OWN_SCORE = "view_own_score"
    SCORE_TEAM = "score_team"  # enter, publish, finalise for their team
    VIEW_ALL_SCORES = "view_all_scores"  # incl. others' bonus and pay
    REOPEN_SCORES = "reopen_scores"
    EDIT_SCORECARDS = "edit_scorecards"
    # Metrics
    VIEW_METRICS = "view_metrics"
    EDIT_METRICS = "edit_metrics"
    # Administration
    MANAGE_USERS = "manage_users"
    EDIT_SETTINGS = "edit_settings"
    VIEW_AUDIT = "view_audit"
    BACKUP = "backup"
    RESTORE = "restore"


_STAFF = {
    Perm.TICK_CHECKLIST,
    Perm.VIEW_STOCK,
    Perm.VIEW_CAMPAIGNS,
    Perm.VIEW_OWN_SCORE,
    Perm.VIEW_METRICS,
}
_SUPERVISOR = _STAFF | {
    Perm.EDIT_CHECKLIST,
    Perm.EDIT_CAMPAIGNS,
    Perm.SCORE_TEAM,
    Perm.EDIT_STOCK,
    Perm.SAVE_RESTOCK,
    Perm.EDIT_METRICS,
    Perm.BACKUP,
}
_FINANCE = _STAFF | {Perm.VIEW_COST, Perm.VIEW_ALL_SCORES, Perm.VIEW_AUDIT, Perm.BACKUP}

ROLE_PERMS: dict[str, frozenset[Perm]] = {
    "staff": frozenset(_STAFF),
    "supervisor": frozenset(_SUPERVISOR),
    "finance": frozenset(_FINANCE),
    "owner": frozenset(Perm),
}

_PERM_LABELS = {
    Perm.EDIT_CHECKLIST: "编辑检查项目",
    Perm.EDIT_STOCK: "修改商品和库存",
    Perm.VIEW_COST: "查看成本价",
    Perm.SAVE_RESTOCK: "保存补货单",
    Perm.EDIT_CAMPAIGNS: "编辑活动",
    Perm.SCORE_TEAM: "录入客服绩效",
    Perm.VIEW_ALL_SCORES: "查看所有人的绩效和奖金",
    Perm.REOPEN_SCORES: "重新打开已定稿的绩效",
    Perm.EDIT_SCORECARDS: "修改考核表",
    Perm.EDIT_METRICS: "录入经营数据",
    Perm.MANAGE_USERS: "管理用户",
    Perm.EDIT_SETTINGS: "修改设置",
    Perm.VIEW_AUDIT: "查看操作日志",
    Perm.BACKUP: "备份数据",
    Perm.RESTORE: "恢复数据",
}


def can(actor: Actor, perm: Perm) -> bool:
    return perm in ROLE_PERMS.get(actor.role, frozenset())


def require(actor: Actor, perm: Perm) -> None:
    if not can(actor, perm):
        what = _PERM_LABELS.get(perm, perm.value)
        raise PermissionDenied(f"{actor.name}({actor.role_label})没有权限: {what}")
