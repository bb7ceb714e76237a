"""The demo shop: a believable home-goods shop on Taobao, made by code with a fixed seed.

The core (people, suppliers, ~300 SKUs, 180 days of sales with weekly and festival seasonality,
stock, purchase orders) is made here; each feature adds its own part through DEMO_PARTS.
"""

from __future__ import annotations

import importlib
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from shopdesk import audit
from shopdesk.auth.actor import SYSTEM, Actor
from shopdesk.auth.models import User
from shopdesk.auth.service import actor_of
from shopdesk.clock import now, today
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput
from shopdesk.inventory.models import (
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    Sale,
    StockMovement,
    Supplier,
)
from shopdesk.settings.models import Setting

# Modules with `populate(db, demo: DemoShop)`: checklist history, campaigns, KPI months, metrics.
DEMO_PARTS: tuple[str, ...] = (
    "shopdesk.campaigns.demo",
    "shopdesk.checklist.demo",
    "shopdesk.metrics.demo",
    "shopdesk.kpi.demo",
    "shopdesk.inventory.demo",
)

SHOP_NAME = "小美家居旗舰店"

# name, role, job, cs_level, supervisor
PEOPLE: list[tuple[str, str, str, str | None, str | None]] = [
    ("王芳", "owner", "店主", None, None),
    ("王建国", "owner", "店主", None, None),
    ("李娜", "owner", "采购", None, None),
    ("赵敏", "supervisor", "客服主管", None, None),
    ("孙浩", "supervisor", "主管", None, None),
    ("周婷", "supervisor", "客服主管", None, None),
    ("钱会计", "finance", "财务", None, None),
    ("吴出纳", "finance", "财务", None, None),
    ("郑审计", "finance", "财务", None, None),
    ("陈晨", "staff", "运营", None, None),
    ("刘洋", "staff", "运营", None, None),
    ("杨帆", "staff", "美工", None, None),
    ("黄磊", "staff", "仓库", None, None),
    ("林峰", "staff", "仓库", None, None),
    ("何静", "staff", "推广", None, None),
    ("小蔡", "staff", "客服", "售后组长", "赵敏"),
    ("小唐", "staff", "客服", "高级售后客服", "赵敏"),
    ("小许", "staff", "客服", "高级售后客服", "赵敏"),
    ("小邓", "staff", "客服", "普通售后客服", "赵敏"),
    ("小冯", "staff", "客服", "普通售后客服", "赵敏"),
    ("小韩", "staff", "客服", "普通售后客服", "周婷"),
    ("小曹", "staff", "客服", "普通售后客服", "周婷"),
    ("小彭", "staff", "客服", "售前客服", "周婷"),
    ("小曾", "staff", "客服", "售前客服", "周婷"),
    ("小萧", "staff", "客服", "售前客服", "周婷"),
]

SUPPLIERS = [
    ("义乌恒通日用品厂", 5, "月结30天"),
    ("宁波佳美塑料制品", 7, "款到发货"),
    ("广州白云家纺", 10, "月结15天, 一件代发"),
    ("潮州瓷都陶瓷", 14, "预付30%"),
    ("深圳优品生活科技", 4, "月结30天"),
    ("杭州绿野香氛", 12, "款到发货"),
]

# category, supplier index, base names, price range
CATALOGUE = [
    ("收纳", 1, ["抽屉式收纳盒", "桌面收纳架", "衣柜分隔板", "透明鞋盒", "化妆品收纳盒"], (19, 89)),
    ("杯壶", 4, ["316保温杯", "玻璃水杯", "便携咖啡杯", "儿童吸管杯", "大容量水壶"], (29, 129)),
    ("家纺", 2, ["纯棉毛巾", "珊瑚绒浴巾", "乳胶抱枕", "四件套", "夏凉被"], (25, 299)),
    ("餐具", 3, ["陶瓷碗套装", "日式餐盘", "筷子10双装", "汤勺套装", "骨瓷咖啡杯"], (15, 159)),
    ("清洁", 0, ["懒人拖把", "魔术擦", "马桶刷套装", "垃圾袋", "除螨喷雾"], (9, 69)),
    ("香氛", 5, ["无火香薰", "香薰蜡烛", "车载香片", "衣柜香包", "精油套装"], (19, 139)),
]
VARIANTS = ["白色", "灰色", "粉色", "蓝色", "大号", "小号", "两件装", "三件装", "豪华款", "经典款"]


