"""The daily figures: names, kinds, definitions and the header aliases of platform exports.

One table describes every figure so the importer, the typed-in form, the dashboard cards, the
CLI and the tooltips all agree. Definitions follow the platform's metric dictionary (DOMAIN §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from shopdesk.numbers import NumberError, parse_decimal, parse_int, parse_money, parse_percent


class Kind(Enum):
    """How a figure is parsed, stored and shown."""

    COUNT = "count"  # whole number (visitors, orders)
    MONEY = "money"  # yuan, two decimals
    RATIO = "ratio"  # 0.0325, shown as 3.25%
    DECIMAL = "decimal"  # pages per visit
    SCORE = "score"  # DSR 0–5


@dataclass(frozen=True)
class FigureSpec:
    """One daily figure of the shop."""

    key: str
    label: str  # Chinese, as in the UI
    english: str
    kind: Kind
    definition: str  # tooltip text
    aliases: tuple[str, ...] = ()
    higher_is_better: bool = True
    summable: bool = True  # weekly/monthly total is the sum of days


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec(
        "visitors",
        "访客数",
        "Visitors (UV)",
        Kind.COUNT,
        "访客数 (UV): 店铺各页面的访问人数, 同一访客一天内多次访问只计一次。",
        ("访客数", "访客", "uv", "visitors", "unique visitors"),
    ),
    FigureSpec(
        "page_views",
        "浏览量",
        "Page views (PV)",
        Kind.COUNT,
        "浏览量 (PV): 店铺各页面被查看的次数, 同一访客多次打开累加计算。",
        ("浏览量", "pv", "page views", "pageviews"),
    ),
    FigureSpec(
        "paying_buyers",
        "支付买家数",
        "Paying buyers",
        Kind.COUNT,
        "支付买家数: 统计日内完成支付的去重买家人数。",
        ("支付买家数", "成交人数", "付款人数", "paying buyers", "buyers"),
    ),
    FigureSpec(
        "orders",
        "支付订单数",
        "Paid orders",
        Kind.COUNT,
        "支付订单数: 统计日内完成支付的订单数。",
        ("支付订单数", "付款订单数", "成交订单数", "orders", "paid orders"),
    ),
    FigureSpec(
        "paid_amount",
        "支付金额",
        "Paid amount",
        Kind.MONEY,
        "支付金额: 买家拍下后支付的金额合计, 不扣除退款。",
        ("支付金额", "成交金额", "销售额", "付款金额", "paid amount", "sales", "gmv"),
    ),
    FigureSpec(
        "conversion",
        "支付转化率",
        "Conversion rate",
        Kind.RATIO,
        "支付转化率 = 支付买家数 ÷ 访客数。",
        ("支付转化率", "转化率", "conversion", "conversion rate", "cvr"),
        summable=False,
    ),
    FigureSpec(
        "aov",
        "客单价",
        "Average order value",
        Kind.MONEY,
        "客单价 = 支付金额 ÷ 支付买家数。",
        ("客单价", "aov", "average order value", "avg order value"),
        summable=False,
    ),
    FigureSpec(
        "bounce_rate",
        "跳失率",
        "Bounce rate",
        Kind.RATIO,
        "跳失率: 只浏览了一个页面就离开的访客占比, 越低越好。",
        ("跳失率", "跳出率", "bounce rate", "bounce"),
        higher_is_better=False,
        summable=False,
    ),
    FigureSpec(
        "pages_per_visit",
        "人均浏览量",
        "Pages per visit",
        Kind.DECIMAL,
        "人均浏览量 (访问深度) = 浏览量 ÷ 访客数。",
        ("人均浏览量", "访问深度", "平均访问深度", "pages per visit", "pages/visit"),
        summable=False,
    ),
    FigureSpec(
        "dsr_description",
        "描述相符",
        "DSR description",
        Kind.SCORE,
        "DSR 宝贝与描述相符: 近 180 天买家评分的平均值 (满分 5)。",
        ("描述相符", "dsr描述", "dsr 描述", "描述", "dsr description", "description score"),
        summable=False,
    ),
    FigureSpec(
        "dsr_service",
        "服务态度",
        "DSR service",
        Kind.SCORE,
        "DSR 卖家服务态度: 近 180 天买家评分的平均值 (满分 5)。",
        ("服务态度", "dsr服务", "dsr 服务", "服务", "dsr service", "service score"),
        summable=False,
    ),
    FigureSpec(
        "dsr_logistics",
        "物流服务",
        "DSR logistics",
        Kind.SCORE,
        "DSR 物流服务质量: 近 180 天买家评分的平均值 (满分 5)。",
        ("物流服务", "dsr物流", "dsr 物流", "物流", "dsr logistics", "logistics score"),
        summable=False,
    ),
    FigureSpec(
        "after_sales_score",
        "售后综合分",
        "After-sales score",
        Kind.SCORE,
        "售后综合分: 平台对退款、纠纷处理的综合评分。",
        ("售后综合分", "售后评分", "after-sales score", "after sales score"),
        summable=False,
    ),
    FigureSpec(
        "free_shipping_cost",
        "免邮费用",
        "Free-shipping cost",
        Kind.MONEY,
        "免邮费用: 店铺为包邮承担的运费, 计入店铺 ROI 成本。",
        ("免邮费用", "免邮费", "包邮费用", "运费补贴", "free shipping cost", "free shipping"),
        higher_is_better=False,
    ),
    FigureSpec(
        "discounts",
        "打折促销",
        "Discounts",
        Kind.MONEY,
        "打折促销: 优惠券、满减、折扣让利金额, 计入店铺 ROI 成本。",
        ("打折促销", "优惠金额", "促销费用", "折扣金额", "discounts", "discount"),
        higher_is_better=False,
    ),
)

FIGURE_BY_KEY: dict[str, FigureSpec] = {f.key: f for f in FIGURES}
FIGURE_KEYS: tuple[str, ...] = tuple(f.key for f in FIGURES)

DAY_ALIASES: tuple[str, ...] = ("统计日期", "日期", "date", "day", "stat date")
CHANNEL_ALIASES: tuple[str, ...] = ("渠道", "推广渠道", "channel")
SPEND_ALIASES: tuple[str, ...] = ("花费", "消耗", "推广花费", "spend", "cost")
CHANNEL_SALES_ALIASES: tuple[str, ...] = ("成交金额", "推广成交金额", "sales", "revenue")

#: The platform's channels; owners may add more.
DEFAULT_CHANNELS: tuple[str, ...] = ("直通车", "钻展/引力魔方", "淘宝客", "短信营销")

#: Other names of the default channels met in exports (lower-case, no blanks).
CHANNEL_NAME_ALIASES: dict[str, str] = {
    "直通车": "直通车",
    "ztc": "直通车",
    "zhitongche": "直通车",
    "钻展": "钻展/引力魔方",
    "引力魔方": "钻展/引力魔方",
    "钻展/引力魔方": "钻展/引力魔方",
    "钻石展位": "钻展/引力魔方",
    "超级推荐": "钻展/引力魔方",
    "diamond": "钻展/引力魔方",
    "zuanzhan": "钻展/引力魔方",
    "淘宝客": "淘宝客",
    "淘客": "淘宝客",
    "taobaoke": "淘宝客",
    "taoke": "淘宝客",
    "短信营销": "短信营销",
    "短信": "短信营销",
    "sms": "短信营销",
}


def normalise_header(text: object) -> str:
    """Lower-case, drop blanks, brackets with units and BOM so '访客数 (UV)' ≈ '访客数'."""
    s = str(text).replace("\ufeff", "").strip().lower()
    s = re.sub(r"[（(][^）)]*[）)]", "", s)  # "(元)", "(UV)"
    s = s.replace("：", ":").replace("_", " ")
    return re.sub(r"\s+", "", s)


def canonical_channel(name: str) -> str:
    """The stored channel name for a name met in a file or typed in."""
    key = normalise_header(name)
    if key in CHANNEL_NAME_ALIASES:
        return CHANNEL_NAME_ALIASES[key]
    if key.endswith("推广") and key[:-2] in CHANNEL_NAME_ALIASES:  # "直通车推广"
        return CHANNEL_NAME_ALIASES[key[:-2]]
    return str(name).strip()


_FIGURE_ALIAS_INDEX: dict[str, str] = {
    normalise_header(alias): spec.key
    for spec in FIGURES
    for alias in (*spec.aliases, spec.label, spec.key)
}


@dataclass(frozen=True)
class ChannelColumn:
    """A wide-format column 'X花费' / 'X成交金额' naming a channel and what it holds."""

    channel: str
    what: str  # "spend" | "sales"


def match_header(header: object) -> str | ChannelColumn | None:
    """What a column of an export holds: a figure key, 'day', 'channel', 'spend', 'sales',
    a per-channel column, or None (ignored, listed in the preview)."""
    h = normalise_header(header)
    if not h:
        return None
    if h in {normalise_header(a) for a in DAY_ALIASES}:
        return "day"
    if h in {normalise_header(a) for a in CHANNEL_ALIASES}:
        return "channel"
    if h in {normalise_header(a) for a in SPEND_ALIASES}:
        return "spend"
    # "成交金额" alone is the shop's paid amount in a daily sheet, but a channel's sales in a
    # channel-per-row sheet; the importer decides with the 'channel' column present.
    if h in _FIGURE_ALIAS_INDEX:
        return _FIGURE_ALIAS_INDEX[h]
    if h in {normalise_header(a) for a in CHANNEL_SALES_ALIASES}:
        return "sales"
    for suffixes, what in ((SPEND_ALIASES, "spend"), (CHANNEL_SALES_ALIASES, "sales")):
        for suffix in sorted({normalise_header(s) for s in suffixes}, key=len):
            for sep in ("", "-", ":", "/"):
                if h.endswith(sep + suffix) and len(h) > len(sep + suffix):
                    name = h[: -len(sep + suffix)].rstrip("-:/")
                    if name:
                        return ChannelColumn(canonical_channel(name), what)
                if h.startswith(suffix + sep) and len(h) > len(suffix + sep):
                    name = h[len(suffix + sep) :].lstrip("-:/")
                    if name:
                        return ChannelColumn(canonical_channel(name), what)
    return None


@dataclass(frozen=True)
class DayFigures:
    """The shop's figures for one day; None means not known (never 0 by default)."""

    day: date
    visitors: int | None = None
    page_views: int | None = None
    paying_buyers: int | None = None
    orders: int | None = None
    paid_amount: Decimal | None = None
    conversion: Decimal | None = None
    aov: Decimal | None = None
    bounce_rate: Decimal | None = None
    pages_per_visit: Decimal | None = None
    dsr_description: Decimal | None = None
    dsr_service: Decimal | None = None
    dsr_logistics: Decimal | None = None
    after_sales_score: Decimal | None = None
    free_shipping_cost: Decimal | None = None
    discounts: Decimal | None = None

    def get(self, key: str) -> int | Decimal | None:
        value: int | Decimal | None = getattr(self, key)
        return value

    def with_values(self, **values: int | Decimal | None) -> DayFigures:
        changes: dict[str, Any] = values
        return replace(self, **changes)

    def as_dict(self) -> dict[str, int | Decimal | None]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "day"}


