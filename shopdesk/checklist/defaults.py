"""The default checklist of DOMAIN.md §1, installed into a new database (plain data).

Chinese text is the app's default; the owner edits, reorders or retires items in the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.checklist.recurrence import Rule, default_miss_policy


@dataclass(frozen=True)
class DefaultTemplate:
    section: str
    title: str
    job: str
    source: str
    kind: str = "daily"
    weekdays: tuple[int, ...] = ()
    month_day: int | None = None
    needs_note: bool = False
    needs_number: bool = False
    number_label: str | None = None
    link_key: str | None = None

    @property
    def rule(self) -> Rule:
        return Rule(self.kind, frozenset(self.weekdays), self.month_day)

    @property
    def miss_policy(self) -> str:
        return default_miss_policy(self.kind)


_D = DefaultTemplate

DEFAULT_TEMPLATES: tuple[DefaultTemplate, ...] = (
    _D("店铺检查", "折扣/店铺活动/活动天数/推广费/库存/主推款是否正常", "运营", "[000] 检查 1"),
    _D("店铺检查", "活动天数、折扣文字与店铺图片是否一致", "运营", "[000] 检查 2"),
    _D(
        "店铺检查",
        "主推款库存是否充足;低于预警量的款是否已补货/确认订单已付款",
        "运营",
        "[000] 检查 3",
        link_key="hero_stock",
    ),
    _D(
        "店铺检查",
        "店铺首页、详情页、分类、店招、图片是否正常",
        "美工",
        "[000] 检查 4, [003] 运营 2",
    ),
    _D("店铺检查", "前台有无投诉、举报、违规、处罚,已处理", "运营", "[000] 检查 5"),
    _D("订单", "漏发、断货造成的未发货订单已第一时间处理", "客服", "[000] 检查 6"),
    _D("订单", "当天订单已处理,24小时内发货", "仓库", "[003] 订单 2"),
    _D(
        "数据",
        "记录 DSR 综合评分与售后综合分,对比昨日升降",
        "运营",
        "[000] 检查 7",
        needs_number=True,
        number_label="DSR 综合评分",
        link_key="dsr",
    ),
    _D(
        "数据",
        "记录访客、转化率、销售额、跳失率、访问深度",
        "运营",
        "[000] 数据 01",
        link_key="traffic",
    ),
    _D(
        "推广",
        "直通车/钻展/淘宝客 消耗、转化、ROI 检查",
        "推广",
        "[003] 推广 2",
        link_key="ad_roi",
    ),
    _D("客服", "抽查 10 条客服聊天记录", "客服主管", "[003] 店铺 3"),
    _D("客服", "问题订单 24 小时内处理完毕", "客服主管", "[003] 团队 4"),
    _D("活动", "周一团购已上线", "运营", "[003] 运营 5", kind="weekly", weekdays=(0,)),
    _D("活动", "周二特价已上线", "运营", "[003] 运营 5", kind="weekly", weekdays=(1,)),
    _D("活动", "周三上新已上线", "运营", "[003] 运营 5", kind="weekly", weekdays=(2,)),
    _D("活动", "周四免邮已上线", "运营", "[003] 运营 5", kind="weekly", weekdays=(3,)),
    _D("采购", "提交本周补货需求表", "店主/采购", "[003] 采购 1", kind="weekly", weekdays=(3,)),
    _D(
        "团队",
        "周例会: 业绩进展与流程优化",
        "主管",
        "[003] 管理 D, [002] 复盘迭代",
        kind="weekly",
        weekdays=(4,),
        needs_note=True,
    ),
    _D("团队", "月度团队活动", "店主", "[003] 管理 C", kind="monthly", month_day=1),
)