@dataclass
class DemoShop:
    """What feature demo parts build on."""

    rng: random.Random
    today: date
    days: int
    owner: Actor
    users: dict[str, Actor] = field(default_factory=dict)
    product_ids: list[int] = field(default_factory=list)
    hero_ids: list[int] = field(default_factory=list)

    def by_job(self, job: str) -> list[Actor]:
        return [a for a in self.users.values() if a.job == job]


def festival_factor(day: date) -> float:
    """Sales multiplier around the e-commerce festivals."""
    md = (day.month, day.day)
    if md == (11, 11):
        return 6.0
    if (11, 1) <= md <= (11, 10):
        return 1.6
    if md == (12, 12):
        return 3.0
    if md == (6, 18):
        return 4.0
    if (6, 1) <= md <= (6, 17):
        return 1.4
    if md == (3, 8):
        return 2.0
    if (1, 10) <= md <= (1, 25):
        return 1.3  # 年货节
    return 1.0


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    threshold, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def generate(db: Database, *, seed: int = 2026, days: int = 180, force: bool = False) -> str:
    """Fill the database with the demo shop; refuses a database that already has products."""
    if days < 28:
        raise InvalidInput("示例数据至少需要 28 天的销售历史")
    rng = random.Random(seed)
    end = today()
    with db.write() as s:
        if s.scalar(select(func.count()).select_from(Product)) and not force:
            raise InvalidInput(
                "数据库里已有商品; 示例数据请放在新的数据目录 (--data-dir), 或加 --force"
            )
        users = _people(s)
        owner = users["王芳"]
        s.merge(Setting(key="shop.name", value=SHOP_NAME, updated_at=now(), updated_by_id=owner.id))
        shop = DemoShop(rng=rng, today=end, days=days, owner=owner, users=users)
        _catalogue(s, shop)
        n_sales = _sales(s, shop)
        _stock_and_orders(s, shop)
        audit.record(
            s, owner, "demo", seed, "generate", None, {"days": days, "skus": len(shop.product_ids)}
        )
    for name in DEMO_PARTS:
        importlib.import_module(name).populate(db, shop)
    return (
        f"示例店铺“{SHOP_NAME}”已生成: {len(users)} 位用户, {len(shop.product_ids)} 个 SKU, "
        f"{n_sales} 条日销量 ({days} 天)。店主: 王芳 (无 PIN)。"
    )


def _people(s: Session) -> dict[str, Actor]:
    existing = {u.name: u for u in s.execute(select(User)).scalars()}
    for name, role, job, level, _sup in PEOPLE:
        if name not in existing:
            user = User(name=name, role=role, job=job, cs_level=level)
            s.add(user)
            existing[name] = user
    s.flush()
    for name, _role, _job, _level, sup in PEOPLE:
        if sup:
            existing[name].supervisor_id = existing[sup].id
    s.flush()
    for name, *_ in PEOPLE:
        audit.record(
            s, SYSTEM, "user", existing[name].id, "create", None, {"name": name, "demo": True}
        )
    return {name: actor_of(u) for name, u in existing.items()}