@dataclass(frozen=True)
class ChannelDay:
    """Spend and attributed sales of one ad channel on one day."""

    day: date
    channel: str
    spend: Decimal = Decimal("0.00")
    sales: Decimal = Decimal("0.00")


@dataclass
class DayInput:
    """One day as read from a file or a form, before it is stored."""

    figures: DayFigures
    channels: list[ChannelDay] = field(default_factory=list)


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")


def parse_day(value: object) -> date:
    """A day from an export: '2024-05-01', '2024/5/1', '20240501', '2024年5月1日', a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        moment: datetime = value.to_pydatetime()
        return moment.date()
    s = str(value).strip() if value is not None else ""
    if not s:
        raise NumberError("日期不能为空")
    s = s.split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise NumberError(f"“{s}” 不是有效日期 (例: 2024-05-01)")


_SCORE_MAX = Decimal(5)


def parse_figure(key: str, value: object) -> int | Decimal:
    """Parse one figure strictly by its kind; raises NumberError with a reason."""
    kind = FIGURE_BY_KEY[key].kind
    if kind is Kind.COUNT:
        return parse_int(value, minimum=0)
    if kind is Kind.MONEY:
        return parse_money(value)
    if kind is Kind.RATIO:
        ratio = parse_percent(value)
        if ratio < 0 or ratio > 1:
            raise NumberError("比率应在 0% 到 100% 之间")
        return ratio.quantize(Decimal("0.000001"))
    if kind is Kind.SCORE:
        return parse_decimal(value, minimum=Decimal(0), maximum=_SCORE_MAX).quantize(
            Decimal("0.0001")
        )
    return parse_decimal(value, minimum=Decimal(0)).quantize(Decimal("0.0001"))


def format_figure(key: str, value: int | Decimal | None) -> str:
    """The figure as shown in cards and tables: '1,234', '¥56.78', '3.25%', '4.8123'."""
    if value is None:
        return "—"
    kind = FIGURE_BY_KEY[key].kind
    if kind is Kind.COUNT:
        return f"{int(value):,}"
    if kind is Kind.MONEY:
        return f"¥{Decimal(value):,.2f}"
    if kind is Kind.RATIO:
        return f"{Decimal(value) * 100:.2f}%"
    if kind is Kind.SCORE:
        return f"{Decimal(value):.4f}"
    return f"{Decimal(value):.2f}"
