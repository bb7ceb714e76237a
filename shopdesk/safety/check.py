"""`shopdesk check`: is the database whole, and do our own records agree with each other?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from shopdesk.audit.service import verify_chain
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Product, StockMovement


@dataclass(frozen=True)
class Finding:
    ok: bool
    what: str
    detail: str = ""
    advice: str = ""


def run_checks(db: Database) -> list[Finding]:
    findings = []
    with db.read() as s:
        if db.is_sqlite:
            rows = [r for (r,) in s.execute(text("PRAGMA integrity_check"))]
            findings.append(
                Finding(True, "数据库文件完整 (integrity_check)")
                if rows == ["ok"]
                else Finding(
                    False,
                    "数据库文件有损坏的页",
                    "; ".join(rows[:5]),
                    "立即关闭 ShopDesk, 用 数据 → 备份与恢复 恢复最近一份备份, 或联系技术支持。",
                )
            )
            fk = s.execute(text("PRAGMA foreign_key_check")).fetchall()
            findings.append(
                Finding(True, "表之间的引用一致 (foreign_key_check)")
                if not fk
                else Finding(
                    False,
                    f"{len(fk)} 行引用了不存在的记录",
                    ", ".join(f"{r[0]}#{r[1]}" for r in fk[:5]),
                    "恢复最近一份备份; 若问题仍在, 请联系技术支持。",
                )
            )
        broken = verify_chain(s)
        findings.append(
            Finding(True, "操作日志未被改动 (哈希链完整)")
            if not broken
            else Finding(
                False,
                f"操作日志有 {len(broken)} 行与哈希链不符: 有人绕过 ShopDesk 修改了数据",
                "行号 " + ", ".join(map(str, broken[:10])),
                "查看这些行附近的时间与用户; 从这之前的备份恢复可以找回原值。",
            )
        )
        moved = (
            select(StockMovement.product_id, func.sum(StockMovement.delta).label("total"))
            .group_by(StockMovement.product_id)
            .subquery()
        )
        mismatched = s.execute(
            select(Product.sku, Product.on_hand, func.coalesce(moved.c.total, 0))
            .outerjoin(moved, moved.c.product_id == Product.id)
            .where(Product.on_hand != func.coalesce(moved.c.total, 0))
            .limit(11)
        ).all()
        findings.append(
            Finding(True, "库存与出入库记录相符")
            if not mismatched
            else Finding(
                False,
                f"{'10+' if len(mismatched) > 10 else len(mismatched)} 个商品的库存"
                "与出入库记录合计不符",
                ", ".join(f"{sku}: 库存 {oh}, 记录合计 {tot}" for sku, oh, tot in mismatched[:5]),
                "盘点这些商品, 实际数不同的用 导入库存表 录入; 然后店主运行"
                " shopdesk check --fix-stock, 按显示的库存补一条盘点记录 (写入操作日志)。",
            )
        )
    return findings
