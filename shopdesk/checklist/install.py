"""Put the default checklist (DOMAIN.md §1) into a new database; idempotent.

Runs from `shopdesk.bootstrap.install_defaults` inside its unit of work. It installs only when
the shop has no checklist templates at all: retired items still count, so an owner who retired
every default never gets them back by surprise.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shopdesk import audit, clock
from shopdesk.auth.actor import SYSTEM
from shopdesk.checklist.defaults import DEFAULT_TEMPLATES
from shopdesk.checklist.models import ChecklistTemplate


def install(session: Session) -> int:
    """Add the default templates if there are none; returns how many were added."""
    if session.scalar(select(func.count()).select_from(ChecklistTemplate)):
        return 0
    for n, d in enumerate(DEFAULT_TEMPLATES, start=1):
        rule = d.rule
        session.add(
            ChecklistTemplate(
                section=d.section,
                title=d.title,
                sort_order=n * 10,
                job=d.job,
                recurrence=rule.kind,
                weekdays=rule.weekdays_text,
                month_day=rule.month_day,
                miss_policy=d.miss_policy,
                needs_note=d.needs_note,
                needs_number=d.needs_number,
                number_label=d.number_label,
                link_key=d.link_key,
                active_from=clock.today(),
            )
        )
    session.flush()
    audit.record(
        session,
        SYSTEM,
        "checklist_template",
        "*",
        "install_defaults",
        None,
        {"count": len(DEFAULT_TEMPLATES)},
    )
    return len(DEFAULT_TEMPLATES)
