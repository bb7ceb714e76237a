"""People who use the app."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shopdesk.clock import now
from shopdesk.db.base import Base
from shopdesk.db.types import UTCDateTime


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # staff | supervisor | owner | finance
    # What the person does day to day (运营/客服/美工/仓库/推广/采购/客服主管...), used to route
    # checklist items assigned to a job rather than a person.
    job: Mapped[str | None] = mapped_column(String(32))
    # CS agents only: 普通售后客服 / 高级售后客服 / 售后组长 / 售前客服
    cs_level: Mapped[str | None] = mapped_column(String(16))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    pin_hash: Mapped[str | None] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
