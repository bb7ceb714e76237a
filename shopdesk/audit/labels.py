"""Readable names for the audit log's entity and action keys (the keys stay in the database)."""

from __future__ import annotations

ENTITY_LABELS: dict[str, str] = {
    "ad_channel": "广告渠道",
    "campaign": "活动",
    "campaign_task": "活动任务",
    "checklist_occurrence": "检查记录",
    "checklist_template": "检查项目",
    "daily_metric": "经营数据",
    "demo": "演示数据",
    "import": "导入",
    "kpi_card": "考核表",
    "kpi_dispute": "绩效申诉",
    "kpi_month": "绩效月份",
    "kpi_score": "绩效分数",
    "metrics_import": "经营数据导入",
    "product": "商品",
    "purchase_order": "采购单",
    "restock_sheet": "补货单",
    "setting": "设置",
    "stock": "库存",
    "supplier": "供应商",
    "user": "用户",
}

ACTION_LABELS: dict[str, str] = {
    "add_agents": "添加客服",
    "cancel": "作废",
    "complete": "完成",
    "create": "新建",
    "deactivate": "停用",
    "delete": "删除",
    "demo": "生成演示",
    "dispute_accept": "接受申诉",
    "edit": "编辑",
    "finalise": "定稿",
    "generate": "生成",
    "import": "导入",
    "install_defaults": "安装默认项目",
    "locked": "锁定",
    "move": "移动",
    "new_version": "新版本",
    "open": "打开",
    "order": "下单",
    "override": "手动修改",
    "publish": "发布",
    "raise": "提出申诉",
    "reactivate": "重新启用",
    "receive": "到货",
    "reconcile": "核对修正",
    "reopen": "重新打开",
    "reorder": "调整顺序",
    "reset_pin": "重设 PIN",
    "restore": "恢复",
    "retire": "停用",
    "review": "复盘",
    "save": "保存",
    "skip": "跳过",
    "stage": "阶段变更",
    "tick": "打勾",
    "tick_again": "再次打勾",
    "unreceive": "撤销到货",
    "untick": "取消打勾",
    "update": "修改",
    "accepted": "已接受",
    "denied": "已驳回",
}


def entity_label(key: str) -> str:
    return ENTITY_LABELS.get(key, key)


def action_label(key: str) -> str:
    return ACTION_LABELS.get(key, key)
