"""The audit log: who changed what, when, from what to what."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.db.base import Base
from shopdesk.db.types import JSONText, UTCDateTime


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_name: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    after: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    # Set when one action touched more records than the bulk-change setting allows.
    flagged: Mapped[bool] = mapped_column(default=False)
    # Hash chain: each row's hash covers its content and the previous row's hash.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"), Index("ix_audit_at", "at"))
