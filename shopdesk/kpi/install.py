"""Default data of the KPI feature: the two built-in scorecards (run at every start, idempotent)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shopdesk.kpi import carddef
from shopdesk.kpi.cards import after_sales_card, pre_sales_card
from shopdesk.kpi.models import Scorecard
from shopdesk.settings import service as settings


def install(session: Session) -> None:
    """Put the built-in cards into a database that has none, with the pool/base-pay settings."""
    if session.scalar(select(func.count()).select_from(Scorecard)):
        return
    pool = Decimal(str(settings.get(session, "kpi.bonus_pool")))
    base = {k: Decimal(str(v)) for k, v in dict(settings.get(session, "kpi.base_pay")).items()}
    for card in (after_sales_card(pool, base), pre_sales_card(pool)):
        session.add(
            Scorecard(
                name=card.name, kind=card.kind, card_version=1, definition=carddef.to_dict(card)
            )
        )
    session.flush()
