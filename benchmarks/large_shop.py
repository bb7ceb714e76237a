"""A large shop for benchmarks: `python -m benchmarks.large_shop [--data-dir DIR]`.

20,000 SKUs from 30 suppliers, two years of daily sales where about a quarter of SKU-days sell
(~3.6 M rows), stock, open purchase orders, 30 CS agents scored for 24 months, two years of daily
metrics and channel spend, campaigns and checklist history. Bulk rows go in through plain
executemany (the ORM took 50× longer here); the smaller feature histories reuse the demo parts.
Cached: a second call with the same parameters returns at once.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from shopdesk.config import Location, resolve

DEFAULT_DIR = Path(tempfile.gettempdir()) / "shopdesk-large-shop"
TIERS = ("hot", "regular", "slow")


def build(
    data_dir: Path = DEFAULT_DIR,
    *,
    skus: int = 20_000,
    days: int = 730,
    density: float = 0.25,
    agents: int = 30,
    months: int = 24,
    today: date | None = None,
    quiet: bool = False,
) -> Location:
    from shopdesk import demo as demo_mod
    from shopdesk.auth import service as auth
    from shopdesk.auth.models import User
    from shopdesk.auth.service import actor_of
    from shopdesk.bootstrap import open_shop
    from shopdesk.campaigns import demo as campaigns_demo
    from shopdesk.checklist import demo as checklist_demo
    from shopdesk.kpi import demo as kpi_demo
    from shopdesk.metrics import demo as metrics_demo

    today = today or date.today()
    params = {
        "skus": skus,
        "days": days,
        "density": density,
        "agents": agents,
        "months": months,
        "today": today.isoformat(),
        "v": 1,
    }
    location = resolve(data_dir)
    stamp = data_dir / "large-shop.json"
    db_file = location.sqlite_path
    if stamp.exists() and json.loads(stamp.read_text()) == params and db_file and db_file.exists():
        return location
    started = time.perf_counter()
    data_dir.mkdir(parents=True, exist_ok=True)
    for leftover in data_dir.glob("shopdesk.db*"):
        leftover.unlink()
    db = open_shop(location)
    owner = auth.create_owner(db, "店主", None)
    rng = random.Random(20_000)
    with db.write() as s:
        sups = [User(name=f"客服主管{i}", role="supervisor", job="客服主管") for i in (1, 2)]
        s.add_all(sups)
        staff = [
            User(name=n, role="staff", job=j)
            for n, j in [
                ("运营甲", "运营"),
                ("美工乙", "美工"),
                ("仓库丙", "仓库"),
                ("推广丁", "推广"),
            ]
        ]
        s.add_all(staff)
        s.flush()
        levels = ("普通售后客服", "高级售后客服", "售后组长", "售前客服")
        people = [
            User(
                name=f"客服{i:02d}",
                role="staff",
                job="客服",
                cs_level=levels[i % 4 if i % 10 else 2],
                supervisor_id=sups[i % 2].id,
            )
            for i in range(agents)
        ]
        s.add_all(people)
        s.flush()
        users = {u.name: actor_of(u) for u in [*sups, *staff, *people]}
    users[owner.name] = owner
    assert location.sqlite_path is not None
    _bulk(location.sqlite_path, rng, skus=skus, days=days, density=density, today=today)
    if not quiet:
        print(f"  catalogue and {days} days of sales: {time.perf_counter() - started:.0f} s")
    shop = demo_mod.DemoShop(rng=rng, today=today, days=days, owner=owner, users=users)
    with db.read() as s:
        from sqlalchemy import select

        from shopdesk.inventory.models import Product

        shop.product_ids = list(s.scalars(select(Product.id)))
        shop.hero_ids = list(s.scalars(select(Product.id).where(Product.hero.is_(True))))
    kpi_demo.MONTHS = months
    for part in (metrics_demo, checklist_demo, campaigns_demo, kpi_demo):
        part.populate(db, shop)
    db.dispose()
    stamp.write_text(json.dumps(params))
    if not quiet:
        print(f"large shop ready in {data_dir} after {time.perf_counter() - started:.0f} s")
    return location


def _bulk(
    path: Path, rng: random.Random, *, skus: int, days: int, density: float, today: date
) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.executemany(
        "INSERT INTO suppliers (name, lead_time_days, active, version) VALUES (?, ?, 1, 1)",
        [(f"供应商{i:02d}", rng.randint(3, 20)) for i in range(30)],
    )
    con.executemany(
        "INSERT INTO products (id, sku, name, category, tier, hero, supplier_id, case_pack, moq,"
        " active, on_hand, price, cost_price, version) VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?,1)",
        [
            (
                i + 1,
                f"SKU{i:06d}",
                f"商品{i} {('收纳', '杯壶', '家纺', '餐具')[i % 4]}",
                ("收纳", "杯壶", "家纺", "餐具")[i % 4],
                TIERS[i % 3],
                int(i % 200 == 0),
                i % 30 + 1,
                rng.choice([1, 6, 12, 24]),
                rng.choice([0, 0, 20, 50]),
                rng.randint(0, 400),
                rng.randint(990, 29900),
                rng.randint(400, 12000),
            )
            for i in range(skus)
        ],
    )
    first = today - timedelta(days=days)
    batch: list[tuple[str, int, int, int]] = []
    for d in range(days):
        day = (first + timedelta(days=d)).isoformat()
        for pid in range(1, skus + 1):
            if rng.random() < density:
                units = rng.randint(1, 30)
                batch.append((day, pid, units, units * 2990))
        if len(batch) > 200_000:
            con.executemany(
                "INSERT INTO sales (day, product_id, units, revenue) VALUES (?,?,?,?)", batch
            )
            batch.clear()
    con.executemany("INSERT INTO sales (day, product_id, units, revenue) VALUES (?,?,?,?)", batch)
    con.executemany(
        "INSERT INTO purchase_orders (id, po_number, supplier_id, created_at, version)"
        " VALUES (?, ?, ?, ?, 1)",
        [
            (i, f"PO{i:05d}", i % 30 + 1, f"{today - timedelta(days=7)} 00:00:00")
            for i in range(1, 201)
        ],
    )
    con.executemany(
        "INSERT INTO purchase_order_lines (po_id, product_id, qty, eta) VALUES (?, ?, ?, ?)",
        [
            (i // 10 + 1, i * 9 + 1, 120, (today + timedelta(days=i % 20)).isoformat())
            for i in range(2000)
        ],
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--skus", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=730)
    args = parser.parse_args(argv)
    build(args.data_dir, skus=args.skus, days=args.days)
    return 0


if __name__ == "__main__":
    sys.exit(main())
