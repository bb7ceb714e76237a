"""Scorecards, monthly scoring and disputes (DOMAIN.md §4)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.clock import now
from shopdesk.db.base import Base
from shopdesk.db.types import JSONText, Money, Scaled, UTCDateTime


class Scorecard(Base):
    """A card version; editing a card makes a new version so scored months keep theirs."""

    __tablename__ = "kpi_scorecards"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # after_sales | pre_sales
    card_version: Mapped[int] = mapped_column(default=1)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("kpi_scorecards.id"))
    definition: Mapped[Any] = mapped_column(JSONText())
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (UniqueConstraint("name", "card_version"),)


class KpiMonth(Base):
    """One month of scoring with one card version for one team/kind."""

    __tablename__ = "kpi_months"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("kpi_scorecards.id"))
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|published|final
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("month", "scorecard_id"),)


class KpiScore(Base):
    __tablename__ = "kpi_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    month_id: Mapped[int] = mapped_column(ForeignKey("kpi_months.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    cs_level: Mapped[str | None] = mapped_column(String(16))
    inputs: Mapped[Any] = mapped_column(JSONText())
    # Computed from inputs with the month's card; stored so history survives card edits.
    item_points: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    final_score: Mapped[Decimal | None] = mapped_column(Scaled(2))
    passed: Mapped[bool | None] = mapped_column()
    bonus: Mapped[Decimal | None] = mapped_column(Money())
    base_pay: Mapped[Decimal | None] = mapped_column(Money())
    pay: Mapped[Decimal | None] = mapped_column(Money())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("month_id", "agent_id"),)


class KpiDispute(Base):
    __tablename__ = "kpi_disputes"

    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("kpi_scores.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text)
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open|accepted|denied
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class KpiTeamMonth(Base):
    """One supervisor's team within a month: each supervisor publishes and finalises their own.

    `team_id` is the supervisor's user id (0: agents without a supervisor, the owner's). The
    month's own status is the lowest of its teams' (draft < published < final).
    """

    __tablename__ = "kpi_team_months"

    id: Mapped[int] = mapped_column(primary_key=True)
    month_id: Mapped[int] = mapped_column(ForeignKey("kpi_months.id", ondelete="CASCADE"))
    team_id: Mapped[int] = mapped_column()
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|published|final
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reopen_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("month_id", "team_id"),)
