"""Plain rows the campaign service hands to the GUI, the CLI and the checklist (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from shopdesk.campaigns import stages
from shopdesk.campaigns.profit import ProfitCheck
from shopdesk.campaigns.recurrence import Recurrence


@dataclass(frozen=True)
class CampaignInput:
    """What a user types for a campaign (the dialog and the CLI build one)."""

    name: str
    kind: str = "official"  # official | own
    start: date | None = None
    end: date | None = None
    platform: str | None = None
    signup_deadline: date | None = None
    discount_text: str | None = None
    budget: Decimal | None = None
    owner_id: int | None = None
    recurrence: Recurrence | None = None
    commission_rate: Decimal | None = None  # owner/finance only
    promotion_cost: Decimal | None = None  # per unit; owner/finance only


@dataclass(frozen=True)
class SkuInput:
    product_id: int
    uplift: Decimal = Decimal(1)
    campaign_price: Decimal | None = None


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    kind: str
    platform: str | None
    signup_deadline: date | None
    start: date
    end: date
    discount_text: str | None
    budget: Decimal | None
    owner_id: int | None
    owner_name: str | None
    stage: str
    reject_reason: str | None
    recurrence: Recurrence | None
    commission_rate: Decimal | None  # None for roles that may not see profit figures
    promotion_cost: Decimal | None
    actual_sales: Decimal | None
    actual_cost: Decimal | None
    summary: str | None
    sku_count: int
    version: int

    @property
    def stage_label(self) -> str:
        return stages.label(self.stage)

    @property
    def kind_label(self) -> str:
        return stages.KIND_LABELS.get(self.kind, self.kind)

    @property
    def recurrence_text(self) -> str:
        return self.recurrence.describe() if self.recurrence else ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class CalendarItem:
    """One bar in the calendar: a campaign, or one day of a recurring activity."""

    campaign_id: int
    name: str
    kind: str
    stage: str
    start: date
    end: date
    recurring: bool = False


@dataclass(frozen=True)
class CampaignSkuRow:
    product_id: int
    sku: str
    name: str
    uplift: Decimal
    campaign_price: Decimal | None
    price: Decimal | None
    cost_price: Decimal | None  # None unless the actor may see cost
    lead_time_days: int | None


@dataclass(frozen=True)
class StageChangeRow:
    from_stage: str | None
    to_stage: str
    at: datetime
    user_name: str | None
    note: str | None


@dataclass(frozen=True)
class CampaignTaskRow:
    id: int
    campaign_id: int
    campaign_name: str
    stage: str
    title: str
    due: date
    anchor: str
    offset_days: int | None
    job: str | None
    assignee_id: int | None
    assignee_name: str | None
    done_at: datetime | None
    done_by_name: str | None
    note: str | None
    version: int

    @property
    def done(self) -> bool:
        return self.done_at is not None

    @property
    def stage_label(self) -> str:
        return stages.label(self.stage)

    def overdue_on(self, day: date) -> bool:
        return not self.done and self.due < day


@dataclass(frozen=True)
class ReminderRow:
    day: date
    kind: str  # signup | start | task
    campaign_id: int
    campaign_name: str
    text: str
    days_left: int


@dataclass(frozen=True)
class ProfitSummary:
    """The profit check of a campaign's SKUs (owner/finance only)."""

    checks: list[tuple[CampaignSkuRow, ProfitCheck]]
    verdict: str
    verdict_label: str
    missing: list[str] = field(default_factory=list)  # SKUs left out, and why


@dataclass(frozen=True)
class ReviewRow:
    """After the campaign: actuals, ROI with tier, and the forecast to compare with."""

    actual_sales: Decimal | None
    actual_cost: Decimal | None
    roi_text: str
    roi_tier: str
    forecast_sales: Decimal | None
    forecast_units: int | None
    vs_forecast: Decimal | None  # actual ÷ forecast − 1 (e.g. 0.12 = 12% above)
    summary: str | None


@dataclass(frozen=True)
class CampaignDetail:
    campaign: CampaignRow
    skus: list[CampaignSkuRow]
    tasks: list[CampaignTaskRow]
    history: list[StageChangeRow]
    allowed_stages: list[str]
    review: ReviewRow
    profit: ProfitSummary | None  # None for roles that may not see profit figures


@dataclass(frozen=True)
class ProductPick:
    """A product offered when adding SKUs to a campaign."""

    product_id: int
    sku: str
    name: str
    price: Decimal | None
    cost_price: Decimal | None  # None unless the actor may see cost
    lead_time_days: int | None


@dataclass(frozen=True)
class PersonPick:
    user_id: int
    name: str
    job: str | None


@dataclass(frozen=True)
class AgendaRow:
    """One line in the week view's day: a stage task or a sign-up deadline."""

    day: date
    kind: str  # task | signup
    campaign_id: int
    text: str
    done: bool = False
