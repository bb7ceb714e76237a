"""Imports every model module so Base.metadata knows the whole schema (Alembic, tests)."""

from shopdesk.audit import models as audit_models
from shopdesk.auth import models as auth_models
from shopdesk.campaigns import models as campaign_models
from shopdesk.checklist import models as checklist_models
from shopdesk.db.base import Base
from shopdesk.inventory import models as inventory_models
from shopdesk.kpi import models as kpi_models
from shopdesk.metrics import models as metrics_models
from shopdesk.settings import models as settings_models

__all__ = [
    "Base",
    "audit_models",
    "auth_models",
    "campaign_models",
    "checklist_models",
    "inventory_models",
    "kpi_models",
    "metrics_models",
    "settings_models",
]
