"""One place for 'now' and 'today', so tests and the CLI's --date can agree on time."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """The shop's calendar day, in the computer's local time zone."""
    return datetime.now().astimezone().date()
