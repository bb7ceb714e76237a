"""Live data beside a checklist item, keyed by the template's `link_key` (DOMAIN.md §1).

A provider is a function `(session, day) -> LinkStatus | None` registered under a key:

    from shopdesk.checklist.links import LinkStatus, provider

    @provider("roi", "推广 ROI")
    def _roi(session, day):
        return LinkStatus("昨日 ROI 1:4.2", "ok", target_tab="metrics")

Another feature adds providers in a module named `shopdesk/<feature>/checklist_links.py`: it is
imported the first time the checklist asks (or list any module in `PROVIDER_MODULES`). The
checklist still needs a person to tick; the template editor offers every registered key.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from shopdesk.db.engine import Database

log = logging.getLogger(__name__)

LEVELS = ("ok", "warn", "bad")
# Filter text the inventory tab understands: active hero SKUs below their warning level.
HERO_BELOW_FILTER = "hero:below_warning"
# Modules that register more providers when imported, besides shopdesk/<feature>/checklist_links.py.
PROVIDER_MODULES: list[str] = ["shopdesk.metrics.links"]
FEATURES = ("inventory", "metrics", "campaigns", "kpi")
_loaded = False


@dataclass(frozen=True)
class LinkStatus:
    """A short live state shown beside an item: text, colour level, and where a click goes."""

    text: str
    level: str = "ok"  # ok | warn | bad
    target_tab: str | None = None
    target_filter: str = ""
    tooltip: str = ""


Provider = Callable[[Session, date], LinkStatus | None]


@dataclass(frozen=True)
class _Entry:
    label: str
    fn: Provider


_REGISTRY: dict[str, _Entry] = {}


def provider(key: str, label: str) -> Callable[[Provider], Provider]:
    """Register `fn` as the provider for `key` (a later registration replaces an earlier one)."""

    def deco(fn: Provider) -> Provider:
        _REGISTRY[key] = _Entry(label, fn)
        return fn

    return deco


def _load_modules() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    names = [*PROVIDER_MODULES]
    for feature in FEATURES:
        name = f"shopdesk.{feature}.checklist_links"
        if importlib.util.find_spec(name) is not None:
            names.append(name)
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            log.warning("checklist link module %s could not be imported", name)


def available() -> dict[str, str]:
    """link_key → label, for the template editor's drop-down."""
    _load_modules()
    return {k: e.label for k, e in _REGISTRY.items()}


def evaluate(db: Database, keys: Iterable[str | None], day: date) -> dict[str, LinkStatus]:
    """Live states for the given keys on `day`, all read in one session.

    A provider that fails shows as "暂时无法读取" instead of taking the checklist down.
    """
    _load_modules()
    wanted = sorted({k for k in keys if k})
    out: dict[str, LinkStatus] = {}
    if not wanted:
        return out
    with db.read() as s:
        for key in wanted:
            entry = _REGISTRY.get(key)
            if entry is None:
                out[key] = LinkStatus(
                    "数据链接不可用",
                    "warn",
                    tooltip=f"没有名为 “{key}” 的数据链接; 请在编辑项目里重选",
                )
                continue
            try:
                status = entry.fn(s, day)
            except Exception:
                log.exception("checklist link %s failed", key)
                s.rollback()
                status = LinkStatus(
                    "暂时无法读取", "warn", tooltip=f"数据链接 {key} 出错, 详见日志"
                )
            if status is not None:
                out[key] = status
    return out


# -- built-in providers -------------------------------------------------------------------------


@provider("hero_stock", "主推款库存")
def hero_stock(session: Session, day: date) -> LinkStatus:
    """How many active hero SKUs are below their warning level (tier default if none is set)."""
    from shopdesk.inventory.models import Product
    from shopdesk.settings.service import get as setting

    levels: dict[str, int] = setting(session, "restock.warning_levels")
    warn = func.coalesce(
        Product.warning_level,
        case(*[(Product.tier == t, v) for t, v in levels.items()], else_=0),
    )
    hero = and_(Product.hero.is_(True), Product.active.is_(True))
    total = session.scalar(select(func.count()).select_from(Product).where(hero)) or 0
    if not total:
        return LinkStatus("尚未设置主推款", "warn", "inventory", tooltip="在库存页把商品标为主推款")
    below = session.execute(
        select(Product.sku, Product.name, Product.on_hand, warn)
        .where(hero, Product.on_hand < warn)
        .order_by(Product.on_hand - warn, Product.sku)
    ).all()
    if not below:
        return LinkStatus(f"主推款库存充足 ({total} 款)", "ok", "inventory")
    lines = [f"{sku} {name}: 库存 {on_hand} / 预警 {level}" for sku, name, on_hand, level in below]
    more = f"\n…另有 {len(lines) - 10} 款" if len(lines) > 10 else ""
    # A click opens 库存补货 showing exactly the hero SKUs below their warning level.
    return LinkStatus(
        f"{len(below)} 个主推款低于预警量",
        "bad",
        "inventory",
        HERO_BELOW_FILTER,
        tooltip=f"共 {total} 个主推款, 低于预警量:\n" + "\n".join(lines[:10]) + more,
    )


def dsr_score(
    description: Decimal | None, service: Decimal | None, logistics: Decimal | None
) -> Decimal | None:
    """DSR 综合评分: the mean of the three DSR scores present, to 2 places."""
    parts = [v for v in (description, service, logistics) if v is not None]
    if not parts:
        return None
    return (sum(parts, Decimal(0)) / len(parts)).quantize(Decimal("0.01"))


@provider("dsr", "DSR 综合评分")
def dsr(session: Session, day: date) -> LinkStatus:
    """Yesterday's DSR composite and its change from the day before."""
    from shopdesk.metrics.models import DailyMetric

    yesterday = day - timedelta(days=1)
    rows = {
        m.day: m
        for m in session.execute(
            select(DailyMetric).where(DailyMetric.day.in_([yesterday, yesterday - timedelta(1)]))
        ).scalars()
    }
    y = rows.get(yesterday)
    if y is None:
        return LinkStatus("昨日数据未录入", "warn", "metrics")
    score = dsr_score(y.dsr_description, y.dsr_service, y.dsr_logistics)
    if score is None:
        return LinkStatus("昨日 DSR 未录入", "warn", "metrics")
    prev = rows.get(yesterday - timedelta(1))
    before = dsr_score(prev.dsr_description, prev.dsr_service, prev.dsr_logistics) if prev else None
    tip = "DSR 综合评分 = 描述相符、服务态度、物流服务三项的平均分 (满分 5)"
    if y.after_sales_score is not None:
        tip += f"; 昨日售后综合分 {y.after_sales_score:.2f}"
    if before is None:
        return LinkStatus(f"昨日 DSR {score}", "ok", "metrics", tooltip=tip)
    change = score - before
    if change > 0:
        return LinkStatus(f"昨日 DSR {score} ↑{change}", "ok", "metrics", tooltip=tip)
    if change < 0:
        return LinkStatus(f"昨日 DSR {score} ↓{-change}", "bad", "metrics", tooltip=tip)
    return LinkStatus(f"昨日 DSR {score} 持平", "ok", "metrics", tooltip=tip)
