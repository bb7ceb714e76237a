"""Campaigns, their SKUs, stage history and stage tasks (DOMAIN.md §3)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.clock import now
from shopdesk.db.base import Base
from shopdesk.db.types import JSONText, Money, Scaled, UTCDateTime

# In order. "rejected" branches off after "registered"; "cancelled" may end any stage.
STAGES = (
    "planned",  # 计划
    "registered",  # 已报名
    "approved",  # 已通过
    "stock_prepared",  # 备货
    "notified",  # 已通知
    "page_designed",  # 页面设计
    "promotion_ready",  # 推广准备
    "live",  # 进行中
    "reviewed",  # 已总结
)
END_STAGES = ("rejected", "cancelled")  # 未通过 / 已取消


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))  # official | own
    platform: Mapped[str | None] = mapped_column(String(32))
    signup_deadline: Mapped[date | None] = mapped_column(Date)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    discount_text: Mapped[str | None] = mapped_column(Text)
    budget: Mapped[Decimal | None] = mapped_column(Money())
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    stage: Mapped[str] = mapped_column(String(16), default="planned")
    reject_reason: Mapped[str | None] = mapped_column(Text)
    # Recurring shop activity: {"kind": "weekly", "weekdays": [0]} or {"kind": "monthly", "day": 8};
    # occurrences are computed, never copied into rows.
    recurrence: Mapped[dict[str, object] | None] = mapped_column(JSONText())
    # Profit check inputs (owner/finance only): commission rate, promotion cost per unit.
    commission_rate: Mapped[Decimal | None] = mapped_column(Scaled(4))
    promotion_cost: Mapped[Decimal | None] = mapped_column(Money())
    # After the campaign.
    actual_sales: Mapped[Decimal | None] = mapped_column(Money())
    actual_cost: Mapped[Decimal | None] = mapped_column(Money())
    summary: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_campaigns_dates", "start", "end"),)


class CampaignSku(Base):
    __tablename__ = "campaign_skus"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    uplift: Mapped[Decimal] = mapped_column(Scaled(3), default=Decimal(1))
    campaign_price: Mapped[Decimal | None] = mapped_column(Money())

    __table_args__ = (UniqueConstraint("campaign_id", "product_id"),)


class CampaignStageChange(Base):
    __tablename__ = "campaign_stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)


class CampaignTask(Base):
    """A stage task due at an offset from the campaign; shows in the checklist on its day."""

    __tablename__ = "campaign_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(256))
    # Days from the campaign start (negative = before); None with anchor "lead_time" means
    # start minus the slowest SKU's lead time.
    offset_days: Mapped[int | None] = mapped_column()
    anchor: Mapped[str] = mapped_column(String(16), default="start")  # start | end | lead_time
    due: Mapped[date] = mapped_column(Date, index=True)
    job: Mapped[str | None] = mapped_column(String(32))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
