"""Daily shop figures and ad-channel spend (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.db.base import Base
from shopdesk.db.types import Money, Scaled, UTCDateTime


class DailyMetric(Base):
    __tablename__ = "daily_metrics"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    visitors: Mapped[int | None] = mapped_column()  # 访客数 UV
    page_views: Mapped[int | None] = mapped_column()  # 浏览量 PV
    paying_buyers: Mapped[int | None] = mapped_column()  # 支付买家数
    orders: Mapped[int | None] = mapped_column()  # 支付订单数
    paid_amount: Mapped[Decimal | None] = mapped_column(Money())  # 支付金额
    conversion: Mapped[Decimal | None] = mapped_column(Scaled(6))  # 支付转化率 (ratio)
    aov: Mapped[Decimal | None] = mapped_column(Money())  # 客单价
    bounce_rate: Mapped[Decimal | None] = mapped_column(Scaled(6))  # 跳失率 (ratio)
    pages_per_visit: Mapped[Decimal | None] = mapped_column(Scaled(4))  # 人均浏览量
    dsr_description: Mapped[Decimal | None] = mapped_column(Scaled(4))
    dsr_service: Mapped[Decimal | None] = mapped_column(Scaled(4))
    dsr_logistics: Mapped[Decimal | None] = mapped_column(Scaled(4))
    after_sales_score: Mapped[Decimal | None] = mapped_column(Scaled(4))  # 售后综合分
    free_shipping_cost: Mapped[Decimal | None] = mapped_column(Money())
    discounts: Mapped[Decimal | None] = mapped_column(Money())
    source: Mapped[str | None] = mapped_column(String(16))  # import | form | demo
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class AdChannel(Base):
    __tablename__ = "ad_channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class ChannelDaily(Base):
    __tablename__ = "channel_daily"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    channel_id: Mapped[int] = mapped_column(ForeignKey("ad_channels.id"))
    spend: Mapped[Decimal] = mapped_column(Money())
    sales: Mapped[Decimal] = mapped_column(Money())

    __table_args__ = (UniqueConstraint("day", "channel_id"),)
