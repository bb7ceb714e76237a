"""Stage task due dates from offsets."""

from __future__ import annotations

from datetime import date

import pytest

from shopdesk.campaigns.tasks import (
    DEFAULT_LEAD_TIME_DAYS,
    STANDARD_TASKS,
    TaskTemplate,
    describe_offset,
    due_date,
    slowest_lead_time,
)
from shopdesk.errors import InvalidInput

START, END = date(2026, 11, 1), date(2026, 11, 11)


def test_stock_task_at_start_minus_slowest_lead_time() -> None:
    lead = slowest_lead_time([3, 12, None, 7])
    assert lead == 12
    assert due_date("lead_time", None, START, END, lead) == date(2026, 10, 20)


def test_no_sku_uses_default_lead_time() -> None:
    assert slowest_lead_time([]) == DEFAULT_LEAD_TIME_DAYS
    assert slowest_lead_time([None]) == DEFAULT_LEAD_TIME_DAYS


def test_page_design_three_days_before_start() -> None:
    assert due_date("start", -3, START, END, 0) == date(2026, 10, 29)
    assert due_date("end", 3, START, END, 0) == date(2026, 11, 14)


def test_signup_anchor_with_and_without_deadline() -> None:
    assert due_date("signup", -1, START, END, signup_deadline=date(2026, 10, 10)) == date(
        2026, 10, 9
    )
    assert due_date("signup", 0, START, END) == date(2026, 10, 18)


def test_unknown_anchor_and_stage_rejected() -> None:
    with pytest.raises(InvalidInput):
        due_date("moon", 0, START, END, 0)
    with pytest.raises(InvalidInput):
        TaskTemplate("party", "x")
    with pytest.raises(InvalidInput):
        TaskTemplate("live", "x", anchor="moon")


def test_describe_offsets() -> None:
    assert describe_offset("start", -3) == "开始前 3 天"
    assert describe_offset("end", 2) == "结束后 2 天"
    assert describe_offset("start", 0) == "开始当天"
    assert describe_offset("lead_time", None) == "开始 − 最慢SKU交期"


def test_standard_tasks_cover_the_pipeline() -> None:
    by_stage = {t.stage: t for t in STANDARD_TASKS}
    assert by_stage["stock_prepared"].anchor == "lead_time"
    assert (by_stage["page_designed"].anchor, by_stage["page_designed"].offset_days) == (
        "start",
        -3,
    )
    assert all(t.job for t in STANDARD_TASKS)
