"""Bringing the stock records back in line after `shopdesk check` found on-hand ≠ movements.

Re-importing the same count writes no movement (nothing changed), so a mismatch made outside
ShopDesk would stay forever. After a stock count has confirmed the on-hand figures, the owner
adds one audited correcting movement per product, and the two agree again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, require
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product, StockMovement


@dataclass(frozen=True)
class StockFix:
    sku: str
    on_hand: int
    recorded: int


def reconcile_stock(db: Database, actor: Actor) -> list[StockFix]:
    """One correcting movement (reason "count") per product whose movements do not add up."""
    require(actor, Perm.RESTORE)  # a repair of records: the owner's call
    fixes: list[StockFix] = []
    with db.write() as s:
        moved = (
            select(StockMovement.product_id, func.sum(StockMovement.delta).label("total"))
            .group_by(StockMovement.product_id)
            .subquery()
        )
        rows = s.execute(
            select(Product.id, Product.sku, Product.on_hand, func.coalesce(moved.c.total, 0))
            .outerjoin(moved, moved.c.product_id == Product.id)
            .where(Product.on_hand != func.coalesce(moved.c.total, 0))
        ).all()
        stamp = now()
        for pid, sku, on_hand, recorded in rows:
            s.add(
                StockMovement(
                    product_id=pid,
                    at=stamp,
                    delta=on_hand - int(recorded),
                    reason="count",
                    ref="shopdesk check --fix-stock",
                    user_id=actor.id,
                )
            )
            audit.record(
                s,
                actor,
                "stock",
                sku,
                "reconcile",
                {"recorded": int(recorded)},
                {"on_hand": on_hand},
            )
            fixes.append(StockFix(sku, on_hand, int(recorded)))
    return fixes
