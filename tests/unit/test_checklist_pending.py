"""Pending ticks from the early checklist: what one more press means, and what is saved later."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from shopdesk.checklist.dayview import DayRow
from shopdesk.checklist.pending import PendingTick, net, plan, tickable_early

DAY = date(2026, 11, 22)
AT = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
OPEN = DayRow(3, DAY, "店铺检查", "主推款库存", "open", False, "每天", "运营", None, "expires",
              False, False, None, None)  # fmt: skip
DONE = replace(OPEN, status="done", by_name="刘洋", at=AT)
SKIPPED = replace(OPEN, status="skipped", by_name="刘洋", at=AT, note="断货")


def press(row: DayRow, times: int) -> PendingTick | None:
    pending: dict[str, PendingTick] = {}
    for _ in range(times):
        tick = net(pending, row, AT)
        pending = {} if tick is None else {row.key: tick}
    return pending.get(row.key)


def test_presses_on_an_open_row_alternate_and_cancel_out() -> None:
    first = press(OPEN, 1)
    assert first is not None and first.done and first.seen_status == "open"
    assert press(OPEN, 2) is None
    assert press(OPEN, 3) == first


def test_presses_on_a_done_row_undo_then_cancel() -> None:
    undo = press(DONE, 1)
    assert undo is not None and not undo.done and undo.seen_by == "刘洋"
    assert press(DONE, 2) is None


def test_a_skipped_row_is_undone_then_ticked_as_space_does() -> None:
    first, second, third = press(SKIPPED, 1), press(SKIPPED, 2), press(SKIPPED, 3)
    assert first is not None and not first.done
    assert second is not None and second.done  # ticking replaces the skip
    assert third is not None and not third.done  # open, not back to skipped


def test_plan_ticks_and_unticks_rows_that_did_not_change() -> None:
    tick = PendingTick.of(OPEN, True, AT)
    assert plan(tick, OPEN, "陈晨").action == "tick"
    undo = PendingTick.of(DONE, False, AT)
    assert plan(undo, DONE, "陈晨").action == "untick"
    assert plan(PendingTick.of(SKIPPED, True, AT), SKIPPED, "陈晨").action == "tick"


def test_plan_says_why_when_the_row_changed_meanwhile() -> None:
    tick = PendingTick.of(OPEN, True, AT)
    assert plan(tick, None, "陈晨").reason == "gone"
    assert plan(tick, DONE, "陈晨").reason == "ticked"
    assert plan(tick, replace(DONE, by_name="陈晨"), "陈晨").reason is None  # mine already
    assert plan(tick, SKIPPED, "陈晨").reason == "skipped"
    undo = PendingTick.of(DONE, False, AT)
    later = replace(DONE, by_name="王芳", at=AT.replace(hour=3))
    assert plan(undo, later, "陈晨").reason == "changed"
    assert plan(undo, OPEN, "陈晨").action == "none"  # already undone: nothing to say
    assert plan(undo, OPEN, "陈晨").reason is None


def test_only_a_plain_checklist_item_is_ticked_early() -> None:
    assert tickable_early(OPEN)
    assert not tickable_early(replace(OPEN, needs_number=True))
    assert not tickable_early(replace(OPEN, needs_note=True))
    assert not tickable_early(replace(OPEN, source="campaign"))
