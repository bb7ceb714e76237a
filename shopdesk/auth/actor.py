"""Who is acting: a plain, immutable value handed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("staff", "supervisor", "owner", "finance")
ROLE_LABELS = {"staff": "员工", "supervisor": "主管", "owner": "店主", "finance": "财务"}
# Jobs (what checklist items are assigned to); a user has one.
JOBS = ("运营", "客服", "美工", "仓库", "推广", "采购", "客服主管", "主管", "店主", "财务")
CS_LEVELS = ("普通售后客服", "高级售后客服", "售后组长", "售前客服")


@dataclass(frozen=True)
class Actor:
    id: int | None
    name: str
    role: str
    job: str | None = None
    cs_level: str | None = None
    supervisor_id: int | None = None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


# Used for work the program does on its own behalf (migrations, default data, demo).
SYSTEM = Actor(id=None, name="system", role="owner")
