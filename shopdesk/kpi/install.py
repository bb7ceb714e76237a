"""Default data of the KPI feature: the two built-in scorecards (idempotent)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shopdesk.kpi import carddef
from shopdesk.kpi.cards import after_sales_card, pre_sales_card
from shopdesk.kpi.models import Scorecard


def install(session: Session) -> None:
    """Put the built-in cards (DOMAIN §4 defaults) into a database that has none.

    The bonus pool and base pay live on the card, where the owner edits them (编辑考核表), so a
    month keeps the amounts of the card version it was opened with.
    """
    if session.scalar(select(func.count()).select_from(Scorecard)):
        return
    for card in (after_sales_card(), pre_sales_card()):
        session.add(
            Scorecard(
                name=card.name, kind=card.kind, card_version=1, definition=carddef.to_dict(card)
            )
        )
    session.flush()