def _catalogue(s: Session, shop: DemoShop) -> None:
    rng = shop.rng
    suppliers = []
    for name, lead, terms in SUPPLIERS:
        sup = Supplier(name=name, lead_time_days=lead, terms=terms, contact=f"{name[:2]}经理")
        s.add(sup)
        suppliers.append(sup)
    s.flush()
    n = 0
    for cat_i, (category, sup_i, names, (lo, hi)) in enumerate(CATALOGUE):
        for base_i, base in enumerate(names):
            for var_i, variant in enumerate(VARIANTS):
                n += 1
                roll = rng.random()
                tier = "hot" if roll < 0.15 else "regular" if roll < 0.65 else "slow"
                price = Decimal(rng.randrange(lo * 10, hi * 10)) / 10 + Decimal("0.9")
                cost = (price * Decimal(rng.uniform(0.35, 0.6))).quantize(Decimal("0.01"))
                p = Product(
                    sku=f"XM{cat_i + 1}{base_i:02d}{var_i:02d}",
                    name=f"{base} {variant}",
                    category=category,
                    tier=tier,
                    hero=False,
                    supplier_id=suppliers[sup_i].id,
                    lead_time_days=None if rng.random() < 0.8 else rng.choice([3, 5, 10, 15, 20]),
                    case_pack=rng.choice([1, 1, 6, 12, 24]),
                    moq=rng.choice([0, 0, 10, 20, 50]),
                    warning_level=None if rng.random() < 0.85 else rng.choice([10, 30, 80]),
                    cost_price=cost,
                    price=price.quantize(Decimal("0.01")),
                )
                s.add(p)
    s.flush()
    products = list(s.execute(select(Product).order_by(Product.id)).scalars())
    hot = [p for p in products if p.tier == "hot"]
    for p in rng.sample(hot, min(12, len(hot))):
        p.hero = True
    s.flush()
    shop.product_ids = [p.id for p in products]
    shop.hero_ids = [p.id for p in products if p.hero]


_BASE_RATE = {"hot": (8.0, 25.0), "regular": (1.0, 6.0), "slow": (0.05, 0.6)}


def _sales(s: Session, shop: DemoShop) -> int:
    rng = shop.rng
    products = list(
        s.execute(
            select(Product.id, Product.tier, Product.price, Product.hero).order_by(Product.id)
        )
    )
    start = shop.today - timedelta(days=shop.days)
    rows = []
    for pid, tier, price, hero in products:
        lo, hi = _BASE_RATE[tier]
        rate = rng.uniform(lo, hi) * (1.5 if hero else 1.0)
        trend = rng.uniform(-0.3, 0.4)
        for d in range(shop.days):
            day = start + timedelta(days=d)
            weekly = 1.2 if day.weekday() >= 5 else 1.0
            lam = rate * weekly * festival_factor(day) * (1 + trend * d / shop.days)
            units = _poisson(rng, lam)
            if units:
                rows.append(
                    {"day": day, "product_id": pid, "units": units, "revenue": price * units}
                )
    for i in range(0, len(rows), 20_000):
        s.execute(insert(Sale), rows[i : i + 20_000])
    return len(rows)


def _stock_and_orders(s: Session, shop: DemoShop) -> None:
    rng = shop.rng
    since = shop.today - timedelta(days=28)
    velocity: dict[int, int] = dict(
        s.execute(
            select(Sale.product_id, func.sum(Sale.units))
            .where(Sale.day >= since)
            .group_by(Sale.product_id)
        )
        .tuples()
        .all()  # a Result has .keys(), so dict() would treat it as a mapping
    )
    products = list(s.execute(select(Product)).scalars())
    moment = now()
    movements = []
    for p in products:
        v = (velocity.get(p.id) or 0) / 28
        cover = rng.choice([2, 4, 6, 10, 15, 20, 30, 45, 60])
        p.on_hand = int(v * cover) + rng.randrange(0, 6)
        p.stock_counted_at = moment
        movements.append(
            {"product_id": p.id, "at": moment, "delta": p.on_hand, "reason": "count", "ref": "demo"}
        )
    s.execute(insert(StockMovement), movements)
    buyer = shop.users["李娜"]
    by_supplier: dict[int, list[Product]] = {}
    for p in products:
        if p.supplier_id is not None:
            by_supplier.setdefault(p.supplier_id, []).append(p)
    n = 0
    for sup_id, items in sorted(by_supplier.items()):
        for k in range(2):
            n += 1
            po = PurchaseOrder(
                po_number=f"PO{shop.today:%Y%m}{n:03d}",
                supplier_id=sup_id,
                created_by_id=buyer.id,
                note="示例到货计划",
            )
            s.add(po)
            s.flush()
            for p in rng.sample(items, min(6, len(items))):
                eta = shop.today + timedelta(days=rng.randrange(-3, 15))
                received = k == 0 and eta < shop.today
                s.add(
                    PurchaseOrderLine(
                        po_id=po.id,
                        product_id=p.id,
                        qty=max(p.case_pack, 1) * rng.randrange(2, 12),
                        eta=eta,
                        received_at=moment if received else None,
                        received_by_id=shop.users["黄磊"].id if received else None,
                    )
                )
    s.flush()
