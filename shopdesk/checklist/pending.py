"""Ticks made in the early checklist, before the database layer has loaded, until they are saved.

At start-up (`shopdesk --as NAME`) today's checklist is read with sqlite3 and shown at once
(shopdesk/ui/checklist_preview.py); the user can tick and untick there while SQLAlchemy loads.
Each change is kept as a `PendingTick`: the row as it was seen and what the user wants. When the
real 今日检查 tab is there it compares each with the row as it is now (`plan`) and saves it
through shopdesk.checklist.service, which checks permissions and writes the audit row; anything
that changed meanwhile (someone else ticked it first, the item is gone) is said, not saved.

Pure: no database, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from shopdesk.checklist.dayview import DayRow

Action = Literal["tick", "untick", "none"]
# Why nothing was saved: the item left the list, someone else ticked / skipped it first, or it
# changed since it was shown (another tick or untick of a resolved item).
Reason = Literal["gone", "ticked", "skipped", "changed"]


def tickable_early(row: DayRow) -> bool:
    """A plain tick: a checklist item with no number or note to type first (the real tab opens
    an editor for those, and the service refuses a tick without them)."""
    return row.source == "template" and not row.needs_note and not row.needs_number


@dataclass(frozen=True)
class PendingTick:
    """What the user did to one row of the early checklist: tick it (`done`) or undo it."""

    key: str  # DayRow.key, "12@2026-11-22"
    template_id: int
    day: date
    title: str
    done: bool
    at: datetime  # when the user pressed (aware)
    seen_status: str  # the row as the early checklist showed it
    seen_by: str | None
    seen_at: datetime | None

    @classmethod
    def of(cls, row: DayRow, done: bool, at: datetime) -> PendingTick:
        return cls(
            key=row.key,
            template_id=row.template_id,
            day=row.day,
            title=row.title,
            done=done,
            at=at,
            seen_status=row.status,
            seen_by=row.by_name,
            seen_at=row.at,
        )

    def unchanged(self, row: DayRow) -> bool:
        """`row` (read now) is as the early checklist showed it."""
        return (row.status, row.by_name, row.at) == (self.seen_status, self.seen_by, self.seen_at)


@dataclass(frozen=True)
class Step:
    """What to do with a pending tick now: a service call, or nothing (and why, if it matters)."""

    action: Action
    reason: Reason | None = None
    row: DayRow | None = None  # the row as it is now (who ticked it first, when)


def plan(tick: PendingTick, row: DayRow | None, me: str) -> Step:
    """Compare a pending tick with its row as read now (None: not in today's list any more).

    `me` is the user's name: their own tick seen meanwhile (another window) needs no message.
    """
    if row is None:
        return Step("none", "gone")
    if tick.done:
        if row.status == "done":
            return Step("none", None if row.by_name == me else "ticked", row)
        if row.status == "skipped" and not tick.unchanged(row):
            return Step("none", "skipped", row)
        return Step("tick", row=row)
    if not row.resolved:
        return Step("none", row=row)  # already not ticked: what the user wanted
    if not tick.unchanged(row):
        return Step("none", "changed", row)
    return Step("untick", row=row)


def net(pending: dict[str, PendingTick], row: DayRow, at: datetime) -> PendingTick | None:
    """The pending tick after one more press on `row` (None: back to what is saved).

    Like Space in the real tab: a row shown resolved (done or skipped) is undone, any other is
    ticked. The press is relative to what the user sees, pending ticks included.
    """
    before = pending.get(row.key)
    shown_resolved = before.done if before is not None else row.resolved
    want_done = not shown_resolved
    saved = row.status == "done" if want_done else not row.resolved
    return None if saved else PendingTick.of(row, want_done, at)
