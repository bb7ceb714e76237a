"""Put the default ad channels (直通车, 钻展/引力魔方, 淘宝客, 短信营销) into a shop; idempotent.

Runs from `shopdesk.bootstrap.install_defaults`. A channel the owner retired stays retired: only
missing names are added.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from shopdesk.metrics.fields import DEFAULT_CHANNELS
from shopdesk.metrics.models import AdChannel


def install(session: Session) -> int:
    """Add the missing default channels; returns how many were added."""
    have = set(session.execute(select(AdChannel.name)).scalars())
    added = 0
    for order, name in enumerate(DEFAULT_CHANNELS):
        if name not in have:
            session.add(AdChannel(name=name, sort_order=order, active=True))
            added += 1
    session.flush()
    return added
