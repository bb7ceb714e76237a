"""Checklist templates and their occurrences (DOMAIN.md §1)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.clock import now
from shopdesk.db.base import Base
from shopdesk.db.types import Scaled, UTCDateTime


class ChecklistTemplate(Base):
    __tablename__ = "checklist_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    section: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(default=0)
    # Assigned to a job (运营/客服/美工/仓库/推广/采购/客服主管/主管/店主; several as "店主/采购")
    # or a person, or both empty = everyone.
    job: Mapped[str | None] = mapped_column(String(32))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # daily | weekdays | weekly | monthly
    recurrence: Mapped[str] = mapped_column(String(16), default="daily")
    weekdays: Mapped[str | None] = mapped_column(String(16))  # "0,3" = Mon, Thu (weekly)
    month_day: Mapped[int | None] = mapped_column()  # monthly; 31 → last day
    miss_policy: Mapped[str] = mapped_column(String(16), default="expires")  # or rolls_over
    needs_note: Mapped[bool] = mapped_column(default=False)
    needs_number: Mapped[bool] = mapped_column(default=False)
    number_label: Mapped[str | None] = mapped_column(String(32))
    link_key: Mapped[str | None] = mapped_column(String(32))
    active_from: Mapped[date | None] = mapped_column(Date)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ChecklistOccurrence(Base):
    """One item on one day, created when it is ticked or skipped; history is never rewritten."""

    __tablename__ = "checklist_occurrences"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id"))
    day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8))  # done | skipped
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    note: Mapped[str | None] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(Scaled(4))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("template_id", "day"),
        Index("ix_checklist_occurrences_day", "day"),
    )
