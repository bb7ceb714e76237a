"""Catalogue, stock, sales, purchase orders and saved restock sheets (DOMAIN.md §2)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.clock import now
from shopdesk.db.base import Base
from shopdesk.db.types import JSONText, Money, Scaled, UTCDateTime

TIERS = ("hot", "regular", "slow")  # 热销 / 常销 / 滞销


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    lead_time_days: Mapped[int] = mapped_column(default=7)
    contact: Mapped[str | None] = mapped_column(String(128))
    # 供应商条款 (payment, dropship terms): owner/finance only.
    terms: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(256))
    category: Mapped[str | None] = mapped_column(String(64))
    tier: Mapped[str] = mapped_column(String(8), default="regular")
    hero: Mapped[bool] = mapped_column(default=False)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    # None: use the supplier's default lead time.
    lead_time_days: Mapped[int | None] = mapped_column()
    case_pack: Mapped[int] = mapped_column(default=1)
    moq: Mapped[int] = mapped_column(default=0)
    # None: use the tier default from settings.
    warning_level: Mapped[int | None] = mapped_column()
    cost_price: Mapped[Decimal | None] = mapped_column(Money())
    price: Mapped[Decimal | None] = mapped_column(Money())
    active: Mapped[bool] = mapped_column(default=True)
    on_hand: Mapped[int] = mapped_column(default=0)
    stock_counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class StockMovement(Base):
    """Every change of on-hand, so `shopdesk check` can verify they add up."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    delta: Mapped[int] = mapped_column()
    reason: Mapped[str] = mapped_column(String(32))  # count | import | receive | unreceive | edit
    ref: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Sale(Base):
    """Units and revenue of one SKU on one day; re-imports upsert on (day, product).

    The table is clustered on its key (SQLite: WITHOUT ROWID) with no other index: every query
    starts with a day range, so the table itself serves them, and an import writes one B-tree
    instead of three (rowid table + unique index + covering index: 3× slower for 100,000 rows)."""

    __tablename__ = "sales"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    units: Mapped[int] = mapped_column()
    revenue: Mapped[Decimal | None] = mapped_column(Money())

    __table_args__ = {"sqlite_with_rowid": False}


class PurchaseOrder(Base):
    __tablename__ = "purchase_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    po_number: Mapped[str] = mapped_column(String(64), unique=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    qty: Mapped[int] = mapped_column()
    eta: Mapped[date] = mapped_column(Date)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (UniqueConstraint("po_id", "product_id"),)


class RestockSheet(Base):
    """A saved weekly sheet; its lines are a snapshot that never follows later data changes."""

    __tablename__ = "restock_sheets"

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_date: Mapped[date] = mapped_column(Date, unique=True)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    parameters: Mapped[dict[str, object] | None] = mapped_column(JSONText())
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class RestockLine(Base):
    __tablename__ = "restock_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("restock_sheets.id", ondelete="CASCADE"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    position: Mapped[int] = mapped_column()
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(256))
    supplier: Mapped[str | None] = mapped_column(String(128))
    tier: Mapped[str] = mapped_column(String(8))
    hero: Mapped[bool] = mapped_column()
    on_hand: Mapped[int] = mapped_column()
    on_order: Mapped[int] = mapped_column()
    lead_time_days: Mapped[int] = mapped_column()
    velocity: Mapped[Decimal] = mapped_column(Scaled(4))
    cover_days: Mapped[int] = mapped_column()
    campaign_extra: Mapped[Decimal] = mapped_column(Scaled(4))
    warning_level: Mapped[int] = mapped_column()
    suggested_qty: Mapped[int] = mapped_column()
    override_qty: Mapped[int | None] = mapped_column()
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    override_note: Mapped[str | None] = mapped_column(Text)
    # The purchase order 生成采购单 made from this line (None: not ordered from the sheet yet).
    po_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_orders.id", ondelete="SET NULL"))

    __table_args__ = (UniqueConstraint("sheet_id", "sku"),)
