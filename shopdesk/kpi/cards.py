"""The two built-in scorecards (DOMAIN.md §4, source [001] and [002]).

The owner copies one of these to make a card of their own; the built-ins themselves are the
defaults a new shop starts with.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from shopdesk.kpi.scorecard import Adjustment, Band, Card, Item, Penalty

D = Decimal
THOUSAND = D("1000.00")
AFTER_SALES = "after_sales"
PRE_SALES = "pre_sales"
AFTER_SALES_NAME = "售后客服考核"
PRE_SALES_NAME = "售前客服考核"

_GRADES = (("优", D(20)), ("良", D(15)), ("中", D(10)), ("差", D(0)))
DEFAULT_BASE_PAY = {
    "普通售后客服": D("2000.00"),
    "高级售后客服": D("2500.00"),
    "售后组长": D("3000.00"),
}
DEFAULT_PRE_SALES_BASE_PAY = {"售前客服": D("2000.00")}


def _common_adjustments(*, low_reviews: bool) -> tuple[Adjustment, ...]:
    out = []
    if low_reviews:
        out.append(
            Adjustment(
                "low_reviews",
                "低质评价",
                -1,
                "count",
                each=D(5),
                hint="由于售后原因造成的低质评价, 每次扣 5 分 (数据由客服主管提供)",
            )
        )
    out += [
        Adjustment(
            "complaint_deduction",
            "投诉扣分",
            -1,
            "amounts",
            min_each=D(5),
            max_each=D(20),
            hint="客户投诉查实无误, 视情况每次扣 5–20 分; 多次投诉用逗号分隔, 如 10,15",
        ),
        Adjustment("praises", "表扬", 1, "count", each=D(2), hint="客户表扬, 每次加 2 分"),
        Adjustment(
            "outstanding",
            "突出表现",
            1,
            "once",
            min_each=D(2),
            max_each=D(5),
            hint="工作态度、进步快、学习能力强等, 每月一次加 2–5 分",
        ),
    ]
    return tuple(out)


def after_sales_card(
    pool: Decimal = THOUSAND, base_pay: Mapping[str, Decimal] | None = None
) -> Card:
    """售后客服考核标准 of [001]: 130 points, pass line 70% (91)."""
    return Card(
        name=AFTER_SALES_NAME,
        kind=AFTER_SALES,
        pass_ratio=D("0.7"),
        pool=pool,
        base_pay=dict(base_pay or DEFAULT_BASE_PAY),
        items=(
            Item(
                "quality",
                "售后客服素质",
                "grade",
                D(20),
                hint="调查聊天记录: 响应时间、与客户沟通、处理问题能力、产品及促销活动了解程度. "
                "优 20 / 良 15 / 中 10 / 差 0",
                grades=_GRADES,
            ),
            Item(
                "refund_rate",
                "退款率",
                "band",
                D(30),
                hint="≤5%: 30分; 5%<x≤8%: 20分; 8%<x≤11%: 10分; 11%以上: 0分. 可填 4.2% 或 0.042",
                bands=(Band(D("0.05"), D(30)), Band(D("0.08"), D(20)), Band(D("0.11"), D(10))),
                better="lower",
                unit="percent",
            ),
            Item(
                "disputes",
                "纠纷处理",
                "grade",
                D(20),
                hint="投诉、维权、举报、退款纠纷: 及时处理的情况及程度. "
                "优 20 / 良 15 / 中 10 / 差 0",
                grades=_GRADES,
            ),
            Item(
                "teamwork",
                "配合度",
                "grade",
                D(20),
                hint="与团队配合、团队合作情况. 优 20 / 良 15 / 中 10 / 差 0",
                grades=_GRADES,
            ),
            Item(
                "execution",
                "执行力",
                "grade",
                D(20),
                hint="上级主管安排的工作的完成情况. 优 20 / 良 15 / 中 10 / 差 0",
                grades=_GRADES,
            ),
            Item(
                "attendance",
                "出勤率",
                "attendance",
                D(20),
                hint="全勤 20 分; 迟到一次扣 5 分, 请假一次扣 5 分, 旷工一次扣 10 分; 最低 0 分",
                penalties=(
                    Penalty("late", "迟到", D(5)),
                    Penalty("leave", "请假", D(5)),
                    Penalty("absent", "旷工", D(10)),
                ),
            ),
        ),
        adjustments=_common_adjustments(low_reviews=True),
    )


def pre_sales_card(pool: Decimal = THOUSAND, base_pay: Mapping[str, Decimal] | None = None) -> Card:
    """Pre-sales card of [002]/[000]: response time, satisfaction, inquiry conversion (100 points).

    The sources name the measures but not the thresholds; these are starting values the owner is
    expected to adjust (copy the card and edit the bands).
    """
    return Card(
        name=PRE_SALES_NAME,
        kind=PRE_SALES,
        pass_ratio=D("0.7"),
        pool=pool,
        base_pay=dict(base_pay or DEFAULT_PRE_SALES_BASE_PAY),
        items=(
            Item(
                "response_time",
                "平均首次响应时间",
                "band",
                D(30),
                hint="旺旺平均首次响应时间 (秒): ≤15秒 30分; ≤30秒 20分; ≤60秒 10分; 更慢 0分",
                bands=(Band(D(15), D(30)), Band(D(30), D(20)), Band(D(60), D(10))),
                better="lower",
                unit="seconds",
            ),
            Item(
                "satisfaction",
                "满意度",
                "band",
                D(30),
                hint="客户满意率: ≥95% 30分; ≥90% 20分; ≥85% 10分; 更低 0分",
                bands=(Band(D("0.95"), D(30)), Band(D("0.90"), D(20)), Band(D("0.85"), D(10))),
                better="higher",
                unit="percent",
            ),
            Item(
                "conversion",
                "询单转化率",
                "band",
                D(40),
                hint="询单转化率 = 询单后付款人数 ÷ 询单人数: ≥60% 40分; ≥50% 30分; ≥40% 20分; "
                "≥30% 10分; 更低 0分",
                bands=(
                    Band(D("0.60"), D(40)),
                    Band(D("0.50"), D(30)),
                    Band(D("0.40"), D(20)),
                    Band(D("0.30"), D(10)),
                ),
                better="higher",
                unit="percent",
            ),
        ),
        adjustments=_common_adjustments(low_reviews=False),
    )


def builtin_cards() -> list[Card]:
    return [after_sales_card(), pre_sales_card()]
